import { z } from 'zod';
import { channel } from './define';
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type ArticleBody,
  type ArticleMeta,
  type SerializedNodeJSON,
} from '../domain/articles';

/** Current version of the body JSON; raise it (and add a body migration in the store) when node shapes change. */
export const ARTICLE_BODY_SCHEMA_VERSION = 1;

/** Node types an article body may contain; anything else is refused on save. */
export const ARTICLE_NODE_TYPES = [
  'root',
  'paragraph',
  'heading',
  'quote',
  'list',
  'listitem',
  'link',
  'autolink',
  'text',
  'tab',
  'linebreak',
  'mark',
  // Suggested changes (track changes); shape checked in shared/article/suggestedChanges.ts.
  'suggested-change',
] as const;

export const ARTICLE_FIELD_LIMITS = {
  kicker: 200,
  headline: 300,
  lead: 2000,
  byline: 200,
  dateline: 200,
  author: 120,
  desk: 120,
  revisionName: 120,
  /** Bytes of body JSON; far above a 10,000-word article (about 1.5 MB). */
  bodyJson: 20 * 1024 * 1024,
} as const;

export interface ArticleListItem extends ArticleMeta {
  wordCount: number;
  /** Claims whose linked facts changed since they were last checked ("needs re-check"). */
  staleClaims: number;
  /** Offers to add a correction nobody has acted on (a claim's words changed, or a stale claim was re-checked, after publishing). */
  correctionOffers: number;
  /**
   * For a "ready" or "published" article: claims in the text that are not verified and that no
   * override covers — marked or reopened after the gate was passed. 0 otherwise.
   */
  unverifiedSinceReady: number;
}

/** An article as the editor opens it: the structured fields, the body and the rev a save must name. */
export interface ArticleDocument {
  meta: ArticleMeta;
  body: ArticleBody;
  rev: number;
  /**
   * The stored id of each top-level block of `body`, in order, so the editor's autosave can send
   * only the blocks that changed (`articles:save` with `blocks`). Absent where a body has no
   * stored blocks (a revision, a body of an older schema version).
   */
  blockIds?: string[];
}

export interface ArticleSaveResult {
  rev: number;
  meta: ArticleMeta;
  /** The snapshot this save created (auto or status), if any. */
  revisionId: number | null;
}

export const REVISION_KINDS = ['auto', 'status', 'named', 'restore'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** What a revision remembers besides the body. */
export type RevisionMeta = Pick<
  ArticleMeta,
  'kicker' | 'headline' | 'lead' | 'byline' | 'dateline' | 'language' | 'status'
>;

export interface RevisionSummary {
  id: number;
  articleId: string;
  createdAt: string;
  kind: RevisionKind;
  /** The user's name for a named version; for a status snapshot, the status it records; for a restore, the restored revision's id. */
  name: string;
  author: string;
  headline: string;
  wordCount: number;
}

export interface Revision extends RevisionSummary {
  meta: RevisionMeta;
  body: ArticleBody;
}

export interface RecentArticle {
  id: string;
  headline: string;
}

export const ARTICLE_SORTS = ['updated', 'title'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

const id = z.string().trim().min(1, 'must not be empty').max(64);
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const articleMetaPatchSchema = z
  .object({
    kicker: text(ARTICLE_FIELD_LIMITS.kicker),
    headline: text(ARTICLE_FIELD_LIMITS.headline),
    lead: text(ARTICLE_FIELD_LIMITS.lead),
    byline: text(ARTICLE_FIELD_LIMITS.byline),
    dateline: text(ARTICLE_FIELD_LIMITS.dateline),
    language: z.enum(ARTICLE_LANGUAGES),
    author: text(ARTICLE_FIELD_LIMITS.author),
    desk: text(ARTICLE_FIELD_LIMITS.desk),
    status: z.enum(ARTICLE_STATUSES),
  })
  .partial()
  .strict();
export type ArticleMetaPatch = z.infer<typeof articleMetaPatchSchema>;

/**
 * Only the envelope is checked here; the node tree is walked by the store (`checkBody`),
 * which names the offending path, e.g. "body.root.children.3.type".
 */
export const articleBodySchema = z
  .object({
    schemaVersion: z.literal(ARTICLE_BODY_SCHEMA_VERSION),
    editorState: z.looseObject({
      root: z.looseObject({
        type: z.literal('root'),
        version: z.number(),
        children: z.array(z.looseObject({ type: z.string(), version: z.number() })),
      }),
    }),
  })
  .strict() as unknown as z.ZodType<ArticleBody, ArticleBody>;
// The cast only widens the static type to the domain's ArticleBody (zod's inferred shape makes
// every node's children required); the runtime checks above are unchanged.

/** A top-level block's id within its article: short, chosen by whoever created the block. */
export const blockIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, - or _');

/** More top-level blocks than any article of ARTICLE_FIELD_LIMITS.bodyJson can hold. */
export const MAX_ARTICLE_BLOCKS = 500_000;

/**
 * The body as a change to the stored one: the new order of top-level block ids, the blocks that
 * are new or changed (each with its whole subtree), and the root node's own fields. A block named
 * in `order` and not in `changed` must be stored already; stored blocks missing from `order` are
 * deleted. Applied only at `baseRev`, so it can never land on a body it was not made against.
 * The node trees are walked by the store (`checkBody`), like a whole body's.
 */
export const blockPatchSchema = z
  .object({
    root: z.looseObject({ type: z.literal('root'), version: z.number() }),
    order: z.array(blockIdSchema).max(MAX_ARTICLE_BLOCKS),
    changed: z
      .array(
        z
          .object({
            id: blockIdSchema,
            node: z.looseObject({ type: z.string(), version: z.number() }),
          })
          .strict(),
      )
      .max(MAX_ARTICLE_BLOCKS),
  })
  .strict()
  .superRefine((patch, ctx) => {
    if ('children' in patch.root)
      ctx.addIssue({
        code: 'custom',
        path: ['root', 'children'],
        message: 'must not be sent; blocks carry them',
      });
    const seen = new Set<string>();
    patch.order.forEach((blockId, i) => {
      if (seen.has(blockId))
        ctx.addIssue({ code: 'custom', path: ['order', i], message: `names block ${blockId} twice` });
      seen.add(blockId);
    });
    const sent = new Set<string>();
    patch.changed.forEach(({ id: blockId }, i) => {
      if (!seen.has(blockId))
        ctx.addIssue({
          code: 'custom',
          path: ['changed', i, 'id'],
          message: `block ${blockId} is not in order`,
        });
      if (sent.has(blockId))
        ctx.addIssue({
          code: 'custom',
          path: ['changed', i, 'id'],
          message: `block ${blockId} is sent twice`,
        });
      sent.add(blockId);
    });
  }) as unknown as z.ZodType<BlockPatch, BlockPatch>;

export interface BlockPatch {
  root: SerializedNodeJSON;
  order: string[];
  changed: { id: string; node: SerializedNodeJSON }[];
}

export const articleSaveSchema = z
  .object({
    id,
    baseRev: z.number().int().min(1),
    meta: articleMetaPatchSchema.optional(),
    body: articleBodySchema.optional(),
    blocks: blockPatchSchema.optional(),
  })
  .strict()
  .refine((input) => !(input.body && input.blocks), {
    path: ['blocks'],
    message: 'a save sends either the whole body or blocks, not both',
  });

export const articleListSchema = z
  .object({
    status: z.enum(ARTICLE_STATUSES).optional(),
    language: z.enum(ARTICLE_LANGUAGES).optional(),
    text: z.string().max(200).optional(),
    sort: z.enum(ARTICLE_SORTS).optional(),
    /** true lists only the trash; otherwise the trash is left out. */
    trash: z.boolean().optional(),
  })
  .strict()
  .optional();

const byId = z.object({ id }).strict();

export const articlesContract = {
  'articles:list': channel<ArticleListItem[]>()(articleListSchema),
  'articles:create': channel<ArticleDocument>()(
    z
      .object({
        headline: text(ARTICLE_FIELD_LIMITS.headline).optional(),
        language: z.enum(ARTICLE_LANGUAGES).optional(),
        desk: text(ARTICLE_FIELD_LIMITS.desk).optional(),
      })
      .strict()
      .optional(),
  ),
  /** Reads an article without side effects (CLI, exports). */
  'articles:get': channel<ArticleDocument>()(byId),
  /** Reads an article for the editor and records it under File → Open Recent. */
  'articles:open': channel<ArticleDocument>()(byId),
  'articles:save': channel<ArticleSaveResult>()(articleSaveSchema),
  'articles:duplicate': channel<ArticleDocument>()(
    z.object({ id, headline: text(ARTICLE_FIELD_LIMITS.headline).optional() }).strict(),
  ),
  'articles:rename': channel<ArticleMeta>()(
    z.object({ id, headline: text(ARTICLE_FIELD_LIMITS.headline) }).strict(),
  ),
  'articles:trash': channel<ArticleMeta>()(byId),
  'articles:restore': channel<ArticleMeta>()(byId),
  'articles:empty-trash': channel<{ deleted: number }>()(z.object({}).strict().optional()),
  'articles:recent': channel<RecentArticle[]>()(
    z
      .object({ limit: z.number().int().min(1).max(50).optional() })
      .strict()
      .optional(),
  ),
  'revisions:list': channel<RevisionSummary[]>()(z.object({ articleId: id }).strict()),
  'revisions:get': channel<Revision>()(z.object({ id: z.number().int().min(1) }).strict()),
  /** "Save version…": snapshots the article as it is stored now, under a name. */
  'revisions:create': channel<RevisionSummary>()(
    z
      .object({
        articleId: id,
        name: z.string().trim().min(1, 'must not be empty').max(ARTICLE_FIELD_LIMITS.revisionName),
      })
      .strict(),
  ),
  /** Makes an old revision current again as a new revision; the text it replaces is kept as a revision too. */
  'revisions:restore': channel<ArticleDocument>()(z.object({ id: z.number().int().min(1) }).strict()),
};
