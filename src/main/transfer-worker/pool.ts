import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { englishSentence, type ErrorText } from '../../shared/errorText';
import { UserError } from '../../shared/result';
import type { ImportedFile, RenderJob, TransferRunner } from './jobs';
import { decodeError, parseImported, parseRendered, parseReply, type WorkerRequest } from './protocol';

const APP_CLOSING: ErrorText = { key: 'appClosing' };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A request without its id; the pool numbers them. */
type Request = WithoutId<WorkerRequest>;

interface Answer<T> {
  /** The answer checked and typed, or null when it is not what the request asks for. */
  accept(value: unknown): T | null;
  /** Why the request failed when `accept` refused the answer. */
  invalid: ErrorText;
  /** What the user is told when the worker dies or answers nonsense: says what failed and that nothing was written. */
  failure(why: ErrorText): UserError;
}

interface Job extends Answer<unknown> {
  request: Request;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker | null;
  job: (Job & { id: number }) | null;
  /** Why the worker is going away, when the pool sent it away (timeout, bad answer). */
  ending: ErrorText | null;
  timer: NodeJS.Timeout | null;
  /** Settles when the warm-up this worker was sent has finished, or the worker is gone. */
  warming: (() => void) | null;
}

/** The warm-up's id: it goes beside the numbered requests and is not one of them. */
const WARM_ID = 0;

export interface TransferPoolOptions {
  /** The built worker file (the shells get it from electron-vite's `?modulePath`). */
  workerPath: string | URL;
  /** Workers at most; each one parses one file at a time. Default: 2 with more than two cores, else 1. */
  size?: number;
  /** A request that takes longer ends its worker and fails. Default 3 minutes. */
  timeoutMs?: number;
  /** Starts a worker; tests pass stand-ins that crash or answer nonsense. */
  createWorker?: (workerPath: string | URL) => Worker;
}

const DEFAULT_TIMEOUT_MS = 180_000;

/**
 * A small, long-lived pool of transfer workers (worker.ts). Requests queue and go to the first
 * free worker, started on demand; a worker that crashes, exits, times out or answers something
 * that is not a valid reply fails the request it had — with a message saying nothing was written
 * — and is replaced on the next request. Handlers write to the store and the disk only after a
 * valid answer, so a failure never leaves half an article or half a file.
 */
export class TransferPool implements TransferRunner {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private readonly timeoutMs: number;
  private readonly createWorker: (workerPath: string | URL) => Worker;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: TransferPoolOptions) {
    const size = Math.max(1, Math.min(2, options.size ?? (availableParallelism() > 2 ? 2 : 1)));
    this.slots = Array.from({ length: size }, () => ({
      worker: null,
      job: null,
      ending: null,
      timer: null,
      warming: null,
    }));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.createWorker = options.createWorker ?? ((path) => new Worker(path));
  }

  importFile(name: string, bytes: Uint8Array): Promise<ImportedFile> {
    return this.run(
      { type: 'import', name, bytes },
      {
        accept: parseImported,
        invalid: { key: 'workerNotAnArticle' },
        failure: (why) =>
          new UserError('internal', { key: 'importStopped', params: { name, why } }, [
            { path: 'file', message: englishSentence(why) },
          ]),
      },
    );
  }

  render(job: RenderJob): Promise<string | Uint8Array> {
    return this.run(
      { type: 'render', job },
      {
        accept: parseRendered,
        invalid: { key: 'workerNotAFile' },
        failure: (why) =>
          new UserError('internal', { key: 'exportStopped', params: { format: job.kind, why } }),
      },
    );
  }

  /** Prints HTML with the system Chromium from the worker, so loading playwright-core does not stall the shell. */
  printPdf(html: string, chromiumPath?: string): Promise<Uint8Array> {
    return this.run(
      { type: 'pdf', html, ...(chromiumPath ? { chromiumPath } : {}) },
      {
        accept: (value) => (value instanceof Uint8Array ? value : null),
        invalid: { key: 'workerNotAPdf' },
        failure: (why) => new UserError('internal', { key: 'pdfStopped', params: { why } }),
      },
    );
  }

  /**
   * Starts the first worker and has it load the libraries; the shells call this at idle after
   * start. It does not take the worker's turn: a request that comes meanwhile is answered
   * between two of the loads instead of after all of them.
   */
  warm(pdf = false): Promise<void> {
    const slot = this.slots[0];
    if (this.closed || slot.ending || slot.warming) return Promise.resolve();
    const worker = slot.worker ?? this.start(slot);
    return new Promise<void>((resolve) => {
      slot.warming = resolve;
      worker.postMessage({ id: WARM_ID, type: 'warm', pdf } satisfies WorkerRequest);
    });
  }

  /** Ends every worker; requests still waiting fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(job.failure(APP_CLOSING));
    await Promise.all(
      this.slots.map(async (slot) => {
        if (!slot.worker) return;
        slot.ending = APP_CLOSING;
        await slot.worker.terminate();
      }),
    );
  }

  private run<T>(request: Request, answer: Answer<T>): Promise<T> {
    if (this.closed) return Promise.reject(answer.failure(APP_CLOSING));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ ...answer, request, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.job || slot.ending) continue;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      let worker: Worker;
      try {
        worker = slot.worker ?? this.start(slot);
      } catch (err) {
        job.reject(job.failure({ key: 'workerNoStart', params: { detail: (err as Error).message } }));
        continue;
      }
      slot.job = { ...job, id };
      worker.ref();
      slot.timer = setTimeout(
        () =>
          this.end(slot, { key: 'workerTimeout', params: { seconds: Math.round(this.timeoutMs / 1000) } }),
        this.timeoutMs,
      );
      try {
        worker.postMessage({ ...job.request, id } as WorkerRequest);
      } catch (err) {
        // Something that cannot be copied to the worker: this request fails, the worker is fine
        // and takes the next one.
        this.settle(slot);
        job.reject(job.failure({ key: 'workerNotSent', params: { detail: (err as Error).message } }));
        queueMicrotask(() => this.pump());
      }
    }
  }

  private start(slot: Slot): Worker {
    const worker = this.createWorker(this.options.workerPath);
    // An idle worker does not keep the process alive; pump refs it while a request runs.
    worker.unref();
    slot.worker = worker;
    let crash: string | null = null;
    worker.on('message', (message: unknown) => {
      const reply = parseReply(message);
      if (reply?.id === WARM_ID) {
        // A library that failed to load fails again, with its message, in the request that needs it.
        slot.warming?.();
        slot.warming = null;
        return;
      }
      const job = slot.job;
      if (!job || slot.worker !== worker || slot.ending) return;
      if (!reply || reply.id !== job.id) {
        this.end(slot, { key: 'workerBadMessage' });
        return;
      }
      if (!reply.ok) {
        this.settle(slot);
        job.reject(decodeError(reply.error));
        this.pump();
        return;
      }
      const value = job.accept(reply.value);
      // A worker that sends a wrong answer is not trusted with the next request either.
      if (value === null) return this.end(slot, job.invalid);
      this.settle(slot);
      job.resolve(value);
      this.pump();
    });
    worker.on('error', (err) => {
      crash = err.message;
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      const job = slot.job;
      const why: ErrorText =
        slot.ending ??
        (crash
          ? { key: 'workerCrashed', params: { detail: crash } }
          : { key: 'workerExited', params: { code: code } });
      slot.worker = null;
      slot.ending = null;
      slot.warming?.();
      slot.warming = null;
      this.settle(slot);
      if (job) job.reject(job.failure(why));
      if (!this.closed) this.pump();
    });
    return worker;
  }

  /** The slot's request is over: its worker may idle without keeping the process alive. */
  private settle(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker?.unref();
  }

  /** Ends a worker the pool no longer trusts; its request fails on exit. */
  private end(slot: Slot, why: ErrorText): void {
    if (!slot.worker || slot.ending) return;
    slot.ending = why;
    void slot.worker.terminate();
  }
}
