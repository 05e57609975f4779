import { GIVEN_NAMES } from './first-names';
import type { PeopleContext } from './people';
import { looksLikeNameWord, nameRunAfterRole, nameRunAt, roleLengthAt } from './people';
import { roleGender, roleKey } from '../language/roles';
import type { AnaphorHints } from './discourse';
import { isUnnamedSourceNoun, referringNounClass } from './referring-nouns';
import { isCapitalised, type Token } from './tokens';

/** Who a speaker phrase ("sagte Trainerin Jana Kowalczyk", "he", "the coach", "der 24-Jährige") points to. */
export type SpeakerRef =
  | {
      kind: 'name';
      written: string;
      start: number;
      end: number;
      gender?: 'm' | 'f';
      role?: string;
      /** Where the role phrase in front of the name starts, its club included ("Rotheides Kapitänin Jana …"). */
      roleFrom?: number;
    }
  | { kind: 'pronoun'; gender?: 'm' | 'f'; written: string }
  /** "der 24-Jährige", "die Spielerin", "the forward": the most recent fitting person. */
  | { kind: 'anaphor'; written: string; hints: AnaphorHints }
  /**
   * A role without a name: "der Trainer", "der Nordhafen-Kapitän" (definite: someone the text
   * or the fact store knows), "ein Vereinssprecher", "a club spokesperson" (an unnamed speaker).
   */
  | { kind: 'role'; key: string; gender?: 'm' | 'f'; written: string; definite: boolean; org?: string };

const AGE = /^(\d+)-(?:jährige[rn]?|year-old)$/i;
const INDEFINITE = new Set(['ein', 'eine', 'einer', 'einem', 'einen', 'a', 'an', 'one']);
const POSSESSIVE = /^(?:sein|seine|seinem|seinen|seiner|ihr|ihre|ihrem|ihren|ihrer|his|her|their|its)$/i;

/** "ein Sprecher der Fanabteilung", "a source close to the club": the role and what it belongs to. */
function roleTail(text: string, toks: readonly Token[], after: number, lang: 'de' | 'en'): number {
  const t = toks[after];
  if (!t || !/^ $/.test(text.slice(toks[after - 1].end, t.start))) return after;
  const link = lang === 'de' ? /^(?:des|der|vom|von)$/ : /^(?:of|for|at|close)$/;
  if (!link.test(t.text)) return after;
  let k = after + 1;
  if (lang === 'en' && t.text === 'close' && toks[k]?.text === 'to') k++;
  if (toks[k] && /^(?:des|der|dem|den|the|a|his|her|their)$/i.test(toks[k].text)) k++;
  const noun = toks[k];
  if (!noun || (lang === 'de' && !isCapitalised(noun.text))) return after;
  return k + 1;
}

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
    return { kind: 'pronoun', gender: pronoun, written: t0.text };
  }
  if (ctx.lex.articles.has(lower0) || POSSESSIVE.test(t0.text) || (ctx.lang === 'en' && lower0 === 'one')) {
    // "sagte dem Sender", "told the ...": a German dative or accusative is never the subject.
    if (ctx.lang === 'de' && /^(?:dem|den|einem|einen|des)$/.test(lower0) && verb) return undefined;
    article = lower0;
    k++;
  }
  const linked = (a: number, b: number) => toks[b] !== undefined && /^[ ]$/.test(gap(text, toks[a], toks[b]));
  if (article !== undefined && !linked(i, k)) return undefined;
  // "der frühere Profi", "the former captain": one adjective between article and noun.
  if (article !== undefined && toks[k + 1] && linked(k, k + 1) && /^\p{Ll}/u.test(toks[k].text) && !AGE.test(toks[k].text)) {
    const next = toks[k + 1].text;
    const nounNext = ctx.lang === 'de' ? isCapitalised(next) : referringNounClass(next, 'en') !== undefined || roleLengthAt(toks, k + 1, 'en') > 0;
    if (nounNext && (ctx.lang === 'en' || /(?:e|en|er|es)$/.test(toks[k].text))) k++;
  }
  const cur = toks[k];
  if (!cur) return undefined;
  const articleGender = article === 'die' ? 'f' : article === 'der' ? 'm' : undefined;
  const age = AGE.exec(cur.text);
  // "said the 19-year-old Marco Fennell": an age in front of a name describes the name.
  if (age && toks[k + 1] && linked(k, k + 1)) {
    const n = nameRunAt(text, toks, k + 1, ctx);
    if (n > 0) {
      const a = toks[k + 1];
      const b = toks[k + n];
      return { kind: 'name', written: text.slice(a.start, b.end), start: a.start, end: b.end, gender: GIVEN_NAMES.get(a.text) ?? articleGender };
    }
  }
  if (age) {
    return { kind: 'anaphor', written: text.slice(t0.start, cur.end), hints: { gender: articleGender, age: Number(age[1]) } };
  }
  const definite = article !== undefined && !INDEFINITE.has(article);
  // "der Angreifer", "the forward": a noun pointing back to someone already named.
  const nounClass = referringNounClass(cur.text, ctx.lang);
  if (nounClass && definite && roleLengthAt(toks, k, ctx.lang) === 0) {
    const gender = ctx.lang === 'de' ? (/in$/.test(cur.text) ? 'f' : articleGender) : undefined;
    return { kind: 'anaphor', written: text.slice(t0.start, cur.end), hints: { gender, cls: nounClass } };
  }
  // "ein erfahrener Spieler", "one senior player": someone the text does not name.
  if (nounClass && article !== undefined && INDEFINITE.has(article)) {
    return { kind: 'role', key: cur.text.toLowerCase(), written: text.slice(toks[i + 1].start, cur.end), definite: false };
  }
  // "ein Insider", "aus seinem Umfeld", "a source close to the club": an unnamed speaker.
  if (article !== undefined && (!definite || ctx.lang === 'de') && isUnnamedSourceNoun(cur.text, ctx.lang)) {
    const end = roleTail(text, toks, k + 1, ctx.lang);
    return { kind: 'role', key: cur.text.toLowerCase(), written: text.slice(cur.start, toks[end - 1].end), definite: false };
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
    const org = r > k ? toks[k].text.replace(/['’]s$/, '') : /-/.test(roleWords[0]) ? roleWords[0].slice(0, roleWords[0].lastIndexOf('-')) : undefined;
    const n = linked(r + roleLen - 1, r + roleLen) ? nameRunAfterRole(text, toks, r + roleLen, ctx) : 0;
    if (n > 0) {
      const a = toks[r + roleLen];
      const b = toks[r + roleLen + n - 1];
      return { kind: 'name', written: text.slice(a.start, b.end), start: a.start, end: b.end, gender: GIVEN_NAMES.get(a.text) ?? gender, role: key, roleFrom: toks[k].start };
    }
    // "said the club's captain, Jonas Brehm": the name follows after a comma.
    const after = toks[r + roleLen];
    if (after && /^,\s*$/.test(gap(text, toks[r + roleLen - 1], after))) {
      const m = nameRunAt(text, toks, r + roleLen, ctx);
      if (m > 0) {
        const b = toks[r + roleLen + m - 1];
        return { kind: 'name', written: text.slice(after.start, b.end), start: after.start, end: b.end, gender, role: key, roleFrom: toks[k].start };
      }
    }
    const indefinite = article !== undefined && INDEFINITE.has(article);
    const end = indefinite ? roleTail(text, toks, r + roleLen, ctx.lang) : r + roleLen;
    const written = text.slice((indefinite ? toks[i + 1] : t0).start, toks[end - 1].end);
    return { kind: 'role', key, gender, written, definite: !indefinite, ...(org && !/^(?:club|team|the)$/i.test(org) ? { org } : {}) };
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

/**
 * "the club's head of recruitment, Priya Lakhani, said", "Wrona, 27, said": a name set off by
 * commas right before the verb, after a role or followed by an age.
 */
function appositionBefore(text: string, toks: readonly Token[], verbAt: number, ctx: PeopleContext): SpeakerRef | undefined {
  let end = verbAt;
  if (end < 2 || !/^,\s$/.test(gap(text, toks[end - 1], toks[end]))) return undefined;
  // "Marsh, the club's top scorer, said": a description between commas after the name.
  if (/^\p{Ll}/u.test(toks[end - 1].text)) {
    for (let k = end - 1; k > 0 && end - k <= 7; k--) {
      if (!/^,\s$/.test(gap(text, toks[k - 1], toks[k]))) continue;
      if (!/^(?:the|a|an|his|her|their|der|die|das|ein|eine|sein|seine|ihr|ihre)$/i.test(toks[k].text)) return undefined;
      let s = k;
      while (s > 0 && k - s < 3 && isCapitalised(toks[s - 1].text) && (s === k || /^ $/.test(gap(text, toks[s - 1], toks[s])))) s--;
      if (s === k) return undefined;
      const written = text.slice(toks[s].start, toks[k - 1].end);
      if (k - s === 1 && !looksLikeNameWord(written, ctx) && !ctx.state.isKnownSurname(written)) return undefined;
      return { kind: 'name', written, start: toks[s].start, end: toks[k - 1].end, gender: GIVEN_NAMES.get(toks[s].text) };
    }
    return undefined;
  }
  if (/^\d{1,2}$/.test(toks[end - 1].text) && /^,\s$/.test(gap(text, toks[end - 2], toks[end - 1]))) end--;
  let s = end;
  while (s > 0 && end - s < 3 && isCapitalised(toks[s - 1].text) && (s === end || /^ $/.test(gap(text, toks[s - 1], toks[s])))) s--;
  if (s === end || ctx.lex.nonNames.has(toks[s].text)) return undefined;
  const written = text.slice(toks[s].start, toks[end - 1].end);
  const byAge = end < verbAt;
  const prev = toks[s - 1];
  // The role may be a phrase ending at the comma ("head of sport, Rachel Quint,").
  const roleEndsAt = (k: number) => k >= 0 && roleLengthAt(toks, k, ctx.lang) >= s - k;
  const roleBefore = prev && /^,\s$/.test(gap(text, prev, toks[s])) && (roleEndsAt(s - 1) || roleEndsAt(s - 2) || roleEndsAt(s - 3) || referringNounClass(prev.text, ctx.lang) !== undefined);
  if (!byAge && !roleBefore) return undefined;
  if (end - s === 1 && !looksLikeNameWord(written, ctx) && !ctx.state.isKnownSurname(written)) return undefined;
  return { kind: 'name', written, start: toks[s].start, end: toks[end - 1].end, gender: GIVEN_NAMES.get(toks[s].text) };
}

export function readSpeakerPhraseBefore(
  text: string,
  toks: readonly Token[],
  verbAt: number,
  ctx: PeopleContext,
  verb?: string,
): SpeakerRef | undefined {
  const apposed = appositionBefore(text, toks, verbAt, ctx);
  if (apposed) return apposed;
  let end = verbAt;
  while (end > 0 && verbAt - end < 2 && BETWEEN_SUBJECT_AND_VERB.has(toks[end - 1].text) && /^[ ]$/.test(gap(text, toks[end - 1], toks[end]))) end--;
  let s = end;
  while (s > 0 && end - s < 6) {
    const t = toks[s - 1];
    if (s < end && !/^[ ]$/.test(gap(text, t, toks[s]))) break;
    const lower = t.text.toLowerCase();
    const namey =
      isCapitalised(t.text) || ctx.lex.articles.has(lower) || /['’]s$/.test(t.text) || ctx.lex.pronouns[lower] || AGE.test(t.text) || POSSESSIVE.test(t.text);
    const englishRole = ctx.lang === 'en' && (roleLengthAt(toks, s - 1, 'en') > 0 || referringNounClass(t.text, 'en') !== undefined);
    // "der frühere Profi", "the former captain": an adjective right after the article.
    const adjective = s < end && s >= 2 && /^\p{Ll}/u.test(t.text) && ctx.lex.articles.has(toks[s - 2].text.toLowerCase());
    if (!namey && !englishRole && !adjective && !(s < end && /^(?:van|von|de|der|den|di|da)$/.test(t.text))) break;
    s--;
    if (ctx.lex.articles.has(lower) || ctx.lex.pronouns[lower] || POSSESSIVE.test(t.text)) break;
  }
  while (s < end && ctx.lex.nonNames.has(toks[s].text) && !ctx.lex.articles.has(toks[s].text.toLowerCase()) && !ctx.lex.pronouns[toks[s].text.toLowerCase()]) s++;
  const upToVerb = toks.slice(0, end);
  const ref = s === end ? undefined : readSpeakerPhrase(text, upToVerb, s, ctx, verb);
  if (ref) return ref;
  // "a club spokesperson said", "a source close to the club said", "ein Sprecher des Vereins
  // sagte": an unnamed speaker with an indefinite article a few words back.
  // A relative clause may stand between ("One senior player, who asked not to be named, said").
  for (let k = end - 1; k >= 0 && end - k <= 12; k--) {
    if (k < end - 1 && /[;:.!?]/.test(gap(text, toks[k], toks[k + 1]))) break;
    if (!INDEFINITE.has(toks[k].text.toLowerCase())) continue;
    const unnamed = readSpeakerPhrase(text, upToVerb, k, ctx, verb);
    if (unnamed?.kind === 'role' && !unnamed.definite) return unnamed;
    break;
  }
  return undefined;
}
