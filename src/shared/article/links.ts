/**
 * Link targets the desk lets through to exports and imports. Anything else (javascript:, data:,
 * file:, relative paths from foreign documents) would either run code in a reader or point at
 * nothing once the article leaves the machine.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function allowedLinkUrl(raw: string): string | null {
  const url = raw.trim();
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
  if (!scheme || !ALLOWED_SCHEMES.has(scheme)) return null;
  if (scheme === 'mailto:') return url.length > 'mailto:'.length ? url : null;
  // http(s) needs a host; "https:foo" is not a usable link.
  return /^https?:\/\/[^\s/?#]+/i.test(url) && !/\s/.test(url) ? url : null;
}
