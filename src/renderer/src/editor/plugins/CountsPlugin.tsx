import { useEffect } from 'react';
import { useLatestRef } from '../../app/latestRef';
import { $getRoot } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { countText, type TextCounts } from '../../../../shared/typography/counts';
import { whenIdle } from '../idle';

/**
 * Counts the body once the writer pauses, never per keystroke: reading a 10,000-word tree on
 * every key would be the slowest thing in the editor.
 */
export function CountsPlugin({ onCounts, delayMs = 400 }: { onCounts: (counts: TextCounts) => void; delayMs?: number }): null {
  const [editor] = useLexicalComposerContext();
  const callback = useLatestRef(onCounts);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const count = () =>
      whenIdle(() => {
        if (!live) return;
        const text = editor.getEditorState().read(() => $getRoot().getTextContent());
        callback.current(countText(text));
      });
    count();
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(count, delayMs);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      off();
    };
  }, [editor, delayMs, callback]);
  return null;
}
