// Times the claim detector on a 10,000-word article built from the annotated corpus.
// Run from the repository root:
//   npx esbuild bench/detect.ts --bundle --platform=node --format=esm --outfile=/tmp/bench-detect.mjs && node /tmp/bench-detect.mjs
// Prints figures only; targets are < 50 ms for a full pass and < 5 ms after a one-paragraph edit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareCorpus } from '../src/shared/detect/corpus';
import { detect, detectIncremental, detectWithState } from '../src/shared/detect/detect';

const WORDS = 10_000;

function article(file: string): { text: string; lang: 'de' | 'en'; paragraphs: number } {
  const json = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/detect', file), 'utf8'));
  const prepared = prepareCorpus(json);
  if (!prepared.ok) throw new Error(`${file}: ${prepared.errors.join('; ')}`);
  // Whole articles are repeated so multi-paragraph quotes and pronouns keep their context.
  const pieces: string[] = [];
  let words = 0;
  for (let round = 0; words < WORDS; round++) {
    for (const a of prepared.articles) {
      // A round marker keeps repeated paragraphs from being byte-identical.
      const text = a.text.replace(/\.$/m, ` (${round}).`);
      pieces.push(text);
      words += text.split(/\s+/).length;
      if (words >= WORDS) break;
    }
  }
  const text = pieces.join('\n');
  return { text, lang: json.lang, paragraphs: text.split('\n').length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Median and fastest wall-clock time, plus the median process CPU time. On a busy machine the
 * wall clock also counts waiting for a core, while CPU time also counts garbage collection on
 * helper threads; the fastest run is the best estimate of the work itself.
 */
function time(fn: () => void, runs: number): { wall: number; best: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), best: Math.min(...wall), cpu: median(cpu) };
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

for (const file of ['de.json', 'en.json']) {
  const { text, lang, paragraphs } = article(file);
  const options = { lang };
  for (let i = 0; i < 5; i++) detect(text, options); // warm-up for the JIT
  const full = time(() => detect(text, options), 21);
  const count = detect(text, options).length;

  const { state } = detectWithState(text, options);
  const paras = text.split('\n');
  const editWall: number[] = [];
  const editCpu: number[] = [];
  for (let k = 0; k < 41; k++) {
    const at = Math.floor(((k + 0.5) / 41) * paras.length);
    const changed = [...paras];
    changed[at] = changed[at].replace(/(\S+)(\s*)$/, `$1 extra$2`);
    const next = changed.join('\n');
    const t = time(() => detectIncremental(state, next, options), 3);
    editWall.push(t.wall);
    editCpu.push(t.cpu);
  }
  console.log(`${lang}: ${text.split(/\s+/).length} words, ${paragraphs} paragraphs, ${count} suggestions`);
  console.log(
    `  full pass             median ${ms(full.wall)}, fastest ${ms(full.best)}, median CPU ${ms(full.cpu)}   (target < 50 ms)`,
  );
  console.log(
    `  one-paragraph edit    median ${ms(median(editWall))}, slowest ${ms(Math.max(...editWall))}, median CPU ${ms(median(editCpu))}   (target < 5 ms)`,
  );
}
