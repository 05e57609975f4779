import { articleMetaPatchSchema, type ArticleMetaPatch } from '../contract/articles';
import type { ArticleMeta } from '../domain/articles';
import { ARTICLE_META_FIELDS, type ArticleMetaField } from './names';

/**
 * The news fields of a shared article live in the document's 'meta' Y.Map, one entry per field,
 * so two people editing different fields never overwrite each other. These functions are the
 * two directions of that mapping; the desk is other people's input, so every value is checked
 * against the same limits as a local save before it reaches the article.
 */

/** The fields whose value in the map differs from the article and is valid; anything else is left out. */
export function metaPatchFromDesk(
  values: ReadonlyMap<string, unknown>,
  current: ArticleMeta,
): ArticleMetaPatch {
  const patch: Record<string, unknown> = {};
  for (const field of ARTICLE_META_FIELDS) {
    if (!values.has(field)) continue;
    const value = values.get(field);
    if (value === current[field]) continue;
    const checked = articleMetaPatchSchema.safeParse({ [field]: value });
    if (checked.success) patch[field] = value;
  }
  return patch as ArticleMetaPatch;
}

/** The fields to write to the desk after a local change: those that differ from what it holds. */
export function metaChangesForDesk(
  values: ReadonlyMap<string, unknown>,
  meta: ArticleMeta,
): Partial<Pick<ArticleMeta, ArticleMetaField>> {
  const changes: Record<string, unknown> = {};
  for (const field of ARTICLE_META_FIELDS)
    if (values.get(field) !== meta[field]) changes[field] = meta[field];
  return changes as Partial<Pick<ArticleMeta, ArticleMetaField>>;
}
