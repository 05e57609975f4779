import { useEffect } from 'react';
import type * as Y from 'yjs';
import {
  correctionRecordFields,
  correctionRecordKey,
  parseCorrectionRecord,
} from '../../../shared/desk/correctionRecords';
import { ARTICLE_DOC_KEYS } from '../../../shared/desk/names';
import { api } from '../bridge';
import { getClaimsState, subscribeClaims } from '../claims/claimsStore';
import {
  getCorrectionsState,
  refreshCorrections,
  subscribeCorrections,
} from '../corrections/correctionsStore';
import { announceArticleChange } from '../library/articleEvents';
import type { DeskDoc } from './deskDoc';
import { readRecordMap, taskQueue, writeRecordFields } from './recordMap';

const readDesk = (map: Y.Map<unknown>) => readRecordMap(map, parseCorrectionRecord);

/**
 * Keeps the article's correction tables and the desk document's 'corrections' map in step, in the
 * shape of useDeskComments: corrections that arrive from the desk are merged into the local tables
 * (every step of their history kept, an exported wording never rewritten), and after a local
 * change (written, edited, withdrawn, frozen by an export) the corrections that differ from the
 * desk's are written to the map, field by field. A correction naming a claim that has not arrived
 * yet is pulled again when the claims change.
 */
export function useDeskCorrections(desk: DeskDoc | null, articleId: string, readOnly: boolean): void {
  useEffect(() => {
    if (!desk) return;
    const map = desk.doc.getMap<unknown>(ARTICLE_DOC_KEYS.corrections);
    const queue = taskQueue('corrections');
    const run = queue.run;
    let waiting = 0;

    const pull = async () => {
      const records = readDesk(map);
      if (records.length === 0) return;
      const r = await api.corrections.deskApply({ articleId, records: records.map((x) => ({ ...x })) });
      if (!r.ok) return;
      waiting = r.value.waiting;
      if (r.value.changed === 0) return;
      await refreshCorrections();
      // The library counts open offers, which a correction from the desk may have settled.
      announceArticleChange({ id: articleId });
    };
    const push = async () => {
      if (readOnly) return;
      const r = await api.corrections.deskRead({ articleId });
      if (!r.ok || queue.stopped) return;
      const onDesk = new Map(readDesk(map).map((x) => [x.id, correctionRecordKey(x)]));
      const changed = r.value.filter((x) => onDesk.get(x.id) !== correctionRecordKey(x));
      if (changed.length === 0) return;
      desk.doc.transact(() => writeRecordFields(map, changed, correctionRecordFields));
    };

    let pushTimer: ReturnType<typeof setTimeout> | undefined;
    let lastData = getCorrectionsState().data;
    const offCorrections = subscribeCorrections(() => {
      const { data } = getCorrectionsState();
      if (data === lastData || data?.articleId !== articleId) return;
      lastData = data;
      clearTimeout(pushTimer);
      pushTimer = setTimeout(() => run(push), 150);
    });
    let lastClaims = getClaimsState().data;
    const offClaims = subscribeClaims(() => {
      const { data } = getClaimsState();
      if (data === lastClaims) return;
      lastClaims = data;
      if (waiting > 0) run(pull);
    });
    const onChange = (_events: Y.YEvent<Y.AbstractType<unknown>>[], tx: Y.Transaction) => {
      if (!tx.local) run(pull);
    };
    map.observeDeep(onChange);
    run(pull);
    run(push);
    return () => {
      queue.stop();
      clearTimeout(pushTimer);
      map.unobserveDeep(onChange);
      offCorrections();
      offClaims();
    };
  }, [desk, articleId, readOnly]);
}
