import { isRealIsoDate } from '../../../../shared/domain/facts';

/** Form text to a record value: surrounding space dropped, empty becomes null. */
export const orNull = (v: string): string | null => (v.trim() ? v.trim() : null);

/** The same rule the contract applies, checked before sending so the field can say so at once. */
export function dateProblem(v: string): string | null {
  return v.trim() && !isRealIsoDate(v.trim()) ? 'must be a real date (YYYY-MM-DD)' : null;
}
