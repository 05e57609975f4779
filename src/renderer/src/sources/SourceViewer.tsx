import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus, SourceDocumentView } from '../../../shared/sources/document';
import {
  findAll,
  findPlace,
  locatorFor,
  passageRange,
  sentenceAround,
} from '../../../shared/sources/locator';
import { api } from '../bridge';
import { notifyFactsChanged } from '../facts/events';
import { fromBase64 } from '../facts/files';
import { useFormat } from '../facts/format';
import { CitePassageDialog } from './CitePassageDialog';
import { PdfPageView } from './PdfPageView';
import '../styles/sources.css';
import { errorSentence } from '../errors/errorSentence';

type Doc = SourceDocumentView;
type DocSegment = Doc['segments'][number];

/** How often the viewer asks how far a background extraction got. */
const POLL_MS = 400;

interface Passage {
  ord: number;
  text: string;
}

/** Splits a segment's text at the marked ranges (search matches, the opened place). */
function marked(
  text: string,
  ranges: { range: [number, number]; className: string; current?: boolean }[],
): ReactNode {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a.range[0] - b.range[0]);
  const out: ReactNode[] = [];
  let at = 0;
  sorted.forEach(({ range: [from, to], className, current }, i) => {
    if (from < at) return;
    if (from > at) out.push(text.slice(at, from));
    out.push(
      <mark key={i} className={className} data-current={current ? 'true' : undefined}>
        {text.slice(from, to)}
      </mark>,
    );
    at = to;
  });
  out.push(text.slice(at));
  return out;
}

/**
 * The text of a source's file in the facts panel: pages of a PDF or the headings and numbered
 * paragraphs of a page or document, a search inside it, and citing a selected passage. Text
 * only — the file's own markup and scripts never reach the app. Opened from a citation or a
 * claim, it scrolls to the cited place and marks the passage.
 */
export function SourceViewer({
  sourceId,
  title,
  place,
}: {
  sourceId: string;
  title: string;
  place: { locator: string | null; excerpt: string | null } | null;
}) {
  const { t } = useTranslation('sources');
  const f = useFormat();
  const [doc, setDoc] = useState<Doc | null | undefined>(undefined);
  const [status, setStatus] = useState<DocumentStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [selection, setSelection] = useState<Passage | null>(null);
  const [citing, setCiting] = useState<{ locator: string; excerpt: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [imageUrl, setImageUrl] = useState<string | null>(null);
  const [shownPage, setShownPage] = useState(1);
  const textRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const r = await api.sources.document({ sourceId });
    if (!r.ok) return setError(errorSentence(r.error));
    setDoc(r.value);
    setStatus(r.value);
  }, [sourceId]);
  useEffect(() => void load(), [load]);

  // A PDF is read in the background: ask how far it got until it is done, then load the text.
  const extracting = status?.state === 'extracting';
  useEffect(() => {
    if (!extracting) return;
    const timer = window.setInterval(() => {
      void api.sources.status({ sourceId }).then((r) => {
        if (!r.ok) return setError(errorSentence(r.error));
        setStatus(r.value);
        if (r.value?.state !== 'extracting') {
          void load();
          // The source's title may have come from the PDF, and its text is in the search now.
          notifyFactsChanged();
        }
      });
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [extracting, sourceId, load]);

  const isImage = doc?.format === 'image';
  useEffect(() => {
    if (!isImage) return;
    let url: string | null = null;
    void api.facts.sourceFile({ sourceId }).then((r) => {
      if (!r.ok) return setError(errorSentence(r.error));
      const bytes = fromBase64(r.value.base64);
      const type = bytes[0] === 0x89 ? 'image/png' : 'image/jpeg';
      url = URL.createObjectURL(new Blob([bytes], { type }));
      setImageUrl(url);
    });
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [isImage, sourceId]);

  const segments = useMemo(() => doc?.segments ?? [], [doc]);
  const matches = useMemo(() => {
    if (query.trim().length < 2) return [];
    return segments.flatMap((s) => findAll(s.text, query).map((range) => ({ ord: s.ord, range })));
  }, [segments, query]);
  useEffect(() => setCurrent(0), [query]);

  // The cited place: found once the text is there.
  const placed = useMemo(() => {
    if (!place || segments.length === 0) return null;
    const i = findPlace(segments, place.locator, place.excerpt);
    if (i < 0) return null;
    return { ord: segments[i].ord, range: passageRange(segments[i].text, place.excerpt) };
  }, [place, segments]);
  useEffect(() => {
    if (!placed) return;
    const el = textRef.current?.querySelector<HTMLElement>(`[data-ord="${placed.ord}"]`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
  }, [placed]);
  const placedPage = placed ? segments.find((s) => s.ord === placed.ord)?.page : null;
  useEffect(() => {
    if (placedPage) setShownPage(placedPage);
  }, [placedPage]);
  const pdfPages = doc?.format === 'pdf' ? segments.filter((s) => s.kind === 'page').length : 0;

  useEffect(() => {
    const m = matches[current];
    if (!m) return;
    textRef.current?.querySelector('mark[data-current="true"]')?.scrollIntoView({ block: 'center' });
  }, [matches, current]);

  const rememberSelection = () => {
    const sel = window.getSelection();
    const text = sel?.toString().trim() ?? '';
    const host = sel?.anchorNode
      ? sel.anchorNode.nodeType === 1
        ? (sel.anchorNode as Element)
        : sel.anchorNode.parentElement
      : null;
    const segment = host?.closest<HTMLElement>('[data-ord]');
    if (text && segment && textRef.current?.contains(segment))
      setSelection({ ord: Number(segment.dataset.ord), text });
  };

  const cite = () => {
    const bySelection = selection && segments.find((s) => s.ord === selection.ord);
    if (bySelection && selection)
      return setCiting({ locator: locatorFor(bySelection), excerpt: selection.text.replace(/\s+/g, ' ') });
    const m = matches[current];
    const bySearch = m && segments.find((s) => s.ord === m.ord);
    if (bySearch)
      return setCiting({ locator: locatorFor(bySearch), excerpt: sentenceAround(bySearch.text, ...m.range) });
    setMessage(t('cite.nothing'));
  };

  const step = (by: number) =>
    matches.length && setCurrent((c) => (c + by + matches.length) % matches.length);

  if (error)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (doc === undefined) return <p className="muted">{t('viewer.loading')}</p>;
  if (doc === null)
    return (
      <div className="source-viewer">
        <p className="muted">{t('viewer.notRead')}</p>
        <button
          type="button"
          onClick={() =>
            void api.sources
              .extract({ sourceId })
              .then((r) => (r.ok ? load() : setError(errorSentence(r.error))))
          }
        >
          {t('viewer.readNow')}
        </button>
      </div>
    );

  const state = status?.state ?? doc.state;
  const renderSegment = (s: DocSegment) => {
    const ranges = matches
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m.ord === s.ord)
      .map(({ m, i }) => ({ range: m.range, className: 'source-match', current: i === current }));
    if (placed?.ord === s.ord && placed.range)
      ranges.push({ range: placed.range, className: 'source-place', current: false });
    const isPlace = placed?.ord === s.ord;
    const body = marked(s.text, ranges);
    if (s.kind === 'page')
      return (
        <section
          key={s.ord}
          className={`source-page ${isPlace ? 'is-place' : ''}`}
          aria-label={t('viewer.page', { page: s.page })}
          data-ord={s.ord}
          tabIndex={-1}
        >
          <h4 className="source-page-no">{t('viewer.page', { page: s.page })}</h4>
          <p className="source-page-text">{body}</p>
        </section>
      );
    if (s.kind === 'heading')
      return (
        <h4
          key={s.ord}
          className={`source-heading ${isPlace ? 'is-place' : ''}`}
          data-ord={s.ord}
          tabIndex={-1}
        >
          {body}
        </h4>
      );
    return (
      <p
        key={s.ord}
        className={`source-paragraph ${isPlace ? 'is-place' : ''}`}
        data-ord={s.ord}
        tabIndex={-1}
      >
        <span className="source-paragraph-no" aria-label={t('viewer.paragraph', { n: s.paragraph })}>
          {s.paragraph}
        </span>{' '}
        {body}
      </p>
    );
  };

  return (
    <section className="source-viewer" aria-label={t('viewer.section')}>
      {(doc.meta.originalUrl || doc.meta.savedAt || doc.meta.title) && (
        <dl className="fact-dl source-meta">
          {doc.meta.title && (
            <div className="fact-dl-row">
              <dt>{t('viewer.pageTitle')}</dt>
              <dd>{doc.meta.title}</dd>
            </div>
          )}
          {doc.meta.originalUrl && (
            <div className="fact-dl-row">
              <dt>{t('viewer.savedFrom')}</dt>
              <dd className="url">{doc.meta.originalUrl}</dd>
            </div>
          )}
          {doc.meta.savedAt && (
            <div className="fact-dl-row">
              <dt>{t('viewer.savedAt')}</dt>
              <dd>{f.instant(doc.meta.savedAt)}</dd>
            </div>
          )}
        </dl>
      )}
      {state === 'extracting' && status && (
        <div className="source-progress" role="status">
          <progress
            aria-label={t('state.progressLabel')}
            max={status.pagesTotal ?? undefined}
            value={status.pagesTotal ? status.pagesDone : undefined}
          />
          <span>
            {status.pagesTotal
              ? t('state.progress', { done: status.pagesDone, total: status.pagesTotal })
              : t('state.extracting')}
          </span>
          <button
            type="button"
            onClick={() =>
              void api.sources
                .cancel({ sourceId })
                .then((r) => (r.ok ? setStatus(r.value) : setError(errorSentence(r.error))))
            }
          >
            {t('state.cancel')}
          </button>
        </div>
      )}
      {(state === 'failed' || state === 'cancelled' || state === 'interrupted') && (
        <div className="source-problem">
          <p role="alert" className={state === 'failed' ? 'error' : 'muted'}>
            {state === 'failed'
              ? t('state.failed', { reason: status?.error ?? doc.error ?? '' })
              : t(`state.${state}`)}
          </p>
          {doc.format !== 'other' && (
            <button
              type="button"
              onClick={() =>
                void api.sources
                  .extract({ sourceId })
                  .then((r) => (r.ok ? (setStatus(r.value), load()) : setError(errorSentence(r.error))))
              }
            >
              {t('state.retry')}
            </button>
          )}
        </div>
      )}
      {isImage && imageUrl && (
        <img className="source-image" src={imageUrl} alt={t('viewer.image', { title })} />
      )}
      {state === 'done' && pdfPages > 0 && (
        <PdfPageView
          sourceId={sourceId}
          total={pdfPages}
          page={Math.min(shownPage, pdfPages)}
          onPage={setShownPage}
        />
      )}
      {state === 'done' && !isImage && segments.length === 0 && <p className="muted">{t('viewer.noText')}</p>}
      {segments.length > 0 && (
        <>
          <div className="source-toolbar">
            <input
              type="search"
              aria-label={t('search.label')}
              placeholder={t('search.placeholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  step(e.shiftKey ? -1 : 1);
                }
              }}
            />
            <button
              type="button"
              aria-label={t('search.previous')}
              title={t('search.previous')}
              disabled={matches.length === 0}
              onClick={() => step(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={t('search.next')}
              title={t('search.next')}
              disabled={matches.length === 0}
              onClick={() => step(1)}
            >
              ↓
            </button>
            <span className="muted" aria-live="polite">
              {query.trim().length >= 2
                ? matches.length
                  ? t('search.count', { count: matches.length })
                  : t('search.none')
                : ''}
            </span>
            <button type="button" className="primary" onMouseDown={(e) => e.preventDefault()} onClick={cite}>
              {t('cite.button')}
            </button>
          </div>
          <p className="muted source-hint">{t('cite.hint')}</p>
          {message && (
            <p role="status" className="muted">
              {message}
            </p>
          )}
          <div
            className="source-text"
            ref={textRef}
            onMouseUp={rememberSelection}
            onKeyUp={rememberSelection}
          >
            {segments.map(renderSegment)}
          </div>
        </>
      )}
      {citing && (
        <CitePassageDialog
          sourceId={sourceId}
          locator={citing.locator}
          excerpt={citing.excerpt}
          onClose={() => setCiting(null)}
          onSaved={(m) => {
            setCiting(null);
            setMessage(m);
          }}
        />
      )}
    </section>
  );
}
