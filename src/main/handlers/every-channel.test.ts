import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import type { Db } from '../../store/db';
import { dispatch, type HandlerContext } from './index';
import { disposeContext, tempContext } from './testing';

let ctx: HandlerContext;

/** Every row of every table, so "changes nothing" can be checked across the whole store. */
function snapshot(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return JSON.stringify(
    tables
      .filter((t) => !/_(data|idx|docsize|config|content)$/.test(t.name))
      .map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"`).all()]),
  );
}

beforeAll(() => {
  ctx = tempContext({ prefix: 'factdesk-channels-' });
});
afterAll(() => disposeContext(ctx));

describe('every channel of the contract', () => {
  const garbage: unknown[] = [
    42,
    'text',
    [1, 2],
    { __proto__: { polluted: true }, unexpected: { deeply: ['x'] } },
  ];
  for (const channel of CHANNELS) {
    it(`${channel} answers malformed input with a validation error and writes nothing`, async () => {
      const before = snapshot(ctx.db);
      for (const input of garbage) {
        const result = await dispatch(channel, input as never, ctx);
        expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('validation');
          expect(result.error.message.length).toBeGreaterThan(10);
        }
      }
      expect(snapshot(ctx.db)).toBe(before);
    });
  }
});
