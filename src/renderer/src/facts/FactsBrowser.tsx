import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactStats, SearchHit, SearchInput, SearchResult } from '../../../shared/contract/facts';
import { isRealIsoDate } from '../../../shared/domain/facts';
import { isKnownCurrency, parseAmountInput } from '../../../shared/facts/amount';
import { api } from '../bridge';
import { EmptyState } from '../components/EmptyState';
import { useFactsChanged } from './events';
import { FactDetail } from './FactDetail';
import { download } from './files';
import { useFormat } from './format';
import { DealForm } from './forms/DealForm';
import { EntityForm } from './forms/EntityForm';
import { QuoteForm } from './forms/QuoteForm';
import { SourceForm } from './forms/SourceForm';
import { latestOnly } from './latestOnly';
import { useOpenSourceRequests } from '../sources/openSource';
import { AddSourceFileDialog } from '../sources/AddSourceFileDialog';
import { MenuButton } from './MenuButton';
import { PackImportDialog } from './PackImportDialog';
import { ShareWithDeskDialog } from './ShareWithDeskDialog';
import { ResultList } from './ResultList';
import { activeFilterCount, EMPTY_FILTERS, KindSwitch, MoreFilters, type FilterState } from './SearchFilters';
import type { FactTarget } from './types';
import '../styles/facts.css';
import { errorSentence } from '../errors/errorSentence';

export interface BrowserState {
  query: string;
  filters: FilterState;
  target: FactTarget | null;
}

type FormKind = 'deal' | 'quote' | 'entity' | 'source' | 'source-file';

function toSearchInput(query: string, f: FilterState, lang: 'de' | 'en') {
  const errors: Partial<Record<keyof FilterState, string>> = {};
  const input: SearchInput = { query, typing: true, limit: 100 };
  if (f.kind !== 'all') input.kinds = [f.kind];
  if (f.status) input.status = f.status as SearchInput['status'];
  if (f.entity) input.entityId = f.entity.id;
  for (const key of ['dateFrom', 'dateTo'] as const) {
    const v = f[key].trim();
    if (!v) continue;
    if (isRealIsoDate(v)) input[key] = v;
    else errors[key] = 'YYYY-MM-DD';
  }
  const cur = f.currency.trim();
  if (cur) {
    if (isKnownCurrency(cur)) input.currency = cur;
    else errors.currency = 'ISO 4217';
  }
  for (const [key, field] of [
    ['amountMin', 'amountMin'],
    ['amountMax', 'amountMax'],
  ] as const) {
    const v = f[key].trim();
    if (!v) continue;
    const parsed = parseAmountInput(v, isKnownCurrency(cur) ? cur : 'EUR', lang);
    if (parsed.ok) input[field] = parsed.minor;
    else errors[key] = parsed.message;
  }
  return { input, errors };
}

/**
 * The fact store's one search box with its results and the record opened from them. In the
 * side panel the detail replaces the list (Back returns); in the full view they sit side by side.
 */
export function FactsBrowser({
  mode,
  initial,
  onExpand,
}: {
  mode: 'panel' | 'full';
  initial?: BrowserState;
  onExpand?(state: BrowserState): void;
}) {
  const { t } = useTranslation('facts');
  const { lang } = useFormat();
  const [query, setQuery] = useState(initial?.query ?? '');
  const [sharing, setSharing] = useState(false);
  const [filters, setFilters] = useState<FilterState>(initial?.filters ?? EMPTY_FILTERS);
  const [showFilters, setShowFilters] = useState(false);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [history, setHistory] = useState<FactTarget[]>(initial?.target ? [initial.target] : []);
  const [stats, setStats] = useState<FactStats | null>(null);
  const [form, setForm] = useState<FormKind | null>(null);
  const [pack, setPack] = useState<'file' | 'sample' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [searching, setSearching] = useState(false);
  const searcher = useMemo(() => latestOnly((i: SearchInput) => api.facts.search(i)), []);
  useEffect(() => () => searcher.cancel(), [searcher]);
  const target = history[history.length - 1] ?? null;

  const { input, errors: filterErrors } = useMemo(
    () => toSearchInput(query, filters, lang),
    [query, filters, lang],
  );

  // Each keystroke asks at once; latestOnly keeps one call in flight and drops stale ones.
  const runSearch = useCallback(() => {
    setSearching(true);
    searcher.request(input, (r) => {
      setSearching(false);
      if (r.ok) {
        setResult(r.value);
        setSearchError(null);
      } else setSearchError(errorSentence(r.error));
    });
  }, [input, searcher]);

  useEffect(runSearch, [runSearch]);

  useEffect(() => setActive(-1), [input]);

  const loadStats = useCallback(() => void api.facts.stats({}).then((r) => r.ok && setStats(r.value)), []);
  useEffect(loadStats, [loadStats]);
  useFactsChanged(() => {
    loadStats();
    runSearch();
  });

  const open = useCallback((next: FactTarget) => setHistory((h) => [...h, next]), []);
  // The claims panel and the report open sources here, at the cited place (only one browser takes each request).
  useOpenSourceRequests((place) => {
    if (mode === 'panel')
      open({ type: 'source', id: place.sourceId, place: { locator: place.locator, excerpt: place.excerpt } });
  });
  const openHit = useCallback((hit: SearchHit) => open({ type: hit.type, id: hit.id }), [open]);
  const leaveList = useCallback(() => {
    setActive(-1);
    searchRef.current?.focus();
  }, []);
  const back = () => {
    setHistory((h) => h.slice(0, -1));
    window.setTimeout(() => listRef.current?.focus(), 0);
  };
  const saved = (type: FactTarget['type']) => (id: string) => {
    setForm(null);
    open({ type, id });
  };

  const exportPack = async () => {
    const r = await api.facts.exportPack({});
    if (!r.ok) return setMessage(errorSentence(r.error));
    download(
      `factpack-${new Date().toISOString().slice(0, 10)}.json`,
      `${JSON.stringify(r.value, null, 2)}\n`,
      'application/json',
    );
    setMessage(
      t('pack.exported', {
        count:
          r.value.deals.length + r.value.quotes.length + r.value.entities.length + r.value.sources.length,
      }),
    );
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && result?.hits.length) {
      e.preventDefault();
      setActive(0);
      listRef.current?.focus();
    } else if (e.key === 'Enter' && result?.hits.length) {
      e.preventDefault();
      open({ type: result.hits[Math.max(0, active)].type, id: result.hits[Math.max(0, active)].id });
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  const empty = stats !== null && stats.entities + stats.deals + stats.quotes + stats.sources === 0;
  const filterCount = activeFilterCount(filters);
  const showDetail = target !== null;
  const showList = mode === 'full' || !showDetail;

  const toolbar = (
    <div className="facts-toolbar">
      <MenuButton
        label={t('new.menu')}
        items={[
          { label: t('new.deal'), onSelect: () => setForm('deal') },
          { label: t('new.quote'), onSelect: () => setForm('quote') },
          { label: t('new.entity'), onSelect: () => setForm('entity') },
          { label: t('new.source'), onSelect: () => setForm('source') },
          { label: t('new.sourceFile'), onSelect: () => setForm('source-file') },
        ]}
      />
      <MenuButton
        label={t('packMenu')}
        items={[
          { label: t('pack.import'), onSelect: () => setPack('file') },
          { label: t('pack.export'), onSelect: () => void exportPack() },
          { label: t('pack.loadSample'), onSelect: () => setPack('sample') },
          { label: t('desk.shareMenu'), onSelect: () => setSharing(true) },
        ]}
      />
      {onExpand && (
        <button
          type="button"
          onClick={() => onExpand({ query, filters, target })}
          aria-label={t('fullView.open')}
          title={t('fullView.open')}
        >
          <span aria-hidden="true">⤢</span>
        </button>
      )}
    </div>
  );

  return (
    <div className={`facts-browser mode-${mode} ${showDetail ? 'has-detail' : ''}`}>
      {toolbar}
      {message && (
        <p role="status" className="facts-message">
          {message}{' '}
          <button
            type="button"
            className="icon-button"
            aria-label={t('dismiss')}
            onClick={() => setMessage(null)}
          >
            ×
          </button>
        </p>
      )}
      <div className="facts-columns">
        {showList && (
          <section className="facts-list-pane" aria-label={t('searchSection')} aria-busy={searching}>
            <div className="facts-search">
              <input
                ref={searchRef}
                type="search"
                aria-label={t('search')}
                placeholder={t('searchPlaceholder')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                onKeyDown={onSearchKey}
              />
              <KindSwitch value={filters.kind} onChange={(kind) => setFilters((f) => ({ ...f, kind }))} />
              <button
                type="button"
                className="filter-toggle"
                aria-expanded={showFilters}
                onClick={() => setShowFilters((s) => !s)}
              >
                {filterCount ? t('filters.toggleCount', { count: filterCount }) : t('filters.toggle')}
              </button>
              {showFilters && (
                <MoreFilters
                  value={filters}
                  errors={filterErrors}
                  onChange={(patch) => setFilters((f) => ({ ...f, ...patch }))}
                />
              )}
            </div>
            {searchError && (
              <p role="alert" className="error">
                {searchError}
              </p>
            )}
            {empty && !query ? (
              <EmptyState title={t('empty.title')} body={t('empty.body')}>
                <div className="empty-actions">
                  <button type="button" className="primary" onClick={() => setPack('sample')}>
                    {t('pack.loadSample')}
                  </button>
                  <button type="button" onClick={() => setPack('file')}>
                    {t('pack.import')}
                  </button>
                </div>
              </EmptyState>
            ) : result && result.hits.length === 0 ? (
              <p className="muted facts-none" role="status">
                {query ? t('noResults', { query }) : t('noRecords')}
              </p>
            ) : result ? (
              <>
                <ResultList
                  ref={listRef}
                  hits={result.hits}
                  activeIndex={active}
                  onActivate={setActive}
                  onOpen={openHit}
                  onLeaveTop={leaveList}
                />
                <p className="muted facts-count" aria-live="polite">
                  {result.truncated
                    ? t('countMore', { count: result.hits.length })
                    : t('count', { count: result.hits.length })}
                </p>
              </>
            ) : null}
          </section>
        )}
        {showDetail && (
          <section
            className="facts-detail-pane"
            aria-label={t('detailSection')}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && mode === 'panel' && !(e.target as HTMLElement).closest('dialog')) {
                e.preventDefault();
                back();
              }
            }}
          >
            <button type="button" className="back-button" onClick={back}>
              ← {history.length > 1 ? t('back') : t('backToResults')}
            </button>
            <FactDetail
              target={target}
              open={open}
              onDeleted={() => setHistory((h) => h.slice(0, -1))}
              onShowFacts={(entity, kind) => {
                setFilters({ ...EMPTY_FILTERS, kind, entity: { id: entity.id, label: entity.name } });
                setShowFilters(true);
                setQuery('');
                setHistory([]);
              }}
            />
          </section>
        )}
      </div>
      {form === 'deal' && <DealForm onClose={() => setForm(null)} onSaved={saved('deal')} />}
      {form === 'quote' && <QuoteForm onClose={() => setForm(null)} onSaved={saved('quote')} />}
      {form === 'entity' && <EntityForm onClose={() => setForm(null)} onSaved={saved('entity')} />}
      {form === 'source' && <SourceForm onClose={() => setForm(null)} onSaved={saved('source')} />}
      {form === 'source-file' && (
        <AddSourceFileDialog onClose={() => setForm(null)} onAdded={saved('source')} />
      )}
      {pack && <PackImportDialog origin={{ kind: pack }} onClose={() => setPack(null)} />}
      {sharing && <ShareWithDeskDialog onClose={() => setSharing(false)} />}
    </div>
  );
}
