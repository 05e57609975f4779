// @vitest-environment jsdom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { FactdeskApi } from '../../../shared/contract';
import type { ArticleCorrections } from '../../../shared/domain/corrections';

// The Electron boundary: the preload's API object, of which the store uses corrections.list.
const stored: ArticleCorrections = { articleId: 'a1', published: true, corrections: [], prompts: [] };
const list = vi.fn(async () => ({ ok: true as const, value: stored }));
beforeAll(() => {
  window.factdesk = { corrections: { list } } as unknown as FactdeskApi;
});

describe('corrections store', () => {
  it('answers asks made in the same moment with one read, and reads again for a later ask', async () => {
    const store = await import('./correctionsStore');
    // Opening an article: the panel opens the store, its first render and the claims arriving ask again.
    store.openCorrections('a1');
    void store.refreshCorrections();
    await store.refreshCorrections();
    expect(list).toHaveBeenCalledTimes(1);
    expect(store.getCorrectionsState().data).toEqual(stored);

    await store.refreshCorrections();
    expect(list).toHaveBeenCalledTimes(2);
    expect(list).toHaveBeenLastCalledWith({ articleId: 'a1' });
  });
});
