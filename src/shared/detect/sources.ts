import type { ArticleLanguage } from '../domain/articles';
import type { QuoteSpan } from './quote-marks';

// Words that say a claim is reported without naming who reports it ("Berichten zufolge",
// "nach Informationen dieser Zeitung", "sources say"): a hedge, but no source to link.
const GENERIC =
  /^(?:\p{L}*(?:angaben|informationen|berichten|kreisen|recherchen)|report|reports|berichten|medienberichten|informationen|angaben|kreisen|vereinskreisen|umfeld|dieser zeitung|unserer zeitung|sources|insiders|reports|it|medien|dem vernehmen)$/iu;
const LEADING =
  /^(?:(?:der|die|das|dem|den|des|the|a|an)\s+)?(?:(?:Fachportal|Portal|Magazin|Fachmagazin|Sportmagazin|Zeitung|Tageszeitung|Sender|Podcast|Blatt|Nachrichtenagentur|Agentur|newspaper|magazine|website|broadcaster|podcast|agency|outlet)\s+)?/i;
const QUOTED = /[„“"»«‚‘'’]([^„“”"»«‚‘’]+)[“”"«»‘’']/u;

function clean(s: string): string | undefined {
  // "the consultancy Pitchside Analytics": a lower-case description before a name is dropped.
  const name = s
    .replace(LEADING, '')
    .replace(/^(?:\p{Ll}+\s+)+(?=\p{Lu})/u, '')
    .replace(/[,.;:]+$/, '')
    .trim();
  if (!name || GENERIC.test(name)) return undefined;
  return name;
}

// "a report in The Ledger", "Recherchen von Sportblick": the medium after the generic word.
const MEDIUM_AFTER =
  /^(?:(?:a|the|einem|einer|dem|der)\s+)?(?:report|reports|statement|interview|article|story|figures|data|research|analysis|documents|estimates|Recherchen|Angaben|Informationen|Berichten|Bericht|Artikel|Meldung)\s+(?:in|by|from|on|von|vom|der|des|im)\s+(.+)$/i;

/**
 * The medium or body a hedge attributes a claim to: "laut „Hafenblatt“" → Hafenblatt,
 * "laut Kicker-Informationen" → Kicker, "wie das Portal X berichtet" → X, "The Valley Post
 * understands" → The Valley Post, "according to The Ledger" → The Ledger. Undefined when the
 * hedge names nobody ("Berichten zufolge", "nach Informationen dieser Zeitung").
 */
export function sourceOfHedge(hedge: string, lang: ArticleLanguage): string | undefined {
  const quoted = QUOTED.exec(hedge);
  if (quoted) return clean(quoted[1]);
  const compound = /^(?:laut|nach)\s+(\S+?)-(?:Informationen|Angaben|Recherchen|Berichten)$/i.exec(hedge);
  if (compound) return clean(compound[1]);
  const patterns =
    lang === 'de'
      ? [
          /^laut\s+(.+)$/i,
          /^wie\s+(.+?)\s+(?:berichtet|berichtete|berichten|berichteten|meldet|meldete|melden|meldeten|schreibt|schrieb|schreiben|schrieben|erfuhr|erfahren\s+hat|erfahren\s+haben|enthüllte)$/i,
          /^(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\s+(.+)$/i,
          /^(.+?)\s+(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)$/i,
          /^nach\s+(?:eigenen\s+|übereinstimmenden\s+)?(?:Informationen|Angaben|Recherchen|Berichten)\s+(?:der|des|von|vom|aus\s+(?:dem|der|den))\s+(.+)$/i,
          /^(?:Informationen|Angaben|Berichten|Recherchen)\s+(?:der|des|von|vom)\s+(.+?)\s+zufolge$/i,
          /^(.+?)\s+zufolge$/i,
        ]
      : [
          /^according\s+to\s+(.+)$/i,
          /^as\s+(?:first\s+|originally\s+)?(?:reported|revealed)\s+by\s+(.+)$/i,
          /^as\s+(.+?)\s+(?:reported|reports|revealed|first\s+reported|has\s+reported|has\s+learned|understands)$/i,
          /^(.+?)\s+(?:has|have|had)\s+(?:reported|revealed)(?:\s+that)?$/i,
          /^(.+?)\s+(?:understands|has\s+learned|has\s+been\s+told)$/i,
          /^citing\s+(.+)$/i,
          /^(?:\S+\s+)?(?:sources|insiders)\s+(?:have\s+)?told\s+(.+)$/i,
          /^per\s+(.+)$/i,
          /^(.+?)\s+(?:reported|reports|revealed)(?:\s+(?:on\s+\S+|last\s+\S+|this\s+\S+|yesterday|today|earlier|overnight))?$/i,
        ];
  for (const re of patterns) {
    const m = re.exec(hedge.trim());
    if (!m) continue;
    const after = MEDIUM_AFTER.exec(m[1]);
    return clean(after ? after[1] : m[1]);
  }
  return undefined;
}

// The kind of medium may be a compound: "im Vereinsmagazin „Almental aktuell“", "dem Sportportal X".
const DE_MEDIUM =
  /(?:^|[\s(])(?:dem|der|im|in\s+der|beim|bei|auf|gegenüber\s+dem|gegenüber\s+der|gegenüber|mit\s+dem|mit\s+der)\s+(?:(?:\p{Lu}\p{Ll}*-?)?(?:Sender|sender|Magazin|magazin|Portal|portal|Zeitung|zeitung|Podcast|podcast|Blatt|blatt|Agentur|agentur|Kanal|kanal|Sendung|sendung)\s+)?(„[^“”]+[“”]|"[^"]+"|»[^«]+«|«[^»]+»|‚[^‘’]+[‘’]|“[^”]+”|Instagram|Facebook|TikTok|Twitter|X|LinkedIn|YouTube|Twitch|Threads)(?=$|[\s,.;:!?)-])/gu;
const DE_NAMED_MEDIUM =
  /(?:^|\s)(?:dem|der|im|beim|bei)\s+(?:\p{Lu}\p{Ll}*-?)?(?:Sender|sender|Magazin|magazin|Portal|portal|Zeitung|zeitung|Podcast|podcast|Kanal|kanal|Agentur|agentur)\s+(\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*)?)/gu;
const PLATFORMS = 'Instagram|Facebook|TikTok|Twitter|X|LinkedIn|YouTube|Twitch|Threads|Bluesky|Snapchat';
const EN_MEDIUM = new RegExp(
  `(?:^|\\s)(?:(?:told|tells|telling|(?:wrote|writes|writing)\\s+in|quoted\\s+in|quoted\\s+by|in\\s+an\\s+interview\\s+with|speaking\\s+to|talking\\s+to|interview\\s+with|(?:column|blog|newsletter)\\s+(?:for|in))\\s+(?:the\\s+)?(?:(?:[a-z-]+\\s+)?(?:podcast|newspaper|magazine|website|broadcaster|channel|show)\\s+)?("[^"]+"|“[^”]+”|'[^']+'|‘[^’]+’|(?:The\\s+)?\\p{Lu}[\\p{L}\\p{N}'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}'’-]*){0,3})|(?:wrote|posted|said|writing|posting|tweeted)\\s+on\\s+(${PLATFORMS})|on\\s+(${PLATFORMS.replace('X|', '')})|on\\s+(?:the|his|her|their)\\s+("[^"]+"|“[^”]+”|'[^']+'|‘[^’]+’)\\s+(?:podcast|show|programme|channel|stream)|(?:says|said|saying|speaks|spoke|speaking|writes|wrote|writing|admits|admitted|recalls|recalled)\\s+in\\s+(?:the|his|her|their|a|an)\\s+(?:[a-z-]+\\s+)?(?:documentary|docuseries|series|podcast|interview|column|book|autobiography|programme|show|film|newsletter)\\s+("[^"]+"|“[^”]+”|'[^']+'|‘[^’]+’))`,
  'gu',
);
// Last resort: a platform named anywhere in the attribution ("in seiner Instagram-Story", "in a
// video on YouTube", "posted a picture on X"); X only after a preposition, being a letter too.
const ANY_PLATFORM =
  /(?:^|[^\p{L}])(Instagram|Facebook|TikTok|Twitter|LinkedIn|YouTube|Twitch|Threads|Bluesky|Snapchat)(?![\p{L}])|(?:^|\s)(?:on|auf|bei|via)\s+(X)(?=$|[\s,.;:!?)])/gu;
const DE_HINT =
  /[„"»«‚“]|Instagram|Facebook|TikTok|Twitter|LinkedIn|YouTube|Twitch|Threads|Bluesky|Snapchat|\bX\b|sender|magazin|portal|zeitung|podcast|blatt|agentur|kanal|sendung/i;
const EN_HINT =
  /told|tells|telling|wrote in|writes in|writing in|documentary|series|book|quoted|interview|speaking to|talking to|column|podcast|show|programme|Instagram|Facebook|TikTok|Twitter|\bX\b|LinkedIn|YouTube|Twitch|Threads|Bluesky|Snapchat/;
// Days and months follow "on" and "told … on"; they are never a medium.
const TIME_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)$/;

/**
 * The medium a quote appeared in, named in its attribution: "sagte er dem „Hafenblatt“",
 * "schrieb bei Instagram", "wird im Magazin „Anstoß“ zitiert", "told the Ledger", "is quoted in
 * The Ledger". Speech quotes of the sentence are blanked first so their words never count; a
 * quoted title stays readable.
 */
export function quoteSource(
  text: string,
  sentence: { start: number; end: number },
  speech: readonly QuoteSpan[],
  lang: ArticleLanguage,
): string | undefined {
  let s = text.slice(sentence.start, sentence.end);
  for (const q of speech) {
    if (q.start < sentence.start || q.end > sentence.end) continue;
    const a = q.start - sentence.start;
    const b = q.end - sentence.start;
    s = s.slice(0, a) + ' '.repeat(b - a) + s.slice(b);
  }
  // Most attributions name no medium; a cheap test skips the large patterns for them.
  if (!(lang === 'de' ? DE_HINT : EN_HINT).test(s)) return undefined;
  const patterns = lang === 'de' ? [DE_MEDIUM, DE_NAMED_MEDIUM, ANY_PLATFORM] : [EN_MEDIUM, ANY_PLATFORM];
  for (const re of patterns) {
    re.lastIndex = 0;
    const m = re.exec(s);
    if (m) {
      const raw = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
      if (TIME_WORD.test(raw)) continue;
      const name = clean(raw.replace(/^[„“"»«‚‘'’]|[“”"«»‘’']$/gu, ''));
      // "told reporters", "told supporters": an English capitalised word is required, which the
      // pattern ensures; a German pronoun or article after the preposition is not a medium.
      if (name && !/^(?:Er|Sie|Es|Ihm|Ihr|Reporters?|He|She|They)$/.test(name)) return name;
    }
  }
  return undefined;
}
