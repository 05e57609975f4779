import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/AppContext';
import { api } from '../bridge';
import { Dialog } from '../components/Dialog';
import type { ArticleClaims } from '../../../shared/contract/claims';
import { claimSources, resolveClaimFacts } from '../../../shared/export/factText';
import { openSourceAt } from '../sources/openSource';
import { errorSentence } from '../errors/errorSentence';

/**
 * The report's frame runs nothing and cannot reach the app, so its citations cannot be links
 * into it; the places it cites are listed beside it, each opening the source there.
 */
function CitedPlaces({
  data,
  language,
  onOpen,
  title,
  none,
}: {
  data: ArticleClaims;
  language: 'de' | 'en';
  onOpen(): void;
  title: string;
  none: string;
}) {
  const { t } = useTranslation('sources');
  const seen = new Set<string>();
  const places = data.claims
    .flatMap((claim) => claimSources(resolveClaimFacts(claim, data.facts, language)))
    .filter(
      (c) =>
        c.source.fileHash &&
        !seen.has(`${c.source.id}\u0000${c.locator ?? ''}`) &&
        seen.add(`${c.source.id}\u0000${c.locator ?? ''}`),
    );
  return (
    <section className="report-places" aria-label={title}>
      <h3>{title}</h3>
      {places.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul>
          {places.map((c) => (
            <li key={`${c.source.id}:${c.locator ?? ''}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onOpen();
                  openSourceAt({ sourceId: c.source.id, locator: c.locator, excerpt: c.excerpt });
                }}
              >
                {c.locator
                  ? t('open.at', { title: c.source.title, locator: c.locator })
                  : t('open.source', { title: c.source.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The fact-check report as the exporter writes it, shown in a sandboxed frame: its HTML never
 * joins the app's document, and the empty sandbox keeps scripts and navigation out.
 */
export function ReportDialog({
  articleId,
  data,
  onClose,
}: {
  articleId: string;
  data: ArticleClaims | null;
  onClose(): void;
}) {
  const { t } = useTranslation('claims');
  const { t: ts } = useTranslation('sources');
  const { settings } = useApp();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void api.claims.report({ articleId, uiLanguage: settings.language }).then((result) => {
      if (cancelled) return;
      if (result.ok) setHtml(result.value.html);
      else setError(errorSentence(result.error));
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
      {html !== null && (
        <iframe className="report-frame" title={t('report.frame')} sandbox="" srcDoc={html} />
      )}
      {data && (
        <CitedPlaces
          data={data}
          language={settings.language}
          onOpen={onClose}
          title={ts('report.sources')}
          none={ts('report.none')}
        />
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          {t('report.close')}
        </button>
      </div>
    </Dialog>
  );
}
