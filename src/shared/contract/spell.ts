import { z } from 'zod';
import { channel } from './define';
import { ARTICLE_LANGUAGES } from '../domain/articles';

export const SPELL_LIMITS = { word: 100, words: 20_000 } as const;

/** What the checker accepts besides Hunspell's lists. */
export interface SpellWords {
  /** The desk dictionary: words someone added with "Add to dictionary", sorted. */
  custom: string[];
  /** Every entity name and alias of the fact store. */
  names: string[];
}

export const spellWordSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(SPELL_LIMITS.word, `must be at most ${SPELL_LIMITS.word} characters`)
  .regex(/^[\p{L}\p{M}'’-]+$/u, 'must be a single word (letters, apostrophes, hyphens)');

export const spellContract = {
  /**
   * The Hunspell files shipped with the app (dictionary-de / dictionary-en), so spell checking
   * needs no download in either shell.
   */
  'spell:dictionary': channel<{ lang: 'de' | 'en'; aff: string; dic: string }>()(
    z.object({ lang: z.enum(ARTICLE_LANGUAGES) }).strict(),
  ),
  'spell:words': channel<SpellWords>()(z.object({}).strict().optional()),
  /** Adds a word to the desk dictionary; returns the dictionary and the names. */
  'spell:add-word': channel<SpellWords>()(z.object({ word: spellWordSchema }).strict()),
};
