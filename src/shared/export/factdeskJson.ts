import { z } from 'zod';
import { ARTICLE_FIELD_LIMITS, articleBodySchema } from '../contract/articles';
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type ArticleBody,
  type ArticleMeta,
  type Claim,
} from '../domain/articles';
import { CORRECTION_ACTIONS, CORRECTION_LIMITS } from '../domain/corrections';
import { FACT_TYPES } from '../domain/facts';
import type { DeskCorrectionRecord } from '../desk/correctionRecords';
import { jsonPath, type PackProblem } from '../factpack/problems';
import type { FactPack } from '../factpack/schema';

/**
 * The lossless article file: one article as the store holds it — fields, Lexical body, every
 * claim with its links, status history and dismissed warnings, every pass through the ready
 * gate, dismissed detection suggestions, every correction (withdrawn ones too) with its links
 * and history — plus a fact pack of every fact the claims link to
 * (and what those facts depend on). Ids are kept, so importing the file into an empty store
 * recreates the article and its facts exactly. Version 1; a reader refuses newer versions.
 */
export const FACTDESK_ARTICLE_FORMAT = 'factdesk-article';
export const FACTDESK_ARTICLE_VERSION = 1;

/** The part of the editor's view of a claim the checks read until the body carries its mark. */
export interface TransferClaimContext {
  text: string;
  start: number;
  end: number;
}

export interface TransferClaim extends Claim {
  context: TransferClaimContext;
}

/** One move to "ready": a clean pass has no reason; an override names the claims it covered. */
export interface TransferGatePass {
  by: string;
  at: string;
  overrideReason: string | null;
  openClaims: string[];
}

/** A correction as the desk carries it: wording, links, dates, withdrawal and every step of its history. */
export type TransferCorrection = DeskCorrectionRecord;

/** A detection suggestion someone dismissed, keyed by kind and normalised text. */
export interface TransferDetectDismissal {
  kind: string;
  textKey: string;
  text: string;
  dismissedBy: string;
  at: string;
}

export interface FactdeskArticleFile {
  format: typeof FACTDESK_ARTICLE_FORMAT;
  version: typeof FACTDESK_ARTICLE_VERSION;
  exportedAt: string;
  /** "Factdesk <version>", for people reading the file. */
  generator: string;
  article: ArticleMeta;
  body: ArticleBody;
  claims: TransferClaim[];
  gatePasses: TransferGatePass[];
  detectDismissals: TransferDetectDismissal[];
  corrections: TransferCorrection[];
  /** Checked in full by the fact store when the file is imported. */
  factPack: FactPack;
}

const instant = z
  .string({ message: 'must be a date and time (ISO 8601)' })
  .max(40, 'must be a date and time (ISO 8601)')
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
    'must be a date and time (ISO 8601)',
  );
const text = (max: number) =>
  z.string({ message: 'must be text' }).max(max, `must be at most ${max} characters`);
const name = text(200);
const id = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

const metaSchema = z
  .object({
    id: z
      .string({ message: 'must be text' })
      .trim()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters'),
    kicker: text(ARTICLE_FIELD_LIMITS.kicker),
    headline: text(ARTICLE_FIELD_LIMITS.headline),
    lead: text(ARTICLE_FIELD_LIMITS.lead),
    byline: text(ARTICLE_FIELD_LIMITS.byline),
    dateline: text(ARTICLE_FIELD_LIMITS.dateline),
    language: z.enum(ARTICLE_LANGUAGES, { message: 'must be "de" or "en"' }),
    author: text(ARTICLE_FIELD_LIMITS.author),
    desk: text(ARTICLE_FIELD_LIMITS.desk),
    status: z.enum(ARTICLE_STATUSES, { message: `must be one of ${ARTICLE_STATUSES.join(', ')}` }),
    trashedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .strict();

const claimSchema = z
  .object({
    id,
    articleId: id,
    kind: z.enum(CLAIM_KINDS, { message: `must be one of ${CLAIM_KINDS.join(', ')}` }),
    status: z.enum(CLAIM_STATUSES, { message: `must be one of ${CLAIM_STATUSES.join(', ')}` }),
    text: text(20_000),
    note: text(20_000),
    links: z.array(
      z
        .object({ type: z.enum(FACT_TYPES, { message: `must be one of ${FACT_TYPES.join(', ')}` }), id })
        .strict(),
      { message: 'must be a list' },
    ),
    inText: z.boolean({ message: 'must be true or false' }),
    history: z.array(
      z
        .object({
          status: z.enum(CLAIM_STATUSES, { message: `must be one of ${CLAIM_STATUSES.join(', ')}` }),
          checker: name,
          at: instant,
        })
        .strict(),
      { message: 'must be a list' },
    ),
    dismissedWarnings: z.array(
      z
        .object({
          code: text(100).min(1, 'must not be empty'),
          reason: text(2000).min(1, 'must not be empty'),
          checker: name,
          at: instant,
        })
        .strict(),
      { message: 'must be a list' },
    ),
    createdAt: instant,
    updatedAt: instant,
    context: z
      .object({
        text: text(100_000),
        start: z.number().int().min(0, 'must not be negative'),
        end: z.number().int().min(0, 'must not be negative'),
      })
      .strict()
      .default({ text: '', start: 0, end: 0 }),
  })
  .strict();

const gatePassSchema = z
  .object({
    by: name,
    at: instant,
    overrideReason: text(4000).min(1, 'must not be empty').nullable(),
    openClaims: z.array(id, { message: 'must be a list' }),
  })
  .strict();

const dismissalSchema = z
  .object({
    kind: text(40).min(1, 'must not be empty'),
    textKey: text(2000).min(1, 'must not be empty'),
    text: text(20_000),
    dismissedBy: name,
    at: instant,
  })
  .strict();

const wording = text(CORRECTION_LIMITS.text).trim().min(1, 'must not be empty');
const correctionSchema = z
  .object({
    id: id.max(64, 'must be at most 64 characters'),
    wrong: wording,
    right: wording,
    claimIds: z.array(id, { message: 'must be a list' }).max(CORRECTION_LIMITS.links),
    facts: z
      .array(
        z
          .object({
            type: z.enum(FACT_TYPES, { message: `must be one of ${FACT_TYPES.join(', ')}` }),
            id,
          })
          .strict(),
        { message: 'must be a list' },
      )
      .max(CORRECTION_LIMITS.links),
    createdBy: name.trim().min(1, 'must not be empty'),
    createdAt: instant,
    updatedAt: instant,
    exportedAt: instant.nullable(),
    withdrawnAt: instant.nullable(),
    history: z
      .array(
        z
          .object({
            action: z.enum(CORRECTION_ACTIONS, {
              message: `must be one of ${CORRECTION_ACTIONS.join(', ')}`,
            }),
            wrong: wording,
            right: wording,
            by: name.trim().min(1, 'must not be empty'),
            at: instant,
          })
          .strict(),
        { message: 'must be a list' },
      )
      .min(1, 'must name at least the step that created it')
      .max(1000),
  })
  .strict();

const fileSchema = z
  .object({
    format: z.literal(FACTDESK_ARTICLE_FORMAT),
    version: z.literal(FACTDESK_ARTICLE_VERSION),
    exportedAt: instant,
    generator: text(200).default(''),
    article: metaSchema,
    body: articleBodySchema,
    claims: z.array(claimSchema, { message: 'must be a list' }).default([]),
    gatePasses: z.array(gatePassSchema, { message: 'must be a list' }).default([]),
    detectDismissals: z.array(dismissalSchema, { message: 'must be a list' }).default([]),
    corrections: z.array(correctionSchema, { message: 'must be a list' }).default([]),
    factPack: z.looseObject({}, { message: 'must be a fact pack (a JSON object)' }),
  })
  .strict();

export type ArticleFileProblem = PackProblem;
export type ArticleFileParse =
  { ok: true; file: FactdeskArticleFile } | { ok: false; problems: ArticleFileProblem[] };

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function describe(raw: unknown, issues: readonly z.core.$ZodIssue[]): ArticleFileProblem[] {
  const out: ArticleFileProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({
          path: jsonPath([...issue.path, key]),
          message: 'is not a field of a Factdesk article file',
        });
      continue;
    }
    // zod words a left-out field by the type it expected; people need to hear that it is missing.
    const message =
      valueAt(raw, issue.path) === undefined && issue.code !== 'custom' ? 'is missing' : issue.message;
    out.push({ path: jsonPath(issue.path), message });
  }
  return out;
}

function header(raw: unknown): ArticleFileProblem[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return [{ path: '$', message: 'must be a JSON object (a Factdesk article file)' }];
  const r = raw as Record<string, unknown>;
  if (r.format === 'factdesk-factpack')
    return [
      {
        path: '$.format',
        message: 'is "factdesk-factpack": this is a fact pack, not an article — import it in the facts panel',
      },
    ];
  if (r.format !== FACTDESK_ARTICLE_FORMAT)
    return [
      {
        path: '$.format',
        message: `must be "${FACTDESK_ARTICLE_FORMAT}" — this file is not a Factdesk article`,
      },
    ];
  if (typeof r.version === 'number' && r.version > FACTDESK_ARTICLE_VERSION)
    return [
      {
        path: '$.version',
        message: `is ${r.version}, written by a newer Factdesk; this app reads article files up to version ${FACTDESK_ARTICLE_VERSION}`,
      },
    ];
  return [];
}

/** What zod cannot see field by field: claims must belong to this article, ids must be unique, contexts must fit. */
function consistency(file: FactdeskArticleFile): ArticleFileProblem[] {
  const problems: ArticleFileProblem[] = [];
  const first = new Map<string, number>();
  file.claims.forEach((claim, i) => {
    if (claim.articleId !== file.article.id)
      problems.push({
        path: `$.claims[${i}].articleId`,
        message: `must be the article's id "${file.article.id}"`,
      });
    const seen = first.get(claim.id);
    if (seen !== undefined)
      problems.push({
        path: `$.claims[${i}].id`,
        message: `repeats the id "${claim.id}" of $.claims[${seen}]`,
      });
    else first.set(claim.id, i);
    const { context } = claim;
    if (context.start > context.end || context.end > context.text.length)
      problems.push({
        path: `$.claims[${i}].context.end`,
        message: 'must lie between context.start and the end of context.text',
      });
    const links = new Set<string>();
    claim.links.forEach((link, j) => {
      const key = `${link.type}:${link.id}`;
      if (links.has(key))
        problems.push({
          path: `$.claims[${i}].links[${j}]`,
          message: `links ${link.type} "${link.id}" twice`,
        });
      links.add(key);
    });
    const codes = new Set<string>();
    claim.dismissedWarnings.forEach((d, j) => {
      if (codes.has(d.code))
        problems.push({
          path: `$.claims[${i}].dismissedWarnings[${j}].code`,
          message: `dismisses "${d.code}" twice`,
        });
      codes.add(d.code);
    });
  });
  const keys = new Set<string>();
  file.detectDismissals.forEach((d, i) => {
    const key = `${d.kind}\u0000${d.textKey}`;
    if (keys.has(key))
      problems.push({ path: `$.detectDismissals[${i}].textKey`, message: 'repeats an earlier dismissal' });
    keys.add(key);
  });
  const corrections = new Map<string, number>();
  file.corrections.forEach((c, i) => {
    const seen = corrections.get(c.id);
    if (seen !== undefined)
      problems.push({
        path: `$.corrections[${i}].id`,
        message: `repeats the id "${c.id}" of $.corrections[${seen}]`,
      });
    else corrections.set(c.id, i);
    c.claimIds.forEach((claimId, j) => {
      if (!first.has(claimId))
        problems.push({
          path: `$.corrections[${i}].claimIds[${j}]`,
          message: `names "${claimId}", which is no claim of this article`,
        });
    });
  });
  return problems;
}

/**
 * Reads an article file and reports every problem with its JSON path (e.g.
 * `$.claims[2].status`). The fact pack inside is only checked to be an object here; the fact
 * store validates it in full, against what it already holds, when the file is imported.
 */
export function parseFactdeskArticle(raw: unknown): ArticleFileParse {
  const head = header(raw);
  if (head.length) return { ok: false, problems: head };
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: describe(raw, parsed.error.issues) };
  const file = parsed.data as unknown as FactdeskArticleFile;
  const problems = consistency(file);
  return problems.length ? { ok: false, problems } : { ok: true, file };
}

/** Parses JSON text first; a syntax error is reported at `$` with the parser's words. */
export function parseFactdeskArticleText(json: string): ArticleFileParse {
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, problems: [{ path: '$', message: `is not valid JSON (${(err as Error).message})` }] };
  }
  return parseFactdeskArticle(raw);
}

/** The file as text: indented, and with every character as itself (umlauts, „…“, no-break spaces are not escaped). */
export function serializeFactdeskArticle(file: FactdeskArticleFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Cheap test on the first bytes, so a .json file that is no article can be told apart before parsing it all. */
export function looksLikeFactdeskArticle(json: string): boolean {
  return /"format"\s*:\s*"factdesk-article"/.test(json.slice(0, 4096));
}

/** Problems as one sentence per line, for error messages and the CLI. */
export function describeArticleFileProblems(problems: readonly ArticleFileProblem[], limit = 8): string {
  const shown = problems.slice(0, limit).map((p) => `${p.path} ${p.message}`);
  if (problems.length > limit) shown.push(`… and ${problems.length - limit} more`);
  return shown.join('; ');
}
