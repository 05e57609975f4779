import type { DeskConfig } from '../shared/contract/desk';
import { readSettings, writeSettings } from './settings';
import type { Db } from './db';
import { normalizeDeskUserName } from '../shared/desk/userName';

/** The desk settings live in the settings table under these keys. */
const KEYS = { url: 'desk.url', token: 'desk.token', enabled: 'desk.enabled', user: 'desk.user' } as const;

function isDeskUser(value: unknown): value is NonNullable<DeskConfig['user']> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === 'string' &&
    v.name !== '' &&
    (v.role === 'editor' || v.role === 'checker' || v.role === 'viewer')
  );
}

export function readDeskConfig(db: Db): DeskConfig {
  const raw = readSettings(db);
  const user = raw[KEYS.user];
  const url = typeof raw[KEYS.url] === 'string' && raw[KEYS.url] !== '' ? (raw[KEYS.url] as string) : null;
  const token =
    typeof raw[KEYS.token] === 'string' && raw[KEYS.token] !== '' ? (raw[KEYS.token] as string) : null;
  return {
    url,
    token,
    enabled: url !== null && token !== null && raw[KEYS.enabled] !== false,
    // Kept by an older version as the desk spelled it then; compared with the desk's names in one spelling.
    user: isDeskUser(user) ? { name: normalizeDeskUserName(user.name), role: user.role } : null,
  };
}

/** A new address or token forgets who the old one belonged to; the desk tells again on connect. */
export function writeDeskConnection(db: Db, url: string, token: string): DeskConfig {
  const current = readDeskConfig(db);
  const same = current.url === url && current.token === token;
  writeSettings(db, {
    [KEYS.url]: url,
    [KEYS.token]: token,
    [KEYS.enabled]: true,
    ...(same ? {} : { [KEYS.user]: null }),
  });
  return readDeskConfig(db);
}

export function writeDeskEnabled(db: Db, enabled: boolean): DeskConfig {
  writeSettings(db, { [KEYS.enabled]: enabled });
  return readDeskConfig(db);
}

export function writeDeskUser(db: Db, user: NonNullable<DeskConfig['user']>): DeskConfig {
  writeSettings(db, { [KEYS.user]: user });
  return readDeskConfig(db);
}

/** The origin the CSP and the Electron request filter let through: the configured desk, else none. */
export function deskOrigin(db: Db): string | null {
  const { url } = readDeskConfig(db);
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'ws:' || parsed.protocol === 'wss:'
      ? `${parsed.protocol}//${parsed.host}`
      : null;
  } catch {
    return null;
  }
}

const MEMBER_KEY = 'desk.memberId';

/**
 * The random id this local store reports its mirrored fact documents under (change-log pruning,
 * docs/desk-facts.md): made once, kept with the store, so a restored backup of it is the same member.
 */
export function deskMemberId(db: Db, make: () => string): string {
  const current = readSettings(db)[MEMBER_KEY];
  if (typeof current === 'string' && current !== '') return current;
  const id = make();
  writeSettings(db, { [MEMBER_KEY]: id });
  return id;
}
