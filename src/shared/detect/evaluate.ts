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
  category: Category | 'titles';
  /** "missed" = in gold only; "spurious" = predicted only; "wrong" = matched with a wrong detail. */
  problem: 'missed' | 'spurious' | 'wrong';
  text: string;
  detail?: string;
}

export const CATEGORIES = [
  'quotes',
  'speakers',
  'amounts',
  'otherClaims',
  'hedges',
  'sources',
  'dealParties',
  'partyResolution',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Evaluation {
  scores: Record<Category, Score>;
  /** Quoted titles in the gold (films, books, newspapers) and how many came back as quotes. */
  titles: { total: number; takenAsQuotes: number };
  misses: Miss[];
}

const OTHER_KINDS = new Set(['date', 'count', 'ranking', 'role', 'other']);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

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
      if (best < 0 || Math.abs(predicted[i].start - g.start) < Math.abs(predicted[best].start - g.start))
        best = i;
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

/** A source compares without quote marks, a leading article and case: "der „Almentaler Bote“" = "Almentaler Bote". */
export function normSource(s: string): string {
  return s
    .replace(/[„“”"»«‚‘’'‹›]/g, '')
    .trim()
    .toLowerCase()
    .replace(/^(?:der|die|das|dem|den|des|the)\s+/, '');
}

const sourceAgrees = (gold: string, predicted: string) => {
  const g = normSource(gold);
  const p = normSource(predicted);
  return g === p || (g.length > 0 && p.length > 0 && (g.includes(p) || p.includes(g)));
};

/**
 * A named speaker must be the same name; an unnamed one (a role such as "ein Vereinssprecher")
 * is right when the predicted role phrase contains the gold role or the other way round.
 */
function speakerAgrees(g: LocatedGold, p: Suggestion): boolean {
  if (!g.speaker || !p.speaker) return false;
  if (g.speakerId !== undefined && p.speakerId !== g.speakerId) return false;
  if (g.speakerKind === 'role' && g.speakerId === undefined) {
    const a = norm(g.speaker);
    const b = norm(p.speaker);
    return p.speakerKind === 'role' && (a.includes(b) || b.includes(a));
  }
  return norm(g.speaker) === norm(p.speaker);
}

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
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }])) as Record<
    Category,
    { tp: number; fp: number; fn: number }
  >;
  const misses: Miss[] = [];
  const titles = { total: 0, takenAsQuotes: 0 };
  for (const article of articles) {
    const predicted = detect(article.text, article.options);
    const note = (category: Miss['category'], problem: Miss['problem'], text: string, detail?: string) =>
      misses.push({ article: article.id, category, problem, text, ...(detail ? { detail } : {}) });

    const tally = (
      category: Category,
      gold: LocatedGold[],
      preds: Suggestion[],
      fits: (g: LocatedGold, p: Suggestion) => boolean,
    ) => {
      const r = pair(gold, preds, fits);
      counts[category].tp += r.pairs.length;
      counts[category].fn += r.unmatchedGold.length;
      counts[category].fp += r.unmatchedPredicted.length;
      r.unmatchedGold.forEach((g) => note(category, 'missed', g.text, g.kind));
      r.unmatchedPredicted.forEach((p) => note(category, 'spurious', p.text, p.kind));
      return r.pairs;
    };

    const quotePairs = tally(
      'quotes',
      article.gold.filter((g) => g.kind === 'quote'),
      predicted.filter((p) => p.kind === 'quote'),
      () => true,
    );
    const amountPairs = tally(
      'amounts',
      article.gold.filter((g) => g.kind === 'amount'),
      predicted.filter((p) => p.kind === 'amount'),
      (g, p) =>
        g.value === p.value &&
        (g.currency ?? null) === (p.currency ?? null) &&
        (g.min === undefined || g.min === p.min) &&
        (g.max === undefined || g.max === p.max),
    );
    // Files that do not annotate dates, counts, rankings and roles leave them unscored.
    const otherPairs = article.otherClaims
      ? tally(
          'otherClaims',
          article.gold.filter((g) => OTHER_KINDS.has(g.kind)),
          predicted.filter((p) => OTHER_KINDS.has(p.kind)),
          (g, p) => g.kind === p.kind,
        )
      : [];

    for (const t of article.titles) {
      titles.total++;
      if (predicted.some((p) => p.kind === 'quote' && overlaps(p, t))) {
        titles.takenAsQuotes++;
        note('titles', 'spurious', t.text, 'title taken as a quote');
      }
    }

    // Speakers: every predicted speaker is a claim about who spoke; every gold speaker is one to find.
    const speakers = counts.speakers;
    const matchedPredicted = new Set(quotePairs.map(([, p]) => p));
    for (const [g, p] of quotePairs) {
      if (speakerAgrees(g, p)) speakers.tp++;
      else {
        if (p.speaker) speakers.fp++;
        if (g.speaker) speakers.fn++;
        const show = (x: { speaker?: string; speakerKind?: string; speakerId?: string }) =>
          x.speaker
            ? `${x.speaker}${x.speakerKind ? ` (${x.speakerKind})` : ''}${x.speakerId ? ` #${x.speakerId}` : ''}`
            : '—';
        if (g.speaker || p.speaker)
          note('speakers', 'wrong', g.text, `gold ${show(g)}, predicted ${show(p)}`);
      }
    }
    for (const p of predicted) if (p.kind === 'quote' && p.speaker && !matchedPredicted.has(p)) speakers.fp++;
    for (const g of article.gold)
      if (g.kind === 'quote' && g.speaker && !quotePairs.some(([x]) => x === g)) speakers.fn++;

    const hedges = counts.hedges;
    for (const [g, p] of [...quotePairs, ...amountPairs, ...otherPairs]) {
      if (g.hedge !== undefined && p.hedge !== undefined && hedgeAgrees(g.hedge, p.hedge)) hedges.tp++;
      else {
        if (p.hedge !== undefined) hedges.fp++;
        if (g.hedge !== undefined) hedges.fn++;
        if (g.hedge !== undefined || p.hedge !== undefined)
          note(
            'hedges',
            'wrong',
            g.text,
            `gold ${JSON.stringify(g.hedge ?? null)}, predicted ${p.hedge ?? '—'}`,
          );
      }
    }

    const sources = counts.sources;
    for (const [g, p] of article.sources ? [...quotePairs, ...amountPairs, ...otherPairs] : []) {
      if (g.source !== undefined && p.source !== undefined && sourceAgrees(g.source, p.source)) sources.tp++;
      else {
        if (p.source !== undefined) sources.fp++;
        if (g.source !== undefined) sources.fn++;
        if (g.source !== undefined || p.source !== undefined)
          note('sources', 'wrong', g.text, `gold ${g.source ?? '—'}, predicted ${p.source ?? '—'}`);
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
          if (gv !== undefined || pv !== undefined)
            note('dealParties', 'wrong', g.text, `${field}: gold ${gv ?? '—'}, predicted ${pv ?? '—'}`);
        }
      }
    }

    // What "der Klub" / "the Bundesliga side" refers to, only where a file annotates it.
    const resolution = counts.partyResolution;
    for (const [g, p] of article.resolvedParties ? amountPairs : []) {
      for (const field of ['payerResolved', 'payeeResolved'] as const) {
        const gv = g[field];
        const pv = p[field];
        if (gv !== undefined && pv !== undefined && norm(gv) === norm(pv)) resolution.tp++;
        else {
          if (pv !== undefined) resolution.fp++;
          if (gv !== undefined) resolution.fn++;
          if (gv !== undefined || pv !== undefined)
            note('partyResolution', 'wrong', g.text, `${field}: gold ${gv ?? '—'}, predicted ${pv ?? '—'}`);
        }
      }
    }
  }
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, score(counts[c].tp, counts[c].fp, counts[c].fn)]),
  ) as Record<Category, Score>;
  return { scores, titles, misses };
}
