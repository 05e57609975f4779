import type { Migration } from './types';

/**
 * Source files this app has given to the desk server, by SHA-256. The desk stores each file
 * once; remembering the uploads keeps a restart from sending every attached file again.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'desk-file-uploads',
  up(db) {
    db.exec(`
      CREATE TABLE desk_file_uploads (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        uploaded_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
