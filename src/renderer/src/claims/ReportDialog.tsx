import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';

/**
 * The fact-check report as the exporter writes it, shown in a sandboxed frame: its HTML never
 * joins the app's document, and the empty sandbox keeps scripts and navigation out.
 */
export function ReportDialog({ articleId, onClose }: { articleId: string; onClose(): void }) {
  const { t } = useTranslation('claims');
  const { settings } = useApp();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.claims.report({ articleId, uiLanguage: settings.language }).then((result) => {
      if (cancelled) return;
      if (result.ok) setHtml(result.value.html);
      else setError(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, [articleId, settings.language]);

  return (
    <Dialog title={t('report.title')} open onClose={onClose} className="report-dialog">
      {error && (
        <p role="alert" className="error">
          {t('report.failed', { message: error })}
        </p>
      )}
      {html !== null && <iframe className="report-frame" title={t('report.frame')} sandbox="" srcDoc={html} />}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('report.close')}
        </button>
      </div>
    </Dialog>
  );
}
