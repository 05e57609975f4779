/**
 * Export benchmark: a 10,000-word German article with 300 claim marks through every format.
 * Targets: DOCX < 1 s; NewsML-G2, NITF, HTML, Markdown < 0.3 s; PDF < 3 s (including Chromium start).
 *
 * Run: npx esbuild bench/export.ts --bundle --platform=node --format=esm --packages=external \
 *        --outfile=/tmp/bench-export.mjs && node /tmp/bench-export.mjs
 *
 * Bundled into /tmp, the script cannot resolve bare imports such as "docx" from there, so the two
 * exporters that need Node packages are built next to the project's node_modules at start-up
 * (with the project's own esbuild) and loaded from there; the pure exporters are bundled in.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { blocksToBody, plainText, type Block, type Inline } from '../src/shared/article/blocks';
import type { ArticleMeta, Claim } from '../src/shared/domain/articles';
import type { ExportContext, ExportFacts } from '../src/shared/export/context';
import { exportAnnotatedHtml } from '../src/shared/export/annotated';
import { exportClaimReview } from '../src/shared/export/claimreview';
import { exportFactCheckReport } from '../src/shared/export/factCheckReport';
import { exportHtml } from '../src/shared/export/html';
import { exportMarkdown } from '../src/shared/export/markdown';
import { exportNewsml } from '../src/shared/export/newsml';
import { exportNitf } from '../src/shared/export/nitf';
import { exportText } from '../src/shared/export/text';
import type * as DocxModule from '../src/main/export/docx';
import type * as PdfModule from '../src/main/export/pdf';

const NBSP = '\u00A0';
const WORDS = 10_000;
const CLAIMS = 300;

function projectRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'factdesk')
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Run the benchmark from inside the factdesk checkout.');
    dir = parent;
  }
}

async function loadNodeExporters(root: string): Promise<{ docx: typeof DocxModule; pdf: typeof PdfModule }> {
  const require = createRequire(join(root, 'package.json'));
  const esbuild = require('esbuild') as typeof import('esbuild');
  const outdir = join(root, 'node_modules', '.cache', 'bench-export');
  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    entryPoints: { docx: join(root, 'src/main/export/docx.ts'), pdf: join(root, 'src/main/export/pdf.ts') },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  const docx = (await import(pathToFileURL(join(outdir, 'docx.mjs')).href)) as typeof DocxModule;
  const pdf = (await import(pathToFileURL(join(outdir, 'pdf.mjs')).href)) as typeof PdfModule;
  return { docx, pdf };
}

// ---------------------------------------------------------------------------
// An invented article, built from a few sentence patterns with varying names and numbers.

const CLUBS = [
  'FC Almental',
  'SV Rotheide',
  'TuS Brachfeld',
  'SC Wiesenau',
  'VfL Kargstedt',
  'Eintracht Moorbach',
];
const PEOPLE = [
  'Jana Kowalczyk',
  'Mia Sturzenegger',
  'Elke Maiwald',
  'Till Brandauer',
  'Ömer Yıldız',
  'Lars Großkopf',
];
const FILLER = [
  'Die Verhandlungen zogen sich über mehrere Wochen, weil beide Seiten auf Zusagen für die kommende Saison bestanden.',
  'Im Umfeld des Vereins heißt es, man habe sich die Entscheidung nicht leicht gemacht und lange über Alternativen gesprochen.',
  'Für die Fans ist das ein Signal, dass die Vereinsführung die sportlichen Ziele ernst nimmt und langfristig plant.',
  'Schon in der Vorbereitung hatte sich angedeutet, dass der Kader an mehreren Positionen verstärkt werden muss.',
  'Ob die Rechnung aufgeht, wird sich erst nach den ersten Spieltagen zeigen, wenn die Neuzugänge eingespielt sind.',
];

interface Built {
  blocks: Block[];
  claims: Claim[];
  facts: ExportFacts;
}

function buildArticle(): Built {
  const facts: ExportFacts = {
    entities: [...CLUBS, ...PEOPLE, 'Strivo', 'Almentaler Kurier'].map((name, i) => ({
      id: `e${i}`,
      kind:
        i < CLUBS.length
          ? 'club'
          : i < CLUBS.length + PEOPLE.length
            ? 'person'
            : i === CLUBS.length + PEOPLE.length
              ? 'broadcaster'
              : 'media',
      name,
      aliases: [],
      note: null,
    })),
    roles: [],
    deals: [],
    quotes: [],
    sources: [],
    citations: [],
  };
  const claims: Claim[] = [];
  const statuses: Claim['status'][] = ['verified', 'verified', 'false', 'disputed', 'unsourced', 'unchecked'];
  const blocks: Block[] = [];
  let words = 0;
  let n = 0;
  const count = (text: string) => text.split(/\s+/).filter(Boolean).length;

  const claimRun = (
    text: string,
    kind: Claim['kind'],
    link: { type: 'deal' | 'quote'; id: string },
  ): Inline => {
    const id = `claim-${claims.length + 1}`;
    const status = statuses[claims.length % statuses.length];
    claims.push({
      id,
      articleId: 'bench',
      kind,
      status,
      text,
      note: claims.length % 7 === 0 ? 'Zahl mit Pressestelle abgleichen' : '',
      links: [link],
      inText: true,
      history:
        status === 'unchecked'
          ? []
          : [{ status, checker: 'Tobias Lenhardt', at: '2026-11-24T08:45:00.000Z' }],
      dismissedWarnings: [],
      createdAt: '2026-11-23T17:10:00.000Z',
      updatedAt: '2026-11-24T08:45:00.000Z',
    });
    return {
      type: 'claim',
      ids: [id],
      children: [{ type: 'text', text, format: kind === 'amount' ? { bold: true } : {} }],
    };
  };

  while (words < WORDS) {
    n++;
    const payer = CLUBS[n % CLUBS.length];
    const payee = CLUBS[(n + 2) % CLUBS.length];
    const person = PEOPLE[n % PEOPLE.length];
    if (n % 12 === 1) {
      const heading = `${n % 24 === 1 ? 'Was' : 'Wie'} der ${n}. Schritt für ${payee} bedeutet`;
      blocks.push({
        type: 'heading',
        level: n % 24 === 1 ? 2 : 3,
        content: [{ type: 'text', text: heading, format: {} }],
      });
      words += count(heading);
    }
    const content: Inline[] = [];
    const sentence = FILLER[n % FILLER.length];
    if (claims.length < CLAIMS) {
      const dealId = `d${n}`;
      const millions = (n % 17) + 1;
      facts.deals.push({
        id: dealId,
        kind: 'transfer',
        payerId: `e${n % CLUBS.length}`,
        payeeId: `e${(n + 2) % CLUBS.length}`,
        subject: `Wechsel von ${person}`,
        amountMinor: millions * 100_000_000,
        amountMaxMinor: null,
        currency: 'EUR',
        precision: 'exact',
        dateFrom: '2027-01-01',
        dateTo: null,
        status: 'confirmed',
        reportedById: null,
        notes: null,
      });
      facts.sources.push({
        id: `s${n}`,
        kind: 'press_release',
        title: `${payer} gibt Wechsel bekannt`,
        publisher: payer,
        url: `https://verein.example/presse/${n}`,
        publishedAt: '2026-11-23',
        accessedAt: null,
        notes: null,
        fileHash: null,
        fileName: null,
      });
      facts.citations.push({
        id: `c${n}`,
        factType: 'deal',
        factId: dealId,
        sourceId: `s${n}`,
        locator: `Absatz ${(n % 4) + 1}`,
        excerpt: null,
      });
      content.push(
        { type: 'text', text: `Der ${payer} überweist `, format: {} },
        claimRun(`${millions}${NBSP}Mio. Euro`, 'amount', { type: 'deal', id: dealId }),
        { type: 'text', text: ` an den ${payee}, wie ${person} am Montag bestätigte. `, format: {} },
      );
    }
    content.push({ type: 'text', text: sentence, format: n % 9 === 0 ? { italic: true } : {} });
    if (n % 4 === 0 && claims.length < CLAIMS) {
      const quoteId = `q${n}`;
      const wording = `Wir sind überzeugt, dass das der richtige Weg für ${payee} ist`;
      facts.quotes.push({
        id: quoteId,
        speakerId: `e${CLUBS.length + (n % PEOPLE.length)}`,
        roleAtTime: 'Sportdirektorin',
        wording,
        language: 'de',
        date: '2026-11-23',
        occasion: 'press_conference',
        translationOfId: null,
        status: 'verified',
        notes: null,
      });
      content.push(
        { type: 'text', text: ' ', format: {} },
        claimRun(`„${wording}“`, 'quote', { type: 'quote', id: quoteId }),
        {
          type: 'text',
          text: ', sagte sie.',
          format: {},
        },
      );
    }
    blocks.push({ type: 'paragraph', content });
    words += count(plainLine(content));
    if (n % 10 === 5) {
      const items = [
        `Ablöse für ${person} in zwei Raten`,
        `Vertrag bis Juni ${2028 + (n % 3)}`,
        `Option auf ein weiteres Jahr`,
      ];
      blocks.push({
        type: 'list',
        ordered: n % 20 === 5,
        start: 1,
        items: items.map((text) => ({ content: [{ type: 'text', text, format: {} }], lists: [] })),
      });
      words += items.reduce((sum, t) => sum + count(t), 0);
    }
    if (n % 15 === 7) {
      const quote = `„Das ist ein großer Tag für unseren Verein“, sagte ${person} nach der Unterschrift.`;
      blocks.push({ type: 'quote', content: [{ type: 'text', text: quote, format: {} }] });
      words += count(quote);
    }
  }
  return { blocks, claims, facts };
}

function plainLine(content: Inline[]): string {
  return content
    .map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : plainLine(i.children)))
    .join('');
}

// ---------------------------------------------------------------------------

async function time<T>(runs: number, fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const samples: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], result };
}

function size(output: string | Uint8Array): string {
  const bytes = typeof output === 'string' ? Buffer.byteLength(output) : output.byteLength;
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const { docx, pdf } = await loadNodeExporters(root);
  const built = buildArticle();
  const body = blocksToBody(built.blocks);
  const meta: ArticleMeta = {
    id: 'bench-article',
    kicker: 'Fußball · Transfermarkt',
    headline: 'Almental, Rotheide und die Millionen: Wer wem was zahlt',
    lead: `Ein Überblick über alle Wechsel der Saison – von 1${NBSP}Mio. bis 17${NBSP}Mio. Euro.`,
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
  const ctx: ExportContext = { meta, body, claims: built.claims, facts: built.facts };
  const words = plainText(body).split(/\s+/).filter(Boolean).length;
  console.log(`Article: ${words} words, ${built.claims.length} claim marks, ${built.blocks.length} blocks\n`);

  const html = exportHtml(meta, body);
  const rows: [string, number, number, string][] = [];
  const add = async (
    name: string,
    target: number,
    runs: number,
    fn: () => string | Uint8Array | Promise<string | Uint8Array>,
  ) => {
    await fn(); // warm-up, so module initialisation is not billed to the first format
    const { ms, result } = await time(runs, fn);
    rows.push([name, ms, target, size(result)]);
  };
  await add('HTML', 300, 5, () => exportHtml(meta, body));
  await add('Markdown', 300, 5, () => exportMarkdown(meta, body));
  await add('Text', 300, 5, () => exportText(meta, body));
  await add('NewsML-G2', 300, 5, () => exportNewsml(meta, body));
  await add('NITF', 300, 5, () => exportNitf(meta, body));
  await add('ClaimReview', 300, 5, () =>
    exportClaimReview(ctx, { publisher: { name: 'Almentaler Rundschau' } }),
  );
  await add('Annotated HTML', 300, 5, () => exportAnnotatedHtml(ctx));
  await add('Fact-check report', 300, 5, () => exportFactCheckReport(ctx));
  await add('DOCX', 1000, 3, () => docx.exportDocx(meta, body));

  const chromium = pdf.findChromium();
  if (typeof chromium === 'string') {
    // Cold: each call starts its own Chromium, which is what an export from the app costs.
    const { ms, result } = await time(3, () => pdf.printHtmlToPdf(html));
    rows.push(['PDF (incl. Chromium start)', ms, 3000, size(result)]);
    // Warm: one printer for several documents, as when article, annotated copy and report go together.
    const printer = await pdf.createPdfPrinter();
    try {
      await printer.print(html);
      const warm = await time(3, () => printer.print(html));
      rows.push(['PDF (warm printer)', warm.ms, 3000, size(warm.result)]);
    } finally {
      await printer.close();
    }
  } else {
    console.log(`PDF skipped: ${chromium.message}`);
  }

  console.log('format                      median ms   target ms   result   size');
  let failed = 0;
  for (const [name, ms, target, bytes] of rows) {
    const ok = ms < target;
    if (!ok) failed++;
    console.log(
      `${name.padEnd(28)}${ms.toFixed(1).padStart(9)}   ${String(target).padStart(9)}   ${ok ? 'ok  ' : 'SLOW'}     ${bytes}`,
    );
  }
  if (failed) process.exitCode = 1;
}

await main();
