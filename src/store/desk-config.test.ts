import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db';
import { readDeskConfig, writeDeskConnection, writeDeskUser } from './desk-config';
import { writeSettings } from './settings';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-desk-config-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, 'factdesk.sqlite'));
  dbs.push(db);
  return db;
}

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
