import type { SpellWords } from '../../../shared/contract/spell';
import type { Misspelling, SpellLanguage } from '../../../shared/spell/checker';
import { api, call } from '../bridge';
import type { SpellRequest, SpellResponse } from './protocol';

type Pending = { resolve(value: SpellResponse): void; reject(err: Error): void };

/** A spell worker for one language, asked with promises. */
class SpellWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(readonly lang: SpellLanguage) {
    this.worker = new Worker(new URL('./spell.worker.ts', import.meta.url), {
      type: 'module',
      name: `spell-${lang}`,
    });
    this.worker.onmessage = (event: MessageEvent<SpellResponse>) => {
      const message = event.data;
      if (message.id === null)
        return this.fail(new Error(message.type === 'failed' ? message.message : 'unexpected answer'));
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiter?.resolve(message);
    };
    this.worker.onerror = (event) => this.fail(new Error(event.message || 'the spell worker stopped'));
    // The dictionary comes from the app itself (spell:dictionary), never from the network.
    void call(api.spell.dictionary({ lang })).then(
      ({ aff, dic }) => this.post({ type: 'load', lang, files: { aff, dic } }),
      (err: Error) => this.fail(err),
    );
  }

  post(message: SpellRequest): void {
    this.worker.postMessage(message);
  }

  ask<T extends SpellResponse['type']>(
    message: SpellRequest & { id: number },
    expect: T,
  ): Promise<Extract<SpellResponse, { type: T }>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, {
        resolve: (answer) =>
          answer.type === expect
            ? resolve(answer as Extract<SpellResponse, { type: T }>)
            : reject(new Error((answer as { message?: string }).message)),
        reject,
      });
      this.post(message);
    });
  }

  id(): number {
    return this.nextId++;
  }

  private fail(err: Error): void {
    this.failure = err;
    console.warn(`[spell] ${this.lang}: ${err.message}`);
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }
}

const workers = new Map<SpellLanguage, SpellWorker>();
let words: SpellWords = { custom: [], names: [] };
let wordsLoaded: Promise<void> | null = null;
const listeners = new Set<() => void>();

function acceptedList(): string[] {
  return [...words.custom, ...words.names];
}

function acceptWords(next: SpellWords): void {
  words = next;
  for (const w of workers.values()) w.post({ type: 'accept', words: acceptedList() });
  listeners.forEach((l) => l());
}

function worker(lang: SpellLanguage): SpellWorker {
  let w = workers.get(lang);
  if (!w) {
    w = new SpellWorker(lang);
    workers.set(lang, w);
    w.post({ type: 'accept', words: acceptedList() });
  }
  return w;
}

/** Reads the desk dictionary and the fact store's names again (on start and when the window gains focus). */
export function refreshSpellWords(): Promise<void> {
  wordsLoaded = call(api.spell.words({})).then(acceptWords, (err: Error) =>
    console.warn(`[spell] words: ${err.message}`),
  );
  return wordsLoaded;
}

export async function checkSpelling(lang: SpellLanguage, text: string): Promise<Misspelling[]> {
  if (!wordsLoaded) void refreshSpellWords();
  await wordsLoaded;
  const w = worker(lang);
  const answer = await w.ask({ type: 'check', id: w.id(), text }, 'checked');
  return answer.misses;
}

export async function suggestSpelling(lang: SpellLanguage, word: string): Promise<string[]> {
  const w = worker(lang);
  const answer = await w.ask({ type: 'suggest', id: w.id(), word }, 'suggested');
  return answer.suggestions;
}

/** Adds the word to the desk dictionary; every open checker accepts it at once. */
export async function addToDictionary(word: string): Promise<void> {
  acceptWords(await call(api.spell.addWord({ word })));
}

/** Called when the accepted words change, so the editor checks again. */
export function onSpellWordsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
