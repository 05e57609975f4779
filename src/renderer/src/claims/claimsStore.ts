import { useSyncExternalStore } from 'react';
import type { ArticleClaims, ClaimSyncResult, ClaimView } from '../../../shared/contract/claims';
import type { ClaimContext } from '../../../shared/claims/context';
import type { ClaimKind, ClaimStatus } from '../../../shared/domain/articles';
import type { FactRef } from '../../../shared/domain/facts';
import type { AppError, Result } from '../../../shared/result';
import { api } from '../bridge';
import { notifyFactsChanged } from '../facts/events';
import { announceArticleChange } from '../library/articleEvents';
import { errorSentence } from '../errors/errorSentence';

/**
 * The open article's claims, shared by the editor plugin (marks, hover card) and the claims
 * panel, which are siblings in the shell. Every write goes through one queue so a claim is
 * always stored before the editor reports its mark, and the list is re-read after each write.
 */
export interface ClaimsState {
  articleId: string | null;
  data: ArticleClaims | null;
  error: string | null;
  /** Claim ids in the order their marks appear in the editor right now. */
  liveOrder: string[];
  /** The claim under the caret or picked in the panel. */
  selectedId: string | null;
}

let state: ClaimsState = { articleId: null, data: null, error: null, liveOrder: [], selectedId: null };
const listeners = new Set<() => void>();
let queue: Promise<unknown> = Promise.resolve();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function set(patch: Partial<ClaimsState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export function subscribeClaims(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getClaimsState(): ClaimsState {
  return state;
}

export function useClaimsState(): ClaimsState {
  return useSyncExternalStore(subscribeClaims, getClaimsState);
}

/** Runs calls one after another, in the order they were asked for. */
function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function load(articleId: string): Promise<void> {
  const result = await api.claims.list({ articleId });
  if (state.articleId !== articleId) return;
  if (result.ok) {
    const gateChanged = state.data !== null && state.data.gate.passes !== result.value.gate.passes;
    set({ data: result.value, error: null });
    // The library marks a "ready" article whose gate shut again; it hears of it here.
    if (gateChanged) announceArticleChange({ id: articleId });
  } else set({ error: errorSentence(result.error) });
}

/** Re-reads the list soon; several writes in a row cause one read. */
export function refreshClaims(delay = 0): void {
  const articleId = state.articleId;
  if (!articleId) return;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void enqueue(() => load(articleId)), delay);
}

export function openClaims(articleId: string): void {
  if (state.articleId === articleId) return;
  set({ articleId, data: null, error: null, liveOrder: [], selectedId: null });
  refreshClaims();
}

export function closeClaims(articleId: string): void {
  if (state.articleId === articleId)
    set({ articleId: null, data: null, error: null, liveOrder: [], selectedId: null });
}

export function setLiveOrder(ids: string[]): void {
  if (ids.length === state.liveOrder.length && ids.every((id, i) => id === state.liveOrder[i])) return;
  set({ liveOrder: ids });
}

export function selectClaimInList(id: string | null): void {
  if (state.selectedId !== id) set({ selectedId: id });
}

/** A write to the claims store; the list is refreshed afterwards and the error, if any, returned for the form. */
async function write<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  const result = await enqueue(call);
  refreshClaims();
  return result;
}

export function createClaim(input: {
  articleId: string;
  id: string;
  text: string;
  context: ClaimContext;
  kind?: ClaimKind;
}) {
  return write(() => api.claims.create(input));
}

export function syncMarks(
  articleId: string,
  marks: { id: string; text: string; context: ClaimContext }[],
): Promise<Result<ClaimSyncResult>> {
  return write(() => api.claims.sync({ articleId, marks }));
}

export function setClaimStatus(id: string, status: ClaimStatus) {
  return write(() => api.claims.setStatus({ id, status }));
}

export function updateClaim(id: string, patch: { kind?: ClaimKind; note?: string }) {
  return write(() => api.claims.update({ id, ...patch }));
}

/** The facts panel shows which articles rely on a fact, so it hears about links too. */
async function linkWrite<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  const result = await write(call);
  if (result.ok) notifyFactsChanged();
  return result;
}

export function linkFacts(id: string, refs: FactRef[]) {
  return linkWrite(() => api.claims.link({ id, refs }));
}

export function unlinkFact(id: string, ref: FactRef) {
  return linkWrite(() => api.claims.unlink({ id, ref }));
}

/** Records that the checker looked at the claim again after its facts changed. */
export async function resolveRecheck(id: string) {
  const result = await write(() => api.claims.resolveRecheck({ id }));
  // The library marks articles with claims that need a re-check.
  if (result.ok) announceArticleChange({ id: result.value.articleId });
  return result;
}

export function dismissWarning(id: string, code: string, reason: string) {
  return write(() => api.claims.dismissWarning({ id, code, reason }));
}

export function overrideGate(articleId: string, reason: string) {
  return write(() => api.claims.overrideGate({ articleId, reason }));
}

/** The claims in the order of the text as the editor holds it now, then those removed from the text. */
export function claimsInOrder(s: ClaimsState): ClaimView[] {
  const claims = s.data?.claims ?? [];
  if (s.liveOrder.length === 0) return claims;
  const position = new Map(s.liveOrder.map((id, i) => [id, i]));
  const inText = claims
    .filter((c) => position.has(c.id))
    .sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const rest = claims.filter((c) => !position.has(c.id));
  return [...inText, ...rest];
}

export function claimById(id: string): ClaimView | undefined {
  return state.data?.claims.find((c) => c.id === id);
}

export type { AppError };
