import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editPause } from './editPause';

describe('editPause', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once local edits pause for the short delay', () => {
    const run = vi.fn();
    const pause = editPause(run, { localMs: 400, remoteMs: 1500 });
    pause.local();
    vi.advanceTimersByTime(300);
    pause.local();
    vi.advanceTimersByTime(300);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
    expect(pause.pending).toBe(false);
  });

  it('runs within the remote delay while colleagues keep typing, once per window', () => {
    const run = vi.fn();
    const pause = editPause(run, { localMs: 400, remoteMs: 1500 });
    // A remote keystroke every 100 ms for 3.2 s: a debounce would never fire.
    for (let t = 0; t < 3200; t += 100) {
      pause.remote();
      vi.advanceTimersByTime(100);
    }
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('lets a remote edit move a pass that is about to run a short moment on, never beyond the remote delay', () => {
    const run = vi.fn();
    const pause = editPause(run, { localMs: 400, remoteMs: 1500 });
    pause.local();
    vi.advanceTimersByTime(200);
    pause.remote();
    vi.advanceTimersByTime(399);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    // Remote edits every 300 ms after a local one: the pass still comes 1.5 s after the local edit.
    pause.local();
    for (let t = 0; t < 1500; t += 300) {
      vi.advanceTimersByTime(300);
      if (run.mock.calls.length === 1) pause.remote();
    }
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('brings a later pass forward to the remote delay, and cancel stops it', () => {
    const run = vi.fn();
    const pause = editPause(run, { localMs: 5000, remoteMs: 1000 });
    pause.local();
    pause.remote();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
    pause.local();
    pause.cancel();
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits for this user to pause while they type, whatever colleagues type meanwhile', () => {
    const run = vi.fn();
    const pause = editPause(run, { localMs: 400, remoteMs: 1500 });
    // This user types a key every 200 ms for 4 s while colleagues' keys arrive every 100 ms.
    for (let t = 0; t < 4000; t += 100) {
      if (t % 200 === 0) pause.local();
      pause.remote();
      vi.advanceTimersByTime(100);
    }
    expect(run).not.toHaveBeenCalled();
    // Their last key was at 3.8 s; colleagues go on: the pass comes 1.5 s after that key.
    for (let t = 0; t < 1200; t += 100) {
      pause.remote();
      vi.advanceTimersByTime(100);
    }
    expect(run).not.toHaveBeenCalled();
    pause.remote();
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
