import { z } from 'zod';
import {
  CORRECTION_ACTIONS,
  CORRECTION_LIMITS,
  type Correction,
  type CorrectionEvent,
} from '../domain/corrections';
import { FACT_TYPES } from '../domain/facts';

/**
 * A correction as it travels in an article's desk document: one entry of the 'corrections' Y.Map
 * per correction (a Y.Map of these fields; links and history as JSON arrays). Withdrawn
 * corrections travel too, so a withdrawal reaches every machine. The local correction tables stay
 * the app's truth; these functions translate both ways and check what comes from the desk like
 * any input.
 */
export interface DeskCorrectionRecord extends Omit<Correction, 'articleId'> {
  withdrawnAt: string | null;
}

const id = z.string().trim().min(1).max(64);
const at = z.string().min(1).max(40);
const wording = z.string().trim().min(1).max(CORRECTION_LIMITS.text);
const person = z.string().trim().min(1).max(120);
const eventSchema = z
  .object({ action: z.enum(CORRECTION_ACTIONS), wrong: wording, right: wording, by: person, at })
  .strict();
const recordSchema = z
  .object({
    id,
    wrong: wording,
    right: wording,
    claimIds: z.array(id).max(CORRECTION_LIMITS.links),
    facts: z.array(z.object({ type: z.enum(FACT_TYPES), id }).strict()).max(CORRECTION_LIMITS.links),
    createdBy: person,
    createdAt: at,
    updatedAt: at,
    exportedAt: at.nullable(),
    withdrawnAt: at.nullable(),
    history: z.array(eventSchema).min(1).max(1000),
  })
  .strict();

const eventKey = (e: CorrectionEvent) => JSON.stringify([e.at, e.action, e.by, e.wrong, e.right]);
const byTime = (a: CorrectionEvent, b: CorrectionEvent) =>
  a.at.localeCompare(b.at) ||
  CORRECTION_ACTIONS.indexOf(a.action) - CORRECTION_ACTIONS.indexOf(b.action) ||
  eventKey(a).localeCompare(eventKey(b));

/**
 * The desk record of a stored correction. History in time order and links as stored: two
 * machines holding the same correction must write the same record, or each would keep
 * "correcting" the other's.
 */
export function correctionRecord(c: Correction, withdrawnAt: string | null): DeskCorrectionRecord {
  // Field by field: callers may pass a row with extra fields (e.g. `withdrawn`) that must not travel.
  return {
    id: c.id,
    wrong: c.wrong,
    right: c.right,
    claimIds: [...c.claimIds],
    facts: c.facts.map((f) => ({ type: f.type, id: f.id })),
    createdBy: c.createdBy,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    exportedAt: c.exportedAt,
    withdrawnAt,
    history: c.history.map((e) => ({ ...e })).sort(byTime),
  };
}

/** The record under `correctionId` in the desk's map, or null when it is malformed (it is then left alone). */
export function parseCorrectionRecord(
  correctionId: string,
  fields: Record<string, unknown>,
): DeskCorrectionRecord | null {
  const parsed = recordSchema.safeParse({ ...fields, id: correctionId });
  return parsed.success ? parsed.data : null;
}

/** Field order fixed, so equal records compare equal as text. */
export function correctionRecordKey(r: DeskCorrectionRecord): string {
  return JSON.stringify([
    r.id,
    r.wrong,
    r.right,
    r.claimIds,
    r.facts.map((f) => [f.type, f.id]),
    r.createdBy,
    r.createdAt,
    r.updatedAt,
    r.exportedAt,
    r.withdrawnAt,
    r.history.map((e) => [e.action, e.wrong, e.right, e.by, e.at]),
  ]);
}

/** The Y.Map fields of a record (the id is the map key). */
export function correctionRecordFields(record: DeskCorrectionRecord): Record<string, unknown> {
  const { id: _id, ...fields } = record;
  return fields;
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a <= b ? a : b);

/**
 * What the local tables should hold after a record from the desk. Every step either side took is
 * kept (history is the union). Exporting and withdrawing are one-way: once either side has done
 * it, it stays done, with the earlier date. A correction that has gone out keeps the wording and
 * links of the side that exported it — an edit made elsewhere at the same time must not rewrite
 * what readers were shown; otherwise the later edit wins.
 */
export function mergeCorrectionRecords(
  local: DeskCorrectionRecord | null,
  desk: DeskCorrectionRecord,
): DeskCorrectionRecord {
  if (!local) return desk;
  const events = new Map<string, CorrectionEvent>();
  for (const e of [...local.history, ...desk.history]) events.set(eventKey(e), e);
  let wordingFrom: DeskCorrectionRecord;
  if (local.exportedAt !== null && desk.exportedAt !== null)
    wordingFrom = desk.exportedAt < local.exportedAt ? desk : local;
  else if (local.exportedAt !== null) wordingFrom = local;
  else if (desk.exportedAt !== null) wordingFrom = desk;
  else wordingFrom = desk.updatedAt >= local.updatedAt ? desk : local;
  return {
    id: local.id,
    wrong: wordingFrom.wrong,
    right: wordingFrom.right,
    claimIds: wordingFrom.claimIds,
    facts: wordingFrom.facts,
    createdBy: local.createdAt <= desk.createdAt ? local.createdBy : desk.createdBy,
    createdAt: local.createdAt <= desk.createdAt ? local.createdAt : desk.createdAt,
    updatedAt: local.updatedAt >= desk.updatedAt ? local.updatedAt : desk.updatedAt,
    exportedAt: earlier(local.exportedAt, desk.exportedAt),
    withdrawnAt: earlier(local.withdrawnAt, desk.withdrawnAt),
    history: [...events.values()].sort(byTime),
  };
}
