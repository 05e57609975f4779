import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmountPrecision } from '../../../shared/domain/facts';
import { formatDealAmount, type AmountLanguage } from '../../../shared/facts/amount';

export interface Formatters {
  lang: AmountLanguage;
  amount(deal: {
    amountMinor: number | null;
    amountMaxMinor: number | null;
    currency: string | null;
    precision: AmountPrecision;
  }): string;
  date(iso: string | null): string;
  period(from: string | null, to: string | null): string;
  instant(iso: string): string;
}

// One pair of date formats per language for the whole renderer: every result row asks for
// them, and creating an Intl.DateTimeFormat costs a hundred times what formatting does. Each is
// made on first use, not when a panel mounts: the first one loads the locale's data (≈ 15–30 ms),
// which the facts panel's first render paid during a cold start without showing a single date.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: AmountLanguage, kind: 'date' | 'instant'): Intl.DateTimeFormat {
  const key = `${lang} ${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    const locale = lang === 'de' ? 'de-DE' : 'en-GB';
    format =
      kind === 'date'
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(key, format);
  }
  return format;
}

/** Amounts and dates in the UI language: 5.000.000 € (de), €5,000,000 (en). */
export function useFormat(): Formatters {
  const { t, i18n } = useTranslation('facts');
  const lang: AmountLanguage = i18n.language.startsWith('de') ? 'de' : 'en';
  return useMemo(() => {
    const date = (iso: string | null) =>
      iso ? dateFormat(lang, 'date').format(new Date(`${iso}T00:00:00Z`)) : '';
    return {
      lang,
      amount: (deal) =>
        formatDealAmount(deal, lang, {
          undisclosed: t('amount.undisclosed'),
          approximately: t('amount.approximately'),
          atLeast: t('amount.atLeast'),
          atMost: t('amount.atMost'),
        }),
      date,
      period: (from, to) => {
        if (from && to) return from === to ? date(from) : `${date(from)} – ${date(to)}`;
        if (from) return t('period.since', { date: date(from) });
        if (to) return t('period.until', { date: date(to) });
        return '';
      },
      instant: (iso) => dateFormat(lang, 'instant').format(new Date(iso)),
    };
  }, [lang, t]);
}
