import type { ArticleLanguage } from '../domain/articles';
import { parseNumberWord } from '../language/numberWords';
import type { EntityIndex } from './entities';
import type { Lexicon } from './lexicon';
import { inQuote } from './people';
import type { QuoteSpan } from './quote-marks';
import { isRoleWord } from '../language/roles';
import { wordsOutside, type Token } from './tokens';

type VerbRole = 'pay' | 'receive' | 'sell' | 'move';

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

const CLUB_PREFIX =
  /^(?:SV|FC|TSV|VfB|VfL|SC|SpVgg|FSV|TuS|SG|SSV|BSC|Borussia|Eintracht|Union|Fortuna|Dynamo|Rot-Weiß|Blau-Weiß|Hertha|Viktoria|Alemannia|Rapid|Sporting|Real|Athletic|AFC|AC|AS|US|FK|SK|KV|Young|Racing)$/;
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
  /^(?:haben|hat|habe|hatte|hatten|soll|sollen|will|wollen|wird|werden|würde|würden|könnte|kann|dürfte|sein|ist)$/;
// Only the definite club itself, not "der Verein aus Übersee" or a named club.
const CLUB_NOUNS = new Set(['klub', 'verein', 'club']);
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
  return k >= 0 ? toks[k].text.toLowerCase() : '';
}

function candidates(
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
    const club = CLUB_PREFIX.test(t.text) || /^\d\.$/.test(text.slice(t.start - 3, t.start - 1).trim());
    // In German every noun is capitalised; after an article it is a noun unless it starts a club name.
    if (ctx.lang === 'de' && ctx.lex.articles.has(prevLower) && !club) continue;
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
    if (club && j === i + 1) continue;
    out.push({ text: text.slice(t.start, toks[j - 1].end), start: t.start, end: toks[j - 1].end, before });
    i = j - 1;
  }
  return out;
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
  return speech(after) || (speech(before) && at > 0 && toks[at - 1].end >= party.start - 1);
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

/**
 * "Der Klub investiert …", "The club will spend …": a sentence that opens with the club as
 * subject of the deal verb names it only so; the party is reported as written.
 */
function clubSubject(
  text: string,
  toks: readonly Token[],
  verb: Token,
  ctx: PartyContext,
): Party | undefined {
  const [article, noun] = toks;
  if (!noun || !ctx.lex.articles.has(article.text.toLowerCase()) || !CLUB_NOUNS.has(noun.text.toLowerCase()))
    return undefined;
  const verbAt = toks.indexOf(verb);
  const between = toks.slice(2, verbAt);
  if (verbAt < 2 || between.length > 1 || between.some((t) => !SUBJECT_AUX.test(t.text.toLowerCase())))
    return undefined;
  return { text: text.slice(article.start, noun.end), start: article.start, end: noun.end, before: '' };
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
  let parties = candidates(text, sentence.start, sentence.end, quotes, ctx).filter(
    (p) => p.end <= amount.start || p.start >= amount.end,
  );
  if (dealVerbs.length > 1) {
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
  const relative =
    role === 'move' ? undefined : relativeAntecedent(text, sentence, toks, verb, amount, parties, ctx);
  if (relative) parties = relative;
  else {
    const club = clubSubject(text, toks, verb, ctx);
    if (club && !parties.some((p) => p.end <= verb.start && !OTHER_PREPOSITIONS.has(p.before)))
      parties = [club, ...parties.filter((p) => p.start > verb.end)];
  }
  if (parties.length === 0) return {};
  const lang = ctx.lang;
  // Passive: "wird vom FC X an den Y überwiesen", "was paid by X to Y": the agent pays.
  const verbAt = toks.indexOf(verb);
  const passive =
    role === 'pay' &&
    PARTICIPLE[lang].test(verb.text) &&
    (lang === 'de'
      ? toks.slice(Math.max(0, verbAt - 8), verbAt).some((t) => PASSIVE_AUX.de.has(t.text.toLowerCase()))
      : englishPassive(toks, verbAt));
  if (passive) {
    const agent = parties.find((p) => AGENT[lang].has(p.before));
    const to = parties.find((p) => TO_PAYEE[lang].has(p.before) || (lang === 'de' && p.before === 'den'));
    if (agent || to) return { payer: agent?.text, payee: to?.text };
    // "Duarte is said to have been paid £2m": the subject of a passive "paid" receives.
    const subjectBefore = parties.find((p) => p.end <= verb.start && !OTHER_PREPOSITIONS.has(p.before));
    if (lang === 'en' && subjectBefore) return { payee: subjectBefore.text };
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
        if (after && subject.start < verb.start)
          return { payer: subject.text, payee: (fromParty ?? after).text };
      }
      if (payer && payee && payer === payee) payer = undefined;
      return { payer: payer?.text, payee: payee?.text };
    }
    case 'receive':
      return { payee: subject?.text, payer: (fromParty ?? toParty)?.text };
    case 'sell':
      return { payee: subject?.text, payer: (toParty ?? clubTo)?.text };
    case 'move':
      return { payer: clubTo?.text, payee: fromParty?.text };
  }
}
