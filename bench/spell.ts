// Times the spell checker on a 10,000-word article, as the editor's worker runs it.
//   npm run bench:spell
// Prints each figure with its target: a first check of the whole article < 200 ms, and a recheck
// after a one-word edit (the case while writing) well below that.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { readDictionary } from '../src/main/handlers/spellDictionary';
import { prepareCorpus } from '../src/shared/detect/corpus';
import { SpellChecker, type SpellLanguage } from '../src/shared/spell/checker';

const WORDS = 10_000;
const TARGET_MS = 200;

/** Real articles of the detection corpus, repeated to 10,000 words, with a typo in every 50th word. */
function article(lang: SpellLanguage): string {
  const json = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/detect', `${lang}.json`), 'utf8'));
  const prepared = prepareCorpus(json);
  if (!prepared.ok) throw new Error(`${lang}.json: ${prepared.errors.join('; ')}`);
  const words: string[] = [];
  for (let round = 0; words.length < WORDS; round++) {
    for (const a of prepared.articles) {
      for (const w of a.text.split(/\s+/)) {
        // Swapped letters make each round's typos new words, as in real copy, not cache hits.
        words.push(
          words.length % 50 === 7 && w.length > 4
            ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) + (round % 10 ? '' : 'e')
            : w,
        );
        if (words.length >= WORDS) break;
      }
      if (words.length >= WORDS) break;
    }
  }
  return words.join(' ');
}

const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The checker runs in a worker thread like the renderer's Web Worker, so a figure includes
// handing the text over and the misspellings back.
const WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
const { SpellChecker } = await import(workerData.module);
let checker;
parentPort.on('message', (m) => {
  if (m.type === 'load') { checker = new SpellChecker(m.lang, m.files); checker.setAccepted(m.accepted); parentPort.postMessage({ type: 'loaded' }); return; }
  const began = performance.now();
  const misses = checker.check(m.text);
  parentPort.postMessage({ type: 'checked', misses, ms: performance.now() - began });
});
`;

async function benchLanguage(lang: SpellLanguage): Promise<boolean> {
  const text = article(lang);
  const files = await readDictionary(lang);
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER)}`), {
    workerData: { module: new URL(import.meta.url).href },
  });
  const ask = (message: unknown) =>
    new Promise<{ type: string; misses?: unknown[]; ms?: number }>((resolve) => {
      worker.once('message', resolve);
      worker.postMessage(message);
    });
  let began = performance.now();
  await ask({ type: 'load', lang, files, accepted: ['Lena Kowalczyk', 'Piotr Wróblewski'] });
  const load = performance.now() - began;

  began = performance.now();
  const first = await ask({ type: 'check', text });
  const cold = performance.now() - began;

  const edits: number[] = [];
  for (let i = 0; i < 15; i++) {
    const edited = text.replace(/ (\p{L}+) /u, ` $1x${i} `);
    began = performance.now();
    await ask({ type: 'check', text: edited });
    edits.push(performance.now() - began);
  }
  await worker.terminate();

  console.log(`${lang}: ${text.split(/\s+/).length} words, ${first.misses!.length} flagged`);
  console.log(`  load dictionary (once per language, in the worker)   ${ms(load)}`);
  console.log(
    `  first check of the article   ${ms(cold)} (in checker ${ms(first.ms!)})   (target < ${TARGET_MS} ms)`,
  );
  console.log(
    `  recheck after a one-word edit   median ${ms(median(edits))}, slowest ${ms(Math.max(...edits))}   (target < ${TARGET_MS} ms)`,
  );
  return cold < TARGET_MS && median(edits) < TARGET_MS;
}

// As the worker's module: only export the checker; as the bench: run.
export { SpellChecker };
const { isMainThread } = await import('node:worker_threads');
if (isMainThread) {
  let met = true;
  for (const lang of ['de', 'en'] as const) met = (await benchLanguage(lang)) && met;
  console.log(met ? 'spell: targets met' : 'spell: a target was missed');
}
