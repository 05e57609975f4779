import { useEffect } from 'react';
import type { EditorState, LexicalEditor } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Misspelling, SpellLanguage } from '../../../shared/spell/checker';
import { whenIdleAfterPaint } from '../editor/idle';
import { nearViewportTest } from '../editor/nearViewport';
import { $editorTextMap, pointsOf, type EditorTextMap } from '../detect/editorText';
import { checkSpelling, onSpellWordsChanged, refreshSpellWords } from './spellClient';
import { setSpellMarks, type PaintedMisspelling } from './spellMarks';
import '../styles/spell.css';

/** The check runs this long after the last change, so a typing burst costs one pass. */
export const SPELL_DELAY_MS = 600;

const HIGHLIGHT = 'factdesk-misspelling';

const highlightsSupported = () =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

function firstTextNode(el: Node): Text | null {
  if (el.nodeType === Node.TEXT_NODE) return el as Text;
  return document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode() as Text | null;
}

function domRange(
  editor: LexicalEditor,
  map: EditorTextMap,
  miss: Misspelling,
  nearViewport: (el: Element) => boolean,
): Range | null {
  const points = pointsOf(map, miss.start, miss.end);
  if (!points || points.anchor.key !== points.focus.key) return null;
  const el = editor.getElementByKey(points.anchor.key);
  if (!el || !nearViewport(el)) return null;
  const text = firstTextNode(el);
  if (!text) return null;
  const range = document.createRange();
  range.setStart(text, Math.min(points.anchor.offset, text.length));
  range.setEnd(text, Math.min(points.focus.offset, text.length));
  return range;
}

/**
 * Underlines misspelt words with a CSS Custom Highlight, like detection's suggestions: nothing in
 * the document changes, and only words near the viewport are registered (repainted on scroll),
 * because Chromium revalidates every registered range on each DOM change. The text is checked in a
 * worker after typing pauses; the editor thread only reads the text and paints.
 */
export function SpellPlugin({ language }: { language: SpellLanguage }): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let disposed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let misses: Misspelling[] = [];
    let checkedMap: EditorTextMap | null = null;
    let checkedState: EditorState | null = null;
    let generation = 0;

    const paint = () => {
      if (!highlightsSupported() || disposed) return;
      const painted: PaintedMisspelling[] = [];
      if (checkedMap) {
        const near = nearViewportTest(editor.getRootElement());
        for (const miss of misses) {
          const range = domRange(editor, checkedMap, miss, near);
          if (range) painted.push({ miss, range });
        }
      }
      const highlight = new Highlight(...painted.map((p) => p.range));
      // Above detection's dotted underline when a misspelt word is also part of a suggestion.
      highlight.priority = 1;
      CSS.highlights.set(HIGHLIGHT, highlight);
      setSpellMarks({ editor, lang: language, painted });
    };

    const run = () => {
      if (disposed) return;
      const state = editor.getEditorState();
      const map = state.read($editorTextMap);
      const mine = ++generation;
      checkSpelling(language, map.text).then(
        (found) => {
          // A newer pass is on its way, or the text changed while the worker checked: its offsets no longer fit.
          if (disposed || mine !== generation || editor.getEditorState() !== state) return;
          misses = found;
          checkedMap = map;
          checkedState = state;
          paint();
        },
        () => undefined,
      );
    };
    const schedule = (delay = SPELL_DELAY_MS) => {
      clearTimeout(timer);
      timer = setTimeout(() => whenIdleAfterPaint(run), delay);
    };

    void refreshSpellWords();
    schedule(0);
    const offWords = onSpellWordsChanged(() => schedule(0));
    // Names may have been added in the facts pane or another window.
    const onFocus = () => void refreshSpellWords();
    window.addEventListener('focus', onFocus);

    let frame = 0;
    const onScroll = (event: Event) => {
      const root = editor.getRootElement();
      if (root && event.target instanceof Node && !event.target.contains(root)) return;
      if (frame || !checkedState) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (editor.getEditorState() === checkedState) paint();
      });
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    const unregister = editor.registerUpdateListener(
      ({ dirtyLeaves, dirtyElements, prevEditorState, editorState }) => {
        if (prevEditorState === editorState) return;
        if (dirtyLeaves.size > 0 || dirtyElements.size > 0) schedule();
      },
    );

    return () => {
      disposed = true;
      clearTimeout(timer);
      offWords();
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
      cancelAnimationFrame(frame);
      unregister();
      if (highlightsSupported()) CSS.highlights.delete(HIGHLIGHT);
      setSpellMarks(null);
    };
  }, [editor, language]);

  return null;
}
