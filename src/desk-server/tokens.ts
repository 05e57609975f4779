import { createHash, randomBytes } from 'node:crypto';

/** A new desk token: shown to the admin once, never stored in clear. */
export function newDeskToken(): string {
  return `fdk_${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What the server stores and looks tokens up by. */
export function tokenHash(token: string): string {
  return sha256Hex(token);
}
