import type { SuggestionKind } from '../shared/detect/types';
import type { Db } from './db';
import { prepared } from './prepared';

export interface StoredDismissal {
  kind: SuggestionKind;
  key: string;
  text: string;
  by: string;
  at: string;
}

interface Row {
  kind: SuggestionKind;
  text_key: string;
  text: string;
  dismissed_by: string;
  at: string;
}

const toDismissal = (r: Row): StoredDismissal => ({
  kind: r.kind,
  key: r.text_key,
  text: r.text,
  by: r.dismissed_by,
  at: r.at,
});

export function listDismissals(db: Db, articleId: string): StoredDismissal[] {
  const rows = prepared(
    db,
    'SELECT kind, text_key, text, dismissed_by, at FROM detect_dismissals WHERE article_id = ? ORDER BY seq',
  ).all(articleId) as Row[];
  return rows.map(toDismissal);
}

/** Dismissing the same suggestion twice keeps the first record: who dismissed it first, and when. */
export function addDismissal(db: Db, articleId: string, d: StoredDismissal): StoredDismissal {
  prepared(
    db,
    `INSERT INTO detect_dismissals (article_id, kind, text_key, text, dismissed_by, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (article_id, kind, text_key) DO NOTHING`,
  ).run(articleId, d.kind, d.key, d.text, d.by, d.at);
  const row = prepared(
    db,
    'SELECT kind, text_key, text, dismissed_by, at FROM detect_dismissals WHERE article_id = ? AND kind = ? AND text_key = ?',
  ).get(articleId, d.kind, d.key) as Row;
  return toDismissal(row);
}

/** Returns whether there was such a dismissal. */
export function removeDismissal(db: Db, articleId: string, kind: SuggestionKind, key: string): boolean {
  return (
    prepared(db, 'DELETE FROM detect_dismissals WHERE article_id = ? AND kind = ? AND text_key = ?').run(
      articleId,
      kind,
      key,
    ).changes > 0
  );
}
