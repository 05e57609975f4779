import nspell from 'nspell';
import { spellTokens, withoutApostropheEnding, type WordToken } from './tokenize';

export type SpellLanguage = 'de' | 'en';

/** A Hunspell dictionary as text (the `.aff` and `.dic` files of dictionary-de / dictionary-en). */
export interface HunspellFiles {
  aff: string;
  dic: string;
}

export type Misspelling = WordToken;

export const MAX_SUGGESTIONS = 5;
// Shorter heads and tails make too many typos pass as compounds ("Man" + "schaft").
const MIN_COMPOUND_PART = 3;

const capitalise = (w: string) => w.charAt(0).toLocaleUpperCase() + w.slice(1);

/**
 * One language's spell checker: Hunspell's word lists checked with nspell, plus the words the
 * desk accepts (its own dictionary and every name of the fact store). Verdicts are cached per
 * word, because an article repeats most of its words and each edit rechecks the whole text.
 */
export class SpellChecker {
  private readonly hunspell: ReturnType<typeof nspell>;
  private readonly known = new Set<string>();
  private readonly verdicts = new Map<string, boolean>();
  private readonly compounds = new Map<string, boolean>();

  constructor(
    readonly lang: SpellLanguage,
    files: HunspellFiles,
  ) {
    this.hunspell = nspell(files.aff, withoutShadowingCompoundEntries(files.aff, files.dic));
  }

  /**
   * Words to accept as written: the desk dictionary, and names and aliases of entities (split into
   * words, so "Lena Kowalczyk" teaches "Lena" and "Kowalczyk"). Replaces the previous list.
   */
  setAccepted(entries: Iterable<string>): void {
    this.known.clear();
    for (const entry of entries) for (const t of spellTokens(entry)) this.known.add(t.word);
    this.verdicts.clear();
    this.compounds.clear();
  }

  /** Every misspelt word of the text, in order. */
  check(text: string): Misspelling[] {
    return spellTokens(text).filter((t) => !this.isCorrect(t.word));
  }

  isCorrect(word: string): boolean {
    let verdict = this.verdicts.get(word);
    if (verdict === undefined) {
      verdict = this.judge(word);
      this.verdicts.set(word, verdict);
    }
    return verdict;
  }

  suggest(word: string): string[] {
    return this.hunspell.suggest(word).slice(0, MAX_SUGGESTIONS);
  }

  private judge(word: string): boolean {
    if (this.accepts(word)) return true;
    const base = withoutApostropheEnding(word);
    if (base !== null && base !== word) return this.isCorrect(base);
    return this.lang === 'de' && this.isCompound(word);
  }

  private accepts(word: string): boolean {
    if (this.known.has(word) || this.hunspell.correct(word)) return true;
    // A name in the genitive ("Kowalczyks Vertrag") or a name a sentence starts in capitals.
    if (word.endsWith('s') && this.known.has(word.slice(0, -1))) return true;
    return false;
  }

  /**
   * German writes compounds as one word, and igerman98 builds them with Hunspell's compound flags,
   * which nspell does not implement: "Fußball" would be flagged although "Fuß" and "Ball" are
   * listed. A word passes when it splits into listed words, with an optional linking "s".
   */
  private isCompound(word: string, depth = 0): boolean {
    if (depth > 3 || word.length < 2 * MIN_COMPOUND_PART) return false;
    let verdict = this.compounds.get(word);
    if (verdict === undefined) {
      verdict = this.splits(word, depth);
      this.compounds.set(word, verdict);
    }
    return verdict;
  }

  private splits(word: string, depth: number): boolean {
    for (let cut = MIN_COMPOUND_PART; cut <= word.length - MIN_COMPOUND_PART; cut++) {
      const rest = word.slice(cut);
      const tail = capitalise(rest);
      // The last part decides the word class: a noun ("Fußball") or an adjective ("blauweiß").
      if (!this.accepts(tail) && !this.accepts(rest) && !this.isCompound(tail, depth + 1)) continue;
      const head = word.slice(0, cut);
      if (this.accepts(head) || this.accepts(capitalise(head))) return true;
      if (
        head.endsWith('s') &&
        head.length > MIN_COMPOUND_PART &&
        this.accepts(capitalise(head.slice(0, -1)))
      )
        return true;
    }
    return false;
  }
}

/**
 * igerman98 lists many words twice: as a word ("sprechen/DIV") and as a compound part only
 * ("sprechen/Sozm", ONLYINCOMPOUND). nspell lets the later line win, so "sprechen", "glauben" and
 * "sein" were flagged. A compound-only line is dropped when the same word has an ordinary one.
 */
export function withoutShadowingCompoundEntries(aff: string, dic: string): string {
  const flag = /^ONLYINCOMPOUND\s+(\S+)/m.exec(aff)?.[1];
  if (!flag) return dic;
  const lines = dic.split('\n');
  const entry = (line: string) => {
    const slash = line.indexOf('/');
    return slash < 0
      ? { word: line.trim(), flags: '' }
      : { word: line.slice(0, slash), flags: line.slice(slash + 1).trim() };
  };
  const ordinary = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const { word, flags } = entry(lines[i]);
    if (word && !flags.includes(flag)) ordinary.add(word);
  }
  // The first line is the entry count, which nspell only uses as a hint.
  return lines
    .filter((line, i) => i === 0 || !(entry(line).flags.includes(flag) && ordinary.has(entry(line).word)))
    .join('\n');
}
