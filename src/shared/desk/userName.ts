/**
 * A desk user's name in one spelling. The same name typed on two machines can differ in bytes —
 * "é" as one code point or as "e" plus a combining accent, a doubled or trailing space — and the
 * desk compares names to decide who someone is (tokens, presence, the change log's authors).
 */
export function normalizeDeskUserName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** True when two spellings are the same desk user's name. */
export function sameDeskUserName(a: string, b: string): boolean {
  return normalizeDeskUserName(a) === normalizeDeskUserName(b);
}
