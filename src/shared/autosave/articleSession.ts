import type { ArticleDocument, ArticleMetaPatch, ArticleSaveResult } from '../contract/articles';
import type { ArticleBody, ArticleMeta, SerializedEditorStateJSON } from '../domain/articles';
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

export type SaveFn = (input: {
  id: string;
  baseRev: number;
  meta?: ArticleMetaPatch;
  body?: ArticleBody;
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

  constructor(
    doc: ArticleDocument,
    private readonly save: SaveFn,
    private readonly options: SessionOptions = {},
  ) {
    this.id = doc.meta.id;
    this.rev = doc.rev;
    this.meta = doc.meta;
    this.savedStatus = doc.meta.status;
    this.savedBodyJson = JSON.stringify(doc.body.editorState);
    this.debounceMs = options.debounceMs ?? 600;
    this.maxWaitMs = options.maxWaitMs ?? 2000;
    this.defer = options.defer ?? ((fn) => setTimeout(fn, 0));
    this.backoff = options.backoffMs ?? DEFAULT_BACKOFF;
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
    if (this.pendingBody === null) this.savedBodyJson = JSON.stringify(source.toJSON());
  }

  /** Cheap enough for every keystroke: keeps a reference and restarts the timer. */
  noteBody(source: BodySource): void {
    this.pendingBody = source;
    this.schedule();
  }

  /**
   * A body change that is already stored elsewhere — a colleague's edit in a desk article, kept in
   * the local Yjs copy as it arrives: saved within `withinMs`, and never postponing a save that is
   * due sooner. Colleagues typing steadily thus cost one save of the article every few seconds
   * instead of one per pause.
   */
  noteBodyLater(source: BodySource, withinMs: number): void {
    this.pendingBody = source;
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
    if (body !== null) {
      editorState = body.toJSON() as SerializedEditorStateJSON;
      bodyJson = JSON.stringify(editorState);
      if (bodyJson === this.savedBodyJson) {
        bodyJson = null;
        editorState = null;
        if (this.pendingBody === body) this.pendingBody = null;
      }
    }
    const hasMeta = Object.keys(meta).length > 0;
    if (editorState === null && !hasMeta) {
      if (!this.dirty) this.setState({ kind: 'saved' });
      return Promise.resolve();
    }

    this.setState({ kind: 'saving' });
    const input = {
      id: this.id,
      baseRev: this.rev,
      ...(hasMeta ? { meta } : {}),
      ...(editorState ? { body: { schemaVersion: 1 as const, editorState } } : {}),
    };
    const saving = this.save(input);
    this.lastCost = performance.now() - started;
    const attempt = saving.then(
      (result) => this.finish(result, body, bodyJson, meta),
      (err: unknown) =>
        this.finish(
          { ok: false, error: { code: 'unavailable', message: (err as Error)?.message ?? String(err) } },
          body,
          bodyJson,
          meta,
        ),
    );
    this.inFlight = attempt.finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
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
