import { translator } from '../i18n/translate';
import type { Claim, ClaimKind, ClaimStatus } from '../domain/articles';

export interface OpenClaim {
  id: string;
  kind: ClaimKind;
  status: ClaimStatus;
  text: string;
  /** A linked fact changed since the claim was checked: it counts as unchecked until re-checked. */
  needsRecheck: boolean;
}

export interface GateOverrideRecord {
  reason: string;
  by: string;
  at: string;
  /** Ids of the claims that were open when the reason was written. */
  openClaims: string[];
}

export interface GateStatus {
  /** True when the article may move to "ready": every claim verified, or an override covers the rest. */
  passes: boolean;
  /** Claims in the text that are not verified, in the order given. */
  open: OpenClaim[];
  /** The override that lets the open claims through, if one does. */
  override: GateOverrideRecord | null;
}

/**
 * The "ready" gate. Only claims still marked in the text count: a claim whose text was
 * deleted is no longer in the article. An override covers exactly the claims that were open
 * when its reason was written, so a claim marked or reopened afterwards blocks again.
 */
export function gateStatus(
  claims: readonly (Claim & { recheck?: readonly unknown[] })[],
  latestOverride: GateOverrideRecord | null = null,
): GateStatus {
  const stale = (c: { recheck?: readonly unknown[] }) => (c.recheck?.length ?? 0) > 0;
  const open = claims
    .filter((c) => c.inText && (c.status !== 'verified' || stale(c)))
    .map((c) => ({ id: c.id, kind: c.kind, status: c.status, text: c.text, needsRecheck: stale(c) }));
  if (open.length === 0) return { passes: true, open, override: null };
  const covered = latestOverride !== null && open.every((c) => latestOverride.openClaims.includes(c.id));
  return { passes: covered, open, override: covered ? latestOverride : null };
}

const shorten = (text: string, max = 60) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** One sentence naming what blocks the gate, for error messages and the CLI. */
export function describeBlockedGate(status: GateStatus, lang: 'de' | 'en'): string {
  const t = translator(lang, 'claims');
  const list = status.open.map(
    (c) =>
      `${lang === 'de' ? `„${shorten(c.text)}“` : `“${shorten(c.text)}”`} (${c.needsRecheck ? t('gate.needsRecheck') : t(`status.${c.status}`)})`,
  );
  return t('gate.blockedSentence', { count: status.open.length, list: list.join(', ') });
}
