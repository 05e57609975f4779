import { diffWords } from 'diff';

export type DiffPartKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffPartKind;
  text: string;
}

export interface WordDiff {
  parts: DiffPart[];
  addedWords: number;
  removedWords: number;
}

/**
 * Beyond this many edits, or this much time, the word diff stops: two texts that far apart
 * are shown as "too different" rather than freezing the window.
 */
const MAX_EDITS = 4000;
const MAX_MS = 800;

const wordsIn = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * Word-level changes from an older text to a newer one: "removed" parts are only in the old
 * text, "added" parts only in the new. Whitespace differences alone are not changes.
 * Returns null when the texts are too different to compare word by word in reasonable time.
 */
export function wordDiff(older: string, newer: string): WordDiff | null {
  const changes = diffWords(older, newer, { maxEditLength: MAX_EDITS, timeout: MAX_MS });
  if (changes === undefined) return null;
  const parts: DiffPart[] = [];
  let addedWords = 0;
  let removedWords = 0;
  for (const change of changes) {
    const kind: DiffPartKind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    if (kind === 'added') addedWords += wordsIn(change.value);
    if (kind === 'removed') removedWords += wordsIn(change.value);
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return { parts, addedWords, removedWords };
}

/** The whole article as one text for comparing versions: news structure first, then the body. */
export function articleText(
  fields: { kicker: string; headline: string; lead: string; byline: string; dateline: string },
  body: string,
): string {
  const head = [
    fields.kicker,
    fields.headline,
    fields.lead,
    [fields.byline, fields.dateline].filter(Boolean).join(', '),
  ];
  return [...head.filter((s) => s.trim() !== ''), body].join('\n\n');
}
