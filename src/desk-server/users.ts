import { DESK_ROLES, isDeskRole, type DeskRole } from '../shared/desk/names';
import type { DeskStorage } from './storage/storage';
import { newDeskToken, tokenHash } from './tokens';

/** A problem with what the admin typed, worded for the CLI. */
export class DeskUserInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeskUserInputError';
  }
}

/** Names appear in carets, the audit log and history: printable, one line, not too long. */
export function checkUserName(name: string): string {
  const trimmed = name.trim();
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
  if (!(await storage.addUser(cleanName, cleanRole, tokenHash(token)))) {
    throw new DeskUserInputError(
      `a user named "${cleanName}" already exists; revoke them first to issue a new token`,
    );
  }
  return { name: cleanName, role: cleanRole, token };
}

export async function revokeDeskUser(storage: DeskStorage, name: string): Promise<void> {
  const cleanName = checkUserName(name);
  if (!(await storage.revokeUser(cleanName)))
    throw new DeskUserInputError(`no active user named "${cleanName}"`);
}
