import type { ArticleLanguage } from '../domain/articles';
import { findRoleTerm } from '../language/roles';
import { attributeQuotes } from './attribution';
import { DiscourseState, EMPTY_DISCOURSE } from './discourse';
import { entityIndex } from './entities';
import { peopleIndex } from './known-people';
import { lexiconFor } from './lexicon';
import type { PeopleContext } from './people';
import { scanQuotes, type QuoteSpan } from './quote-marks';
import { splitSentences } from './sentences';
import type { SpeakerRef } from './speaker-phrase';

export interface Attribution {
  /** The speaker's name as written, or null when only a pronoun or role names them. */
  name: string | null;
  /** Role words written with the name, e.g. "Rotheides Kapitänin" or "the Almental coach". */
  role: string | null;
  /** "er", "sie", "he", "she", "they" — or a back-reference like "der 24-Jährige" — instead of a name. */
  pronoun: string | null;
  /** Span of the attribution phrase (speech verb and speaker) in the searched text. */
  start: number;
  end: number;
  /** Whether the attribution stands before or after the quote. */
  side: 'before' | 'after';
}

const LEADING_ARTICLE = /^(?:der|die|das|des|dem|den|ein|eine|einer|einem|einen|the|a|an|one)\s+/i;

/** The role named in an apposition after the speaker: "…, said Jana Kowalczyk, Rotheide's captain." */
function appositionRole(text: string, from: number, limit: number): string | null {
  const m = /^\s*,\s*([^,.;:!?„“”"«»]{1,60})/u.exec(text.slice(from, limit));
  if (!m || !findRoleTerm(m[1])) return null;
  return m[1].trim();
}

/** Where `written` stands in the sentence, nearest to `near`: pronouns and roles carry no position. */
function locate(
  text: string,
  written: string,
  near: number,
  sentence: { start: number; end: number },
): { start: number; end: number } {
  let best = -1;
  for (
    let i = text.indexOf(written, sentence.start);
    i >= 0 && i < sentence.end;
    i = text.indexOf(written, i + 1)
  ) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  const start = best < 0 ? near : best;
  return { start, end: start + written.length };
}

function describe(text: string, ref: SpeakerRef, near: number, sentence: { start: number; end: number }) {
  if (ref.kind === 'name') {
    const roleInFront =
      ref.roleFrom !== undefined ? text.slice(ref.roleFrom, ref.start).replace(/[\s,]+$/u, '') : '';
    const role = roleInFront || appositionRole(text, ref.end, sentence.end);
    return { name: ref.written, role, pronoun: null, start: ref.roleFrom ?? ref.start, end: ref.end };
  }
  const at = locate(text, ref.written, near, sentence);
  if (ref.kind === 'role')
    return { name: null, role: ref.written.replace(LEADING_ARTICLE, ''), pronoun: null, ...at };
  return { name: null, role: null, pronoun: ref.written, ...at };
}

function attributionIn(
  text: string,
  quoteStart: number,
  quoteEnd: number,
  lang: ArticleLanguage,
): Attribution | null {
  const quotes = scanQuotes(text, lang).spans;
  // The claim's span may leave out the quote marks; the detector reads the quote with them.
  const span: QuoteSpan = quotes.find((q) => q.start <= quoteStart && q.end >= quoteEnd) ?? {
    start: quoteStart,
    end: quoteEnd,
  };
  const all = quotes.includes(span)
    ? quotes
    : [...quotes.filter((q) => q.end <= span.start || q.start >= span.end), span].sort(
        (a, b) => a.start - b.start,
      );
  const sentence = splitSentences(text, all, lang).find(
    (s) => s.start <= span.start && s.end >= span.end,
  ) ?? { start: 0, end: text.length };
  const ctx: PeopleContext = {
    lang,
    lex: lexiconFor(lang),
    entities: entityIndex([]),
    people: peopleIndex([]),
    state: new DiscourseState(EMPTY_DISCOURSE),
  };
  const inSentence = all.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
  const found = attributeQuotes(text, sentence, inSentence, ctx).find((a) => a.span === span);
  if (!found?.ref || found.title) return null;
  const speaker = describe(text, found.ref, found.refAt, sentence);
  // The phrase runs from the verb (or the speaker, whichever comes first) to the end of both.
  const verb = /^[\p{L}\p{N}'’-]+/u.exec(text.slice(found.refAt));
  const verbEnd = found.refAt + (verb ? verb[0].length : 0);
  return {
    name: speaker.name,
    role: speaker.role,
    pronoun: speaker.pronoun,
    start: Math.min(found.refAt, speaker.start),
    end: Math.max(verbEnd, speaker.end),
    side: found.refAt < span.start ? 'before' : 'after',
  };
}

/**
 * Who the quote between `quoteStart` and `quoteEnd` (with or without its quote marks) is attributed
 * to in `text` — "„…“, sagte Müller", "Müller: „…“", "\"…,\" Smith said", "According to Smith, \"…\"".
 * It asks the detector's reader (`attributeQuotes`), so a claim and a suggestion name the same speaker;
 * this only describes the answer (name, role as written, pronoun, where the phrase stands). Without a
 * language, German is tried first, then English.
 */
export function findAttribution(
  text: string,
  quoteStart: number,
  quoteEnd: number,
  lang?: ArticleLanguage,
): Attribution | null {
  if (lang) return attributionIn(text, quoteStart, quoteEnd, lang);
  return attributionIn(text, quoteStart, quoteEnd, 'de') ?? attributionIn(text, quoteStart, quoteEnd, 'en');
}
