import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { plainText } from '../../shared/article/blocks';
import { ARTICLE_FIELD_LIMITS, type ArticleMetaPatch } from '../../shared/contract/articles';
import type { ImportResult } from '../../shared/contract/transfer';
import type { ArticleLanguage, ArticleMeta } from '../../shared/domain/articles';
import {
  describeArticleFileProblems,
  looksLikeFactdeskArticle,
  parseFactdeskArticleText,
} from '../../shared/export/factdeskJson';
import { englishSentence, type ErrorText } from '../../shared/errorText';
import { UserError } from '../../shared/result';
import { checkBody } from '../../store/articleBody';
import { createArticle, saveArticle } from '../../store/articles';
import { importArticleTransfer } from '../../store/articleTransfer';
import { ImportError } from '../import/errors';
import { inlineTransfer, type ImportedFile } from '../transfer-worker/jobs';
import { loadSettings } from './app';
import type { HandlerContext } from './context';

/** Article files carry their facts and attached files, so they may be larger than the 20 MB a document may be. */
export const MAX_ARTICLE_FILE_BYTES = 200 * 1024 * 1024;

// Short, frequent words that exist in only one of the two languages; enough to tell a page of news apart.
const GERMAN = new Set(
  'der die das und ist nicht mit ein eine einen dem den des auf für sich auch wird wurde bei nach noch aber oder wie vom zum zur im über sind hat haben war gegen seit schon'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the and is not with a an of to in on for was were has have had but or by from at this that which their after its'.split(
    ' ',
  ),
);

/** The article language of imported text that does not state one: German or English by their commonest words. */
export function guessLanguage(text: string, fallback: ArticleLanguage): ArticleLanguage {
  let de = 0;
  let en = 0;
  for (const word of text
    .slice(0, 20_000)
    .toLowerCase()
    .split(/[^a-zäöüß]+/)) {
    if (GERMAN.has(word)) de++;
    else if (ENGLISH.has(word)) en++;
  }
  de += (text.slice(0, 20_000).match(/[äöüß„]/gi) ?? []).length;
  if (de + en < 3) return fallback;
  return de >= en ? 'de' : 'en';
}

const TEXT_FIELDS = ['kicker', 'headline', 'lead', 'byline', 'dateline'] as const;

/** Fields as the store accepts them: collapsed to one line and cut at the field's limit, with a warning saying so. */
function fitFields(
  meta: Partial<ArticleMeta>,
  warnings: string[],
): Pick<ArticleMetaPatch, (typeof TEXT_FIELDS)[number]> {
  const out: Pick<ArticleMetaPatch, (typeof TEXT_FIELDS)[number]> = {};
  for (const key of TEXT_FIELDS) {
    const value = meta[key];
    if (typeof value !== 'string') continue;
    const limit = ARTICLE_FIELD_LIMITS[key];
    // No-break spaces stay: they hold a number and its unit together.
    const line = key === 'lead' ? value.trim() : value.replace(/[^\S\u00A0]+/g, ' ').trim();
    if (line.length > limit)
      warnings.push(`The ${key} was longer than ${limit} characters and was shortened`);
    out[key] = line.slice(0, limit);
  }
  return out;
}

function withFileName(name: string, err: UserError): UserError {
  return new UserError(
    err.code,
    { key: 'cannotImport', params: { name, reason: err.text ?? err.message } },
    err.fields,
  );
}

function importArticleJson(
  ctx: HandlerContext,
  name: string,
  text: string,
  updateFacts: boolean,
): ImportResult {
  const parsed = parseFactdeskArticleText(text);
  if (!parsed.ok) {
    throw new UserError(
      'validation',
      {
        key: 'cannotImportBecause',
        params: { name, problems: describeArticleFileProblems(parsed.problems) },
      },
      parsed.problems,
    );
  }
  try {
    const outcome = importArticleTransfer(ctx.db, parsed.file, {
      actor: { user: loadSettings(ctx).userName, via: `article file “${name}”` },
      dataDir: ctx.dataDir,
      updateFacts,
    });
    const created = Object.values(outcome.factsCreated).reduce((a, b) => a + b, 0);
    return {
      articleId: outcome.articleId,
      headline: outcome.headline,
      format: 'factdesk-json',
      warnings: [],
      claims: outcome.claims,
      factsCreated: created,
    };
  } catch (err) {
    if (err instanceof UserError) throw withFileName(name, err);
    throw err;
  }
}

function decodeUtf8(name: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('validation', { key: 'importNotUtf8', params: { name } }, [
      { path: 'file', message: 'not UTF-8' },
    ]);
  }
}

/**
 * A file as a new article. Factdesk JSON keeps its ids, claims and facts; every other format goes
 * through the importers (Markdown, text, sanitised HTML, DOCX) and becomes a new draft by the
 * current user. Either way the article appears in one transaction or not at all, and a failure
 * is a UserError whose message names the file and the problem.
 */
export async function importBytes(
  ctx: HandlerContext,
  name: string,
  bytes: Uint8Array,
  updateFacts = false,
): Promise<ImportResult> {
  const ext = path.extname(name).toLowerCase();
  if (
    ext === '.json' ||
    (ext === '' &&
      bytes[0] === 0x7b &&
      looksLikeFactdeskArticle(new TextDecoder().decode(bytes.subarray(0, 4096))))
  ) {
    if (bytes.length === 0)
      throw new UserError('validation', { key: 'importEmpty', params: { name } }, [
        { path: 'file', message: 'empty' },
      ]);
    return importArticleJson(ctx, name, decodeUtf8(name, bytes), updateFacts);
  }

  let imported: ImportedFile;
  try {
    imported = await (ctx.transfer ?? inlineTransfer).importFile(name, bytes);
  } catch (err) {
    if (err instanceof ImportError)
      throw new UserError(
        'validation',
        { key: 'cannotImport', params: { name: err.fileName, reason: err.reason ?? err.problem } },
        [{ path: 'file', message: err.problem }],
      );
    throw err;
  }
  const problems = checkBody(imported.body);
  if (problems.length) {
    throw new UserError(
      'validation',
      { key: 'importNoArticle', params: { name, problem: `${problems[0].path} ${problems[0].message}` } },
      problems,
    );
  }

  const settings = loadSettings(ctx);
  const warnings = [...imported.warnings];
  const fields = fitFields(imported.meta, warnings);
  const language =
    imported.meta.language ??
    guessLanguage(
      `${fields.headline ?? ''}\n${fields.lead ?? ''}\n${plainText(imported.body)}`,
      settings.language,
    );
  const now = new Date().toISOString();
  const articleId = ctx.db.transaction(() => {
    const doc = createArticle(ctx.db, { language, author: settings.userName }, now);
    const outcome = saveArticle(
      ctx.db,
      { id: doc.meta.id, baseRev: doc.rev, meta: fields, body: imported.body, user: settings.userName },
      now,
    );
    if (outcome.kind !== 'saved') throw new Error(`the new article could not be written (${outcome.kind})`);
    return doc.meta.id;
  })();
  return {
    articleId,
    headline: fields.headline ?? '',
    format: imported.format,
    warnings,
    claims: 0,
    factsCreated: 0,
  };
}

/** The same for a file on this machine, read by path (CLI, native dialogs). */
export async function importPath(
  ctx: HandlerContext,
  filePath: string,
  updateFacts = false,
): Promise<ImportResult> {
  const name = path.basename(filePath);
  let bytes: Uint8Array;
  try {
    const info = await stat(filePath);
    if (info.isDirectory())
      throw new UserError(
        'validation',
        { key: 'cannotImportBecause', params: { name, problems: { key: 'isAFolder' } } },
        [{ path: 'path', message: 'is a folder' }],
      );
    if (info.size > MAX_ARTICLE_FILE_BYTES)
      throw new UserError(
        'validation',
        { key: 'importTooLarge', params: { name, mb: MAX_ARTICLE_FILE_BYTES / 1024 / 1024 } },
        [{ path: 'path', message: 'too large' }],
      );
    bytes = await readFile(filePath);
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why: ErrorText =
      code === 'ENOENT'
        ? { key: 'noSuchFile' }
        : code === 'EACCES'
          ? { key: 'permissionDenied' }
          : { key: 'unreadable', params: { detail: code ?? (err as Error).message } };
    throw new UserError('validation', { key: 'cannotImportBecause', params: { name, problems: why } }, [
      { path: 'path', message: englishSentence(why) },
    ]);
  }
  return importBytes(ctx, name, bytes, updateFacts);
}
