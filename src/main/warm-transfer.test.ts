import { describe, expect, it } from 'vitest';
import { warmTransferLibraries } from './warm-transfer';
import { callFinished, callStarted, quietForMs } from './handlers/callActivity';

describe('warming the transfer libraries', () => {
  it('loads each library only once the shell has had no call for the quiet time', async () => {
    const events: string[] = [];
    // Busy for the first checks (the app starting, an article opening), then quiet.
    const answers = [0, 3, 0, 20, 20, 5, 20];
    const quietFor = () => {
      const q = answers.shift() ?? 20;
      events.push(`quiet ${q}`);
      return q;
    };
    const library = (name: string) =>
      [
        name,
        async () => {
          events.push(`load ${name}`);
        },
      ] as const;
    const steps = await warmTransferLibraries({
      delayMs: 0,
      quietMs: 20,
      quietFor,
      libraries: [library('docx'), library('jsdom'), library('pdf')],
    });
    expect(steps.map((s) => s.library)).toEqual(['docx', 'jsdom', 'pdf']);
    expect(events).toEqual([
      'quiet 0',
      'quiet 3',
      'quiet 0',
      'quiet 20',
      'load docx',
      'quiet 20',
      'load jsdom',
      'quiet 5',
      'quiet 20',
      'load pdf',
    ]);
  });

  it('counts a running call as no quiet at all, and the quiet from when the last one ended', () => {
    callStarted();
    callStarted();
    expect(quietForMs()).toBe(0);
    callFinished();
    expect(quietForMs()).toBe(0);
    callFinished();
    const quiet = quietForMs();
    expect(Number.isFinite(quiet)).toBe(true);
    expect(quiet).toBeGreaterThanOrEqual(0);
  });
});
