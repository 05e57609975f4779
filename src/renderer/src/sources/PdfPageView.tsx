import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../bridge';
import { errorSentence } from '../errors/errorSentence';

/** Rendering scale asked of the main process: sharp on high-density screens, capped by the contract. */
const scale = () => Math.min(4, 1.25 * (window.devicePixelRatio || 1));

/**
 * One page of a source's PDF as a picture drawn in the main process (`sources:page-image`), with
 * page navigation. Only the shown page is drawn; the PDF itself never reaches the renderer, so
 * the strict CSP needs no exception for pdf.js's worker or fonts.
 */
export function PdfPageView({
  sourceId,
  total,
  page,
  onPage,
}: {
  sourceId: string;
  total: number;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation('sources');
  const [image, setImage] = useState<{ page: number; url: string; width: number; height: number } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    void api.sources.pageImage({ sourceId, page, scale: scale() }).then((r) => {
      if (!live) return;
      if (!r.ok) return setError(errorSentence(r.error));
      setImage({
        page: r.value.page,
        url: `data:image/png;base64,${r.value.pngBase64}`,
        width: r.value.width,
        height: r.value.height,
      });
    });
    return () => {
      live = false;
    };
  }, [sourceId, page]);

  return (
    <section className="source-rendered" aria-label={t('pages.region')}>
      <div className="source-toolbar">
        <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('pages.previous')}
        </button>
        <span aria-live="polite">{t('pages.position', { page, total })}</span>
        <button type="button" disabled={page >= total} onClick={() => onPage(page + 1)}>
          {t('pages.next')}
        </button>
      </div>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : image?.page === page ? (
        <img
          className="source-page-image"
          src={image.url}
          width={image.width}
          height={image.height}
          alt={t('pages.image', { page, total })}
        />
      ) : (
        <p className="muted" role="status">
          {t('pages.loading', { page })}
        </p>
      )}
    </section>
  );
}
