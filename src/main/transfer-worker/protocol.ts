import { z } from 'zod';
import type { ArticleMeta } from '../../shared/domain/articles';
import { readErrorText } from '../../shared/errorText';
import { UserError, type ErrorCode } from '../../shared/result';
import { ImportError, type ImportErrorCode } from '../import/errors';
import type { ImportedFile, RenderJob } from './jobs';

/**
 * The messages between the shells' main thread and the transfer worker. One request in flight
 * per worker; every reply carries its request's id. Replies are checked here before a handler
 * sees them: the worker runs third-party parsers on files from anywhere, so what it sends back
 * is treated as input, not as trusted data.
 */

export type WorkerRequest =
  | { id: number; type: 'import'; name: string; bytes: Uint8Array }
  | { id: number; type: 'render'; job: RenderJob }
  | { id: number; type: 'pdf'; html: string; chromiumPath?: string }
  /** Loads the import and export libraries ahead of need (at idle after start). */
  | { id: number; type: 'warm'; pdf: boolean };

/** An error as it crosses the thread boundary: enough to rebuild the error the handlers expect. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  fileName?: string;
  problem?: string;
  fields?: { path: string; message: string }[];
  searched?: string[];
  /** A UserError's words as a key of the `errors` catalogue; checked by `readErrorText` on arrival. */
  text?: unknown;
}

export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

const IMPORT_ERROR_CODES = ['EMPTY', 'UNSUPPORTED', 'CORRUPT', 'BINARY', 'TOO_LARGE', 'UNREADABLE'] as const;
const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'unknown_channel',
  'unauthorized',
  'unavailable',
  'storage',
  'internal',
] as const;

const wireError = z.object({
  name: z.string().max(200),
  message: z.string().max(20_000),
  code: z.string().max(200).optional(),
  fileName: z.string().max(10_000).optional(),
  problem: z.string().max(20_000).optional(),
  fields: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .max(1000)
    .optional(),
  searched: z.array(z.string()).max(1000).optional(),
  text: z.unknown().optional(),
});

const reply = z.union([
  z.object({ id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number().int(), ok: z.literal(false), error: wireError }),
]);

/** A reply, or null when the message is not one. */
export function parseReply(message: unknown): WorkerReply | null {
  const parsed = reply.safeParse(message);
  return parsed.success ? (parsed.data as WorkerReply) : null;
}

export function encodeError(err: unknown): WireError {
  if (err instanceof ImportError)
    return {
      name: 'ImportError',
      message: err.message,
      code: err.code,
      fileName: err.fileName,
      problem: err.problem,
      ...(err.reason ? { text: err.reason } : {}),
    };
  if (err instanceof UserError)
    return {
      name: 'UserError',
      message: err.message,
      code: err.code,
      ...(err.fields ? { fields: err.fields } : {}),
      ...(err.text ? { text: err.text } : {}),
    };
  const e = err instanceof Error ? err : new Error(String(err));
  const extra = e as { code?: unknown; searched?: unknown };
  return {
    name: e.name,
    message: e.message,
    ...(typeof extra.code === 'string' ? { code: extra.code } : {}),
    ...(Array.isArray(extra.searched) ? { searched: extra.searched.map(String) } : {}),
  };
}

/** The error the handlers would have caught had the work run on their own thread. */
export function decodeError(wire: WireError): Error {
  if (
    wire.name === 'ImportError' &&
    (IMPORT_ERROR_CODES as readonly string[]).includes(wire.code ?? '') &&
    wire.fileName !== undefined &&
    wire.problem !== undefined
  )
    return new ImportError(
      wire.code as ImportErrorCode,
      wire.fileName,
      readErrorText(wire.text) ?? wire.problem,
    );
  if (wire.name === 'UserError' && (ERROR_CODES as readonly string[]).includes(wire.code ?? ''))
    // A key the catalogue does not know, or odd parameters, leave the worker's English message.
    return new UserError(wire.code as ErrorCode, readErrorText(wire.text) ?? wire.message, wire.fields);
  const err = new Error(wire.message) as Error & { code?: string; searched?: string[] };
  err.name = wire.name;
  if (wire.code !== undefined) err.code = wire.code;
  if (wire.searched !== undefined) err.searched = wire.searched;
  return err;
}

const text = z.string().optional();
const importedFile = z.object({
  meta: z.object({
    kicker: text,
    headline: text,
    lead: text,
    byline: text,
    dateline: text,
    language: z.enum(['de', 'en']).optional(),
  }),
  // The body's structure is checked in full by the store's checkBody before anything is saved.
  body: z.object({
    schemaVersion: z.literal(1),
    editorState: z
      .object({
        root: z
          .object({ type: z.literal('root'), version: z.number(), children: z.array(z.unknown()) })
          .passthrough(),
      })
      .passthrough(),
  }),
  warnings: z.array(z.string()),
  format: z.enum(['markdown', 'text', 'html', 'docx']),
});

export function parseImported(value: unknown): ImportedFile | null {
  const parsed = importedFile.safeParse(value);
  if (!parsed.success) return null;
  const { meta, ...rest } = parsed.data;
  return { ...rest, meta: meta as Partial<ArticleMeta> } as unknown as ImportedFile;
}

export function parseRendered(value: unknown): string | Uint8Array | null {
  return typeof value === 'string' || value instanceof Uint8Array ? value : null;
}
