import type { DeskUser } from '../../../shared/desk/names';
import { colorForName } from './colors';

/**
 * What this app announces in a desk document's awareness, as the desk will accept it: the name
 * and role the desk confirmed for this token (its `desk:user` message), never the local user
 * name — the desk server closes the connection of a client whose presence carries another name
 * than its token's (shared/desk/presence.ts). Until the desk has said who the token is (the first
 * connection with a new token), the app announces nothing.
 *
 * `state` is what the app or @lexical/yjs wants to show (its caret state carries `name`, `color`
 * and our presence as `awarenessData`); the identity fields are replaced, everything else kept.
 */
export function ownPresence(
  state: Record<string, unknown> | null,
  confirmed: DeskUser | null,
): Record<string, unknown> | null {
  if (state === null || confirmed === null) return null;
  const user = { name: confirmed.name, color: colorForName(confirmed.name), role: confirmed.role };
  const stamped: Record<string, unknown> = { ...state };
  if ('name' in state) stamped.name = user.name;
  if ('color' in state) stamped.color = user.color;
  if ('user' in state) stamped.user = user;
  const data = state.awarenessData;
  if (data && typeof data === 'object' && 'user' in data) stamped.awarenessData = { ...data, user };
  return stamped;
}
