import { dispatch } from '../../main/handlers';
import { sqliteInfo } from '../../store/db';
import { cliContext } from '../context';
import { electronBinary } from '../../main/electron-binary';
import { EXIT, parseArgs } from '../io';
import type { CliCommand } from './types';

export const doctorCommand: CliCommand = {
  name: 'doctor',
  summary: 'Show the data folder, database and runtime facts',
  usage: 'factdesk doctor [--data-dir <dir>] [--json]',
  async run(argv, io) {
    const { flags } = parseArgs(argv, { booleans: ['json'] });
    const ctx = cliContext(flags);
    try {
      const info = await dispatch('app:info', {}, ctx);
      if (!info.ok) {
        io.err(info.error.message);
        return EXIT.problem;
      }
      const { fts5 } = sqliteInfo(ctx.db);
      const electron = electronBinary();
      const facts = {
        version: info.value.version,
        dataDir: info.value.dataDir,
        schemaVersion: info.value.schemaVersion,
        sqliteVersion: info.value.sqliteVersion,
        fts5,
        electronBinary: electron.present ? electron.path : null,
        electronVersion: electron.version,
        node: process.versions.node,
      };
      if (flags.json) {
        io.out(JSON.stringify(facts, null, 2));
      } else {
        io.out(`Factdesk ${facts.version}`);
        io.out(`Data folder:      ${facts.dataDir}`);
        io.out(`Schema version:   ${facts.schemaVersion}`);
        io.out(`SQLite version:   ${facts.sqliteVersion}`);
        io.out(`FTS5 available:   ${fts5 ? 'yes' : 'no'}`);
        io.out(
          `Electron binary:  ${electron.present ? `present (${electron.path})` : `missing — ${electron.note}`}` +
            (electron.version ? `, electron ${electron.version}` : ''),
        );
        io.out(`Node.js:          ${facts.node}`);
      }
      return EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};
