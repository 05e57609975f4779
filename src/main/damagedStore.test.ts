import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup, DatabaseDamagedError } from '../store/backups';
import { DATABASE_FILE } from '../store/db';
import { readSettings, writeSettings } from '../store/settings';
import { openOrOfferRestore } from './damagedStore';
import { damagedStoreWords, systemLanguage } from '../shared/i18n/damagedStore';
import { openStore } from './runtime';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function damagedStoreWithBackup(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-damaged-'));
  dirs.push(dir);
  const db = openStore({ dataDir: dir, deferSync: true });
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT UNIQUE)');
  const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
  for (let i = 0; i < 400; i++) insert.run(`FC Nordhafen gegen SV Rotheide, Spiel ${i} `.repeat(8));
  writeSettings(db, { userName: 'Lena Kowalczyk' });
  await createBackup(db, dir, 'daily');
  db.close();
  const fd = fs.openSync(path.join(dir, DATABASE_FILE), 'r+');
  for (let page = 2; page * 4096 < fs.fstatSync(fd).size; page += 2)
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, page * 4096);
  fs.closeSync(fd);
  return dir;
}

describe('start-up on a damaged store', () => {
  it('does not start when the writer declines the restore', async () => {
    const dir = await damagedStoreWithBackup();
    const asked: string[] = [];
    const result = await openOrOfferRestore(
      dir,
      () => openStore({ dataDir: dir, deferSync: true }),
      async (damage) => {
        asked.push(damage.message);
        return false;
      },
    );
    expect('refused' in result && result.refused).toBeInstanceOf(DatabaseDamagedError);
    expect(asked[0]).toMatch(/is damaged/);
  });

  it('restores the newest good backup when asked to and starts on it', async () => {
    const dir = await damagedStoreWithBackup();
    const result = await openOrOfferRestore(
      dir,
      () => openStore({ dataDir: dir, deferSync: true }),
      async () => true,
    );
    if (!('opened' in result)) throw new Error('did not open');
    expect(readSettings(result.opened).userName).toBe('Lena Kowalczyk');
    result.opened.close();
    expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.endsWith('-damaged.sqlite.broken'))).toBe(
      true,
    );
  });

  it('asks in German or English with the file, the finding and the backup, without the CLI’s instructions', async () => {
    const dir = await damagedStoreWithBackup();
    let damage: DatabaseDamagedError | undefined;
    await openOrOfferRestore(
      dir,
      () => openStore({ dataDir: dir, deferSync: true }),
      async (found) => {
        damage = found;
        return false;
      },
    );
    const de = damagedStoreWords(systemLanguage('de_DE.UTF-8'), damage!);
    expect(de.message).toBe(
      'Die Factdesk-Datenbank ist beschädigt. Factdesk startet nicht mit beschädigten Daten.',
    );
    expect(de.detail).toContain(path.join(dir, DATABASE_FILE));
    expect(de.detail).toContain(`Befund: ${damage!.finding}`);
    expect(de.detail).toMatch(/Die neueste intakte Sicherung \(\d+\. \w+ \d{4}.*\) wiederherstellen\?/);
    expect(`${de.message} ${de.detail}`).not.toMatch(/factdesk restore|does not open|newest good backup/);
    expect(de.yes.test('ja')).toBe(true);

    const en = damagedStoreWords(systemLanguage('en_US.UTF-8'), damage!);
    expect(en.detail).toMatch(/Restore the newest good backup \(.+\)\? The damaged file is kept/);
    expect(`${en.message} ${en.detail}`).not.toMatch(/factdesk restore/);
  });
});
