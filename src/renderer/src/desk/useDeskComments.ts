import { useEffect } from 'react';
import type * as Y from 'yjs';
import { parseThreadRecord, threadRecordFields, threadRecordKey } from '../../../shared/desk/threadRecords';
import { ARTICLE_DOC_KEYS } from '../../../shared/desk/names';
import { api } from '../bridge';
import { getClaimsState, subscribeClaims } from '../claims/claimsStore';
import { getCommentsState, refreshComments, subscribeComments } from '../comments/commentsStore';
import { announceArticleChange } from '../library/articleEvents';
import type { DeskDoc } from './deskDoc';
import { readRecordMap, taskQueue, writeRecordFields } from './recordMap';

const readDesk = (map: Y.Map<unknown>) => readRecordMap(map, parseThreadRecord);

/**
 * Keeps the article's comment tables and the desk document's 'comments' map in step, in the
 * shape of useDeskClaims: threads that arrive from the desk are merged into the local tables
 * (both sides' replies kept), and after a local change the threads that differ from the desk's
 * are written to the map, field by field. A thread on a claim that has not arrived yet is
 * pulled again when the claims change.
 */
export function useDeskComments(desk: DeskDoc | null, articleId: string, readOnly: boolean): void {
  useEffect(() => {
    if (!desk) return;
    const map = desk.doc.getMap<unknown>(ARTICLE_DOC_KEYS.comments);
    const queue = taskQueue('comments');
    const run = queue.run;
    let waiting = 0;

    const pull = async () => {
      const records = readDesk(map);
      if (records.length === 0) return;
      const r = await api.comments.deskApply({ articleId, records: records.map((x) => ({ ...x })) });
      if (!r.ok) return;
      waiting = r.value.waiting;
      if (r.value.changed === 0) return;
      await refreshComments();
      // The library lists articles whose open threads mention the user.
      announceArticleChange({ id: articleId });
    };
    const push = async () => {
      if (readOnly) return;
      const r = await api.comments.deskRead({ articleId });
      if (!r.ok || queue.stopped) return;
      const onDesk = new Map(readDesk(map).map((x) => [x.id, threadRecordKey(x)]));
      const changed = r.value.filter((x) => onDesk.get(x.id) !== threadRecordKey(x));
      if (changed.length === 0) return;
      desk.doc.transact(() => writeRecordFields(map, changed, threadRecordFields));
    };

    let pushTimer: ReturnType<typeof setTimeout> | undefined;
    let lastThreads = getCommentsState().threads;
    const offComments = subscribeComments(() => {
      const { threads, articleId: open } = getCommentsState();
      if (threads === lastThreads || open !== articleId) return;
      lastThreads = threads;
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
      offComments();
      offClaims();
    };
  }, [desk, articleId, readOnly]);
}
