import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityInput, entityUpdate } from '../shared/domain/fact-inputs';
import { auditTrail } from './audit-trail';
import { createEntity, deleteEntity, entityView, suggestEntities, updateEntity } from './entities';
import { openTempStore, seedFacts, tester, type TempStore } from './fact-fixtures';
import { roleAtTime } from './roles';

let store: TempStore;
beforeEach(() => {
  store = openTempStore();
  seedFacts(store.db);
});
afterEach(() => store.close());

describe('entities', () => {
  it('records who created and changed an entity, with the record before and after', () => {
    const e = createEntity(store.db, entityInput.parse({ kind: 'club', name: 'TuS Nordwald' }), {
      user: 'Ole',
      via: 'app',
    });
    updateEntity(store.db, entityUpdate.parse({ ...e, aliases: ['Nordwald'] }), { user: 'Mira', via: 'cli' });
    const trail = auditTrail(store.db, 'entity', e.id);
    expect(trail.map((a) => [a.action, a.user, a.via])).toEqual([
      ['create', 'Ole', 'app'],
      ['update', 'Mira', 'cli'],
    ]);
    expect(trail[1].before).toMatchObject({ aliases: [] });
    expect(trail[1].after).toMatchObject({ aliases: ['Nordwald'] });
  });

  it('shows what a record looked like when created, after later changes and without any', () => {
    const e = createEntity(store.db, entityInput.parse({ kind: 'club', name: 'TuS Nordwald' }), tester);
    expect(auditTrail(store.db, 'entity', e.id)[0].after).toEqual(e);
    updateEntity(store.db, entityUpdate.parse({ ...e, name: 'TuS Nordwald 1911' }), tester);
    updateEntity(store.db, entityUpdate.parse({ ...e, name: 'TuS Nordwald 1912' }), tester);
    const trail = auditTrail(store.db, 'entity', e.id);
    expect(trail.map((a) => (a.after as { name: string }).name)).toEqual([
      'TuS Nordwald',
      'TuS Nordwald 1911',
      'TuS Nordwald 1912',
    ]);
    deleteEntity(store.db, e.id, tester);
    expect(auditTrail(store.db, 'entity', e.id)[0].after).toEqual(e);
  });

  it('writes no audit entry for a save that changes nothing', () => {
    const view = entityView(store.db, 'ent-strivo');
    updateEntity(store.db, entityUpdate.parse(view.entity), tester);
    expect(auditTrail(store.db, 'entity', 'ent-strivo')).toHaveLength(1);
  });

  it('refuses to delete an entity that deals, quotes or roles refer to, saying how many', () => {
    expect(() => deleteEntity(store.db, 'ent-goetze', tester)).toThrow(/2 roles, 2 quotes still refer to it/);
    expect(() => deleteEntity(store.db, 'ent-strivo', tester)).toThrow(/1 deal still refer/);
  });

  it('deletes an unused entity together with its citations, and audits both', () => {
    const e = createEntity(
      store.db,
      entityInput.parse({ kind: 'company', name: 'Nordlicht Versicherung' }),
      tester,
    );
    store.db
      .prepare(
        "INSERT INTO citations (id, fact_type, fact_id, source_id, created_at, updated_at) VALUES ('c9', 'entity', ?, 'src-kurier', 'x', 'x')",
      )
      .run(e.id);
    deleteEntity(store.db, e.id, tester);
    expect(store.db.prepare('SELECT count(*) FROM entities WHERE id = ?').pluck().get(e.id)).toBe(0);
    expect(store.db.prepare("SELECT count(*) FROM citations WHERE id = 'c9'").pluck().get()).toBe(0);
    expect(auditTrail(store.db, 'entity', e.id).map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('refuses to turn a person with roles into a club', () => {
    const view = entityView(store.db, 'ent-kowalczyk');
    expect(() =>
      updateEntity(store.db, entityUpdate.parse({ ...view.entity, kind: 'club' }), tester),
    ).toThrow(/kind must stay "person" while 1 role names this person/);
  });

  it('suggests entities by folded name and alias prefixes while typing', () => {
    expect(suggestEntities(store.db, 'goe').map((s) => s.id)).toEqual(['ent-goetze']);
    expect(suggestEntities(store.db, 'Mue').map((s) => s.id)).toEqual(['ent-mueller']);
    expect(suggestEntities(store.db, 'Die Rot').map((s) => s.id)).toEqual(['ent-rotheide']);
    expect(suggestEntities(store.db, 'a', { kinds: ['club'] }).map((s) => s.id)).toEqual([]);
    expect(suggestEntities(store.db, '', { kinds: ['club'] }).map((s) => s.name)).toEqual([
      'FC Almental',
      'SV Rotheide',
    ]);
  });

  it('gives the role a person held on a date', () => {
    expect(roleAtTime(store.db, 'ent-goetze', '2022-05-01')).toBe('Sportdirektor, FC Almental');
    expect(roleAtTime(store.db, 'ent-goetze', '2025-05-01')).toBe('Geschäftsführer, FC Almental');
    expect(roleAtTime(store.db, 'ent-goetze', null)).toBe('Geschäftsführer, FC Almental');
    expect(roleAtTime(store.db, 'ent-goetze', '2019-05-01')).toBeNull();
  });

  it('shows a person with roles and counts, and an organisation with the roles held there', () => {
    expect(entityView(store.db, 'ent-goetze')).toMatchObject({ quoteCount: 2, dealCount: 0 });
    expect(entityView(store.db, 'ent-goetze').roles.map((r) => r.title)).toEqual([
      'Geschäftsführer',
      'Sportdirektor',
    ]);
    expect(entityView(store.db, 'ent-almental').members.map((r) => r.person.name)).toEqual([
      'Lutz Götze',
      'Lutz Götze',
    ]);
  });
});
