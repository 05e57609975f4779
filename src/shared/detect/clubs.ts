import type { ArticleLanguage } from '../domain/articles';
import type { EntityIndex } from './entities';
import { inQuote } from './people';
import type { QuoteSpan } from './quote-marks';

/** A club named in the text: where, and the fullest name the text (or the fact store) gave it. */
export interface ClubMention {
  start: number;
  end: number;
  club: string;
}

// The words that make a name a club's name in German and English copy. A town name alone
// ("in Lindtal") is a club only once the text has named the club with one of these.
const PREFIXES =
  'FC|SV|TSV|VfB|VfL|SC|SpVgg|FSV|TuS|SG|SSV|BSC|KSC|Borussia|Eintracht|Rot-Weiß|Blau-Weiß|Schwarz-Weiß|Fortuna|Hertha|Viktoria|Alemannia|Arminia|Dynamo|Rapid|Sporting|Real|AFC|AC|AS|FK|SK|KV';
const SUFFIXES =
  'United|City|Rovers|Rangers|Wanderers|Athletic|Town|Albion|County|Hotspur|Villa|Forest|Orient|FC|AFC';
const NAME = String.raw`\p{Lu}[\p{L}\p{M}]*(?:-\p{Lu}[\p{L}\p{M}]*)*`;
// German nouns are capitalised, so a prefixed club takes one name word ("FC Wendeburg Sportchef …").
const PREFIXED = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${PREFIXES}) ${NAME}`, 'gu');
const SUFFIXED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${NAME}(?: ${NAME})? (?:${SUFFIXES})(?![\p{L}\p{N}])`,
  'gu',
);
const PREFIX_WORD = new RegExp(`^(?:${PREFIXES})$`);
const SUFFIX_WORD = new RegExp(`^(?:${SUFFIXES})$`);
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

/** The name without its club word, as copy shortens it: "SV Lindtal" → "Lindtal". */
function coreOf(club: string): string | undefined {
  const words = club.split(' ');
  if (words.length < 2) return undefined;
  if (PREFIX_WORD.test(words[0])) return words.slice(1).join(' ');
  if (SUFFIX_WORD.test(words[words.length - 1])) return words.slice(0, -1).join(' ');
  return undefined;
}

/** The club word that stands for the whole club ("Borussia" in "Borussia Kranichfeld"). */
function nicknameOf(club: string): string | undefined {
  const words = club.split(' ');
  if (words.length < 2) return undefined;
  if (NICKNAMES.has(words[0])) return words[0];
  if (NICKNAMES.has(words[words.length - 1])) return words[words.length - 1];
  return undefined;
}

// The short forms of a list of known clubs; lists are never mutated once handed on, so the
// map built for one list serves every sentence that sees it.
const formsCache = new WeakMap<readonly string[], Map<string, string>>();

function formsOf(known: readonly string[]): Map<string, string> {
  let forms = formsCache.get(known);
  if (forms) return forms;
  forms = new Map();
  for (const club of known) if (!forms.has(club)) forms.set(club, club);
  for (const club of known) {
    const core = coreOf(club);
    if (core && !forms.has(core)) for (const g of ['', 's', '’s', "'s", '’', "'"]) forms.set(core + g, club);
    const nick = nicknameOf(club);
    if (nick && !forms.has(nick)) forms.set(nick, club);
  }
  formsCache.set(known, forms);
  return forms;
}

/**
 * The known club a short form refers to: the full name, the name without its club word
 * ("Lindtal", "Lindtals", "Kestrel’s"), or the club word alone ("Borussia").
 */
export function clubNamed(written: string, known: readonly string[]): string | undefined {
  return formsOf(known).get(written.trim());
}

/**
 * Clubs named between `from` and `to`, in text order. With entities, the fact store's clubs
 * (kind "club") are the only clubs; without, a name with a club word ("FC Wendeburg",
 * "Harwick United") and the short forms of clubs named so far.
 */
export function findClubMentions(
  text: string,
  from: number,
  to: number,
  quotes: readonly QuoteSpan[],
  known: readonly string[],
  entities: EntityIndex,
  lang: ArticleLanguage,
): ClubMention[] {
  if (!entities.isEmpty) {
    return entities
      .find(text, from, to)
      .filter((e) => e.entity.kind === 'club' && !inQuote(quotes, e.start))
      .map((e) => ({ start: e.start, end: e.end, club: e.entity.name }));
  }
  const out: ClubMention[] = [];
  const slice = text.slice(from, to);
  for (const pattern of lang === 'de' ? [PREFIXED, SUFFIXED] : [SUFFIXED, PREFIXED]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
      let name = m[0];
      let start = from + m.index;
      const first = name.slice(0, name.indexOf(' '));
      if (NOT_FIRST.has(first)) {
        name = name.slice(first.length + 1);
        start += first.length + 1;
        if (!name.includes(' ')) continue;
      }
      const end = start + name.length;
      if (inQuote(quotes, start) || out.some((o) => o.start < end && start < o.end)) continue;
      out.push({ start, end, club: name });
    }
  }
  if (known.length > 0) {
    const words = /\p{Lu}[\p{L}\p{M}’'-]*/gu;
    for (let m = words.exec(slice); m; m = words.exec(slice)) {
      const start = from + m.index;
      const end = start + m[0].length;
      if (out.some((o) => o.start < end && start < o.end)) continue;
      const club = clubNamed(m[0], known);
      if (!club) continue;
      const before = slice.slice(0, m.index);
      // "die Stadtwerke Brunnhof": a town name after another capitalised word belongs to that name.
      if (/\p{Lu}[\p{L}\p{M}-]*\s$/u.test(before) && !/(?:^|[.:;!?]\s*)\p{Lu}[\p{L}\p{M}]*\s$/u.test(before))
        continue;
      const prev = /(\p{L}+)\s+$/u.exec(before)?.[1].toLowerCase();
      if (prev && PLACE_PREPOSITIONS.has(prev) && club !== m[0]) continue;
      if (inQuote(quotes, start)) continue;
      out.push({ start, end, club });
    }
  }
  return out.sort((a, b) => a.start - b.start);
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
  const named = [...new Set(mentions.map((m) => m.club))];
  const next = [...named, ...topics.filter((c) => !named.includes(c))].slice(0, limit);
  return next.length === topics.length && next.every((c, i) => c === topics[i]) ? topics : next;
}
