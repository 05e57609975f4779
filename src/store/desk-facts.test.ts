import { describe, expect, it } from 'vitest';
import { tempStores } from './tempStore.testing';
import { hasLocalRecord, insertDeskRecords, isShared } from './desk-facts';
import { searchFacts } from './search';

const AT = '2026-12-06T17:00:00.000Z';
const stamp = () => ({ actor: { user: 'Erika Prüfer', via: 'desk' }, at: AT });
const newStore = tempStores('desk-facts');
const tempDb = () => newStore().db;

const entity = (id: string, name: string) => ({ id, kind: 'club', name, aliases: [], note: null });

describe('records new to this machine from the desk, in one batch', () => {
  it('writes rows, search index and shared marks, without audit entries of their own', () => {
    const db = tempDb();
    insertDeskRecords(
      db,
      'entity',
      [entity('e-rotheide', 'SV Rotheide'), entity('e-nordhafen', 'FC Nordhafen')],
      stamp,
    );
    expect(hasLocalRecord(db, 'entity', 'e-rotheide')).toBe(true);
    expect(isShared(db, 'entity', 'e-nordhafen')).toBe(true);
    expect(searchFacts(db, { query: 'Nordhafen' }).hits.map((h) => h.id)).toEqual(['e-nordhafen']);
    // The audit entries come from the desk's change log, with each change's author.
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
  });

  it('writes none of a batch when one record refers to something not here yet', () => {
    const db = tempDb();
    insertDeskRecords(db, 'entity', [entity('e-okafor', 'Daniel Okafor')], stamp);
    const quote = (id: string, speakerId: string) => ({
      id,
      speakerId,
      roleAtTime: null,
      wording: `Wir bleiben in Rotheide (${id}).`,
      language: 'de',
      date: null,
      occasion: 'interview',
      translationOfId: null,
      status: 'verified',
      notes: null,
    });
    expect(() =>
      insertDeskRecords(db, 'quote', [quote('q-1', 'e-okafor'), quote('q-2', 'e-missing')], stamp),
    ).toThrow();
    expect(hasLocalRecord(db, 'quote', 'q-1')).toBe(false);
    expect(isShared(db, 'quote', 'q-1')).toBe(false);
    expect(searchFacts(db, { query: 'Rotheide' }).hits).toEqual([]);
  });
});
