import { useTranslation } from 'react-i18next';
import { SEARCH_KINDS, type SearchKind } from '../../../shared/contract/facts';
import { DEAL_STATUSES, QUOTE_STATUSES } from '../../../shared/domain/facts';
import { EntityPicker } from './forms/EntityPicker';
import type { PickerOption } from './forms/RecordPicker';

export interface FilterState {
  kind: SearchKind | 'all';
  status: string;
  entity: PickerOption | null;
  dateFrom: string;
  dateTo: string;
  currency: string;
  amountMin: string;
  amountMax: string;
}

export const EMPTY_FILTERS: FilterState = {
  kind: 'all',
  status: '',
  entity: null,
  dateFrom: '',
  dateTo: '',
  currency: '',
  amountMin: '',
  amountMax: '',
};

export function activeFilterCount(f: FilterState): number {
  return [f.status, f.entity, f.dateFrom, f.dateTo, f.currency, f.amountMin, f.amountMax].filter(Boolean)
    .length;
}

/** The kind switch (always shown) and the other filters (in a disclosure). */
export function KindSwitch({
  value,
  onChange,
}: {
  value: FilterState['kind'];
  onChange(kind: FilterState['kind']): void;
}) {
  const { t } = useTranslation('facts');
  const kinds: FilterState['kind'][] = ['all', ...SEARCH_KINDS];
  return (
    <div role="radiogroup" aria-label={t('filters.kind')} className="kind-switch">
      {kinds.map((k) => (
        <label key={k} className={value === k ? 'is-on' : ''}>
          <input type="radio" name="fact-kind" checked={value === k} onChange={() => onChange(k)} />
          {t(`filters.kinds.${k}`)}
        </label>
      ))}
    </div>
  );
}

export function MoreFilters({
  value,
  onChange,
  errors,
}: {
  value: FilterState;
  onChange(patch: Partial<FilterState>): void;
  errors: Partial<Record<keyof FilterState, string>>;
}) {
  const { t } = useTranslation('facts');
  const statuses = [
    ...DEAL_STATUSES.map((s) => ['deal', s] as const),
    ...QUOTE_STATUSES.map((s) => ['quote', s] as const),
  ];
  return (
    <div className="more-filters">
      <label>
        {t('filters.status')}
        <select value={value.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">{t('filters.any')}</option>
          {statuses.map(([type, s]) => (
            <option key={s} value={s}>
              {t(type === 'deal' ? `dealStatus.${s}` : `quoteStatus.${s}`)} ({t(`type.${type}`)})
            </option>
          ))}
        </select>
      </label>
      <div className="filter-entity">
        <label htmlFor="facts-filter-entity">{t('filters.entity')}</label>
        <EntityPicker
          id="facts-filter-entity"
          value={value.entity}
          onChange={(entity) => onChange({ entity })}
        />
      </div>
      <label>
        {t('filters.dateFrom')}
        <input
          value={value.dateFrom}
          placeholder={t('form.datePlaceholder')}
          aria-invalid={errors.dateFrom ? true : undefined}
          onChange={(e) => onChange({ dateFrom: e.target.value })}
        />
      </label>
      <label>
        {t('filters.dateTo')}
        <input
          value={value.dateTo}
          placeholder={t('form.datePlaceholder')}
          aria-invalid={errors.dateTo ? true : undefined}
          onChange={(e) => onChange({ dateTo: e.target.value })}
        />
      </label>
      <label>
        {t('filters.currency')}
        <input
          value={value.currency}
          maxLength={3}
          aria-invalid={errors.currency ? true : undefined}
          onChange={(e) => onChange({ currency: e.target.value.toUpperCase() })}
        />
      </label>
      <label>
        {t('filters.amountMin')}
        <input
          value={value.amountMin}
          inputMode="decimal"
          aria-invalid={errors.amountMin ? true : undefined}
          onChange={(e) => onChange({ amountMin: e.target.value })}
        />
      </label>
      <label>
        {t('filters.amountMax')}
        <input
          value={value.amountMax}
          inputMode="decimal"
          aria-invalid={errors.amountMax ? true : undefined}
          onChange={(e) => onChange({ amountMax: e.target.value })}
        />
      </label>
      {Object.values(errors).some(Boolean) && (
        <p className="field-error filter-errors">{Object.values(errors).filter(Boolean).join(' ')}</p>
      )}
      <button type="button" onClick={() => onChange({ ...EMPTY_FILTERS, kind: value.kind })}>
        {t('filters.clear')}
      </button>
    </div>
  );
}
