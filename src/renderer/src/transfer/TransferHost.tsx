import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { runCommand, useCommand } from '../app/commands';
import { useStatusItem } from '../app/status';
import type { ExportResult } from '../../../shared/contract/transfer';
import { DropZone } from './DropZone';
import { ImportDialog } from './ImportDialog';
import { useImporter } from './useImporter';
import '../styles/transfer.css';

// The export dialogs load when first opened, not with the app's first screen.
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));
const BatchExportDialog = lazy(() =>
  import('./BatchExportDialog').then((m) => ({ default: m.BatchExportDialog })),
);

type Open =
  | null
  | { kind: 'export'; articleId: string }
  | { kind: 'batch'; preselected: string[] }
  | { kind: 'import' };

/** Raised by "Export several articles…" and by any pane that offers a batch export. */
export const EXPORT_SEVERAL_COMMAND = 'file.export-several';

/**
 * Export and import for the whole window: File → Export… (the open article, or a batch when none
 * is open), File → Import…, and files dropped onto the window. Mounted once in the shell.
 */
export function TransferHost() {
  const { t } = useTranslation('transfer');
  const { currentArticleId } = useApp();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const importer = useImporter();

  useCommand('file.export', () =>
    setOpen(
      currentArticleId ? { kind: 'export', articleId: currentArticleId } : { kind: 'batch', preselected: [] },
    ),
  );
  useCommand(EXPORT_SEVERAL_COMMAND, () =>
    setOpen({ kind: 'batch', preselected: currentArticleId ? [currentArticleId] : [] }),
  );
  useCommand('file.import', () => setOpen({ kind: 'import' }));

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 15_000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  useStatusItem('transfer', notice ? <span className="status-item">{notice}</span> : null, 80);

  const { clear, importFiles: runImport } = importer;
  const closeImport = useCallback(() => {
    setOpen(null);
    clear();
  }, [clear]);

  const importFiles = useCallback(
    (files: File[]) => {
      setOpen({ kind: 'import' });
      void runImport(files).then((allIn) => {
        // Everything went in: the new article is open, the dialog has nothing left to say.
        if (allIn) {
          setNotice(t('importedFiles', { names: files.map((f) => f.name).join(', ') }));
          closeImport();
        }
      });
    },
    [runImport, closeImport, t],
  );

  const exported = (result: ExportResult) => {
    setOpen(null);
    const left = result.trackedChanges ? 0 : result.pendingSuggestions.length;
    // The dialog listed them before; the notice repeats how many were not applied.
    setNotice(
      left > 0
        ? `${t('exportedTo', { path: result.path })} ${t('export.pending', { ns: 'suggest', count: left })}`
        : t('exportedTo', { path: result.path }),
    );
  };

  return (
    <>
      <DropZone onFiles={importFiles} />
      <Suspense fallback={null}>
        {open?.kind === 'export' && (
          <ExportDialog
            articleId={open.articleId}
            onClose={() => setOpen(null)}
            onExported={exported}
            onSeveral={() => runCommand(EXPORT_SEVERAL_COMMAND)}
          />
        )}
        {open?.kind === 'batch' && (
          <BatchExportDialog preselected={open.preselected} onClose={() => setOpen(null)} />
        )}
      </Suspense>
      {open?.kind === 'import' && (
        <ImportDialog
          entries={importer.entries}
          busy={importer.busy}
          onFiles={importFiles}
          onRetryWithFacts={(entry) => void importer.retryWithFacts(entry)}
          onClose={closeImport}
        />
      )}
    </>
  );
}
