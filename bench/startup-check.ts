/**
 * What the start-up check costs on the 150,000-record bench store (bench-factpack.ts): both
 * app shells run `PRAGMA quick_check` at every start before the first request is served, the
 * CLI only when the database file changed since the last good check. Prints, in one run,
 * the app's whole store opening (open, migration check, quick check) against the same opening
 * without the check, the quick check alone, and the CLI's opening with its unchanged-file
 * shortcut, each as the median of a few starts with wall and CPU time, and the target.
 * The file is in the OS page cache (as at any start but the first after a reboot).
 *
 * Run: npm run build && node scripts/run-ts.mjs bench/startup-check.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { quickCheck } from '../src/store/backups';
import { DATABASE_FILE, openDatabase } from '../src/store/db';
import { importFactPack } from '../src/store/factpacks';
import { openStore } from '../src/main/runtime';
import { COUNTS, generate } from './bench-factpack';

const STARTS = 5;
/** The check may add at most this much CPU to an app start on the bench store. */
const TARGET_MS = 1000;

const ms = (v: number) => `${Math.round(v)} ms`;

function median(fn: () => void): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    walls.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpus.push((used.user + used.system) / 1000);
  }
  const mid = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return { wall: mid(walls), cpu: mid(cpus) };
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-bench-startup-'));
  try {
    console.log(
      `Start-up check benchmark — Node ${process.versions.node}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, load ${os.loadavg()[0].toFixed(1)}`,
    );
    const file = path.join(dir, DATABASE_FILE);
    const db = openDatabase(file);
    const imported = importFactPack(db, generate(), { actor: { user: 'bench' } });
    if (!imported.applied) throw new Error('the bench pack did not import');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const records = COUNTS.entities + COUNTS.deals + COUNTS.quotes + COUNTS.sources;
    console.log(
      `Store: ${records.toLocaleString('en')} records, ${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB`,
    );

    const app = median(() => openStore({ dataDir: dir, deferSync: true }).close());
    const bare = median(() => openDatabase(file, { sync: 'deferred' }).close());
    const check = median(() => {
      const open = openDatabase(file, { sync: 'deferred' });
      if (quickCheck(open) !== null) throw new Error('the bench store failed its quick check');
      open.close();
    });
    // The CLI records a good check; a later command on the unchanged file skips it.
    openStore({ dataDir: dir }).close();
    const cli = median(() => openStore({ dataDir: dir }).close());

    console.log(
      `  app start-up opening (open, migrations, quick check): wall ${ms(app.wall)}, CPU ${ms(app.cpu)}`,
    );
    console.log(
      `  the same without the check:                          wall ${ms(bare.wall)}, CPU ${ms(bare.cpu)}`,
    );
    console.log(
      `  opening + quick_check:                               wall ${ms(check.wall)}, CPU ${ms(check.cpu)}`,
    );
    console.log(
      `  CLI opening, file unchanged since the last check:     wall ${ms(cli.wall)}, CPU ${ms(cli.cpu)}`,
    );
    const added = app.cpu - bare.cpu;
    console.log(
      `  the check adds CPU ${ms(added)} to an app start (target < ${ms(TARGET_MS)}: ${added < TARGET_MS ? 'met' : 'NOT met'})`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
