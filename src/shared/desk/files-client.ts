import { fail, ok, type ErrorCode, type Result } from '../result';
import { DESK_FILES_PATH, DESK_WHOAMI_PATH, deskHttpUrl, isDeskRole, type DeskUser } from './names';

/**
 * The app's side of the desk server's HTTP API: who a token belongs to, and source files by
 * SHA-256 (issue 13). Uses only fetch and Web Crypto, so it runs in Node and the browser alike.
 * Every answer is a Result with a sentence the UI can show.
 */
export interface DeskEndpoint {
  /** The desk's WebSocket URL (ws:// or wss://) as configured in the app. */
  url: string;
  token: string;
}

export async function sha256HexOf(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function deskWhoami(desk: DeskEndpoint): Promise<Result<DeskUser>> {
  const response = await request(desk, DESK_WHOAMI_PATH, { method: 'GET' });
  if (!response.ok) return response;
  const body = (await response.value.json().catch(() => null)) as {
    user?: { name?: unknown; role?: unknown };
  } | null;
  const name = body?.user?.name;
  const role = body?.user?.role;
  if (typeof name !== 'string' || !isDeskRole(role))
    return fail('unavailable', 'the desk server gave an answer Factdesk does not understand');
  return ok({ name, role });
}

/** Uploads a file once; the server stores it under its SHA-256 and refuses bytes that do not match. */
export async function uploadDeskFile(
  desk: DeskEndpoint,
  bytes: Uint8Array,
): Promise<Result<{ sha256: string }>> {
  const sha256 = await sha256HexOf(bytes);
  const response = await request(desk, `${DESK_FILES_PATH}${sha256}`, {
    method: 'PUT',
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return response.ok ? ok({ sha256 }) : response;
}

/** Fetches a file and checks it against its hash before anyone uses it. */
export async function fetchDeskFile(desk: DeskEndpoint, sha256: string): Promise<Result<Uint8Array>> {
  if (!/^[0-9a-f]{64}$/.test(sha256))
    return fail('validation', 'sha256 must be 64 lowercase hex digits', [
      { path: 'sha256', message: 'not a SHA-256' },
    ]);
  const response = await request(desk, `${DESK_FILES_PATH}${sha256}`, { method: 'GET' });
  if (!response.ok) return response;
  const bytes = new Uint8Array(await response.value.arrayBuffer());
  if ((await sha256HexOf(bytes)) !== sha256)
    return fail(
      'conflict',
      `the file ${sha256.slice(0, 12)}… from the desk does not match its SHA-256; not used`,
    );
  return ok(bytes);
}

async function request(desk: DeskEndpoint, path: string, init: RequestInit): Promise<Result<Response>> {
  let response: Response;
  try {
    response = await fetch(`${deskHttpUrl(desk.url)}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${desk.token}` },
    });
  } catch {
    return fail('unavailable', `the desk server at ${desk.url} cannot be reached`);
  }
  if (response.ok) return ok(response);
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  const message =
    typeof body?.error === 'string' ? body.error : `the desk server answered ${response.status}`;
  const code: ErrorCode =
    response.status === 401 || response.status === 403
      ? 'unauthorized'
      : response.status === 404
        ? 'not_found'
        : response.status === 422
          ? 'conflict'
          : response.status === 413
            ? 'validation'
            : 'unavailable';
  return fail(code, message);
}
