import { useSyncExternalStore } from 'react';
import type { DetectCandidate, DismissedSuggestion } from '../../../shared/contract/detect';
import { dismissalId, dismissalKey } from '../../../shared/detect/dismissal-key';
import { candidateQuery } from '../../../shared/detect/candidates';
import type { DetectEntity, KnownPerson, Suggestion } from '../../../shared/detect';
import type { ArticleLanguage } from '../../../shared/domain/articles';
import type { FactRef } from '../../../shared/domain/facts';
import { api } from '../bridge';
import { errorSentence } from '../errors/errorSentence';

/**
 * Suggestions of the open article, shared by the editor plugin (which detects and underlines)
 * and the claims panel (which lists them) — siblings in the shell, so a small external store.
 */

/** A suggestion accepted in this session: the claim it became and the facts proposed for it. */
export interface AcceptedSuggestion {
  claimId: string;
  suggestion: Suggestion;
  /** null while the store is asked. */
  candidates: DetectCandidate[] | null;
  /** Facts linked from the proposal list. */
  linked: FactRef[];
  error: string | null;
}

export interface DetectState {
  articleId: string | null;
  language: ArticleLanguage;
  /** The last detection pass, without text already marked as a claim. */
  found: Suggestion[];
  /** `found` without the dismissed ones: what the panel lists and the text underlines. */
  visible: Suggestion[];
  dismissed: DismissedSuggestion[];
  accepted: AcceptedSuggestion[];
  /** The suggestion the panel points at, underlined more strongly in the text. */
  activeId: string | null;
  /** True once the first pass over the open article has run. */
  ready: boolean;
  error: string | null;
}

const INITIAL: DetectState = {
  articleId: null,
  language: 'de',
  found: [],
  visible: [],
  dismissed: [],
  accepted: [],
  activeId: null,
  ready: false,
  error: null,
};

let state: DetectState = INITIAL;
const listeners = new Set<() => void>();

function set(patch: Partial<DetectState>): void {
  state = { ...state, ...patch };
  if ('found' in patch || 'dismissed' in patch) {
    const hidden = new Set(state.dismissed.map((d) => dismissalId(d.kind, d.key)));
    const visible = state.found.filter((s) => !hidden.has(dismissalId(s.kind, dismissalKey(s.text))));
    const activeId =
      state.activeId && visible.some((s) => suggestionId(s) === state.activeId) ? state.activeId : null;
    state = { ...state, visible, activeId };
  }
  listeners.forEach((l) => l());
}

export function subscribeDetect(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getDetectState(): DetectState {
  return state;
}

export function useDetectState(): DetectState {
  return useSyncExternalStore(subscribeDetect, getDetectState);
}

/** Stable while the text before and in the suggestion does not move. */
export const suggestionId = (s: Pick<Suggestion, 'kind' | 'start' | 'end'>) =>
  `${s.kind}:${s.start}:${s.end}`;

// ---- entities (names and aliases for the detector) ----------------------------------------------

let entities: DetectEntity[] | undefined;
let entitiesLoad: Promise<DetectEntity[] | undefined> | null = null;

/** The store's entities, read once and again after `refreshEntities`. Detection runs without them if the call fails. */
export function loadEntities(): Promise<DetectEntity[] | undefined> {
  if (entities) return Promise.resolve(entities);
  entitiesLoad ??= api.detect.entities({}).then((r) => {
    entitiesLoad = null;
    if (r.ok) entities = r.value;
    return entities;
  });
  return entitiesLoad;
}

let people: KnownPerson[] | undefined;
let peopleLoad: Promise<KnownPerson[] | undefined> | null = null;

/** The store's people with aliases and roles over time, for "der Kapitän" and surnames. */
export function loadPeople(): Promise<KnownPerson[] | undefined> {
  if (people) return Promise.resolve(people);
  peopleLoad ??= api.detect.people({}).then((r) => {
    peopleLoad = null;
    if (r.ok) people = r.value.length > 0 ? r.value : undefined;
    return people;
  });
  return peopleLoad;
}

export function refreshEntities(): void {
  entities = undefined;
  people = undefined;
}

// ---- article lifecycle --------------------------------------------------------------------------

export function openSuggestions(articleId: string, language: ArticleLanguage): void {
  if (state.articleId === articleId && state.language === language) return;
  const same = state.articleId === articleId;
  set({
    ...INITIAL,
    articleId,
    language,
    accepted: same ? state.accepted : [],
    dismissed: same ? state.dismissed : [],
  });
  void api.detect.dismissedList({ articleId }).then((r) => {
    if (state.articleId !== articleId) return;
    if (r.ok) set({ dismissed: r.value });
    else set({ error: errorSentence(r.error) });
  });
}

export function closeSuggestions(articleId: string): void {
  if (state.articleId === articleId) set(INITIAL);
}

export function publishSuggestions(articleId: string, found: Suggestion[]): void {
  if (state.articleId !== articleId) return;
  const same =
    found.length === state.found.length &&
    found.every((s, i) => {
      const o = state.found[i];
      return (
        o.kind === s.kind &&
        o.start === s.start &&
        o.end === s.end &&
        o.text === s.text &&
        o.speaker === s.speaker &&
        o.hedge === s.hedge
      );
    });
  if (same && state.ready) return;
  set({ found, ready: true });
}

export function setActiveSuggestion(id: string | null): void {
  if (state.activeId !== id) set({ activeId: id });
}

// ---- dismiss / restore ------------------------------------------------------------------------

export async function dismissSuggestion(s: Suggestion): Promise<string | null> {
  const articleId = state.articleId;
  if (!articleId) return null;
  // Hidden at once; the stored record replaces the provisional one, or the call's error brings it back.
  const provisional: DismissedSuggestion = {
    kind: s.kind,
    key: dismissalKey(s.text),
    text: s.text,
    by: '',
    at: new Date().toISOString(),
  };
  set({ dismissed: [...state.dismissed, provisional] });
  const result = await api.detect.dismiss({ articleId, kind: s.kind, text: s.text });
  if (state.articleId !== articleId) return null;
  const others = state.dismissed.filter((d) => d !== provisional);
  if (!result.ok) {
    set({ dismissed: others });
    return errorSentence(result.error);
  }
  const stored = result.value;
  set({ dismissed: [...others.filter((d) => !(d.kind === stored.kind && d.key === stored.key)), stored] });
  return null;
}

export async function restoreSuggestion(d: DismissedSuggestion): Promise<string | null> {
  const articleId = state.articleId;
  if (!articleId) return null;
  const result = await api.detect.restore({ articleId, kind: d.kind, key: d.key });
  if (state.articleId !== articleId) return null;
  if (!result.ok) return errorSentence(result.error);
  set({ dismissed: state.dismissed.filter((x) => !(x.kind === d.kind && x.key === d.key)) });
  return null;
}

// ---- accepted suggestions ---------------------------------------------------------------------

function patchAccepted(claimId: string, patch: Partial<AcceptedSuggestion>): void {
  set({ accepted: state.accepted.map((a) => (a.claimId === claimId ? { ...a, ...patch } : a)) });
}

/** Records an accepted suggestion and asks the store which facts fit it. */
export async function proposeFacts(claimId: string, suggestion: Suggestion): Promise<void> {
  const articleId = state.articleId;
  set({
    found: state.found.filter((s) => suggestionId(s) !== suggestionId(suggestion)),
    accepted: [
      { claimId, suggestion, candidates: null, linked: [], error: null },
      ...state.accepted.filter((a) => a.claimId !== claimId),
    ],
  });
  const result = await api.detect.candidates({
    suggestions: [candidateQuery(suggestion)],
    lang: state.language,
  });
  if (state.articleId !== articleId) return;
  if (result.ok) patchAccepted(claimId, { candidates: result.value[0] ?? [] });
  else patchAccepted(claimId, { candidates: [], error: errorSentence(result.error) });
}

export function markLinked(claimId: string, ref: FactRef): void {
  const entry = state.accepted.find((a) => a.claimId === claimId);
  if (!entry) return;
  patchAccepted(claimId, {
    linked: [...entry.linked.filter((r) => !(r.type === ref.type && r.id === ref.id)), ref],
    error: null,
  });
}

export function setAcceptedError(claimId: string, error: string | null): void {
  patchAccepted(claimId, { error });
}

export function forgetAccepted(claimId: string): void {
  set({ accepted: state.accepted.filter((a) => a.claimId !== claimId) });
}
