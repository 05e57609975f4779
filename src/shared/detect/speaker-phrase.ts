import { GIVEN_NAMES } from './first-names';
import type { PeopleContext } from './people';
import { looksLikeNameWord, nameRunAfterRole, nameRunAt, roleLengthAt } from './people';
import { roleGender, roleKey } from '../language/roles';
import type { AnaphorHints } from './discourse';
import { isNationalityNoun, isUnnamedSourceNoun, referringNounClass } from './referring-nouns';
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
  /**
   * "der 24-Jährige", "die Spielerin", "the forward", "der Däne": the most recent fitting person,
   * or the one the text introduced with the same noun (`key`, as for roles).
   */
  | { kind: 'anaphor'; written: string; hints: AnaphorHints; key?: string }
  /**
   * A role without a name: "der Trainer", "der Nordhafen-Kapitän" (definite: someone the text
   * or the fact store knows), "ein Vereinssprecher", "a club spokesperson" (an unnamed speaker).
   */
  | {
      kind: 'role';
      key: string;
      gender?: 'm' | 'f';
      written: string;
      definite: boolean;
      org?: string;
      possessive?: boolean;
    };

const AGE = /^(\d+)-(?:jährige[rn]?|year-old)$/i;
// "the Italian club", "the Dutch federation": nouns that make a nationality an adjective.
const NOUNS_AFTER_NATIONALITY =
  /^(?:club|clubs|side|sides|team|teams|league|federation|association|champions|press|media|outlet|newspaper|broadcaster|government|giants|outfit|top-flight|national|game|football|market)$/;
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
  const ref = readPhrase(text, toks, i, ctx, verb);
  // "Rhiannon Pugh's response was short:": the person, not the possessive.
  if (ref?.kind === 'name' && /['’]s$/.test(ref.written) && ctx.lang === 'en')
    return { ...ref, written: ref.written.slice(0, -2), end: ref.end - 2 };
  return ref;
}

function readPhrase(
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
    if (ctx.lang === 'de' && lower0 === 'sie' && verb && ctx.lex.pluralSpeechVerbs.has(verb))
      return undefined;
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
  if (
    article !== undefined &&
    toks[k + 1] &&
    linked(k, k + 1) &&
    /^\p{Ll}/u.test(toks[k].text) &&
    !AGE.test(toks[k].text)
  ) {
    const next = toks[k + 1].text;
    const nounNext =
      ctx.lang === 'de'
        ? isCapitalised(next)
        : referringNounClass(next, 'en') !== undefined || roleLengthAt(toks, k + 1, 'en') > 0;
    if (nounNext && (ctx.lang === 'en' || /(?:e|en|er|es)$/.test(toks[k].text))) k++;
  }
  // "the former Ghana international", "the ex-Rovers midfielder": an adjective and up to two
  // capitalised words (a country, a club) before an English noun for a person.
  if (
    article !== undefined &&
    ctx.lang === 'en' &&
    !referringNounClass(toks[k].text, 'en') &&
    !isNationalityNoun(toks[k].text, 'en')
  ) {
    let j = k;
    if (/^\p{Ll}/u.test(toks[j].text) && !AGE.test(toks[j].text) && linked(j, j + 1)) j++;
    const firstCap = j;
    while (j < firstCap + 2 && toks[j] && isCapitalised(toks[j].text) && linked(j, j + 1)) j++;
    if (
      j > firstCap &&
      toks[j] &&
      referringNounClass(toks[j].text, 'en') !== undefined &&
      roleLengthAt(toks, j, 'en') === 0
    )
      k = j;
  }
  const cur = toks[k];
  if (!cur) return undefined;
  const articleGender = article === 'die' ? 'f' : article === 'der' ? 'm' : undefined;
  // "Vereinslegende Horst Pahlke", "der Norweger Eirik Solheim", "the Dane Rasmus Kjeldsen": a
  // noun for a person in front of a name describes the name.
  if (
    (referringNounClass(cur.text, ctx.lang) || isNationalityNoun(cur.text, ctx.lang)) &&
    roleLengthAt(toks, k, ctx.lang) === 0 &&
    toks[k + 1] &&
    linked(k, k + 1)
  ) {
    const n = nameRunAfterRole(text, toks, k + 1, ctx);
    if (n > 0) {
      const a = toks[k + 1];
      const b = toks[k + n];
      return {
        kind: 'name',
        written: text.slice(a.start, b.end),
        start: a.start,
        end: b.end,
        gender: GIVEN_NAMES.get(a.text) ?? articleGender,
      };
    }
  }
  const age = AGE.exec(cur.text);
  // "said the 19-year-old Marco Fennell": an age in front of a name describes the name.
  if (age && toks[k + 1] && linked(k, k + 1)) {
    const n = nameRunAt(text, toks, k + 1, ctx);
    if (n > 0) {
      const a = toks[k + 1];
      const b = toks[k + n];
      return {
        kind: 'name',
        written: text.slice(a.start, b.end),
        start: a.start,
        end: b.end,
        gender: GIVEN_NAMES.get(a.text) ?? articleGender,
      };
    }
  }
  if (age) {
    return {
      kind: 'anaphor',
      written: text.slice(t0.start, cur.end),
      hints: { gender: articleGender, age: Number(age[1]) },
    };
  }
  const definite = article !== undefined && !INDEFINITE.has(article);
  // "der Angreifer", "the forward": a noun pointing back to someone already named.
  const nounClass = referringNounClass(cur.text, ctx.lang);
  if (nounClass && definite && roleLengthAt(toks, k, ctx.lang) === 0) {
    const gender = ctx.lang === 'de' ? (/in$/.test(cur.text) ? 'f' : articleGender) : undefined;
    return {
      kind: 'anaphor',
      written: text.slice(t0.start, cur.end),
      hints: { gender, cls: nounClass },
      key: roleKey(cur.text),
    };
  }
  // "der Däne", "die Schwedin", "the Dutchman". English nationalities double as adjectives
  // ("the Italian club"): a lower-case word after one that is no verb or stop makes it one.
  if (definite && isNationalityNoun(cur.text, ctx.lang)) {
    const next = toks[k + 1];
    const adjective =
      ctx.lang === 'en' &&
      next !== undefined &&
      linked(k, k + 1) &&
      (referringNounClass(next.text, 'en') !== undefined ||
        roleLengthAt(toks, k + 1, 'en') > 0 ||
        NOUNS_AFTER_NATIONALITY.test(next.text));
    if (!adjective) {
      const gender =
        ctx.lang === 'de'
          ? /in$/.test(cur.text)
            ? 'f'
            : articleGender
          : /(?:woman)$/.test(cur.text)
            ? 'f'
            : /man$/.test(cur.text)
              ? 'm'
              : undefined;
      return {
        kind: 'anaphor',
        written: text.slice(t0.start, cur.end),
        hints: { gender },
        key: roleKey(cur.text),
      };
    }
  }
  // "ein erfahrener Spieler", "one senior player": someone the text does not name.
  if (nounClass && article !== undefined && INDEFINITE.has(article)) {
    return {
      kind: 'role',
      key: cur.text.toLowerCase(),
      written: text.slice(toks[i + 1].start, cur.end),
      definite: false,
    };
  }
  // "a City insider", "one Premier League executive", "ein Rotheide-Insider": the organisation
  // in front of an unnamed speaker belongs to the role phrase.
  if (article !== undefined && INDEFINITE.has(article)) {
    let o = k;
    while (
      o < k + 3 &&
      toks[o + 1] &&
      linked(o, o + 1) &&
      isCapitalised(toks[o].text) &&
      !GIVEN_NAMES.has(toks[o].text)
    )
      o++;
    const noun = toks[o];
    const lastPart = noun.text.slice(noun.text.lastIndexOf('-') + 1);
    if (
      o > k &&
      noun &&
      /^\p{Ll}/u.test(noun.text) === (ctx.lang === 'en') &&
      (isUnnamedSourceNoun(noun.text, ctx.lang) ||
        referringNounClass(noun.text, ctx.lang) !== undefined ||
        roleLengthAt(toks, o, ctx.lang) > 0)
    ) {
      const end = roleTail(text, toks, o + 1 + Math.max(0, roleLengthAt(toks, o, ctx.lang) - 1), ctx.lang);
      return {
        kind: 'role',
        key: noun.text.toLowerCase(),
        written: text.slice(cur.start, toks[end - 1].end),
        definite: false,
      };
    }
    if (lastPart !== noun.text && isUnnamedSourceNoun(lastPart, ctx.lang)) {
      return { kind: 'role', key: lastPart.toLowerCase(), written: noun.text, definite: false };
    }
  }
  // "ein Insider", "aus seinem Umfeld", "a source close to the club": an unnamed speaker.
  if (article !== undefined && (!definite || ctx.lang === 'de') && isUnnamedSourceNoun(cur.text, ctx.lang)) {
    const end = roleTail(text, toks, k + 1, ctx.lang);
    return {
      kind: 'role',
      key: cur.text.toLowerCase(),
      written: text.slice(cur.start, toks[end - 1].end),
      definite: false,
    };
  }
  // Skip an organisation or possessive in front of a role: "Rotheides Kapitän", "the club's coach".
  // Also two or three words: "Almental Rovers captain", "Kingsmere City manager".
  let r = k;
  for (let o = 1; o <= 3 && roleLengthAt(toks, k, ctx.lang) === 0; o++) {
    if (!toks[k + o] || !linked(k + o - 1, k + o) || roleLengthAt(toks, k + o, ctx.lang) === 0) continue;
    const org = toks.slice(k, k + o);
    if (
      org.every((t, j) =>
        /['’]s$/.test(t.text) ? j === o - 1 : isCapitalised(t.text) && !GIVEN_NAMES.has(t.text),
      )
    )
      r = k + o;
    break;
  }
  const roleLen =
    r === k && article === undefined && ctx.state.isKnownSurname(toks[r].text)
      ? 0
      : roleLengthAt(toks, r, ctx.lang);
  if (roleLen > 0) {
    const roleWords = toks.slice(r, r + roleLen).map((t) => t.text);
    const key = roleKey(roleWords.join(' '));
    const gender = roleGender(roleWords[roleWords.length - 1], ctx.lang);
    const org =
      r > k
        ? text.slice(toks[k].start, toks[r - 1].end).replace(/['’]s$/, '')
        : /-/.test(roleWords[0])
          ? roleWords[0].slice(0, roleWords[0].lastIndexOf('-'))
          : undefined;
    const n = linked(r + roleLen - 1, r + roleLen) ? nameRunAfterRole(text, toks, r + roleLen, ctx) : 0;
    if (n > 0) {
      const a = toks[r + roleLen];
      const b = toks[r + roleLen + n - 1];
      return {
        kind: 'name',
        written: text.slice(a.start, b.end),
        start: a.start,
        end: b.end,
        gender: GIVEN_NAMES.get(a.text) ?? gender,
        role: key,
        roleFrom: toks[k].start,
      };
    }
    // "said the club's captain, Jonas Brehm": the name follows after a comma.
    const after = toks[r + roleLen];
    if (after && /^,\s*$/.test(gap(text, toks[r + roleLen - 1], after))) {
      const m = nameRunAt(text, toks, r + roleLen, ctx);
      if (m > 0) {
        const b = toks[r + roleLen + m - 1];
        return {
          kind: 'name',
          written: text.slice(after.start, b.end),
          start: after.start,
          end: b.end,
          gender,
          role: key,
          roleFrom: toks[k].start,
        };
      }
    }
    const indefinite = article !== undefined && INDEFINITE.has(article);
    const end = indefinite ? roleTail(text, toks, r + roleLen, ctx.lang) : r + roleLen;
    const written = text.slice((indefinite ? toks[i + 1] : t0).start, toks[end - 1].end);
    return {
      kind: 'role',
      key,
      gender,
      written,
      definite: !indefinite,
      ...(org && !/^(?:club|team|the)$/i.test(org) ? { org } : {}),
      ...(article !== undefined && POSSESSIVE.test(article) ? { possessive: true } : {}),
    };
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
  if (
    article &&
    n === 1 &&
    !ctx.state.isKnownSurname(written) &&
    ctx.entities.find(text, first.start, last.end).length === 0
  ) {
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
  'selbst auch nur dann noch zudem später jedoch aber allerdings ebenfalls sofort schließlich himself herself itself also later then too only however'.split(
    ' ',
  ),
);

/**
 * "the club's head of recruitment, Priya Lakhani, said", "Wrona, 27, said": a name set off by
 * commas right before the verb, after a role or followed by an age.
 */
function appositionBefore(
  text: string,
  toks: readonly Token[],
  verbAt: number,
  ctx: PeopleContext,
): SpeakerRef | undefined {
  let end = verbAt;
  if (end < 2 || !/^,\s$/.test(gap(text, toks[end - 1], toks[end]))) return undefined;
  // "Marsh, the club's top scorer, said": a description between commas after the name.
  if (/^\p{Ll}/u.test(toks[end - 1].text)) {
    for (let k = end - 1; k > 0 && end - k <= 7; k--) {
      if (!/^,\s$/.test(gap(text, toks[k - 1], toks[k]))) continue;
      if (!/^(?:the|a|an|his|her|their|der|die|das|ein|eine|sein|seine|ihr|ihre)$/i.test(toks[k].text))
        return undefined;
      let s = k;
      while (
        s > 0 &&
        k - s < 3 &&
        isCapitalised(toks[s - 1].text) &&
        (s === k || /^ $/.test(gap(text, toks[s - 1], toks[s])))
      )
        s--;
      if (s === k) return undefined;
      const written = text.slice(toks[s].start, toks[k - 1].end);
      if (k - s === 1 && !looksLikeNameWord(written, ctx) && !ctx.state.isKnownSurname(written))
        return undefined;
      return {
        kind: 'name',
        written,
        start: toks[s].start,
        end: toks[k - 1].end,
        gender: GIVEN_NAMES.get(toks[s].text),
      };
    }
    return undefined;
  }
  if (/^\d{1,2}$/.test(toks[end - 1].text) && /^,\s$/.test(gap(text, toks[end - 2], toks[end - 1]))) end--;
  let s = end;
  while (
    s > 0 &&
    end - s < 3 &&
    isCapitalised(toks[s - 1].text) &&
    (s === end || /^ $/.test(gap(text, toks[s - 1], toks[s])))
  )
    s--;
  if (s === end || ctx.lex.nonNames.has(toks[s].text)) return undefined;
  const written = text.slice(toks[s].start, toks[end - 1].end);
  const byAge = end < verbAt;
  const prev = toks[s - 1];
  // The role may be a phrase ending at the comma ("head of sport, Rachel Quint,").
  const roleEndsAt = (k: number) => k >= 0 && roleLengthAt(toks, k, ctx.lang) >= s - k;
  const roleBefore =
    prev &&
    /^,\s$/.test(gap(text, prev, toks[s])) &&
    (roleEndsAt(s - 1) ||
      roleEndsAt(s - 2) ||
      roleEndsAt(s - 3) ||
      referringNounClass(prev.text, ctx.lang) !== undefined);
  if (!byAge && !roleBefore) return undefined;
  if (end - s === 1 && !looksLikeNameWord(written, ctx) && !ctx.state.isKnownSurname(written))
    return undefined;
  return {
    kind: 'name',
    written,
    start: toks[s].start,
    end: toks[end - 1].end,
    gender: GIVEN_NAMES.get(toks[s].text),
  };
}

const RELATIVE = { de: /^(?:der|die|das|dessen|deren|dem|den)$/, en: /^(?:who|whose|whom|which)$/ };

/** Where a relative clause set off by commas right before token `verbAt` starts, or -1. */
function relativeClauseBefore(
  text: string,
  toks: readonly Token[],
  verbAt: number,
  lang: 'de' | 'en',
): number {
  if (verbAt < 3 || !/^\s*,\s*$/.test(gap(text, toks[verbAt - 1], toks[verbAt]))) return -1;
  for (let k = verbAt - 1; k > 0 && verbAt - k <= 14; k--) {
    const g = gap(text, toks[k - 1], toks[k]);
    if (/[.;:!?]/.test(g)) return -1;
    if (!/,/.test(g)) continue;
    // A German relative clause ends in its verb ("…, der damals traf, sagte"); one ending in a
    // noun is an apposition ("…, der Kapitän des Klubs, sagte").
    if (lang === 'de')
      return RELATIVE.de.test(toks[k].text) && /^\p{Ll}/u.test(toks[verbAt - 1].text) ? k : -1;
    return RELATIVE.en.test(toks[k].text) ||
      /^(?:speaking|writing|asked|when|after|having)$/.test(toks[k].text)
      ? k
      : -1;
  }
  return -1;
}

export function readSpeakerPhraseBefore(
  text: string,
  toks: readonly Token[],
  verbAt: number,
  ctx: PeopleContext,
  verb?: string,
): SpeakerRef | undefined {
  // "Sam Okafor, who played under Voss, posted", "Ein Spieler, der nicht genannt werden wollte,
  // sagte", "X, speaking after the game, said": a relative or participle clause between the
  // subject and its verb is skipped, so "Voss" is not the speaker.
  const relative = relativeClauseBefore(text, toks, verbAt, ctx.lang);
  if (relative > 0) return readSpeakerPhraseBefore(text, toks, relative, ctx, verb);
  const apposed = appositionBefore(text, toks, verbAt, ctx);
  if (apposed) return apposed;
  let end = verbAt;
  while (
    end > 0 &&
    verbAt - end < 2 &&
    BETWEEN_SUBJECT_AND_VERB.has(toks[end - 1].text) &&
    /^[ ]$/.test(gap(text, toks[end - 1], toks[end]))
  )
    end--;
  let s = end;
  while (s > 0 && end - s < 6) {
    const t = toks[s - 1];
    if (s < end && !/^[ ]$/.test(gap(text, t, toks[s]))) break;
    const lower = t.text.toLowerCase();
    const namey =
      isCapitalised(t.text) ||
      ctx.lex.articles.has(lower) ||
      /['’]s$/.test(t.text) ||
      ctx.lex.pronouns[lower] ||
      AGE.test(t.text) ||
      POSSESSIVE.test(t.text);
    const englishRole =
      ctx.lang === 'en' &&
      (roleLengthAt(toks, s - 1, 'en') > 0 || referringNounClass(t.text, 'en') !== undefined);
    // "der frühere Profi", "the former captain": an adjective right after the article.
    const adjective =
      s < end && s >= 2 && /^\p{Ll}/u.test(t.text) && ctx.lex.articles.has(toks[s - 2].text.toLowerCase());
    if (!namey && !englishRole && !adjective && !(s < end && /^(?:van|von|de|der|den|di|da)$/.test(t.text)))
      break;
    s--;
    if (ctx.lex.articles.has(lower) || ctx.lex.pronouns[lower] || POSSESSIVE.test(t.text)) break;
  }
  while (
    s < end &&
    ctx.lex.nonNames.has(toks[s].text) &&
    !ctx.lex.articles.has(toks[s].text.toLowerCase()) &&
    !ctx.lex.pronouns[toks[s].text.toLowerCase()] &&
    !POSSESSIVE.test(toks[s].text)
  )
    s++;
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
