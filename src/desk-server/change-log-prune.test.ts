import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendChange, changesArray, type DeskFactChange } from '../shared/desk/fact-changes';
import { applyPrunePlan, planPrune, type MirroredBy } from './change-log-prune';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-06T12:00:00.000Z');

function change(id: string, daysAgo: number): DeskFactChange {
  return {
    id,
    recordId: `deal-${id}`,
    action: 'update',
    changes: [{ field: 'amountMinor', before: 1, after: 2 }],
    by: 'Ida Sommer',
    at: new Date(NOW - daysAgo * DAY).toISOString(),
  };
}

/** A document whose client writes each entry in its own transaction, with a record edit in between (as a push does). */
function docWith(entries: DeskFactChange[], clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  for (const e of entries) {
    doc.transact(() => {
      doc.getMap('records').set(e.recordId, e.id);
      appendChange(doc, e);
    });
  }
  return doc;
}

const ids = (doc: Y.Doc) =>
  changesArray(doc)
    .toArray()
    .map((e) => (e as DeskFactChange).id);
const everything = (member: string, doc: Y.Doc): MirroredBy => ({
  member,
  stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)),
});

describe('planning which change-log entries go', () => {
  it('removes old entries every member has mirrored and keeps the young ones', () => {
    const doc = docWith([change('a', 40), change('b', 31), change('c', 29), change('d', 1)], 1);
    const plan = planPrune(
      doc,
      [everything('m1', doc), everything('m2', doc)],
      { keepMs: 30 * DAY, maxEntries: 100 },
      NOW,
    );
    expect(plan).toMatchObject({ removed: 2, left: 2, heldBack: 0 });
    applyPrunePlan(doc, plan, 'test');
    expect(ids(doc)).toEqual(['c', 'd']);
  });

  it('holds back what a member has not mirrored, and says for whom', () => {
    const doc = docWith([change('a', 40), change('b', 39)], 1);
    const before = Y.decodeStateVector(Y.encodeStateVector(doc));
    doc.transact(() => appendChange(doc, change('c', 38)));
    const plan = planPrune(
      doc,
      [everything('ida', doc), { member: 'tom', stateVector: before }, { member: 'new', stateVector: null }],
      { keepMs: 30 * DAY, maxEntries: 100 },
      NOW,
    );
    // Tom has a and b; the member that never reported this document has none of them.
    expect(plan).toMatchObject({ removed: 0, left: 3, heldBack: 3 });
    expect(plan.lacking).toEqual(
      new Map([
        ['tom', 1],
        ['new', 3],
      ]),
    );

    const withoutNew = planPrune(
      doc,
      [everything('ida', doc), { member: 'tom', stateVector: before }],
      { keepMs: 30 * DAY, maxEntries: 100 },
      NOW,
    );
    applyPrunePlan(doc, withoutNew, 'test');
    expect(ids(doc)).toEqual(['c']);
  });

  it('keeps at most maxEntries per document even when they are young, oldest first', () => {
    const doc = docWith(
      ['a', 'b', 'c', 'd', 'e'].map((id) => change(id, 1)),
      1,
    );
    const plan = planPrune(doc, [everything('m', doc)], { keepMs: 30 * DAY, maxEntries: 2 }, NOW);
    applyPrunePlan(doc, plan, 'test');
    expect(ids(doc)).toEqual(['d', 'e']);
  });

  it('reads the Yjs id of every entry when one client appended several in one transaction', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    doc.transact(() => ['a', 'b', 'c'].forEach((id) => appendChange(doc, change(id, 40))));
    const afterTwo = new Map([[7, 2]]);
    const plan = planPrune(
      doc,
      [{ member: 'm', stateVector: afterTwo }],
      { keepMs: 0, maxEntries: 100 },
      NOW,
    );
    expect(plan).toMatchObject({ removed: 2, heldBack: 1 });
    applyPrunePlan(doc, plan, 'test');
    expect(ids(doc)).toEqual(['c']);
  });

  it('counts an entry with an unreadable or far-future time as old: coverage alone decides', () => {
    const doc = docWith([{ ...change('skewed', 0), at: '2099-01-01T00:00:00.000Z' }, change('young', 0)], 1);
    doc.transact(() => changesArray(doc).push([{ id: 'junk' }]));
    const plan = planPrune(doc, [everything('m', doc)], { keepMs: 30 * DAY, maxEntries: 100 }, NOW);
    applyPrunePlan(doc, plan, 'test');
    expect(ids(doc)).toEqual(['young']);
  });

  it('prunes entries of every author, and a member that syncs afterwards gets the same log', () => {
    const ida = docWith([change('i1', 40), change('i2', 40)], 1);
    const tom = docWith([change('t1', 40), change('t2', 2)], 2);
    Y.applyUpdate(ida, Y.encodeStateAsUpdate(tom));
    Y.applyUpdate(tom, Y.encodeStateAsUpdate(ida));
    const plan = planPrune(
      ida,
      [everything('ida', ida), everything('tom', tom)],
      { keepMs: 30 * DAY, maxEntries: 100 },
      NOW,
    );
    expect(plan.removed).toBe(3);
    applyPrunePlan(ida, plan, 'test');
    Y.applyUpdate(tom, Y.encodeStateAsUpdate(ida, Y.encodeStateVector(tom)));
    expect(ids(ida)).toEqual(['t2']);
    expect(ids(tom)).toEqual(ids(ida));
  });

  it('leaves a document without a log alone', () => {
    const plan = planPrune(new Y.Doc(), [], { keepMs: 0, maxEntries: 0 }, NOW);
    expect(plan).toEqual({ runs: [], removed: 0, left: 0, heldBack: 0, lacking: new Map() });
  });
});
