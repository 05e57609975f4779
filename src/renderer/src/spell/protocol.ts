import type { HunspellFiles, Misspelling } from '../../../shared/spell/checker';

/** Messages to the spell worker. `id` pairs a question with its answer. */
export type SpellRequest =
  | { type: 'load'; lang: 'de' | 'en'; files: HunspellFiles }
  | { type: 'accept'; words: string[] }
  | { type: 'check'; id: number; text: string }
  | { type: 'suggest'; id: number; word: string };

export type SpellResponse =
  | { type: 'checked'; id: number; misses: Misspelling[]; ms: number }
  | { type: 'suggested'; id: number; suggestions: string[] }
  | { type: 'failed'; id: number | null; message: string };
