import type { SerializedEditorStateJSON } from '../../shared/domain/articles';
import { splitBody } from '../articleBlocks';
import type { Migration } from './types';

/**
 * Article bodies stored per top-level block (see articleBlocks.ts), so an autosave of a long
 * article writes only what changed. `articles.body` keeps the root node's own fields,
 * `block_order` the block ids in order, `body_words` the body's word count. The derived
 * `body_text` column goes: the library searches the blocks' text and `search_text` keeps only
 * the structured fields. Every existing body is split here.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'article-blocks',
  up(db) {
    db.exec(`
      CREATE TABLE article_blocks (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        words INTEGER NOT NULL DEFAULT 0,
        text TEXT NOT NULL DEFAULT '',
        json TEXT NOT NULL CHECK (json_valid(json)),
        PRIMARY KEY (article_id, id)
      );
      ALTER TABLE articles ADD COLUMN block_order TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(block_order));
      ALTER TABLE articles ADD COLUMN body_words INTEGER NOT NULL DEFAULT 0;
    `);
    const rows = db
      .prepare('SELECT id, kicker, headline, lead, byline, dateline, author, desk, body FROM articles')
      .all() as {
      id: string;
      kicker: string;
      headline: string;
      lead: string;
      byline: string;
      dateline: string;
      author: string;
      desk: string;
      body: string;
    }[];
    const insert = db.prepare(
      'INSERT INTO article_blocks (article_id, id, words, text, json) VALUES (?, ?, ?, ?, ?)',
    );
    const update = db.prepare(
      'UPDATE articles SET body = ?, block_order = ?, body_words = ?, search_text = ? WHERE id = ?',
    );
    for (const row of rows) {
      const state = JSON.parse(row.body) as Partial<SerializedEditorStateJSON> | null;
      // A body without a root node (never written by the app) stays as it is, without blocks.
      const root =
        state !== null && typeof state.root === 'object' && state.root !== null ? state.root : null;
      const { shellJson, blocks } = root ? splitBody(root) : { shellJson: row.body, blocks: [] };
      let words = 0;
      for (const b of blocks) {
        insert.run(row.id, b.id, b.words, b.text, b.json);
        words += b.words;
      }
      const fields = [row.kicker, row.headline, row.lead, row.byline, row.dateline, row.author, row.desk];
      update.run(
        shellJson,
        JSON.stringify(blocks.map((b) => b.id)),
        words,
        fields.join('\n').toLowerCase(),
        row.id,
      );
    }
    db.exec('ALTER TABLE articles DROP COLUMN body_text');
  },
};
