import type { CliCommandEntry } from './types';

/** Each feature adds its subcommand here; summaries are repeated so help loads no command module (a test keeps them equal). */
export const commands: CliCommandEntry[] = [
  {
    name: 'doctor',
    summary: 'Show the data folder, database and runtime facts',
    load: async () => (await import('./doctor')).doctorCommand,
  },
  {
    name: 'articles',
    summary: 'List, show, export and import articles; list their corrections',
    load: async () => (await import('./articles')).articlesCommand,
  },
  {
    name: 'claims',
    summary: 'List the claims of an article, or check it against the "ready" gate',
    load: async () => (await import('./claims')).claimsCommand,
  },
  {
    name: 'detect',
    summary: 'Find quotes, amounts, dates and other checkable claims in a file or an article',
    load: async () => (await import('./detect')).detectCommand,
  },
  {
    name: 'facts',
    summary: 'Search, add, import and export verified facts (fact packs)',
    load: async () => (await import('./facts')).factsCommand,
  },
  {
    name: 'sources',
    summary: 'Add source documents (PDF, saved web pages, DOCX, text, images) and search their text',
    load: async () => (await import('./sources')).sourcesCommand,
  },
  {
    name: 'desk',
    summary: 'Run and manage a desk server: serve, add-user, list-users, revoke, forget-store, doctor',
    load: async () => (await import('./desk')).deskCommand,
  },
  {
    name: 'backup',
    summary: 'Back up the database (into the data folder’s backups/ or to a file), or list the backups',
    load: async () => (await import('./backup')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'Restore the database from a backup; the current one is kept as a backup first',
    load: async () => (await import('./backup')).restoreCommand,
  },
  {
    name: 'sample',
    summary: 'Load the sample fact pack (invented clubs, people, deals and quotes)',
    load: async () => (await import('./sample')).sampleCommand,
  },
];
