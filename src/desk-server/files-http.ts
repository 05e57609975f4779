import type { IncomingMessage, ServerResponse } from 'node:http';
import { DESK_FILES_PATH, DESK_FILE_MAX_BYTES, DESK_WHOAMI_PATH, canWrite } from '../shared/desk/names';
import { DeskRefusal, userForToken } from './auth';
import type { DeskStorage } from './storage/storage';
import { sha256Hex } from './tokens';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The desk server's HTTP side. Source files (issue 13): `PUT /files/<sha256>` stores a file
 * once, verified against its hash; `GET /files/<sha256>` fetches it. `GET /whoami` tells the app
 * whose token it holds. Every request needs `Authorization: Bearer <desk token>`; anything else
 * gets a 401 and no data.
 */
export async function handleDeskHttp(
  request: IncomingMessage,
  response: ServerResponse,
  storage: DeskStorage,
  maxBytes = DESK_FILE_MAX_BYTES,
): Promise<void> {
  try {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const user = await userForToken(storage, token);

    const url = new URL(request.url ?? '/', 'http://desk');
    if (url.pathname === DESK_WHOAMI_PATH && request.method === 'GET')
      return answerJson(response, 200, { ok: true, user: { name: user.name, role: user.role } });
    if (!url.pathname.startsWith(DESK_FILES_PATH)) return answer(response, 404, 'not found');
    const sha256 = url.pathname.slice(DESK_FILES_PATH.length);
    if (!SHA256.test(sha256))
      return answer(response, 400, 'the file name must be its SHA-256 in lowercase hex');

    if (request.method === 'GET') {
      const bytes = await storage.getFile(sha256);
      if (!bytes) return answer(response, 404, 'no such file on this desk');
      response.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': bytes.byteLength,
      });
      response.end(bytes);
      return;
    }
    if (request.method === 'PUT') {
      if (!canWrite(user.role)) return answer(response, 403, 'viewers cannot upload files');
      const declared = Number(request.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > maxBytes)
        return answer(response, 413, `files may be at most ${maxBytes} bytes`);
      const body = await readBody(request, maxBytes);
      if (body === null) return answer(response, 413, `files may be at most ${maxBytes} bytes`);
      if (sha256Hex(body) !== sha256)
        return answer(response, 422, 'the upload does not match its SHA-256; refused');
      await storage.putFile(sha256, body, user.name);
      return answer(response, 201, 'stored');
    }
    response.setHeader('Allow', 'GET, PUT');
    return answer(response, 405, 'use GET or PUT');
  } catch (error) {
    if (error instanceof DeskRefusal) return answer(response, 401, error.reason);
    console.error('[desk files]', error);
    if (!response.headersSent) answer(response, 500, 'the desk server could not handle this request');
  }
}

function answer(response: ServerResponse, status: number, message: string): void {
  answerJson(response, status, status < 300 ? { ok: true, message } : { ok: false, error: message });
}

function answerJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** The whole body, or null once it grows past maxBytes (the rest is drained, not kept). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
