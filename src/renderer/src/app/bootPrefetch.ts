import { api } from '../bridge';
import { hasRecoveryCopies } from '../recovery/recoveryCopies';
import { ARTICLE_STORAGE_KEY } from './storageKeys';
import type { AppInfo, Settings } from '../../../shared/contract/app';
import type { ArticleDocument } from '../../../shared/contract/articles';
import type { Channel } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/**
 * The calls the first screen needs, sent before the app renders and in parallel rather than one
 * after another (settings, then the shell, then the article): on a cold start that chain of round
 * trips behind each render was a good part of the wait for an editable article. Most were sent
 * even earlier by the page's head (public/early-boot.js); each answer is handed out once, and
 * later reads call again.
 */
const early = (window as unknown as { factdeskEarly?: Map<string, Promise<Result<unknown>>> }).factdeskEarly;

/** The answer early-boot.js already asked for (once), or null. */
export function takeEarlyCall<T>(channel: Channel, input: unknown): Promise<Result<T>> | null {
  const key = `${channel} ${JSON.stringify(input)}`;
  const pending = early?.get(key);
  if (!pending) return null;
  early!.delete(key);
  return pending as Promise<Result<T>>;
}

export const bootCalls: { info: Promise<Result<AppInfo>>; settings: Promise<Result<Settings>> } = {
  info: takeEarlyCall<AppInfo>('app:info', {}) ?? api.app.info({}),
  settings: takeEarlyCall<Settings>('settings:get', {}) ?? api.settings.get({}),
};

// A recovery copy may be restored before the article opens, which changes what opening returns.
const reopenId = hasRecoveryCopies() ? null : sessionStorage.getItem(ARTICLE_STORAGE_KEY);
let reopened: { id: string; result: Promise<Result<ArticleDocument>> } | null = reopenId
  ? {
      id: reopenId,
      result:
        takeEarlyCall<ArticleDocument>('articles:open', { id: reopenId }) ??
        api.articles.open({ id: reopenId }),
    }
  : null;

/** The article the page reopens, fetched at start; null for any other article or a second read. */
export function takeReopenedArticle(id: string): Promise<Result<ArticleDocument>> | null {
  if (reopened?.id !== id) return null;
  const { result } = reopened;
  reopened = null;
  return result;
}
