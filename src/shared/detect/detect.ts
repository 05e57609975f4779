import { detectBlock, type DetectEnv } from './block';
import { EMPTY_DISCOURSE, sameDiscourse, type Discourse } from './discourse';
import { entityIndex } from './entities';
import { peopleIndex } from './known-people';
import { lexiconFor } from './lexicon';
import { scanQuotes, startsWithOpener } from './quote-marks';
import type { DetectOptions, Suggestion } from './types';

/** A run of paragraphs detected together, with what it needs to be reused. */
export interface BlockRecord {
  firstParagraph: number;
  paragraphCount: number;
  /** Where the block starts in the text its suggestions were made for. */
  offset: number;
  /** Absolute offsets and paragraph indices, valid while the block sits at `offset`/`firstParagraph`. */
  suggestions: Suggestion[];
  in: Discourse;
  out: Discourse;
}

/** Everything `detectIncremental` needs from the previous pass. */
export interface DetectionState {
  paragraphs: string[];
  /** Suggestions per paragraph, absolute offsets into the text of this state. */
  results: Suggestion[][];
  blocks: BlockRecord[];
  options: DetectOptions;
}

function envFor(options: DetectOptions): DetectEnv {
  return {
    lang: options.lang,
    lex: lexiconFor(options.lang),
    entities: entityIndex(options.entities),
    people: peopleIndex(options.people),
    date: options.date,
  };
}

// Block boundaries are recomputed on every update; remembering each paragraph's answer
// makes that a map lookup for the paragraphs an edit did not touch.
const endsOpenCache = { de: new Map<string, boolean>(), en: new Map<string, boolean>() };

function endsOpen(paragraph: string, lang: DetectOptions['lang']): boolean {
  const cache = endsOpenCache[lang];
  let v = cache.get(paragraph);
  if (v === undefined) {
    // Only a paragraph with an opening mark can end inside a quote.
    v = /[„“"»«‚‘']/.test(paragraph) && scanQuotes(paragraph, lang).endsOpen;
    if (cache.size > 20000) cache.clear();
    cache.set(paragraph, v);
  }
  return v;
}

/**
 * Paragraph i joins paragraph i+1 when it leaves a quote open and i+1 re-opens it, the
 * convention for a quote running over several paragraphs. Depends only on the two texts.
 */
export function blockBoundaries(paragraphs: readonly string[], lang: DetectOptions['lang']): number[] {
  const starts: number[] = [0];
  for (let i = 1; i < paragraphs.length; i++) {
    const joined = endsOpen(paragraphs[i - 1], lang) && startsWithOpener(paragraphs[i]);
    if (!joined) starts.push(i);
  }
  return starts;
}

function assemble(
  paragraphs: readonly string[],
  blocks: readonly BlockRecord[],
): { results: Suggestion[][]; all: Suggestion[] } {
  const results: Suggestion[][] = paragraphs.map(() => []);
  const all: Suggestion[] = [];
  for (const b of blocks) {
    for (const s of b.suggestions) {
      results[s.paragraph].push(s);
      all.push(s);
    }
  }
  return { results, all };
}

/** The same block moved by an edit above it: offsets and paragraph numbers shift, nothing else. */
function moveBlock(b: BlockRecord, firstParagraph: number, offset: number): BlockRecord {
  if (b.firstParagraph === firstParagraph && b.offset === offset) return b;
  const dOffset = offset - b.offset;
  const dParagraph = firstParagraph - b.firstParagraph;
  return {
    ...b,
    firstParagraph,
    offset,
    suggestions: b.suggestions.map((s) => ({
      ...s,
      start: s.start + dOffset,
      end: s.end + dOffset,
      paragraph: s.paragraph + dParagraph,
    })),
  };
}

function runBlocks(
  paragraphs: readonly string[],
  starts: readonly number[],
  env: DetectEnv,
  reuse?: (first: number, count: number, incoming: Discourse) => BlockRecord | undefined,
): BlockRecord[] {
  const blocks: BlockRecord[] = [];
  let discourse = EMPTY_DISCOURSE;
  let offset = 0;
  let next = 0;
  for (let b = 0; b < starts.length; b++) {
    const first = starts[b];
    const count = (b + 1 < starts.length ? starts[b + 1] : paragraphs.length) - first;
    while (next < first) offset += paragraphs[next++].length + 1;
    const cached = reuse?.(first, count, discourse);
    if (cached) {
      blocks.push(moveBlock(cached, first, offset));
      discourse = cached.out;
      continue;
    }
    const r = detectBlock(paragraphs.slice(first, first + count), discourse, env, {
      offset,
      paragraph: first,
    });
    blocks.push({
      firstParagraph: first,
      paragraphCount: count,
      offset,
      suggestions: r.suggestions,
      in: discourse,
      out: r.out,
    });
    discourse = r.out;
  }
  return blocks;
}

export const splitParagraphs = (text: string): string[] => text.split('\n');

/** Full pass over a plain text whose paragraphs are joined by one "\n". */
export function detect(text: string, options: DetectOptions): Suggestion[] {
  return detectWithState(text, options).suggestions;
}

export function detectWithState(
  text: string,
  options: DetectOptions,
): { suggestions: Suggestion[]; state: DetectionState } {
  const paragraphs = splitParagraphs(text);
  const blocks = runBlocks(paragraphs, blockBoundaries(paragraphs, options.lang), envFor(options));
  const { results, all } = assemble(paragraphs, blocks);
  return { suggestions: all, state: { paragraphs, results, blocks, options } };
}

const sameOptions = (a: DetectOptions, b: DetectOptions) =>
  a.lang === b.lang && a.entities === b.entities && a.people === b.people && a.date === b.date;

/**
 * Re-detects only what an edit can have changed: blocks whose text changed, and the blocks
 * after them until the discourse they hand on is again what it was. The result equals a
 * full `detect()` of `nextText`.
 */
export function detectIncremental(
  prev: DetectionState,
  nextText: string,
  options: DetectOptions = prev.options,
): { suggestions: Suggestion[]; state: DetectionState } {
  if (!sameOptions(prev.options, options)) return detectWithState(nextText, options);
  const paragraphs = splitParagraphs(nextText);
  const env = envFor(options);
  const old = prev.paragraphs;
  // Paragraphs are matched by position from the front and from the back, which covers typing,
  // pasting and splitting or joining paragraphs in one place.
  let prefix = 0;
  while (prefix < old.length && prefix < paragraphs.length && old[prefix] === paragraphs[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < paragraphs.length - prefix &&
    old[old.length - 1 - suffix] === paragraphs[paragraphs.length - 1 - suffix]
  )
    suffix++;
  const shift = paragraphs.length - old.length;
  const oldByFirst = new Map(prev.blocks.map((b) => [b.firstParagraph, b]));
  // Between the first and the last change (edits in several places: colleagues typing in a shared
  // article), an old block is found by its text: a block's suggestions depend only on its
  // paragraphs and the discourse it starts with, wherever it sits.
  let middle: Map<string, BlockRecord[]> | null = null;
  const oldByText = (text: string) => {
    if (!middle) {
      middle = new Map();
      for (const b of prev.blocks) {
        if (b.firstParagraph + b.paragraphCount <= prefix || b.firstParagraph >= old.length - suffix)
          continue;
        const key = old.slice(b.firstParagraph, b.firstParagraph + b.paragraphCount).join('\n');
        middle.set(key, [...(middle.get(key) ?? []), b]);
      }
    }
    return middle.get(text) ?? [];
  };
  const starts = blockBoundaries(paragraphs, options.lang);
  const blocks = runBlocks(paragraphs, starts, env, (first, count, incoming) => {
    const last = first + count - 1;
    let candidate: BlockRecord | undefined;
    if (last < prefix) candidate = oldByFirst.get(first);
    else if (first >= paragraphs.length - suffix) candidate = oldByFirst.get(first - shift);
    else
      return oldByText(paragraphs.slice(first, first + count).join('\n')).find(
        (b) => b.paragraphCount === count && sameDiscourse(b.in, incoming),
      );
    if (!candidate || candidate.paragraphCount !== count) return undefined;
    return sameDiscourse(candidate.in, incoming) ? candidate : undefined;
  });
  const { results, all } = assemble(paragraphs, blocks);
  return { suggestions: all, state: { paragraphs, results, blocks, options } };
}

/** Holds the last pass so an editor can call `update` on every change. */
export class Detector {
  private state: DetectionState | undefined;

  constructor(private readonly options: DetectOptions) {}

  update(text: string): Suggestion[] {
    const r = this.state
      ? detectIncremental(this.state, text, this.options)
      : detectWithState(text, this.options);
    this.state = r.state;
    return r.suggestions;
  }
}
