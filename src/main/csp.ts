/**
 * One policy for both shells. No remote origin appears anywhere but the configured desk server
 * (its ws:// or wss:// origin, for connect-src only); inline style attributes stay allowed
 * because the editor positions popovers with them, but scripts never run inline.
 */
export function contentSecurityPolicy(deskOrigin: string | null = null): string {
  const connect =
    deskOrigin && /^wss?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(deskOrigin)
      ? `connect-src 'self' ${deskOrigin}`
      : "connect-src 'self'";
  return POLICY.map((d) => (d === "connect-src 'self'" ? connect : d)).join('; ');
}

const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "object-src 'none'",
];

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);
