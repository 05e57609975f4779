/** A stretch of text a pattern list found (a date, a count, a ranking), with a number where it has one. */
export interface FoundSpan {
  start: number;
  end: number;
  value?: number;
}
