import { useEffect } from 'react';
import type * as Y from 'yjs';
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
import { readRecordMap, taskQueue, writeRecordFields } from './recordMap';

function readDesk(claims: Y.Map<unknown>): { records: DeskClaimRecord[]; passes: DeskGatePass[] } {
  // The gate passes sit beside the records as a plain list, which readRecordMap skips.
  const records = readRecordMap(claims, parseClaimRecord);
  const passes: DeskGatePass[] = claims.has(GATE_PASSES_KEY)
    ? parseGatePasses(claims.get(GATE_PASSES_KEY))
    : [];
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
    const queue = taskQueue('claims');
    const run = queue.run;

    const pull = async () => {
      const { records, passes } = readDesk(claims);
      if (records.length === 0 && passes.length === 0) return;
      const r = await api.desk.claimsApply({ articleId, records: records.map((x) => ({ ...x })), passes });
      if (r.ok && r.value.changed > 0) refreshClaims();
    };
    const push = async () => {
      if (readOnly) return;
      const r = await api.desk.claimsRead({ articleId });
      if (!r.ok || queue.stopped) return;
      const current = readDesk(claims);
      const onDesk = new Map(current.records.map((x) => [x.id, recordKey(x)]));
      const passes = mergeGatePasses(current.passes, r.value.passes);
      const changed = r.value.records.filter((x) => onDesk.get(x.id) !== recordKey(x));
      if (changed.length === 0 && passes.length === current.passes.length) return;
      desk.doc.transact(() => {
        writeRecordFields(claims, changed, recordFields);
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
      queue.stop();
      clearTimeout(pushTimer);
      claims.unobserveDeep(onChange);
      offClaims();
    };
  }, [desk, articleId, readOnly]);
}
