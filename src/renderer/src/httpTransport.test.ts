// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createHttpInvoke } from './httpTransport';
import { CHANNELS, isChannel } from '../../shared/contract';
import { REPEATABLE_CHANNELS } from '../../shared/contract/repeatable';

/** A network that breaks the first `breaks` calls before any answer, as a reset keep-alive socket does. */
function network(breaks: number) {
  const sent: string[] = [];
  const send = async (url: string) => {
    sent.push(url);
    if (sent.length <= breaks) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify({ ok: true, value: 'answer' }));
  };
  return { sent, send };
}

describe('createHttpInvoke', () => {
  it('sends a call that only reads once more when the connection broke', async () => {
    const net = network(1);
    const result = await createHttpInvoke(net.send)('articles:list', {});
    expect(result).toEqual({ ok: true, value: 'answer' });
    expect(net.sent).toEqual(['/api/articles%3Alist', '/api/articles%3Alist']);
  });

  it('never sends a save twice, and says it may not have been stored', async () => {
    const net = network(1);
    const result = await createHttpInvoke(net.send)('articles:save', { id: 'a', baseRev: 1 });
    expect(net.sent).toHaveLength(1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('unavailable');
      expect(result.error.message).toContain('may not have been made');
    }
  });

  it('reports a repeatable call that failed twice, after two tries', async () => {
    const net = network(2);
    const result = await createHttpInvoke(net.send)('settings:get', {});
    expect(net.sent).toHaveLength(2);
    expect(result.ok).toBe(false);
  });

  it('lists only existing calls, and none that creates, changes or deletes', () => {
    for (const channel of REPEATABLE_CHANNELS) expect(isChannel(channel)).toBe(true);
    const writers = CHANNELS.filter((c) =>
      /[:-](save|create|update|delete|add|apply|append|restore|trash|link|unlink|import|set|sync|configure|dismiss|reply|edit|withdraw|override|share)(-|$)/.test(
        c,
      ),
    );
    expect(writers.length).toBeGreaterThan(20);
    for (const writer of writers) expect(REPEATABLE_CHANNELS.has(writer)).toBe(false);
  });
});
