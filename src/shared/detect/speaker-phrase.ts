import { GIVEN_NAMES } from './first-names';
import type { PeopleContext } from './people';
import { looksLikeNameWord, nameRunAt, roleLengthAt } from './people';
import { roleGender, roleKey } from './role-nouns';
import { isCapitalised, type Token } from './tokens';

/** Who a speaker phrase ("sagte Trainerin Jana Kowalczyk", "he", "the coach") points to. */
export type SpeakerRef =
  | { kind: 'name'; written: string; start: number; end: number; gender?: 'm' | 'f'; role?: string }
  | { kind: 'pronoun'; gender?: 'm' | 'f' }
  | { kind: 'role'; key: string; gender?: 'm' | 'f' };

const AGE = /^\d+-(?:jährige[rn]?|year-old)$/i;

const gap = (text: string, a: Token, b: Token) => text.slice(a.end, b.start);

/**
 * Reads a speaker phrase forwards from token i. Stops at punctuation, prepositions and
 * lowercase words, so "sagte Brehm nach dem Spiel" yields "Brehm".
 */
export function readSpeakerPhrase(
  text: string,
  toks: readonly Token[],
  i: number,
  ctx: PeopleContext,
  verb?: string,
): SpeakerRef | undefined {
  let k = i;
  let article: string | undefined;
  const t0 = toks[k];
  if (!t0) return undefined;
  const lower0 = t0.text.toLowerCase();
  const pronoun = ctx.lex.pronouns[lower0];
  if (pronoun) {
    // German "sie" with a plural verb means "they".
    if (ctx.lang === 'de' && lower0 === 'sie' && verb && ctx.lex.pluralSpeechVerbs.has(verb)) return undefined;
    return { kind: 'pronoun', gender: pronoun };
  }
  if (ctx.lex.articles.has(lower0)) {
    article = lower0;
    k++;
  }
  const linked = (a: number, b: number) => toks[b] !== undefined && /^[ ]$/.test(gap(text, toks[a], toks[b]));
  if (article !== undefined && !linked(i, k)) return undefined;
  const cur = toks[k];
  if (!cur) return undefined;
  if (AGE.test(cur.text)) {
    const gender = article === 'die' ? 'f' : article === 'der' ? 'm' : undefined;
    return { kind: 'pronoun', gender };
  }
  // Skip an organisation or possessive in front of a role: "Rotheides Kapitän", "the club's coach".
  let r = k;
  if (roleLengthAt(toks, r, ctx.lang) === 0 && linked(r, r + 1) && roleLengthAt(toks, r + 1, ctx.lang) > 0) {
    if (/['’]s$/.test(toks[r].text) || (isCapitalised(toks[r].text) && !GIVEN_NAMES.has(toks[r].text))) r++;
  }
  const roleLen = roleLengthAt(toks, r, ctx.lang);
  if (roleLen > 0) {
    const roleWords = toks.slice(r, r + roleLen).map((t) => t.text);
    const key = roleKey(roleWords.join(' '));
    const gender = roleGender(roleWords[roleWords.length - 1], ctx.lang);
    const n = linked(r + roleLen - 1, r + roleLen) ? nameRunAt(text, toks, r + roleLen, ctx) : 0;
    if (n > 0) {
      const a = toks[r + roleLen];
      const b = toks[r + roleLen + n - 1];
      return { kind: 'name', written: text.slice(a.start, b.end), start: a.start, end: b.end, gender: GIVEN_NAMES.get(a.text) ?? gender, role: key };
    }
    // "said the club's captain, Jonas Brehm": the name follows after a comma.
    const after = toks[r + roleLen];
    if (after && /^,\s*$/.test(gap(text, toks[r + roleLen - 1], after))) {
      const m = nameRunAt(text, toks, r + roleLen, ctx);
      if (m > 0) {
        const b = toks[r + roleLen + m - 1];
        return { kind: 'name', written: text.slice(after.start, b.end), start: after.start, end: b.end, gender, role: key };
      }
    }
    return { kind: 'role', key, gender };
  }
  if (k !== i && !linked(i, k)) return undefined;
  let n = nameRunAt(text, toks, k, ctx);
  if (n === 0) return undefined;
  // "Vereinslegende Horst Pahlke": a long German compound in front of a two-word name is an epithet.
  if (ctx.lang === 'de' && n === 3 && toks[k].text.length >= 10 && !toks[k].text.includes('-')) {
    k++;
    n--;
  }
  const first = toks[k];
  const last = toks[k + n - 1];
  const written = text.slice(first.start, last.end);
  // After a German article a lone capitalised word is a noun ("Der Verein"), not a name.
  if (article && n === 1 && !ctx.state.isKnownSurname(written) && ctx.entities.find(text, first.start, last.end).length === 0) {
    return undefined;
  }
  if (n === 1 && !looksLikeNameWord(written, ctx)) return undefined;
  return { kind: 'name', written, start: first.start, end: last.end, gender: GIVEN_NAMES.get(first.text) };
}

/**
 * Reads the phrase that ends right before token `end` (exclusive) — the subject in
 * "Trainerin Jana Kowalczyk betonte:" — walking back over name-like words only.
 */
// Adverbs that may stand between a subject and its verb of saying ("Sie selbst sagte").
const BETWEEN_SUBJECT_AND_VERB = new Set(
  'selbst auch nur dann noch zudem später jedoch aber allerdings ebenfalls sofort schließlich himself herself itself also later then too only however'.split(' '),
);

export function readSpeakerPhraseBefore(
  text: string,
  toks: readonly Token[],
  verbAt: number,
  ctx: PeopleContext,
  verb?: string,
): SpeakerRef | undefined {
  let end = verbAt;
  while (end > 0 && verbAt - end < 2 && BETWEEN_SUBJECT_AND_VERB.has(toks[end - 1].text) && /^[ ]$/.test(gap(text, toks[end - 1], toks[end]))) end--;
  let s = end;
  while (s > 0 && end - s < 6) {
    const t = toks[s - 1];
    if (s < end && !/^[ ]$/.test(gap(text, t, toks[s]))) break;
    const lower = t.text.toLowerCase();
    const namey = isCapitalised(t.text) || ctx.lex.articles.has(lower) || /['’]s$/.test(t.text) || ctx.lex.pronouns[lower] || AGE.test(t.text);
    const englishRole = ctx.lang === 'en' && roleLengthAt(toks, s - 1, 'en') > 0;
    if (!namey && !englishRole && !(s < end && /^(?:van|von|de|der|den|di|da)$/.test(t.text))) break;
    s--;
    if (ctx.lex.articles.has(lower) || ctx.lex.pronouns[lower]) break;
  }
  while (s < end && ctx.lex.nonNames.has(toks[s].text) && !ctx.lex.articles.has(toks[s].text.toLowerCase()) && !ctx.lex.pronouns[toks[s].text.toLowerCase()]) s++;
  if (s === end) return undefined;
  return readSpeakerPhrase(text, toks.slice(0, end), s, ctx, verb);
}
