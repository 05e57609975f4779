import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../db';
import { getArticle, listArticles, saveArticle } from '../articles';
import { bodyOf, heading, paragraph } from '../articleBody.fixture';
import { plainText } from '../../shared/article/blocks';
import { migrations } from './index';
import { migrationDbs } from './testing';

const { tempDb, cleanup } = migrationDbs('factdesk-m14-');
afterEach(cleanup);

const NOW = '2026-12-06T20:00:00.000Z';
const index = migrations.findIndex((m) => m.name === 'article-blocks');

describe('migration article-blocks', () => {
  it('splits every stored body into blocks and keeps text, counts, search and revisions', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    const body = bodyOf([
      heading('Derby in Rotheide'),
      paragraph('Lena Kowalczyk trifft zweimal.'),
      paragraph(''),
    ]);
    db.prepare(
      `INSERT INTO articles (id, headline, language, created_at, updated_at, rev, body, body_text, word_count, search_text)
       VALUES ('art-1', 'Sieg', 'de', ?, ?, 4, ?, ?, 7, ?)`,
    ).run(
      NOW,
      NOW,
      JSON.stringify(body.editorState),
      'Derby in Rotheide\nLena Kowalczyk trifft zweimal.\n',
      'x',
    );
    db.prepare(
      `INSERT INTO article_revisions (article_id, created_at, kind, body_schema, body, meta)
       VALUES ('art-1', ?, 'named', 1, ?, '{}')`,
    ).run(NOW, JSON.stringify(body.editorState));

    migrate(db, migrations.slice(0, index + 1));
    expect(schemaVersion(db)).toBe(index + 1);
    const doc = getArticle(db, 'art-1')!;
    expect(doc.body).toEqual(body);
    expect(doc.rev).toBe(4);
    expect(doc.blockIds).toHaveLength(3);
    expect(db.prepare('SELECT count(*) FROM article_blocks').pluck().get()).toBe(3);
    expect(db.prepare('SELECT count(*) FROM article_revisions').pluck().get()).toBe(1);
    const [item] = listArticles(db, { text: 'kowalczyk sieg' });
    expect(item.wordCount).toBe(7);
    expect(listArticles(db, { text: 'rotheide' })).toHaveLength(1);
    expect(
      db.prepare("SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'body_text'").pluck().get(),
    ).toBe(0);

    // The next autosave patches the converted blocks.
    const out = saveArticle(
      db,
      {
        id: 'art-1',
        baseRev: 4,
        blocks: {
          root: { type: 'root', version: 1 },
          order: doc.blockIds!.slice(0, 2),
          changed: [{ id: doc.blockIds![1], node: paragraph('Lena Kowalczyk trifft dreimal.') }],
        },
        user: 'Jana Kowalczyk',
      },
      NOW,
    );
    expect(out.kind).toBe('saved');
    expect(plainText(getArticle(db, 'art-1')!.body)).toBe(
      'Derby in Rotheide\nLena Kowalczyk trifft dreimal.',
    );
  });

  it('deletes an article’s blocks with the article', () => {
    const db = tempDb();
    migrate(db, migrations.slice(0, index));
    db.prepare(
      `INSERT INTO articles (id, language, created_at, updated_at, body) VALUES ('art-2', 'en', ?, ?, ?)`,
    ).run(NOW, NOW, JSON.stringify(bodyOf([paragraph('One.'), paragraph('Two.')]).editorState));
    migrate(db, migrations.slice(0, index + 1));
    expect(db.prepare('SELECT count(*) FROM article_blocks').pluck().get()).toBe(2);
    db.prepare("DELETE FROM articles WHERE id = 'art-2'").run();
    expect(db.prepare('SELECT count(*) FROM article_blocks').pluck().get()).toBe(0);
  });
});
