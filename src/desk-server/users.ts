import { DESK_ROLES, isDeskRole, type DeskRole } from '../shared/desk/names';
import type { DeskStorage, DeskUserRecord } from './storage/storage';
import { normalizeDeskUserName } from '../shared/desk/userName';
import { newDeskToken, tokenHash } from './tokens';

/** A problem with what the admin typed, worded for the CLI. */
export class DeskUserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeskUserInputError';
  }
}

/**
 * Names appear in carets, the audit log and history: printable, one line, not too long, and in
 * one spelling (shared/desk/userName.ts), so "José" typed on a Mac and on Windows is one user.
 */
export function checkUserName(name: string): string {
  const trimmed = normalizeDeskUserName(name);
  if (!trimmed) throw new DeskUserInputError('name must not be empty');
  if (trimmed.length > 80) throw new DeskUserInputError('name must be at most 80 characters');
  if (/[\p{Cc}\p{Cf}]/u.test(trimmed))
    throw new DeskUserInputError('name must not contain control characters');
  return trimmed;
}

export function checkRole(role: string): DeskRole {
  if (!isDeskRole(role))
    throw new DeskUserInputError(`role must be one of ${DESK_ROLES.join(', ')} (got "${role}")`);
  return role;
}

/** Adds a user and returns their token, the only time it exists in clear. */
export async function addDeskUser(
  storage: DeskStorage,
  name: string,
  role: string = 'editor',
): Promise<{ name: string; role: DeskRole; token: string }> {
  const cleanName = checkUserName(name);
  const cleanRole = checkRole(role);
  const token = newDeskToken();
  // A user added before names were normalised keeps the row (and the spelling) it has.
  const rows = await storedSpellings(storage, cleanName);
  if (rows.some((row) => row.revokedAt === null)) {
    throw new DeskUserInputError(
      `a user named "${cleanName}" already exists; revoke them first to issue a new token`,
    );
  }
  if (!(await storage.addUser(rows[0]?.name ?? cleanName, cleanRole, tokenHash(token)))) {
    throw new DeskUserInputError(
      `a user named "${cleanName}" already exists; revoke them first to issue a new token`,
    );
  }
  return { name: cleanName, role: cleanRole, token };
}

export async function revokeDeskUser(storage: DeskStorage, name: string): Promise<void> {
  const cleanName = checkUserName(name);
  let revoked = false;
  // Every active row that spells this name: they all look like the same person to the members.
  for (const row of await storedSpellings(storage, cleanName))
    if (row.revokedAt === null && (await storage.revokeUser(row.name))) revoked = true;
  if (!revoked) throw new DeskUserInputError(`no active user named "${cleanName}"`);
}

/** The rows in desk_users whose name is this one in another (older, non-normalised) spelling or this one. */
async function storedSpellings(storage: DeskStorage, cleanName: string): Promise<DeskUserRecord[]> {
  return (await storage.listUsers()).filter((row) => normalizeDeskUserName(row.name) === cleanName);
}
