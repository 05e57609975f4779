import { DESK_REFUSAL, canWrite, parseDeskDocName, type DeskUser } from '../shared/desk/names';
import type { DeskStorage } from './storage/storage';
import { normalizeDeskUserName } from '../shared/desk/userName';
import { tokenHash } from './tokens';

/**
 * A refused connection. Hocuspocus sends `reason` to the client as the permission-denied
 * reason, which the app shows in its status item.
 */
export class DeskRefusal extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'DeskRefusal';
    this.reason = reason;
  }
}

/**
 * A user as the server works with them: `name` in its one spelling (what members are told and
 * what presence is checked against), `storedAs` as the row in desk_users spells it — a user added
 * before names were normalised may differ — which the server's own records key on.
 */
export interface DeskAccount extends DeskUser {
  storedAs: string;
}

/** The user a token belongs to, or a refusal with the reason. */
export async function userForToken(
  storage: DeskStorage,
  token: string | null | undefined,
): Promise<DeskAccount> {
  if (!token) throw new DeskRefusal(DESK_REFUSAL.noToken);
  const user = await storage.userByTokenHash(tokenHash(token));
  if (!user) throw new DeskRefusal(DESK_REFUSAL.badToken);
  return { name: normalizeDeskUserName(user.name), role: user.role, storedAs: user.name };
}

/** Decides one connection to one document: who it is and whether it may write. */
export async function authenticateConnection(
  storage: DeskStorage,
  token: string | null | undefined,
  documentName: string,
): Promise<{ user: DeskAccount; readOnly: boolean }> {
  // The token first: without a valid one, not even "this document name is wrong" is said.
  const user = await userForToken(storage, token);
  if (!parseDeskDocName(documentName)) throw new DeskRefusal(DESK_REFUSAL.badDocument);
  return { user, readOnly: !canWrite(user.role) };
}
