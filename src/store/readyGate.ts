import type { Db } from './db';

export interface ReadyGatePass {
  articleId: string;
  by: string;
  at: string;
  /** Null when every claim was verified at that moment. */
  overrideReason: string | null;
  /** Ids of the claims that were not verified when the override was written. */
  openClaims: string[];
}

interface PassRow {
  article_id: string;
  passed_by: string;
  at: string;
  override_reason: string | null;
  open_claims: string;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    insert: db.prepare(
      'INSERT INTO ready_gate_passes (article_id, passed_by, at, override_reason, open_claims) VALUES (?, ?, ?, ?, ?)',
    ),
    latest: db.prepare('SELECT * FROM ready_gate_passes WHERE article_id = ? ORDER BY seq DESC LIMIT 1'),
  };
}

function stmts(db: Db) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

function toPass(row: PassRow): ReadyGatePass {
  return {
    articleId: row.article_id,
    by: row.passed_by,
    at: row.at,
    overrideReason: row.override_reason,
    openClaims: JSON.parse(row.open_claims) as string[],
  };
}

export function recordGatePass(db: Db, pass: ReadyGatePass): void {
  stmts(db).insert.run(
    pass.articleId,
    pass.by,
    pass.at,
    pass.overrideReason,
    JSON.stringify(pass.openClaims),
  );
}

/** The most recent pass through the gate, clean or overridden. */
export function latestGatePass(db: Db, articleId: string): ReadyGatePass | null {
  const row = stmts(db).latest.get(articleId) as PassRow | undefined;
  return row ? toPass(row) : null;
}
