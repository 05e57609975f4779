// Prints precision and recall of the claim detector on the annotated corpus, for the
// development set (tests/fixtures/detect/*.json, the copy the rules are tuned on) and the
// frozen test set (tests/fixtures/detect/test/*.json, never tuned on). Every error on the
// development set is listed; the test set shows figures only, so tuning cannot read its errors.
//   npm run eval:detect              both sets
//   npm run eval:detect -- --file X  one development file
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareCorpus, type PreparedArticle } from '../src/shared/detect/corpus';
import { detect } from '../src/shared/detect/detect';
import { CATEGORIES, evaluate } from '../src/shared/detect/evaluate';

const root = join(process.cwd(), 'tests/fixtures/detect');
const only = process.argv.includes('--file') ? process.argv[process.argv.indexOf('--file') + 1] : undefined;

function load(dir: string, filter: (f: string) => boolean): { files: string[]; articles: PreparedArticle[] } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && filter(f))
    .sort();
  const articles: PreparedArticle[] = [];
  for (const name of files) {
    const prepared = prepareCorpus(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!prepared.ok) {
      console.error(`${join(dir, name)}:\n  ${prepared.errors.join('\n  ')}`);
      process.exit(1);
    }
    articles.push(...prepared.articles);
  }
  return { files, articles };
}

const pct = (x: number) => x.toFixed(2).padStart(5);
const n = (x: number) => String(x).padStart(4);
const paragraphs = (as: readonly PreparedArticle[]) => as.reduce((k, a) => k + a.text.split('\n').length, 0);

function report(label: string, articles: readonly PreparedArticle[], listErrors: boolean) {
  for (const lang of ['de', 'en', 'all'] as const) {
    const set = lang === 'all' ? articles : articles.filter((a) => a.options.lang === lang);
    if (set.length === 0) continue;
    const r = evaluate(set, detect);
    console.log(`\n${label} — ${lang}: ${set.length} articles, ${paragraphs(set)} paragraphs`);
    console.log('category       precision recall    tp   fp   fn');
    for (const c of CATEGORIES) {
      const s = r.scores[c];
      if (s.truePositives + s.falsePositives + s.falseNegatives === 0) continue;
      console.log(
        `${c.padEnd(14)} ${pct(s.precision)}     ${pct(s.recall)}  ${n(s.truePositives)} ${n(s.falsePositives)} ${n(s.falseNegatives)}`,
      );
    }
    console.log(`titles taken as quotes: ${r.titles.takenAsQuotes} of ${r.titles.total}`);
    if (listErrors && lang === 'all') {
      console.log(`\nevery error on the ${label}:`);
      for (const m of r.misses)
        console.log(
          `  ${m.category}\t${m.problem}\t${m.article}\t${m.text.replace(/\n/g, '⏎')}\t${m.detail ?? ''}`,
        );
    }
  }
}

const dev = load(root, (f) => !only || f === only);
report('development set', dev.articles, true);
if (!only) {
  const test = load(join(root, 'test'), () => true);
  report('frozen test set', test.articles, false);
}
