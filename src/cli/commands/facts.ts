import fs from 'node:fs';
import path from 'node:path';
import { dispatch, type HandlerContext } from '../../main/handlers';
import {
  SEARCH_KINDS,
  type ImportReport,
  type SearchHit,
  type SearchKind,
} from '../../shared/contract/facts';
import {
  DEAL_KINDS,
  ENTITY_KINDS,
  FACT_TYPES,
  type EntityKind,
  type FactRef,
} from '../../shared/domain/facts';
import { factPackJsonSchema } from '../../shared/factpack/jsonSchema';
import { formatDealAmount, parseAmountInput } from '../../shared/facts/amount';
import { foldStripped } from '../../shared/search/fold';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';
import { translator } from '../../shared/i18n/translate';
import type { CliCommand } from './types';

type Lang = 'de' | 'en';

const USAGE = [
  'factdesk facts search <query> [--kind <entity|deal|quote|source>] [--status <s>] [--limit <n>] [--json]',
  'factdesk facts import <pack.json> [--update]',
  'factdesk facts export [--out <file>] [--refs <type:id,…>] [--files] [--title <text>]',
  'factdesk facts add-entity --kind <kind> --name <name> [--aliases <a,b>] [--note <text>] [--json]',
  'factdesk facts add-quote --speaker <id|name> --text <wording> --language <de|en|…> [--date <YYYY-MM-DD>]',
  '                         [--occasion <o>] [--status <s>] [--role <text>] [--translation-of <id>] [--new-speaker] [--json]',
  'factdesk facts add-deal --kind <kind> --subject <text> --precision <p> --status <s> [--payer <id|name>] [--payee <id|name>]',
  '                        [--amount <text>] [--amount-max <text>] [--currency <EUR>] [--from <date>] [--to <date>]',
  '                        [--reported-by <id|name>] [--notes <text>] [--lang <de|en>] [--json]',
  'factdesk facts schema',
];

function reportError(
  io: CliIO,
  error: { message: string; fields?: { path: string; message: string }[] },
): number {
  io.err(error.message);
  for (const f of error.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
  return EXIT.problem;
}

async function languageOf(flags: Record<string, string | boolean>, ctx: HandlerContext): Promise<Lang> {
  const flag = flags.lang;
  if (flag !== undefined) {
    if (flag !== 'de' && flag !== 'en') throw new UsageError('--lang must be de or en');
    return flag;
  }
  const settings = await dispatch('settings:get', {}, ctx);
  return settings.ok ? settings.value.language : 'en';
}

const str = (flags: Record<string, string | boolean>, name: string): string | undefined =>
  typeof flags[name] === 'string' ? (flags[name] as string) : undefined;

function required(flags: Record<string, string | boolean>, name: string): string {
  const v = str(flags, name);
  if (v === undefined) throw new UsageError(`--${name} is required`);
  return v;
}

class Problem extends Error {}

/** An entity named on the command line by id, or by its exact name or alias (case and diacritics folded). */
async function resolveEntity(
  ctx: HandlerContext,
  field: string,
  value: string,
  kinds?: EntityKind[],
): Promise<string> {
  const byId = await dispatch('facts:entity-get', { id: value }, ctx);
  if (byId.ok) return byId.value.entity.id;
  const found = await dispatch('facts:entity-suggest', { query: value, kinds, limit: 50 }, ctx);
  const wanted = foldStripped(value.trim());
  const exact = found.ok
    ? found.value.filter(
        (e) => foldStripped(e.name) === wanted || e.aliases.some((a) => foldStripped(a) === wanted),
      )
    : [];
  if (exact.length === 1) return exact[0].id;
  if (exact.length > 1)
    throw new Problem(
      `${field}: "${value}" names several entities (${exact.map((e) => `${e.name} = ${e.id}`).join('; ')}); give the id.`,
    );
  throw new Problem(`${field}: no entity is called "${value}".`);
}

/** "1 deal", "2 deals": counts of records through the same plural rules as the app. */
function countWords(counts: ImportReport['created']): string {
  const t = translator('en', 'facts');
  return (
    Object.entries(counts)
      .filter(([, n]) => (n ?? 0) > 0)
      .map(([k, n]) => t(`pack.count.${k}`, { count: n }))
      .join(', ') || 'nothing'
  );
}

function summary(report: ImportReport): string {
  return `Created ${countWords(report.created)}; updated ${report.changes.length}; unchanged ${countWords(report.unchanged)}.`;
}

function describeChanges(io: CliIO, report: ImportReport): void {
  for (const c of report.changes) {
    io.err(`  ${c.type} ${c.id} “${c.label}”`);
    for (const f of c.fields)
      io.err(`    ${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`);
  }
}

/** Prints an import's outcome; shared with `factdesk sample`. */
export function reportImport(io: CliIO, report: ImportReport): number {
  if (report.problems.length) {
    io.err(
      `The fact pack was not imported; nothing was written. ${report.problems.length === 1 ? '1 problem' : `${report.problems.length} problems`}:`,
    );
    for (const p of report.problems) io.err(`  ${p.path}: ${p.message}`);
    return EXIT.problem;
  }
  if (report.needsConfirmation) {
    io.err(
      `The fact pack would change ${report.changes.length === 1 ? '1 existing record' : `${report.changes.length} existing records`}; nothing was written:`,
    );
    describeChanges(io, report);
    io.err('Run again with --update to apply these changes.');
    return EXIT.problem;
  }
  io.out(summary(report));
  if (report.filesStored)
    io.out(`Stored ${report.filesStored} attached ${report.filesStored === 1 ? 'file' : 'files'}.`);
  return EXIT.ok;
}

const plain = (hit: SearchHit) => hit.title.map((s) => s.text).join('');

function hitLine(hit: SearchHit, lang: Lang): string {
  const m = hit.meta;
  let extra = '';
  if (m.type === 'deal')
    extra = ` — ${[m.payer, m.payee].filter(Boolean).join(' → ')}, ${formatDealAmount(m, lang, {
      undisclosed: lang === 'de' ? 'Summe nicht genannt' : 'undisclosed',
      approximately: lang === 'de' ? 'rund' : 'about',
      atLeast: lang === 'de' ? 'mindestens' : 'at least',
      atMost: lang === 'de' ? 'höchstens' : 'at most',
    })}, ${m.status}`;
  else if (m.type === 'quote') extra = ` — ${m.speaker}${m.date ? `, ${m.date}` : ''}, ${m.status}`;
  else if (m.type === 'entity') extra = ` — ${m.kind}${m.aliases.length ? ` (${m.aliases.join(', ')})` : ''}`;
  else extra = m.publisher ? ` — ${m.publisher}` : '';
  return `${hit.type.padEnd(6)} ${hit.id}  ${plain(hit)}${extra}${hit.unsourced ? ' [unsourced]' : ''}`;
}

async function search(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, {
    booleans: ['json'],
    values: ['kind', 'status', 'limit', 'lang'],
  });
  if (positionals.length === 0) throw new UsageError('Give the words to search for');
  const kind = str(flags, 'kind');
  if (kind !== undefined && !(SEARCH_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind must be one of ${SEARCH_KINDS.join(', ')}`);
  const limit = str(flags, 'limit');
  if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError('--limit must be a whole number');
  const ctx = cliContext(flags);
  try {
    const lang = await languageOf(flags, ctx);
    const result = await dispatch(
      'facts:search',
      {
        query: positionals.join(' '),
        kinds: kind ? [kind as SearchKind] : undefined,
        status: str(flags, 'status') as never,
        limit: limit ? Number(limit) : undefined,
      },
      ctx,
    );
    if (!result.ok) return reportError(io, result.error);
    if (flags.json) io.out(JSON.stringify(result.value, null, 2));
    else if (result.value.hits.length === 0) io.out('No facts found.');
    else for (const hit of result.value.hits) io.out(hitLine(hit, lang));
    return EXIT.ok;
  } finally {
    ctx.db.close();
  }
}

async function importPack(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { booleans: ['update'] });
  if (positionals.length !== 1) throw new UsageError('Give exactly one fact pack file');
  let pack: unknown;
  try {
    pack = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));
  } catch (err) {
    io.err(
      `${positionals[0]}: ${err instanceof SyntaxError ? `is not valid JSON (${err.message})` : (err as Error).message}`,
    );
    return EXIT.problem;
  }
  const ctx = cliContext(flags);
  try {
    const result = await dispatch('facts:import-pack', { pack, update: flags.update === true }, ctx);
    if (!result.ok) return reportError(io, result.error);
    return reportImport(io, result.value);
  } finally {
    ctx.db.close();
  }
}

function parseRefs(text: string): FactRef[] {
  return text
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const [type, ...rest] = part.split(':');
      const id = rest.join(':');
      if (!(FACT_TYPES as readonly string[]).includes(type) || !id)
        throw new UsageError(
          `--refs takes type:id pairs (types: ${FACT_TYPES.join(', ')}); "${part}" is not one`,
        );
      return { type: type as FactRef['type'], id };
    });
}

async function exportPack(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { booleans: ['files'], values: ['out', 'refs', 'title'] });
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  const refs = str(flags, 'refs') !== undefined ? parseRefs(str(flags, 'refs')!) : undefined;
  const ctx = cliContext(flags);
  try {
    const result = await dispatch(
      'facts:export-pack',
      { refs, includeFiles: flags.files === true, title: str(flags, 'title') ?? null },
      ctx,
    );
    if (!result.ok) return reportError(io, result.error);
    const text = `${JSON.stringify(result.value, null, 2)}\n`;
    const out = str(flags, 'out');
    if (out) {
      fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
      fs.writeFileSync(out, text);
      const p = result.value;
      io.err(
        `Wrote ${out}: ${countWords({ entities: p.entities.length, roles: p.roles.length, deals: p.deals.length, quotes: p.quotes.length, sources: p.sources.length, citations: p.citations.length })}.`,
      );
    } else {
      io.out(text.trimEnd());
    }
    return EXIT.ok;
  } finally {
    ctx.db.close();
  }
}

async function addEntity(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, {
    booleans: ['json'],
    values: ['kind', 'name', 'aliases', 'note'],
  });
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  const kind = required(flags, 'kind');
  if (!(ENTITY_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind must be one of ${ENTITY_KINDS.join(', ')}`);
  const ctx = cliContext(flags);
  try {
    const result = await dispatch(
      'facts:entity-create',
      {
        kind: kind as EntityKind,
        name: required(flags, 'name'),
        aliases: (str(flags, 'aliases') ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        note: str(flags, 'note') ?? null,
      },
      ctx,
    );
    if (!result.ok) return reportError(io, result.error);
    io.out(
      flags.json
        ? JSON.stringify(result.value, null, 2)
        : `Created ${result.value.kind} ${result.value.id} “${result.value.name}”.`,
    );
    return EXIT.ok;
  } finally {
    ctx.db.close();
  }
}

/** Opens the store for one command, turns a bad command-line value (Problem) into exit 1, and always closes it. */
async function withStore(
  flags: Record<string, string | boolean>,
  io: CliIO,
  work: (ctx: HandlerContext) => Promise<number>,
): Promise<number> {
  const ctx = cliContext(flags);
  try {
    return await work(ctx);
  } catch (err) {
    if (err instanceof Problem) {
      io.err(err.message);
      return EXIT.problem;
    }
    throw err;
  } finally {
    ctx.db.close();
  }
}

async function addQuote(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, {
    booleans: ['json', 'new-speaker'],
    values: ['speaker', 'text', 'language', 'date', 'occasion', 'status', 'role', 'translation-of', 'notes'],
  });
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  const speakerName = required(flags, 'speaker');
  const wording = required(flags, 'text');
  const language = required(flags, 'language');
  return withStore(flags, io, async (ctx) => {
    let speakerId: string;
    if (flags['new-speaker']) {
      const created = await dispatch('facts:entity-create', { kind: 'person', name: speakerName }, ctx);
      if (!created.ok) return reportError(io, created.error);
      speakerId = created.value.id;
      io.err(`Created person ${speakerId} “${created.value.name}”.`);
    } else {
      speakerId = await resolveEntity(ctx, 'speaker', speakerName);
    }
    const date = str(flags, 'date') ?? null;
    let role = str(flags, 'role') ?? null;
    if (role === null) {
      const at = await dispatch('facts:role-at', { personId: speakerId, date }, ctx);
      if (at.ok) role = at.value.roleAtTime;
    }
    const result = await dispatch(
      'facts:quote-create',
      {
        speakerId,
        roleAtTime: role,
        wording,
        language,
        date,
        occasion: (str(flags, 'occasion') ?? 'other') as never,
        status: (str(flags, 'status') ?? 'unverified') as never,
        translationOfId: str(flags, 'translation-of') ?? null,
        notes: str(flags, 'notes') ?? null,
      },
      ctx,
    );
    if (!result.ok) return reportError(io, result.error);
    io.out(flags.json ? JSON.stringify(result.value, null, 2) : `Created quote ${result.value.id}.`);
    return EXIT.ok;
  });
}

async function addDeal(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, {
    booleans: ['json'],
    values: [
      'kind',
      'subject',
      'payer',
      'payee',
      'amount',
      'amount-max',
      'currency',
      'precision',
      'from',
      'to',
      'status',
      'reported-by',
      'notes',
      'lang',
    ],
  });
  if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
  const kind = required(flags, 'kind');
  if (!(DEAL_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind must be one of ${DEAL_KINDS.join(', ')}`);
  const subject = required(flags, 'subject');
  const precision = required(flags, 'precision');
  const status = required(flags, 'status');
  return withStore(flags, io, async (ctx) => {
    const lang = await languageOf(flags, ctx);
    const currency = str(flags, 'currency') ?? null;
    const problems: { path: string; message: string }[] = [];
    const amount = (name: 'amount' | 'amount-max', path: string): number | null => {
      const text = str(flags, name);
      if (text === undefined) return null;
      const parsed = parseAmountInput(text, currency && /^[A-Z]{3}$/.test(currency) ? currency : 'EUR', lang);
      if (parsed.ok) return parsed.minor;
      problems.push({ path, message: parsed.message });
      return null;
    };
    const amountMinor = amount('amount', 'amount');
    const amountMaxMinor = amount('amount-max', 'amountMax');
    if (problems.length) return reportError(io, { message: 'The deal was not saved.', fields: problems });
    const party = async (name: string) => {
      const v = str(flags, name);
      return v === undefined ? null : resolveEntity(ctx, name, v);
    };
    const result = await dispatch(
      'facts:deal-create',
      {
        kind: kind as never,
        payerId: await party('payer'),
        payeeId: await party('payee'),
        subject,
        amountMinor,
        amountMaxMinor,
        currency,
        precision: precision as never,
        dateFrom: str(flags, 'from') ?? null,
        dateTo: str(flags, 'to') ?? null,
        status: status as never,
        reportedById: await party('reported-by'),
        notes: str(flags, 'notes') ?? null,
      },
      ctx,
    );
    if (!result.ok) return reportError(io, result.error);
    io.out(flags.json ? JSON.stringify(result.value, null, 2) : `Created deal ${result.value.id}.`);
    return EXIT.ok;
  });
}

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = {
  search,
  import: importPack,
  export: exportPack,
  'add-entity': addEntity,
  'add-quote': addQuote,
  'add-deal': addDeal,
  schema: async (argv, io) => {
    const { positionals } = parseArgs(argv);
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}"`);
    io.out(JSON.stringify(factPackJsonSchema(), null, 2));
    return EXIT.ok;
  },
};

export const factsCommand: CliCommand = {
  name: 'facts',
  summary: 'Search, add, import and export verified facts (fact packs)',
  usage: USAGE.join('\n       '),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const handler = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (!handler)
      throw new UsageError(
        sub === undefined ? 'Name a facts subcommand' : `Unknown facts subcommand "${sub}"`,
      );
    return handler(rest, io);
  },
};
