import type Database from 'better-sqlite3';
import type { Db } from './db';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepares each SQL text once per connection; the fact store runs the same few statements many times. */
export function prepared(db: Db, sql: string): Database.Statement {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  let stmt = map.get(sql);
  if (!stmt) map.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}
