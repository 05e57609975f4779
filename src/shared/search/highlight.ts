import { searchWords, type SearchWord } from './fold';
import type { SearchTerm } from './query';

/** A piece of the original text; `match` pieces are shown highlighted. Never HTML. */
export interface TextSegment {
  text: string;
  match: boolean;
}

function wordMatches(word: SearchWord, q: { t: string; s: string }, prefix: boolean): boolean {
  if (prefix) return word.t.startsWith(q.t) || word.s.startsWith(q.s);
  return word.t === q.t || word.s === q.s;
}

/** Offsets [start, end) in `text` of every word or phrase the terms match. */
export function matchRanges(text: string, terms: readonly SearchTerm[]): [number, number][] {
  if (terms.length === 0 || !text) return [];
  const words = searchWords(text);
  const ranges: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    for (const term of terms) {
      const n = term.words.length;
      if (i + n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        ok = wordMatches(words[i + k], term.words[k], term.prefix && k === n - 1);
      }
      if (ok) ranges.push([words[i].start, words[i + n - 1].end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The whole text cut into plain and matched segments. */
export function highlight(text: string, terms: readonly SearchTerm[]): TextSegment[] {
  return segmentsFor(text, matchRanges(text, terms), 0, text.length);
}

function segmentsFor(text: string, ranges: [number, number][], from: number, to: number): TextSegment[] {
  const out: TextSegment[] = [];
  let pos = from;
  for (const [a, b] of ranges) {
    if (b <= from || a >= to) continue;
    const start = Math.max(a, from);
    const end = Math.min(b, to);
    if (start > pos) out.push({ text: text.slice(pos, start), match: false });
    out.push({ text: text.slice(start, end), match: true });
    pos = end;
  }
  if (pos < to) out.push({ text: text.slice(pos, to), match: false });
  return out;
}

/**
 * At most about `max` characters of the text around its first match, with "…" where it
 * was cut, so a long quote still shows why it was found.
 */
export function snippet(text: string, terms: readonly SearchTerm[], max = 180): TextSegment[] {
  const ranges = matchRanges(text, terms);
  if (text.length <= max) return segmentsFor(text, ranges, 0, text.length);
  const first = ranges[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(max / 3));
  let to = Math.min(text.length, from + max);
  from = Math.max(0, to - max);
  // Cut at word boundaries so no word is shown half.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < first) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from && space > (ranges[0]?.[1] ?? 0)) to = space;
  }
  const segs = segmentsFor(text, ranges, from, to);
  if (from > 0) segs.unshift({ text: '…', match: false });
  if (to < text.length) segs.push({ text: '…', match: false });
  return segs;
}
