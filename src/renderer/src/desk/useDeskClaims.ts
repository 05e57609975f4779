import { useEffect } from 'react';
import * as Y from 'yjs';
import {
  GATE_PASSES_KEY,
  mergeGatePasses,
  parseClaimRecord,
  parseGatePasses,
  recordFields,
  recordKey,
  type DeskClaimRecord,
  type DeskGatePass,
} from '../../../shared/desk/claimRecords';
import { ARTICLE_DOC_KEYS } from '../../../shared/desk/names';
import { api } from '../bridge';
import { getClaimsState, refreshClaims, subscribeClaims } from '../claims/claimsStore';
import type { DeskDoc } from './deskDoc';

function readDesk(claims: Y.Map<unknown>): { records: DeskClaimRecord[]; passes: DeskGatePass[] } {
  const records: DeskClaimRecord[] = [];
  let passes: DeskGatePass[] = [];
  claims.forEach((value, key) => {
    if (key === GATE_PASSES_KEY) passes = parseGatePasses(value);
    else if (value instanceof Y.Map) {
      const record = parseClaimRecord(key, value.toJSON() as Record<string, unknown>);
      if (record) records.push(record);
    }
  });
  return { records, passes };
}

/**
 * Keeps the article's claims tables and the desk document's 'claims' map in step: records that
 * arrive from the desk are written into the local tables (and the panel re-reads them); after a
 * local change the records that differ from the desk's are written to the map, field by field.
 * One queue runs both directions in order, so a pull and a push never interleave.
 */
export function useDeskClaims(desk: DeskDoc | null, articleId: string, readOnly: boolean): void {
  useEffect(() => {
    if (!desk) return;
    const claims = desk.doc.getMap<unknown>(ARTICLE_DOC_KEYS.claims);
    let queue: Promise<void> = Promise.resolve();
    let stopped = false;
    const run = (task: () => Promise<void>) => {
      queue = queue
        .then(() => (stopped ? undefined : task()))
        .catch((err: unknown) => console.error('[desk] claims', err instanceof Error ? err.message : err));
    };

    const pull = async () => {
      const { records, passes } = readDesk(claims);
      if (records.length === 0 && passes.length === 0) return;
      const r = await api.desk.claimsApply({ articleId, records: records.map((x) => ({ ...x })), passes });
      if (r.ok && r.value.changed > 0) refreshClaims();
    };
    const push = async () => {
      if (readOnly) return;
      const r = await api.desk.claimsRead({ articleId });
      if (!r.ok || stopped) return;
      const current = readDesk(claims);
      const onDesk = new Map(current.records.map((x) => [x.id, recordKey(x)]));
      const passes = mergeGatePasses(current.passes, r.value.passes);
      const changed = r.value.records.filter((x) => onDesk.get(x.id) !== recordKey(x));
      if (changed.length === 0 && passes.length === current.passes.length) return;
      desk.doc.transact(() => {
        for (const record of changed) {
          let fields = claims.get(record.id);
          if (!(fields instanceof Y.Map)) {
            fields = new Y.Map<unknown>();
            claims.set(record.id, fields);
          }
          const map = fields as Y.Map<unknown>;
          for (const [key, value] of Object.entries(recordFields(record))) {
            if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
          }
        }
        if (passes.length > current.passes.length) claims.set(GATE_PASSES_KEY, passes);
      });
    };

    let pushTimer: ReturnType<typeof setTimeout> | undefined;
    let lastData = getClaimsState().data;
    const offClaims = subscribeClaims(() => {
      const { data } = getClaimsState();
      if (data === lastData || data?.articleId !== articleId) return;
      lastData = data;
      clearTimeout(pushTimer);
      pushTimer = setTimeout(() => run(push), 150);
    });
    const onChange = (_events: Y.YEvent<Y.AbstractType<unknown>>[], tx: Y.Transaction) => {
      if (!tx.local) run(pull);
    };
    claims.observeDeep(onChange);
    // The local copy may have been replayed before this effect ran.
    run(pull);
    run(push);
    return () => {
      stopped = true;
      clearTimeout(pushTimer);
      claims.unobserveDeep(onChange);
      offClaims();
    };
  }, [desk, articleId, readOnly]);
}
