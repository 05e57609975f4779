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
// them, and creating an Intl.DateTimeFormat costs a hundred times what formatting does.
const dateFormats = new Map<AmountLanguage, { date: Intl.DateTimeFormat; instant: Intl.DateTimeFormat }>();
function dateFormatsFor(lang: AmountLanguage) {
  let formats = dateFormats.get(lang);
  if (!formats) {
    const locale = lang === 'de' ? 'de-DE' : 'en-GB';
    formats = {
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
      instant: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    };
    dateFormats.set(lang, formats);
  }
  return formats;
}

/** Amounts and dates in the UI language: 5.000.000 € (de), €5,000,000 (en). */
export function useFormat(): Formatters {
  const { t, i18n } = useTranslation('facts');
  const lang: AmountLanguage = i18n.language.startsWith('de') ? 'de' : 'en';
  return useMemo(() => {
    const { date: dateFmt, instant: instantFmt } = dateFormatsFor(lang);
    const date = (iso: string | null) => (iso ? dateFmt.format(new Date(`${iso}T00:00:00Z`)) : '');
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
      instant: (iso) => instantFmt.format(new Date(iso)),
    };
  }, [lang, t]);
}
