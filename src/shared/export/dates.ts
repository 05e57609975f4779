/** An ISO 8601 instant as xs:dateTime, or null when the value is not a parseable date. */
export function toXsdDateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The calendar day (YYYY-MM-DD, UTC) of an instant, or null. */
export function toIsoDay(value: string | null | undefined): string | null {
  return toXsdDateTime(value)?.slice(0, 10) ?? null;
}
