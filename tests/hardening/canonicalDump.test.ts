import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../src/main/handlers';
import { disposeContext, tempContext } from '../../src/main/handlers/testing';
import { writeSettings } from '../../src/store/settings';
import { storeState, unchangedSince } from './canonicalDump';

let ctx: HandlerContext;
beforeEach(() => {
  ctx = tempContext({ prefix: 'factdesk-dump-' });
});
afterEach(() => disposeContext(ctx));

describe('store state for the fuzz: "a refused call wrote nothing"', () => {
  it('holds when nothing changed, even after a write that was rolled back', () => {
    const before = storeState(ctx.db, ctx.dataDir);
    expect(() =>
      ctx.db.transaction(() => {
        writeSettings(ctx.db, { userName: 'Lena Kowalczyk' });
        throw new Error('refused halfway');
      })(),
    ).toThrow('refused halfway');
    expect(unchangedSince(before, ctx.db, ctx.dataDir)).toBe(true);
  });

  it('fails on a committed row and on a new file in the data folder', () => {
    const before = storeState(ctx.db, ctx.dataDir);
    writeSettings(ctx.db, { userName: 'Lena Kowalczyk' });
    expect(unchangedSince(before, ctx.db, ctx.dataDir)).toBe(false);
    const again = storeState(ctx.db, ctx.dataDir);
    fs.writeFileSync(path.join(ctx.dataDir, 'half-written.tmp'), 'x');
    expect(unchangedSince(again, ctx.db, ctx.dataDir)).toBe(false);
  });
});
