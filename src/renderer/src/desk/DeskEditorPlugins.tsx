import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as Y from 'yjs';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import type { Doc } from 'yjs';
import { syncCursorPositions, type SyncCursorPositionsFn } from '@lexical/yjs';
import { ARTICLE_DOC_KEYS } from '../../../shared/desk/names';
import type { ArticleSession } from '../../../shared/autosave/articleSession';
import { AutosavePlugin } from '../editor/plugins/AutosavePlugin';
import { colorForName } from './colors';
import { deskUserName, getDesk } from './deskClient';
import type { DeskDoc } from './deskDoc';
import { lexicalProvider } from './lexicalProvider';
import { collabNodeOf, mirrorOnlyDirtyChildren } from './dirtyChildrenSync';

export interface DeskBinding {
  desk: DeskDoc;
  /** Seed the desk document from the local article (only the app that shares it). */
  bootstrap: boolean;
  /** The local article's editor state as JSON, the seed. */
  initialJson: string;
}

// Remote edits move everyone's carets; placing them measures the layout of the whole article, so
// a burst of remote keystrokes repositions them once per frame instead of once per keystroke.
function syncCursorsOncePerFrame(): SyncCursorPositionsFn {
  let latest: Parameters<SyncCursorPositionsFn> | null = null;
  return (...args) => {
    const scheduled = latest !== null;
    latest = args;
    if (scheduled) return;
    requestAnimationFrame(() => {
      const [binding, provider, options] = latest!;
      latest = null;
      try {
        syncCursorPositions(binding, provider, options);
      } catch {
        // The editor closed before the frame; there is nothing left to place carets in.
      }
    });
  };
}

/**
 * Local edits mirror only the paragraphs they touched (see dirtyChildrenSync.ts). The binding is
 * created inside CollaborationPlugin; its root is found on the root XmlText at the first update
 * after it exists — until then the library's whole walk runs, which is only slower.
 */
function useMirrorOnlyDirtyChildren(desk: DeskDoc): void {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const xmlText = desk.doc.get(ARTICLE_DOC_KEYS.root, Y.XmlText);
    let off: (() => void) | null = null;
    const tryWrap = () => {
      const root = collabNodeOf(xmlText);
      if (root === null) return;
      mirrorOnlyDirtyChildren(root);
      off?.();
      off = null;
    };
    off = editor.registerUpdateListener(tryWrap);
    tryWrap();
    return () => off?.();
  }, [editor, desk]);
}

/** The editor bound to the article's desk document: live edits, carets, and undo of one's own changes. */
export function DeskCollaborationPlugin({ binding, articleId }: { binding: DeskBinding; articleId: string }) {
  const { desk, bootstrap, initialJson } = binding;
  const providerFactory = useCallback(
    (id: string, docs: Map<string, Doc>) => {
      docs.set(id, desk.doc);
      return lexicalProvider(desk, bootstrap);
    },
    [desk, bootstrap],
  );
  const cursorsOncePerFrame = useMemo(() => syncCursorsOncePerFrame(), []);
  useMirrorOnlyDirtyChildren(desk);
  const name = deskUserName();
  const role = getDesk().config?.user?.role ?? 'editor';
  const awarenessData = useMemo(
    () => ({ user: { name, color: colorForName(name), role }, articleId }),
    [name, role, articleId],
  );
  return (
    <CollaborationPlugin
      id={desk.name}
      providerFactory={providerFactory}
      shouldBootstrap={bootstrap}
      initialEditorState={initialJson}
      username={name}
      cursorColor={colorForName(name)}
      awarenessData={awarenessData}
      syncCursorPositionsFn={cursorsOncePerFrame}
    />
  );
}

/**
 * True once the desk document has a body (from the local copy, the desk, or the seed). Until
 * then the editor is empty only because nothing has arrived, and autosave must not store that.
 */
function useDeskBodyReady(desk: DeskDoc | null): boolean {
  const root = useMemo(() => desk?.doc.get(ARTICLE_DOC_KEYS.root, Y.XmlText) ?? null, [desk]);
  const [ready, setReady] = useState(() => root !== null && root.length > 0);
  useEffect(() => {
    if (!desk || !root || ready) return;
    const check = () => {
      if (root.length > 0) setReady(true);
    };
    desk.doc.on('afterTransaction', check);
    check();
    return () => desk.doc.off('afterTransaction', check);
  }, [desk, root, ready]);
  return ready;
}

/** Without a frame (a hidden window paints none), the passes start after this anyway. */
const PAINT_FALLBACK_MS = 500;

/**
 * Whole-article passes (detection, counts) of a shared article start once the body from the desk
 * is on screen: a newcomer gets the whole article in one piece, and a pass that starts with it
 * runs between the editor's update and the frame that shows it.
 */
export function AfterDeskBodyPainted({ desk, children }: { desk: DeskDoc | null; children: ReactNode }) {
  const ready = useDeskBodyReady(desk);
  const [painted, setPainted] = useState(desk === null);
  useEffect(() => {
    if (painted || !ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => setPainted(true);
    // The task after the next frame: that frame has the body in it.
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = setTimeout(done, 0);
    });
    timer = setTimeout(done, PAINT_FALLBACK_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted ? children : null;
}

/** The local copy's editor-state JSON follows the desk document within this (its Yjs state is stored already). */
const CATCH_UP_WITHIN_MS = 3000;

/**
 * Autosave of a shared article, from the moment its desk document has a body. Its own component:
 * the moment comes with the desk's state, and re-rendering the whole editor then would delay
 * the newcomer's first paint of that state.
 */
export function DeskAutosave({ desk, session }: { desk: DeskDoc; session: ArticleSession }) {
  const ready = useDeskBodyReady(desk);
  if (!ready) return null;
  return (
    <>
      <AutosavePlugin session={session} />
      <DeskAutosaveStart session={session} />
    </>
  );
}

/** Hands the body as the desk document made it to autosave once, so the local copy catches up. */
function DeskAutosaveStart({ session }: { session: ArticleSession }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // After the binding's pending update has been committed; not on the way to the first paint.
    const timer = setTimeout(() => session.noteBodyLater(editor.getEditorState(), CATCH_UP_WITHIN_MS), 0);
    return () => clearTimeout(timer);
  }, [editor, session]);
  return null;
}

/** A viewer's editor shows the live text but takes no input; the desk refuses their updates anyway. */
export function DeskViewerLock({ readOnly }: { readOnly: boolean }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (readOnly) editor.setEditable(false);
    else editor.setEditable(true);
  }, [editor, readOnly]);
  return null;
}
