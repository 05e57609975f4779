import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import {
  COLLABORATION_TAG,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_NORMAL,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { $isMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { mergeRegister } from '@lexical/utils';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { ClaimStatus } from '../../../../shared/domain/articles';
import type { ArticleClaims } from '../../../../shared/contract/claims';
import type { ClaimContext } from '../../../../shared/claims/context';
import { claimIdsOf } from '../../../../shared/comments/threadIds';
import { useStatusItem } from '../../app/status';
import { GO_TO_CLAIM_COMMAND, MARK_CLAIM_COMMAND, SELECT_CLAIM_COMMAND } from '../../claims/commands';
import {
  closeClaims,
  createClaim,
  getClaimsState,
  openClaims,
  selectClaimInList,
  setLiveOrder,
  subscribeClaims,
  syncMarks,
} from '../../claims/claimsStore';
import {
  $claimsAtSelection,
  $markedClaims,
  $neighbourClaim,
  $removeClaimIds,
  $selectClaim,
  newClaimId,
} from '../../claims/editorMarks';
import { ClaimHoverCard } from '../../claims/ClaimHoverCard';
import { $adoptDomSelection } from '../liveSelection';
import { editPause } from '../editPause';
import { whenIdleAfterPaint } from '../idle';
import '../../styles/claims.css';
import { errorSentence } from '../../errors/errorSentence';

/** Marks changes are reported to the store this long after typing stops. */
const SYNC_DELAY_MS = 400;
/** A report the store refused or never answered is sent again after this long. */
const RETRY_DELAY_MS = 2_000;

type MarkReport = { id: string; text: string; context: ClaimContext };

/**
 * Whether the claims the store last returned disagree with the marks in the editor. Writes other
 * than the sync (a claim created, a revision restored, a claim arriving from the desk) change what
 * the store holds, so "what we sent last" alone cannot say whether the store is in step.
 */
function storeDisagrees(marks: MarkReport[], data: ArticleClaims | null): boolean {
  if (!data) return false;
  const present = new Map(marks.map((m) => [m.id, m]));
  for (const claim of data.claims) {
    const mark = present.get(claim.id);
    if (!mark) {
      if (claim.inText) return true;
      continue;
    }
    if (
      !claim.inText ||
      claim.text !== mark.text ||
      claim.context.text !== mark.context.text ||
      claim.context.start !== mark.context.start ||
      claim.context.end !== mark.context.end
    )
      return true;
  }
  return false;
}
/** In a shared article, while colleagues type: at most one scan of the marks this often. */
const SYNC_REMOTE_DELAY_MS = 1500;

// The status a mark shows when several claims share its text: the most alarming one.
const STATUS_WEIGHT: Record<ClaimStatus, number> = {
  false: 4,
  disputed: 3,
  unsourced: 2,
  unchecked: 1,
  verified: 0,
};

/**
 * Puts each claim's status on its marks' DOM, where the stylesheet colours it: every mark when
 * the claims change, only the marks an edit touched otherwise — a long article has 1,500 of them.
 */
function paintMarks(editor: LexicalEditor, keys: Map<string, string[]>, only?: Iterable<string>): void {
  const { data, selectedId } = getClaimsState();
  const status = new Map(data?.claims.map((c) => [c.id, c.status]) ?? []);
  const todo: Iterable<[string, string[]]> = only
    ? [...only].flatMap((key): [string, string[]][] => (keys.has(key) ? [[key, keys.get(key)!]] : []))
    : keys;
  for (const [key, ids] of todo) {
    const el = editor.getElementByKey(key);
    if (!el) continue;
    if (ids.length === 0) {
      // A mark that carries only comment threads is the comments plugin's to paint.
      delete el.dataset.claimIds;
      delete el.dataset.claimStatus;
      delete el.dataset.claimSelected;
      continue;
    }
    const statuses = ids.map((id) => status.get(id)).filter((s): s is ClaimStatus => s !== undefined);
    const worst = statuses.sort((a, b) => STATUS_WEIGHT[b] - STATUS_WEIGHT[a])[0] ?? 'unchecked';
    el.dataset.claimIds = ids.join(' ');
    el.dataset.claimStatus = worst;
    if (selectedId && ids.includes(selectedId)) el.dataset.claimSelected = 'true';
    else delete el.dataset.claimSelected;
  }
}

/**
 * Claims in the article body: "Mark as claim" wraps the selection in a MarkNode whose id is the
 * claim's id (so undo, redo and copy/paste carry the claim along), a scan after each edit keeps
 * the stored claims' text, context and "in text" flag in step with the marks, and the marks are
 * painted with their claim's status. The claims panel drives selection through the commands.
 */
export function ClaimsPlugin({ articleId }: { articleId: string }) {
  const { t } = useTranslation('claims');
  const [editor] = useLexicalComposerContext();
  const [message, setMessage] = useState<string | null>(null);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const markKeys = useRef(new Map<string, string[]>());
  useStatusItem('claims-message', message ? <span role="status">{message}</span> : null, 60);

  useEffect(() => {
    openClaims(articleId);
    return () => closeClaims(articleId);
  }, [articleId]);

  useEffect(() => {
    if (!editor.hasNodes([MarkNode]))
      throw new Error('ClaimsPlugin: MarkNode is not registered on the article editor');
    let lastSent = '';
    let inFlight = 0;
    let failed = false;
    /** Marks the store refused as invalid: sending them again cannot help until they change. */
    let refused = '';

    const currentMarks = (): MarkReport[] =>
      editor
        .getEditorState()
        .read($markedClaims)
        .map(({ id, text, context }) => ({ id, text, context }));

    const sync = () => {
      const payload = currentMarks();
      setLiveOrder(payload.map((m) => m.id));
      const json = JSON.stringify(payload);
      if (json === refused) return;
      if (json === lastSent && !storeDisagrees(payload, getClaimsState().data)) return;
      lastSent = json;
      inFlight += 1;
      void syncMarks(articleId, payload).then((result) => {
        inFlight -= 1;
        if (!result.ok) {
          failed = true;
          setMessage(t('mark.syncFailed', { message: errorSentence(result.error) }));
          if (result.error.code === 'validation') {
            refused = json;
            return;
          }
          // Never leave the store behind the text: say so, and send the marks again.
          lastSent = '';
          retrySync();
          return;
        }
        if (failed) {
          failed = false;
          setMessage(null);
        }
        if (result.value.unknown.length > 0) {
          // Marks pasted from another article carry claims that are not this article's.
          const unknown = new Set(result.value.unknown);
          editor.update(() => $removeClaimIds(unknown), { tag: 'history-merge' });
        }
      });
    };
    const pause = editPause(() => sync(), { localMs: SYNC_DELAY_MS, remoteMs: SYNC_REMOTE_DELAY_MS });
    const scheduleSync = (tags?: ReadonlySet<string>) =>
      tags?.has(COLLABORATION_TAG) ? pause.remote() : pause.local();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const retrySync = () => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => sync(), RETRY_DELAY_MS);
    };

    const $markClaim = () => {
      // A read-only article (in the trash) is not changed, claims included.
      if (!editor.isEditable()) return true;
      const selection = $getSelection();
      if (
        !$isRangeSelection(selection) ||
        selection.isCollapsed() ||
        selection.getTextContent().trim() === ''
      ) {
        setMessage(t('mark.needsSelection'));
        return true;
      }
      const id = newClaimId();
      $wrapSelectionInMarkNode(selection, selection.isBackward(), id);
      const claim = $markedClaims().find((c) => c.id === id);
      if (!claim) return true;
      setMessage(null);
      void createClaim({ articleId, id, text: claim.text, context: claim.context }).then((result) => {
        if (result.ok) {
          selectClaimInList(id);
          scheduleSync();
        } else {
          setMessage(t('mark.failed', { message: errorSentence(result.error) }));
          editor.update(() => $removeClaimIds(new Set([id])), { tag: 'history-merge' });
        }
      });
      return true;
    };

    const selectClaim = (id: string) => {
      let key: string | null = null;
      editor.update(
        () => {
          key = $selectClaim(id);
        },
        {
          onUpdate: () => {
            if (key) editor.getElementByKey(key)?.scrollIntoView({ block: 'center', behavior: 'auto' });
          },
        },
      );
      editor.focus();
      selectClaimInList(id);
      return true;
    };

    // The claims the store answered last; selection and order changes notify too, and need no scan.
    let checkedData: ArticleClaims | null = null;
    const unsubscribeStore = subscribeClaims(() => {
      paintMarks(editor, markKeys.current);
      // A claim created and its text deleted again before the first report left "what we sent
      // last" equal to the marks while the store had the claim in the text (found by e2e under load).
      const { data } = getClaimsState();
      if (data === checkedData || pause.pending || inFlight > 0) return;
      checkedData = data;
      const marks = currentMarks();
      if (storeDisagrees(marks, data) && JSON.stringify(marks) !== refused) {
        lastSent = '';
        scheduleSync();
      }
    });
    // The first scan reads every mark of the article: after the opened text is on screen.
    let live = true;
    whenIdleAfterPaint(() => live && sync());

    return mergeRegister(
      unsubscribeStore,
      () => {
        live = false;
        clearTimeout(retryTimer);
        // Report an edit made just before the article closes, e.g. a deleted claim.
        if (pause.pending) {
          pause.cancel();
          sync();
        }
      },
      editor.registerCommand(MARK_CLAIM_COMMAND, $markClaim, COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(SELECT_CLAIM_COMMAND, selectClaim, COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(
        GO_TO_CLAIM_COMMAND,
        (direction) => {
          const id = editor.getEditorState().read(() => $neighbourClaim(direction));
          if (id) selectClaim(id);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const mod = event.ctrlKey || event.metaKey;
          if (mod && event.shiftKey && !event.altKey && event.code === 'KeyM') {
            event.preventDefault();
            $adoptDomSelection(editor);
            return editor.dispatchCommand(MARK_CLAIM_COMMAND, undefined);
          }
          if (!mod && !event.altKey && event.key === 'F8') {
            event.preventDefault();
            return editor.dispatchCommand(GO_TO_CLAIM_COMMAND, event.shiftKey ? -1 : 1);
          }
          return false;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
      editor.registerMutationListener(MarkNode, (mutations, { updateTags }) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            const node = mutation === 'destroyed' ? null : $getNodeByKey(key);
            if ($isMarkNode(node)) markKeys.current.set(key, claimIdsOf(node.getIDs()));
            else markKeys.current.delete(key);
          }
        });
        paintMarks(editor, markKeys.current, mutations.keys());
        scheduleSync(updateTags);
      }),
      editor.registerUpdateListener(({ editorState, dirtyLeaves, dirtyElements, tags }) => {
        if (dirtyLeaves.size > 0 || dirtyElements.size > 0) scheduleSync(tags);
        const ids = editorState.read($claimsAtSelection);
        if (ids.length > 0 && !ids.includes(getClaimsState().selectedId ?? '')) selectClaimInList(ids[0]);
      }),
      editor.registerRootListener((element) => setRoot(element)),
    );
  }, [editor, articleId, t]);

  return root ? createPortal(<ClaimHoverCard root={root} />, document.body) : null;
}
