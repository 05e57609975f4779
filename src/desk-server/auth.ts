import { DESK_REFUSAL, canWrite, parseDeskDocName, type DeskUser } from '../shared/desk/names';
import type { DeskStorage } from './storage/storage';
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

/** The user a token belongs to, or a refusal with the reason. */
export async function userForToken(
  storage: DeskStorage,
  token: string | null | undefined,
): Promise<DeskUser> {
  if (!token) throw new DeskRefusal(DESK_REFUSAL.noToken);
  const user = await storage.userByTokenHash(tokenHash(token));
  if (!user) throw new DeskRefusal(DESK_REFUSAL.badToken);
  return user;
}

/** Decides one connection to one document: who it is and whether it may write. */
export async function authenticateConnection(
  storage: DeskStorage,
  token: string | null | undefined,
  documentName: string,
): Promise<{ user: DeskUser; readOnly: boolean }> {
  // The token first: without a valid one, not even "this document name is wrong" is said.
  const user = await userForToken(storage, token);
  if (!parseDeskDocName(documentName)) throw new DeskRefusal(DESK_REFUSAL.badDocument);
  return { user, readOnly: !canWrite(user.role) };
}
