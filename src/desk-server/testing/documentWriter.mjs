// A second connection to a desk's SQLite file that stores documents without pause, as a running
// desk server does while members type: sqlite-storage.test.ts adds users beside it, as the
// `desk add-user` CLI does. Plain JavaScript: it runs as a worker thread without the TS loader.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 15000');
const store = db.prepare(
  `INSERT INTO desk_documents (name, state, updated_at) VALUES (?, ?, ?)
   ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
);
let writes = 0;
let stop = false;
parentPort.on('message', () => (stop = true));
parentPort.postMessage({ started: true });
const step = () => {
  // Bursts of writes with a turn of the event loop between them, so the stop message is heard.
  for (let i = 0; i < 50; i++)
    store.run(`article:${writes % 5}`, Buffer.alloc(2000, writes++ % 256), new Date().toISOString());
  if (stop) {
    db.close();
    parentPort.postMessage({ writes });
  } else setImmediate(step);
};
step();
