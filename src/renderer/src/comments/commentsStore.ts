import { useSyncExternalStore } from 'react';
import type { CommentThread, ThreadStatus } from '../../../shared/domain/comments';
import type { Result } from '../../../shared/result';
import { api } from '../bridge';
import { announceArticleChange } from '../library/articleEvents';
import { newCommentId } from './editorThreads';
import { errorSentence } from '../errors/errorSentence';

/**
 * The open article's comment threads, shared by the editor plugin (marks, hover card), the
 * Comments tab and the claim details, which are siblings in the shell. Writes run one after
 * another and the list is re-read after each, so a thread is stored before its mark is reported.
 */
export interface CommentsState {
  articleId: string | null;
  threads: CommentThread[] | null;
  error: string | null;
  /** Thread ids in the order their marks appear in the editor right now; null before the first scan. */
  liveOrder: string[] | null;
  /** The thread under the caret or picked in the tab. */
  selectedId: string | null;
  /** A mark set for a thread whose first comment is still being written. */
  draft: { id: string; quote: string } | null;
}

const EMPTY: CommentsState = {
  articleId: null,
  threads: null,
  error: null,
  liveOrder: null,
  selectedId: null,
  draft: null,
};
let state: CommentsState = EMPTY;
const listeners = new Set<() => void>();
let queue: Promise<unknown> = Promise.resolve();

function set(patch: Partial<CommentsState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export function subscribeComments(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getCommentsState(): CommentsState {
  return state;
}

export function useCommentsState(): CommentsState {
  return useSyncExternalStore(subscribeComments, getCommentsState);
}

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function load(articleId: string): Promise<void> {
  const result = await api.comments.list({ articleId });
  if (state.articleId !== articleId) return;
  if (result.ok) set({ threads: result.value, error: null });
  else set({ error: errorSentence(result.error) });
}

export function refreshComments(): Promise<void> {
  const articleId = state.articleId;
  return articleId ? enqueue(() => load(articleId)) : Promise.resolve();
}

export function openComments(articleId: string): void {
  if (state.articleId === articleId) return;
  set({ ...EMPTY, articleId });
  void refreshComments();
}

export function closeComments(articleId: string): void {
  if (state.articleId === articleId) set(EMPTY);
}

export function setThreadOrder(ids: string[]): void {
  const current = state.liveOrder;
  if (current && ids.length === current.length && ids.every((id, i) => id === current[i])) return;
  set({ liveOrder: ids });
}

export function selectThread(id: string | null): void {
  if (state.selectedId !== id) set({ selectedId: id });
}

export function setDraft(draft: CommentsState['draft']): void {
  set({ draft });
}

/** A write; the list is re-read before the promise settles, so callers see the new state. */
async function write<T>(call: () => Promise<Result<T>>, mentions = false): Promise<Result<T>> {
  const result = await enqueue(call);
  await refreshComments();
  // The library lists articles whose open threads mention the user.
  if (result.ok && mentions && state.articleId) announceArticleChange({ id: state.articleId });
  return result;
}

export function createThread(input: {
  articleId: string;
  id: string;
  claimId?: string | null;
  quote: string;
  body: string;
}) {
  return write(() => api.comments.create({ ...input, commentId: newCommentId() }), true);
}

export function replyToThread(threadId: string, body: string) {
  return write(() => api.comments.reply({ threadId, commentId: newCommentId(), body }), true);
}

export function editComment(commentId: string, body: string) {
  return write(() => api.comments.edit({ commentId, body }), true);
}

export function setThreadStatus(threadId: string, status: ThreadStatus) {
  return write(() => api.comments.setStatus({ threadId, status }), true);
}

export function syncThreadMarks(articleId: string, threadIds: string[]) {
  return write(() => api.comments.sync({ articleId, threadIds }));
}

/** Threads on text in the order of the text now, then the detached ones (text deleted), oldest first. */
export function threadsInOrder(s: CommentsState): { inText: CommentThread[]; detached: CommentThread[] } {
  const onText = (s.threads ?? []).filter((t) => t.claimId === null);
  // Before the editor's first scan the store's flag decides.
  if (s.liveOrder === null)
    return { inText: onText.filter((t) => !t.detached), detached: onText.filter((t) => t.detached) };
  const position = new Map(s.liveOrder.map((id, i) => [id, i]));
  const inText = onText
    .filter((t) => position.has(t.id))
    .sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { inText, detached: onText.filter((t) => !position.has(t.id)) };
}

export function threadsOfClaim(s: CommentsState, claimId: string): CommentThread[] {
  return (s.threads ?? []).filter((t) => t.claimId === claimId);
}
