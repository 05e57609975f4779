import type { Db } from '../store/db';
import type { RecentArticle } from './electron/menu';

/** Articles for File → Open Recent. Filled in once the article store exists (issue "Drafting articles"). */
export function recentArticlesForMenu(_db: Db): RecentArticle[] {
  return [];
}
