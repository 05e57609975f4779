import type { EntityIndex } from './entities';
import { inQuote } from './people';
import type { QuoteSpan } from './quote-marks';
import { isCapitalised, withoutPossessive, type Token } from './tokens';

/** A club named in the text: where, and the fullest name the text (or the fact store) gave it. */
export interface ClubMention {
  start: number;
  end: number;
  club: string;
}

// The words that make a name a club's name in German and English copy. A town name alone
// ("in Lindtal") is a club only once the text has named the club with one of these.
const PREFIXES = new Set(
  'FC SV TSV VfB VfL SC SpVgg FSV TuS SG SSV BSC KSC Borussia Eintracht Rot-Weiß Blau-Weiß Schwarz-Weiß Fortuna Hertha Viktoria Alemannia Arminia Dynamo Rapid Sporting Real AFC AC AS FK SK KV'.split(
    ' ',
  ),
);
const SUFFIXES = new Set(
  'United City Rovers Rangers Wanderers Athletic Town Albion County Hotspur Villa Forest Orient FC AFC'.split(
    ' ',
  ),
);
// "die Borussia", "the Rovers": the club word alone stands for the club the text named with it.
const NICKNAMES = new Set(
  'Borussia Eintracht Fortuna Hertha Viktoria Alemannia Arminia Dynamo Rovers Rangers Wanderers'.split(' '),
);
// Capitalised only because they open a sentence or a name: never the first word of a club.
const NOT_FIRST = new Set(
  'The A An Der Die Das Den Dem Des Ein Eine Bei Beim Vom Zum Gegen Für Nach Von Mit Auch Und And For From To At Against With'.split(
    ' ',
  ),
);
// "der 26-Jährige unterschrieb in Lindtal": a town name alone after these is a place.
const PLACE_PREPOSITIONS = new Set(['in', 'aus', 'nach', 'nahe', 'near']);

const isUpper = (word: string) => isCapitalised(word) && !/^\p{Lu}+$/u.test(word.slice(0, 2));

/** The short forms copy uses for a club: "Lindtal" for "SV Lindtal", "Borussia" for "Borussia X". */
function shortForms(club: string): string[] {
  let forms = formsMemo.get(club);
  if (forms) return forms;
  forms = [];
  const words = club.split(' ');
  if (words.length > 1) {
    if (PREFIXES.has(words[0])) forms.push(words.slice(1).join(' '));
    else if (SUFFIXES.has(words[words.length - 1])) forms.push(words.slice(0, -1).join(' '));
    if (NICKNAMES.has(words[0])) forms.push(words[0]);
    else if (NICKNAMES.has(words[words.length - 1])) forms.push(words[words.length - 1]);
  }
  // Club names seen are few, but a long-running app sees many articles.
  if (formsMemo.size > 2000) formsMemo.clear();
  formsMemo.set(club, forms);
  return forms;
}
const formsMemo = new Map<string, string[]>();

// Every short form of a set of known clubs. The list is reordered whenever another club is
// named, but its members change rarely, so the map is kept per set (in alphabetical order, so
// a form two clubs share always goes to the same one).
const formsCache = new Map<string, Map<string, string>>();

const formsByList = new WeakMap<readonly string[], Map<string, string>>();

function formsOf(known: readonly string[]): Map<string, string> {
  const same = formsByList.get(known);
  if (same) return same;
  const forms = formsOfSet(known);
  formsByList.set(known, forms);
  return forms;
}

function formsOfSet(known: readonly string[]): Map<string, string> {
  const sorted = [...known].sort();
  const key = sorted.join('\n');
  let forms = formsCache.get(key);
  if (!forms) {
    forms = new Map();
    for (const club of sorted) if (!forms.has(club)) forms.set(club, club);
    for (const club of sorted) for (const f of shortForms(club)) if (!forms.has(f)) forms.set(f, club);
    if (formsCache.size >= 64) formsCache.clear();
    formsCache.set(key, forms);
  }
  return forms;
}

/**
 * The known club a short form refers to: the full name, the name without its club word
 * ("Lindtal", "Lindtals", "Kestrel’s"), or the club word alone ("Borussia").
 */
export function clubNamed(written: string, known: readonly string[]): string | undefined {
  return formOf(written.trim(), formsOf(known));
}

function formOf(w: string, forms: Map<string, string>): string | undefined {
  const hit = forms.get(w);
  if (hit !== undefined || w.length < 3) return hit;
  // A genitive: "Lindtals", "Kestrel’s", "Harwick'".
  const last = w[w.length - 1];
  if (last === 's') {
    const apostrophe = w[w.length - 2];
    return forms.get(w.slice(0, apostrophe === '’' || apostrophe === "'" ? -2 : -1));
  }
  return last === '’' || last === "'" ? forms.get(w.slice(0, -1)) : undefined;
}

/**
 * Clubs named in a sentence (its words outside quotes, `toks`), in text order. With entities,
 * the fact store's clubs (kind "club") are the only clubs; without, a name with a club word
 * ("FC Wendeburg", "Harwick United") and the short forms of the clubs named so far.
 */
export function findClubMentions(
  text: string,
  toks: readonly Token[],
  quotes: readonly QuoteSpan[],
  known: readonly string[],
  entities: EntityIndex,
): ClubMention[] {
  if (!entities.isEmpty) {
    if (toks.length === 0) return [];
    return entities
      .find(text, toks[0].start, toks[toks.length - 1].end)
      .filter((e) => e.entity.kind === 'club' && !inQuote(quotes, e.start))
      .map((e) => ({ start: e.start, end: e.end, club: e.entity.name }));
  }
  const out: ClubMention[] = [];
  const forms = known.length > 0 ? formsOf(known) : undefined;
  const adjacent = (a: Token, b: Token) => b.start === a.end + 1 && text[a.end] === ' ';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!isCapitalised(t.text)) continue;
    const next = toks[i + 1];
    // "FC Wendeburg", "Rot-Weiß Hallstedt" (German nouns are capitalised, so one name word).
    if (next && PREFIXES.has(t.text) && adjacent(t, next) && isUpper(next.text) && !SUFFIXES.has(next.text)) {
      const name = withoutPossessive(next.text);
      out.push({ start: t.start, end: next.start + name.length, club: `${t.text} ${name}` });
      i++;
      continue;
    }
    // "Harwick United", "Queens Park Rangers", "Kestrel FC" (also "City’s").
    if (
      next &&
      (SUFFIXES.has(next.text) ||
        ((next.text.includes('’') || next.text.includes("'")) &&
          SUFFIXES.has(withoutPossessive(next.text)))) &&
      adjacent(t, next) &&
      isUpper(t.text) &&
      !NOT_FIRST.has(t.text)
    ) {
      let first = i;
      const prev = toks[i - 1];
      if (
        prev &&
        adjacent(prev, t) &&
        isUpper(prev.text) &&
        !NOT_FIRST.has(prev.text) &&
        !PREFIXES.has(prev.text)
      )
        first = i - 1;
      const suffix = withoutPossessive(next.text);
      const club = `${text.slice(toks[first].start, t.end)} ${suffix}`;
      if (first < i && out.length > 0 && out[out.length - 1].start === toks[first].start) out.pop();
      out.push({ start: toks[first].start, end: next.start + suffix.length, club });
      i++;
      continue;
    }
    if (!forms) continue;
    const club = formOf(t.text, forms);
    if (!club) continue;
    const prev = toks[i - 1];
    // "die Stadtwerke Brunnhof": a town name after another capitalised word belongs to that name.
    if (prev && adjacent(prev, t) && isCapitalised(prev.text) && i - 1 > 0) continue;
    if (prev && PLACE_PREPOSITIONS.has(prev.text) && club !== t.text) continue;
    out.push({ start: t.start, end: t.end, club });
  }
  return out;
}

/**
 * What "der Klub", "dem Verein", "the Championship side" refers to: the first club named
 * earlier in its own sentence, else the clubs of earlier sentences, the most recent sentence
 * first and within it in text order (the subject usually comes first); never the club that is
 * the other party of the same deal (a mention overlapping that party, or its full name).
 */
export function resolveGenericClub(
  at: number,
  sentenceMentions: readonly ClubMention[],
  topics: readonly string[],
  otherParty: { start: number; end: number; text: string } | undefined,
): string | undefined {
  const other = otherParty
    ? (sentenceMentions.find((m) => m.start < otherParty.end && otherParty.start < m.end)?.club ??
      otherParty.text)
    : undefined;
  for (const m of sentenceMentions) if (m.end <= at && m.club !== other) return m.club;
  return topics.find((c) => c !== other);
}

/** The clubs to try for a later reference, after a sentence that named `mentions`. */
export function nextTopics(
  topics: readonly string[],
  mentions: readonly ClubMention[],
  limit = 12,
): readonly string[] {
  if (mentions.length === 0) return topics;
  // The usual case, checked without allocating: the clubs just named are already first.
  let first = 0;
  let unchanged = true;
  for (const m of mentions) {
    if (topics.indexOf(m.club) < first && topics.indexOf(m.club) >= 0) continue;
    if (topics[first] === m.club) first++;
    else {
      unchanged = false;
      break;
    }
  }
  if (unchanged) return topics;
  const named: string[] = [];
  for (const m of mentions) if (!named.includes(m.club)) named.push(m.club);
  return [...named, ...topics.filter((c) => !named.includes(c))].slice(0, limit);
}
