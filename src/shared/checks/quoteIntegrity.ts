// Compares a quote as it stands in an article with the verified wording.
//
// Thresholds (see docs/checks.md):
// - identical: same words and punctuation after normalising quote marks, dashes,
//   ellipses and whitespace; one final "." or "," is ignored, because German and
//   English copy turn it into the comma before "sagte …" / "said …".
// - cosmetic difference: case only, a spelling slip (edit distance ≤ 1 for words up to
//   4 letters, ≤ 2 for longer ones) or punctuation.
// - word change: a word added, dropped or replaced by a dissimilar word.
// - sensitive change: a negation or a number added, dropped or replaced; always "changed".
// - minor_deviation: only cosmetic differences, or word changes within
//   min(2, 20 % of the compared verified words).
// - shortened: verified words are left out at an ellipsis in the text, or at the start or
//   end (a partial quote), and the rest passes as identical or minor.
// - changed: anything beyond that, or an omission that drops a negation.

import { editDistance } from '../language/editDistance';
import { DE_ARTICLE_FORMS, parseNumberWord } from '../language/numberWords';
import { normalizeQuoteText } from '../language/quotes';
import { deQ, enQ, makeWarning, type Warning } from './warning';

export type QuoteVerdict = 'identical' | 'minor_deviation' | 'changed' | 'shortened';

/** One run of the word diff: "removed" is in the verified wording only, "added" in the article only. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface QuoteComparison {
  verdict: QuoteVerdict;
  diff: DiffPart[];
  warnings: Warning[];
}

export const MAX_MINOR_WORD_CHANGES = 2;
export const MAX_MINOR_WORD_CHANGE_SHARE = 0.2;

type TokenType = 'word' | 'punct' | 'ellipsis';

interface Token {
  text: string;
  /** Whitespace before the token in its own string, kept so diff parts read naturally. */
  lead: string;
  type: TokenType;
}

const TOKEN_RE = /(\s*)(\[…\]|…|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|\S)/gu;

function tokenize(s: string): Token[] {
  const tokens = Array.from(s.matchAll(TOKEN_RE), (m): Token => {
    const text = m[2];
    const type: TokenType =
      text === '…' || text === '[…]' ? 'ellipsis' : /[\p{L}\p{N}]/u.test(text) ? 'word' : 'punct';
    return { text, lead: m[1], type };
  });
  const last = tokens[tokens.length - 1];
  if (last && (last.text === '.' || last.text === ',')) tokens.pop();
  if (tokens[0]) tokens[0] = { ...tokens[0], lead: '' };
  return tokens;
}

type Op = { kind: 'same' | 'added' | 'removed'; token: Token };

/** Word-level LCS diff of verified (a) against text (b); within a hunk removals come first. */
function diffTokens(a: Token[], b: Token[]): Op[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lcs[i * width + j] = length of the LCS of a[i..] and b[j..].
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i].text === b[j].text
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i].text === b[j].text) {
      ops.push({ kind: 'same', token: b[j] });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      ops.push({ kind: 'removed', token: a[i++] });
    } else {
      ops.push({ kind: 'added', token: b[j++] });
    }
  }
  while (i < n) ops.push({ kind: 'removed', token: a[i++] });
  while (j < m) ops.push({ kind: 'added', token: b[j++] });
  return ops;
}

function toParts(ops: Op[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const op of ops) {
    const piece = op.token.lead + op.token.text;
    const last = parts[parts.length - 1];
    if (last && last.kind === op.kind) last.text += piece;
    else parts.push({ kind: op.kind, text: parts.length === 0 ? piece.trimStart() : piece });
  }
  return parts;
}

const NEGATIONS = new Set([
  'nicht',
  'nichts',
  'kein',
  'keine',
  'keinen',
  'keinem',
  'keiner',
  'keines',
  'nie',
  'niemals',
  'niemand',
  'weder',
  'not',
  'no',
  'never',
  'nothing',
  'none',
  'nobody',
  'neither',
  'nor',
  'cannot',
]);

const isNegation = (w: string) => NEGATIONS.has(w.toLowerCase()) || /n['’]t$/i.test(w);
const isNumber = (w: string) =>
  /\d/.test(w) ||
  (!DE_ARTICLE_FORMS.has(w.toLowerCase()) &&
    !['a', 'an'].includes(w.toLowerCase()) &&
    parseNumberWord(w) !== null);
const isSensitive = (w: string) => isNegation(w) || isNumber(w);

function isSpellingSlip(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const longest = Math.max(x.length, y.length);
  return editDistance(x, y) <= (longest <= 4 ? 1 : 2);
}

interface Difference {
  kind: 'case' | 'spelling' | 'punctuation' | 'word' | 'sensitive' | 'omission';
  from: string;
  to: string;
}

interface Tally {
  differences: Difference[];
  omittedWords: number;
  omittedNegation: boolean;
  usedEllipsis: boolean;
}

/** Pairs removed and added words of one hunk, aligned at its start or its end. */
function pairWords(removed: string[], added: string[], anchor: 'start' | 'end') {
  const k = Math.min(removed.length, added.length);
  const r0 = anchor === 'start' ? 0 : removed.length - k;
  const a0 = anchor === 'start' ? 0 : added.length - k;
  const pairs = Array.from({ length: k }, (_, p) => [removed[r0 + p], added[a0 + p]] as const);
  const leftRemoved = anchor === 'start' ? removed.slice(k) : removed.slice(0, removed.length - k);
  const leftAdded = anchor === 'start' ? added.slice(k) : added.slice(0, added.length - k);
  return { pairs, leftRemoved, leftAdded };
}

function classifyPair(r: string, a: string): Difference {
  if (r.toLowerCase() === a.toLowerCase()) return { kind: 'case', from: r, to: a };
  if (isSensitive(r) || isSensitive(a)) return { kind: 'sensitive', from: r, to: a };
  if (isSpellingSlip(r, a)) return { kind: 'spelling', from: r, to: a };
  return { kind: 'word', from: r, to: a };
}

function tallyHunk(removed: Token[], added: Token[], edge: 'start' | 'end' | null, tally: Tally): void {
  const rWords = removed.filter((t) => t.type === 'word').map((t) => t.text);
  const aWords = added.filter((t) => t.type === 'word').map((t) => t.text);
  const ellipsis = added.some((t) => t.type === 'ellipsis');
  const punctuation = [...removed, ...added].filter(
    (t) => t.type === 'punct' || (t.type === 'ellipsis' && rWords.length === 0),
  );

  if (ellipsis) tally.usedEllipsis = true;

  const omission = (ellipsis || edge !== null) && aWords.length === 0;
  if (omission) {
    tally.omittedWords += rWords.length;
    if (rWords.some(isNegation)) tally.omittedNegation = true;
    if (rWords.length > 0) tally.differences.push({ kind: 'omission', from: rWords.join(' '), to: '' });
  } else {
    const anchor = edge === 'start' ? 'end' : 'start';
    let best = pairWords(rWords, aWords, anchor);
    if (edge === null) {
      const other = pairWords(rWords, aWords, 'end');
      const cosmetic = (x: typeof best) =>
        x.pairs.filter(([r, a]) => ['case', 'spelling'].includes(classifyPair(r, a).kind)).length;
      if (cosmetic(other) > cosmetic(best)) best = other;
    }
    for (const [r, a] of best.pairs) tally.differences.push(classifyPair(r, a));
    if (edge !== null || ellipsis) {
      // Words cut at the outer edge of a partial quote, or at its ellipsis, are an omission.
      tally.omittedWords += best.leftRemoved.length;
      if (best.leftRemoved.some(isNegation)) tally.omittedNegation = true;
    } else {
      for (const r of best.leftRemoved)
        tally.differences.push({ kind: isSensitive(r) ? 'sensitive' : 'word', from: r, to: '' });
    }
    for (const a of best.leftAdded)
      tally.differences.push({ kind: isSensitive(a) ? 'sensitive' : 'word', from: '', to: a });
  }
  // Punctuation cut out together with omitted words is part of the omission.
  if (punctuation.length > 0 && !(omission && rWords.length > 0)) {
    tally.differences.push({
      kind: 'punctuation',
      from: removed
        .filter((t) => t.type !== 'word')
        .map((t) => t.text)
        .join(' '),
      to: added
        .filter((t) => t.type !== 'word')
        .map((t) => t.text)
        .join(' '),
    });
  }
}

function describeDifference(d: Difference): { de: string; en: string } {
  if (d.kind === 'omission' || (d.from !== '' && d.to === '')) {
    return { de: `${deQ(d.from)} fehlt`, en: `${enQ(d.from)} is missing` };
  }
  if (d.from === '') return { de: `${deQ(d.to)} ist hinzugefügt`, en: `${enQ(d.to)} was added` };
  return { de: `${deQ(d.to)} statt ${deQ(d.from)}`, en: `${enQ(d.to)} instead of ${enQ(d.from)}` };
}

/**
 * "N of M words changed", counted against the longer of the two wordings so N never exceeds M,
 * and naming the side that has the extra words: a quote padded in the article reads differently
 * from one cut down from the record.
 */
function changedWarning(changes: number, verifiedWords: number, textWords: number): Warning {
  const comparedWords = Math.max(verifiedWords, textWords);
  const wordChanges = Math.min(changes, comparedWords);
  const extra = Math.abs(verifiedWords - textWords);
  const longerSide = textWords > verifiedWords ? 'article' : verifiedWords > textWords ? 'record' : 'none';
  const words = (n: number, de: boolean) => (de ? (n === 1 ? 'Wort' : 'Wörter') : n === 1 ? 'word' : 'words');
  const sideDe =
    longerSide === 'article'
      ? `; im Artikel stehen ${extra} ${words(extra, true)} mehr als im Beleg`
      : longerSide === 'record'
        ? `; im Beleg stehen ${extra} ${words(extra, true)} mehr als im Artikel`
        : '';
  const sideEn =
    longerSide === 'article'
      ? `; the article has ${extra} more ${words(extra, false)} than the verified wording`
      : longerSide === 'record'
        ? `; the verified wording has ${extra} more ${words(extra, false)} than the article`
        : '';
  return makeWarning(
    'quote.changed',
    'error',
    { wordChanges, comparedWords, verifiedWords, textWords, longerSide },
    `Das Zitat weicht inhaltlich vom belegten Wortlaut ab (${wordChanges} von ${comparedWords} ${comparedWords === 1 ? 'Wort' : 'Wörtern'} geändert${sideDe}); bitte den Wortlaut aus dem Beleg übernehmen.`,
    `The quote's wording departs from the verified wording (${wordChanges} of ${comparedWords} ${words(comparedWords, false)} changed${sideEn}); please use the wording on record.`,
  );
}

/**
 * Compares the wording of a quote in the article (`textWording`) with the verified
 * wording, word by word. See the header of this module for the thresholds.
 */
export function compareQuote(textWording: string, verifiedWording: string): QuoteComparison {
  const textTokens = tokenize(normalizeQuoteText(textWording));
  const verifiedTokens = tokenize(normalizeQuoteText(verifiedWording));
  const ops = diffTokens(verifiedTokens, textTokens);
  const diff = toParts(ops);

  if (textTokens.length === 0 || verifiedTokens.length === 0) {
    const side =
      textTokens.length === 0
        ? { de: 'im Artikel', en: 'in the article' }
        : { de: 'im Beleg', en: 'in the record' };
    return {
      verdict: 'changed',
      diff,
      warnings: [
        makeWarning(
          'quote.empty',
          'error',
          {},
          `Der Wortlaut ${side.de} ist leer, daher lässt sich das Zitat nicht prüfen.`,
          `The wording ${side.en} is empty, so the quote cannot be checked.`,
        ),
      ],
    };
  }

  const tally: Tally = { differences: [], omittedWords: 0, omittedNegation: false, usedEllipsis: false };
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === 'same') {
      k++;
      continue;
    }
    const first = k;
    while (k < ops.length && ops[k].kind !== 'same') k++;
    const hunk = ops.slice(first, k);
    const edge = first === 0 ? 'start' : k === ops.length ? 'end' : null;
    tallyHunk(
      hunk.filter((o) => o.kind === 'removed').map((o) => o.token),
      hunk.filter((o) => o.kind === 'added').map((o) => o.token),
      edge,
      tally,
    );
  }

  const sharedWords = ops.filter((o) => o.kind === 'same' && o.token.type === 'word').length;
  const verifiedWords = verifiedTokens.filter((t) => t.type === 'word').length;
  const comparedWords = verifiedWords - tally.omittedWords;
  const allowedWordChanges = Math.min(
    MAX_MINOR_WORD_CHANGES,
    Math.floor(comparedWords * MAX_MINOR_WORD_CHANGE_SHARE),
  );
  const wordChanges = tally.differences.filter((d) => d.kind === 'word').length;
  const sensitive = tally.differences.filter((d) => d.kind === 'sensitive');
  const cosmetic = tally.differences.filter(
    (d) => d.kind === 'case' || d.kind === 'spelling' || d.kind === 'punctuation',
  );

  const warnings: Warning[] = [];

  if (
    sharedWords === 0 ||
    sensitive.length > 0 ||
    tally.omittedNegation ||
    wordChanges > allowedWordChanges
  ) {
    warnings.push(
      changedWarning(
        wordChanges + sensitive.length,
        verifiedWords,
        textTokens.filter((t) => t.type === 'word').length,
      ),
    );
    const negationChange = sensitive.find((d) => isNegation(d.from) || isNegation(d.to));
    if (negationChange || tally.omittedNegation) {
      const word = negationChange ? negationChange.from || negationChange.to : 'nicht/not';
      warnings.push(
        makeWarning(
          'quote.negation_changed',
          'error',
          { word },
          `Eine Verneinung (${deQ(word)}) ist im Zitat anders als im Beleg, das kann die Aussage umkehren.`,
          `A negation (${enQ(word)}) differs from the verified wording, which can reverse the statement.`,
        ),
      );
    }
    const numberChange = sensitive.find((d) => isNumber(d.from) || isNumber(d.to));
    if (numberChange) {
      warnings.push(
        makeWarning(
          'quote.number_changed',
          'error',
          { from: numberChange.from, to: numberChange.to },
          `Eine Zahl im Zitat weicht vom Beleg ab (${describeDifference(numberChange).de}).`,
          `A number in the quote differs from the verified wording (${describeDifference(numberChange).en}).`,
        ),
      );
    }
    return { verdict: 'changed', diff, warnings };
  }

  const small = [...cosmetic, ...tally.differences.filter((d) => d.kind === 'word')];
  if (small.length > 0) {
    const example = describeDifference(small[0]);
    warnings.push(
      makeWarning(
        'quote.minor_deviation',
        'warning',
        { differences: small.length, from: small[0].from, to: small[0].to },
        `Das Zitat weicht an ${small.length} ${small.length === 1 ? 'Stelle' : 'Stellen'} leicht vom belegten Wortlaut ab (z. B. ${example.de}); bitte angleichen.`,
        `The quote differs slightly from the verified wording in ${small.length} ${small.length === 1 ? 'place' : 'places'} (e.g. ${example.en}); please align it.`,
      ),
    );
  }

  if (tally.omittedWords > 0) {
    if (tally.usedEllipsis) {
      warnings.unshift(
        makeWarning(
          'quote.shortened',
          'info',
          { omittedWords: tally.omittedWords },
          `Das Zitat ist mit Auslassungszeichen gekürzt (${tally.omittedWords} ${tally.omittedWords === 1 ? 'Wort fehlt' : 'Wörter fehlen'}); bitte prüfen, dass der Sinn erhalten bleibt.`,
          `The quote is shortened with an ellipsis (${tally.omittedWords} ${tally.omittedWords === 1 ? 'word' : 'words'} left out); please check that its meaning is kept.`,
        ),
      );
    } else {
      warnings.unshift(
        makeWarning(
          'quote.excerpt',
          'info',
          { omittedWords: tally.omittedWords },
          `Der Artikel zitiert nur einen Ausschnitt des belegten Wortlauts (${tally.omittedWords} ${tally.omittedWords === 1 ? 'Wort davor oder danach fehlt' : 'Wörter davor oder danach fehlen'}).`,
          `The article quotes only part of the verified wording (${tally.omittedWords} ${tally.omittedWords === 1 ? 'word before or after is' : 'words before or after are'} left out).`,
        ),
      );
    }
    return { verdict: 'shortened', diff, warnings };
  }

  return { verdict: small.length > 0 ? 'minor_deviation' : 'identical', diff, warnings };
}
