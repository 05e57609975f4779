// Another process's connection to a SQLite file that writes without pause — the app autosaving
// while a `factdesk` command runs, a desk server storing documents while `desk add-user` runs.
// Tests run it as a worker thread (plain JavaScript: no TypeScript loader there) with
// workerData { file, sql }: `sql` takes (key, value, time) and is run in bursts until the test
// posts any message; the worker then answers { writes }.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const write = db.prepare(workerData.sql);
let writes = 0;
let stop = false;
parentPort.on('message', () => (stop = true));
parentPort.postMessage({ started: true });
const step = () => {
  // Bursts with a turn of the event loop between them, so the stop message is heard.
  for (let i = 0; i < 20; i++)
    write.run(`other.writer.${writes % 3}`, Buffer.alloc(2000, writes++ % 256), new Date().toISOString());
  if (stop) {
    db.close();
    parentPort.postMessage({ writes });
  } else setImmediate(step);
};
step();
