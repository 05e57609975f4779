// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useLayoutEffect, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { $getRoot, $isElementNode } from 'lexical';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { ArticleLinkPlugins } from './LinkPlugins';
import { PastePlugin } from './PastePlugin';
import { TypographyPlugin } from './TypographyPlugin';
import { AutosavePlugin } from './AutosavePlugin';
import { articleEditorConfig } from '../config';
import { blockSource } from '../blockSource';
import { ArticleSession, type SaveFn } from '../../../../shared/autosave/articleSession';
import type { ArticleDocument } from '../../../../shared/contract/articles';
import { openedArticle } from '../articleDocument.testing';

const text = (t: string) => ({
  type: 'text',
  version: 1,
  text: t,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
});

const paragraph = (...children: object[]) => ({
  type: 'paragraph',
  version: 1,
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
});

/** A stored article, as `articles:open` returns it: paragraphs, a link, an address not yet linked, a list. */
function storedArticle(): ArticleDocument {
  return {
    ...openedArticle('Stored', [
      paragraph(text('Es geht')),
      paragraph(text('Mehr unter www.example.org und '), {
        type: 'link',
        version: 1,
        url: 'https://example.org/a',
        rel: null,
        target: null,
        title: null,
        direction: null,
        format: '',
        indent: 0,
        children: [text('hier')],
      }),
      {
        type: 'list',
        version: 1,
        listType: 'bullet',
        start: 1,
        tag: 'ul',
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'listitem',
            version: 1,
            value: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [text('Punkt')],
          },
        ],
      },
    ]),
    blockIds: ['b1', 'b2', 'b3'],
  };
}

/**
 * Keys typed at the end of the first paragraph right after the commit that mounted the editor,
 * before React ran that commit's passive effects — when a loaded machine delivers the first keys.
 */
function TypeAfterCommit({ text }: { text: string }) {
  const [editor] = useLexicalComposerContext();
  useLayoutEffect(() => {
    queueMicrotask(() => {
      for (const ch of text)
        editor.update(
          () => {
            const paragraph = $getRoot().getFirstChild();
            if ($isElementNode(paragraph)) paragraph.selectEnd().insertText(ch);
          },
          { discrete: true },
        );
    });
  }, [editor, text]);
  return null;
}

/** The body editor with the plugins ArticleEditor lists before autosave, in its order. */
function Editor({
  doc,
  session,
  children,
}: {
  doc: ArticleDocument;
  session: ArticleSession;
  children?: ReactNode;
}) {
  return (
    <LexicalComposer initialConfig={articleEditorConfig(doc.body)}>
      <RichTextPlugin contentEditable={<ContentEditable />} ErrorBoundary={LexicalErrorBoundary} />
      <HistoryPlugin />
      <ListPlugin />
      <ArticleLinkPlugins />
      <TypographyPlugin language="de" />
      <PastePlugin />
      <AutosavePlugin session={session} />
      {children}
    </LexicalComposer>
  );
}

function recordingSave(doc: ArticleDocument, sent: string[]): SaveFn {
  return async (input) => {
    sent.push(JSON.stringify(input));
    return { ok: true, value: { rev: input.baseRev + 1, meta: doc.meta, revisionId: null } };
  };
}

let root: Root | null = null;
afterEach(() => {
  root?.unmount();
  root = null;
  document.body.innerHTML = '';
});

/**
 * Opens the stored article in the editor with a session that records what it sends, and waits
 * until the mount has settled. Not in act() and not flushSync: a default-priority mount, as when
 * an opened article arrives.
 */
async function openEditor(children?: ReactNode) {
  const doc = storedArticle();
  const sent: string[] = [];
  const session = new ArticleSession(doc, recordingSave(doc, sent), { blockSource });
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  root.render(
    <Editor doc={doc} session={session}>
      {children}
    </Editor>,
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { container, session, sent };
}

describe('AutosavePlugin', () => {
  it('saves keys typed before the passive effects of its mount ran, with nothing typed after them', async () => {
    const { container, session, sent } = await openEditor(<TypeAfterCommit text=" weiter" />);
    expect(container.textContent).toContain('Es geht weiter');
    // What closing the window or switching articles does: whatever the session holds is stored.
    await session.flush();
    expect(session.state.kind).toBe('saved');
    expect(sent.join('\n')).toContain('Es geht weiter');
  });

  it('notes nothing when an article opens and nobody types: plugins starting up change no text', async () => {
    const { container, session, sent } = await openEditor();
    expect(container.textContent).toContain('Punkt');
    expect(session.dirty).toBe(false);
    expect(session.state.kind).toBe('saved');
    await session.flush();
    expect(sent).toEqual([]);
  });
});
