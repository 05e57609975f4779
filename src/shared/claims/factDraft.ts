import type { ArticleLanguage } from '../domain/articles';
import type { AmountPrecision } from '../domain/facts';
import { amountToInput } from '../facts/amount';
import { parseAmounts } from '../language/amounts';
import { findAttribution } from '../detect/find-attribution';
import type { ClaimContext } from './context';
import { quoteInContext } from './quoteSpan';

export interface QuoteFromClaim {
  wording: string;
  language: ArticleLanguage;
  /** The name the text attributes the quote to, to look the speaker up by. */
  speakerName: string | null;
}

export interface DealFromClaim {
  subject: string;
  /** The amount as the deal form's field takes it ("7.000.000" in German), or "" when the claim names none. */
  amount: string;
  currency: string | null;
  precision: AmountPrecision;
}

const MAX_SUBJECT = 500;

/** A new quote's fields from a quote claim: the words inside the quotation marks and the speaker named with them. */
export function quoteFromClaim(context: ClaimContext, lang: ArticleLanguage): QuoteFromClaim {
  const span = quoteInContext(context, lang);
  const wording = span.wording.replace(/[,.]\s*$/, (m) => (m.startsWith('.') ? '.' : '')).trim();
  const attribution = findAttribution(context.text, span.start, span.end, lang);
  return { wording, language: lang, speakerName: attribution?.name ?? null };
}

/**
 * A new deal's fields from an amount claim: the sentence as the subject to edit down, and the
 * first amount with its currency and precision ("rund sieben Millionen Euro" → 7.000.000, EUR, approximately).
 */
export function dealFromClaim(context: ClaimContext, lang: ArticleLanguage): DealFromClaim {
  const marked = context.text.slice(context.start, context.end);
  const subject = (context.text.trim() || marked).slice(0, MAX_SUBJECT);
  const parsed = parseAmounts(marked, lang)[0] ?? parseAmounts(context.text, lang)[0];
  if (!parsed) return { subject, amount: '', currency: null, precision: 'exact' };
  const currency = parsed.currency ?? 'EUR';
  const precision: AmountPrecision = parsed.precision;
  return {
    subject,
    amount: amountToInput(Math.round(parsed.value * 100), currency, lang),
    currency: parsed.currency,
    precision,
  };
}
