export type { Warning, WarningSeverity } from './warning';
export {
  compareQuote,
  MAX_MINOR_WORD_CHANGES,
  MAX_MINOR_WORD_CHANGE_SHARE,
  type DiffPart,
  type QuoteComparison,
  type QuoteVerdict,
} from './quoteIntegrity';
export { checkSpeaker, type SpeakerCheckInput } from './speaker';
export {
  compareAmount,
  roundingTolerance,
  APPROXIMATE_TOLERANCE,
  MAX_ROUNDING_SHARE,
  type AmountComparison,
  type AmountVerdict,
} from './amountMatch';
export { checkHedging } from './hedging';

// The language helpers the checks are built on, for callers that find claims in text.
export {
  parseAmounts,
  formatAmountMinor,
  parseDigitNumber,
  parseNumberWord,
  type ParsedAmount,
  type AmountPrecisionInText,
  type TextLanguage,
} from '../language/amounts';
export { findHedges, type Hedge, type HedgeKind } from '../language/hedges';
export { normalizeQuoteText } from '../language/quotes';
export { findAttribution, type Attribution } from '../detect/find-attribution';
export {
  findRoleTerm,
  findRoleTerms,
  roleKeyOf,
  roleSatisfiedBy,
  ROLE_KEYS,
  type RoleKey,
  type RoleMention,
} from '../language/roles';
export { foldForMatch } from '../language/fold';
