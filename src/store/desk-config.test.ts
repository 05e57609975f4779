import { describe, expect, it } from 'vitest';
import { tempStores } from './tempStore.testing';
import { readDeskConfig, writeDeskConnection, writeDeskUser } from './desk-config';
import { writeSettings } from './settings';

const newStore = tempStores('desk-config');
const tempDb = () => newStore().db;

describe('desk settings', () => {
  it('reads the desk user an older version stored in another spelling in the one spelling', () => {
    const db = tempDb();
    writeDeskConnection(db, 'ws://127.0.0.1:1234', 'fdk_abcdefghijklmnopqrstuvwxyz0123456789');
    writeSettings(db, { 'desk.user': { name: ' Jose\u0301   Pe\u0301rez ', role: 'checker' } });
    expect(readDeskConfig(db).user).toEqual({ name: 'José Pérez', role: 'checker' });
    expect(writeDeskUser(db, { name: 'Zoe\u0308 Brandt', role: 'editor' }).user?.name).toBe('Zoë Brandt');
  });

  it('forgets the user when the token changes: the desk says again whose the new one is', () => {
    const db = tempDb();
    writeDeskConnection(db, 'ws://127.0.0.1:1234', 'fdk_abcdefghijklmnopqrstuvwxyz0123456789');
    writeDeskUser(db, { name: 'Ida Sommer', role: 'viewer' });
    expect(
      writeDeskConnection(db, 'ws://127.0.0.1:1234', 'fdk_0123456789abcdefghijklmnopqrstuvwxyz').user,
    ).toBeNull();
  });
});
