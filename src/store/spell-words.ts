import type { Db } from './db';

// The desk dictionary is a handful of words: one settings row holds it, so no table (and no
// migration) is needed. The key is not one of the user settings `settings:get` returns.
const KEY = 'spell.words';

export function readSpellWords(db: Db): string[] {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as
    { value: string } | undefined;
  if (!row) return [];
  const parsed = JSON.parse(row.value) as unknown;
  return Array.isArray(parsed) ? parsed.filter((w): w is string => typeof w === 'string') : [];
}

/** Adds the word once (in one transaction, so two windows adding at once keep both); returns the sorted list. */
export function addSpellWord(db: Db, word: string): string[] {
  return db.transaction(() => {
    const words = new Set(readSpellWords(db));
    words.add(word);
    const sorted = [...words].sort((a, b) => a.localeCompare(b));
    db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(KEY, JSON.stringify(sorted), new Date().toISOString());
    return sorted;
  })();
}

/** Every entity name and alias, for the spell checker to accept. */
export function entityNameList(db: Db): string[] {
  const rows = db.prepare('SELECT name, aliases FROM entities').all() as { name: string; aliases: string }[];
  return rows.flatMap((r) => [r.name, ...parseAliases(r.aliases)]);
}

function parseAliases(raw: string | null): string[] {
  if (!raw) return [];
  const parsed = JSON.parse(raw) as unknown;
  return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
}
