import type { Detect, LocatedGold, PreparedArticle } from './corpus';
import type { Suggestion } from './types';

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface Miss {
  article: string;
  category: Category;
  /** "missed" = in gold only; "spurious" = predicted only; "wrong" = matched with a wrong detail. */
  problem: 'missed' | 'spurious' | 'wrong';
  text: string;
  detail?: string;
}

export const CATEGORIES = ['quotes', 'speakers', 'amounts', 'otherClaims', 'hedges', 'dealParties'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Evaluation {
  scores: Record<Category, Score>;
  misses: Miss[];
}

const OTHER_KINDS = new Set(['date', 'count', 'ranking', 'role', 'other']);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function score(tp: number, fp: number, fn: number): Score {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/** One-to-one pairing of gold and predicted spans, nearest start first. */
function pair<P extends { start: number; end: number }>(
  gold: readonly LocatedGold[],
  predicted: readonly P[],
  fits: (g: LocatedGold, p: P) => boolean,
): { pairs: [LocatedGold, P][]; unmatchedGold: LocatedGold[]; unmatchedPredicted: P[] } {
  const taken = new Set<number>();
  const pairs: [LocatedGold, P][] = [];
  const unmatchedGold: LocatedGold[] = [];
  for (const g of gold) {
    let best = -1;
    for (let i = 0; i < predicted.length; i++) {
      if (taken.has(i) || !overlaps(g, predicted[i]) || !fits(g, predicted[i])) continue;
      if (best < 0 || Math.abs(predicted[i].start - g.start) < Math.abs(predicted[best].start - g.start)) best = i;
    }
    if (best < 0) unmatchedGold.push(g);
    else {
      taken.add(best);
      pairs.push([g, predicted[best]]);
    }
  }
  return { pairs, unmatchedGold, unmatchedPredicted: predicted.filter((_, i) => !taken.has(i)) };
}

const norm = (s: string) => s.trim().toLowerCase();

function hedgeAgrees(gold: string | string[], predicted: string): boolean {
  const p = norm(predicted);
  return (Array.isArray(gold) ? gold : [gold]).some((g) => {
    const n = norm(g);
    return p.includes(n) || n.includes(p) || n.split(/\s+/)[0] === p.split(/\s+/)[0];
  });
}

/**
 * Precision and recall per category. A prediction matches gold when the spans overlap and
 * the kind agrees; an amount must also agree on value and currency; a speaker counts as
 * right when it belongs to a matched quote and equals the gold speaker after trimming.
 */
export function evaluate(articles: readonly PreparedArticle[], detect: Detect): Evaluation {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<Category, { tp: number; fp: number; fn: number }>;
  const misses: Miss[] = [];
  for (const article of articles) {
    const predicted = detect(article.text, article.options);
    const note = (category: Category, problem: Miss['problem'], text: string, detail?: string) =>
      misses.push({ article: article.id, category, problem, text, ...(detail ? { detail } : {}) });

    const tally = (category: Category, gold: LocatedGold[], preds: Suggestion[], fits: (g: LocatedGold, p: Suggestion) => boolean) => {
      const r = pair(gold, preds, fits);
      counts[category].tp += r.pairs.length;
      counts[category].fn += r.unmatchedGold.length;
      counts[category].fp += r.unmatchedPredicted.length;
      r.unmatchedGold.forEach((g) => note(category, 'missed', g.text, g.kind));
      r.unmatchedPredicted.forEach((p) => note(category, 'spurious', p.text, p.kind));
      return r.pairs;
    };

    const quotePairs = tally('quotes', article.gold.filter((g) => g.kind === 'quote'), predicted.filter((p) => p.kind === 'quote'), () => true);
    const amountPairs = tally(
      'amounts',
      article.gold.filter((g) => g.kind === 'amount'),
      predicted.filter((p) => p.kind === 'amount'),
      (g, p) => g.value === p.value && (g.currency ?? null) === (p.currency ?? null),
    );
    const otherPairs = tally(
      'otherClaims',
      article.gold.filter((g) => OTHER_KINDS.has(g.kind)),
      predicted.filter((p) => OTHER_KINDS.has(p.kind)),
      (g, p) => g.kind === p.kind,
    );

    // Speakers: every predicted speaker is a claim about who spoke; every gold speaker is one to find.
    const speakers = counts.speakers;
    const matchedPredicted = new Set(quotePairs.map(([, p]) => p));
    for (const [g, p] of quotePairs) {
      if (g.speaker && p.speaker && norm(g.speaker) === norm(p.speaker)) speakers.tp++;
      else {
        if (p.speaker) speakers.fp++;
        if (g.speaker) speakers.fn++;
        if (g.speaker || p.speaker) note('speakers', 'wrong', g.text, `gold ${g.speaker ?? '—'}, predicted ${p.speaker ?? '—'}`);
      }
    }
    for (const p of predicted) if (p.kind === 'quote' && p.speaker && !matchedPredicted.has(p)) speakers.fp++;
    for (const g of article.gold) if (g.kind === 'quote' && g.speaker && !quotePairs.some(([x]) => x === g)) speakers.fn++;

    const hedges = counts.hedges;
    for (const [g, p] of [...quotePairs, ...amountPairs, ...otherPairs]) {
      if (g.hedge !== undefined && p.hedge !== undefined && hedgeAgrees(g.hedge, p.hedge)) hedges.tp++;
      else {
        if (p.hedge !== undefined) hedges.fp++;
        if (g.hedge !== undefined) hedges.fn++;
        if (g.hedge !== undefined || p.hedge !== undefined) note('hedges', 'wrong', g.text, `gold ${JSON.stringify(g.hedge ?? null)}, predicted ${p.hedge ?? '—'}`);
      }
    }

    const parties = counts.dealParties;
    for (const [g, p] of amountPairs) {
      for (const field of ['payer', 'payee'] as const) {
        const gv = g[field];
        const pv = p[field];
        if (gv !== undefined && pv !== undefined && norm(gv) === norm(pv)) parties.tp++;
        else {
          if (pv !== undefined) parties.fp++;
          if (gv !== undefined) parties.fn++;
          if (gv !== undefined || pv !== undefined) note('dealParties', 'wrong', g.text, `${field}: gold ${gv ?? '—'}, predicted ${pv ?? '—'}`);
        }
      }
    }
  }
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(counts[c].tp, counts[c].fp, counts[c].fn)])) as Record<Category, Score>;
  return { scores, misses };
}
