import { dispatch } from '../../main/handlers';
import { plainText } from '../../shared/article/blocks';
import type { ArticleDocument, ArticleListItem } from '../../shared/contract/articles';
import type { ChannelInput } from '../../shared/contract';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';
import { correctionsSubcommand } from './articles-corrections';
import { transferSubcommands } from './articles-transfer';
import type { CliCommand } from './types';

/** One `factdesk articles <sub>` subcommand. Later features (export, import) add one entry to the table below. */
export interface ArticleSubcommand {
  usage: string;
  summary: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

function reportError(
  io: CliIO,
  error: { message: string; fields?: { path: string; message: string }[] },
): number {
  io.err(error.message);
  for (const f of error.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
  return EXIT.problem;
}

function listLine(a: ArticleListItem): string {
  const updated = a.updatedAt.slice(0, 16).replace('T', ' ');
  return [
    a.id,
    a.status.padEnd(13),
    a.language,
    updated,
    String(a.wordCount).padStart(6),
    a.headline || '(no headline)',
  ].join('  ');
}

const list: ArticleSubcommand = {
  usage:
    'factdesk articles list [--status <draft|in_fact_check|ready|published|archived>] [--language <de|en>] [--text <words>] [--sort <updated|title>] [--trash] [--json]',
  summary: 'List articles, newest first',
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      booleans: ['json', 'trash'],
      values: ['status', 'language', 'text', 'sort'],
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
    const ctx = cliContext(flags);
    try {
      // Flags go to the handler unchecked, so an unknown --status gets the same message as in the app.
      const query: Record<string, unknown> = {};
      for (const key of ['status', 'language', 'text', 'sort'] as const)
        if (typeof flags[key] === 'string') query[key] = flags[key];
      if (flags.trash) query.trash = true;
      const result = await dispatch('articles:list', query as ChannelInput<'articles:list'>, ctx);
      if (!result.ok) return reportError(io, result.error);
      if (flags.json) io.out(JSON.stringify(result.value, null, 2));
      else if (result.value.length === 0) io.out('No articles.');
      else for (const a of result.value) io.out(listLine(a));
      return EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};

/** The article as a reader sees it: kicker, headline, lead, byline and dateline, then the body. */
export function articleAsText(doc: ArticleDocument): string {
  const { kicker, headline, lead, byline, dateline } = doc.meta;
  const head = [kicker, headline, lead, [byline, dateline].filter(Boolean).join(', ')].filter(
    (line) => line.trim() !== '',
  );
  const body = plainText(doc.body);
  return [...head, ...(body ? [body] : [])].join('\n\n');
}

const show: ArticleSubcommand = {
  usage: 'factdesk articles show <id> [--text | --json]',
  summary: 'Show one article: its fields, or with --text the article as plain text',
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { booleans: ['text', 'json'] });
    if (positionals.length !== 1) throw new UsageError('articles show needs exactly one article id');
    if (flags.text && flags.json) throw new UsageError('--text and --json cannot be combined');
    const ctx = cliContext(flags);
    try {
      const result = await dispatch('articles:get', { id: positionals[0] }, ctx);
      if (!result.ok) return reportError(io, result.error);
      const doc = result.value;
      if (flags.json) {
        io.out(JSON.stringify(doc, null, 2));
      } else if (flags.text) {
        io.out(articleAsText(doc));
      } else {
        const m = doc.meta;
        const rows: [string, string][] = [
          ['Id', m.id],
          ['Headline', m.headline],
          ['Kicker', m.kicker],
          ['Lead', m.lead],
          ['Byline', m.byline],
          ['Dateline', m.dateline],
          ['Language', m.language],
          ['Status', m.status + (m.trashedAt ? ` (in trash since ${m.trashedAt})` : '')],
          ['Author', m.author],
          ['Desk', m.desk],
          ['Created', m.createdAt],
          ['Updated', m.updatedAt],
          ['Version', String(doc.rev)],
        ];
        for (const [label, value] of rows) io.out(`${`${label}:`.padEnd(10)}${value}`);
      }
      return EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};

export const articleSubcommands: Record<string, ArticleSubcommand> = {
  list,
  show,
  ...transferSubcommands,
  corrections: correctionsSubcommand,
};

function usage(): string {
  return Object.values(articleSubcommands)
    .map((s) => s.usage)
    .join('\n       ');
}

export const articlesCommand: CliCommand = {
  name: 'articles',
  summary: 'List, show, export and import articles; list their corrections',
  get usage() {
    return usage();
  },
  async run(argv, io) {
    const [name, ...rest] = argv;
    const sub =
      name !== undefined && Object.hasOwn(articleSubcommands, name) ? articleSubcommands[name] : undefined;
    if (!sub) {
      io.err(name === undefined ? 'Which articles command?' : `Unknown articles command "${name}".`);
      for (const [key, s] of Object.entries(articleSubcommands)) io.err(`  ${key.padEnd(8)} ${s.summary}`);
      io.err(`Usage: ${usage()}`);
      return EXIT.usage;
    }
    return sub.run(rest, io);
  },
};
