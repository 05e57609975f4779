import type { ArticleLanguage } from '../domain/articles';
import { parseNumberWord } from '../language/numberWords';
import type { EntityIndex } from './entities';
import type { Lexicon } from './lexicon';
import { inQuote } from './people';
import type { QuoteSpan } from './quote-marks';
import { isRoleWord } from '../language/roles';
import { wordsOutside, type Token } from './tokens';

type VerbRole = 'pay' | 'receive' | 'sell' | 'move' | 'cost';

const DE_VERBS: Record<string, VerbRole> = {};
const EN_VERBS: Record<string, VerbRole> = {};
const add = (table: Record<string, VerbRole>, role: VerbRole, words: string) => {
  for (const w of words.trim().split(/\s+/)) table[w] = role;
};
add(
  DE_VERBS,
  'pay',
  `zahlt zahlte zahlten zahlen gezahlt bezahlt bezahlte bezahlen überweist überwies überwiesen
  überweisen investiert investierte investieren bietet bot bieten kauft kaufte kaufen gekauft verpflichtet
  verpflichtete verpflichten holt holte holen geholt erwirbt erwarb erwerben erworben sichert sicherte
  lässt ließ blättert blätterte legt legte steuert beisteuert beisteuern steuerte`,
);
add(
  DE_VERBS,
  'receive',
  `kassiert kassierte kassieren erhält erhielt erhalten bekommt bekam bekommen verdient
  verdiente verdienen nimmt nahm einnehmen streicht strich`,
);
add(DE_VERBS, 'sell', 'verkauft verkaufte verkaufen gibt gab abgeben');
add(DE_VERBS, 'move', 'wechselt wechselte wechseln gewechselt');
add(DE_VERBS, 'pay', 'ausgegeben ausgeben fließen fließt floss flossen geflossen');
// "Parr kostete den Klub 600.000 Euro": the one it cost pays; the subject is what was bought.
add(DE_VERBS, 'cost', 'kostet kostete kosteten gekostet');
add(
  EN_VERBS,
  'pay',
  `pay pays paid paying spend spends spent invest invests invested buy buys bought
  sign signs signed signing acquire acquires acquired offer offers offered bid bids fork forked shell shelled
  contribute contributes contributed contributing fund funds funded`,
);
add(
  EN_VERBS,
  'receive',
  'receive receives received earn earns earned pocket pockets pocketed collect collects collected bank banks banked get gets got',
);
add(EN_VERBS, 'sell', 'sell sells sold');
add(EN_VERBS, 'move', 'join joins joined move moves moved switch switches switched');
add(EN_VERBS, 'cost', 'cost costs costing');

const CLUB_PREFIX =
  /^(?:SV|FC|TSV|VfB|VfL|SC|SpVgg|FSV|TuS|SG|SSV|BSC|Borussia|Eintracht|Union|Fortuna|Dynamo|Rot-Weiß|Blau-Weiß|Hertha|Viktoria|Alemannia|Rapid|Sporting|Real|Athletic|AFC|AC|AS|US|FK|SK|KV|Young|Racing)$/;
const INSTITUTIONS = new Set(
  'Stadtwerke Sparkasse Kreissparkasse Stadtsparkasse Volksbank Raiffeisenbank Stadt Gemeinde Landkreis Verkehrsbetriebe Brauerei'.split(
    ' ',
  ),
);
const CLUB_NICKNAMES = new Set(
  'Borussia Eintracht Fortuna Hertha Viktoria Alemannia Arminia Dynamo'.split(' '),
);
const MONEY_NOUNS = new Set(
  'Ablöse Ablösesumme Gehalt Summe Betrag Rechte Gebühr Prämie Handgeld Millionen Million Euro Dollar Pfund Franken Mio Mrd Fee Salary Deal Rights'.split(
    ' ',
  ),
);
const DATIVE = new Set(['dem', 'den']);
// "1,2 Millionen Euro pro Jahr": a time noun gives the rate of a payment, never a party.
const TIME_NOUNS = new Set(
  'Jahr Jahre Jahres Jahren Saison Saisons Spielzeit Monat Monate Monats Monaten Woche Wochen Tag Tage Spieltag Year Years Season Seasons Month Months Week Weeks'.split(
    ' ',
  ),
);
// "a rival bid of £20m", "turned down an offer": the noun names an offer that is not (yet) a deal.
const OFFER_NOUNS = new Set(['bid', 'bids', 'offer', 'offers']);
const DETERMINERS = new Set('a an the his her its their our this that another'.split(' '));
// "Voss signed a new contract worth £1.2m": signing a contract says nothing about who pays whom.
const SIGN_VERBS = new Set(['sign', 'signs', 'signed', 'signing']);
const CONTRACT_NOUNS = /^(?:contract|contracts|deal|extension|terms)$/;
// A relative clause whose pronoun is its subject: "Strivo, das … 300.000 Euro beisteuert".
const RELATIVE_SUBJECT = {
  de: new Set(['der', 'die', 'das', 'welcher', 'welche', 'welches']),
  en: new Set(['which', 'who', 'that']),
};
// German relative clauses end with the verb, at most followed by its auxiliaries.
const CLAUSE_FINAL_AUX =
  /^(?:haben|hat|habe|hatte|hatten|hätte|hätten|soll|sollen|sollte|will|wollen|wird|werden|würde|würden|könnte|kann|dürfte|muss|müsste|müssen|sein|ist|wäre|worden)$/;
const SUBJECT_AUX =
  /^(?:will|would|has|have|had|is|are|was|were|could|may|might|wird|hat|hatte|soll|will|muss)$/;
// Adverbs between a passive auxiliary and its participle ("was reportedly paid").
const PASSIVE_GAP = /^(?:\p{Ll}+ly|already|also|now|then|just|still)$/u;
// A name after any other preposition ("der Investor aus Übersee") is a place or a detail.
const OTHER_PREPOSITIONS = new Set(
  'aus in im bei beim mit nach über unter gegen auf durch ohne um seit während wegen trotz pro je of in at on with by against over under into via like than per'.split(
    ' ',
  ),
);
// "laut Vereinskreisen" names a source, "des FC X" a genitive: neither is a party of the deal.
const NEVER_BEFORE = new Set(['laut', 'des']);
// "an seinem Nachwuchsturnier": a German noun after a possessive is a noun, not a name.
const POSSESSIVES_DE = new Set(
  'sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres unser unsere unserem unseren euer'.split(
    ' ',
  ),
);
/**
 * "der Klub", "dem Verein", "der Zweitligist", "the club", "the Championship side": a club
 * named only as such. It is a party as written; `clubs.ts` finds which club it refers to.
 */
const GENERIC_DE =
  /^(?:Klub|Verein|Traditionsklub|Traditionsverein|(?:Bundes|Zweit|Dritt|Erst|Regional|Ober)ligist(?:en)?)$/;
const GENERIC_ARTICLE_DE = new Set(['der', 'den', 'dem', 'vom', 'zum', 'beim']);
const GENERIC_EN = /^(?:club|side|outfit)$/;
// Prepositions that can stand before a relative pronoun ("für die der Klub …", "to which …").
const REL_PREP = {
  de: new Set('für an von mit bei aus zu über durch gegen um'.split(' ')),
  en: new Set('for to from with of by'.split(' ')),
};
const REL_PRONOUN = {
  de: new Set('der die das dem den denen welcher welche welches welchem welchen'.split(' ')),
  en: new Set(['which', 'whom', 'who', 'that']),
};
// Pronouns that open a relative clause without being a party's case: "whose wages the club …".
const REL_GENITIVE = { de: new Set(['dessen', 'deren']), en: new Set(['whose']) };
// "dass der Verein … überwiesen hat": a subordinate clause with its own subject, like a relative one.
const SUBORDINATORS = {
  de: new Set(['dass', 'weil', 'nachdem', 'obwohl', 'da', 'wenn', 'als', 'ob']),
  en: new Set<string>(),
};
const TO_PAYEE = { de: new Set(['an']), en: new Set(['to']) };
const FROM = { de: new Set(['von', 'vom']), en: new Set(['from']) };
const TO_CLUB = { de: new Set(['zu', 'zum', 'zur', 'nach']), en: new Set(['to']) };
const PASSIVE_AUX = {
  de: new Set(['wird', 'wurde', 'werden', 'wurden', 'worden']),
  en: new Set(['was', 'were', 'is', 'are', 'been', 'be']),
};
const PARTICIPLE = {
  de: /^(?:ge\p{Ll}+|über\p{Ll}+en|bezahlt|investiert|überwiesen)$/u,
  en: /(?:ed|paid|bought|spent|sold)$/,
};
const AGENT = { de: new Set(['von', 'vom']), en: new Set(['by']) };

interface Party {
  text: string;
  start: number;
  end: number;
  /** The word in front, lowercased: a preposition or article tells the party's part in the deal. */
  before: string;
  /** "der Klub", "the Bundesliga side": the club named only as such. */
  generic?: boolean;
}

export interface PartyContext {
  lang: ArticleLanguage;
  lex: Lexicon;
  entities: EntityIndex;
}

/**
 * The word that tells a party's part, looking through a role or adjective in between:
 * "dem Spielerberater Kai Ufer" is a dative, "an den früheren Klub X" a recipient.
 */
function prevWordOf(toks: readonly Token[], i: number, ctx: PartyContext): string {
  let k = i - 1;
  while (
    k > 0 &&
    i - k <= 2 &&
    (isRoleWord(toks[k].text, ctx.lang) ||
      /^\p{Ll}+(?:e|en|er|es)$/u.test(toks[k].text) ||
      // "dem Ligarivalen FC Almental": a German noun between article and name is an apposition.
      (ctx.lang === 'de' &&
        /^\p{Lu}\p{Ll}+$/u.test(toks[k].text) &&
        ctx.lex.articles.has(toks[k - 1].text.toLowerCase()))) &&
    !ctx.lex.articles.has(toks[k].text) &&
    !/^(?:an|von|vom|zu|zum|zur|to|from|für|for)$/.test(toks[k].text)
  )
    k--;
  const word = k >= 0 ? toks[k].text.toLowerCase() : '';
  // "von der Sparkasse X", "mit dem FC X": the preposition before the article tells the part
  // (German only: in English "to the" also follows "according").
  const prep = ctx.lang === 'de' && k > 0 && ctx.lex.articles.has(word) ? toks[k - 1].text.toLowerCase() : '';
  if (
    prep &&
    (FROM[ctx.lang].has(prep) ||
      TO_PAYEE[ctx.lang].has(prep) ||
      OTHER_PREPOSITIONS.has(prep) ||
      prep === 'für')
  )
    return prep;
  return word;
}

function namedCandidates(
  text: string,
  from: number,
  to: number,
  quotes: readonly QuoteSpan[],
  ctx: PartyContext,
): Party[] {
  const toks = wordsOutside(text, from, to, quotes);
  const prevWord = (start: number) => {
    const i = toks.findIndex((t) => t.start >= start);
    return prevWordOf(toks, i < 0 ? toks.length : i, ctx);
  };
  if (!ctx.entities.isEmpty) {
    return ctx.entities
      .find(text, from, to)
      .filter((e) => !inQuote(quotes, e.start))
      .map((e) => ({ text: e.text, start: e.start, end: e.end, before: prevWord(e.start) }));
  }
  const out: Party[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (
      !/^\p{Lu}/u.test(t.text) ||
      ctx.lex.nonNames.has(t.text) ||
      MONEY_NOUNS.has(t.text) ||
      TIME_NOUNS.has(t.text) ||
      isRoleWord(t.text, ctx.lang)
    )
      continue;
    const prev: Token | undefined = toks[i - 1];
    const prevLower = prev?.text.toLowerCase() ?? '';
    const club =
      CLUB_PREFIX.test(t.text) ||
      /^\d\.$/.test(text.slice(t.start - 3, t.start - 1).trim()) ||
      // "die Stadtwerke Brunnhof", "der Sparkasse Seehagen": an institution named by its place.
      (ctx.lang === 'de' && INSTITUTIONS.has(t.text) && /^ \p{Lu}/u.test(text.slice(t.end, t.end + 2)));
    // In German every noun is capitalised; after an article it is a noun unless it starts a club name.
    if (ctx.lang === 'de' && (ctx.lex.articles.has(prevLower) || POSSESSIVES_DE.has(prevLower)) && !club)
      continue;
    // "Finanziert wird das Projekt von X", "Überwiesen wurde …": a participle put first in a
    // German passive is capitalised only by its position.
    if (
      ctx.lang === 'de' &&
      (/\p{Ll}iert$/u.test(t.text) || DE_VERBS[t.text.toLowerCase()] !== undefined) &&
      PASSIVE_AUX.de.has(toks[i + 1]?.text ?? '')
    )
      continue;
    // "in den kommenden drei Jahren": a noun after a number or after article + adjective.
    const beforePrev = toks[i - 2]?.text.toLowerCase() ?? '';
    if (
      ctx.lang === 'de' &&
      !club &&
      (/^\d/.test(prevLower) ||
        parseNumberWord(prevLower, 'de') !== null ||
        (/^\p{Ll}+(?:e|en|er|es|em)$/u.test(prev?.text ?? '') && ctx.lex.articles.has(beforePrev)))
    )
      continue;
    // "Kellerbachs früherer Präsident": a genitive in front of a role describes, it does not pay.
    const next = toks[i + 1];
    const afterNext = toks[i + 2];
    if (
      /s$/.test(t.text) &&
      next &&
      (isRoleWord(next.text, ctx.lang) ||
        (/^\p{Ll}/u.test(next.text) && afterNext && isRoleWord(afterNext.text, ctx.lang)))
    )
      continue;
    const before = prevWordOf(toks, i, ctx);
    if (
      ctx.lang === 'de' &&
      /(?:ung|ungen|heit|keit|schaft|tion|dienst|verein|klub|club|sender|plattform|summe|vertrag)$/i.test(
        t.text,
      )
    )
      continue;
    let j = i + 1;
    while (
      j < toks.length &&
      j - i < 4 &&
      toks[j].start - toks[j - 1].end === 1 &&
      /^\p{Lu}/u.test(toks[j].text) &&
      !ctx.lex.nonNames.has(toks[j].text) &&
      !MONEY_NOUNS.has(toks[j].text)
    )
      j++;
    // "die Borussia" stands for the club; "FC" alone is nothing.
    if (club && j === i + 1 && !CLUB_NICKNAMES.has(t.text)) continue;
    out.push({ text: text.slice(t.start, toks[j - 1].end), start: t.start, end: toks[j - 1].end, before });
    i = j - 1;
  }
  return out;
}

/** "der Klub", "dem Zweitligisten", "the Bundesliga side" in the sentence, as parties. */
function genericCandidates(
  toks: readonly Token[],
  text: string,
  ctx: PartyContext,
): { parties: Party[]; descriptions: { start: number; end: number }[] } {
  const out: Party[] = [];
  // "the German club VfB X": the words before "club" describe the name, they are no party.
  const descriptions: { start: number; end: number }[] = [];
  for (let i = 0; i < toks.length - 1; i++) {
    // Runs for every word of the sentence: only short words can be the article.
    if (toks[i].text.length > 4) continue;
    const article = toks[i].text.toLowerCase();
    let k = i + 1;
    if (ctx.lang === 'de') {
      if (!GENERIC_ARTICLE_DE.has(article)) continue;
      // "der neue Klub": one adjective between article and noun.
      if (/^\p{Ll}+e[nmrs]?$/u.test(toks[k].text) && !ctx.lex.articles.has(toks[k].text) && toks[k + 1]) k++;
      if (!GENERIC_DE.test(toks[k].text)) continue;
    } else {
      if (article !== 'the') continue;
      // "the Bundesliga side", "the League One side": up to three capitalised modifiers.
      while (k < toks.length && k - i <= 3 && /^\p{Lu}/u.test(toks[k].text)) k++;
      if (k >= toks.length || !GENERIC_EN.test(toks[k].text)) continue;
      // "the side" alone is too often a place or a part of something.
      if (toks[k].text !== 'club' && k === i + 1) continue;
    }
    const next = toks[k + 1];
    // "dem Bundesligisten FC Wendeburg", "the German club VfB Seehagen": the name is the party;
    // "der Verein aus Übersee" is another club.
    if (next && toks[k].end + 1 === next.start && /^\p{Lu}/u.test(next.text) && ctx.lang === 'en') {
      descriptions.push({ start: toks[i].start, end: toks[k].end });
      continue;
    }
    if (next && ctx.lang === 'de' && (/^\p{Lu}/u.test(next.text) || next.text === 'aus')) continue;
    // "the club’s academy": a possessive describes.
    if (/^['’]/.test(text.slice(toks[k].end, toks[k].end + 1))) continue;
    const prep = toks[i - 1]?.text.toLowerCase() ?? '';
    const before =
      ctx.lang === 'de'
        ? TO_PAYEE.de.has(prep) ||
          FROM.de.has(prep) ||
          TO_CLUB.de.has(prep) ||
          OTHER_PREPOSITIONS.has(prep) ||
          prep === 'für'
          ? prep
          : article
        : prep;
    out.push({
      text: text.slice(toks[i].start, toks[k].end),
      start: toks[i].start,
      end: toks[k].end,
      before,
      generic: true,
    });
    i = k;
  }
  return { parties: out, descriptions };
}

/** Named parties and generic club references, in text order; a source or genitive is never one. */
function candidates(
  text: string,
  from: number,
  to: number,
  quotes: readonly QuoteSpan[],
  ctx: PartyContext,
): Party[] {
  const { parties: generic, descriptions } = genericCandidates(
    wordsOutside(text, from, to, quotes),
    text,
    ctx,
  );
  const named = namedCandidates(text, from, to, quotes, ctx).filter(
    (p) =>
      !generic.some((g) => g.start < p.end && p.start < g.end) &&
      !descriptions.some((g) => g.start < p.end && p.start < g.end) &&
      !NEVER_BEFORE.has(p.before) &&
      // "behind Millbrook City’s stadium": an English possessive describes something else.
      !(
        ctx.lang === 'en' &&
        (/['’]s?$/u.test(p.text) || /^['’]s?(?![\p{L}])/u.test(text.slice(p.end, p.end + 3)))
      ),
  );
  if (generic.length === 0) return named;
  return [...named, ...generic].sort((a, b) => a.start - b.start);
}

/** "a rival bid of £20m", "an improved offer": the noun, not the verb "to bid". */
function isOfferNoun(toks: readonly Token[], i: number, lang: ArticleLanguage): boolean {
  if (lang !== 'en' || !OFFER_NOUNS.has(toks[i].text.toLowerCase())) return false;
  return toks.slice(Math.max(0, i - 2), i).some((t) => DETERMINERS.has(t.text.toLowerCase()));
}

/** "signed a new contract worth £1.2m a year": the verb signs a contract, it buys no one. */
function signsContract(toks: readonly Token[], i: number, lang: ArticleLanguage): boolean {
  if (lang !== 'en' || !SIGN_VERBS.has(toks[i].text.toLowerCase())) return false;
  return toks.slice(i + 1, i + 5).some((t) => CONTRACT_NOUNS.test(t.text.toLowerCase()));
}

/**
 * "was paid", "have been paid", "was reportedly paid" are passives; "is said to have paid"
 * is an active perfect, however many forms of "be" stand further back.
 */
function englishPassive(toks: readonly Token[], verbAt: number): boolean {
  let k = verbAt - 1;
  while (k >= 0 && PASSIVE_GAP.test(toks[k].text)) k--;
  return k >= 0 && PASSIVE_AUX.en.has(toks[k].text.toLowerCase());
}

/** A name right before or after a verb of saying ("Almental said", "sagte Sauter") speaks. */
function isSpeaker(toks: readonly Token[], party: Party, ctx: PartyContext): boolean {
  const at = toks.findIndex((t) => t.start >= party.start);
  const endAt = toks.findIndex((t) => t.start >= party.end);
  const before = at > 0 ? toks[at - 1].text.toLowerCase() : '';
  const after = endAt >= 0 ? toks[endAt].text.toLowerCase() : '';
  const speech = (w: string) => ctx.lex.speechVerbs.has(w) || ctx.lex.framingVerbs.has(w);
  if (speech(after)) return true;
  if (!(at > 0 && toks[at - 1].end >= party.start - 1 && speech(before))) return false;
  // "said the club had earned £1.3m": a verb after the name makes it the subject of what was said.
  return !SUBJECT_AUX.test(after) && (ctx.lang === 'en' ? EN_VERBS : DE_VERBS)[after] === undefined;
}

/**
 * When the deal verb and the amount stand in a relative clause whose pronoun is its subject
 * ("backed by Strivo, which is contributing £250,000", "von Strivo, das … 300.000 Euro
 * beisteuert"), the name right before the comma is the subject, whatever preposition it
 * carries in the main clause; the other parties are read from the relative clause alone.
 */
function relativeAntecedent(
  text: string,
  sentence: { start: number; end: number },
  toks: readonly Token[],
  verb: Token,
  amount: { start: number; end: number },
  parties: readonly Party[],
  ctx: PartyContext,
): Party[] | undefined {
  const comma = text.lastIndexOf(',', Math.min(verb.start, amount.start));
  if (comma < sentence.start) return undefined;
  const at = toks.findIndex((t) => t.start > comma);
  const pronoun = toks[at];
  if (!pronoun || pronoun.start > verb.start || !RELATIVE_SUBJECT[ctx.lang].has(pronoun.text.toLowerCase()))
    return undefined;
  // "…, den der Klub kaufte": an article right after the pronoun opens the clause's own subject.
  if (toks[at + 1] && ctx.lex.articles.has(toks[at + 1].text.toLowerCase())) return undefined;
  const nextComma = text.indexOf(',', Math.max(verb.end, amount.end));
  const clauseEnd = nextComma < 0 || nextComma > sentence.end ? sentence.end : nextComma;
  if (ctx.lang === 'de') {
    const tail = toks.filter((t) => t.start > verb.end && t.end <= clauseEnd);
    if (tail.length > 2 || tail.some((t) => !CLAUSE_FINAL_AUX.test(t.text))) return undefined;
  }
  const antecedent = parties.find((p) => /^\s*$/.test(text.slice(p.end, comma)));
  if (!antecedent) return undefined;
  return [
    { ...antecedent, before: '' },
    ...parties.filter((p) => p.start > pronoun.end && p.end <= clauseEnd),
  ];
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The last clause comma before `pos`, skipping the decimal comma of "3,5 Millionen". */
function commaBefore(text: string, from: number, pos: number): number {
  for (let i = pos - 1; i >= from; i--) {
    if (text.charCodeAt(i) === 44 && !(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))))
      return i;
  }
  return -1;
}

function commaAfter(text: string, pos: number, to: number): number {
  for (let i = pos; i < to; i++) {
    if (text.charCodeAt(i) === 44 && !(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))))
      return i;
  }
  return to;
}

interface Clause {
  /** The comma that opens the clause. */
  comma: number;
  end: number;
  /** The relative pronoun or subordinator, and its index in the sentence's tokens. */
  opener: Token;
  openerAt: number;
  /** A preposition before the relative pronoun ("für die", "to which"). */
  prep?: string;
  kind: 'relative' | 'subordinate';
}

/** The clause around `pos` that a comma and a relative pronoun or a subordinator open. */
function clauseAt(
  text: string,
  sentence: { start: number; end: number },
  toks: readonly Token[],
  pos: number,
  ctx: PartyContext,
): Clause | undefined {
  const comma = commaBefore(text, sentence.start, pos);
  if (comma < 0) return undefined;
  let at = toks.findIndex((t) => t.start > comma);
  const word = (k: number) => toks[k]?.text.toLowerCase() ?? '';
  let prep: string | undefined;
  if (REL_PREP[ctx.lang].has(word(at)) && REL_PRONOUN[ctx.lang].has(word(at + 1))) {
    prep = word(at);
    at++;
  }
  const kind = REL_PRONOUN[ctx.lang].has(word(at))
    ? 'relative'
    : SUBORDINATORS[ctx.lang].has(word(at))
      ? 'subordinate'
      : undefined;
  if (at < 0 || !kind || toks[at].start > pos) return undefined;
  return { comma, end: commaAfter(text, pos, sentence.end), opener: toks[at], openerAt: at, prep, kind };
}

/** Every relative clause of the sentence: a comma, perhaps a preposition, a relative pronoun. */
function relativeClauses(
  text: string,
  sentence: { start: number; end: number },
  toks: readonly Token[],
  ctx: PartyContext,
): { comma: number; end: number }[] {
  const out: { comma: number; end: number }[] = [];
  const word = (j: number) => toks[j]?.text.toLowerCase() ?? '';
  let k = 0;
  for (let c = text.indexOf(',', sentence.start); c >= 0 && c < sentence.end; c = text.indexOf(',', c + 1)) {
    if (isDigit(text.charCodeAt(c - 1)) && isDigit(text.charCodeAt(c + 1))) continue;
    while (k < toks.length && toks[k].start < c) k++;
    let at = k;
    if (REL_PREP[ctx.lang].has(word(at)) && REL_PRONOUN[ctx.lang].has(word(at + 1))) at++;
    if (!REL_PRONOUN[ctx.lang].has(word(at)) && !REL_GENITIVE[ctx.lang].has(word(at))) continue;
    out.push({ comma: c, end: commaAfter(text, toks[at].end, sentence.end) });
  }
  return out;
}

/** What the antecedent of "an den", "dem", "from which" is in the clause's deal. */
function antecedentRole(clause: Clause, lang: ArticleLanguage): string | undefined {
  const pronoun = clause.opener.text.toLowerCase();
  if (lang === 'de') {
    if (clause.prep === 'an' || clause.prep === 'von') return clause.prep;
    if (!clause.prep && (pronoun === 'dem' || pronoun === 'denen' || pronoun === 'welchem')) return 'dem';
    return undefined;
  }
  return clause.prep === 'to' || clause.prep === 'from' ? clause.prep : undefined;
}

/**
 * A relative or subordinate clause with its own subject ("…, für die der Klub N kassiert haben
 * soll", "…, dem die Borussia N überweist", "the fee, for which the club received £N", "dass
 * der Verein N überwiesen hat"): the deal is the clause's, so its parties are the clause's
 * subject and the parties inside it, plus the antecedent when the pronoun gives it a part
 * ("an den" / "to which" receives, "von dem" / "from which" is the other side, a dative
 * "dem" receives). A German clause ends in its verb; otherwise this is no such clause.
 */
function ownSubjectClause(
  text: string,
  sentence: { start: number; end: number },
  toks: readonly Token[],
  verb: Token,
  parties: readonly Party[],
  ctx: PartyContext,
): Party[] | undefined {
  const clause = clauseAt(text, sentence, toks, verb.start, ctx);
  if (!clause) return undefined;
  if (ctx.lang === 'de') {
    const tail = toks.filter((t) => t.start > verb.end && t.end <= clause.end);
    if (tail.length > 2 || tail.some((t) => !CLAUSE_FINAL_AUX.test(t.text))) return undefined;
  }
  const inside = parties.filter((p) => p.start >= clause.opener.start && p.end <= clause.end);
  // The subject right after the pronoun, or after its article ("an den der FC X …").
  let next = toks[clause.openerAt + 1];
  if (next && ctx.lex.articles.has(next.text.toLowerCase()) && !inside.some((p) => p.start === next!.start))
    next = toks[clause.openerAt + 2];
  const own = inside[0];
  // ", der Klub habe … erhalten": the "pronoun" is the article of the subject (a clause in
  // reported speech); otherwise the subject stands right after the pronoun or subordinator.
  const opensHere = own && own.start === clause.opener.start && !clause.prep && clause.kind === 'relative';
  if (!own || own.start > verb.start || !(opensHere || own.start === next?.start)) return undefined;
  if (
    OTHER_PREPOSITIONS.has(own.before) ||
    TO_PAYEE[ctx.lang].has(own.before) ||
    FROM[ctx.lang].has(own.before) ||
    TO_CLUB[ctx.lang].has(own.before) ||
    AGENT[ctx.lang].has(own.before)
  )
    return undefined;
  const role = clause.kind === 'relative' && !opensHere ? antecedentRole(clause, ctx.lang) : undefined;
  const antecedent = role
    ? parties.find((p) => p.end <= clause.comma && /^\s*$/.test(text.slice(p.end, clause.comma)))
    : undefined;
  return [
    { ...own, before: '' },
    ...inside.filter((p) => p !== own),
    ...(antecedent && role ? [{ ...antecedent, before: role }] : []),
  ];
}

/**
 * "Damals soll der Klub …", "Offenbar zahlt Nordwerk …": a single word before the finite verb
 * whose subject follows right after the verb is an adverb, capitalised only by its place.
 */
function withoutOpeningAdverb(toks: readonly Token[], parties: Party[], ctx: PartyContext): Party[] {
  const [first, second] = parties;
  const [w0, verb, after, afterArticle] = toks;
  if (
    ctx.lang !== 'de' ||
    !ctx.entities.isEmpty ||
    !second ||
    !after ||
    first.start !== w0.start ||
    first.end !== w0.end
  )
    return parties;
  if (CLUB_PREFIX.test(first.text) || CLUB_NICKNAMES.has(first.text)) return parties;
  if (!SUBJECT_AUX.test(verb.text) && DE_VERBS[verb.text] === undefined) return parties;
  const subjectNext =
    second.start === after.start ||
    (ctx.lex.articles.has(after.text.toLowerCase()) && second.start === afterArticle?.start);
  // "der Liga" may be a dative; "der Klub" is not.
  const nominative =
    second.before === '' ||
    second.before === 'die' ||
    second.before === 'das' ||
    (second.before === 'der' && second.generic === true);
  return subjectNext && nominative ? parties.slice(1) : parties;
}

interface PartySpans {
  payer?: Party;
  payee?: Party;
}

/**
 * Who pays whom for an amount, read from the deal verb of its sentence: the subject of
 * "zahlen/pay" pays, "an X"/"to X" or a German dative receives; "kassieren/receive" turns it
 * round; "wechselt von X zu Y" makes Y the payer.
 */
export function dealParties(
  text: string,
  sentence: { start: number; end: number },
  amount: { start: number; end: number },
  quotes: readonly QuoteSpan[],
  ctx: PartyContext,
): { payer?: string; payee?: string } {
  const { payer, payee } = dealPartySpans(text, sentence, amount, quotes, ctx);
  return { payer: payer?.text, payee: payee?.text };
}

/** `dealParties` with where each party stands and whether it is a generic club reference. */
export function dealPartySpans(
  text: string,
  sentence: { start: number; end: number },
  amount: { start: number; end: number },
  quotes: readonly QuoteSpan[],
  ctx: PartyContext,
): PartySpans {
  const verbs = ctx.lang === 'de' ? DE_VERBS : EN_VERBS;
  const toks = wordsOutside(text, sentence.start, sentence.end, quotes);
  // With two deal verbs ("…, für den der Klub 400.000 Euro bezahlt hatte, kassiert X …") the
  // one nearest the amount is the amount's own.
  const dealVerbs = toks.filter(
    (t, i) =>
      verbs[t.text.toLowerCase()] !== undefined &&
      t.text[0] === t.text[0].toLowerCase() &&
      !isOfferNoun(toks, i, ctx.lang) &&
      !signsContract(toks, i, ctx.lang),
  );
  const distance = (t: Token) => (t.end <= amount.start ? amount.start - t.end : t.start - amount.end);
  const verb = dealVerbs.reduce<Token | undefined>(
    (best, t) => (!best || distance(t) < distance(best) ? t : best),
    undefined,
  );
  if (!verb) return {};
  const role = verbs[verb.text.toLowerCase()];
  // "Tjaden, für den Wendeburg ein Angebot über zwei Millionen Euro abgelehnt hatte, erhält …":
  // an amount in a relative clause without a deal verb is no part of the main clause's deal.
  const amountClause = clauseAt(text, sentence, toks, amount.start, ctx);
  if (
    amountClause?.kind === 'relative' &&
    // ", der Klub habe …" (no preposition, a name next) is reported speech, not a relative clause.
    (amountClause.prep !== undefined || !/^\p{Lu}/u.test(toks[amountClause.openerAt + 1]?.text ?? '')) &&
    (verb.start < amountClause.comma || verb.start > amountClause.end)
  )
    return {};
  let parties = candidates(text, sentence.start, sentence.end, quotes, ctx).filter(
    (p) => p.end <= amount.start || p.start >= amount.end,
  );
  // "Die Fußballerinnen des FC X bekommen einen Ausrüster: Varko zahlt …": a colon before the
  // deal closes off what stands in front of it.
  const colon = text.lastIndexOf(':', Math.min(verb.start, amount.start));
  if (colon >= sentence.start && !inQuote(quotes, colon)) parties = parties.filter((p) => p.start > colon);
  // "Varga, whose wages the club will cover, earned …": a relative clause without the deal
  // verb holds none of its parties.
  const clauses = relativeClauses(text, sentence, toks, ctx);
  const holds = (c: { comma: number; end: number }, pos: number) => pos > c.comma && pos < c.end;
  for (const c of clauses)
    if (!holds(c, verb.start)) parties = parties.filter((p) => !(p.start > c.comma && p.end <= c.end));
  // "Der Klub, der … Sponsorengeld erhielt, hatte 40.000 Euro bekommen": the other deal verb
  // is in a relative clause of its own, which is enough.
  const othersApart = dealVerbs.every(
    (v) => v === verb || clauses.some((c) => holds(c, v.start) && !holds(c, verb.start)),
  );
  if (dealVerbs.length > 1 && !othersApart) {
    // Two deals in one sentence: the parties stand in the clause of the amount and its verb.
    const from = Math.min(amount.start, verb.start);
    const to = Math.max(amount.end, verb.end);
    const before = text.lastIndexOf(',', from);
    const afterComma = text.indexOf(',', to);
    const lo = Math.max(sentence.start, before + 1);
    const hi = afterComma < 0 ? sentence.end : Math.min(sentence.end, afterComma);
    parties = parties.filter((p) => p.start >= lo && p.end <= hi);
  }
  // "…, Almental said in a statement", "sagte Sauter": whoever speaks is not thereby a party.
  parties = parties.filter((p) => !isSpeaker(toks, p, ctx));
  parties = withoutOpeningAdverb(toks, parties, ctx);
  const own = role === 'move' ? undefined : ownSubjectClause(text, sentence, toks, verb, parties, ctx);
  const relative =
    own ??
    (role === 'move' ? undefined : relativeAntecedent(text, sentence, toks, verb, amount, parties, ctx));
  if (relative) parties = relative;
  if (parties.length === 0) return {};
  const lang = ctx.lang;
  // Passive: "wird vom FC X an den Y überwiesen", "was paid by X to Y": the agent pays.
  const verbAt = toks.indexOf(verb);
  const passive =
    role === 'pay' &&
    PARTICIPLE[lang].test(verb.text) &&
    (lang === 'de'
      ? // The auxiliary opens the clause and the participle ends it ("wird vom FC X in drei Raten an den Y gezahlt").
        toks
          .slice(Math.max(0, verbAt - 16), verbAt)
          .some(
            (t) =>
              PASSIVE_AUX.de.has(t.text.toLowerCase()) &&
              t.start > commaBefore(text, sentence.start, verb.start),
          )
      : englishPassive(toks, verbAt));
  if (passive) {
    const agent = parties.find((p) => AGENT[lang].has(p.before));
    const to = parties.find((p) => TO_PAYEE[lang].has(p.before) || (lang === 'de' && p.before === 'den'));
    if (agent || to) return { payer: agent, payee: to };
    // "Duarte is said to have been paid £2m": the subject of a passive "paid" receives.
    const subjectBefore = parties.find((p) => p.end <= verb.start && !OTHER_PREPOSITIONS.has(p.before));
    if (lang === 'en' && subjectBefore) return { payee: subjectBefore };
  }
  const toParty = parties.find(
    (p) => TO_PAYEE[lang].has(p.before) || (lang === 'de' && DATIVE.has(p.before)),
  );
  const fromParty = parties.find((p) => FROM[lang].has(p.before));
  const clubTo = parties.find((p) => TO_CLUB[lang].has(p.before));
  const free = parties
    .filter((p) => !OTHER_PREPOSITIONS.has(p.before))
    .filter(
      (p) =>
        !TO_PAYEE[lang].has(p.before) &&
        !FROM[lang].has(p.before) &&
        !TO_CLUB[lang].has(p.before) &&
        !DATIVE.has(p.before) &&
        p.before !== 'für' &&
        p.before !== 'for',
    );
  // English: the free name nearest before the verb ("the Gazette says Brehm earned"). German
  // puts the subject first or right after the finite verb, and the deal verb often last
  // ("soll X dem Y 120.000 Euro überwiesen haben"), so the first free name is taken.
  const subject = lang === 'de' ? free[0] : ([...free].reverse().find((p) => p.end <= verb.start) ?? free[0]);
  switch (role) {
    case 'pay': {
      // "Rotheide kauft Brehm von Almental": the seller is paid, not the player.
      const payee = toParty ?? fromParty;
      let payer: Party | undefined = subject;
      if (lang === 'en' && !toParty && subject) {
        // "Strivo paid Rotheide €7m": the first name after the verb is the payee.
        const after = parties.find((p) => p.start > verb.end && p !== subject && p.end <= amount.start);
        if (after && subject.start < verb.start) return { payer: subject, payee: fromParty ?? after };
      }
      if (payer && payee && payer === payee) payer = undefined;
      return { payer, payee };
    }
    case 'receive':
      return { payee: subject, payer: fromParty ?? toParty };
    case 'sell':
      return { payee: subject, payer: toParty ?? clubTo };
    case 'move':
      return { payer: clubTo, payee: fromParty };
    case 'cost': {
      // "Parr had cost the club £600,000 when he arrived from Kestrel FC".
      const payer = parties.find(
        (p) =>
          p.start > verb.end &&
          p.end <= amount.start &&
          !FROM[lang].has(p.before) &&
          !OTHER_PREPOSITIONS.has(p.before),
      );
      return { payer, payee: fromParty };
    }
  }
}
