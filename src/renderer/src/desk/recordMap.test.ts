import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readRecordMap, taskQueue, writeRecordFields } from './recordMap';

interface Rec {
  id: string;
  text: string;
  n: number;
}

const parse = (key: string, f: Record<string, unknown>): Rec | null =>
  typeof f.text === 'string' && typeof f.n === 'number' ? { id: key, text: f.text, n: f.n } : null;
const fieldsOf = (r: Rec) => ({ text: r.text, n: r.n });

describe('readRecordMap', () => {
  it('reads field maps that parse and skips anything else', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    doc.transact(() => {
      writeRecordFields(map, [{ id: 'a', text: 'Anpfiff', n: 1 }], fieldsOf);
      map.set('plain', 'not a field map');
      const broken = new Y.Map<unknown>();
      map.set('broken', broken);
      broken.set('text', 7);
    });
    expect(readRecordMap(map, parse)).toEqual([{ id: 'a', text: 'Anpfiff', n: 1 }]);
  });
});

describe('writeRecordFields', () => {
  it('writes only the fields that differ, so concurrent changes to other fields survive', () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const a = one.getMap<unknown>('m');
    const b = two.getMap<unknown>('m');
    one.transact(() => writeRecordFields(a, [{ id: 'r', text: 'vorher', n: 1 }], fieldsOf));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));

    // Each side changes a different field of the same record, offline.
    one.transact(() => writeRecordFields(a, [{ id: 'r', text: 'nachher', n: 1 }], fieldsOf));
    two.transact(() => writeRecordFields(b, [{ id: 'r', text: 'vorher', n: 2 }], fieldsOf));
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two));

    expect(readRecordMap(a, parse)).toEqual([{ id: 'r', text: 'nachher', n: 2 }]);
    expect(readRecordMap(b, parse)).toEqual([{ id: 'r', text: 'nachher', n: 2 }]);
  });

  it('writes nothing when the record is already there as it is', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('m');
    doc.transact(() => writeRecordFields(map, [{ id: 'r', text: 'gleich', n: 3 }], fieldsOf));
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.transact(() => writeRecordFields(map, [{ id: 'r', text: 'gleich', n: 3 }], fieldsOf));
    expect(updates).toHaveLength(0);
  });
});

describe('taskQueue', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs tasks one after another, goes on after a failure and starts nothing once stopped', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const q = taskQueue('test');
    const order: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    q.run(async () => {
      order.push('first starts');
      await slow;
      order.push('first ends');
    });
    q.run(async () => {
      order.push('second');
      throw new Error('Netz weg');
    });
    let third!: () => void;
    const thirdRan = new Promise<void>((resolve) => (third = resolve));
    q.run(async () => {
      order.push('third');
      third();
    });
    await Promise.resolve();
    expect(order).toEqual(['first starts']);
    release();
    await thirdRan;
    expect(order).toEqual(['first starts', 'first ends', 'second', 'third']);
    expect(log).toHaveBeenCalledWith('[desk] test', 'Netz weg');

    q.stop();
    const late = vi.fn(async () => {});
    q.run(late);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(late).not.toHaveBeenCalled();
    expect(q.stopped).toBe(true);
  });
});
