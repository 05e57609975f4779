// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { AutosavePlugin } from './AutosavePlugin';
import { ArticleSession } from '../../../../shared/autosave/articleSession';
import type { ArticleDocument } from '../../../../shared/contract/articles';

const doc: ArticleDocument = {
  meta: {
    id: 'a1',
    kicker: '',
    headline: '',
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
    editorState: { root: { type: 'root', version: 1, children: [] } },
  } as unknown as ArticleDocument['body'],
  rev: 1,
};

/** A word typed into the body right after the commit, before React ran that commit's passive effects. */
function TypeAfterCommit() {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    queueMicrotask(() =>
      editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Lokal'))), {
        discrete: true,
      }),
    );
  }, [editor]);
  return null;
}

let root: Root | null = null;
afterEach(() => {
  root?.unmount();
  root = null;
});

describe('AutosavePlugin', () => {
  it('hands over a change made before the passive effects of its mount ran', async () => {
    const session = new ArticleSession(doc, () => new Promise(() => undefined));
    root = createRoot(document.createElement('div'));
    root.render(
      <LexicalComposer
        initialConfig={{
          namespace: 't',
          onError: (e) => {
            throw e;
          },
        }}
      >
        <AutosavePlugin session={session} />
        <TypeAfterCommit />
      </LexicalComposer>,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(session.dirty).toBe(true);
    expect(JSON.stringify(session.unsaved()?.editorState)).toContain('Lokal');
  });
});
