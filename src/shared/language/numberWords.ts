// Number words as journalists write them: German compounds in one word
// ("dreihundertfünfzigtausend", "zweieinhalb"), English as word sequences
// ("one hundred and fifty thousand", "twenty-two", "two and a half").

export type NumberLanguage = 'de' | 'en';

const DE_UNITS: Record<string, number> = {
  ein: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
};

const DE_BELOW_TWENTY: Record<string, number> = {
  null: 0,
  eins: 1,
  ein: 1,
  zwei: 2,
  zwo: 2,
  drei: 3,
  vier: 4,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwoelf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fuenfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
};

const DE_TENS: Record<string, number> = {
  zwanzig: 20,
  dreissig: 30,
  vierzig: 40,
  fuenfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};

/** Standalone forms of "ein" that only count as a number before a scale word ("eine Million"). */
export const DE_ARTICLE_FORMS = new Set(['ein', 'eine', 'einen', 'einem', 'einer']);

const DE_HALF_FORMS = new Set(['halb', 'halbe', 'halben', 'halber', 'halbes']);

/** Lower-cases and spells umlauts out so "fünf", "fuenf" and "FÜNF" look alike to the tables. */
function deKey(word: string): string {
  return word.toLowerCase().replace(/ß/g, 'ss').replace(/ü/g, 'ue').replace(/ö/g, 'oe').replace(/ä/g, 'ae');
}

function deBelowHundred(s: string): number | null {
  if (s in DE_BELOW_TWENTY) return DE_BELOW_TWENTY[s];
  if (s in DE_TENS) return DE_TENS[s];
  const i = s.indexOf('und');
  if (i > 0) {
    const unit = DE_UNITS[s.slice(0, i)];
    const tens = DE_TENS[s.slice(i + 3)];
    if (unit !== undefined && tens !== undefined) return unit + tens;
  }
  return null;
}

function deBelowThousand(s: string): number | null {
  const i = s.indexOf('hundert');
  if (i < 0) return deBelowHundred(s);
  const left = s.slice(0, i);
  let rest = s.slice(i + 'hundert'.length);
  const hundreds = left === '' ? 1 : DE_UNITS[left];
  if (hundreds === undefined) return null;
  if (rest.startsWith('und')) rest = rest.slice(3);
  if (rest === '') return hundreds * 100;
  const tail = deBelowHundred(rest);
  return tail === null ? null : hundreds * 100 + tail;
}

function deWholeNumber(s: string): number | null {
  const i = s.lastIndexOf('tausend');
  if (i < 0) return deBelowThousand(s);
  const left = s.slice(0, i);
  let rest = s.slice(i + 'tausend'.length);
  const thousands = left === '' ? 1 : deBelowThousand(left);
  if (thousands === null || thousands === 0) return null;
  if (rest.startsWith('und')) rest = rest.slice(3);
  if (rest === '') return thousands * 1000;
  const tail = deBelowThousand(rest);
  return tail === null ? null : thousands * 1000 + tail;
}

/** One German number word, e.g. "zweiundzwanzig" → 22, "anderthalb" → 1.5, "zweieinhalb" → 2.5. */
export function parseGermanNumberWord(word: string): number | null {
  const s = deKey(word);
  if (s === '') return null;
  if (s === 'anderthalb') return 1.5;
  if (DE_HALF_FORMS.has(s)) return 0.5;
  if (DE_ARTICLE_FORMS.has(s)) return 1;
  if (s.endsWith('einhalb') && s.length > 'einhalb'.length) {
    const whole = deWholeNumber(s.slice(0, -'einhalb'.length));
    return whole === null ? null : whole + 0.5;
  }
  return deWholeNumber(s);
}

const EN_SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const EN_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export function isEnglishNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return w in EN_SMALL || w in EN_TENS || w === 'hundred' || w === 'thousand';
}

export interface WordSequenceNumber {
  value: number;
  /** How many of the given words make up the number. */
  used: number;
  /** "a"/"an" standing for one, or a bare half: only a number when a scale word follows. */
  needsScale: boolean;
}

/**
 * Reads the longest English number at the start of `words` (lower-case, hyphenated parts
 * already split): ["twenty","two"] → 22, ["one","hundred","and","fifty","thousand"] → 150000,
 * ["two","and","a","half"] → 2.5, ["half","a"] → 0.5.
 */
export function parseEnglishNumberWords(words: readonly string[]): WordSequenceNumber | null {
  const w = words.map((x) => x.toLowerCase());
  if (w[0] === 'half' && (w[1] === 'a' || w[1] === 'an')) return { value: 0.5, used: 2, needsScale: true };
  if ((w[0] === 'a' || w[0] === 'an') && w[1] === 'half') return { value: 0.5, used: 2, needsScale: true };

  let total = 0;
  let current = 0;
  let i = 0;
  let last: 'none' | 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand' = 'none';
  let best: WordSequenceNumber | null = null;

  if ((w[0] === 'a' || w[0] === 'an') && (w[1] === 'hundred' || w[1] === 'thousand')) {
    current = 1;
    last = 'unit';
    i = 1;
  } else if (w[0] === 'a' || w[0] === 'an') {
    return { value: 1, used: 1, needsScale: true };
  }

  for (; i < w.length; i++) {
    const word = w[i];
    if (word === 'and') {
      // "and a half" closes the number; any other "and" must lead on to more number words.
      if (w[i + 1] === 'a' && w[i + 2] === 'half' && last !== 'none') {
        return { value: total + current + 0.5, used: i + 3, needsScale: false };
      }
      if (last === 'hundred' || last === 'thousand') continue;
      break;
    }
    const small = EN_SMALL[word];
    const tens = EN_TENS[word];
    if (small !== undefined) {
      const isUnit = small >= 1 && small <= 9;
      const ok = isUnit
        ? last === 'none' || last === 'tens' || last === 'hundred' || last === 'thousand'
        : last === 'none' || last === 'hundred' || last === 'thousand';
      if (!ok) break;
      current += small;
      last = isUnit ? 'unit' : 'teen';
    } else if (tens !== undefined) {
      if (!(last === 'none' || last === 'hundred' || last === 'thousand')) break;
      current += tens;
      last = 'tens';
    } else if (word === 'hundred') {
      if (!(last === 'unit' || last === 'teen') || current >= 100) break;
      current = current * 100;
      last = 'hundred';
    } else if (word === 'thousand') {
      if (last === 'none' || last === 'thousand' || current === 0) break;
      total += current * 1000;
      current = 0;
      last = 'thousand';
    } else {
      break;
    }
    best = { value: total + current, used: i + 1, needsScale: false };
  }
  return best;
}

/**
 * A single number word in German or English ("zweiundzwanzig", "twenty-two", "anderthalb").
 * Without `lang` both languages are tried.
 */
export function parseNumberWord(word: string, lang?: NumberLanguage): number | null {
  const trimmed = word.trim();
  if (trimmed === '') return null;
  if (lang !== 'en') {
    const de = parseGermanNumberWord(trimmed);
    if (de !== null) return de;
  }
  if (lang !== 'de') {
    const parts = trimmed.split(/[\s-]+/);
    const en = parseEnglishNumberWords(parts);
    if (en && en.used === parts.length) return en.value;
  }
  return null;
}
