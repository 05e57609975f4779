import type { ArticleLanguage } from '../domain/articles';
import type { DiscourseState, Gender, RoleClass } from './discourse';
import type { EntityIndex } from './entities';
import type { PeopleIndex } from './known-people';
import { isNationalityNoun, referringNounClass, roleClassOf } from './referring-nouns';
import { GIVEN_NAMES } from './first-names';
import type { Lexicon } from './lexicon';
import type { QuoteSpan } from './quote-marks';
import { EN_ROLE_PHRASES, isRoleWord, roleGender, roleKey } from '../language/roles';
import { isCapitalised, wordsOutside, type Token } from './tokens';

export interface PersonMention {
  start: number;
  end: number;
  written: string;
  gender?: Gender;
  role?: string;
  cls?: RoleClass;
  age?: number;
  /** The noun that introduced the person ("der Norweger Eirik Solheim"), keyed like a role. */
  noun?: string;
}

export interface RoleClaim {
  start: number;
  end: number;
  key: string;
  /** The person the role is attached to, as written, when the text names one. */
  holder?: string;
}

export interface PeopleContext {
  lang: ArticleLanguage;
  lex: Lexicon;
  entities: EntityIndex;
  /** People the fact store knows; empty without a store. */
  people: PeopleIndex;
  state: DiscourseState;
}

// English names are capitalised pairs mid-sentence; these words make the pair an organisation
// or a place ("Harbury Athletic", "Fenwick Town") rather than a person.
const EN_ORG_WORDS = new Set(
  `Athletic Rovers Town City United FC AFC RFC Women Ladies Partners Insurance Post Ledger Echo Sport Sports
  Trust League Club Stadium Park Road Lane Arena Ground Group Holdings Capital Media News Times Gazette
  Herald Mail Telegraph Wanderers Albion Rangers Villa County Academy Council Association Federation Cup
  Bank Airways Energy Games Studios Street Hall Square Island Valley Bay Vale Sporting Real Union`.split(
    /\s+/,
  ),
);
const AGE_AFTER = /^(?:,\s*(\d{2}),|\s*\((\d{2})\))/;

const PARTICLES = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'di',
  'da',
  'al',
  'el',
  'le',
  'la',
  'ter',
  'ten',
  'dos',
  'du',
  'zu',
]);
// German abstract nouns are capitalised like names; their endings give them away.
const NOUN_ENDING =
  /(?:ung|heit|keit|schaft|tion|ik|tät|nis|ismus|ment|tum|chen|ei|ur|enz|anz|ie|ion|ität|werk|spiel|saison|liga)$/i;
const nounEndings = new Map<string, boolean>();
function hasNounEnding(word: string): boolean {
  let v = nounEndings.get(word);
  if (v === undefined) {
    v = NOUN_ENDING.test(word);
    if (nounEndings.size > 50000) nounEndings.clear();
    nounEndings.set(word, v);
  }
  return v;
}
// A Map, not an object: every token is looked up, and running text has words such as
// "constructor" (an object's key lookup also costs more for strings seen only once).
const HONORIFICS = new Map<string, Gender>([
  ['Frau', 'f'],
  ['Herr', 'm'],
  ['Herrn', 'm'],
  ['Mr', 'm'],
  ['Ms', 'f'],
  ['Mrs', 'f'],
  ['Miss', 'f'],
]);
const PREDICATE_BEFORE_ROLE = new Set(
  'als zum zur wird wurde ist war bleibt neuer neue neuen neuem ehemaliger ehemalige langjährige langjähriger as became becomes named appointed new former interim is was remains'.split(
    ' ',
  ),
);
const INDEFINITE = new Set([
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
  'a',
  'an',
  'another',
  'ein',
  'kein',
  'keine',
]);
const ORG_LINK = new Set(['des', 'der', 'von', 'vom', 'bei', 'beim', 'of', 'at']);

const adjacent = (text: string, a: Token, b: Token) => b.start - a.end === 1 && text[a.end] === ' ';

export function inQuote(quotes: readonly QuoteSpan[], pos: number): boolean {
  for (const q of quotes) if (pos >= q.start && pos < q.end) return true;
  return false;
}

// Weekdays and months, also in compounds ("Donnerstagabend"), are never names.
const TIME_WORD =
  /^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Januar|Februar|März|April|Juni|Juli|September|Oktober|November|Dezember|January|February|March|June|July|October|December)\p{Ll}*$/u;

// Platforms stand where a speaker might ("bei Instagram geschrieben"); they never name one.
const PLATFORM =
  /^(?:Instagram|Facebook|TikTok|Twitter|YouTube|LinkedIn|Twitch|Threads|Bluesky|Snapchat|WhatsApp|Telegram)$/;

export function looksLikeNameWord(word: string, ctx: PeopleContext): boolean {
  if (!isCapitalised(word) || TIME_WORD.test(word) || PLATFORM.test(word)) return false;
  if (ctx.lex.nonNames.has(word) || ctx.lex.titleCues.has(word)) return false;
  if (isRoleWord(word, ctx.lang)) return false;
  if (/\d/.test(word)) return false;
  // "Tennisprofi", "Norweger", "Dutchman" introduce a name; they are never part of it.
  if (isNationalityNoun(word, ctx.lang) || (ctx.lang === 'de' && referringNounClass(word, 'de')))
    return false;
  if (ctx.lang === 'de' && hasNounEnding(word) && !GIVEN_NAMES.has(word) && !ctx.state.isKnownSurname(word))
    return false;
  return true;
}

/** A run of name words starting at token i, e.g. "Jonas Brehm" or "Lena van Dijk". */
export function nameRunAt(
  text: string,
  toks: readonly Token[],
  i: number,
  ctx: PeopleContext,
  max = 3,
): number {
  let n = 0;
  while (i + n < toks.length && n < max) {
    const t = toks[i + n];
    if (n > 0 && !adjacent(text, toks[i + n - 1], t)) break;
    // A surname may end like a German noun ("Hartung"); only the first word is checked for it.
    if (
      looksLikeNameWord(t.text, ctx) ||
      (n > 0 && isCapitalised(t.text) && looksLikeNameWord(t.text, { ...ctx, lang: 'en' }))
    ) {
      n++;
      continue;
    }
    const next = toks[i + n + 1];
    if (n > 0 && PARTICLES.has(t.text) && next && adjacent(text, t, next) && isCapitalised(next.text)) {
      n++;
      continue;
    }
    break;
  }
  // A run never ends on a particle.
  while (n > 0 && PARTICLES.has(toks[i + n - 1].text)) n--;
  return n;
}

/**
 * A name right after a role ("Stürmer Jannik Oltmanns"): there two capitalised words are a
 * name even when the first looks like a German noun ("Jannik" ends like "Musik").
 */
export function nameRunAfterRole(
  text: string,
  toks: readonly Token[],
  j: number,
  ctx: PeopleContext,
): number {
  const n = nameRunAt(text, toks, j, ctx);
  if (n > 0) return n;
  const a = toks[j];
  const b = toks[j + 1];
  if (!a || !b || !adjacent(text, a, b)) return 0;
  const ok = (w: string) =>
    isCapitalised(w) &&
    !ctx.lex.nonNames.has(w) &&
    !ctx.lex.titleCues.has(w) &&
    !isRoleWord(w, ctx.lang) &&
    !/\d/.test(w) &&
    !TIME_WORD.test(w);
  return ok(a.text) && ok(b.text) && looksLikeNameWord(b.text, { ...ctx, lang: 'en' }) ? 2 : 0;
}

/** How many tokens at i form a role ("Kapitän", "head coach", "chief executive"). */
// Phrases indexed by their first word, so most tokens cost one map lookup.
const PHRASES_BY_FIRST = new Map<string, string[][]>();
for (const phrase of EN_ROLE_PHRASES) {
  const words = phrase.split(' ');
  PHRASES_BY_FIRST.set(words[0], [...(PHRASES_BY_FIRST.get(words[0]) ?? []), words]);
}

export function roleLengthAt(toks: readonly Token[], i: number, lang: ArticleLanguage): number {
  const t = toks[i];
  if (!t) return 0;
  if (lang === 'en') {
    const lower = t.text.toLowerCase();
    const candidates = PHRASES_BY_FIRST.get(lower);
    if (candidates) {
      for (const words of candidates) {
        if (words.every((w, k) => toks[i + k]?.text.toLowerCase() === w)) return words.length;
      }
    }
    // "director of rugby", "head of recruitment": a job over any department.
    if (
      (lower === 'head' || lower === 'director') &&
      toks[i + 1]?.text === 'of' &&
      /^\p{Ll}{3,}$/u.test(toks[i + 2]?.text ?? '') &&
      !/^(?:the|a|an|his|her|their|its)$/.test(toks[i + 2].text)
    )
      return 3;
  }
  return isRoleWord(t.text, lang) ? 1 : 0;
}

const span = (toks: readonly Token[], a: number, b: number) => ({
  start: toks[a].start,
  end: toks[b - 1].end,
});

/**
 * Finds people named in a sentence and the roles the text gives them. Mentions come back in
 * text order; the caller registers them with the discourse as it reaches them.
 */
export function findPeople(
  text: string,
  from: number,
  to: number,
  quotes: readonly QuoteSpan[],
  ctx: PeopleContext,
): { mentions: PersonMention[]; roles: RoleClaim[] } {
  const toks = wordsOutside(text, from, to, quotes);
  const mentions: PersonMention[] = [];
  const roles: RoleClaim[] = [];
  const consumed = new Set<number>();
  for (const e of ctx.entities.find(text, from, to)) {
    if (e.entity.kind !== 'person' || inQuote(quotes, e.start)) continue;
    mentions.push({ start: e.start, end: e.end, written: e.text });
  }
  // A name or alias the fact store knows is a person, registered under the stored full name.
  for (const e of ctx.people.mentions.find(text, from, to)) {
    if (inQuote(quotes, e.start) || mentions.some((m) => m.start < e.end && e.start < m.end)) continue;
    const known = ctx.people.byName(e.text);
    mentions.push({
      start: e.start,
      end: e.end,
      written: known && !ctx.state.lookup(e.text) ? known.name : e.text,
      gender: known?.gender,
    });
  }
  const takenByEntity = (t: Token) => mentions.some((m) => t.start >= m.start && t.end <= m.end);

  for (let i = 0; i < toks.length; i++) {
    if (consumed.has(i)) continue;
    const t = toks[i];
    // A known person's surname may look like a German role compound ("Rademacher", "Zimmermann").
    const roleLen =
      ctx.lang === 'de' && ctx.state.isKnownSurname(t.text) ? 0 : roleLengthAt(toks, i, ctx.lang);
    if (roleLen > 0) {
      const roleWord = toks[i + roleLen - 1].text;
      const key = roleKey(
        toks
          .slice(i, i + roleLen)
          .map((x) => x.text)
          .join(' '),
      );
      let first = i;
      const prev = toks[i - 1];
      const prefixIsOrg =
        prev !== undefined &&
        adjacent(text, prev, t) &&
        ((ctx.lang === 'en' &&
          (/['’]s$/.test(prev.text) || (looksLikeNameWord(prev.text, ctx) && !takenByEntity(prev)))) ||
          (ctx.lang === 'de' && /\p{Lu}\p{Ll}+s$/u.test(prev.text) && !ctx.lex.nonNames.has(prev.text)));
      if (prefixIsOrg) first = i - 1;
      const compoundOrg = ctx.lang === 'de' && /^\p{Lu}[^-]*-\p{Lu}/u.test(t.text);
      const j = i + roleLen;
      const nameLen =
        toks[j] && adjacent(text, toks[j - 1], toks[j]) ? nameRunAfterRole(text, toks, j, ctx) : 0;
      if (nameLen > 0) {
        const written = toks
          .slice(j, j + nameLen)
          .map((x) => x.text)
          .join(' ');
        const s = span(toks, j, j + nameLen);
        const entityHere = mentions.find((m) => m.start === s.start);
        mentions.push(
          entityHere
            ? {
                ...entityHere,
                role: key,
                gender: GIVEN_NAMES.get(toks[j].text) ?? roleGender(roleWord, ctx.lang),
              }
            : {
                ...s,
                written: text.slice(s.start, s.end),
                gender: GIVEN_NAMES.get(toks[j].text) ?? roleGender(roleWord, ctx.lang),
                role: key,
              },
        );
        if (entityHere) mentions.splice(mentions.indexOf(entityHere), 1);
        roles.push({ start: toks[first].start, end: s.end, key, holder: written });
        for (let k = j; k < j + nameLen; k++) consumed.add(k);
        i = j + nameLen - 1;
        continue;
      }
      // "the company's head of sport, Rachel Quint, said": the name set off by commas.
      if (toks[j] && /^,\s$/.test(text.slice(toks[j - 1].end, toks[j].start))) {
        const n = nameRunAfterRole(text, toks, j, ctx);
        const after = toks[j + n];
        if (n >= 2 && (!after || /^\s*,/.test(text.slice(toks[j + n - 1].end, after.start)))) {
          const s = span(toks, j, j + n);
          mentions.push({
            ...s,
            written: text.slice(s.start, s.end),
            gender: GIVEN_NAMES.get(toks[j].text) ?? roleGender(roleWord, ctx.lang),
            role: key,
          });
          roles.push({ start: toks[first].start, end: s.end, key, holder: text.slice(s.start, s.end) });
          for (let k = j; k < j + n; k++) consumed.add(k);
          i = j + n - 1;
          continue;
        }
      }
      // A role counts as a claim only when the text ties it to someone or something.
      let end = j;
      const link = toks[j];
      if (link && ORG_LINK.has(link.text)) {
        let k = j + 1;
        while (toks[k] && ctx.lex.articles.has(toks[k].text.toLowerCase())) k++;
        const org = toks[k] ? nameRunAt(text, toks, k, { ...ctx, lang: 'en' }) : 0;
        if (org > 0) end = k + org;
      }
      const before = text.slice(Math.max(from, toks[first].start - 3), toks[first].start);
      let prevMention = mentions[mentions.length - 1];
      const commaBefore = /,\s*(?:(?:der|die|the)\s+)?$/.exec(
        text.slice(Math.max(from, toks[first].start - 6), toks[first].start),
      );
      if (commaBefore && (!prevMention || prevMention.end < toks[first].start - 8)) {
        // "Nele Hartung, the streamer": a capitalised pair before the comma is taken as a name.
        const comma = toks[first].start - commaBefore[0].length;
        let k = first - 1;
        while (k >= 0 && toks[k].end > comma) k--;
        let run = 0;
        while (
          run < 3 &&
          k - run >= 0 &&
          isCapitalised(toks[k - run].text) &&
          !ctx.lex.nonNames.has(toks[k - run].text)
        )
          run++;
        if (run >= 2) {
          const a = toks[k - run + 1];
          const b = toks[k];
          prevMention = { start: a.start, end: b.end, written: text.slice(a.start, b.end) };
          mentions.push(prevMention);
        }
      }
      const apposition =
        prevMention !== undefined &&
        /,\s*(?:(?:der|die|das|the)\s+)?$/.test(text.slice(prevMention.end, toks[first].start)) &&
        toks[first].start - prevMention.end <=
          6 + (ctx.lex.articles.has((prev?.text ?? '').toLowerCase()) ? 4 : 0);
      const predicate = prev !== undefined && PREDICATE_BEFORE_ROLE.has(prev.text.toLowerCase());
      // "ein Sprecher von Kanalwerk" names nobody: not a claim about a person.
      const indefinite = prev !== undefined && INDEFINITE.has(prev.text.toLowerCase());
      if (indefinite) {
        i = end - 1;
        continue;
      }
      if (prefixIsOrg || compoundOrg || end > j || apposition || predicate || /['’]s\s$/.test(before)) {
        const holder = apposition ? prevMention.written : undefined;
        if (apposition) prevMention.role = key;
        roles.push({ start: toks[first].start, end: toks[end - 1].end, key, holder });
      }
      i = end - 1;
      continue;
    }
    if (takenByEntity(t)) continue;
    // "der Norweger Eirik Solheim", "Tennisprofi Lara Wendtland", "substitute Tomasz Rydel": a
    // noun for a person in front of a name introduces it like a role, without being a role claim.
    const nounClass = referringNounClass(t.text, ctx.lang);
    if ((nounClass || isNationalityNoun(t.text, ctx.lang)) && toks[i + 1] && adjacent(text, t, toks[i + 1])) {
      const n = nameRunAfterRole(text, toks, i + 1, ctx);
      if (n > 0 && !takenByEntity(toks[i + 1])) {
        const s = span(toks, i + 1, i + 1 + n);
        const given = GIVEN_NAMES.get(toks[i + 1].text);
        const gender =
          given ??
          (ctx.lang === 'de'
            ? /in$/.test(t.text)
              ? 'f'
              : /(?:er|e)$/.test(t.text)
                ? 'm'
                : undefined
            : undefined);
        mentions.push({
          ...s,
          written: text.slice(s.start, s.end),
          gender,
          noun: roleKey(t.text),
          ...(nounClass ? { cls: nounClass } : {}),
        });
        i += n;
        continue;
      }
    }
    const honorific = HONORIFICS.get(t.text);
    const given = GIVEN_NAMES.get(t.text);
    if ((given || honorific) && toks[i + 1] && adjacent(text, t, toks[i + 1])) {
      const run = nameRunAt(text, toks, i + 1, ctx, 2);
      if (run > 0) {
        const a = honorific ? i + 1 : i;
        const s = span(toks, a, i + 1 + run);
        mentions.push({ ...s, written: text.slice(s.start, s.end), gender: honorific ?? given });
        i = i + run;
        continue;
      }
    }
    if (ctx.state.isKnownSurname(t.text) && isCapitalised(t.text) && !ctx.lex.nonNames.has(t.text)) {
      mentions.push({ start: t.start, end: t.end, written: t.text });
      continue;
    }
    // English: "substitute Kofi Mensah-Boateng" — a capitalised pair after a lower-case word.
    const prevTok = toks[i - 1];
    const nextTok = toks[i + 1];
    if (
      ctx.lang === 'en' &&
      prevTok &&
      nextTok &&
      isCapitalised(t.text) &&
      isCapitalised(nextTok.text) &&
      /^\p{Ll}/u.test(prevTok.text) &&
      adjacent(text, prevTok, t) &&
      adjacent(text, t, nextTok) &&
      !ctx.lex.nonNames.has(t.text)
    ) {
      const run = nameRunAt(text, toks, i, ctx, 3);
      const words = toks.slice(i, i + run);
      // An all-capitals prefix ("SV Rotheide", "FC Almental") makes it a club.
      const orgLike = (w: string) =>
        EN_ORG_WORDS.has(w) || /^\p{Lu}{2,4}$/u.test(w) || /^\p{Lu}\p{Ll}?\p{Lu}$/u.test(w);
      if (
        run >= 2 &&
        words.every((w) => !orgLike(w.text) && !/['’]s$/.test(w.text)) &&
        !orgLike(toks[i + run]?.text ?? '')
      ) {
        const s = span(toks, i, i + run);
        mentions.push({ ...s, written: text.slice(s.start, s.end) });
        i += run - 1;
      }
    }
  }
  for (const m of mentions) {
    // "Rhiannon Pugh's response": the name without the English possessive.
    if (ctx.lang === 'en' && /['’]s$/.test(m.written)) {
      m.written = m.written.slice(0, -2);
      m.end -= 2;
    }
    const next = text.charCodeAt(m.end);
    // Only "Name, 27," or "Name (27)" carry an age: a comma or a space before a bracket.
    const age =
      next === 44 || (next === 32 && text.charCodeAt(m.end + 1) === 40)
        ? AGE_AFTER.exec(text.slice(m.end, m.end + 8))
        : null;
    if (age) m.age = Number(age[1] ?? age[2]);
    // A known job outside the classes still tells that the person is not, say, a player.
    if (m.role) m.cls = roleClassOf(m.role, ctx.lang) ?? 'other';
  }
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, roles };
}
