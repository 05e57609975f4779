/** The desk server's SQLite file inside the data folder (the embedded default storage). */
export const DESK_SERVER_DATABASE_FILE = 'desk-server.sqlite';

/** Kept apart from the CLI module so `factdesk desk --help` loads nothing heavy. */
export const DESK_USAGE = [
  'factdesk desk <subcommand> [options]',
  '',
  '  serve [--port 1234] [--host 127.0.0.1] [--postgres <url>] [--debounce <ms>] [--max-debounce <ms>]',
  '        [--keep-changes 30d] [--max-changes 1000] [--member-horizon 60d] [--prune-every 6h|off]',
  '                                 run the desk server until Ctrl+C (and prune the facts change log)',
  '  add-user <name> [--role editor|checker|viewer]',
  '                                 add a user and print their token (shown once)',
  '  list-users [--json]            list users, their roles and whether they are revoked',
  "  revoke <name>                  revoke a user's token at once",
  '  doctor [--json]                check the storage; users, documents, the last change-log pruning',
  '  forget-store <id>              stop keeping the facts change log for a local store that will not come back',
  '',
  'Storage: PostgreSQL with --postgres <url> (or FACTDESK_DESK_POSTGRES), otherwise',
  `the SQLite file ${DESK_SERVER_DATABASE_FILE} in the data folder (--data-dir <dir> or FACTDESK_DATA_DIR).`,
].join('\n');
