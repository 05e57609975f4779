import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../main/handlers';
import { extractionDone } from '../../main/sources/jobs';
import { MAX_ATTACHMENT_BYTES } from '../../shared/contract/facts';
import { SOURCE_KINDS, type SourceKind } from '../../shared/domain/facts';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';
import type { CliCommand } from './types';

const USAGE = [
  'factdesk sources add <file> [--title <text>] [--url <https://…>] [--kind <kind>] [--json]',
  'factdesk sources search <text> [--limit <n>] [--json]',
];

function reportError(
  io: CliIO,
  error: { message: string; fields?: { path: string; message: string }[] },
): number {
  io.err(error.message);
  for (const f of error.fields ?? []) io.err(`  ${f.path}: ${f.message}`);
  return EXIT.problem;
}

const str = (flags: Record<string, string | boolean>, name: string) =>
  typeof flags[name] === 'string' ? (flags[name] as string) : undefined;

/** Stores the file as a new source and reads its text; waits for a PDF, printing its progress on stderr. */
async function add(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { booleans: ['json'], values: ['title', 'url', 'kind'] });
  if (positionals.length !== 1) throw new UsageError('Give exactly one file');
  const kind = str(flags, 'kind');
  if (kind !== undefined && !(SOURCE_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`--kind must be one of ${SOURCE_KINDS.join(', ')}`);
  const file = positionals[0];
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_ATTACHMENT_BYTES) {
      io.err(`${file}: the file is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
      return EXIT.problem;
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    io.err(
      `${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
    return EXIT.problem;
  }
  const ctx = cliContext(flags);
  try {
    const result = await dispatch(
      'sources:add',
      {
        fileName: path.basename(file),
        base64: bytes.toString('base64'),
        title: str(flags, 'title') ?? null,
        url: str(flags, 'url') ?? null,
        kind: kind as SourceKind | undefined,
        lastModified: fs.statSync(file).mtime.toISOString(),
      },
      ctx,
    );
    if (!result.ok) return reportError(io, result.error);
    const { source } = result.value;
    if (result.value.status.state === 'extracting') io.err(`Reading ${path.basename(file)} …`);
    await extractionDone(ctx, source.id);
    const status = await dispatch('sources:status', { sourceId: source.id }, ctx);
    if (!status.ok) return reportError(io, status.error);
    const s = status.value!;
    // The PDF's own title may have filled the source's while it was read.
    const now = await dispatch('facts:source-get', { id: source.id }, ctx);
    if (now.ok) Object.assign(source, now.value.source);
    if (flags.json) io.out(JSON.stringify({ source, status: s }, null, 2));
    else {
      io.out(`${source.id}  ${source.title}`);
      io.out(
        s.state === 'done'
          ? `  ${s.format}${s.pagesTotal !== null ? `, ${s.pagesTotal} pages` : ''}: text read`
          : `  ${s.format}: ${s.state}`,
      );
    }
    if (s.state === 'failed') {
      // The source and its file are kept; the text could not be read.
      io.err(`The file is stored, but its text could not be read: ${s.error}`);
      return EXIT.problem;
    }
    return EXIT.ok;
  } finally {
    ctx.db.close();
  }
}

async function search(argv: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(argv, { booleans: ['json'], values: ['limit'] });
  if (positionals.length === 0) throw new UsageError('Give the text to search for');
  const limit = str(flags, 'limit');
  if (limit !== undefined && !/^\d+$/.test(limit)) throw new UsageError('--limit must be a whole number');
  const ctx = cliContext(flags);
  try {
    const result = await dispatch(
      'sources:search',
      { query: positionals.join(' '), limit: limit ? Number(limit) : undefined },
      ctx,
    );
    if (!result.ok) return reportError(io, result.error);
    if (flags.json) io.out(JSON.stringify({ hits: result.value }, null, 2));
    else
      for (const h of result.value)
        io.out(`${h.sourceId}  ${h.sourceTitle} — ${h.locator}\n  ${h.snippet.map((s) => s.text).join('')}`);
    return EXIT.ok;
  } finally {
    ctx.db.close();
  }
}

const SUBCOMMANDS: Record<string, (argv: string[], io: CliIO) => Promise<number>> = { add, search };

export const sourcesCommand: CliCommand = {
  name: 'sources',
  summary: 'Add source documents (PDF, saved web pages, DOCX, text, images) and search their text',
  usage: USAGE.join('\n'),
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const handler = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (!handler)
      throw new UsageError(
        sub === undefined ? 'Name a sources subcommand' : `Unknown sources subcommand "${sub}"`,
      );
    return handler(rest, io);
  },
};
