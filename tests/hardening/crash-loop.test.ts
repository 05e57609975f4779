import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir } from '../../e2e/harness';
import { DATABASE_FILE } from '../../src/store/db';
import { recordFigure } from './figures';
import { openShellSession, type ShellSession } from './shellClient';
import { sized } from './size';

/**
 * Crash loop: the browser-shell process (the real server, its handlers and SQLite) is killed with
 * SIGKILL at random moments while an autosaving editor, a fact-pack import, an article import,
 * revision restores and claim status changes keep it busy. After every kill the database must
 * pass integrity_check, hold every write the server had acknowledged, and show each import
 * either whole or not at all.
 */
// FACTDESK_CRASH_KILLS overrides the count (e.g. a shorter full-size run on a busy machine); the figure names the count run.
const KILLS = Number(process.env.FACTDESK_CRASH_KILLS ?? sized(12, 200));
const PACK_SIZE = 300;
const IMPORT_PARAGRAPHS = 150;
const dataDir = makeDataDir();
let session: ShellSession | null = null;

afterAll(async () => {
  await session?.shell.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const text = (t: string) => ({
  type: 'text',
  version: 1,
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text: t,
});
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  children,
  ...extra,
});
/** The stored blocks' JSON of an article (bodies are stored per block, see src/store/articleBlocks.ts). */
const BODY_BLOCKS = "(SELECT group_concat(json, ',') FROM article_blocks WHERE article_id = articles.id)";

const bodyWith = (children: unknown[]) => ({
  schemaVersion: 1,
  editorState: { root: block('root', children) },
});
const para = (t: string) => block('paragraph', [text(t)], { textFormat: 0, textStyle: '' });

interface Acked {
  saves: Map<string, { rev: number; n: number }>;
  claims: Map<string, string>;
  packs: Set<number>;
  imports: Map<number, string>;
  restores: Map<string, number>;
}

/** A call the server answered with an error: a bug in the workload or the app, not a kill. */
class Refused extends Error {}

/** Random but repeatable: the kill moments and statuses of one run can be replayed with its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('crash loop: SIGKILL of the server while it writes', () => {
  it(
    `survives ${KILLS} kills with integrity_check ok, no acknowledged write lost, imports all-or-nothing`,
    { timeout: sized(10, 60) * 60_000 },
    async () => {
      const rand = random(Number(process.env.FACTDESK_CRASH_SEED ?? 1206));
      const acked: Acked = {
        saves: new Map(),
        claims: new Map(),
        packs: new Set(),
        imports: new Map(),
        restores: new Map(),
      };
      const failures: string[] = [];
      let writes = 0;
      let packSeq = 0;
      let importSeq = 0;
      const statuses = ['unchecked', 'verified', 'disputed', 'false', 'unsourced'];

      session = await openShellSession(dataDir);
      const must = async (channel: string, input: unknown) => {
        const r = await session!.call(channel, input);
        if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
        return r.value;
      };
      const editors: string[] = [];
      for (const name of ['Derby-Liveticker', 'Transfer-Ticker'])
        editors.push((await must('articles:create', { headline: name, language: 'de' })).meta.id);
      const claimDoc = await must('articles:create', { headline: 'Faktencheck: Kowalczyk', language: 'de' });
      const claimArticle = claimDoc.meta.id as string;
      const claimIds = ['crash-claim-1', 'crash-claim-2', 'crash-claim-3'];
      await must('articles:save', {
        id: claimArticle,
        baseRev: claimDoc.rev,
        body: bodyWith(
          claimIds.map((id, i) =>
            block('paragraph', [block('mark', [text(`Behauptung ${i}`)], { ids: [id] })], {
              textFormat: 0,
              textStyle: '',
            }),
          ),
        ),
      });
      for (const [i, id] of claimIds.entries()) {
        await must('claims:create', {
          articleId: claimArticle,
          id,
          text: `Behauptung ${i}`,
          context: { text: `Behauptung ${i}`, start: 0, end: `Behauptung ${i}`.length },
        });
      }
      const restoreDoc = await must('articles:create', { headline: 'Versionen', language: 'de' });
      const restoreArticle = restoreDoc.meta.id as string;
      await must('articles:save', {
        id: restoreArticle,
        baseRev: restoreDoc.rev,
        body: bodyWith([para('Erste Fassung')]),
      });
      const firstRevision = (
        await must('revisions:create', { articleId: restoreArticle, name: 'Erste Fassung' })
      ).id as number;

      for (let kill = 0; kill < KILLS; kill++) {
        let running = true;
        const loops: Promise<void>[] = [];
        const loop = (body: () => Promise<void>) =>
          loops.push(
            (async () => {
              while (running) {
                try {
                  await body();
                } catch (err) {
                  if (err instanceof Refused) failures.push(`kill ${kill}: ${err.message}`);
                  // Otherwise the server was killed under this call: it was never acknowledged.
                  return;
                }
              }
            })(),
          );
        const importOne = async () => {
          const k = ++importSeq;
          const md = `# Import ${k}\n\n${Array.from({ length: IMPORT_PARAGRAPHS }, (_, i) => `Absatz ${i} des SV Rotheide.`).join('\n\n')}\n\nEnde-${k}\n`;
          const r = await session!.call('import:file', {
            name: `import-${k}.md`,
            bytesBase64: Buffer.from(md).toString('base64'),
          });
          if (!r.ok) throw new Refused(`${r.error?.code}: ${r.error?.message}`);
          acked.imports.set(k, r.value.articleId);
          writes++;
        };
        // The first import after a start loads the importers (seconds on a busy machine); it runs
        // before the kill timer so later imports, racing the kill, are quick enough to be acknowledged.
        if (kill === 0 || kill % 3 === 0) await importOne();
        for (const id of editors) {
          let rev = ((await session.call('articles:get', { id })).value as { rev: number }).rev;
          loop(async () => {
            const n = (acked.saves.get(id)?.n ?? 0) + 1;
            const r = await session!.call('articles:save', {
              id,
              baseRev: rev,
              body: bodyWith([para(`Stand ${n}`), para(`autosave-${n}-end`)]),
            });
            if (!r.ok) throw new Refused(`${r.error?.code}: ${r.error?.message}`);
            rev = r.value.rev;
            acked.saves.set(id, { rev, n });
            writes++;
          });
        }
        loop(async () => {
          const id = claimIds[Math.floor(rand() * claimIds.length)]!;
          const status = statuses[Math.floor(rand() * statuses.length)]!;
          const r = await session!.call('claims:set-status', { id, status });
          if (!r.ok) throw new Refused(`${r.error?.code}: ${r.error?.message}`);
          acked.claims.set(id, status);
          writes++;
        });
        loop(async () => {
          const k = ++packSeq;
          const entities = Array.from({ length: PACK_SIZE }, (_, i) => ({
            id: `ent-crash-${k}-${i}`,
            kind: 'person',
            name: `Spielerin ${k}-${i} Kowalczyk`,
          }));
          const r = await session!.call('facts:import-pack', {
            pack: { format: 'factdesk-factpack', version: 1, title: `Pack ${k}`, entities },
          });
          if (!r.ok || r.value.applied !== true)
            throw new Refused(
              r.error?.message ?? `pack not applied: ${JSON.stringify(r.value).slice(0, 300)}`,
            );
          acked.packs.add(k);
          writes++;
        });
        loop(importOne);
        loop(async () => {
          const r = await session!.call('revisions:restore', { id: firstRevision });
          if (!r.ok) throw new Refused(`${r.error?.code}: ${r.error?.message}`);
          acked.restores.set(restoreArticle, r.value.rev);
          writes++;
        });

        await new Promise((resolve) => setTimeout(resolve, 150 + rand() * 1800));
        await session.shell.stop('SIGKILL');
        running = false;
        await Promise.all(loops);

        // The database as the next start finds it.
        const db = new Database(path.join(dataDir, DATABASE_FILE));
        try {
          const integrity = db.pragma('integrity_check', { simple: true });
          if (integrity !== 'ok') failures.push(`kill ${kill}: integrity_check says ${String(integrity)}`);
          for (const [id, { rev, n }] of acked.saves) {
            const row = db
              .prepare(`SELECT rev, ${BODY_BLOCKS} AS body FROM articles WHERE id = ?`)
              .get(id) as {
              rev: number;
              body: string;
            };
            const stored = Number(/autosave-(\d+)-end/.exec(row.body)?.[1] ?? 0);
            if (row.rev < rev || stored < n)
              failures.push(
                `kill ${kill}: ${id} acknowledged rev ${rev} (save ${n}), found rev ${row.rev} (save ${stored})`,
              );
          }
          for (const [id, status] of acked.claims) {
            const row = db.prepare('SELECT status FROM claims WHERE id = ?').get(id) as
              { status: string } | undefined;
            // The one call in flight at the kill may have committed after the last acknowledged one.
            if (!row) failures.push(`kill ${kill}: claim ${id} is gone`);
            else if (row.status !== status) {
              const last = db
                .prepare(
                  'SELECT status FROM claim_status_history WHERE claim_id = ? ORDER BY rowid DESC LIMIT 2',
                )
                .pluck()
                .all(id) as string[];
              if (!last.includes(status))
                failures.push(`kill ${kill}: claim ${id} acknowledged ${status}, found ${row.status}`);
            }
          }
          const counts = db
            .prepare(
              "SELECT substr(id, 1, instr(substr(id, 11), '-') + 9) AS pack, count(*) AS n FROM entities WHERE id LIKE 'ent-crash-%' GROUP BY pack",
            )
            .all() as { pack: string; n: number }[];
          for (const { pack, n } of counts)
            if (n !== PACK_SIZE)
              failures.push(`kill ${kill}: fact pack ${pack} is partly imported (${n} of ${PACK_SIZE})`);
          const present = new Set(counts.map((c) => Number(c.pack.slice('ent-crash-'.length))));
          for (const k of acked.packs)
            if (!present.has(k)) failures.push(`kill ${kill}: acknowledged fact pack ${k} is missing`);
          const imported = db
            .prepare(
              `SELECT id, headline, ${BODY_BLOCKS} AS body FROM articles WHERE headline LIKE 'Import %'`,
            )
            .all() as { id: string; headline: string; body: string }[];
          for (const a of imported) {
            const k = a.headline.slice('Import '.length);
            if (!a.body.includes(`Ende-${k}`) || !a.body.includes(`Absatz ${IMPORT_PARAGRAPHS - 1} `))
              failures.push(`kill ${kill}: import ${k} is partial`);
          }
          const ids = new Set(imported.map((a) => a.id));
          for (const [k, id] of acked.imports)
            if (!ids.has(id)) failures.push(`kill ${kill}: acknowledged import ${k} is missing`);
          for (const [id, rev] of acked.restores) {
            const row = db.prepare('SELECT rev FROM articles WHERE id = ?').get(id) as { rev: number };
            if (row.rev < rev)
              failures.push(`kill ${kill}: restore acknowledged at rev ${rev}, found rev ${row.rev}`);
          }
        } finally {
          db.close();
        }
        session = await openShellSession(dataDir);
      }
      const walMb = Math.round(
        (fs.statSync(path.join(dataDir, `${DATABASE_FILE}-wal`), { throwIfNoEntry: false })?.size ?? 0) /
          1024 /
          1024,
      );
      recordFigure({
        suite: 'Crash loop',
        tried: `${KILLS} SIGKILLs, ${writes.toLocaleString('en')} acknowledged writes (${acked.packs.size} packs, ${acked.imports.size} imports)`,
        lost: failures.filter((f) => /missing|found|gone/.test(f)).length,
        executed: 0,
        partial: failures.filter((f) => /partial|partly/.test(f)).length,
        note: `integrity failures: ${failures.filter((f) => f.includes('integrity')).length}; WAL at end ${walMb} MB`,
      });
      expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
      expect(writes).toBeGreaterThan(KILLS);
    },
  );
});
