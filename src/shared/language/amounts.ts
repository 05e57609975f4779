// Finds money amounts in German and English news text, written with digits
// ("7,5 Mio. Euro", "€7.5m", "5.000.000 €") or words ("sieben Millionen Euro",
// "twenty-two million", "eine halbe Million"), together with the hedge words
// that set their precision ("rund", "mindestens", "up to", "zwischen … und …").
//
// The scanner works on tokens rather than one big regular expression because the
// parts of an amount (modifier, currency, number, scale, currency) combine in many
// orders and each part has its own spelling rules.

import {
  DE_ARTICLE_FORMS,
  isEnglishNumberWord,
  parseEnglishNumberWords,
  parseGermanNumberWord,
  type NumberLanguage,
} from './numberWords';

export { parseNumberWord } from './numberWords';

export type TextLanguage = NumberLanguage;
export type AmountPrecisionInText = 'exact' | 'approximately' | 'at_least' | 'at_most' | 'range';

export interface ParsedAmount {
  /** The amount as written, including a leading hedge word such as "rund". */
  text: string;
  start: number;
  end: number;
  /** Major units (7000000 for "7 Mio."); for a range, the lower bound. */
  value: number;
  /** Set for "range" and "at_least". */
  min?: number;
  /** Set for "range" and "at_most". */
  max?: number;
  /** ISO 4217 code, or null when the text names no currency ("rund zwölf Millionen"). */
  currency: string | null;
  precision: AmountPrecisionInText;
}

type TokenKind = 'num' | 'word' | 'sym' | 'punct';

interface Token {
  kind: TokenKind;
  text: string;
  lower: string;
  start: number;
  end: number;
}

// Digit groups may be joined by . , ' or narrow/no-break spaces (never a plain space:
// "2024 7 Mio." must stay two numbers).
const TOKEN_RE = /(\d+(?:[.,'\u00a0\u202f\u2009]\d+)*)|(\p{L}+)|([€£$])|(\S)/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const kind: TokenKind = m[1] ? 'num' : m[2] ? 'word' : m[3] ? 'sym' : 'punct';
    const start = m.index ?? 0;
    tokens.push({ kind, text: m[0], lower: m[0].toLowerCase(), start, end: start + m[0].length });
  }
  return tokens;
}

const CURRENCY_WORD_STARTS = new Set([
  '€',
  '£',
  '$',
  'euro',
  'euros',
  'eur',
  'pfund',
  'pound',
  'pounds',
  'dollar',
  'dollars',
  'franken',
  'francs',
  'chf',
  'usd',
  'gbp',
]);

/**
 * Joins "800 000 Euro" into one number token. Plain spaces are accepted as
 * thousands separators only between a 1–3 digit head and 3-digit groups, and only
 * right before a currency or scale word, so "2023 12 Millionen" stays two numbers.
 */
function mergeSpaceGroupedNumbers(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const head = tokens[i];
    let j = i;
    if (head.kind === 'num' && /^\d{1,3}$/.test(head.text)) {
      while (
        tokens[j + 1]?.kind === 'num' &&
        /^\d{3}(?:,\d{1,2})?$/.test(tokens[j + 1].text) &&
        text.slice(tokens[j].end, tokens[j + 1].start) === ' ' &&
        !tokens[j].text.includes(',')
      ) {
        j++;
      }
    }
    const after = tokens[j + 1];
    const moneyFollows = () =>
      after !== undefined && (CURRENCY_WORD_STARTS.has(after.lower) || after.lower in SCALE_WORDS);
    if (j > i && moneyFollows()) {
      const end = tokens[j].end;
      out.push({
        kind: 'num',
        text: text.slice(head.start, end),
        lower: text.slice(head.start, end),
        start: head.start,
        end,
      });
      i = j;
    } else {
      out.push(head);
    }
  }
  return out;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function isGroupedInteger(s: string, sep: string): boolean {
  const parts = s.split(sep);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/**
 * Reads a number written with digits. The separator convention follows `lang`
 * ("1.250" is 1250 in German, 1.25 in English); without a language a single
 * separator followed by exactly three digits is taken as a thousands separator.
 * Returns null for shapes that are not one number, such as dates ("1.5.2024").
 */
export function parseDigitNumber(s: string, lang?: TextLanguage): number | null {
  if (/^0\d/.test(s)) return null;
  if (/[ \u00a0\u202f\u2009']/.test(s)) {
    const m = /^(\d{1,3}(?:[ \u00a0\u202f\u2009']\d{3})+)(?:[.,](\d+))?$/.exec(s);
    if (!m) return null;
    return Number(m[1].replace(/\D/g, '') + (m[2] ? `.${m[2]}` : ''));
  }
  const dots = countOf(s, '.');
  const commas = countOf(s, ',');
  if (dots === 0 && commas === 0) return /^\d+$/.test(s) ? Number(s) : null;
  if (dots > 0 && commas > 0) {
    const decimalSep = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    if (countOf(s, decimalSep) !== 1) return null;
    const [whole, fraction] = s.split(decimalSep);
    if (!isGroupedInteger(whole, groupSep)) return null;
    return Number(`${whole.split(groupSep).join('')}.${fraction}`);
  }
  const sep = dots > 0 ? '.' : ',';
  const parts = s.split(sep);
  if (parts.length > 2) return isGroupedInteger(s, sep) ? Number(parts.join('')) : null;
  const [a, b] = parts;
  const looksGrouped = b.length === 3 && a.length <= 3;
  const groupsInThisLanguage = sep === '.' ? lang !== 'en' : lang !== 'de';
  return looksGrouped && groupsInThisLanguage ? Number(a + b) : Number(`${a}.${b}`);
}

interface ScaleWord {
  factor: number;
  /** Short forms ("m", "bn", "k") that only mean money next to a currency ("7m" may be metres). */
  needsCurrency: boolean;
  /** Single letters must touch the number ("€7m", not "€7 m"). */
  attachedOnly?: boolean;
  /** Abbreviations that are usually written with a dot ("Mio.", "Mrd."). */
  takesDot?: boolean;
}

const SCALE_WORDS: Record<string, ScaleWord> = {
  million: { factor: 1e6, needsCurrency: false },
  millionen: { factor: 1e6, needsCurrency: false },
  millions: { factor: 1e6, needsCurrency: false },
  mio: { factor: 1e6, needsCurrency: false, takesDot: true },
  mill: { factor: 1e6, needsCurrency: false, takesDot: true },
  mln: { factor: 1e6, needsCurrency: false, takesDot: true },
  mn: { factor: 1e6, needsCurrency: true },
  m: { factor: 1e6, needsCurrency: true, attachedOnly: true },
  milliarde: { factor: 1e9, needsCurrency: false },
  milliarden: { factor: 1e9, needsCurrency: false },
  mrd: { factor: 1e9, needsCurrency: false, takesDot: true },
  mia: { factor: 1e9, needsCurrency: false, takesDot: true },
  billion: { factor: 1e9, needsCurrency: false },
  billions: { factor: 1e9, needsCurrency: false },
  billionen: { factor: 1e12, needsCurrency: false },
  bn: { factor: 1e9, needsCurrency: true },
  b: { factor: 1e9, needsCurrency: true, attachedOnly: true },
  tausend: { factor: 1e3, needsCurrency: true },
  thousand: { factor: 1e3, needsCurrency: true },
  tsd: { factor: 1e3, needsCurrency: true, takesDot: true },
  k: { factor: 1e3, needsCurrency: true, attachedOnly: true },
};

const PREFIX_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', $: 'USD' };
const PREFIX_CODES = new Set(['EUR', 'GBP', 'USD', 'CHF']);

// Longest first, so "Schweizer Franken" wins over "Franken".
const SUFFIX_CURRENCIES: Array<[string[], string]> = (
  [
    [['schweizer', 'franken'], 'CHF'],
    [['swiss', 'francs'], 'CHF'],
    [['swiss', 'franc'], 'CHF'],
    [['pfund', 'sterling'], 'GBP'],
    [['us', '-', 'dollar'], 'USD'],
    [['us', '-', 'dollars'], 'USD'],
    [['us', 'dollar'], 'USD'],
    [['us', 'dollars'], 'USD'],
    [['fr', '.'], 'CHF'],
    [['euro'], 'EUR'],
    [['euros'], 'EUR'],
    [['eur'], 'EUR'],
    [['pfund'], 'GBP'],
    [['pound'], 'GBP'],
    [['pounds'], 'GBP'],
    [['gbp'], 'GBP'],
    [['sterling'], 'GBP'],
    [['dollar'], 'USD'],
    [['dollars'], 'USD'],
    [['usd'], 'USD'],
    [['franken'], 'CHF'],
    [['francs'], 'CHF'],
    [['franc'], 'CHF'],
    [['chf'], 'CHF'],
    [['€'], 'EUR'],
    [['£'], 'GBP'],
    [['$'], 'USD'],
  ] as Array<[string[], string]>
).sort((a, b) => b[0].length - a[0].length);

type Hedged = 'approximately' | 'at_least' | 'at_most';

const MODIFIERS: Array<[string[], Hedged]> = (
  [
    [['knapp', 'über'], 'approximately'],
    [['knapp', 'unter'], 'approximately'],
    [['just', 'over'], 'approximately'],
    [['just', 'under'], 'approximately'],
    [['gut', 'und', 'gerne'], 'approximately'],
    [['an', 'die'], 'approximately'],
    [['um', 'die'], 'approximately'],
    [['close', 'to'], 'approximately'],
    [['an', 'estimated'], 'approximately'],
    [['ca', '.'], 'approximately'],
    [['approx', '.'], 'approximately'],
    [['rund'], 'approximately'],
    [['etwa'], 'approximately'],
    [['knapp'], 'approximately'],
    [['circa'], 'approximately'],
    [['zirka'], 'approximately'],
    [['gut'], 'approximately'],
    [['gute'], 'approximately'],
    [['ungefähr'], 'approximately'],
    [['annähernd'], 'approximately'],
    [['nahezu'], 'approximately'],
    [['fast'], 'approximately'],
    [['beinahe'], 'approximately'],
    [['geschätzt'], 'approximately'],
    [['geschätzte'], 'approximately'],
    [['geschätzten'], 'approximately'],
    [['about'], 'approximately'],
    [['around'], 'approximately'],
    [['roughly'], 'approximately'],
    [['nearly'], 'approximately'],
    [['almost'], 'approximately'],
    [['approximately'], 'approximately'],
    [['approx'], 'approximately'],
    [['some'], 'approximately'],
    [['estimated'], 'approximately'],
    [['nicht', 'weniger', 'als'], 'at_least'],
    [['no', 'less', 'than'], 'at_least'],
    [['in', 'excess', 'of'], 'at_least'],
    [['mehr', 'als'], 'at_least'],
    [['more', 'than'], 'at_least'],
    [['at', 'least'], 'at_least'],
    [['upwards', 'of'], 'at_least'],
    [['north', 'of'], 'at_least'],
    [['mindestens'], 'at_least'],
    [['wenigstens'], 'at_least'],
    [['über'], 'at_least'],
    [['ueber'], 'at_least'],
    [['over'], 'at_least'],
    [['nicht', 'mehr', 'als'], 'at_most'],
    [['no', 'more', 'than'], 'at_most'],
    [['bis', 'zu'], 'at_most'],
    [['weniger', 'als'], 'at_most'],
    [['up', 'to'], 'at_most'],
    [['at', 'most'], 'at_most'],
    [['less', 'than'], 'at_most'],
    [['höchstens'], 'at_most'],
    [['maximal'], 'at_most'],
    [['unter'], 'at_most'],
    [['under'], 'at_most'],
  ] as Array<[string[], Hedged]>
).sort((a, b) => b[0].length - a[0].length);

// The scanner tries every token as the start of an amount; phrases are looked up by their
// first word, in the same order as the lists, so most tokens cost one map lookup.
const byFirstWord = <T>(list: Array<[string[], T]>) => {
  const map = new Map<string, Array<[string[], T]>>();
  for (const entry of list) map.set(entry[0][0], [...(map.get(entry[0][0]) ?? []), entry]);
  return map;
};
const MODIFIERS_BY_FIRST = byFirstWord(MODIFIERS);
const SUFFIX_CURRENCIES_BY_FIRST = byFirstWord(SUFFIX_CURRENCIES);

/** Words that open an explicit range and the word that must join its two ends. */
const RANGE_OPENERS = new Map([
  ['zwischen', 'und'],
  ['between', 'and'],
  ['von', 'bis'],
  ['from', 'to'],
]);

// Every word of a window is tried as a German number word; the answers repeat.
const germanNumberMemo = new Map<string, number | null>();
function germanNumber(word: string): number | null {
  let v = germanNumberMemo.get(word);
  if (v === undefined) {
    v = parseGermanNumberWord(word);
    if (germanNumberMemo.size > 20000) germanNumberMemo.clear();
    germanNumberMemo.set(word, v);
  }
  return v;
}
const RANGE_JOINERS = new Set(['bis', 'to', '-', '–', '—']);

// After a scale word without currency, these nouns still mean money ("zwölf Millionen Ablöse").
const MONEY_NOUNS = new Set([
  'ablöse',
  'ablösesumme',
  'gehalt',
  'jahresgehalt',
  'handgeld',
  'prämie',
  'prämien',
  'gage',
  'honorar',
  'provision',
  'umsatz',
  'gewinn',
  'verlust',
  'schulden',
  'etat',
  'budget',
  'fee',
  'salary',
  'wage',
  'wages',
  'bonus',
  'debt',
  'debts',
  'loss',
  'profit',
  'revenue',
  'budget',
]);

// Nouns that make a scaled number a head count, not money ("zwölf Millionen Zuschauer").
const COUNT_NOUNS = new Set([
  'zuschauer',
  'fans',
  'mitglieder',
  'menschen',
  'einwohner',
  'follower',
  'abonnenten',
  'nutzer',
  'klicks',
  'views',
  'viewers',
  'people',
  'followers',
  'members',
  'subscribers',
  'users',
  'clicks',
  'households',
  'tickets',
  'spectators',
  'downloads',
  'streams',
]);

// Short English words ending in "s" that are not plural nouns.
const NOT_PLURAL = new Set([
  'this',
  'plus',
  'across',
  'towards',
  'unless',
  'perhaps',
  'always',
  'thus',
  'goes',
  'does',
  'pays',
  'gets',
  'makes',
  'takes',
  'brings',
  'means',
  'costs',
  'rises',
  'falls',
  'was',
  'has',
  'its',
  'his',
  'hers',
  'ours',
  'yours',
]);

const ENGLISH_NUMBER_GLUE = new Set(['and', 'a', 'an', 'half']);

interface NumberMatch {
  value: number;
  next: number;
  fromWords: boolean;
  /** "eine"/"a"/"half" stand for a number only before a scale word. */
  needsScale: boolean;
}

interface Quantity {
  first: number;
  next: number;
  raw: number;
  scale: ScaleWord | null;
  currency: string | null;
}

interface Candidate {
  first: number;
  next: number;
  value: number;
  min?: number;
  max?: number;
  currency: string | null;
  precision: AmountPrecisionInText;
  moneyByScale: boolean;
}

class AmountScanner {
  private readonly tokens: Token[];

  constructor(
    private readonly text: string,
    private readonly lang: TextLanguage | undefined,
  ) {
    this.tokens = mergeSpaceGroupedNumbers(text, tokenize(text));
  }

  scan(): ParsedAmount[] {
    const found: ParsedAmount[] = [];
    let i = 0;
    while (i < this.tokens.length) {
      const c = this.amountAt(i);
      if (c) {
        const start = this.tokens[c.first].start;
        const end = this.tokens[c.next - 1].end;
        const amount: ParsedAmount = {
          text: this.text.slice(start, end),
          start,
          end,
          value: c.value,
          currency: c.currency,
          precision: c.precision,
        };
        if (c.min !== undefined) amount.min = c.min;
        if (c.max !== undefined) amount.max = c.max;
        found.push(amount);
        i = c.next;
      } else {
        i++;
      }
    }
    return found;
  }

  private gapBefore(k: number): string {
    if (k <= 0 || k >= this.tokens.length) return '';
    return this.text.slice(this.tokens[k - 1].end, this.tokens[k].start);
  }

  private spaced(k: number): boolean {
    return /^\s*$/.test(this.gapBefore(k));
  }

  /** A hyphen glued to both neighbours, as in "Sieben-Millionen-Euro". */
  private hyphenBridgeAt(k: number): boolean {
    const t = this.tokens[k];
    return (
      t !== undefined &&
      t.text === '-' &&
      this.gapBefore(k) === '' &&
      k + 1 < this.tokens.length &&
      this.gapBefore(k + 1) === ''
    );
  }

  /** Index of the next token if the phrase matches at k, else -1. */
  private phraseAt(k: number, phrase: readonly string[]): number {
    for (let p = 0; p < phrase.length; p++) {
      const t = this.tokens[k + p];
      if (!t || t.lower !== phrase[p]) return -1;
      if (p > 0) {
        const glued = phrase[p] === '.' || phrase[p] === '-' || phrase[p - 1] === '-';
        const gap = this.gapBefore(k + p);
        if (glued ? gap !== '' : !/^\s+$/.test(gap)) return -1;
      }
    }
    return k + phrase.length;
  }

  private currencyPrefixAt(k: number): { currency: string; next: number } | null {
    const t = this.tokens[k];
    if (!t) return null;
    if (t.kind === 'sym') return { currency: PREFIX_SYMBOLS[t.text], next: k + 1 };
    if (
      t.kind === 'word' &&
      t.text === 'US' &&
      this.tokens[k + 1]?.text === '$' &&
      this.gapBefore(k + 1) === ''
    ) {
      return { currency: 'USD', next: k + 2 };
    }
    if (t.kind === 'word' && PREFIX_CODES.has(t.text)) return { currency: t.text, next: k + 1 };
    return null;
  }

  private currencySuffixAt(k: number): { currency: string; next: number } | null {
    let at = k;
    if (this.hyphenBridgeAt(at)) at++;
    else if (!this.spaced(at)) return null;
    for (const [phrase, currency] of SUFFIX_CURRENCIES_BY_FIRST.get(this.tokens[at]?.lower ?? '') ?? []) {
      const next = this.phraseAt(at, phrase);
      if (next >= 0) return { currency, next };
    }
    return null;
  }

  private scaleAt(k: number): { scale: ScaleWord; next: number } | null {
    let at = k;
    const bridged = this.hyphenBridgeAt(at);
    if (bridged) at++;
    const t = this.tokens[at];
    if (!t || t.kind !== 'word') return null;
    const gap = this.gapBefore(at);
    if (!bridged && !/^\s*$/.test(gap)) return null;
    let scale = SCALE_WORDS[t.lower];
    if (!scale) return null;
    if (scale.attachedOnly && gap !== '') return null;
    // German "Billion" is a million millions.
    if (t.lower === 'billion' && this.lang === 'de') scale = { ...scale, factor: 1e12 };
    let next = at + 1;
    if (scale.takesDot && this.tokens[next]?.text === '.' && this.gapBefore(next) === '') next++;
    return { scale, next };
  }

  /** Consecutive tokens that may belong to an English number, joined by spaces or glued hyphens. */
  private englishWordsAt(k: number): { words: string[]; index: number[] } {
    const words: string[] = [];
    const index: number[] = [];
    let at = k;
    while (at < this.tokens.length && words.length < 12) {
      const t = this.tokens[at];
      const joinable = isEnglishNumberWord(t.lower) || ENGLISH_NUMBER_GLUE.has(t.lower);
      if (t.kind !== 'word' || !joinable) break;
      words.push(t.lower);
      index.push(at);
      if (this.hyphenBridgeAt(at + 1)) at += 2;
      else if (/^\s+$/.test(this.gapBefore(at + 1))) at += 1;
      else break;
    }
    return { words, index };
  }

  private numberAt(k: number, wordsOnly = false): NumberMatch | null {
    const t = this.tokens[k];
    if (!t) return null;
    if (t.kind === 'num') {
      if (wordsOnly) return null;
      const value = parseDigitNumber(t.text, this.lang);
      return value === null ? null : { value, next: k + 1, fromWords: false, needsScale: false };
    }
    if (t.kind !== 'word') return null;

    const nextWord = this.tokens[k + 1];
    if (
      DE_ARTICLE_FORMS.has(t.lower) &&
      nextWord?.kind === 'word' &&
      /^halbe[nrs]?$/.test(nextWord.lower) &&
      this.spaced(k + 1)
    ) {
      return { value: 0.5, next: k + 2, fromWords: true, needsScale: true };
    }

    const { words, index } = this.englishWordsAt(k);
    const en = words.length > 0 ? parseEnglishNumberWords(words) : null;
    const deValue = germanNumber(t.text);
    if (en && (deValue === null || en.used > 1)) {
      return { value: en.value, next: index[en.used - 1] + 1, fromWords: true, needsScale: en.needsScale };
    }
    if (deValue !== null) {
      return {
        value: deValue,
        next: k + 1,
        fromWords: true,
        needsScale: deValue < 1 || DE_ARTICLE_FORMS.has(t.lower),
      };
    }
    return null;
  }

  private quantityAt(k: number): Quantity | null {
    let at = k;
    let currency: string | null = null;
    const prefix = this.currencyPrefixAt(at);
    if (prefix) {
      currency = prefix.currency;
      at = prefix.next;
      if (!this.spaced(at)) return null;
    }
    const num = this.numberAt(at);
    if (!num) return null;
    let raw = num.value;
    at = num.next;

    let scale: ScaleWord | null = null;
    const sc = this.scaleAt(at);
    if (sc) {
      scale = sc.scale;
      at = sc.next;
      // "zwei Millionen fünfhunderttausend Euro": only round remainders, so that a
      // following count ("zwei Millionen zwei Spieler") is never swallowed.
      if (num.fromWords && this.spaced(at)) {
        const extra = this.numberAt(at, true);
        if (extra && !extra.needsScale && extra.value >= 1000 && extra.value < scale.factor) {
          raw += extra.value / scale.factor;
          at = extra.next;
        }
      }
    } else if (num.needsScale) {
      return null;
    }

    if (!currency) {
      const suffix = this.currencySuffixAt(at);
      if (suffix) {
        currency = suffix.currency;
        at = suffix.next;
      }
    }
    return { first: k, next: at, raw, scale, currency };
  }

  private modifierAt(k: number): { precision: Hedged; next: number } | null {
    for (const [phrase, precision] of MODIFIERS_BY_FIRST.get(this.tokens[k]?.lower ?? '') ?? []) {
      const next = this.phraseAt(k, phrase);
      if (next >= 0 && next < this.tokens.length && /^\s+$/.test(this.gapBefore(next)))
        return { precision, next };
    }
    return null;
  }

  private valueOf(q: Quantity, scale: ScaleWord | null): number {
    return Math.round(q.raw * (scale?.factor ?? 1) * 100) / 100;
  }

  /** Joins two quantities into a range, letting the second lend its scale and currency to the first. */
  private rangeOf(first: number, q1: Quantity, q2: Quantity): Candidate | null {
    if (!q2.scale && !q2.currency) return null;
    if (q1.currency && q2.currency && q1.currency !== q2.currency) return null;
    const scale1 = q1.scale ?? (q2.scale && q1.raw <= q2.raw ? q2.scale : null);
    const scale2 = q2.scale ?? q1.scale;
    const currency = q1.currency ?? q2.currency;
    const min = this.valueOf(q1, scale1);
    const max = this.valueOf(q2, scale2);
    if (!(min < max)) return null;
    const scales = [scale1, scale2].filter((s): s is ScaleWord => s !== null);
    if (currency === null && scales.some((s) => s.needsCurrency)) return null;
    return {
      first,
      next: q2.next,
      value: min,
      min,
      max,
      currency,
      precision: 'range',
      moneyByScale: scales.some((s) => s.factor >= 1e6 && !s.needsCurrency),
    };
  }

  private single(first: number, q: Quantity, precision: AmountPrecisionInText): Candidate | null {
    if (q.scale?.needsCurrency && q.currency === null) return null;
    const value = this.valueOf(q, q.scale);
    const c: Candidate = {
      first,
      next: q.next,
      value,
      currency: q.currency,
      precision,
      moneyByScale: q.scale !== null && q.scale.factor >= 1e6 && !q.scale.needsCurrency,
    };
    if (precision === 'at_least') c.min = value;
    if (precision === 'at_most') c.max = value;
    return c;
  }

  private joinerAt(k: number): number {
    const t = this.tokens[k];
    if (!t || !RANGE_JOINERS.has(t.lower)) return -1;
    return k + 1;
  }

  private amountAt(i: number): Candidate | null {
    const t = this.tokens[i];
    let candidate: Candidate | null = null;

    const closer = RANGE_OPENERS.get(t.lower);
    if (closer && this.spaced(i + 1)) {
      const q1 = this.quantityAt(i + 1);
      if (q1 && this.tokens[q1.next]?.lower === closer && this.spaced(q1.next)) {
        const q2 = this.quantityAt(q1.next + 1);
        if (q2) candidate = this.rangeOf(i, q1, q2);
      }
      return candidate && this.isMoney(candidate) ? candidate : null;
    }

    const modifier = this.modifierAt(i);
    const first = i;
    const qStart = modifier ? modifier.next : i;
    const q1 = this.quantityAt(qStart);
    if (!q1) return null;

    const joined = this.joinerAt(q1.next);
    if (joined >= 0) {
      const q2 = this.quantityAt(joined);
      if (q2) candidate = this.rangeOf(first, q1, q2);
    }
    candidate ??= this.single(first, q1, modifier ? modifier.precision : 'exact');
    return candidate && this.isMoney(candidate) ? candidate : null;
  }

  private isMoney(c: Candidate): boolean {
    if (c.currency !== null) return true;
    if (!c.moneyByScale) return false;
    return !this.followedByCountedNoun(c.next);
  }

  private followedByCountedNoun(k: number): boolean {
    let at = k;
    if (this.hyphenBridgeAt(at)) at++;
    else if (!/^[ \t\u00a0]+$/.test(this.gapBefore(at))) return false;
    const t = this.tokens[at];
    if (!t || t.kind !== 'word') return false;
    if (MONEY_NOUNS.has(t.lower)) return false;
    if (COUNT_NOUNS.has(t.lower)) return true;
    // German nouns are capitalised; a capitalised word right after "Millionen" names what is counted.
    if (/^\p{Lu}/u.test(t.text)) return true;
    return t.lower.length > 3 && t.lower.endsWith('s') && !t.lower.endsWith('ss') && !NOT_PLURAL.has(t.lower);
  }
}

/**
 * Every money amount in `text`, in order of appearance. A number counts as money when
 * it carries a currency, or a million/billion scale word with no counted noun after it
 * ("rund zwölf Millionen" is returned with currency null; "zwölf Millionen Zuschauer" is not).
 */
export function parseAmounts(text: string, lang?: TextLanguage): ParsedAmount[] {
  return new AmountScanner(text, lang).scan();
}

const LOCALES: Record<TextLanguage, string> = { de: 'de-DE', en: 'en-GB' };

/**
 * Formats an amount in minor units (cents) for an article: 500000000 EUR →
 * "5.000.000 €" in German (with a no-break space before €) and "€5,000,000" in English.
 * Cents are shown only when the amount has any.
 */
export function formatAmountMinor(minor: number, currency: string, lang: TextLanguage): string {
  const major = minor / 100;
  const digits = Number.isInteger(major) ? 0 : 2;
  const formatted = new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(major);
  // ICU versions differ between no-break and narrow no-break spaces; pin one.
  return formatted.replace(/[\u202f\u2009]/g, '\u00a0');
}
