import type { LinkedArticle } from '../shared/contract/facts-types';
import type { FactType } from '../shared/domain/facts';
import type { ErrorText } from '../shared/errorText';
import { UserError } from '../shared/result';
import type { Db } from './db';
import { prepared } from './prepared';

function hasArticlesTable(db: Db): boolean {
  return (
    prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get() !== undefined
  );
}

function headline(db: Db, articleId: string): string | null {
  try {
    const row = prepared(db, 'SELECT headline FROM articles WHERE id = ?').get(articleId) as
      { headline: string | null } | undefined;
    return row?.headline ?? null;
  } catch {
    // An articles table without a headline column: fall back to naming the article by id.
    return null;
  }
}

/** The articles whose claims link to a fact, with how many claims each. */
export function linkedArticles(db: Db, factType: FactType, factId: string): LinkedArticle[] {
  const rows = prepared(
    db,
    `SELECT article_id, count(*) AS claims FROM claim_links WHERE fact_type = ? AND fact_id = ?
     GROUP BY article_id ORDER BY article_id`,
  ).all(factType, factId) as { article_id: string; claims: number }[];
  if (rows.length === 0) return [];
  const named = hasArticlesTable(db);
  return rows.map((r) => ({
    articleId: r.article_id,
    headline: named ? headline(db, r.article_id) : null,
    claims: r.claims,
  }));
}

export function describeArticles(articles: readonly LinkedArticle[]): string {
  return articles.map((a) => (a.headline ? `“${a.headline}”` : `article ${a.articleId}`)).join(', ');
}

/**
 * Refuses to delete a fact that claims in articles rely on, naming those articles, so a
 * published check never loses its evidence silently.
 */
export function assertNotLinked(db: Db, factType: FactType, factId: string, what: ErrorText): void {
  const articles = linkedArticles(db, factType, factId);
  if (articles.length === 0) return;
  throw new UserError('conflict', {
    key: 'factLinked',
    params: {
      what,
      count: articles.length,
      articles: articles.map((a) => (a.headline ? `“${a.headline}”` : a.articleId)).join(', '),
    },
  });
}
