import { forwardRef, memo, useEffect, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SearchHit } from '../../../shared/contract/facts';
import { useFormat, type Formatters } from './format';
import { Highlighted } from './Highlighted';

interface Props {
  hits: SearchHit[];
  activeIndex: number;
  onActivate(index: number): void;
  onOpen(hit: SearchHit): void;
  /** Up from the first result goes back to the search box. */
  onLeaveTop(): void;
}

/**
 * Status, kind and date words of a hit, in the UI language; the link dialog shows hits alike.
 * Takes t and the formatters from the list: a hook per row cost more than the row itself.
 */
export function HitMetaWords({ hit, t, f }: { hit: SearchHit; t: TFunction<'facts'>; f: Formatters }) {
  const m = hit.meta;
  const parts: string[] = [];
  if (m.type === 'deal') {
    if (m.payer || m.payee) parts.push([m.payer ?? '?', m.payee ?? '?'].join(' → '));
    parts.push(f.amount(m));
    const period = f.period(m.dateFrom, m.dateTo);
    if (period) parts.push(period);
    parts.push(t(`dealStatus.${m.status}`));
  } else if (m.type === 'quote') {
    parts.push(m.speaker);
    if (m.date) parts.push(f.date(m.date));
    parts.push(m.language.toUpperCase(), t(`quoteStatus.${m.status}`));
  } else if (m.type === 'entity') {
    parts.push(t(`entityKind.${m.kind}`));
  } else {
    if (m.publisher) parts.push(m.publisher);
    if (m.publishedAt) parts.push(f.date(m.publishedAt));
    if (m.hasFile) parts.push(t('file.attachedShort'));
    if (m.passage) parts.push(m.passage.locator);
  }
  return <span className="hit-meta">{parts.join(' · ')}</span>;
}

/**
 * Search results as a listbox: arrows move, Enter opens, Home/End jump. Memoised: while a
 * search is in flight the box re-renders on every key, and a hundred results need not.
 */
export const ResultList = memo(
  forwardRef<HTMLDivElement, Props>(function ResultList(
    { hits, activeIndex, onActivate, onOpen, onLeaveTop },
    ref,
  ) {
    const { t } = useTranslation('facts');
    const f = useFormat();
    const optionId = (hit: SearchHit) => `fact-hit-${hit.type}-${hit.id}`;
    const active = hits[activeIndex];

    useEffect(() => {
      if (active) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    }, [active]);

    const onKeyDown = (e: KeyboardEvent) => {
      if (hits.length === 0) return;
      if (e.key === 'ArrowDown') onActivate(Math.min(hits.length - 1, activeIndex + 1));
      else if (e.key === 'ArrowUp') {
        if (activeIndex <= 0) onLeaveTop();
        else onActivate(activeIndex - 1);
      } else if (e.key === 'Home') onActivate(0);
      else if (e.key === 'End') onActivate(hits.length - 1);
      else if (e.key === 'Enter' && active) onOpen(active);
      else return;
      e.preventDefault();
    };

    return (
      <div
        ref={ref}
        role="listbox"
        aria-label={t('results')}
        tabIndex={0}
        className="fact-results"
        aria-activedescendant={active ? optionId(active) : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (activeIndex < 0 && hits.length) onActivate(0);
        }}
      >
        {hits.map((hit, i) => (
          <div
            key={`${hit.type}:${hit.id}`}
            id={optionId(hit)}
            role="option"
            aria-selected={i === activeIndex}
            className={`fact-hit hit-${hit.type} ${i === activeIndex ? 'is-active' : ''}`}
            onClick={() => {
              onActivate(i);
              onOpen(hit);
            }}
          >
            <span className="hit-head">
              <span className="fact-type">{t(`type.${hit.type}`)}</span>
              {hit.unsourced && <span className="fact-badge badge-unsourced">{t('unsourced')}</span>}
            </span>
            <span className={`hit-title ${hit.type === 'quote' ? 'is-quote' : ''}`}>
              <Highlighted segments={hit.title} />
            </span>
            {hit.detail && (
              <span className="hit-detail">
                <Highlighted segments={hit.detail} />
              </span>
            )}
            <HitMetaWords hit={hit} t={t} f={f} />
          </div>
        ))}
      </div>
    );
  }),
);
