import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportReport } from '../../../shared/contract/facts';
import type { Result } from '../../../shared/result';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import { notifyFactsChanged } from './events';
import { FileDrop } from './forms/FileDrop';
import { errorSentence } from '../errors/errorSentence';

type Origin = { kind: 'file' } | { kind: 'sample' };

function Counts({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation('facts');
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => t(`pack.count.${k}`, { count: n }));
  return <>{parts.length ? parts.join(', ') : t('pack.nothing')}</>;
}

/**
 * Imports a fact pack (a file, or the built-in sample): shows every problem of a bad pack,
 * or the changes a pack would make to existing records and asks before applying them.
 */
export function PackImportDialog({ origin, onClose }: { origin: Origin; onClose(): void }) {
  const { t } = useTranslation('facts');
  const [pack, setPack] = useState<unknown>(undefined);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (update: boolean, content: unknown = pack) => {
    setBusy(true);
    const r: Result<ImportReport> =
      origin.kind === 'sample'
        ? await api.facts.loadSample({ update })
        : await api.facts.importPack({ pack: content, update });
    setBusy(false);
    if (!r.ok) return setError(errorSentence(r.error));
    setError(null);
    setReport(r.value);
    if (r.value.applied) notifyFactsChanged();
  };

  useEffect(() => {
    if (origin.kind === 'sample') void run(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const readFile = async (file: File) => {
    try {
      const content = JSON.parse(await file.text()) as unknown;
      setPack(content);
      await run(false, content);
    } catch {
      setReport(null);
      setError(t('pack.notJson', { name: file.name }));
    }
  };

  return (
    <Dialog
      title={origin.kind === 'sample' ? t('pack.sampleTitle') : t('pack.importTitle')}
      open
      onClose={onClose}
      className="fact-dialog"
    >
      {origin.kind === 'file' && !report?.applied && (
        <FileDrop label={t('pack.choose')} onFile={(f) => void readFile(f)} />
      )}
      {busy && <p className="muted">{t('pack.working')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && report.problems.length > 0 && (
        <div role="alert" className="pack-problems">
          <p className="error">{t('pack.problems', { count: report.problems.length })}</p>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report && report.needsConfirmation && (
        <div className="pack-changes">
          <p>{t('pack.wouldChange', { count: report.changes.length })}</p>
          <ul>
            {report.changes.map((c) => (
              <li key={`${c.type}:${c.id}`}>
                <strong>{t(`type.${c.type}`)}</strong> {c.label}
                <ul>
                  {c.fields.map((f) => (
                    <li key={f.field}>
                      <code>{f.field}</code>: {JSON.stringify(f.before)} → {JSON.stringify(f.after)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <p>
            {t('pack.alsoNew')} <Counts counts={report.created} />
          </p>
        </div>
      )}
      {report && report.applied && (
        <p role="status" className="pack-done">
          {t('pack.done')} {t('pack.created')} <Counts counts={report.created} />.{' '}
          {t('pack.updated', { count: report.changes.length })} {t('pack.unchanged')}{' '}
          <Counts counts={report.unchanged} />.
        </p>
      )}
      <div className="dialog-actions">
        {report?.needsConfirmation && (
          <button type="button" className="primary" disabled={busy} onClick={() => void run(true)}>
            {t('pack.apply')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {report?.applied ? t('pack.close') : t('form.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
