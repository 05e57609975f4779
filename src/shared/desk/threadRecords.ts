import { z } from 'zod';
import { COMMENT_LIMITS } from '../domain/comments';
import { THREAD_STATUSES, type CommentThread, type ThreadComment } from '../domain/comments';

/**
 * A comment thread as it travels in an article's desk document: one entry of the 'comments'
 * Y.Map per thread (a Y.Map of these fields, the comments as one JSON array). The local comment
 * tables stay the app's truth; these functions translate both ways and check everything that
 * comes from the desk like any input.
 */
export type DeskThreadRecord = Omit<CommentThread, 'articleId'>;

const id = z.string().trim().min(1).max(64);
const at = z.string().min(1).max(40);
const commentSchema = z
  .object({
    id,
    author: z.string().trim().min(1).max(120),
    body: z.string().trim().min(1).max(COMMENT_LIMITS.body),
    createdAt: at,
    editedAt: at.nullable(),
  })
  .strict();
const recordSchema = z
  .object({
    id,
    claimId: id.nullable(),
    quote: z.string().max(COMMENT_LIMITS.quote),
    status: z.enum(THREAD_STATUSES),
    detached: z.boolean(),
    comments: z.array(commentSchema).min(1).max(1000),
    createdAt: at,
    updatedAt: at,
  })
  .strict();

const byTime = (a: ThreadComment, b: ThreadComment) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * The desk record of a stored thread. Comments in time order, not in the order this machine
 * happened to store them: two machines holding the same comments must write the same record, or
 * each would keep "correcting" the other's.
 */
export function threadRecord(thread: CommentThread): DeskThreadRecord {
  const { articleId: _articleId, ...record } = thread;
  return { ...record, comments: record.comments.map((c) => ({ ...c })).sort(byTime) };
}

/** The record under `id` in the desk's map, or null when it is malformed (it is then left alone). */
export function parseThreadRecord(
  threadId: string,
  fields: Record<string, unknown>,
): DeskThreadRecord | null {
  const parsed = recordSchema.safeParse({ ...fields, id: threadId });
  return parsed.success ? parsed.data : null;
}

/** Field order fixed, so equal records compare equal as text. */
export function threadRecordKey(r: DeskThreadRecord): string {
  return JSON.stringify([
    r.id,
    r.claimId,
    r.quote,
    r.status,
    r.detached,
    r.comments.map((c) => [c.id, c.author, c.body, c.createdAt, c.editedAt]),
    r.createdAt,
    r.updatedAt,
  ]);
}

/** The Y.Map fields of a record (the id is the map key). */
export function threadRecordFields(record: DeskThreadRecord): Record<string, unknown> {
  const { id: _id, ...fields } = record;
  return fields;
}

const later = (a: string | null, b: string | null) => ((a ?? '') >= (b ?? '') ? a : b);

/**
 * What the local tables should hold after a record from the desk. Comments are only ever added
 * or edited, so both sides' comments are kept (two replies written at once both survive) and of
 * two versions of one comment the later edit wins; status, detached and quote are the record's
 * newer side's.
 */
export function mergeThreadRecords(local: DeskThreadRecord | null, desk: DeskThreadRecord): DeskThreadRecord {
  if (!local) return desk;
  const comments = new Map<string, ThreadComment>();
  for (const c of [...local.comments, ...desk.comments]) {
    const known = comments.get(c.id);
    if (!known || (c.editedAt ?? '') > (known.editedAt ?? '')) comments.set(c.id, c);
  }
  const newer = desk.updatedAt >= local.updatedAt ? desk : local;
  return {
    ...newer,
    comments: [...comments.values()].sort(byTime),
    createdAt: local.createdAt < desk.createdAt ? local.createdAt : desk.createdAt,
    updatedAt: later(local.updatedAt, desk.updatedAt)!,
  };
}
