// Quote text as typed in an article differs from the verified wording in ways that
// carry no meaning (typographic quote marks, dash widths, no-break spaces); this
// module removes those differences and finds who a quote is attributed to.

import { findRoleTerm, findRoleTerms, type RoleMention } from './roles';
import { FRAMING_VERBS, SPEECH_VERBS as SPEECH_VERBS_BY_LANG } from './speech-verbs';

const DOUBLE_QUOTES = /[„“”‟"«»〝〞＂]/g;
const SINGLE_QUOTES = /[‚‘’‛‹›`´]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Unifies quotation marks („“”"«» → ", ‚‘’‹› → '), dashes (– — → -), ellipses
 * ("..." → "…", "(…)" → "[…]"), no-break and other spaces, collapses whitespace,
 * and strips the quote marks around the whole text.
 */
export function normalizeQuoteText(s: string): string {
  let out = s
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(SPACES, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(/\.\s?\.\s?\./g, '…')
    .replace(/[[(]\s*…\s*[\])]/g, '[…]')
    .replace(/\s+/g, ' ')
    .trim();
  out = out.replace(/^"+\s*/, '').replace(/\s*"+$/, '');
  if (out.length >= 2 && out.startsWith("'") && out.endsWith("'")) out = out.slice(1, -1);
  return out.trim();
}

export interface Attribution {
  /** The speaker's name as written, or null when only a pronoun or role names them. */
  name: string | null;
  /** Role words written with the name, e.g. "Rotheides Kapitänin" or "the Almental coach". */
  role: string | null;
  /** "er", "sie", "he", "she", "they" when the quote is attributed to a pronoun. */
  pronoun: string | null;
  /** Span of the attribution phrase (speech verb and speaker) in the searched text. */
  start: number;
  end: number;
  /** Whether the attribution stands before or after the quote. */
  side: 'before' | 'after';
}

// The detector's verbs of saying and framing, minus "so", which attributes only right after a quote.
const SPEECH_VERBS: ReadonlySet<string> = new Set(
  [...SPEECH_VERBS_BY_LANG.de, ...SPEECH_VERBS_BY_LANG.en, ...FRAMING_VERBS.de, ...FRAMING_VERBS.en, 'stated', 'versicherte'].filter(
    (w) => w !== 'so' && !w.endsWith("'"),
  ),
);
// "so" attributes only directly after a quote: „…“, so Müller.
const AFTER_ONLY_VERBS = new Set(['so']);
const PRONOUNS = new Set(['er', 'sie', 'he', 'she', 'they']);
const ARTICLES = new Set(['der', 'die', 'das', 'des', 'dem', 'den', 'the', 'a', 'an']);
const NAME_PARTICLES = new Set(['von', 'van', 'de', 'der', 'den', 'da', 'di', 'del', 'la', 'le', 'ten', 'ter', 'zu']);
// Adverbs that may stand between the verb and the speaker: „…“, sagte später Müller.
const SKIPPABLE = new Set(['später', 'dann', 'zuletzt', 'nun', 'jetzt', 'anschließend', 'auch', 'also', 'later', 'then', 'afterwards']);

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const WORD_RE = /\p{Lu}\.(?=\s)|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

function wordsIn(text: string, offset: number): Word[] {
  return Array.from(text.matchAll(WORD_RE), (m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: offset + (m.index ?? 0),
    end: offset + (m.index ?? 0) + m[0].length,
  }));
}

const isCapitalised = (w: Word) => /^\p{Lu}/u.test(w.text);

interface Speaker {
  name: string | null;
  role: string | null;
  pronoun: string | null;
  start: number;
  end: number;
}

/** Role mentions in the span of `words`, with positions in `text`. */
function rolesAmong(text: string, words: Word[]): RoleMention[] {
  if (words.length === 0) return [];
  const offset = words[0].start;
  return findRoleTerms(text.slice(offset, words[words.length - 1].end)).map((m) => ({
    ...m,
    start: m.start + offset,
    end: m.end + offset,
  }));
}

/** The role phrase ending at `mention`, taking a club name right before it ("Rotheides Kapitänin", "Rotheide captain"). */
function rolePhrase(text: string, words: Word[], mention: RoleMention): { text: string; start: number } {
  const idx = words.findIndex((w) => w.end > mention.start);
  const prev = idx > 0 ? words[idx - 1] : null;
  const start = prev && isCapitalised(prev) && !ARTICLES.has(prev.lower) ? prev.start : mention.start;
  return { text: text.slice(start, mention.end), start };
}

const joinWords = (text: string, ws: Word[]) => (ws.length > 0 ? text.slice(ws[0].start, ws[ws.length - 1].end) : null);

/** Reads "[role] Name" from words that follow a speech verb: "Rotheides Kapitänin Jana Kowalczyk am Dienstag". */
function speakerAfterVerb(text: string, words: Word[]): Speaker | null {
  let i = 0;
  while (i < words.length && i < 3 && SKIPPABLE.has(words[i].lower)) i++;
  if (i < words.length && PRONOUNS.has(words[i].lower)) {
    const w = words[i];
    return { name: null, role: null, pronoun: w.text, start: w.start, end: w.end };
  }
  while (i < words.length && ARTICLES.has(words[i].lower)) i++;
  const segment = words.slice(i, i + 8);
  if (segment.length === 0) return null;
  // A role counts only when it leads the speaker phrase, not when it turns up later in the clause.
  const mention = rolesAmong(text, segment).find((m) => segment.findIndex((w) => w.end > m.start) <= 2);
  if (mention) {
    const after = segment.findIndex((w) => w.start >= mention.end);
    const nameWords = after >= 0 ? capitalisedRun(segment, after) : [];
    const role = rolePhrase(text, segment, mention);
    const end = nameWords.length > 0 ? nameWords[nameWords.length - 1].end : mention.end;
    return { name: joinWords(text, nameWords), role: role.text, pronoun: null, start: segment[0].start, end };
  }
  const nameWords = capitalisedRun(segment, 0);
  if (nameWords.length === 0) return null;
  const first = nameWords[0];
  const lastName = nameWords[nameWords.length - 1];
  return { name: joinWords(text, nameWords), role: null, pronoun: null, start: first.start, end: lastName.end };
}

/** Reads "[role] Name" that ends right before a speech verb: "Rotheide captain Jana Kowalczyk". */
function speakerBeforeVerb(text: string, words: Word[]): Speaker | null {
  const tail = words.slice(-6);
  if (tail.length === 0) return null;
  const last = tail[tail.length - 1];
  if (PRONOUNS.has(last.lower)) return { name: null, role: null, pronoun: last.text, start: last.start, end: last.end };
  const mentions = rolesAmong(text, tail);
  const mention = mentions[mentions.length - 1];
  if (mention) {
    const afterRole = tail.filter((w) => w.start >= mention.end);
    const nameWords = capitalisedRun(afterRole, 0);
    // Lower-case words between role and verb mean the role belongs to someone else.
    if (nameWords.length === afterRole.length) {
      const role = rolePhrase(text, tail, mention);
      return { name: joinWords(text, nameWords), role: role.text, pronoun: null, start: role.start, end: last.end };
    }
  }
  let k = tail.length;
  while (k > 0 && (isCapitalised(tail[k - 1]) || (k < tail.length && k > 1 && NAME_PARTICLES.has(tail[k - 1].lower)))) {
    k--;
    // A comma ends the name: "Afterwards, Till Brandauer said" names Till Brandauer, not "Afterwards".
    if (k > 0 && /[,;:]/.test(text.slice(tail[k - 1].end, tail[k].start))) break;
  }
  const nameWords = tail.slice(k).filter((w, idx) => idx > 0 || !ARTICLES.has(w.lower));
  if (nameWords.length === 0) return null;
  return { name: joinWords(text, nameWords), role: null, pronoun: null, start: nameWords[0].start, end: last.end };
}

function capitalisedRun(words: Word[], from: number): Word[] {
  const run: Word[] = [];
  for (let k = from; k < words.length && run.length < 5; k++) {
    const w = words[k];
    if (isCapitalised(w)) run.push(w);
    else if (run.length > 0 && NAME_PARTICLES.has(w.lower) && words[k + 1] && isCapitalised(words[k + 1])) run.push(w);
    else break;
  }
  return run;
}

/** The role named in an apposition after the speaker: "…, said Jana Kowalczyk, Rotheide's captain." */
function appositionRole(text: string, from: number): { role: string; end: number } | null {
  const m = /^\s*,\s*([^,.;:!?„“”"«»]{1,60})/u.exec(text.slice(from));
  if (!m) return null;
  const phraseStart = from + m[0].length - m[1].length;
  const role = findRoleTerm(m[1]);
  if (!role) return null;
  return { role: m[1].trim(), end: phraseStart + m[1].trimEnd().length };
}

const OPENING_OR_CLOSING = /[„“”‟"«»‚‘’‹›']/u;

function attributionAfter(text: string, quoteEnd: number): Attribution | null {
  let p = quoteEnd;
  while (p < text.length && (OPENING_OR_CLOSING.test(text[p]) || /\s/.test(text[p]))) p++;
  if (text[p] === ',') p++;
  const clauseMatch = /^[^.;!?\n„“"«»]*/u.exec(text.slice(p));
  const clause = clauseMatch ? clauseMatch[0] : '';
  const untilComma = clause.split(',')[0];
  const words = wordsIn(untilComma, p);
  if (words.length === 0) return null;

  if (SPEECH_VERBS.has(words[0].lower) || AFTER_ONLY_VERBS.has(words[0].lower)) {
    const speaker = speakerAfterVerb(text, words.slice(1));
    if (!speaker) return null;
    let { role, end } = speaker;
    if (!role && speaker.name) {
      const app = appositionRole(text, speaker.end);
      if (app && app.end <= p + clause.length) {
        role = app.role;
        end = app.end;
      }
    }
    return { name: speaker.name, role, pronoun: speaker.pronoun, start: words[0].start, end, side: 'after' };
  }
  const verbAt = words.findIndex((w, i) => i > 0 && i <= 7 && SPEECH_VERBS.has(w.lower));
  if (verbAt > 0) {
    const speaker = speakerBeforeVerb(text, words.slice(0, verbAt));
    if (speaker) return { ...speaker, end: words[verbAt].end, side: 'after' };
  }
  return null;
}

function attributionBefore(text: string, quoteStart: number): Attribution | null {
  let p = quoteStart;
  while (p > 0 && (OPENING_OR_CLOSING.test(text[p - 1]) || /\s/.test(text[p - 1]))) p--;
  const sentenceStart = Math.max(text.lastIndexOf('.', p - 1), text.lastIndexOf('!', p - 1), text.lastIndexOf('?', p - 1), text.lastIndexOf('\n', p - 1)) + 1;
  let tail = text.slice(sentenceStart, p);
  const colonOrComma = /[:,]\s*$/.exec(tail);
  if (colonOrComma) tail = tail.slice(0, colonOrComma.index);
  const words = wordsIn(tail, sentenceStart);
  if (words.length === 0) return null;

  const lauts = words.map((w, i) => ({ w, i })).filter(({ w, i }) => w.lower === 'laut' || (w.lower === 'to' && words[i - 1]?.lower === 'according'));
  const laut = lauts[lauts.length - 1];
  if (laut) {
    const speaker = speakerAfterVerb(text, words.slice(laut.i + 1));
    const start = laut.w.lower === 'to' ? words[laut.i - 1].start : laut.w.start;
    if (speaker) return { ...speaker, start, side: 'before' };
  }

  let verbAt = -1;
  for (let i = words.length - 1; i >= 0; i--) {
    if (SPEECH_VERBS.has(words[i].lower)) {
      verbAt = i;
      break;
    }
  }
  if (verbAt >= 0) {
    const after = words.slice(verbAt + 1);
    const speakerAfter = after.length > 0 ? speakerAfterVerb(text, after) : null;
    if (speakerAfter && (speakerAfter.name || speakerAfter.pronoun)) {
      return { ...speakerAfter, start: words[verbAt].start, side: 'before' };
    }
    const speaker = speakerBeforeVerb(text, words.slice(0, verbAt));
    if (speaker) return { ...speaker, end: words[verbAt].end, side: 'before' };
    return null;
  }
  // "Müller: „…“" – a bare name (with role) introduced by a colon.
  if (colonOrComma && colonOrComma[0].startsWith(':') && words.length <= 5) {
    const speaker = speakerBeforeVerb(text, words);
    if (speaker) return { ...speaker, side: 'before' };
  }
  return null;
}

/**
 * Who the quote between `quoteStart` and `quoteEnd` (with or without its quote marks)
 * is attributed to in `text`: "„…“, sagte Müller", "„…“, so Müller", "Müller sagte: „…“",
 * "Müller: „…“", "\"…,\" said Smith", "\"…,\" Smith said", "According to Smith, \"…\"".
 * The text after the quote is tried first, as German and English news put it there most often.
 */
export function findAttribution(text: string, quoteStart: number, quoteEnd: number): Attribution | null {
  return attributionAfter(text, quoteEnd) ?? attributionBefore(text, quoteStart);
}
