import * as Y from 'yjs';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { useSyncExternalStore } from 'react';
import type { DeskArticleLinkView, DeskConfig } from '../../../shared/contract/desk';
import {
  ARTICLE_INDEX_DOC,
  ARTICLE_INDEX_MAP,
  articleDocName,
  type DeskArticleIndexEntry,
  type DeskAwarenessState,
  DESK_REFUSAL,
  type DeskRole,
} from '../../../shared/desk/names';
import { parseWhoami } from '../../../shared/desk/whoami';
import { shownPresenceName } from '../../../shared/desk/presence';
import { api } from '../bridge';
import { takeEarlyCall } from '../app/bootPrefetch';
import { DeskDoc } from './deskDoc';
import { colorForName } from './colors';
import { ownPresence } from './ownPresence';
import { errorSentence } from '../errors/errorSentence';

export type DeskConnection =
  | { kind: 'none' }
  | { kind: 'disconnected' }
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'offline' }
  | { kind: 'refused'; reason: string };

export interface DeskPerson {
  name: string;
  color: string;
  role: DeskRole;
}

export interface DeskState {
  config: DeskConfig | null;
  connection: DeskConnection;
  /** Updates made here that the desk has not confirmed. */
  pending: number;
  /** The desk's shared articles (index/articles). */
  articles: ReadonlyMap<string, DeskArticleIndexEntry>;
  /** Who has which article open, from the index document's awareness. */
  presence: ReadonlyMap<string, readonly DeskPerson[]>;
  /** Local articles bound to a desk document. */
  links: ReadonlySet<string>;
  /** True when the desk only lets this token read. */
  readOnly: boolean;
}

let state: DeskState = {
  config: null,
  connection: { kind: 'none' },
  pending: 0,
  articles: new Map(),
  presence: new Map(),
  links: new Set(),
  readOnly: false,
};
const listeners = new Set<() => void>();

function set(patch: Partial<DeskState>): void {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDesk(): DeskState {
  return useSyncExternalStore(subscribe, () => state);
}

/**
 * One value of the desk state: the component renders again only when that value changes, not on
 * every change of the waiting count or of who is where (both change while people type).
 */
export function useDeskSelector<T>(select: (state: DeskState) => T): T {
  return useSyncExternalStore(subscribe, () => select(state));
}

export function getDesk(): DeskState {
  return state;
}

let socket: HocuspocusProviderWebsocket | null = null;
let index: DeskDoc | null = null;
let currentArticle: string | null = null;
let pendingTimer: ReturnType<typeof setTimeout> | undefined;

/** The name carets and presence show: the desk's name for this token once known, else the local one. */
let localName = '';

export function deskUserName(): string {
  return state.config?.user?.name ?? localName;
}

/** Whom the desk said this token belongs to; null until it has (presence waits for it). */
export function confirmedDeskUser(): DeskConfig['user'] {
  return state.config?.user ?? null;
}

/** Calls `listener` whenever the desk confirms another user for this token (or forgets it). */
export function watchConfirmedDeskUser(listener: () => void): () => void {
  let last = confirmedDeskUser();
  return subscribe(() => {
    const now = confirmedDeskUser();
    if (now?.name === last?.name && now?.role === last?.role) return;
    last = now;
    listener();
  });
}

/**
 * "n changes waiting": the count a confirmation returned, or — after an update was stored —
 * asked for once a burst of such writes is through (one call per burst, not per key typed).
 */
function refreshPending(total?: number): void {
  if (total !== undefined) {
    clearTimeout(pendingTimer);
    pendingTimer = undefined;
    if (total !== state.pending) set({ pending: total });
    return;
  }
  if (pendingTimer !== undefined) return;
  pendingTimer = setTimeout(() => {
    pendingTimer = undefined;
    void api.desk.pending({}).then((r) => {
      if (r.ok && r.value.total !== state.pending) set({ pending: r.value.total });
    });
  }, 300);
}

function onStateless(payload: string): void {
  const user = parseWhoami(payload);
  if (!user) return;
  set({ readOnly: user.role === 'viewer' });
  if (state.config?.user?.name === user.name && state.config.user.role === user.role) return;
  void api.desk.setUser(user).then((r) => {
    if (r.ok) {
      set({ config: r.value });
      publishPresence();
    }
  });
}

function onRefused(reason: string): void {
  set({ connection: { kind: 'refused', reason } });
}

const docEvents = { onPendingChanged: refreshPending, onStateless, onRefused };

function readIndex(doc: Y.Doc): void {
  const map = doc.getMap<DeskArticleIndexEntry>(ARTICLE_INDEX_MAP);
  const articles = new Map<string, DeskArticleIndexEntry>();
  map.forEach((entry, id) => {
    // Other people's input: only well-formed entries reach the library.
    if (
      entry &&
      typeof entry === 'object' &&
      typeof entry.headline === 'string' &&
      typeof entry.sharedBy === 'string' &&
      typeof entry.sharedAt === 'string'
    )
      articles.set(id, entry);
  });
  set({ articles });
}

function readPresence(): void {
  const awareness = index?.provider.awareness;
  if (!awareness) return;
  const presence = new Map<string, DeskPerson[]>();
  awareness.getStates().forEach((value, clientId) => {
    if (clientId === index!.doc.clientID) return;
    const s = value as Partial<DeskAwarenessState>;
    // The desk checked the name against the sender's token; one person on two machines is one entry.
    const name = shownPresenceName(s.user?.name);
    if (!s.user || name === null || typeof s.articleId !== 'string') return;
    const list = presence.get(s.articleId) ?? [];
    if (!list.some((p) => p.name === name)) list.push({ name, color: s.user.color, role: s.user.role });
    presence.set(s.articleId, list);
  });
  set({ presence });
}

function publishPresence(): void {
  const awareness = index?.provider.awareness;
  if (!awareness) return;
  const name = deskUserName();
  const me: DeskAwarenessState = {
    user: { name, color: colorForName(name), role: state.config?.user?.role ?? 'editor' },
    ...(currentArticle ? { articleId: currentArticle } : {}),
  };
  awareness.setLocalState(ownPresence({ ...me }, confirmedDeskUser()));
}

/** The open article, for the presence others see in their library. */
export function setPresenceArticle(articleId: string | null): void {
  currentArticle = articleId;
  publishPresence();
}

async function stop(): Promise<void> {
  const closing = index;
  index = null;
  socket?.destroy();
  socket = null;
  await closing?.close();
}

async function start(config: DeskConfig): Promise<void> {
  await stop();
  if (!config.url || !config.token) {
    set({ config, connection: { kind: 'none' } });
    return;
  }
  set({
    config,
    connection: config.enabled ? { kind: 'connecting' } : { kind: 'disconnected' },
    readOnly: config.user?.role === 'viewer',
  });
  const ws = new HocuspocusProviderWebsocket({
    url: config.url,
    autoConnect: config.enabled,
    // A desk on the office network comes back quickly; do not leave people offline for long.
    delay: 500,
    minDelay: 500,
    maxDelay: 4000,
    factor: 1.6,
    maxAttempts: 0,
  });
  socket = ws;
  ws.on('status', ({ status }: { status: string }) => {
    if (!state.config?.enabled) return;
    if (status === 'connected') {
      if (state.connection.kind !== 'refused') set({ connection: { kind: 'connecting' } });
    } else if (status === 'disconnected') {
      if (state.connection.kind !== 'refused') set({ connection: { kind: 'offline' } });
    }
  });
  const doc = await DeskDoc.open(ARTICLE_INDEX_DOC, ws, config.token, docEvents);
  if (socket !== ws) {
    await doc.close();
    return;
  }
  index = doc;
  doc.provider.on('authenticated', ({ scope }: { scope: string }) => {
    set({ connection: { kind: 'connected' }, readOnly: scope === 'readonly' });
  });
  doc.provider.on('close', ({ event }: { event?: { reason?: string } }) => {
    // A revoked token: the desk closes this document's connection with the reason and keeps the
    // socket open, so no new authentication (and no refusal) follows; the reason is the answer.
    const reason = event?.reason ?? '';
    if ((Object.values(DESK_REFUSAL) as string[]).includes(reason))
      set({ connection: { kind: 'refused', reason } });
    else if (state.connection.kind === 'connected') set({ connection: { kind: 'offline' } });
  });
  const map = doc.doc.getMap(ARTICLE_INDEX_MAP);
  map.observe(() => readIndex(doc.doc));
  doc.provider.awareness?.on('change', readPresence);
  doc.connect();
  readIndex(doc.doc);
  publishPresence();
  refreshPending();
}

let initialised: Promise<void> | null = null;

/** Reads the desk settings and connects if a desk is configured; the app is unchanged without one. */
export function initDesk(userName: string): Promise<void> {
  localName = userName;
  initialised ??= load().catch((err: unknown) => {
    // The local article still opens; only the desk binding is missing until the next start.
    console.error('[desk] could not start', err instanceof Error ? err.message : String(err));
  });
  return initialised;
}

async function load(): Promise<void> {
  // At start the page's head has asked already (app/bootPrefetch.ts).
  const [config, links] = await Promise.all([
    takeEarlyCall<DeskConfig>('desk:config', {}) ?? api.desk.config({}),
    takeEarlyCall<DeskArticleLinkView[]>('desk:links', {}) ?? api.desk.links({}),
  ]);
  if (links.ok) set({ links: new Set(links.value.map((l) => l.articleId)) });
  if (config.ok) await start(config.value);
}

export function setLocalUserName(name: string): void {
  localName = name;
  publishPresence();
}

/**
 * Saves a desk address and token. A new origin needs a reload: the page's CSP lets it reach
 * exactly the configured desk, and a page keeps the CSP it was loaded with.
 */
export async function configureDesk(url: string, token: string): Promise<string | null> {
  const before = state.config?.url ? new URL(state.config.url).origin : null;
  const r = await api.desk.configure({ url, token });
  if (!r.ok)
    return r.error.fields?.map((f) => `${f.path}: ${f.message}`).join('; ') || errorSentence(r.error);
  if (new URL(r.value.url!).origin !== before) {
    window.location.reload();
    return null;
  }
  await start(r.value);
  return null;
}

export async function setDeskEnabled(enabled: boolean): Promise<string | null> {
  const r = await api.desk.setEnabled({ enabled });
  if (!r.ok) return errorSentence(r.error);
  await start(r.value);
  return null;
}

/** Opens an article's desk document on the shared connection; the caller closes it. */
export async function openArticleDoc(articleId: string): Promise<DeskDoc | null> {
  await initialised;
  const config = state.config;
  if (!config?.url || !config.token || !socket || !state.links.has(articleId)) return null;
  return DeskDoc.open(articleDocName(articleId), socket, config.token, docEvents);
}

const justShared = new Set<string>();

/** This app just shared the article: its editor seeds the empty desk document from the local body. */
export function markJustShared(articleId: string): void {
  justShared.add(articleId);
}

export function wasJustShared(articleId: string): boolean {
  return justShared.has(articleId);
}

export function noteLinked(articleId: string): void {
  set({ links: new Set([...state.links, articleId]) });
}

/** Lists the article in the desk's index; stored locally first, so it reaches the desk when online. */
export function announceShared(articleId: string, entry: DeskArticleIndexEntry): boolean {
  if (!index) return false;
  index.doc.getMap<DeskArticleIndexEntry>(ARTICLE_INDEX_MAP).set(articleId, entry);
  return true;
}

export function updateIndexHeadline(articleId: string, headline: string): void {
  const map = index?.doc.getMap<DeskArticleIndexEntry>(ARTICLE_INDEX_MAP);
  const entry = map?.get(articleId);
  if (map && entry && entry.headline !== headline && !state.readOnly)
    map.set(articleId, { ...entry, headline });
}
