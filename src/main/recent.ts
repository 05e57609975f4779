import type { Db } from '../store/db';
import { recentArticles } from '../store/articles';
import type { RecentArticle } from './electron/menu';

/** Articles for File → Open Recent: the ten most recently opened, trash left out. */
export function recentArticlesForMenu(db: Db): RecentArticle[] {
  return recentArticles(db, 10);
}
