import { isDeskRole, type DeskUser } from './names';
import { normalizeDeskUserName } from './userName';

/**
 * The desk tells each connection whose token it used, as a stateless message right after the
 * connection is authenticated: the app has only the token, and revisions, claim histories and
 * carets must carry the name the desk knows the person by.
 */
export const DESK_WHOAMI_TYPE = 'desk:user';

export function whoamiMessage(user: DeskUser): string {
  return JSON.stringify({ type: DESK_WHOAMI_TYPE, user: { name: user.name, role: user.role } });
}

/** The user in a stateless payload, or null for any other message (or junk). */
export function parseWhoami(payload: string): DeskUser | null {
  try {
    const value = JSON.parse(payload) as { type?: unknown; user?: { name?: unknown; role?: unknown } };
    if (value.type !== DESK_WHOAMI_TYPE || typeof value.user?.name !== 'string' || value.user.name === '')
      return null;
    if (!isDeskRole(value.user.role)) return null;
    // A desk from before names were normalised may send another spelling of the same name.
    return { name: normalizeDeskUserName(value.user.name).slice(0, 120), role: value.user.role };
  } catch {
    return null;
  }
}
