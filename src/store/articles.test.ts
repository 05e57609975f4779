import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { integrityCheck, openDatabase, type Db } from './db';
import {
  AUTO_SNAPSHOT_INTERVAL_MS,
  createArticle,
  createNamedRevision,
  duplicateArticle,
  emptyTrash,
  getArticle,
  listArticles,
  markOpened,
  recentArticles,
  restoreArticle,
  restoreRevision,
  saveArticle,
  trashArticle,
} from './articles';
import { getRevision, listRevisions } from './revisions';
import { paragraphBody } from './articleBody.fixture';
import { plainText } from '../shared/article/blocks';

let db: Db;
let dir: string;
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-articles-'));
  db = openDatabase(path.join(dir, 'factdesk.sqlite'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function newArticle(headline = 'Rotheide gewinnt das Derby', language: 'de' | 'en' = 'de') {
  return createArticle(db, { headline, language, author: 'Jana Kowalczyk' }, at(0));
}

function save(id: string, baseRev: number, paragraphs: string[], minute: number, meta = {}) {
  const outcome = saveArticle(
    db,
    { id, baseRev, body: paragraphBody(paragraphs), meta, user: 'Jana Kowalczyk' },
    at(minute),
  );
  if (outcome.kind !== 'saved') throw new Error(`save failed: ${outcome.kind}`);
  return outcome;
}

describe('article store', () => {
  it('creates a draft with an empty body that reads back identically', () => {
    const doc = newArticle();
    expect(doc.meta.status).toBe('draft');
    expect(doc.rev).toBe(1);
    expect(getArticle(db, doc.meta.id)).toEqual(doc);
  });

  it('saves body and fields together and bumps the rev', () => {
    const doc = newArticle();
    const out = save(doc.meta.id, 1, ['Almental verliert auswärts.'], 1, {
      lead: 'Ein spätes Tor entscheidet.',
    });
    expect(out.rev).toBe(2);
    const back = getArticle(db, doc.meta.id)!;
    expect(plainText(back.body)).toBe('Almental verliert auswärts.');
    expect(back.meta.lead).toBe('Ein spätes Tor entscheidet.');
    expect(back.meta.updatedAt).toBe(at(1));
  });

  it('refuses a save that started from an older rev and keeps the stored text', () => {
    const doc = newArticle();
    save(doc.meta.id, 1, ['Erste Fassung.'], 1);
    const stale = saveArticle(
      db,
      { id: doc.meta.id, baseRev: 1, body: paragraphBody(['Veraltet.']), user: 'x' },
      at(2),
    );
    expect(stale).toEqual({ kind: 'conflict', rev: 2 });
    expect(plainText(getArticle(db, doc.meta.id)!.body)).toBe('Erste Fassung.');
  });

  it('writes nothing when nothing changed', () => {
    const doc = newArticle();
    save(doc.meta.id, 1, ['Gleich.'], 1);
    const again = save(doc.meta.id, 2, ['Gleich.'], 2);
    expect(again.rev).toBe(2);
    expect(getArticle(db, doc.meta.id)!.meta.updatedAt).toBe(at(1));
  });

  it('takes an automatic snapshot at most every five minutes while the text changes', () => {
    const doc = newArticle();
    let rev = 1;
    for (let minute = 1; minute <= 12; minute++)
      rev = save(doc.meta.id, rev, [`Stand nach ${minute} Minuten.`], minute).rev;
    const revisions = listRevisions(db, doc.meta.id);
    expect(revisions.map((r) => r.kind)).toEqual(['auto', 'auto', 'auto']);
    expect(revisions.map((r) => r.createdAt)).toEqual([at(11), at(6), at(1)]);
    expect(AUTO_SNAPSHOT_INTERVAL_MS).toBe(5 * 60_000);
  });

  it('snapshots every status change with the status as its name', () => {
    const doc = newArticle();
    const r2 = save(doc.meta.id, 1, ['Text.'], 1).rev;
    const out = saveArticle(
      db,
      { id: doc.meta.id, baseRev: r2, meta: { status: 'in_fact_check' }, user: 'Erika' },
      at(2),
    );
    expect(out.kind === 'saved' && out.revisionId).toBeTruthy();
    const [latest] = listRevisions(db, doc.meta.id);
    expect(latest).toMatchObject({ kind: 'status', name: 'in_fact_check', author: 'Erika' });
  });

  it('keeps a named version of the stored state', () => {
    const doc = newArticle();
    save(doc.meta.id, 1, ['Vor der Abnahme.'], 1);
    const named = createNamedRevision(db, doc.meta.id, 'Vor Abnahme', 'Jana', at(2))!;
    const full = getRevision(db, named.id)!;
    expect(full.kind).toBe('named');
    expect(plainText(full.body)).toBe('Vor der Abnahme.');
    expect(full.meta.headline).toBe('Rotheide gewinnt das Derby');
  });

  it('restores an old revision as a new one and keeps the text it replaced', () => {
    const doc = newArticle();
    let rev = save(doc.meta.id, 1, ['Alte Fassung.'], 1).rev; // auto snapshot at minute 1
    rev = save(doc.meta.id, rev, ['Neue Fassung, noch nicht gesichert.'], 2, { headline: 'Neuer Titel' }).rev;
    const old = listRevisions(db, doc.meta.id)[0];
    const restored = restoreRevision(db, getRevision(db, old.id)!, 'Jana', at(3))!;
    expect(plainText(restored.body)).toBe('Alte Fassung.');
    expect(restored.meta.headline).toBe('Rotheide gewinnt das Derby');
    expect(restored.rev).toBe(rev + 1);

    const revisions = listRevisions(db, doc.meta.id);
    expect(revisions.map((r) => r.kind)).toEqual(['restore', 'auto', 'auto']);
    expect(revisions[0].name).toBe(String(old.id));
    expect(plainText(getRevision(db, revisions[1].id)!.body)).toBe('Neue Fassung, noch nicht gesichert.');
  });

  it('does not snapshot the current text again when it already is the newest revision', () => {
    const doc = newArticle();
    save(doc.meta.id, 1, ['Einzige Fassung.'], 1);
    const only = listRevisions(db, doc.meta.id)[0];
    restoreRevision(db, getRevision(db, only.id)!, 'Jana', at(2));
    expect(listRevisions(db, doc.meta.id).map((r) => r.kind)).toEqual(['restore', 'auto']);
  });

  it('duplicates an article as a new draft with the same body and no revisions', () => {
    const doc = newArticle();
    save(doc.meta.id, 1, ['Original.'], 1, { status: 'ready' });
    const copy = duplicateArticle(db, doc.meta.id, 'Kopie von Rotheide', at(2))!;
    expect(copy.meta.id).not.toBe(doc.meta.id);
    expect(copy.meta.status).toBe('draft');
    expect(plainText(copy.body)).toBe('Original.');
    expect(listRevisions(db, copy.meta.id)).toEqual([]);
  });

  it('moves articles to the trash, restores them, and empties the trash with their revisions', () => {
    const keep = newArticle('Bleibt');
    const gone = newArticle('Fliegt raus');
    save(gone.meta.id, 1, ['Weg damit.'], 1);
    trashArticle(db, gone.meta.id, at(2));
    expect(listArticles(db).map((a) => a.headline)).toEqual(['Bleibt']);
    expect(listArticles(db, { trash: true }).map((a) => a.headline)).toEqual(['Fliegt raus']);
    restoreArticle(db, gone.meta.id);
    expect(listArticles(db).length).toBe(2);
    trashArticle(db, gone.meta.id, at(3));
    expect(emptyTrash(db)).toBe(1);
    expect(getArticle(db, gone.meta.id)).toBeNull();
    expect(listRevisions(db, gone.meta.id)).toEqual([]);
    expect(getArticle(db, keep.meta.id)).not.toBeNull();
    expect(integrityCheck(db)).toEqual(['ok']);
  });

  it('filters by status and language, finds words in the body in any case, and sorts by title', () => {
    const a = newArticle('Zebra-Derby', 'de');
    const b = newArticle('Almental away win', 'en');
    save(a.meta.id, 1, ['Die Fans von SV Rotheide feierten.'], 1, { status: 'ready' });
    save(b.meta.id, 1, ['Strivo streamed the match.'], 2);
    expect(listArticles(db, { status: 'ready' }).map((x) => x.headline)).toEqual(['Zebra-Derby']);
    expect(listArticles(db, { language: 'en' }).map((x) => x.headline)).toEqual(['Almental away win']);
    expect(listArticles(db, { text: 'rotheide FANS' }).map((x) => x.headline)).toEqual(['Zebra-Derby']);
    expect(listArticles(db, { text: 'rotheide strivo' })).toEqual([]);
    expect(listArticles(db, { sort: 'title' }).map((x) => x.headline)).toEqual([
      'Almental away win',
      'Zebra-Derby',
    ]);
    expect(listArticles(db).map((x) => x.headline)).toEqual(['Almental away win', 'Zebra-Derby']);
    expect(listArticles(db, { text: 'strivo' })[0].wordCount).toBe(7);
  });

  it('lists recently opened articles newest first and leaves out the trash', () => {
    const a = newArticle('A');
    const b = newArticle('B');
    markOpened(db, a.meta.id, at(1));
    markOpened(db, b.meta.id, at(2));
    expect(recentArticles(db).map((r) => r.headline)).toEqual(['B', 'A']);
    trashArticle(db, b.meta.id, at(3));
    expect(recentArticles(db).map((r) => r.headline)).toEqual(['A']);
  });
});
