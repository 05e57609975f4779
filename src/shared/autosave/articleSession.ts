import type { ArticleDocument, ArticleMetaPatch, ArticleSaveResult, BlockPatch } from '../contract/articles';
import type {
  ArticleBody,
  ArticleMeta,
  SerializedEditorStateJSON,
  SerializedNodeJSON,
} from '../domain/articles';
import type { ErrorCode, Result, StorageProblem } from '../result';

/**
 * One open article and its autosave. The editor hands over immutable editor states on every
 * change; serialising and sending them happens later, off the keystroke path, and only when
 * the text really differs from what was last saved. Saves never overlap, so each one names the
 * rev the previous one produced.
 */

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | {
      kind: 'failed';
      reason: string;
      code: ErrorCode;
      retryAt: number | null;
      /** A full disk or read-only data folder, for the status bar's own words. */
      storage?: StorageProblem;
    };

/** Anything that can produce Lexical's serialized state (an EditorState does). */
export interface BodySource {
  toJSON(): unknown;
}

/**
 * A body read block by block (the renderer's adapter over Lexical's editor state): the session
 * then serialises and sends only the top-level blocks that changed.
 */
export interface BlockSource extends BodySource {
  /** Keys of the top-level blocks in order; a block keeps its key while it lives (Lexical's node keys). */
  blockKeys(): string[];
  /** One top-level block with its subtree, as `toJSON()` would serialise it. */
  blockJSON(key: string): SerializedNodeJSON;
  /** The root node's own fields, without children. */
  rootJSON(): SerializedNodeJSON;
}

export type SaveFn = (input: {
  id: string;
  baseRev: number;
  meta?: ArticleMetaPatch;
  body?: ArticleBody;
  blocks?: BlockPatch;
}) => Promise<Result<ArticleSaveResult>>;

export interface SessionOptions {
  /** Quiet time after the last change before a save starts. */
  debounceMs?: number;
  /**
   * Longest a change waits for its save while changes keep coming: steady typing never
   * leaves a quiet gap, and a crash in such a burst must not lose all of it.
   */
  maxWaitMs?: number;
  /** Runs serialisation when the main thread is idle (requestIdleCallback in the browser). */
  defer?: (fn: () => void) => void;
  /** Retry delays after failures; the last one repeats. */
  backoffMs?: readonly number[];
  /** Called after every successful save that wrote something. */
  onSaved?: (meta: ArticleMeta) => void;
  /** Called with the gate's message when a save could not move the article to "ready". */
  onStatusRefused?: (message: string) => void;
  /**
   * Reads a noted body block by block. With it, saves send only changed blocks (`blocks`);
   * without it, or when it answers null, the whole body.
   */
  blockSource?: (source: BodySource) => BlockSource | null;
}

/** What the session knows of the stored blocks: valid for the rev it holds. */
interface BlockLedger {
  /** Block key in the editor → stored block id. */
  ids: Map<string, string>;
  /** Stored block id → its JSON as stored, for the blocks the session has seen serialised. */
  json: Map<string, string>;
  order: string[];
  rootJson: string | null;
}

const emptyLedger = (): BlockLedger => ({ ids: new Map(), json: new Map(), order: [], rootJson: null });

/** A fresh block id, unlike any in `taken` (which it joins). */
function newBlockId(taken: Set<string>): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (;;) {
    let id = '';
    for (let i = 0; i < 10; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

const DEFAULT_BACKOFF = [1000, 2000, 4000, 8000, 15000, 30000];

export class ArticleSession {
  readonly id: string;
  rev: number;
  meta: ArticleMeta;
  state: SaveState = { kind: 'saved' };

  private savedBodyJson: string | null;
  /** The status as last stored, to fall back to when the ready gate refuses a change. */
  private savedStatus: ArticleMeta['status'];
  private pendingBody: BodySource | null = null;
  private pendingMeta: ArticleMetaPatch = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Main-thread time the last save took to serialise and hand over its body, in ms. */
  private lastCost = 0;
  /** When the scheduled save is due (null when none is scheduled). */
  private dueAt: number | null = null;
  /** When the oldest change not yet handed to a save was made (null when none is waiting). */
  private pendingSince: number | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;
  private generation = 0;
  private listeners = new Set<() => void>();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly defer: (fn: () => void) => void;
  private readonly backoff: readonly number[];
  private ledger: BlockLedger = emptyLedger();
  /** Block keys changed since the last save was handed over; `all` when unknown. */
  private dirtyKeys = new Set<string>();
  private allDirty = true;
  /** The loaded document, until setBaseline matches its stored blocks to the editor's. */
  private loaded: ArticleDocument | null;

  constructor(
    doc: ArticleDocument,
    private readonly save: SaveFn,
    private readonly options: SessionOptions = {},
  ) {
    this.id = doc.meta.id;
    this.rev = doc.rev;
    this.meta = doc.meta;
    this.savedStatus = doc.meta.status;
    // Block saves compare block by block; only whole-body saves need the whole JSON.
    this.savedBodyJson = options.blockSource ? null : JSON.stringify(doc.body.editorState);
    this.debounceMs = options.debounceMs ?? 600;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
    this.defer = options.defer ?? ((fn) => setTimeout(fn, 0));
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF;
    this.loaded = doc;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    this.listeners.forEach((l) => l());
  }

  private setState(state: SaveState): void {
    const same = state.kind === this.state.kind && state.kind !== 'failed';
    if (same) return;
    this.state = state;
    this.emit();
  }

  /**
   * The editor's own serialisation of the loaded body, so the first comparison is like for
   * like (the stored JSON may order keys differently from what Lexical exports).
   */
  setBaseline(source: BodySource): void {
    if (this.pendingBody !== null) return;
    const blocks = this.options.blockSource?.(source);
    if (!blocks) {
      this.savedBodyJson = JSON.stringify(source.toJSON());
      return;
    }
    // The editor's blocks are the loaded ones, one for one: each keeps its stored id, and only a
    // block whose serialisation differs from the stored JSON is written on the next save.
    const keys = blocks.blockKeys();
    const loaded = this.loaded && loadedBlocks(this.loaded);
    this.loaded = null;
    if (!loaded || loaded.ids.length !== keys.length) return;
    const ledger = emptyLedger();
    keys.forEach((key, i) => {
      const id = loaded.ids[i];
      ledger.ids.set(key, id);
      const json = JSON.stringify(blocks.blockJSON(key));
      if (json === loaded.json[i]) ledger.json.set(id, json);
    });
    ledger.order = loaded.ids;
    ledger.rootJson = JSON.stringify(blocks.rootJSON());
    this.ledger = ledger;
    this.allDirty = false;
    this.dirtyKeys.clear();
  }

  /**
   * Cheap enough for every keystroke: keeps a reference and restarts the timer. `changedBlocks`
   * are the keys of the top-level blocks the change touched; without them every block counts as changed.
   */
  noteBody(source: BodySource, changedBlocks?: Iterable<string>): void {
    this.pendingBody = source;
    this.markDirty(changedBlocks);
    this.schedule();
  }

  private markDirty(changedBlocks: Iterable<string> | undefined): void {
    if (changedBlocks === undefined) this.allDirty = true;
    else for (const key of changedBlocks) this.dirtyKeys.add(key);
  }

  /**
   * A body change that is already stored elsewhere — a colleague's edit in a desk article, kept in
   * the local Yjs copy as it arrives: saved within `withinMs`, and never postponing a save that is
   * due sooner. Colleagues typing steadily thus cost one save of the article every few seconds
   * instead of one per pause.
   */
  noteBodyLater(source: BodySource, withinMs: number, changedBlocks?: Iterable<string>): void {
    this.pendingBody = source;
    this.markDirty(changedBlocks);
    if (this.stopped) return;
    if (this.state.kind === 'saved') this.setState({ kind: 'pending' });
    const now = Date.now();
    if (this.dueAt !== null && this.dueAt <= now + withinMs) return;
    this.at(withinMs);
  }

  setMeta(patch: ArticleMetaPatch): void {
    this.meta = { ...this.meta, ...patch };
    this.pendingMeta = { ...this.pendingMeta, ...patch };
    this.emit();
    this.schedule();
  }

  /**
   * What has not reached the store yet, serialised now (for a recovery copy kept in the page
   * when the server does not answer), or null when everything is saved.
   */
  unsaved(): {
    baseRev: number;
    meta: ArticleMetaPatch;
    editorState: SerializedEditorStateJSON | null;
  } | null {
    if (!this.dirty && this.state.kind !== 'failed') return null;
    const editorState = this.pendingBody ? (this.pendingBody.toJSON() as SerializedEditorStateJSON) : null;
    if (editorState === null && Object.keys(this.pendingMeta).length === 0) return null;
    return { baseRev: this.rev, meta: { ...this.pendingMeta }, editorState };
  }

  get dirty(): boolean {
    return this.pendingBody !== null || Object.keys(this.pendingMeta).length > 0;
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.state.kind === 'saved') this.setState({ kind: 'pending' });
    const now = Date.now();
    this.pendingSince ??= now;
    // A 100,000-word article takes a good part of a frame budget to serialise and send; during
    // steady typing such saves come at most every 40 times their cost (≤ 2.5 % of the time).
    const maxWait = Math.max(this.maxWaitMs, this.lastCost * 40);
    this.at(Math.max(0, Math.min(this.debounceMs, this.pendingSince + maxWait - now)));
  }

  private at(wait: number): void {
    clearTimeout(this.timer);
    this.dueAt = Date.now() + wait;
    this.timer = setTimeout(() => this.defer(() => void this.run()), wait);
  }

  /**
   * Saves whatever is pending now and waits until nothing is. A save that failed for a
   * passing reason is retried at once, because whoever flushes (closing, switching articles)
   * needs the text stored now; one that cannot succeed (a conflict) is not repeated.
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.dueAt = null;
    for (let i = 0; i < 4 && (this.dirty || this.inFlight); i++) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (this.state.kind === 'failed' && this.state.retryAt === null) break;
      await this.run();
    }
  }

  retryNow(): void {
    clearTimeout(this.retryTimer);
    void this.run();
  }

  private run(): Promise<void> {
    if (this.inFlight) {
      // The running save will reschedule when it sees newer changes.
      return this.inFlight;
    }
    clearTimeout(this.retryTimer);
    clearTimeout(this.timer);
    this.dueAt = null;
    this.pendingSince = null;
    const body = this.pendingBody;
    const meta = this.pendingMeta;
    const started = performance.now();
    let bodyJson: string | null = null;
    let editorState: SerializedEditorStateJSON | null = null;
    const blockSource = body !== null ? (this.options.blockSource?.(body) ?? null) : null;
    let patch: { input: BlockPatch; ledger: BlockLedger } | null = null;
    const dirty = { keys: this.dirtyKeys, all: this.allDirty };
    if (blockSource !== null) {
      this.dirtyKeys = new Set();
      this.allDirty = false;
      patch = this.blockPatch(blockSource, dirty);
      if (patch === null && this.pendingBody === body) this.pendingBody = null;
    } else if (body !== null) {
      editorState = body.toJSON() as SerializedEditorStateJSON;
      bodyJson = JSON.stringify(editorState);
      if (bodyJson === this.savedBodyJson) {
        bodyJson = null;
        editorState = null;
        if (this.pendingBody === body) this.pendingBody = null;
      }
    }
    const hasMeta = Object.keys(meta).length > 0;
    if (editorState === null && patch === null && !hasMeta) {
      if (!this.dirty) this.setState({ kind: 'saved' });
      return Promise.resolve();
    }

    this.setState({ kind: 'saving' });
    const input = {
      id: this.id,
      baseRev: this.rev,
      ...(hasMeta ? { meta } : {}),
      ...(editorState ? { body: { schemaVersion: 1 as const, editorState } } : {}),
      ...(patch ? { blocks: patch.input } : {}),
    };
    const saving = this.save(input);
    this.lastCost = performance.now() - started;
    const done = (answer: Result<ArticleSaveResult>) => {
      let result = answer;
      if (blockSource !== null) {
        this.settleBlocks(result, patch?.ledger ?? null, dirty);
        // The store does not hold the blocks this patch assumed: start over with every block,
        // as a passing failure, so the retry sends the whole text.
        if (
          !result.ok &&
          result.error.fields?.some((f) => f.path === 'blocks' || f.path.startsWith('blocks.order'))
        ) {
          this.forgetBlocks();
          result = { ok: false, error: { ...result.error, code: 'unavailable' } };
        }
      }
      // A whole body gets new block ids in the store: the next block save starts over.
      else if (editorState !== null && result.ok) this.forgetBlocks();
      this.finish(result, body, bodyJson, meta);
    };
    const attempt = saving.then(done, (err: unknown) =>
      done({ ok: false, error: { code: 'unavailable', message: (err as Error)?.message ?? String(err) } }),
    );
    this.inFlight = attempt.finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /**
   * The blocks to send: every changed or new block with its id, the order, the root's fields.
   * Null when the body is the stored one. A block is serialised only when it was touched since
   * the last save or its stored JSON is unknown.
   */
  private blockPatch(
    source: BlockSource,
    dirty: { keys: Set<string>; all: boolean },
  ): { input: BlockPatch; ledger: BlockLedger } | null {
    const old = this.ledger;
    const taken = new Set(old.order);
    const next: BlockLedger = { ids: new Map(), json: new Map(), order: [], rootJson: null };
    const changed: BlockPatch['changed'] = [];
    const used = new Set<string>();
    for (const key of source.blockKeys()) {
      let id = old.ids.get(key);
      // A key seen twice would be one block in two places; the second is a new block.
      if (id === undefined || used.has(id)) id = newBlockId(taken);
      used.add(id);
      next.ids.set(key, id);
      next.order.push(id);
      const known = old.json.get(id);
      if (known !== undefined && !dirty.all && !dirty.keys.has(key)) {
        next.json.set(id, known);
        continue;
      }
      const node = source.blockJSON(key);
      const json = JSON.stringify(node);
      next.json.set(id, json);
      if (json !== known) changed.push({ id, node });
    }
    const root = source.rootJSON();
    next.rootJson = JSON.stringify(root);
    const sameOrder =
      next.order.length === old.order.length && next.order.every((id, i) => id === old.order[i]);
    if (changed.length === 0 && sameOrder && next.rootJson === old.rootJson) {
      this.ledger = next;
      return null;
    }
    return { input: { root, order: next.order, changed }, ledger: next };
  }

  /** Adopts the ledger of a stored patch; after a failure the touched blocks count as changed again. */
  private settleBlocks(
    result: Result<ArticleSaveResult>,
    ledger: BlockLedger | null,
    dirty: { keys: Set<string>; all: boolean },
  ): void {
    if (result.ok) {
      if (ledger) this.ledger = ledger;
      return;
    }
    this.allDirty ||= dirty.all;
    for (const key of dirty.keys) this.dirtyKeys.add(key);
  }

  /** Forgets which blocks are stored: the next save sends every block under a new id. */
  private forgetBlocks(): void {
    this.ledger = emptyLedger();
    this.loaded = null;
    this.allDirty = true;
    this.dirtyKeys.clear();
  }

  private finish(
    result: Result<ArticleSaveResult>,
    body: BodySource | null,
    bodyJson: string | null,
    meta: ArticleMetaPatch,
  ): void {
    if (result.ok) {
      this.failures = 0;
      this.rev = result.value.rev;
      if (bodyJson !== null) this.savedBodyJson = bodyJson;
      if (this.pendingBody === body) this.pendingBody = null;
      // Fields typed while the save was on its way stay pending and win over the echo.
      const stillPending: ArticleMetaPatch = {};
      for (const [key, value] of Object.entries(this.pendingMeta) as [keyof ArticleMetaPatch, unknown][]) {
        if (meta[key] !== value) (stillPending as Record<string, unknown>)[key] = value;
      }
      this.pendingMeta = stillPending;
      this.meta = { ...result.value.meta, ...stillPending };
      this.savedStatus = result.value.meta.status;
      this.options.onSaved?.(this.meta);
      if (this.dirty) {
        this.state = { kind: 'pending' };
        this.emit();
        this.schedule();
      } else {
        this.state = { kind: 'saved' };
        this.emit();
      }
      return;
    }
    const { code, message, storage } = result.error;
    // The "ready" gate refused the status change (a claim was reopened after the editor
    // asked): drop only that change, say why, and save the words at once — never stop autosave over it.
    if (
      code === 'validation' &&
      meta.status !== undefined &&
      result.error.fields?.some((f) => f.path === 'meta.status')
    ) {
      const { status: _refused, ...rest } = this.pendingMeta;
      this.pendingMeta = rest;
      this.meta = { ...this.meta, status: this.savedStatus };
      this.options.onStatusRefused?.(message);
      this.emit();
      if (this.dirty) {
        this.state = { kind: 'pending' };
        this.emit();
        this.defer(() => void this.run());
      } else this.setState({ kind: 'saved' });
      return;
    }
    // A conflict or a refused body will not go away by trying again; everything else might.
    const permanent = code === 'conflict' || code === 'validation' || code === 'not_found';
    const delay = this.backoff[Math.min(this.failures, this.backoff.length - 1)];
    this.failures++;
    const retryAt = permanent || this.stopped ? null : Date.now() + delay;
    this.state = { kind: 'failed', reason: message, code, retryAt, ...(storage ? { storage } : {}) };
    this.emit();
    if (retryAt !== null) this.retryTimer = setTimeout(() => void this.run(), delay);
  }

  /**
   * After a conflict, when the writer chose to keep their text: continue from the stored rev
   * (the caller has kept the other text as a revision) and save what is pending now.
   */
  rebase(rev: number): Promise<void> {
    this.rev = rev;
    // The stored blocks are now the other writer's: send all of this text.
    this.forgetBlocks();
    this.failures = 0;
    this.state = { kind: 'pending' };
    this.emit();
    return this.flush();
  }

  /** After a restore or a change made outside the editor: adopt the stored version. */
  adopt(doc: ArticleDocument): void {
    clearTimeout(this.timer);
    this.dueAt = null;
    clearTimeout(this.retryTimer);
    this.rev = doc.rev;
    this.meta = doc.meta;
    this.savedStatus = doc.meta.status;
    this.pendingBody = null;
    this.pendingMeta = {};
    this.pendingSince = null;
    this.savedBodyJson = JSON.stringify(doc.body.editorState);
    this.forgetBlocks();
    this.loaded = doc;
    this.failures = 0;
    this.state = { kind: 'saved' };
    this.emit();
  }

  /** (Re)starts autosave; returns a token for the matching stop(). */
  start(): number {
    this.stopped = false;
    return ++this.generation;
  }

  /**
   * Stops timers once the article is closed; call after the final flush. A stop from an
   * earlier start is ignored, so a quick unmount and remount (React's strict mode) keeps saving.
   */
  stop(generation = this.generation): void {
    if (generation !== this.generation) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.dueAt = null;
    clearTimeout(this.retryTimer);
  }
}

function loadedBlocks(doc: ArticleDocument): { ids: string[]; json: string[] } | null {
  const children = doc.body.editorState.root.children ?? [];
  if (!doc.blockIds || doc.blockIds.length !== children.length) return null;
  return { ids: doc.blockIds, json: children.map((c) => JSON.stringify(c)) };
}
