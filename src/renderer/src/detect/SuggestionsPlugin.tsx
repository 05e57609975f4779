import { useEffect } from 'react';
import { COLLABORATION_TAG, type EditorState, type LexicalEditor } from 'lexical';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { Detector, DetectEntity, KnownPerson } from '../../../shared/detect';
import type { ArticleLanguage } from '../../../shared/domain/articles';
import { whenIdle, whenIdleAfterPaint } from '../editor/idle';
import { nearViewportTest } from '../editor/nearViewport';
import { editPause } from '../editor/editPause';
import { $editorTextMap, overlapsMarked, pointsOf, type EditorTextMap } from './editorText';
import { nextFeed } from './slices';
import {
  closeSuggestions,
  getDetectState,
  loadEntities,
  loadPeople,
  openSuggestions,
  publishSuggestions,
  refreshEntities,
  subscribeDetect,
  suggestionId,
} from './detectStore';
import '../styles/detect.css';

/** Detection runs this long after the last change, so a typing burst costs one pass. */
export const DETECT_DELAY_MS = 400;
/** In a shared article: at most one pass this often while colleagues type. */
export const DETECT_REMOTE_DELAY_MS = 2000;

const HIGHLIGHT = {
  quote: 'factdesk-suggestion-quote',
  claim: 'factdesk-suggestion',
  active: 'factdesk-suggestion-active',
} as const;

const highlightsSupported = () =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

function firstTextNode(el: Node): Text | null {
  if (el.nodeType === Node.TEXT_NODE) return el as Text;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  return walker.nextNode() as Text | null;
}

function domRange(
  editor: LexicalEditor,
  map: EditorTextMap,
  start: number,
  end: number,
  nearViewport: (el: Element) => boolean,
): Range | null {
  const points = pointsOf(map, start, end);
  if (!points) return null;
  const a = editor.getElementByKey(points.anchor.key);
  const b = editor.getElementByKey(points.focus.key);
  if (a && b && !nearViewport(a) && !nearViewport(b)) return null;
  const ta = a && firstTextNode(a);
  const tb = b && firstTextNode(b);
  if (!ta || !tb) return null;
  const range = document.createRange();
  range.setStart(ta, Math.min(points.anchor.offset, ta.length));
  range.setEnd(tb, Math.min(points.focus.offset, tb.length));
  return range;
}

/**
 * Underlines what the detector suggests, with the CSS Custom Highlight API: ranges painted over
 * the text, so nothing in the document changes until a suggestion is accepted. Only ranges near
 * the viewport are registered (and repainted on scroll): Chromium revalidates every registered
 * range on each DOM change, and hundreds of them in a long article made every keystroke
 * repaint for several milliseconds.
 */
function paint(editor: LexicalEditor, map: EditorTextMap | null): void {
  if (!highlightsSupported()) return;
  const { visible, activeId } = getDetectState();
  const quotes: Range[] = [];
  const claims: Range[] = [];
  const active: Range[] = [];
  if (map) {
    const near = nearViewportTest(editor.getRootElement());
    for (const s of visible) {
      const range = domRange(editor, map, s.start, s.end, near);
      if (!range) continue;
      (s.kind === 'quote' ? quotes : claims).push(range);
      if (suggestionId(s) === activeId) active.push(range);
    }
  }
  CSS.highlights.set(HIGHLIGHT.quote, new Highlight(...quotes));
  CSS.highlights.set(HIGHLIGHT.claim, new Highlight(...claims));
  CSS.highlights.set(HIGHLIGHT.active, new Highlight(...active));
}

function clearPaint(): void {
  if (!highlightsSupported()) return;
  for (const name of Object.values(HIGHLIGHT)) CSS.highlights.delete(name);
}

/**
 * The detector and its word lists (≈ 100 KB of the bundle, with tables built when the module is
 * evaluated) load after the article is on screen: detection waits for idle time anyway, and the
 * first screen then parses and evaluates that much less.
 */
let detectorModule: Promise<typeof import('../../../shared/detect/detect')> | null = null;
const loadDetector = () => (detectorModule ??= import('../../../shared/detect/detect'));

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
// The desk writes today's articles: a role phrase resolves to whoever holds the role today.
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Claim and quote suggestions for the article body. An edit only restarts a timer; the pass runs
 * after the typing pauses, in idle time, and re-detects only the paragraphs the edit can have
 * changed (`Detector.update`); a large change (opening an article, a long paste) is detected in
 * slices over several idle callbacks. Text already marked as a claim is not suggested again.
 */
export function SuggestionsPlugin({
  articleId,
  language,
}: {
  articleId: string;
  language: ArticleLanguage;
}): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    openSuggestions(articleId, language);
    let disposed = false;
    let entities: DetectEntity[] | undefined;
    let people: KnownPerson[] | undefined;
    let DetectorClass: typeof Detector | null = null;
    let detector: Detector | null = null;
    const newDetector = (Make: typeof Detector) =>
      entities === undefined && people === undefined
        ? new Make({ lang: language })
        : new Make({ lang: language, entities, people, date: today() });
    let queued = false;
    // The map of the text the visible suggestions were found in; painting with another would misplace them.
    let detectedMap: EditorTextMap | null = null;
    let detectedState: EditorState | null = null;
    // The pass paints itself once it has published; the store's echo need not paint again.
    let publishing = false;

    // Paragraphs the detector last saw; a large change is fed in slices, one per idle callback.
    let fed: readonly string[] = [];
    const run = () => {
      queued = false;
      // Not loaded yet: the pass starts once it is (runSoon below).
      if (disposed || !detector) return;
      const map = editor.getEditorState().read($editorTextMap);
      const target = map.text.split('\n');
      const feed = nextFeed(fed, target);
      const result = detector.update(feed === target ? map.text : feed.join('\n'));
      fed = feed;
      if (feed !== target) {
        queued = true;
        whenIdle(run);
        return;
      }
      const found = result.filter((s) => !overlapsMarked(map, s.start, s.end));
      detectedMap = map;
      detectedState = editor.getEditorState();
      publishing = true;
      try {
        publishSuggestions(articleId, found);
      } finally {
        publishing = false;
      }
      paint(editor, map);
    };
    const pause = editPause(
      () => {
        if (queued) return;
        queued = true;
        whenIdle(run);
      },
      { localMs: DETECT_DELAY_MS, remoteMs: DETECT_REMOTE_DELAY_MS },
    );
    // Opening an article and new facts: the pass follows the text onto the screen, never precedes it.
    const runSoon = () => {
      pause.cancel();
      if (queued) return;
      queued = true;
      whenIdleAfterPaint(run);
    };
    const useFacts = ([nextEntities, nextPeople]: [
      DetectEntity[] | undefined,
      KnownPerson[] | undefined,
    ]) => {
      if (disposed || (same(entities, nextEntities) && same(people, nextPeople))) return;
      entities = nextEntities;
      people = nextPeople;
      if (!DetectorClass) return;
      detector = newDetector(DetectorClass);
      fed = [];
      runSoon();
    };
    const loadFacts = () => void Promise.all([loadEntities(), loadPeople()]).then(useFacts);

    loadFacts();
    whenIdleAfterPaint(() => {
      if (disposed) return;
      void loadDetector().then(({ Detector: Make }) => {
        if (disposed) return;
        DetectorClass = Make;
        detector = newDetector(Make);
        fed = [];
        runSoon();
      });
    });

    // Facts may have been added in the facts pane or another window; names come back on focus.
    const onFocus = () => {
      refreshEntities();
      loadFacts();
    };
    window.addEventListener('focus', onFocus);

    const repaint = () => {
      if (!detectedMap || publishing) return;
      const state = editor.getEditorState();
      if (state === detectedState) return paint(editor, detectedMap);
      // Between an edit and the next pass the old offsets no longer fit the text: leave the old paint.
      const now = state.read($editorTextMap);
      if (now.text !== detectedMap.text) return;
      detectedMap = now;
      detectedState = state;
      paint(editor, now);
    };
    const unsubscribe = subscribeDetect(repaint);
    // Scrolling brings other suggestions near the viewport; one repaint per frame at most.
    let frame = 0;
    const onScroll = (event: Event) => {
      // Only a scroll that moves the article: the library or the facts panel scroll too.
      const root = editor.getRootElement();
      if (root && event.target instanceof Node && !event.target.contains(root)) return;
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        repaint();
      });
    };
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    const unregister = editor.registerUpdateListener(
      ({ dirtyLeaves, dirtyElements, prevEditorState, editorState, tags }) => {
        if (prevEditorState === editorState || (dirtyLeaves.size === 0 && dirtyElements.size === 0)) return;
        if (tags.has(COLLABORATION_TAG)) pause.remote();
        else pause.local();
      },
    );

    return () => {
      disposed = true;
      pause.cancel();
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
      cancelAnimationFrame(frame);
      unsubscribe();
      unregister();
      clearPaint();
      closeSuggestions(articleId);
    };
  }, [editor, articleId, language]);

  return null;
}
