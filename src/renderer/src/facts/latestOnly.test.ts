import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

/** A call whose answers the test releases by hand, in any order. */
function manualCall() {
  const sent: { input: string; answer(value: string): void }[] = [];
  const call = (input: string) => new Promise<string>((resolve) => sent.push({ input, answer: resolve }));
  return { sent, call };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('latestOnly', () => {
  it('sends the first input at once and shows its answer', async () => {
    const { sent, call } = manualCall();
    const shown: string[] = [];
    latestOnly(call).request('G', (a) => shown.push(a));
    expect(sent.map((s) => s.input)).toEqual(['G']);
    sent[0].answer('hits for G');
    await tick();
    expect(shown).toEqual(['hits for G']);
  });

  it('sends only the newest of the inputs typed while a call was in flight, and never shows the older answer', async () => {
    const { sent, call } = manualCall();
    const shown: string[] = [];
    const search = latestOnly(call);
    search.request('G', (a) => shown.push(a));
    search.request('Gö', (a) => shown.push(a));
    search.request('Göt', (a) => shown.push(a));
    expect(sent.map((s) => s.input)).toEqual(['G']);
    sent[0].answer('hits for G');
    await tick();
    expect(sent.map((s) => s.input)).toEqual(['G', 'Göt']);
    expect(shown).toEqual([]);
    sent[1].answer('hits for Göt');
    await tick();
    expect(shown).toEqual(['hits for Göt']);
  });

  it('shows nothing after cancel, and sends nothing that was waiting', async () => {
    const { sent, call } = manualCall();
    const shown: string[] = [];
    const search = latestOnly(call);
    search.request('Ro', (a) => shown.push(a));
    search.request('Rot', (a) => shown.push(a));
    search.cancel();
    sent[0].answer('hits for Ro');
    await tick();
    expect(sent).toHaveLength(1);
    expect(shown).toEqual([]);
  });

  it('goes on after a failed call with the input that was waiting', async () => {
    const sent: string[] = [];
    const shown: string[] = [];
    let fail: (e: Error) => void = () => undefined;
    let answer: (v: string) => void = () => undefined;
    const call = (input: string) =>
      new Promise<string>((resolve, reject) => {
        sent.push(input);
        if (sent.length === 1) fail = reject;
        else answer = resolve;
      });
    const search = latestOnly(call);
    search.request('No', (a) => shown.push(a));
    search.request('Nor', (a) => shown.push(a));
    fail(new Error('gone'));
    await tick();
    answer('hits for Nor');
    await tick();
    expect(sent).toEqual(['No', 'Nor']);
    expect(shown).toEqual(['hits for Nor']);
  });
});
