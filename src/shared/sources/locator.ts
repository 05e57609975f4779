import type { Segment } from './document';

// A locator says where in a source a passage stands: "p. 3" in a PDF, "¶ 7" in a web page or
// a document, with the nearest heading in front when there is one ("§ Transfers, ¶ 7"). It is
// stored as text on citations and claim links — the form people read, type and export — and
// parsed back to find the place when someone opens it.

export interface Place {
  page: number | null;
  paragraph: number | null;
}

/** The locator of a passage in a segment. */
export function locatorFor(segment: Pick<Segment, 'page' | 'paragraph' | 'heading'>): string {
  if (segment.page !== null) return `p. ${segment.page}`;
  const parts: string[] = [];
  if (segment.heading)
    parts.push(`§ ${segment.heading.length > 60 ? `${segment.heading.slice(0, 59)}…` : segment.heading}`);
  if (segment.paragraph !== null) parts.push(`¶ ${segment.paragraph}`);
  return parts.join(', ');
}

/** Reads a page or paragraph number back, also from hand-typed forms ("S. 3", "Seite 3", "page 3", "para. 2"). */
export function parseLocator(locator: string | null | undefined): Place {
  const text = locator ?? '';
  const page = /(?:^|[\s,(])(?:pp?|s|seite|page)\.?\s*(\d{1,5})\b/i.exec(text);
  const paragraph = /(?:¶|\bpara(?:graph)?\.?|\babs(?:atz)?\.?)\s*(\d{1,6})\b/i.exec(text);
  return { page: page ? Number(page[1]) : null, paragraph: paragraph ? Number(paragraph[1]) : null };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The segment a locator and passage point at: the passage inside the located page or
 * paragraph, else the located segment, else the first segment containing the passage
 * (hand-typed locators can be off). -1 when nothing matches.
 */
export function findPlace(
  segments: readonly Pick<Segment, 'page' | 'paragraph' | 'text'>[],
  locator: string | null,
  excerpt: string | null,
): number {
  const place = parseLocator(locator);
  const passage = excerpt ? squash(excerpt) : '';
  const located = segments
    .map((s, i) => ({ s, i }))
    .filter(
      ({ s }) =>
        (place.page !== null && s.page === place.page) ||
        (place.paragraph !== null && s.paragraph === place.paragraph),
    );
  if (passage) {
    const exact = located.find(({ s }) => squash(s.text).includes(passage));
    if (exact) return exact.i;
  }
  if (located.length) return located[0].i;
  if (passage) return segments.findIndex((s) => squash(s.text).includes(passage));
  return -1;
}

/** Where the passage sits in a segment's text, ignoring differences in white space; null when it does not. */
export function passageRange(text: string, excerpt: string | null): [number, number] | null {
  if (!excerpt?.trim()) return null;
  const words = excerpt
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(words.join('\\s+'), 'i').exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** The sentence (or line) around a match: what a citation quotes when the passage was found by searching. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?\n]/.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !/[.!?\n]/.test(text[to])) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

/** Every occurrence of the words of a query in a text, white space between them ignored, case folded. */
export function findAll(text: string, query: string): [number, number][] {
  const words = query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [];
  const re = new RegExp(words.join('\\s+'), 'giu');
  const out: [number, number][] = [];
  for (const m of text.matchAll(re)) if (m[0].length > 0) out.push([m.index, m.index + m[0].length]);
  return out;
}
