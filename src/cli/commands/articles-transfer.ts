import fs from 'node:fs';
import path from 'node:path';
import { dispatch, type HandlerContext } from '../../main/handlers';
import { EXPORT_FORMATS, suggestExportFileName, type ExportFormat } from '../../shared/contract/transfer';
import type { ArticleMeta } from '../../shared/domain/articles';
import { cliContext } from '../context';
import { EXIT, parseArgs, UsageError, type CliIO } from '../io';

/** `factdesk articles export` and `factdesk articles import`, entries of the articles subcommand table. */
export interface TransferSubcommand {
  usage: string;
  summary: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

function reportError(
  io: CliIO,
  error: { message: string; fields?: { path: string; message: string }[] },
  fieldLimit = 10,
): void {
  io.err(error.message);
  for (const f of (error.fields ?? []).slice(0, fieldLimit)) io.err(`  ${f.path}: ${f.message}`);
}

async function articlesToExport(
  ctx: HandlerContext,
  ids: string[],
  all: boolean,
  io: CliIO,
): Promise<ArticleMeta[] | null> {
  if (all) {
    const listed = await dispatch('articles:list', {}, ctx);
    if (!listed.ok) {
      reportError(io, listed.error);
      return null;
    }
    return listed.value;
  }
  const metas: ArticleMeta[] = [];
  for (const id of ids) {
    const doc = await dispatch('articles:get', { id }, ctx);
    if (!doc.ok) {
      reportError(io, doc.error);
      return null;
    }
    metas.push(doc.value.meta);
  }
  return metas;
}

/**
 * Where one export goes: `--out` naming an existing folder or ending in a slash is a folder (the
 * file gets the suggested name); any other `--out` is the file itself. Several articles need a folder.
 */
function destination(out: string | undefined, many: boolean): { directory: string; fileName: string | null } {
  if (out === undefined) return { directory: process.cwd(), fileName: null };
  const resolved = path.resolve(out);
  const isFolder = /[/\\]$/.test(out) || (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory());
  if (isFolder || many) return { directory: resolved, fileName: null };
  return { directory: path.dirname(resolved), fileName: path.basename(resolved) };
}

const exportCommand: TransferSubcommand = {
  usage: `factdesk articles export <id…|--all> --format <${EXPORT_FORMATS.join('|')}> [--annotated] [--comments] [--out <file|folder>] [--overwrite] [--labels <de|en>] [--tracked-changes]`,
  summary:
    'Write articles to files (HTML, Markdown, text, DOCX, PDF, NewsML-G2, NITF, ClaimReview, Factdesk JSON, fact-check report)',
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, {
      booleans: ['all', 'annotated', 'comments', 'overwrite', 'tracked-changes'],
      values: ['format', 'out', 'labels'],
    });
    if (flags.all && positionals.length > 0) throw new UsageError('Give article ids or --all, not both');
    if (!flags.all && positionals.length === 0)
      throw new UsageError('articles export needs an article id (or --all)');
    if (typeof flags.format !== 'string')
      throw new UsageError(`articles export needs --format (${EXPORT_FORMATS.join(', ')})`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(flags.format))
      throw new UsageError(`Unknown format "${flags.format}"; use one of ${EXPORT_FORMATS.join(', ')}`);
    if (flags.labels !== undefined && flags.labels !== 'de' && flags.labels !== 'en')
      throw new UsageError('--labels must be de or en');
    const format = flags.format as ExportFormat;
    const annotated = flags.annotated === true;

    const ctx = cliContext(flags);
    try {
      const metas = await articlesToExport(ctx, positionals, flags.all === true, io);
      if (metas === null) return EXIT.problem;
      if (metas.length === 0) {
        io.out('No articles to export.');
        return EXIT.ok;
      }
      const where = destination(
        typeof flags.out === 'string' ? flags.out : undefined,
        metas.length > 1 || flags.all === true,
      );
      let failed = 0;
      for (const meta of metas) {
        const fileName = where.fileName ?? suggestExportFileName(meta, format, annotated);
        const result = await dispatch(
          'export:article',
          {
            articleId: meta.id,
            format,
            annotated: annotated || undefined,
            comments: flags.comments === true || undefined,
            directory: where.directory,
            fileName,
            overwrite: flags.overwrite === true || undefined,
            uiLanguage: flags.labels as 'de' | 'en' | undefined,
            trackedChanges: flags['tracked-changes'] === true || undefined,
          },
          ctx,
        );
        if (result.ok) {
          io.out(result.value.path);
          const left = result.value.trackedChanges ? [] : result.value.pendingSuggestions;
          if (left.length > 0) {
            io.err(
              `${result.value.fileName}: ${left.length} pending suggested change(s) not applied (insertions left out, deletions kept):`,
            );
            for (const s of left)
              io.err(
                `  ${s.kind === 'insert' ? 'insertion' : 'deletion'} by ${s.author}: "${s.text.slice(0, 60)}"`,
              );
          }
          continue;
        }
        failed++;
        if (result.error.code === 'conflict')
          io.err(
            `${path.join(where.directory, fileName)} already exists; not replaced (use --overwrite to replace it).`,
          );
        else reportError(io, result.error);
        // Without a Chromium every further PDF fails the same way; one message is enough.
        if (result.error.code === 'unavailable') return EXIT.problem;
      }
      return failed > 0 ? EXIT.problem : EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};

const importCommand: TransferSubcommand = {
  usage: 'factdesk articles import <file…> [--update-facts] [--json]',
  summary: 'Import Markdown, text, HTML, DOCX or Factdesk JSON files as new articles (each all or nothing)',
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { booleans: ['update-facts', 'json'] });
    if (positionals.length === 0) throw new UsageError('articles import needs at least one file');
    const ctx = cliContext(flags);
    try {
      let failed = 0;
      const imported: unknown[] = [];
      for (const file of positionals) {
        const result = await dispatch(
          'import:path',
          { path: path.resolve(file), updateFacts: flags['update-facts'] === true || undefined },
          ctx,
        );
        if (!result.ok) {
          failed++;
          reportError(io, result.error, 5);
          if (result.error.code === 'conflict' && result.error.message.includes('allow updating facts'))
            io.err('  Run again with --update-facts to take the file’s version of those facts.');
          continue;
        }
        const r = result.value;
        imported.push({ file, ...r });
        if (!flags.json) {
          const extra =
            r.format === 'factdesk-json' ? ` with ${r.claims} claim(s), ${r.factsCreated} new fact(s)` : '';
          io.out(
            `${r.articleId}  ${r.headline || '(no headline)'}  ← ${path.basename(file)} (${r.format})${extra}`,
          );
          for (const w of r.warnings) io.err(`  warning: ${w}`);
        }
      }
      if (flags.json) io.out(JSON.stringify(imported, null, 2));
      return failed > 0 ? EXIT.problem : EXIT.ok;
    } finally {
      ctx.db.close();
    }
  },
};

export const transferSubcommands = { export: exportCommand, import: importCommand };
