import type { Channel } from '../../shared/contract';
import { REPEATABLE_CHANNELS } from '../../shared/contract/repeatable';
import { englishSentence, type ErrorText } from '../../shared/errorText';
import type { Result } from '../../shared/result';

function noAnswer(text: ErrorText): Result<never> {
  return { ok: false, error: { code: 'unavailable', message: englishSentence(text), ...text } };
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * One contract call over HTTP to the browser shell. A call that got no answer (the connection
 * broke: the shell restarting, an idle keep-alive socket closed just as it was reused) is sent once
 * more when a repeat cannot do anything twice (REPEATABLE_CHANNELS); any other call reports that it
 * may not have been carried out — the autosave session retries its saves itself, and a save names
 * the rev it builds on, so a repeat of one that did arrive is refused rather than stored twice.
 */
export function createHttpInvoke(
  send: Fetch = (url, init) => fetch(url, init),
): (channel: Channel, input: unknown) => Promise<Result<unknown>> {
  return async (channel, input) => {
    const body = JSON.stringify(input ?? {});
    const once = async (): Promise<Result<unknown>> => {
      const res = await send(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body,
        // Lets the final save finish while the page unloads. Only then: the bodies of all
        // keepalive requests a page has in flight may add up to 64 KiB (Fetch standard), and a
        // call past that fails at once with a network error — an ordinary call made while an
        // autosave of a long article was on its way came back as "no answer".
        keepalive: document.visibilityState === 'hidden' && body.length < 60_000,
      });
      return (await res.json()) as Result<unknown>;
    };
    try {
      return await once();
    } catch (first) {
      if (REPEATABLE_CHANNELS.has(channel)) {
        try {
          return await once();
        } catch (second) {
          return noAnswer({ key: 'serverNoAnswer', params: { detail: (second as Error).message } });
        }
      }
      return noAnswer({ key: 'serverNoAnswerMaybe', params: { detail: (first as Error).message } });
    }
  };
}
