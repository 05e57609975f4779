import type { ArticleDocument } from '../../../shared/contract/articles';

/**
 * An article as `articles:open` returns it, for renderer tests: id "a1", revision 1, the given
 * headline and root children (serialised Lexical nodes), every other field empty.
 */
export function openedArticle(headline = '', children: object[] = []): ArticleDocument {
  return {
    meta: {
      id: 'a1',
      kicker: '',
      headline,
      lead: '',
      byline: '',
      dateline: '',
      language: 'de',
      author: '',
      desk: '',
      status: 'draft',
      trashedAt: null,
      createdAt: '2026-12-07T00:00:00.000Z',
      updatedAt: '2026-12-07T00:00:00.000Z',
    },
    body: {
      schemaVersion: 1,
      editorState: {
        root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children },
      },
    } as unknown as ArticleDocument['body'],
    rev: 1,
  };
}
