import { bodyToBlocks, withoutClaimMarks } from '../article/blocks';
import type { ArticleBody, ArticleMeta } from '../domain/articles';
import { toXsdDateTime } from './dates';
import { escapeAttr, escapeText } from './escape';
import { correctionSentence, correctionsHtml, inOrder, type CorrectionNote } from './corrections';
import { renderBlocksHtml } from './htmlBlocks';

/**
 * NewsML-G2 2.35 newsItem (power conformance) with the body as inline XHTML.
 * Validated against the IPTC schema in resources/schemas/newsml-g2 by the tests.
 */
export interface NewsmlOptions {
  /** Shown as the item's provider (literal); defaults to "Factdesk". */
  provider?: string;
  /** Item version, a positive integer; defaults to 1. */
  version?: number;
  /** Fallback for versionCreated when the article has no valid updatedAt. */
  now?: Date;
  /**
   * Corrections: the item carries a correction signal and one editorial note per correction for
   * the receiving desks, and the corrections section in the body for readers.
   */
  corrections?: readonly CorrectionNote[];
}

export const NEWSML_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';
const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml';
// The IPTC codes have no role for a kicker, so the item declares its own small scheme.
const LOCAL_SCHEME_ALIAS = 'fdrole';
const LOCAL_SCHEME_URI = 'urn:factdesk:newsml:role:';

function pubStatus(meta: ArticleMeta): string {
  return meta.status === 'ready' || meta.status === 'published' ? 'stat:usable' : 'stat:withheld';
}

export function exportNewsml(meta: ArticleMeta, body: ArticleBody, options: NewsmlOptions = {}): string {
  const version = Number.isInteger(options.version) && options.version! > 0 ? options.version! : 1;
  const lang = escapeAttr(meta.language);
  const versionCreated = toXsdDateTime(meta.updatedAt) ?? (options.now ?? new Date()).toISOString();
  const firstCreated = toXsdDateTime(meta.createdAt);
  const blocks = withoutClaimMarks(bodyToBlocks(body));
  const xhtmlBody = renderBlocksHtml(blocks, { indent: '          ' });

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<newsItem xmlns="${NEWSML_NAMESPACE}" guid="${escapeAttr(`urn:factdesk:article:${meta.id}`)}" version="${version}" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="${lang}">`,
    `  <catalogRef href="${IPTC_CATALOG}"/>`,
    '  <catalog>',
    `    <scheme alias="${LOCAL_SCHEME_ALIAS}" uri="${LOCAL_SCHEME_URI}"/>`,
    '  </catalog>',
    '  <itemMeta>',
    '    <itemClass qcode="ninat:text"/>',
    `    <provider literal="${escapeAttr(options.provider ?? 'Factdesk')}"/>`,
    `    <versionCreated>${versionCreated}</versionCreated>`,
  ];
  if (firstCreated) lines.push(`    <firstCreated>${firstCreated}</firstCreated>`);
  lines.push(`    <pubStatus qcode="${pubStatus(meta)}"/>`);
  const corrections = inOrder(options.corrections ?? []);
  for (const note of corrections) {
    lines.push(
      `    <edNote role="${LOCAL_SCHEME_ALIAS}:correction" xml:lang="${lang}">${escapeText(correctionSentence(note, meta.language))}</edNote>`,
    );
  }
  if (corrections.length > 0) lines.push('    <signal qcode="sig:correction"/>');
  lines.push('  </itemMeta>', '  <contentMeta>');
  if (firstCreated) lines.push(`    <contentCreated>${firstCreated}</contentCreated>`);
  lines.push(`    <contentModified>${versionCreated}</contentModified>`);
  if (meta.author) lines.push(`    <creator><name>${escapeText(meta.author)}</name></creator>`);
  lines.push(`    <language tag="${lang}"/>`);
  if (meta.kicker)
    lines.push(`    <headline role="${LOCAL_SCHEME_ALIAS}:kicker">${escapeText(meta.kicker)}</headline>`);
  lines.push(`    <headline>${escapeText(meta.headline)}</headline>`);
  if (meta.dateline) lines.push(`    <dateline>${escapeText(meta.dateline)}</dateline>`);
  if (meta.byline) lines.push(`    <by>${escapeText(meta.byline)}</by>`);
  if (meta.lead) lines.push(`    <description role="drol:summary">${escapeText(meta.lead)}</description>`);
  lines.push(
    '  </contentMeta>',
    '  <contentSet>',
    '    <inlineXML contenttype="application/xhtml+xml">',
    `      <html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" xml:lang="${lang}">`,
    '        <head>',
    `          <title>${escapeText(meta.headline)}</title>`,
    '        </head>',
    '        <body>',
    xhtmlBody.trimEnd(),
    correctionsHtml(corrections, meta.language, '          '),
    '        </body>',
    '      </html>',
    '    </inlineXML>',
    '  </contentSet>',
    '</newsItem>',
    '',
  );
  return lines.filter((l) => l !== '').join('\n') + '\n';
}
