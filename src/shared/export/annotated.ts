import { bodyToBlocks } from '../article/blocks';
import type { ExportContext } from './context';
import { escapeAttr, escapeText } from './escape';
import { formatInstant } from './factText';
import { correctionsHtml } from './corrections';
import { ARTICLE_CSS, articleHeaderHtml, htmlDocument } from './html';
import { renderBlocksHtml } from './htmlBlocks';
import { STATUS_CSS, claimDetailsHtml, numberClaims, uiLanguageOf } from './claimDetails';
import { labelsFor } from './labels';
import { claimIdsOf, threadIdsOf } from '../comments/threadIds';
import type { CommentThread } from '../domain/comments';
import { COMMENT_NOTES_CSS, commentNotesHtml, numberThreads } from './commentNotes';

/**
 * The article for the record: every claim is highlighted and numbered in the text, and a note per
 * claim lists its status, kind, linked facts, sources with locators, and who checked it when.
 * Claims no longer in the text follow in their own section so nothing checked is lost.
 */
export interface AnnotatedOptions {
  /** When the document was produced; shown in the header. Defaults to now. */
  generatedAt?: string;
  /**
   * The article's comment threads, when the caller asks for them: the commented words are tinted
   * with a note reference (K1, K2…) and the threads follow the claims as notes (in a PDF, at the
   * end of the document). Without it the marks of threads leave their words plain.
   */
  threads?: readonly CommentThread[];
}

const ANNOTATED_CSS = `
mark.claim { background: #fff3b0; padding: 0 0.1em; }
mark.claim-verified { background: #d9f0dc; }
mark.claim-false { background: #f7d6d6; }
mark.claim-disputed { background: #fbe5c8; }
mark.claim-unsourced { background: #e4e4e4; }
mark.claim-unknown { background: none; border-bottom: 1px dotted #999; }
sup.claim-ref { font-family: Helvetica, Arial, sans-serif; font-size: 0.7em; }
sup.claim-ref a { text-decoration: none; }
.record-note { font-family: Helvetica, Arial, sans-serif; font-size: 0.8em; color: #555; border: 1px solid #ddd; padding: 0.4em 0.6em; }
.claim-notes { margin-top: 2.5em; border-top: 2px solid #333; font-size: 0.9em; }
.claim-notes li { margin-bottom: 1em; page-break-inside: avoid; }
.claim-notes ul { margin: 0.2em 0; }
.claim-notes p { margin: 0.2em 0; }
.claim-text { font-style: italic; }
.kind, .checked { font-family: Helvetica, Arial, sans-serif; font-size: 0.85em; color: #555; }
.missing, .warning-open { color: #8a1c1c; }
`.trim();

export function exportAnnotatedHtml(ctx: ExportContext, options: AnnotatedOptions = {}): string {
  const language = uiLanguageOf(ctx);
  const l = labelsFor(language);
  const numbered = numberClaims(ctx);
  const byId = new Map(numbered.map((n) => [n.claim.id, n]));

  const threads = options.threads ? numberThreads(ctx.body, options.threads) : [];
  const threadLabel = new Map(threads.filter((n) => n.place === 'text').map((n) => [n.thread.id, n.label]));
  // A thread split over several marks gets its reference once, after its first part.
  const referenced = new Set<string>();
  const renderThreads = (ids: string[], inner: string) => {
    const labels = ids.map((id) => threadLabel.get(id)).filter((l) => l !== undefined);
    if (labels.length === 0) return inner;
    const fresh = labels.filter((l) => !referenced.has(l));
    fresh.forEach((l) => referenced.add(l));
    const refs = fresh.length
      ? `<sup class="comment-ref">[${fresh.map((l) => `<a href="#comment-note-${l}">${l}</a>`).join(',')}]</sup>`
      : '';
    return `<span class="commented">${inner}</span>${refs}`;
  };

  const body = renderBlocksHtml(bodyToBlocks(ctx.body), {
    renderClaim: (run, inner) => {
      const claimIds = claimIdsOf(run.ids);
      const withThreads = renderThreads(threadIdsOf(run.ids), inner);
      // A mark that carries only threads is no claim.
      if (claimIds.length === 0) return withThreads;
      inner = withThreads;
      const known = claimIds.map((id) => byId.get(id)).filter((n) => n !== undefined);
      if (known.length === 0)
        return `<mark class="claim claim-unknown" title="${escapeAttr(l.text.unknownClaim)}">${inner}</mark>`;
      const first = known[0]!;
      const refs = known.map((n) => `<a href="#claim-note-${n.number}">${n.number}</a>`).join(',');
      return `<mark class="claim claim-${escapeAttr(first.claim.status)}" data-claim="${escapeAttr(
        known.map((n) => n.claim.id).join(' '),
      )}">${inner}</mark><sup class="claim-ref">[${refs}]</sup>`;
    },
  });

  const note = (n: (typeof numbered)[number]) =>
    `<li id="claim-note-${n.number}" value="${n.number}">\n${claimDetailsHtml(n.claim, ctx)}\n</li>`;
  const inText = numbered.filter((n) => n.marked);
  const gone = numbered.filter((n) => !n.marked);
  const notes = [
    '<section class="claim-notes">',
    `<h2>${escapeText(l.text.claims)}</h2>`,
    inText.length ? `<ol>\n${inText.map(note).join('\n')}\n</ol>` : `<p>${escapeText(l.text.none)}</p>`,
  ];
  if (gone.length)
    notes.push(`<h3>${escapeText(l.text.notInText)}</h3>`, `<ol>\n${gone.map(note).join('\n')}\n</ol>`);
  notes.push('</section>');
  if (options.threads)
    notes.push(commentNotesHtml(threads, language, (claimId) => byId.get(claimId)?.number));

  const generated = formatInstant(options.generatedAt ?? new Date().toISOString());
  const recordNote = `<p class="record-note">${escapeText(
    `${l.text.annotated} · ${l.text.statusOfArticle}: ${l.articleStatus[ctx.meta.status]} · ${l.text.generated}: ${generated}`,
  )}</p>`;

  return htmlDocument({
    lang: ctx.meta.language,
    title: ctx.meta.headline,
    css: `${ARTICLE_CSS}\n${STATUS_CSS}\n${ANNOTATED_CSS}${options.threads ? `\n${COMMENT_NOTES_CSS}` : ''}`,
    headerHtml: `${recordNote}\n${articleHeaderHtml(ctx.meta)}`,
    mainHtml: [body.trimEnd(), correctionsHtml(ctx.corrections ?? [], ctx.meta.language), notes.join('\n')]
      .filter(Boolean)
      .join('\n'),
  });
}
