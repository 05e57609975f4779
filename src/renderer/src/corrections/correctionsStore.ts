import { useSyncExternalStore } from 'react';
import type { ClaimView } from '../../../shared/contract/claims';
import type { ArticleCorrections, CorrectionPrompt } from '../../../shared/domain/corrections';
import type { FactRef } from '../../../shared/domain/facts';
import type { Result } from '../../../shared/result';
import { api } from '../bridge';
import { refreshClaims } from '../claims/claimsStore';
import { announceArticleChange, onArticleChange } from '../library/articleEvents';
import { errorSentence } from '../errors/errorSentence';

/**
 * The open article's corrections and the offers to write one, shared by the corrections panel
 * under the editor, the claims panel (offers on a claim) and the library ("Needs a correction?"),
 * which ask the panel to open the form through `requestCorrection`.
 */
export interface CorrectionDraft {
  wrong: string;
  right: string;
  claimIds: string[];
  facts: FactRef[];
}

export interface CorrectionsState {
  articleId: string | null;
  data: ArticleCorrections | null;
  error: string | null;
  /** A form to open: a draft, or "from-stale" to fill it from the article's stale claims once they are known. */
  request: { articleId: string; draft: CorrectionDraft | 'from-stale' } | null;
}

let state: CorrectionsState = { articleId: null, data: null, error: null, request: null };
const listeners = new Set<() => void>();
let loading = 0;

function set(patch: Partial<CorrectionsState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => state;

/** For the desk mapping, which follows the state outside React. */
export const subscribeCorrections = subscribe;
export const getCorrectionsState = snapshot;

export function useCorrectionsState(): CorrectionsState {
  return useSyncExternalStore(subscribe, snapshot);
}

let scheduled: Promise<void> | null = null;

/**
 * Reads the article's corrections again. Asks made in the same moment share one read: opening
 * an article asked three times at once (the panel opening, its first render, the claims arriving).
 */
export function refreshCorrections(): Promise<void> {
  scheduled ??= Promise.resolve().then(() => {
    scheduled = null;
    return readCorrections();
  });
  return scheduled;
}

/** One read; an older read that answers late is dropped. */
async function readCorrections(): Promise<void> {
  const articleId = state.articleId;
  if (!articleId) return;
  const ticket = ++loading;
  const r = await api.corrections.list({ articleId });
  if (ticket !== loading || state.articleId !== articleId) return;
  if (r.ok) set({ data: r.value, error: null });
  else set({ error: errorSentence(r.error) });
}

// An export freezes corrections and a save may change the status: read again (not on every autosave).
onArticleChange((change) => {
  if (change.id !== null && change.id === state.articleId && !change.autosave) void refreshCorrections();
});

export function openCorrections(articleId: string): void {
  if (state.articleId !== articleId) set({ articleId, data: null, error: null });
  void refreshCorrections();
}

export function closeCorrections(articleId: string): void {
  if (state.articleId === articleId) set({ articleId: null, data: null, error: null });
}

export function requestCorrection(articleId: string, draft: CorrectionDraft | 'from-stale'): void {
  set({ request: { articleId, draft } });
}

export function takeRequest(): void {
  set({ request: null });
}

/** After a write: corrections, claims (a correction records the re-check of a stale claim) and the library. */
async function after<T>(articleId: string, r: Result<T>): Promise<Result<T>> {
  if (r.ok) {
    await refreshCorrections();
    refreshClaims();
    announceArticleChange({ id: articleId });
  }
  return r;
}

export async function saveCorrection(articleId: string, draft: CorrectionDraft, editId?: string) {
  if (editId) return after(articleId, await api.corrections.update({ id: editId, ...draft }));
  return after(articleId, await api.corrections.create({ articleId, ...draft }));
}

export async function withdrawCorrection(articleId: string, id: string) {
  return after(articleId, await api.corrections.withdraw({ id }));
}

export async function dismissOffer(articleId: string, seq: number) {
  return after(articleId, await api.corrections.dismissOffer({ seq }));
}

const uniqueFacts = (refs: FactRef[]) => [...new Map(refs.map((r) => [`${r.type}:${r.id}`, r])).values()];

/** An offer as a filled-in form: the published words as wrong, the new words (or what changed) as right. */
export function draftFromOffer(p: CorrectionPrompt, lang: 'de' | 'en'): CorrectionDraft {
  const right = p.reason === 'text' ? p.after.trim() : p.changes.map((c) => c[lang]).join(' ');
  return { wrong: p.before.trim(), right, claimIds: [p.claimId], facts: p.facts };
}

/** Stale claims as a form: their words as wrong, what changed in their facts as right. */
export function draftFromStale(claims: readonly ClaimView[], lang: 'de' | 'en'): CorrectionDraft {
  const stale = claims.filter((c) => c.recheck.length > 0);
  return {
    wrong: stale.map((c) => c.text.trim()).join(' … '),
    right: stale.flatMap((c) => c.recheck.map((n) => n.message[lang])).join(' '),
    claimIds: stale.map((c) => c.id),
    facts: uniqueFacts(stale.flatMap((c) => c.recheck.map((n) => ({ type: n.factType, id: n.factId })))),
  };
}
