import { createHash } from 'node:crypto';
import type { ArticleBody, SerializedNodeJSON } from '../../shared/domain/articles';
import type { Result } from '../../shared/result';
import { importFactPack } from '../../store/factpacks';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext as makeTempContext } from './testing';

/**
 * An invented German article with claims, linked facts, a gate override and a dismissed
 * suggestion, built through the real handlers — for the export/import tests of the handlers and
 * the CLI. The text carries „…“, ß, umlauts and no-break spaces, which every format must keep.
 */

export const NBSP = '\u00A0';
export const HEADLINE = 'Strivo zahlt Rotheide 7\u00A0Millionen – „ein großer Schritt“';
export const QUOTE = '„Für uns ist das ein großer Schritt nach vorn“';
export const AMOUNT = `7${NBSP}Millionen Euro`;
export const ATTACHMENT = Buffer.from('Mitschnitt der Pressekonferenz, Minute 12 bis 14 (erfunden).', 'utf8');
export const ATTACHMENT_HASH = createHash('sha256').update(ATTACHMENT).digest('hex');

export const PACK = {
  format: 'factdesk-factpack',
  version: 1,
  entities: [
    { id: 'e-oberlin', kind: 'person', name: 'Greta Oberlin' },
    { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide' },
    { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo' },
    // Linked by nothing in the article: must stay out of its file.
    { id: 'e-fremd', kind: 'club', name: 'TSV Bergwinkel' },
  ],
  roles: [
    {
      id: 'r-oberlin',
      personId: 'e-oberlin',
      title: 'Präsidentin',
      organisationId: 'e-rotheide',
      from: '2022-07-01',
    },
  ],
  deals: [
    {
      id: 'd-strivo',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-rotheide',
      subject: 'Streamingrechte Heimspiele',
      amountMinor: 700_000_000,
      currency: 'EUR',
      precision: 'exact',
      dateFrom: '2026-07-01',
      status: 'confirmed',
    },
  ],
  quotes: [
    {
      id: 'q-oberlin',
      speakerId: 'e-oberlin',
      wording: 'Für uns ist das ein großer Schritt nach vorn',
      language: 'de',
      date: '2026-11-20',
      occasion: 'press_conference',
      status: 'verified',
    },
  ],
  sources: [
    {
      id: 's-pk',
      kind: 'interview_recording',
      title: 'Pressekonferenz SV Rotheide',
      publisher: 'SV Rotheide',
      publishedAt: '2026-11-20',
      fileHash: ATTACHMENT_HASH,
      fileName: 'pk-rotheide.txt',
    },
  ],
  citations: [{ id: 'cit-q', factType: 'quote', factId: 'q-oberlin', sourceId: 's-pk', locator: 'ab 12:10' }],
  files: [{ sha256: ATTACHMENT_HASH, name: 'pk-rotheide.txt', base64: ATTACHMENT.toString('base64') }],
};

function text(t: string, format = 0): SerializedNodeJSON {
  return { detail: 0, format, mode: 'normal', style: '', text: t, type: 'text', version: 1 };
}
function element(
  type: string,
  children: SerializedNodeJSON[],
  extra: Record<string, unknown> = {},
): SerializedNodeJSON {
  return { children, direction: null, format: '', indent: 0, type, version: 1, ...extra };
}
const paragraph = (...children: SerializedNodeJSON[]) =>
  element('paragraph', children, { textFormat: 0, textStyle: '' });
const mark = (id: string, t: string) => element('mark', [text(t)], { ids: [id] });

export const P1 = `${QUOTE}, sagte Präsidentin Greta Oberlin am Freitag.`;
export const P2 = `Der Streamingdienst zahlt ${AMOUNT} für drei Spielzeiten.`;

export function articleBody(): ArticleBody {
  return {
    schemaVersion: 1,
    editorState: {
      root: element('root', [
        paragraph(mark('c-quote', QUOTE), text(', sagte Präsidentin Greta Oberlin am Freitag.')),
        element('heading', [text('Was das Geld bewirken soll')], { tag: 'h2' }),
        paragraph(
          text('Der Streamingdienst zahlt '),
          mark('c-amount', AMOUNT),
          text(' für drei Spielzeiten.'),
        ),
        element(
          'list',
          [
            element('listitem', [text('Flutlicht für das Stadion an der Weißach')], { value: 1 }),
            element('listitem', [text('Nachwuchsleistungszentrum')], { value: 2 }),
          ],
          {
            listType: 'bullet',
            start: 1,
            tag: 'ul',
          },
        ),
        paragraph(
          text('Mehr in der '),
          element('link', [text('Mitteilung')], {
            rel: null,
            target: null,
            title: null,
            url: 'https://sv-rotheide.example/news',
          }),
          text('.'),
        ),
      ]),
    },
  };
}

export function tempContext(
  prefix = 'factdesk-transfer-',
  platform: Partial<HandlerContext['platform']> = {},
): HandlerContext {
  return makeTempContext({ prefix, platform });
}

export { disposeContext };

export async function value<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const contextOf = (paragraphText: string, marked: string) => {
  const start = paragraphText.indexOf(marked);
  return { text: paragraphText, start, end: start + marked.length };
};

/** Seeds the facts and writes the article with two claims in the text and one whose mark was deleted. Returns the article id. */
export async function seedArticle(ctx: HandlerContext): Promise<string> {
  const report = importFactPack(ctx.db, PACK, {
    actor: { user: 'fixture', via: 'test' },
    dataDir: ctx.dataDir,
  });
  if (!report.applied) throw new Error(JSON.stringify(report.problems));
  const doc = await value(
    dispatch('articles:create', { language: 'de', headline: HEADLINE, desk: 'Sport' }, ctx),
  );
  const id = doc.meta.id;
  await value(
    dispatch(
      'articles:save',
      {
        id,
        baseRev: doc.rev,
        meta: {
          kicker: 'Regionalliga · Medienrechte',
          lead: `Der SV Rotheide bekommt ${AMOUNT} – so viel wie nie.`,
          dateline: 'Rotheide, 21. November 2026',
          status: 'in_fact_check',
        },
        body: articleBody(),
      },
      ctx,
    ),
  );
  await value(
    dispatch(
      'claims:create',
      { articleId: id, id: 'c-quote', text: QUOTE, context: contextOf(P1, QUOTE), kind: 'quote' },
      ctx,
    ),
  );
  await value(
    dispatch(
      'claims:create',
      { articleId: id, id: 'c-amount', text: AMOUNT, context: contextOf(P2, AMOUNT) },
      ctx,
    ),
  );
  await value(
    dispatch(
      'claims:create',
      {
        articleId: id,
        id: 'c-gone',
        text: 'drei Spielzeiten',
        context: contextOf(P2, 'drei Spielzeiten'),
        kind: 'other',
      },
      ctx,
    ),
  );
  await value(dispatch('claims:link', { id: 'c-quote', refs: [{ type: 'quote', id: 'q-oberlin' }] }, ctx));
  await value(dispatch('claims:link', { id: 'c-amount', refs: [{ type: 'deal', id: 'd-strivo' }] }, ctx));
  await value(dispatch('claims:set-status', { id: 'c-quote', status: 'verified' }, ctx));
  await value(dispatch('claims:set-status', { id: 'c-amount', status: 'disputed' }, ctx));
  await value(
    dispatch('claims:update', { id: 'c-amount', note: 'Kurier nennt 6,5 Mio. – Rückfrage läuft.' }, ctx),
  );
  await value(
    dispatch(
      'claims:dismiss-warning',
      { id: 'c-quote', code: 'quote.wording', reason: 'Wortlaut am Mitschnitt geprüft.' },
      ctx,
    ),
  );
  await value(
    dispatch(
      'claims:sync',
      {
        articleId: id,
        marks: [
          { id: 'c-quote', text: QUOTE, context: contextOf(P1, QUOTE) },
          { id: 'c-amount', text: AMOUNT, context: contextOf(P2, AMOUNT) },
        ],
      },
      ctx,
    ),
  );
  await value(
    dispatch(
      'claims:override-gate',
      { articleId: id, reason: 'Betrag vom Verein bestätigt, Kurier irrt.' },
      ctx,
    ),
  );
  await value(dispatch('detect:dismiss', { articleId: id, kind: 'date', text: 'am Freitag' }, ctx));
  return id;
}
