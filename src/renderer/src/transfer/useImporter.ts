import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { useApp } from '../app/AppContext';
import { flushActiveSession } from '../editor/activeSession';
import { announceArticleChange } from '../library/articleEvents';
import { bytesToBase64, MAX_IMPORT_FILE_BYTES } from './files';
import { errorSentence } from '../errors/errorSentence';

export interface ImportEntry {
  key: number;
  name: string;
  state: 'waiting' | 'importing' | 'done' | 'failed';
  message?: string;
  headline?: string;
  warnings?: string[];
  /** The file's facts differ from the store's; importing again may update them. */
  factsDiffer?: boolean;
  file: File;
}

/**
 * Imports files one after another, each all or nothing on the main side. The last article that
 * came in is opened; when every file went in, the caller may close its dialog.
 */
export function useImporter() {
  const { t } = useTranslation('transfer');
  const { openArticle } = useApp();
  const [entries, setEntries] = useState<ImportEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const nextKey = useRef(1);
  const queue = useRef(Promise.resolve());

  const update = (key: number, patch: Partial<ImportEntry>) =>
    setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  const importOne = useCallback(
    async (entry: ImportEntry, updateFacts: boolean): Promise<string | null> => {
      update(entry.key, { state: 'importing', message: undefined, factsDiffer: false });
      if (entry.file.size > MAX_IMPORT_FILE_BYTES) {
        update(entry.key, {
          state: 'failed',
          message: t('tooLarge', { name: entry.name, mb: Math.floor(MAX_IMPORT_FILE_BYTES / 1024 / 1024) }),
        });
        return null;
      }
      const bytes = new Uint8Array(await entry.file.arrayBuffer());
      const r = await api.import.file({
        name: entry.name,
        bytesBase64: bytesToBase64(bytes),
        updateFacts: updateFacts || undefined,
      });
      if (!r.ok) {
        update(entry.key, {
          state: 'failed',
          message: errorSentence(r.error),
          factsDiffer: r.error.code === 'conflict' && r.error.message.includes('allow updating facts'),
        });
        return null;
      }
      update(entry.key, { state: 'done', headline: r.value.headline, warnings: r.value.warnings });
      announceArticleChange({ id: r.value.articleId });
      return r.value.articleId;
    },
    [t],
  );

  const finish = useCallback(
    async (opened: string | null) => {
      if (!opened) return;
      await flushActiveSession();
      openArticle(opened);
    },
    [openArticle],
  );

  /** Adds files and imports them; resolves with true when every one of them went in. */
  const importFiles = useCallback(
    (files: readonly File[]): Promise<boolean> => {
      const added = files.map((file): ImportEntry => ({
        key: nextKey.current++,
        name: file.name,
        state: 'waiting',
        file,
      }));
      setEntries((list) => [...list, ...added]);
      const work = queue.current.then(async () => {
        setBusy(true);
        let last: string | null = null;
        let allIn = true;
        for (const entry of added) {
          const id = await importOne(entry, false);
          if (id) last = id;
          else allIn = false;
        }
        await finish(last);
        setBusy(false);
        return allIn;
      });
      queue.current = work.then(() => undefined);
      return work;
    },
    [importOne, finish],
  );

  const retryWithFacts = useCallback(
    async (entry: ImportEntry) => {
      setBusy(true);
      await finish(await importOne(entry, true));
      setBusy(false);
    },
    [importOne, finish],
  );

  const clear = useCallback(() => setEntries([]), []);

  return { entries, busy, importFiles, retryWithFacts, clear };
}
