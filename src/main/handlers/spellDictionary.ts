import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export type DictionaryLanguage = 'de' | 'en';

const cache = new Map<DictionaryLanguage, Promise<{ aff: string; dic: string }>>();

/**
 * The Hunspell files of the dictionary-de / dictionary-en packages, read from the app's own
 * node_modules (both shells run the main build with its dependencies external), once per language.
 * Their index.js reads the same files with top-level await, which a CommonJS caller cannot use.
 */
export function readDictionary(lang: DictionaryLanguage): Promise<{ aff: string; dic: string }> {
  let files = cache.get(lang);
  if (!files) {
    const dir = path.dirname(createRequire(import.meta.url).resolve(`dictionary-${lang}`));
    files = Promise.all([
      fs.readFile(path.join(dir, 'index.aff'), 'utf8'),
      fs.readFile(path.join(dir, 'index.dic'), 'utf8'),
    ]).then(([aff, dic]) => ({ aff, dic }));
    // A failed read is retried on the next call instead of being remembered.
    files.catch(() => cache.delete(lang));
    cache.set(lang, files);
  }
  return files;
}
