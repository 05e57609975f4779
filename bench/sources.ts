// Reads a 300-page PDF the way the app does: pdf.js in a worker thread, page by page.
//   npm run bench:sources
// Prints each figure with its target: the whole text in < 30 s on a quiet machine, and the main
// thread — which serves the editor's calls meanwhile — never stalled longer than 50 ms (its
// event-loop delay, sampled every 10 ms). Also the time until a cancel has stopped the reading.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { printHtmlToPdf } from '../src/main/export/pdf';
import { pdfDocument } from '../src/main/sources/pdfText';

const PAGES = 300;
const TARGET_TOTAL_MS = 30_000;
const TARGET_STALL_MS = 50;
const TARGET_CANCEL_MS = 200;

function pressKit(): string {
  const clubs = ['SV Rotheide', 'FC Nordhafen', 'TSV Nordwald 1898', 'SC Fürstenbrück', 'FC Almental'];
  const pages = Array.from({ length: PAGES }, (_, i) => {
    const club = clubs[i % clubs.length];
    const lines = Array.from(
      { length: 12 },
      (_, j) =>
        `<p>${club}, Abschnitt ${i + 1}.${j + 1}: Der Verein bestätigt Vertragsdetails, Ablösesummen und Laufzeiten bis ${2027 + (j % 4)}.</p>`,
    ).join('');
    return `<section style="break-after: page"><h1>Pressemappe Seite ${i + 1}</h1>${lines}</section>`;
  });
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Pressemappe</title></head><body>${pages.join('')}</body></html>`;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

async function main() {
  process.stdout.write(`Printing a ${PAGES}-page PDF with the app's PDF export … `);
  const pdf = await printHtmlToPdf(pressKit());
  console.log(`${(pdf.length / 1024 / 1024).toFixed(1)} MB`);

  // The same measure with nothing running, so a busy machine's own stalls can be told apart.
  const idle = monitorEventLoopDelay({ resolution: 10 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  idle.disable();

  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const began = performance.now();
  let firstPage = 0;
  const doc = await pdfDocument(pdf, (done) => {
    if (done === 1) firstPage = performance.now() - began;
  });
  const total = performance.now() - began;
  lag.disable();
  const stall = lag.max / 1e6;
  const chars = doc.segments.reduce((n, s) => n + s.text.length, 0);

  const controller = new AbortController();
  let cancelAsked = 0;
  const cancelled = pdfDocument(
    pdf,
    (done) => {
      if (done === 20 && !cancelAsked) {
        cancelAsked = performance.now();
        controller.abort();
      }
    },
    controller.signal,
  ).catch(() => performance.now() - cancelAsked);
  const cancelMs = (await cancelled) as number;

  const rows: [string, string, string, boolean][] = [
    [
      `${doc.pages} pages, ${chars.toLocaleString('en')} characters, whole text`,
      ms(total),
      `< ${ms(TARGET_TOTAL_MS)}`,
      total < TARGET_TOTAL_MS,
    ],
    ['first page ready', ms(firstPage), '—', true],
    [
      'longest main-thread stall meanwhile',
      `${ms(stall)} (p99 ${ms(lag.percentile(99) / 1e6)})`,
      `< ${ms(TARGET_STALL_MS)}`,
      stall < TARGET_STALL_MS,
    ],
    [
      'longest main-thread stall over 5 s idle, same machine',
      `${ms(idle.max / 1e6)} (p99 ${ms(idle.percentile(99) / 1e6)})`,
      '—',
      true,
    ],
    [
      'cancel after page 20 until stopped',
      ms(cancelMs),
      `< ${ms(TARGET_CANCEL_MS)}`,
      cancelMs < TARGET_CANCEL_MS,
    ],
  ];
  for (const [what, figure, target, ok] of rows)
    console.log(`${ok ? 'ok  ' : 'MISS'} ${what}: ${figure} (target ${target})`);
  if (rows.some((r) => !r[3])) process.exitCode = 1;
}

void main();
