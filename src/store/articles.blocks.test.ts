import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db';
import { createArticle, duplicateArticle, getArticle, listArticles, saveArticle } from './articles';
import { listRevisions, getRevision } from './revisions';
import { paragraph, paragraphBody } from './articleBody.fixture';
import { plainText } from '../shared/article/blocks';
import type { BlockPatch } from '../shared/contract/articles';

let db: Db;
let dir: string;
const at = (minutes: number) =>
  new Date(Date.parse('2026-03-01T10:00:00.000Z') + minutes * 60_000).toISOString();
const ROOT = { type: 'root', version: 1, direction: null, format: '', indent: 0 };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-blocks-'));
  db = openDatabase(path.join(dir, 'factdesk.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An article holding the given paragraphs, with its stored block ids. */
function stored(paragraphs: string[]) {
  const doc = createArticle(db, { headline: 'Derby', language: 'de', author: 'Jana Kowalczyk' }, at(0));
  const out = saveArticle(
    db,
    { id: doc.meta.id, baseRev: doc.rev, body: paragraphBody(paragraphs), user: 'Jana Kowalczyk' },
    at(1),
  );
  if (out.kind !== 'saved') throw new Error(out.kind);
  const back = getArticle(db, doc.meta.id)!;
  return { id: doc.meta.id, rev: back.rev, ids: back.blockIds! };
}

function patch(id: string, baseRev: number, blocks: BlockPatch, minute = 2) {
  return saveArticle(db, { id, baseRev, blocks, user: 'Jana Kowalczyk' }, at(minute));
}

const rowCounts = () => db.prepare('SELECT count(*) FROM article_blocks').pluck().get() as number;

describe('article bodies stored per block', () => {
  it('writes only the changed block and keeps the others as stored', () => {
    const a = stored(['SV Rotheide gewinnt.', 'Lena Kowalczyk trifft zweimal.', 'FC Nordhafen verliert.']);
    const before = db.prepare('SELECT id, json FROM article_blocks ORDER BY id').all();
    const out = patch(a.id, a.rev, {
      root: ROOT,
      order: a.ids,
      changed: [{ id: a.ids[1], node: paragraph('Lena Kowalczyk trifft dreimal.') }],
    });
    expect(out.kind).toBe('saved');
    const after = db.prepare('SELECT id, json FROM article_blocks ORDER BY id').all() as { id: string }[];
    const changedRows = after.filter((row, i) => JSON.stringify(row) !== JSON.stringify(before[i]));
    expect(changedRows.map((r) => r.id)).toEqual([a.ids[1]]);
    const doc = getArticle(db, a.id)!;
    expect(plainText(doc.body)).toBe(
      'SV Rotheide gewinnt.\nLena Kowalczyk trifft dreimal.\nFC Nordhafen verliert.',
    );
    expect(doc.blockIds).toEqual(a.ids);
    expect(doc.rev).toBe(a.rev + 1);
  });

  it('adds, moves and deletes blocks by the order, and keeps word count and search in step', () => {
    const a = stored(['Eins zwei.', 'Drei vier fünf.', 'Sechs.']);
    const out = patch(a.id, a.rev, {
      root: ROOT,
      order: [a.ids[2], 'neu-1', a.ids[0]],
      changed: [{ id: 'neu-1', node: paragraph('Tabellenspitze erobert') }],
    });
    expect(out.kind).toBe('saved');
    expect(plainText(getArticle(db, a.id)!.body)).toBe('Sechs.\nTabellenspitze erobert\nEins zwei.');
    expect(rowCounts()).toBe(3);
    const [item] = listArticles(db, { text: 'tabellenspitze' });
    // Headline "Derby" + 1 + 2 + 2 words.
    expect(item.wordCount).toBe(6);
    expect(listArticles(db, { text: 'fünf' })).toEqual([]);
    expect(listArticles(db, { text: 'derby sechs' })).toHaveLength(1);
  });

  it('refuses a patch made against an older rev, and one naming a block that is not stored', () => {
    const a = stored(['Erster Absatz.', 'Zweiter Absatz.']);
    const next = patch(a.id, a.rev, {
      root: ROOT,
      order: a.ids,
      changed: [{ id: a.ids[0], node: paragraph('Neu.') }],
    });
    expect(next.kind).toBe('saved');
    const stale = patch(a.id, a.rev, {
      root: ROOT,
      order: a.ids,
      changed: [{ id: a.ids[1], node: paragraph('Alt.') }],
    });
    expect(stale).toEqual({ kind: 'conflict', rev: a.rev + 1 });
    const unknown = patch(a.id, a.rev + 1, { root: ROOT, order: [a.ids[0], 'gibt-es-nicht'], changed: [] });
    expect(unknown.kind).toBe('invalid');
    expect(unknown.kind === 'invalid' && unknown.problems[0].path).toBe('blocks.order.1');
    // Nothing of either refused patch reached the store.
    expect(plainText(getArticle(db, a.id)!.body)).toBe('Neu.\nZweiter Absatz.');
    expect(rowCounts()).toBe(2);
  });

  it('writes nothing and keeps the rev when a patch repeats the stored blocks', () => {
    const a = stored(['Gleich.']);
    const json = JSON.parse(db.prepare('SELECT json FROM article_blocks').pluck().get() as string);
    const out = patch(a.id, a.rev, { root: ROOT, order: a.ids, changed: [{ id: a.ids[0], node: json }] });
    expect(out).toMatchObject({ kind: 'saved', rev: a.rev, revisionId: null });
  });

  it('clears inline styles in patched blocks as in whole bodies', () => {
    const a = stored(['Text.']);
    const styled = paragraph('Mit Stil.');
    (styled.children![0] as Record<string, unknown>).style = 'background-image:url(https://example.org/x)';
    patch(a.id, a.rev, { root: ROOT, order: a.ids, changed: [{ id: a.ids[0], node: styled }] });
    const json = db.prepare('SELECT json FROM article_blocks').pluck().get() as string;
    expect(json).not.toContain('example.org');
  });

  it('keeps whole bodies in revisions and copies blocks with a duplicate', () => {
    const a = stored(['Revision eins.', 'Und zwei.']);
    const [rev] = listRevisions(db, a.id);
    expect(plainText(getRevision(db, rev.id)!.body)).toBe('Revision eins.\nUnd zwei.');
    const copy = duplicateArticle(db, a.id, 'Kopie', at(3))!;
    expect(plainText(copy.body)).toBe('Revision eins.\nUnd zwei.');
    patch(copy.meta.id, copy.rev, { root: ROOT, order: copy.blockIds!.slice(0, 1), changed: [] });
    expect(plainText(getArticle(db, a.id)!.body)).toBe('Revision eins.\nUnd zwei.');
    expect(plainText(getArticle(db, copy.meta.id)!.body)).toBe('Revision eins.');
    db.prepare('DELETE FROM articles WHERE id = ?').run(copy.meta.id);
    expect(rowCounts()).toBe(2);
  });
});
