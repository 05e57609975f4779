import { findDuplicates } from '../../shared/desk/duplicates';
import { UserError } from '../../shared/result';
import { isLocalOnly, localRecord, setLocalOnly } from '../../store/desk-facts';
import { joinFactSets, mergeIntoDeskRecord, requestShare } from '../../store/desk-facts-share';
import { readSettings } from '../../store/settings';
import { loadSettings } from './app';
import type { HandlerContext } from './context';
import type { HandlerTable } from './table';

function preview(ctx: HandlerContext) {
  const { local, desk, unshared } = joinFactSets(ctx.db);
  return { unshared, groups: findDuplicates(local, desk) };
}

export const factsDeskHandlers = {
  'facts:desk-join-preview': (_input, ctx) => preview(ctx),
  'facts:desk-share': ({ decisions }, ctx) => {
    const { groups } = preview(ctx);
    if (decisions.length !== groups.length) {
      throw new UserError(
        'conflict',
        { key: 'duplicatesChanged', params: { groups: groups.length, decisions: decisions.length } },
        [{ path: 'decisions', message: `must have ${groups.length} entries` }],
      );
    }
    const actor = { user: loadSettings(ctx).userName, via: 'app' };
    let merged = 0;
    ctx.db.transaction(() => {
      groups.forEach((group, i) => {
        if (decisions[i] !== 'use-desk') return;
        for (const localId of group.localIds) {
          mergeIntoDeskRecord(ctx.db, group.kind, localId, group.deskIds[0], actor);
          merged++;
        }
      });
      requestShare(ctx.db);
    })();
    return { merged };
  },
  'facts:desk-local': ({ type, id, local }, ctx) => {
    if (!localRecord(ctx.db, type, id)) {
      throw new UserError('not_found', { key: 'noSuchFact', params: { type, id } }, [
        { path: 'id', message: 'not found' },
      ]);
    }
    if (local !== undefined) {
      ctx.db.transaction(() => {
        setLocalOnly(ctx.db, type, id, local);
        // Sharing it later: the sync picks up every local fact not on the desk yet.
        if (!local && typeof readSettings(ctx.db)['desk.url'] === 'string') requestShare(ctx.db);
      })();
    }
    return { local: isLocalOnly(ctx.db, type, id) };
  },
} satisfies HandlerTable<'facts:desk-join-preview' | 'facts:desk-share' | 'facts:desk-local'>;
