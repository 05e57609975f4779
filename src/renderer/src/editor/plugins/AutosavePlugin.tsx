import { useEffect, useLayoutEffect, useRef } from 'react';
import { COLLABORATION_TAG, HISTORY_MERGE_TAG } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { ArticleSession } from '../../../../shared/autosave/articleSession';
import { changedBlocks } from '../blockSource';
import { whenIdleAfterPaint } from '../idle';

/** A colleague's edit in a shared article is in the local Yjs copy already; its JSON mirror follows within this. */
const REMOTE_SAVE_WITHIN_MS = 3000;

/**
 * Hands every content change to the autosave session. Only a reference to the immutable
 * editor state is passed on; serialising happens in the session after the writer pauses.
 */
export function AutosavePlugin({ session }: { session: ArticleSession }): null {
  const [editor] = useLexicalComposerContext();
  const starting = useRef(true);
  useEffect(() => {
    // Serialises the whole body (≈ 0.1 s at 100,000 words): not before the opened text is on screen.
    whenIdleAfterPaint(() => session.setBaseline(editor.getEditorState()), 1000);
    // The plugins' node transforms registered in this flush mark their nodes dirty in updates
    // committed right after it.
    const timer = setTimeout(() => (starting.current = false), 0);
    return () => clearTimeout(timer);
  }, [editor, session]);
  // From the commit that mounts the editor, like Lexical's own input handling: a passive effect
  // runs later on a loaded machine, and a key typed before it changed the body without reaching
  // the session — with nothing typed after it, "Saved" showed and the key was never stored.
  useLayoutEffect(
    () =>
      editor.registerUpdateListener(({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }) => {
        // Selection moves and focus changes touch no nodes.
        if (editorState === prevEditorState || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
        // A plugin starting up marks every node of a type dirty (Lexical's registerNodeTransform),
        // changing no text; noted, it made the opening save rewrite every block under new ids.
        if (starting.current && tags.has(HISTORY_MERGE_TAG)) return;
        const blocks = changedBlocks(editorState, dirtyElements, dirtyLeaves);
        if (tags.has(COLLABORATION_TAG)) session.noteBodyLater(editorState, REMOTE_SAVE_WITHIN_MS, blocks);
        else session.noteBody(editorState, blocks);
      }),
    [editor, session],
  );
  return null;
}
