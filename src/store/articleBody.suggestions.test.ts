import { describe, expect, it } from 'vitest';
import type { ArticleBody, SerializedEditorStateJSON } from '../shared/domain/articles';
import { checkBody } from './articleBody';

describe('checkBody on suggested changes', () => {
  const para = (children: unknown[]) => ({ type: 'paragraph', version: 1, children });
  const bodyOf = (children: unknown[]): ArticleBody => ({
    schemaVersion: 1,
    editorState: {
      root: { type: 'root', version: 1, children: [para(children)] },
    } as unknown as SerializedEditorStateJSON,
  });
  const change = (extra: Record<string, unknown>) => ({
    type: 'suggested-change',
    version: 1,
    kind: 'insert',
    suggestionId: 's-1',
    author: 'Lena Kowalczyk',
    date: '2026-12-06T17:00:00.000Z',
    children: [{ type: 'text', version: 1, text: 'x' }],
    ...extra,
  });

  it('accepts an insertion inside a claim mark and a deletion holding one', () => {
    const mark = (children: unknown[]) => ({ type: 'mark', version: 1, ids: ['c-1'], children });
    expect(
      checkBody(
        bodyOf([
          mark([change({})]),
          change({ kind: 'delete', children: [mark([{ type: 'text', version: 1, text: 'y' }])] }),
        ]),
      ),
    ).toEqual([]);
  });

  it('names the field of a malformed suggestion', () => {
    expect(checkBody(bodyOf([change({ kind: 'move' })]))).toEqual([
      { path: 'body.editorState.root.children.0.children.0.kind', message: 'must be insert or delete' },
    ]);
    expect(checkBody(bodyOf([change({ author: 'x'.repeat(121) })]))[0].path).toMatch(/\.author$/);
    expect(checkBody(bodyOf([change({ date: 'yesterday' })]))[0].path).toMatch(/\.date$/);
    expect(checkBody(bodyOf([change({ suggestionId: '<script>' })]))[0].path).toMatch(/\.suggestionId$/);
  });

  it('refuses nesting and block content inside a suggestion, and a suggestion at the root', () => {
    expect(checkBody(bodyOf([change({ children: [change({})] })]))[0].message).toMatch(
      /may not contain another/,
    );
    expect(checkBody(bodyOf([change({ children: [para([])] })]))[0].message).toMatch(/may not sit inside/);
    const atRoot: ArticleBody = {
      schemaVersion: 1,
      editorState: {
        root: { type: 'root', version: 1, children: [change({})] },
      } as unknown as SerializedEditorStateJSON,
    };
    expect(checkBody(atRoot)[0].message).toMatch(/may not sit directly in "root"/);
  });
});
