import { useEffect, useRef, useState } from 'react';
import { useLatestRef } from '../app/latestRef';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  $getNodeByKey,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { $isMarkNode, MarkNode } from '@lexical/mark';
import { mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { threadIdsOf } from '../../../shared/comments/threadIds';
import { useApp } from '../app/AppContext';
import { useStatusItem } from '../app/status';
import { $removeMarkIds } from '../claims/editorMarks';
import { $adoptDomSelection } from '../editor/liveSelection';
import { COMMENT_COMMAND, DROP_THREAD_MARK_COMMAND, SELECT_THREAD_COMMAND } from './commands';
import {
  closeComments,
  getCommentsState,
  openComments,
  selectThread,
  setDraft,
  setThreadOrder,
  subscribeComments,
  syncThreadMarks,
} from './commentsStore';
import { CommentHoverCard } from './CommentHoverCard';
import { $anchorNewThread, $selectThread, $threadsAtSelection, $threadsInText } from './editorThreads';
import '../styles/comments.css';
import { errorSentence } from '../errors/errorSentence';

/** Marks changes are reported to the store this long after typing stops. */
const SYNC_DELAY_MS = 400;

/** Puts each mark's threads and their state on its DOM, where the stylesheet highlights them. */
function paintMarks(editor: LexicalEditor, keys: Map<string, string[]>): void {
  const { threads, selectedId, draft } = getCommentsState();
  const status = new Map(threads?.map((t) => [t.id, t.status]) ?? []);
  for (const [key, ids] of keys) {
    const el = editor.getElementByKey(key);
    if (!el) continue;
    if (ids.length === 0) {
      delete el.dataset.threadIds;
      delete el.dataset.threadState;
      delete el.dataset.threadSelected;
      continue;
    }
    const states = ids
      .map((id) => (draft?.id === id ? 'draft' : status.get(id)))
      .filter((s) => s !== undefined);
    el.dataset.threadIds = ids.join(' ');
    // An open thread outweighs a resolved one on the same words.
    el.dataset.threadState = states.includes('draft')
      ? 'draft'
      : states.includes('open')
        ? 'open'
        : states.length > 0
          ? 'resolved'
          : 'unknown';
    if (selectedId && ids.includes(selectedId)) el.dataset.threadSelected = 'true';
    else delete el.dataset.threadSelected;
  }
}

/**
 * Comment threads in the article body, in the shape of the claims plugin: "Comment" wraps the
 * selection in a MarkNode carrying a thread id (beside any claim id on the same words), so undo,
 * redo and copy/paste carry the thread along; a scan after each edit tells the store which
 * threads still have their words (a deleted one becomes "detached" and returns with undo); the
 * marks are painted with their thread's state, and marks of threads this article does not have
 * (pasted from another one) lose those ids.
 */
export function CommentsPlugin({ articleId, shared = false }: { articleId: string; shared?: boolean }) {
  const { t } = useTranslation('comments');
  const { setLayout } = useApp();
  const [editor] = useLexicalComposerContext();
  const [message, setMessage] = useState<string | null>(null);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const markKeys = useRef(new Map<string, string[]>());
  // The composer for a new thread's first comment lives in the Comments tab, so that tab opens.
  const showTab = useLatestRef(setLayout);
  useStatusItem('comments-message', message ? <span role="status">{message}</span> : null, 61);

  useEffect(() => {
    openComments(articleId);
    return () => closeComments(articleId);
  }, [articleId]);

  useEffect(() => {
    if (!editor.hasNodes([MarkNode]))
      throw new Error('CommentsPlugin: MarkNode is not registered on the article editor');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastSent = '';

    const sync = () => {
      const inText = editor.getEditorState().read($threadsInText);
      setThreadOrder(inText.map((m) => m.id));
      const { threads, draft } = getCommentsState();
      if (threads === null) return;
      const known = new Set(threads.map((th) => th.id));
      const strangers = inText.map((m) => m.id).filter((id) => !known.has(id) && id !== draft?.id);
      // In a desk article a colleague's mark can arrive before the thread record; it is no stranger.
      if (strangers.length > 0 && editor.isEditable() && !shared) {
        editor.update(() => $removeMarkIds(new Set(strangers)), { tag: 'history-merge' });
        return;
      }
      const ids = inText.map((m) => m.id).filter((id) => known.has(id));
      const json = JSON.stringify(ids);
      if (json === lastSent) return;
      lastSent = json;
      void syncThreadMarks(articleId, ids).then((result) => {
        if (result.ok) return;
        lastSent = '';
        setMessage(t('mark.syncFailed', { message: errorSentence(result.error) }));
      });
    };
    const scheduleSync = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        sync();
      }, SYNC_DELAY_MS);
    };

    const $comment = () => {
      if (!editor.isEditable()) return true;
      const previous = getCommentsState().draft;
      if (previous) $removeMarkIds(new Set([previous.id]));
      const anchored = $anchorNewThread();
      if (!anchored) {
        setDraft(null);
        setMessage(t('mark.needsSelection'));
        return true;
      }
      setMessage(null);
      // After the update has put the DOM selection back into the editor (which focuses it), so
      // the composer that opens in the Comments tab keeps the focus it takes.
      setTimeout(() => {
        setDraft(anchored);
        selectThread(anchored.id);
        showTab.current({ rightTab: 'comments', rightCollapsed: false, focusMode: false });
      }, 0);
      return true;
    };

    const select = (id: string) => {
      let key: string | null = null;
      editor.update(
        () => {
          key = $selectThread(id);
        },
        {
          onUpdate: () => {
            if (key) editor.getElementByKey(key)?.scrollIntoView({ block: 'center', behavior: 'auto' });
          },
        },
      );
      editor.focus();
      selectThread(id);
      return true;
    };

    const unsubscribeStore = subscribeComments(() => paintMarks(editor, markKeys.current));
    let threadsSeen = getCommentsState().threads;
    const unsubscribeLoad = subscribeComments(() => {
      // The first list of an article decides which marks are strangers.
      const threads = getCommentsState().threads;
      if (threads !== threadsSeen) {
        threadsSeen = threads;
        scheduleSync();
      }
    });
    sync();

    return mergeRegister(
      unsubscribeStore,
      unsubscribeLoad,
      () => {
        if (timer !== undefined) {
          clearTimeout(timer);
          sync();
        }
      },
      editor.registerCommand(COMMENT_COMMAND, $comment, COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(SELECT_THREAD_COMMAND, select, COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(
        DROP_THREAD_MARK_COMMAND,
        (id) => {
          editor.update(() => $removeMarkIds(new Set([id])), { tag: 'history-merge' });
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const mod = event.ctrlKey || event.metaKey;
          if (mod && event.altKey && !event.shiftKey && event.code === 'KeyM') {
            event.preventDefault();
            $adoptDomSelection(editor);
            return editor.dispatchCommand(COMMENT_COMMAND, undefined);
          }
          return false;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
      editor.registerMutationListener(MarkNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            const node = mutation === 'destroyed' ? null : $getNodeByKey(key);
            if ($isMarkNode(node)) markKeys.current.set(key, threadIdsOf(node.getIDs()));
            else markKeys.current.delete(key);
          }
        });
        paintMarks(editor, markKeys.current);
        scheduleSync();
      }),
      editor.registerUpdateListener(({ editorState, dirtyLeaves, dirtyElements }) => {
        if (dirtyLeaves.size > 0 || dirtyElements.size > 0) scheduleSync();
        const ids = editorState.read($threadsAtSelection);
        if (ids.length > 0 && !ids.includes(getCommentsState().selectedId ?? '')) selectThread(ids[0]);
      }),
      editor.registerRootListener((element) => setRoot(element)),
    );
  }, [editor, articleId, t, shared, showTab]);

  // Inside the editor's landmark, so everything on the page stays within one (the card is fixed-positioned anyway).
  return root
    ? createPortal(<CommentHoverCard root={root} editor={editor} />, root.closest('main') ?? document.body)
    : null;
}
