// Prints precision and recall of the claim detector on the annotated corpus in
// tests/fixtures/detect. Run from the repository root:
//   npx esbuild scripts/eval-detect.ts --bundle --platform=node --format=esm --outfile=/tmp/eval.mjs && node /tmp/eval.mjs
// Flags: --misses lists every miss; --file NAME evaluates one corpus file only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareCorpus, type PreparedArticle } from '../src/shared/detect/corpus';
import { detect } from '../src/shared/detect/detect';
import { CATEGORIES, evaluate } from '../src/shared/detect/evaluate';

const dir = join(process.cwd(), 'tests/fixtures/detect');
const only = process.argv.includes('--file') ? process.argv[process.argv.indexOf('--file') + 1] : undefined;
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && (!only || f === only)).sort();

const articles: PreparedArticle[] = [];
for (const name of files) {
  const prepared = prepareCorpus(JSON.parse(readFileSync(join(dir, name), 'utf8')));
  if (!prepared.ok) {
    console.error(`tests/fixtures/detect/${name}:\n  ${prepared.errors.join('\n  ')}`);
    process.exit(1);
  }
  articles.push(...prepared.articles);
}

const result = evaluate(articles, detect);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const paragraphs = articles.reduce((n, a) => n + a.text.split('\n').length, 0);
console.log(`${files.join(', ')}: ${articles.length} articles, ${paragraphs} paragraphs`);
console.log('category       precision  recall   tp  fp  fn');
for (const c of CATEGORIES) {
  const s = result.scores[c];
  const n = (x: number) => String(x).padStart(3);
  console.log(`${c.padEnd(14)} ${pct(s.precision)}  ${pct(s.recall)}  ${n(s.truePositives)} ${n(s.falsePositives)} ${n(s.falseNegatives)}`);
}
if (process.argv.includes('--misses')) {
  for (const m of result.misses) console.log(`${m.category}\t${m.problem}\t${m.article}\t${m.text.replace(/\n/g, '⏎')}\t${m.detail ?? ''}`);
}
