import type { Actor } from '../../store/audit';
import { readDeskConfig } from '../../store/desk-config';
import { loadSettings } from './app';
import type { HandlerContext } from './context';

/**
 * The name revisions, claim histories and the audit log record. With a desk the name comes from
 * the desk token (the desk told us whose it is), so everyone on the desk sees the same name for
 * the same person; without one it is the local user name from Settings.
 */
export function actingUser(ctx: HandlerContext): string {
  const desk = readDeskConfig(ctx.db);
  return desk.enabled && desk.user ? desk.user.name : loadSettings(ctx).userName;
}

/** The audit log names the person (actingUser) and the way in: the app or the CLI. */
export function actorOf(ctx: HandlerContext): Actor {
  return { user: actingUser(ctx), via: ctx.platform.kind === 'cli' ? 'cli' : 'app' };
}
