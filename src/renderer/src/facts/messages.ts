import type { TFunction } from 'i18next';

// Validation messages come from shared code in English ("must be a number"); the ones a form
// can show are translated here by key, anything else is shown as it came.
const KEYS: Record<string, string> = {
  'must be a number': 'notANumber',
  'must be a number (check the thousands separators)': 'thousandsSeparators',
  'must be an ISO 4217 currency code such as EUR': 'currencyCode',
  'must differ from the payer (payer and payee must differ)': 'payerPayeeDiffer',
  'must be a real date (YYYY-MM-DD)': 'realDate',
  'must not be empty': 'notEmpty',
  'must not be before the start date': 'notBeforeStart',
  'must be empty when the amount is undisclosed': 'emptyWhenUndisclosed',
  'must be a number for a range': 'numberForRange',
  'must not be below the lower amount': 'notBelowLower',
  'is only used when the precision is a range': 'onlyForRange',
  'must be a language code such as de or en': 'languageCode',
  'must be a web address starting with http:// or https://': 'webAddress',
  'must not be negative': 'notNegative',
  'is too large': 'tooLarge',
  'must be chosen': 'mustBeChosen',
  'must be a media outlet or broadcaster, not a person': 'reporterKind',
};

export function localizeMessage(t: TFunction, message: string): string {
  const key = KEYS[message];
  return key ? t(`facts:messages.${key}`) : message;
}
