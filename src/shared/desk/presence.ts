import { isDeskId, type DeskUser } from './names';
import { normalizeDeskUserName } from './userName';

/**
 * What a member's client may announce about itself in a desk document's awareness (carets,
 * selections, who is in which article). Awareness is relayed to every other member as sent, so
 * the desk server checks each state against the user its token belongs to before Hocuspocus sees
 * it: otherwise one member could appear under another's name in everyone's carets and library.
 *
 * The app sends two shapes: the index document's `{ user: { name, color, role }, articleId }`
 * (deskClient.ts) and @lexical/yjs' caret state `{ name, color, focusing, anchorPos, focusPos,
 * awarenessData }` with the first shape as its awarenessData. Anything else is refused.
 */

/** A state's JSON: a caret state is a few hundred bytes; this leaves room without letting one member flood the rest. */
export const PRESENCE_STATE_MAX_BYTES = 4096;
/** Relative positions nest three levels; nothing the app sends goes deeper. */
const MAX_DEPTH = 5;
/** Control and format characters (bidi overrides, zero-width) in any string, keys included. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
/** What CSS colour a caret may have: a hex colour or an hsl()/rgb() of numbers, nothing that reaches further. */
const COLOR = /^(#[0-9a-f]{3,8}|(hsl|rgb)a?\([0-9 .,%/]{1,40}\))$/i;

const TOP_FIELDS = new Set([
  'user',
  'articleId',
  'name',
  'color',
  'focusing',
  'anchorPos',
  'focusPos',
  'awarenessData',
]);
const USER_FIELDS = new Set(['name', 'color', 'role']);
const DATA_FIELDS = new Set(['user', 'articleId']);

/** Desk user names are at most this long (desk-server/users.ts checkUserName). */
const NAME_MAX_CHARS = 80;

/**
 * A name from someone else's presence as the app may show it, in the one spelling; null for one
 * no desk user can have (too long, invisible characters) — a desk server from before the presence
 * check relays whatever a client sends.
 */
export function shownPresenceName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = normalizeDeskUserName(value);
  if (name === '' || name.length > NAME_MAX_CHARS || INVISIBLE.test(name)) return null;
  return name;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * What is wrong with one awareness state (its JSON text as sent) from a connection authenticated
 * as `user`, in words for the server's log line; null when it may be relayed. `null` — a client
 * leaving, or a state timing out — is always fine.
 */
export function presenceProblem(json: string, user: DeskUser): string | null {
  const bytes = new TextEncoder().encode(json).length;
  if (bytes > PRESENCE_STATE_MAX_BYTES)
    return `an awareness state of ${bytes} bytes (at most ${PRESENCE_STATE_MAX_BYTES})`;
  let state: Json;
  try {
    state = JSON.parse(json) as Json;
  } catch {
    return 'an awareness state that is not JSON';
  }
  if (state === null) return null;
  if (!isObject(state)) return 'an awareness state that is not an object';
  const hidden = invisibleIn(state, 0);
  if (hidden) return hidden;
  const own = normalizeDeskUserName(user.name);
  return (
    fieldsProblem(state, TOP_FIELDS, '') ??
    nameProblem(state.name, own, 'name', false) ??
    userProblem(state.user, own, user, 'user') ??
    colorProblem(state.color, 'color') ??
    articleProblem(state.articleId, 'articleId') ??
    (state.focusing === undefined || typeof state.focusing === 'boolean'
      ? null
      : 'an awareness state whose "focusing" is not true or false') ??
    positionProblem(state.anchorPos, 'anchorPos') ??
    positionProblem(state.focusPos, 'focusPos') ??
    dataProblem(state.awarenessData, own, user) ??
    (state.name === undefined && state.user === undefined
      ? "an awareness state without the member's name"
      : null)
  );
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invisibleIn(value: Json, depth: number): string | null {
  if (typeof value === 'string')
    return INVISIBLE.test(value) ? 'an awareness state with control or invisible characters' : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return `an awareness state nested deeper than ${MAX_DEPTH} levels`;
  for (const [key, inner] of Object.entries(value)) {
    if (INVISIBLE.test(key)) return 'an awareness state with control or invisible characters';
    const problem = invisibleIn(inner, depth + 1);
    if (problem) return problem;
  }
  return null;
}

function fieldsProblem(value: { [key: string]: Json }, allowed: Set<string>, path: string): string | null {
  const unknown = Object.keys(value).find((key) => !allowed.has(key));
  return unknown === undefined
    ? null
    : `an awareness state with a field the desk does not know (${JSON.stringify(path + unknown)})`;
}

function nameProblem(value: Json | undefined, own: string, path: string, required: boolean): string | null {
  if (value === undefined && !required) return null;
  if (typeof value !== 'string') return `an awareness state whose "${path}" is not a name`;
  if (normalizeDeskUserName(value) !== own)
    return `an awareness state under another name (${JSON.stringify(value.slice(0, 80))}${value.length > 80 ? '…' : ''} in "${path}")`;
  return null;
}

function userProblem(value: Json | undefined, own: string, user: DeskUser, path: string): string | null {
  if (value === undefined) return null;
  if (!isObject(value)) return `an awareness state whose "${path}" is not an object`;
  return (
    fieldsProblem(value, USER_FIELDS, `${path}.`) ??
    nameProblem(value.name, own, `${path}.name`, true) ??
    (value.role === undefined || value.role === user.role
      ? null
      : `an awareness state with another role (${JSON.stringify(String(value.role).slice(0, 20))} in "${path}.role", the token's is ${user.role})`) ??
    colorProblem(value.color, `${path}.color`)
  );
}

function dataProblem(value: Json | undefined, own: string, user: DeskUser): string | null {
  if (value === undefined) return null;
  if (!isObject(value)) return 'an awareness state whose "awarenessData" is not an object';
  return (
    fieldsProblem(value, DATA_FIELDS, 'awarenessData.') ??
    userProblem(value.user, own, user, 'awarenessData.user') ??
    articleProblem(value.articleId, 'awarenessData.articleId')
  );
}

function colorProblem(value: Json | undefined, path: string): string | null {
  if (value === undefined || (typeof value === 'string' && COLOR.test(value))) return null;
  return `an awareness state whose "${path}" is not a colour`;
}

function articleProblem(value: Json | undefined, path: string): string | null {
  if (value === undefined || (typeof value === 'string' && isDeskId(value))) return null;
  return `an awareness state whose "${path}" is not an article id`;
}

function positionProblem(value: Json | undefined, path: string): string | null {
  if (value === undefined || value === null || isObject(value)) return null;
  return `an awareness state whose "${path}" is not a position`;
}
