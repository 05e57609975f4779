// Prints precision and recall of the claim detector on the annotated corpus.
// Run: npx esbuild scripts/eval-detect.ts --bundle --platform=node --format=esm --outfile=/tmp/eval.mjs && node /tmp/eval.mjs
// Add --misses to list every miss.
import de from '../tests/fixtures/detect/de.json';
import en from '../tests/fixtures/detect/en.json';
import { prepareCorpus } from '../src/shared/detect/corpus';
import { detect } from '../src/shared/detect/detect';
import { CATEGORIES, evaluate } from '../src/shared/detect/evaluate';

const articles = [];
for (const [name, corpus] of [['de.json', de], ['en.json', en]] as const) {
  const prepared = prepareCorpus(corpus);
  if (!prepared.ok) {
    console.error(`tests/fixtures/detect/${name}:\n  ${prepared.errors.join('\n  ')}`);
    process.exit(1);
  }
  articles.push(...prepared.articles);
}

const result = evaluate(articles, detect);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
console.log(`${articles.length} articles, ${articles.reduce((n, a) => n + a.text.split('\n').length, 0)} paragraphs`);
console.log('category       precision  recall   tp  fp  fn');
for (const c of CATEGORIES) {
  const s = result.scores[c];
  console.log(`${c.padEnd(14)} ${pct(s.precision)}  ${pct(s.recall)}  ${String(s.truePositives).padStart(3)} ${String(s.falsePositives).padStart(3)} ${String(s.falseNegatives).padStart(3)}`);
}
if (process.argv.includes('--misses')) {
  for (const m of result.misses) console.log(`${m.category}\t${m.problem}\t${m.article}\t${m.text.replace(/\n/g, '⏎')}\t${m.detail ?? ''}`);
}
