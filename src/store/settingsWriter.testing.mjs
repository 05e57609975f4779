// Another process's connection to the store that writes without pause — the app autosaving while
// a `factdesk` command runs, or the other way round. writers.test.ts runs it as a worker thread;
// plain JavaScript, so it needs no TypeScript loader there.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const write = db.prepare(
  `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
   ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
);
let writes = 0;
let stop = false;
parentPort.on('message', () => (stop = true));
parentPort.postMessage({ started: true });
const step = () => {
  // Bursts with a turn of the event loop between them, so the stop message is heard.
  for (let i = 0; i < 20; i++)
    write.run(`other.writer.${writes % 3}`, JSON.stringify(writes++), new Date().toISOString());
  if (stop) {
    db.close();
    parentPort.postMessage({ writes });
  } else setImmediate(step);
};
step();
