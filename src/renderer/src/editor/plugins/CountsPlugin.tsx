import { useEffect } from 'react';
import { useLatestRef } from '../../app/latestRef';
import { $getRoot, COLLABORATION_TAG } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { countText, type TextCounts } from '../../../../shared/typography/counts';
import { whenIdle, whenIdleAfterPaint } from '../idle';
import { editPause } from '../editPause';

/**
 * Counts the body once the writer pauses, never per keystroke: reading a 10,000-word tree on
 * every key would be the slowest thing in the editor.
 */
export function CountsPlugin({
  onCounts,
  delayMs = 400,
}: {
  onCounts: (counts: TextCounts) => void;
  delayMs?: number;
}): null {
  const [editor] = useLexicalComposerContext();
  const callback = useLatestRef(onCounts);
  useEffect(() => {
    let live = true;
    const countNow = () => {
      if (!live) return;
      const text = editor.getEditorState().read(() => $getRoot().getTextContent());
      callback.current(countText(text));
    };
    const count = () => whenIdle(countNow);
    // The first count follows the opened text onto the screen instead of holding it up.
    whenIdleAfterPaint(countNow);
    // Colleagues' typing in a shared article updates the count at most every few seconds.
    const pause = editPause(count, { localMs: delayMs, remoteMs: Math.max(delayMs, 3000) });
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (tags.has(COLLABORATION_TAG)) pause.remote();
      else pause.local();
    });
    return () => {
      live = false;
      pause.cancel();
      off();
    };
  }, [editor, delayMs, callback]);
  return null;
}
