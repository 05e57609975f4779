import type { ArticleBody, ArticleMeta, Claim, SerializedNodeJSON } from '../domain/articles';
import type { ExportContext, ExportFacts } from '../export/context';

/**
 * An invented German article for the export/import tests, written in Lexical 0.52's serialized
 * shapes by hand (blocks.test.ts proves a real editor loads it unchanged). It carries everything
 * the formats must survive: „…“, ß, umlauts, a no-break space between number and unit, a heading
 * of each level, a block quote, nested lists, a link, a line break and several claim marks.
 */

export const NBSP = '\u00A0';

const FMT = { bold: 1, italic: 2 } as const;

function t(text: string, format = 0): SerializedNodeJSON {
  return { detail: 0, format, mode: 'normal', style: '', text, type: 'text', version: 1 };
}
function el(
  type: string,
  children: SerializedNodeJSON[],
  extra: Record<string, unknown> = {},
  indent = 0,
): SerializedNodeJSON {
  return { children, direction: null, format: '', indent, type, version: 1, ...extra };
}
function p(...children: SerializedNodeJSON[]): SerializedNodeJSON {
  return el('paragraph', children, { textFormat: 0, textStyle: '' });
}
function mark(ids: string[], ...children: SerializedNodeJSON[]): SerializedNodeJSON {
  return el('mark', children, { ids });
}
function li(value: number, indent: number, ...children: SerializedNodeJSON[]): SerializedNodeJSON {
  return el('listitem', children, { value }, indent);
}
function list(kind: 'bullet' | 'number', start: number, ...items: SerializedNodeJSON[]): SerializedNodeJSON {
  return el('list', items, { listType: kind, start, tag: kind === 'number' ? 'ol' : 'ul' });
}

export const sampleMeta: ArticleMeta = {
  id: 'art-2026-0042',
  kicker: 'Fußball · Regionalliga Süd',
  headline: 'München zahlt sieben Millionen – und Rotheide jubelt',
  lead: `Der FC Almental holt Torjägerin Mia Sturzenegger für 7${NBSP}Mio. Euro vom SV Rotheide. Für den Verein ist es der größte Transfer seiner Geschichte.`,
  byline: 'Von Jana Kowalczyk',
  dateline: 'München, 24. November 2026',
  language: 'de',
  author: 'Jana Kowalczyk',
  desk: 'Sport',
  status: 'in_fact_check',
  trashedAt: null,
  createdAt: '2026-11-23T17:05:00.000Z',
  updatedAt: '2026-11-24T09:30:00.000Z',
};

export const sampleBody: ArticleBody = {
  schemaVersion: 1,
  editorState: {
    root: el('root', [
      p(
        mark(['c-quote'], t('„Das ist ein großer Tag für unseren Verein“')),
        t(', sagte Almentals Präsidentin '),
        mark(['c-role'], t('Elke Maiwald')),
        t(' am Montagabend.'),
      ),
      p(
        t('Der FC Almental überweist '),
        mark(['c-amount'], t(`7${NBSP}Mio. Euro`, FMT.bold)),
        t(' an den SV Rotheide – eine '),
        t('Rekordsumme', FMT.italic),
        t(' für die Regionalliga. Der Wechsel gilt ab dem '),
        mark(['c-date'], t('1. Januar 2027')),
        t('.'),
      ),
      el('heading', [t('Was der Wechsel für die Liga bedeutet')], { tag: 'h2' }),
      p(
        t('Die Einzelheiten stehen in der '),
        el('link', [t('Pressemitteilung des Vereins')], {
          rel: null,
          target: null,
          title: null,
          url: 'https://fc-almental.example/presse/sturzenegger',
        }),
        t(`. Die Ablöse übersteigt die bisherige Bestmarke um gut 2${NBSP}Mio. Euro.`),
      ),
      el('quote', [
        t('„Wir haben lange verhandelt, aber am Ende hat alles gepasst.“ – Geschäftsführer Till Brandauer'),
      ]),
      list(
        'bullet',
        1,
        li(1, 0, t(`Ablöse: 7${NBSP}Mio. Euro, zahlbar in zwei Raten`)),
        li(2, 0, t('Vertragslaufzeit bis Juni 2029')),
        li(
          3,
          0,
          list(
            'bullet',
            1,
            li(1, 1, t('Option auf ein weiteres Jahr')),
            li(2, 1, t('Ausstiegsklausel für Erstligisten')),
          ),
        ),
        li(3, 0, t('Übertragung der Spiele beim Streamingdienst Strivo')),
      ),
      el('heading', [t('Die Zahlen im Überblick')], { tag: 'h3' }),
      list('number', 1, li(1, 0, t('41 Tore in 38 Spielen')), li(2, 0, t('Spielerin des Jahres 2025'))),
      p(
        t('Strivo zahlt laut '),
        t('Almentaler Kurier', FMT.italic),
        t(' '),
        mark(['c-strivo'], t(`1,2${NBSP}Mio. Euro pro Saison`)),
        t(' für die Rechte.'),
        { type: 'linebreak', version: 1 },
        t('Der Sender selbst äußerte sich nicht.'),
      ),
    ]),
  },
};

export const sampleFacts: ExportFacts = {
  entities: [
    { id: 'e-almental', kind: 'club', name: 'FC Almental', aliases: ['Almental'], note: null },
    { id: 'e-rotheide', kind: 'club', name: 'SV Rotheide', aliases: ['Rotheide'], note: null },
    { id: 'e-maiwald', kind: 'person', name: 'Elke Maiwald', aliases: [], note: null },
    { id: 'e-sturzenegger', kind: 'person', name: 'Mia Sturzenegger', aliases: [], note: null },
    { id: 'e-strivo', kind: 'broadcaster', name: 'Strivo', aliases: [], note: null },
    { id: 'e-kurier', kind: 'media', name: 'Almentaler Kurier', aliases: [], note: null },
  ],
  roles: [
    {
      id: 'r-maiwald',
      personId: 'e-maiwald',
      title: 'Präsidentin',
      organisationId: 'e-almental',
      from: '2024-07-01',
      to: null,
    },
  ],
  deals: [
    {
      id: 'd-transfer',
      kind: 'transfer',
      payerId: 'e-almental',
      payeeId: 'e-rotheide',
      subject: 'Wechsel von Mia Sturzenegger',
      amountMinor: 700_000_000,
      amountMaxMinor: null,
      currency: 'EUR',
      precision: 'exact',
      dateFrom: '2027-01-01',
      dateTo: null,
      status: 'confirmed',
      reportedById: null,
      notes: null,
    },
    {
      id: 'd-strivo',
      kind: 'broadcast_rights',
      payerId: 'e-strivo',
      payeeId: 'e-rotheide',
      subject: 'Streamingrechte Regionalliga',
      amountMinor: 80_000_000,
      amountMaxMinor: null,
      currency: 'EUR',
      precision: 'approximately',
      dateFrom: '2026-07-01',
      dateTo: '2027-06-30',
      status: 'reported',
      reportedById: 'e-kurier',
      notes: null,
    },
  ],
  quotes: [
    {
      id: 'q-maiwald',
      speakerId: 'e-maiwald',
      roleAtTime: 'Präsidentin FC Almental',
      wording: 'Das ist ein großer Tag für unseren Verein',
      language: 'de',
      date: '2026-11-23',
      occasion: 'press_conference',
      translationOfId: null,
      status: 'verified',
      notes: null,
    },
  ],
  sources: [
    {
      id: 's-presse',
      kind: 'press_release',
      title: 'FC Almental verpflichtet Mia Sturzenegger',
      publisher: 'FC Almental',
      url: 'https://fc-almental.example/presse/sturzenegger',
      publishedAt: '2026-11-23',
      accessedAt: '2026-11-24T08:00:00.000Z',
      notes: null,
      fileHash: null,
      fileName: null,
    },
    {
      id: 's-mitschnitt',
      kind: 'interview_recording',
      title: 'Mitschnitt Pressekonferenz Almental',
      publisher: null,
      url: null,
      publishedAt: '2026-11-23',
      accessedAt: null,
      notes: null,
      fileHash: 'a3f1c2',
      fileName: 'pk-almental.m4a',
    },
    {
      id: 's-kurier',
      kind: 'web_page',
      title: 'Strivo steigt groß ein',
      publisher: 'Almentaler Kurier',
      url: 'https://kurier.example/sport/strivo',
      publishedAt: '2026-11-20',
      accessedAt: '2026-11-24T08:10:00.000Z',
      notes: null,
      fileHash: null,
      fileName: null,
    },
  ],
  citations: [
    {
      id: 'ci-1',
      factType: 'deal',
      factId: 'd-transfer',
      sourceId: 's-presse',
      locator: 'Absatz 2',
      excerpt: null,
    },
    {
      id: 'ci-2',
      factType: 'quote',
      factId: 'q-maiwald',
      sourceId: 's-mitschnitt',
      locator: 'Minute 03:12',
      excerpt: null,
    },
    {
      id: 'ci-3',
      factType: 'deal',
      factId: 'd-strivo',
      sourceId: 's-kurier',
      locator: 'dritter Absatz',
      excerpt: null,
    },
    {
      id: 'ci-4',
      factType: 'role',
      factId: 'r-maiwald',
      sourceId: 's-presse',
      locator: 'Impressum',
      excerpt: null,
    },
  ],
};

function claim(
  id: string,
  kind: Claim['kind'],
  status: Claim['status'],
  text: string,
  links: Claim['links'],
  extra: Partial<Claim> = {},
): Claim {
  return {
    id,
    articleId: sampleMeta.id,
    kind,
    status,
    text,
    note: '',
    links,
    inText: true,
    // As the store writes it: the marking is the first entry, a check follows it.
    history: [
      { status: 'unchecked', checker: 'Lena Kowalczyk', at: '2026-11-23T17:10:00.000Z' },
      ...(status === 'unchecked'
        ? []
        : [{ status, checker: 'Tobias Lenhardt', at: '2026-11-24T08:45:00.000Z' }]),
    ],
    dismissedWarnings: [],
    createdAt: '2026-11-23T17:10:00.000Z',
    updatedAt: '2026-11-24T08:45:00.000Z',
    ...extra,
  };
}

export const sampleClaims: Claim[] = [
  claim('c-quote', 'quote', 'verified', '„Das ist ein großer Tag für unseren Verein“', [
    { type: 'quote', id: 'q-maiwald' },
  ]),
  claim('c-role', 'role', 'disputed', 'Elke Maiwald', [{ type: 'role', id: 'r-maiwald' }], {
    note: 'Amtsantritt laut Satzung erst 2025?',
  }),
  claim('c-amount', 'amount', 'verified', `7${NBSP}Mio. Euro`, [{ type: 'deal', id: 'd-transfer' }]),
  claim('c-date', 'date', 'unchecked', '1. Januar 2027', []),
  claim('c-strivo', 'amount', 'false', `1,2${NBSP}Mio. Euro pro Saison`, [{ type: 'deal', id: 'd-strivo' }], {
    dismissedWarnings: [
      {
        code: 'amount_mismatch',
        reason: 'Kurier-Zahl bewusst zitiert',
        checker: 'Tobias Lenhardt',
        at: '2026-11-24T08:50:00.000Z',
      },
    ],
  }),
  claim('c-gone', 'other', 'unsourced', 'ein Vorvertrag aus dem Sommer', [], { inText: false }),
];

export function sampleContext(overrides: Partial<ExportContext> = {}): ExportContext {
  return {
    meta: sampleMeta,
    body: sampleBody,
    claims: sampleClaims,
    facts: sampleFacts,
    gateOverride: null,
    ...overrides,
  };
}
