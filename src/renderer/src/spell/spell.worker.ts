/// <reference lib="webworker" />
import { SpellChecker } from '../../../shared/spell/checker';
import type { SpellRequest, SpellResponse } from './protocol';

// One worker per language: building nspell's tables from igerman98 takes seconds, and checking a
// long article tens of milliseconds — neither belongs on the thread that handles typing.
let checker: SpellChecker | null = null;
let accepted: string[] = [];
const waiting: SpellRequest[] = [];

const reply = (message: SpellResponse) => (self as DedicatedWorkerGlobalScope).postMessage(message);

function handle(message: SpellRequest): void {
  if (message.type === 'accept') {
    accepted = message.words;
    checker?.setAccepted(accepted);
    return;
  }
  if (message.type === 'load') {
    try {
      checker = new SpellChecker(message.lang, message.files);
      checker.setAccepted(accepted);
    } catch (err) {
      reply({
        type: 'failed',
        id: null,
        message: `The ${message.lang} dictionary could not be read: ${(err as Error).message}`,
      });
      return;
    }
    waiting.splice(0).forEach(handle);
    return;
  }
  if (!checker) {
    waiting.push(message);
    return;
  }
  if (message.type === 'check') {
    const began = performance.now();
    const misses = checker.check(message.text);
    reply({ type: 'checked', id: message.id, misses, ms: performance.now() - began });
  } else {
    reply({ type: 'suggested', id: message.id, suggestions: checker.suggest(message.word) });
  }
}

self.onmessage = (event: MessageEvent<SpellRequest>) => handle(event.data);
