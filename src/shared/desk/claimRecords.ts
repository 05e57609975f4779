import { z } from 'zod';
import { CLAIM_ID_RE, CLAIM_LIMITS, factRefSchema } from '../contract/claims';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type Claim,
  type ClaimStatusChange,
  type DismissedWarning,
} from '../domain/articles';
import type { FactRef } from '../domain/facts';

/**
 * A claim as it travels in an article's desk document: one entry of the 'claims' Y.Map per
 * claim (a Y.Map of these fields), plus the article's passes through the ready gate (with their
 * override reasons) under GATE_PASSES_KEY. The local claims tables stay the app's truth; these
 * functions translate both ways and check everything that comes from the desk like any input.
 */
export interface DeskClaimRecord {
  id: string;
  kind: Claim['kind'];
  status: Claim['status'];
  text: string;
  note: string;
  inText: boolean;
  links: FactRef[];
  history: ClaimStatusChange[];
  dismissedWarnings: DismissedWarning[];
  createdAt: string;
}

export interface DeskGatePass {
  by: string;
  at: string;
  overrideReason: string | null;
  openClaims: string[];
}

/** Not a claim id (ids never contain ':'), so it cannot collide with one. */
export const GATE_PASSES_KEY = 'gate:passes';

const name = z.string().trim().min(1).max(120);
const at = z.string().min(1).max(40);
const recordSchema = z.object({
  id: z.string().regex(CLAIM_ID_RE),
  kind: z.enum(CLAIM_KINDS),
  status: z.enum(CLAIM_STATUSES),
  text: z.string().max(CLAIM_LIMITS.text),
  note: z.string().max(CLAIM_LIMITS.note),
  inText: z.boolean(),
  links: z.array(factRefSchema).max(CLAIM_LIMITS.links),
  history: z.array(z.object({ status: z.enum(CLAIM_STATUSES), checker: name, at }).strict()).max(1000),
  dismissedWarnings: z
    .array(
      z
        .object({
          code: z.string().min(1).max(100),
          reason: z.string().min(1).max(CLAIM_LIMITS.reason),
          checker: name,
          at,
        })
        .strict(),
    )
    .max(200),
  createdAt: at,
});
const passesSchema = z
  .array(
    z
      .object({
        by: name,
        at,
        overrideReason: z.string().min(1).max(CLAIM_LIMITS.reason).nullable(),
        openClaims: z.array(z.string().regex(CLAIM_ID_RE)).max(CLAIM_LIMITS.marks),
      })
      .strict(),
  )
  .max(1000);

export function claimRecord(claim: Claim): DeskClaimRecord {
  return {
    id: claim.id,
    kind: claim.kind,
    status: claim.status,
    text: claim.text,
    note: claim.note,
    inText: claim.inText,
    // A passage link carries its place; plain links stay { type, id } as older records have them.
    links: claim.links.map((l) =>
      l.locator
        ? { type: l.type, id: l.id, locator: l.locator, excerpt: l.excerpt ?? null }
        : { type: l.type, id: l.id },
    ),
    history: claim.history.map((h) => ({ status: h.status, checker: h.checker, at: h.at })),
    dismissedWarnings: claim.dismissedWarnings.map((d) => ({
      code: d.code,
      reason: d.reason,
      checker: d.checker,
      at: d.at,
    })),
    createdAt: claim.createdAt,
  };
}

/** The record under `id` in the desk's map, or null when it is malformed (it is then left alone). */
export function parseClaimRecord(id: string, fields: Record<string, unknown>): DeskClaimRecord | null {
  const parsed = recordSchema.safeParse({ ...fields, id });
  return parsed.success ? (parsed.data as DeskClaimRecord) : null;
}

export function parseGatePasses(value: unknown): DeskGatePass[] {
  const parsed = passesSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** Field order fixed, so equal records compare equal as text. */
export function recordKey(record: DeskClaimRecord): string {
  const { id, kind, status, text, note, inText, links, history, dismissedWarnings, createdAt } = record;
  return JSON.stringify([id, kind, status, text, note, inText, links, history, dismissedWarnings, createdAt]);
}

/** The Y.Map fields of a record (the id is the map key). */
export function recordFields(record: DeskClaimRecord): Record<string, unknown> {
  const { id: _id, ...fields } = record;
  return fields;
}

const historyKey = (h: ClaimStatusChange) => `${h.at}\u0000${h.status}\u0000${h.checker}`;

/**
 * What the local tables should hold after a record from the desk: the desk's current values,
 * and every status change and dismissal either side knows (history is only ever added to).
 */
export function mergeClaimRecords(local: DeskClaimRecord | null, desk: DeskClaimRecord): DeskClaimRecord {
  if (!local) return desk;
  const history = new Map<string, ClaimStatusChange>();
  for (const h of [...local.history, ...desk.history]) history.set(historyKey(h), h);
  const dismissed = new Map<string, DismissedWarning>();
  for (const d of [...local.dismissedWarnings, ...desk.dismissedWarnings])
    if (!dismissed.has(d.code)) dismissed.set(d.code, d);
  return {
    ...desk,
    createdAt: local.createdAt < desk.createdAt ? local.createdAt : desk.createdAt,
    history: [...history.values()].sort((a, b) => a.at.localeCompare(b.at)),
    dismissedWarnings: [...dismissed.values()],
  };
}

export function mergeGatePasses(
  local: readonly DeskGatePass[],
  desk: readonly DeskGatePass[],
): DeskGatePass[] {
  const all = new Map<string, DeskGatePass>();
  for (const p of [...local, ...desk]) all.set(`${p.at}\u0000${p.by}`, p);
  return [...all.values()].sort((a, b) => a.at.localeCompare(b.at));
}
