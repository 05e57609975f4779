import type { ImportCounts } from '../shared/contract/facts-types';
import { ARTICLE_BODY_SCHEMA_VERSION } from '../shared/contract/articles';
import type { FactRef } from '../shared/domain/facts';
import {
  FACTDESK_ARTICLE_FORMAT,
  FACTDESK_ARTICLE_VERSION,
  type FactdeskArticleFile,
  type TransferDetectDismissal,
  type TransferGatePass,
} from '../shared/export/factdeskJson';
import type { ErrorParam } from '../shared/errorText';
import { UserError } from '../shared/result';
import { checkBody, emptyBody } from './articleBody';
import { getArticle, getArticleMeta, saveArticle } from './articles';
import type { Actor } from './audit';
import { claimIdTaken, factExists, listClaims } from './claims';
import { correctionIdTaken } from './corrections';
import type { Db } from './db';
import { applyDeskCorrections, deskCorrectionState } from './desk-corrections';
import { buildFactPack, importFactPack } from './factpacks';
import { prepared } from './prepared';

function hasTable(db: Db, name: string): boolean {
  return (
    prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined
  );
}

interface GatePassRow {
  passed_by: string;
  at: string;
  override_reason: string | null;
  open_claims: string;
}

interface DismissalRow {
  kind: string;
  text_key: string;
  text: string;
  dismissed_by: string;
  at: string;
}

function gatePasses(db: Db, articleId: string): TransferGatePass[] {
  const rows = prepared(
    db,
    'SELECT passed_by, at, override_reason, open_claims FROM ready_gate_passes WHERE article_id = ? ORDER BY seq',
  ).all(articleId) as GatePassRow[];
  return rows.map((r) => ({
    by: r.passed_by,
    at: r.at,
    overrideReason: r.override_reason,
    openClaims: JSON.parse(r.open_claims) as string[],
  }));
}

function detectDismissals(db: Db, articleId: string): TransferDetectDismissal[] {
  // The table arrives with migration 5; a store that predates it simply has none.
  if (!hasTable(db, 'detect_dismissals')) return [];
  const rows = prepared(
    db,
    'SELECT kind, text_key, text, dismissed_by, at FROM detect_dismissals WHERE article_id = ? ORDER BY seq',
  ).all(articleId) as DismissalRow[];
  return rows.map((r) => ({
    kind: r.kind,
    textKey: r.text_key,
    text: r.text,
    dismissedBy: r.dismissed_by,
    at: r.at,
  }));
}

export interface ReadTransferOptions {
  /** "Factdesk <version>", written into the file for people who open it. */
  generator: string;
  exportedAt: string;
  /** Where attached source files live; when given, the files of linked sources travel inside the fact pack. */
  dataDir?: string;
}

/** The article with everything recorded on it and the facts its claims link to, or null when there is no such article. */
export function readArticleTransfer(
  db: Db,
  articleId: string,
  options: ReadTransferOptions,
): FactdeskArticleFile | null {
  return db.transaction((): FactdeskArticleFile | null => {
    const doc = getArticle(db, articleId);
    if (!doc) return null;
    const claims = listClaims(db, articleId);
    const corrections = deskCorrectionState(db, articleId);
    const seen = new Set<string>();
    const refs: FactRef[] = [];
    for (const ref of [...claims.flatMap((c) => c.links), ...corrections.flatMap((c) => c.facts)]) {
      const key = `${ref.type}:${ref.id}`;
      if (!seen.has(key)) refs.push(ref);
      seen.add(key);
    }
    const factPack = buildFactPack(db, {
      refs,
      includeFiles: options.dataDir !== undefined,
      dataDir: options.dataDir,
      title: doc.meta.headline || null,
    });
    factPack.exportedAt = options.exportedAt;
    return {
      format: FACTDESK_ARTICLE_FORMAT,
      version: FACTDESK_ARTICLE_VERSION,
      exportedAt: options.exportedAt,
      generator: options.generator,
      article: doc.meta,
      body: doc.body,
      claims,
      gatePasses: gatePasses(db, articleId),
      detectDismissals: detectDismissals(db, articleId),
      corrections,
      factPack,
    };
  })();
}

export interface ImportTransferOptions {
  actor: Actor;
  /** Where files embedded in the fact pack are stored. */
  dataDir?: string;
  /** Let the file's version of facts that exist here with other values replace them. */
  updateFacts?: boolean;
}

export interface ArticleTransferImport {
  articleId: string;
  headline: string;
  claims: number;
  factsCreated: ImportCounts;
  factsUnchanged: ImportCounts;
  factsUpdated: number;
}

const packPath = (path: string) => `$.factPack${path.slice(1)}`;

function describeChanges(
  changes: { type: string; id: string; label: string; fields: { field: string }[] }[],
): ErrorParam {
  const shown = changes
    .slice(0, 5)
    .map((c) => `${c.type} “${c.label}” (${c.fields.map((f) => f.field).join(', ')})`)
    .join('; ');
  return changes.length > 5 ? { key: 'andMore', params: { list: shown, count: changes.length - 5 } } : shown;
}

/** The first few problems as paths and messages, the rest counted. */
function someProblems(problems: readonly { path: string; message: string }[], limit: number): ErrorParam {
  const shown = problems
    .slice(0, limit)
    .map((p) => `${p.path} ${p.message}`)
    .join('; ');
  return problems.length > limit
    ? { key: 'andMore', params: { list: shown, count: problems.length - limit } }
    : shown;
}

function insertArticleAsIs(db: Db, file: FactdeskArticleFile, user: string): void {
  const meta = file.article;
  // A blank row first, then the regular save writes the fields and body, so the derived columns
  // (plain text, word count, search text) are computed exactly as for any other article.
  prepared(
    db,
    `INSERT INTO articles (id, language, created_at, updated_at, body_schema, body)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    meta.id,
    meta.language,
    meta.createdAt,
    meta.updatedAt,
    ARTICLE_BODY_SCHEMA_VERSION,
    JSON.stringify(emptyBody().editorState),
  );
  const { kicker, headline, lead, byline, dateline, language, author, desk, status } = meta;
  const outcome = saveArticle(
    db,
    {
      id: meta.id,
      baseRev: 1,
      meta: { kicker, headline, lead, byline, dateline, language, author, desk, status },
      body: file.body,
      user,
      noSnapshot: true,
    },
    meta.updatedAt,
  );
  if (outcome.kind !== 'saved')
    throw new Error(`the new article ${meta.id} could not be written (${outcome.kind})`);
  prepared(db, 'UPDATE articles SET trashed_at = ?, updated_at = ? WHERE id = ?').run(
    meta.trashedAt,
    meta.updatedAt,
    meta.id,
  );
}

function insertClaims(db: Db, file: FactdeskArticleFile, user: string): void {
  const claim = prepared(
    db,
    `INSERT INTO claims (id, article_id, kind, status, text, note, in_text, context, context_start, context_end,
       created_by, created_at, updated_at)
     VALUES (@id, @articleId, @kind, @status, @text, @note, @inText, @context, @contextStart, @contextEnd,
       @createdBy, @createdAt, @updatedAt)`,
  );
  const history = prepared(
    db,
    'INSERT INTO claim_status_history (claim_id, status, checker, at) VALUES (?, ?, ?, ?)',
  );
  const dismissed = prepared(
    db,
    'INSERT INTO claim_dismissed_warnings (claim_id, code, reason, checker, at) VALUES (?, ?, ?, ?, ?)',
  );
  const link = prepared(
    db,
    'INSERT INTO claim_links (claim_id, article_id, fact_type, fact_id) VALUES (?, ?, ?, ?)',
  );
  for (const c of file.claims) {
    claim.run({
      id: c.id,
      articleId: file.article.id,
      kind: c.kind,
      status: c.status,
      text: c.text,
      note: c.note,
      inText: c.inText ? 1 : 0,
      context: c.context.text,
      contextStart: c.context.start,
      contextEnd: c.context.end,
      // Whoever first recorded the claim marked it; the file keeps that as the first history entry.
      createdBy: c.history[0]?.checker ?? user,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    });
    for (const h of c.history) history.run(c.id, h.status, h.checker, h.at);
    for (const d of c.dismissedWarnings) dismissed.run(c.id, d.code, d.reason, d.checker, d.at);
    for (const l of c.links) link.run(c.id, file.article.id, l.type, l.id);
  }
}

function insertGatePasses(db: Db, file: FactdeskArticleFile): void {
  const insert = prepared(
    db,
    'INSERT INTO ready_gate_passes (article_id, passed_by, at, override_reason, open_claims) VALUES (?, ?, ?, ?, ?)',
  );
  for (const p of file.gatePasses)
    insert.run(file.article.id, p.by, p.at, p.overrideReason, JSON.stringify(p.openClaims));
}

function insertDetectDismissals(db: Db, file: FactdeskArticleFile): void {
  if (file.detectDismissals.length === 0) return;
  if (!hasTable(db, 'detect_dismissals'))
    throw new UserError('validation', { key: 'storeTooOldForDismissals' }, [
      { path: '$.detectDismissals', message: 'not supported by this store' },
    ]);
  const insert = prepared(
    db,
    'INSERT INTO detect_dismissals (article_id, kind, text_key, text, dismissed_by, at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  file.detectDismissals.forEach((d, i) => {
    try {
      insert.run(file.article.id, d.kind, d.textKey, d.text, d.dismissedBy, d.at);
    } catch (err) {
      // The allowed kinds live in the table's CHECK; its refusal is the one authority on them.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_CHECK')
        throw new UserError(
          'validation',
          { key: 'notASuggestionKind', params: { path: `$.detectDismissals[${i}].kind`, kind: d.kind } },
          [{ path: `$.detectDismissals[${i}].kind`, message: `"${d.kind}" is not a suggestion kind` }],
        );
      throw err;
    }
  });
}

/**
 * Imports an article file all or nothing, in one transaction: the fact pack first (validated in
 * full, against this store), then the article with its own ids, its claims, their links, history
 * and dismissed warnings, the gate passes, dismissed suggestions and corrections. Anything wrong — an article
 * or claim id already here, a bad body, a bad fact, a link to a fact that is nowhere, facts that
 * would change without `updateFacts` — throws a UserError naming the JSON path and leaves the
 * store as it was. (Attached files from the pack are stored by content hash before the
 * transaction; an aborted import can leave such a file behind, never a record.)
 */
export function importArticleTransfer(
  db: Db,
  file: FactdeskArticleFile,
  options: ImportTransferOptions,
): ArticleTransferImport {
  return db.transaction((): ArticleTransferImport => {
    const existing = getArticleMeta(db, file.article.id);
    if (existing) {
      throw new UserError(
        'conflict',
        { key: 'articleAlreadyHere', params: { title: existing.headline || existing.id, id: existing.id } },
        [{ path: '$.article.id', message: 'already in this store' }],
      );
    }
    const takenClaims = file.claims.map((c, i) => ({ c, i })).filter(({ c }) => claimIdTaken(db, c.id));
    if (takenClaims.length) {
      throw new UserError(
        'conflict',
        {
          key: 'claimIdsTaken',
          params: {
            count: takenClaims.length,
            ids: takenClaims
              .slice(0, 3)
              .map(({ c }) => c.id)
              .join(', '),
          },
        },
        takenClaims.map(({ i }) => ({ path: `$.claims[${i}].id`, message: 'already used in this store' })),
      );
    }
    const takenCorrections = file.corrections
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => correctionIdTaken(db, c.id));
    if (takenCorrections.length) {
      throw new UserError(
        'conflict',
        {
          key: 'correctionIdsTaken',
          params: {
            count: takenCorrections.length,
            ids: takenCorrections
              .slice(0, 3)
              .map(({ c }) => c.id)
              .join(', '),
          },
        },
        takenCorrections.map(({ i }) => ({
          path: `$.corrections[${i}].id`,
          message: 'already used in this store',
        })),
      );
    }
    const bodyProblems = checkBody(file.body).map((p) => ({ path: `$.${p.path}`, message: p.message }));
    if (bodyProblems.length) {
      throw new UserError(
        'validation',
        { key: 'articleFileRefused', params: { problems: someProblems(bodyProblems, Infinity) } },
        bodyProblems,
      );
    }

    const report = importFactPack(db, file.factPack, {
      update: options.updateFacts,
      actor: options.actor,
      dataDir: options.dataDir,
    });
    if (report.problems.length) {
      const fields = report.problems.map((p) => ({ path: packPath(p.path), message: p.message }));
      throw new UserError(
        'validation',
        { key: 'articleFileFactsRefused', params: { problems: someProblems(fields, 5) } },
        fields,
      );
    }
    if (report.needsConfirmation) {
      throw new UserError(
        'conflict',
        {
          key: 'factsDiffer',
          params: { count: report.changes.length, changes: describeChanges(report.changes) },
        },
        report.changes.map((c) => ({
          path: `$.factPack (${c.type} ${c.id})`,
          message: `differs in ${c.fields.map((f) => f.field).join(', ')}`,
        })),
      );
    }

    const missing: { path: string; message: string }[] = [];
    file.claims.forEach((c, i) =>
      c.links.forEach((l, j) => {
        if (!factExists(db, l))
          missing.push({
            path: `$.claims[${i}].links[${j}]`,
            message: `${l.type} "${l.id}" is neither in the file's fact pack nor in this store`,
          });
      }),
    );
    file.corrections.forEach((c, i) =>
      c.facts.forEach((f, j) => {
        if (!factExists(db, f))
          missing.push({
            path: `$.corrections[${i}].facts[${j}]`,
            message: `${f.type} "${f.id}" is neither in the file's fact pack nor in this store`,
          });
      }),
    );
    if (missing.length) {
      throw new UserError(
        'validation',
        { key: 'articleFileRefused', params: { problems: someProblems(missing, 3) } },
        missing,
      );
    }

    insertArticleAsIs(db, file, options.actor.user);
    insertClaims(db, file, options.actor.user);
    insertGatePasses(db, file);
    insertDetectDismissals(db, file);
    // The same writer as for corrections from the desk: into an article that has none yet, every
    // record is written as it is (the file's check has made sure its claims are here).
    const corrections = applyDeskCorrections(db, file.article.id, file.corrections);
    if (corrections.waiting > 0)
      throw new Error(
        `${corrections.waiting} corrections of ${file.article.id} name claims that are not there`,
      );
    return {
      articleId: file.article.id,
      headline: file.article.headline,
      claims: file.claims.length,
      factsCreated: report.created,
      factsUnchanged: report.unchanged,
      factsUpdated: options.updateFacts ? report.changes.length : 0,
    };
  })();
}
