import type { AmountPrecision, Deal, FactType, Quote, Role } from '../domain/facts';
import { formatDealAmount, type AmountLabels } from '../facts/amount';

/**
 * Stale-claim alerts: when a fact a claim links to changes in a way that can make the claim's
 * wording wrong, the claim needs a re-check. This module decides which changes count and says
 * what changed in one sentence (German and English); the store records them where facts change.
 */

export const STALE_REASONS = [
  'amount',
  'currency',
  'status',
  'wording',
  'speaker',
  'retracted',
  'role-dates',
  'source-removed',
] as const;
export type StaleReason = (typeof STALE_REASONS)[number];

export interface AmountValue {
  amountMinor: number | null;
  amountMaxMinor: number | null;
  currency: string | null;
  precision: AmountPrecision;
}

export interface RoleSpan {
  title: string;
  from: string | null;
  to: string | null;
}

/** One change to a fact, old → new, as recorded on each claim that links to it. */
export type StaleChange =
  | { reason: 'amount' | 'currency'; before: AmountValue; after: AmountValue }
  | { reason: 'status' | 'wording' | 'speaker' | 'retracted'; before: string; after: string }
  | { reason: 'role-dates'; before: RoleSpan; after: RoleSpan | null }
  | { reason: 'source-removed'; before: string; after: null };

/** A change recorded on a claim: which fact, named how at the time, changed by whom and when. */
export type StaleNotice = StaleChange & {
  factType: FactType;
  factId: string;
  /** The deal's subject, the quote's first words, the person's name — whatever names the fact. */
  factLabel: string;
  by: string;
  at: string;
};

export type Lang = 'de' | 'en';

const amountOf = (d: Deal): AmountValue => ({
  amountMinor: d.amountMinor,
  amountMaxMinor: d.amountMaxMinor,
  currency: d.currency,
  precision: d.precision,
});

/**
 * What in a deal's change can make a claim wrong. A change of the number (or its precision)
 * is reported as "amount" even when the currency changed with it, so one sentence shows both.
 */
export function dealChanges(before: Deal, after: Deal): StaleChange[] {
  const changes: StaleChange[] = [];
  const amountChanged =
    before.amountMinor !== after.amountMinor ||
    before.amountMaxMinor !== after.amountMaxMinor ||
    before.precision !== after.precision;
  if (amountChanged) changes.push({ reason: 'amount', before: amountOf(before), after: amountOf(after) });
  else if (before.currency !== after.currency)
    changes.push({ reason: 'currency', before: amountOf(before), after: amountOf(after) });
  if (before.status !== after.status)
    changes.push({ reason: 'status', before: before.status, after: after.status });
  return changes;
}

/** What in a quote's change can make a claim wrong; `nameOf` turns a speaker id into a name. */
export function quoteChanges(
  before: Quote,
  after: Quote,
  nameOf: (entityId: string) => string,
): StaleChange[] {
  const changes: StaleChange[] = [];
  if (before.wording !== after.wording)
    changes.push({ reason: 'wording', before: before.wording, after: after.wording });
  if (before.speakerId !== after.speakerId) {
    changes.push({ reason: 'speaker', before: nameOf(before.speakerId), after: nameOf(after.speakerId) });
  }
  if (before.status !== after.status) {
    // A retraction is the change a desk must never miss; it gets its own sentence.
    const reason = after.status === 'retracted' ? 'retracted' : 'status';
    changes.push({ reason, before: before.status, after: after.status });
  }
  return changes;
}

const spanOf = (r: Role): RoleSpan => ({ title: r.title, from: r.from, to: r.to });

/** A role's dates or title changed, or the role was removed (`after` null). */
export function roleChanges(before: Role, after: Role | null): StaleChange[] {
  if (after === null) return [{ reason: 'role-dates', before: spanOf(before), after: null }];
  if (before.from === after.from && before.to === after.to && before.title === after.title) return [];
  return [{ reason: 'role-dates', before: spanOf(before), after: spanOf(after) }];
}

/** A citation went away (or now points at another source): the fact lost that source. */
export function sourceRemoved(sourceTitle: string): StaleChange {
  return { reason: 'source-removed', before: sourceTitle, after: null };
}

const AMOUNT_LABELS: Record<Lang, AmountLabels> = {
  de: { undisclosed: 'nicht genannt', approximately: 'ca.', atLeast: 'mindestens', atMost: 'höchstens' },
  en: { undisclosed: 'undisclosed', approximately: 'about', atLeast: 'at least', atMost: 'at most' },
};

const STATUS_WORDS: Record<Lang, Record<string, string>> = {
  de: {
    confirmed: 'bestätigt',
    reported: 'berichtet',
    rumoured: 'Gerücht',
    denied: 'dementiert',
    withdrawn: 'zurückgezogen',
    verified: 'geprüft',
    unverified: 'ungeprüft',
    disputed: 'umstritten',
    retracted: 'zurückgezogen',
  },
  en: {
    confirmed: 'confirmed',
    reported: 'reported',
    rumoured: 'rumoured',
    denied: 'denied',
    withdrawn: 'withdrawn',
    verified: 'verified',
    unverified: 'unverified',
    disputed: 'disputed',
    retracted: 'retracted',
  },
};

const FACT_WORDS: Record<Lang, Record<FactType, string>> = {
  de: { deal: 'des Deals', quote: 'des Zitats', entity: '', role: 'der Rolle', source: 'der Quelle' },
  en: { deal: 'the deal', quote: 'the quote', entity: '', role: 'the role', source: 'the source' },
};

const FROM_DE: Record<FactType, string> = {
  deal: 'vom Deal',
  quote: 'vom Zitat',
  entity: 'von',
  role: 'von der Rolle',
  source: 'von der Quelle',
};

const shorten = (text: string, max = 60) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
const q = (text: string, lang: Lang) => (lang === 'de' ? `„${shorten(text)}“` : `“${shorten(text)}”`);

function factName(n: Pick<StaleNotice, 'factType' | 'factLabel'>, lang: Lang): string {
  const word = FACT_WORDS[lang][n.factType];
  return word ? `${word} ${q(n.factLabel, lang)}` : q(n.factLabel, lang);
}

function dateSpan(span: RoleSpan, lang: Lang): string {
  const open = lang === 'de' ? 'offen' : 'open';
  return `${span.title} (${span.from ?? open} – ${span.to ?? open})`;
}

/** The change in one sentence, old → new, in the language asked for. */
export function describeStale(n: StaleNotice, lang: Lang): string {
  const fact = factName(n, lang);
  const status = (s: string) => STATUS_WORDS[lang][s] ?? s;
  switch (n.reason) {
    case 'amount':
    case 'currency': {
      const before = formatDealAmount(n.before, lang, AMOUNT_LABELS[lang]);
      const after = formatDealAmount(n.after, lang, AMOUNT_LABELS[lang]);
      if (lang === 'de') {
        const what = n.reason === 'amount' ? 'Der Betrag' : 'Die Währung';
        return `${what} ${fact} wurde von ${before} auf ${after} geändert.`;
      }
      const what = n.reason === 'amount' ? 'The amount' : 'The currency';
      return `${what} of ${fact} changed from ${before} to ${after}.`;
    }
    case 'status':
      return lang === 'de'
        ? `Der Status ${fact} wurde von „${status(n.before)}“ auf „${status(n.after)}“ geändert.`
        : `The status of ${fact} changed from “${status(n.before)}” to “${status(n.after)}”.`;
    case 'retracted':
      return lang === 'de'
        ? `Das Zitat ${q(n.factLabel, lang)} wurde zurückgezogen (vorher „${status(n.before)}“).`
        : `The quote ${q(n.factLabel, lang)} was retracted (was “${status(n.before)}”).`;
    case 'wording':
      return lang === 'de'
        ? `Der Wortlaut des Zitats wurde von ${q(n.before, lang)} auf ${q(n.after, lang)} geändert.`
        : `The wording of the quote changed from ${q(n.before, lang)} to ${q(n.after, lang)}.`;
    case 'speaker':
      return lang === 'de'
        ? `Der Sprecher ${fact} wurde von ${n.before} auf ${n.after} geändert.`
        : `The speaker of ${fact} changed from ${n.before} to ${n.after}.`;
    case 'role-dates':
      if (n.after === null) {
        return lang === 'de'
          ? `Die Rolle ${dateSpan(n.before, lang)} von ${q(n.factLabel, lang)} wurde gelöscht.`
          : `The role ${dateSpan(n.before, lang)} of ${q(n.factLabel, lang)} was removed.`;
      }
      return lang === 'de'
        ? `Die Rolle von ${q(n.factLabel, lang)} wurde von ${dateSpan(n.before, lang)} auf ${dateSpan(n.after, lang)} geändert.`
        : `The role of ${q(n.factLabel, lang)} changed from ${dateSpan(n.before, lang)} to ${dateSpan(n.after, lang)}.`;
    case 'source-removed':
      return lang === 'de'
        ? `Die Quelle ${q(n.before, lang)} wurde ${FROM_DE[n.factType]} ${q(n.factLabel, lang)} entfernt.`
        : `The source ${q(n.before, lang)} was removed from ${fact}.`;
  }
}

export type StaleNoticeView = StaleNotice & { message: Record<Lang, string> };

/** The notice with its sentence in both languages, as the panel, the CLI and the report show it. */
export function withMessage(n: StaleNotice): StaleNoticeView {
  return { ...n, message: { de: describeStale(n, 'de'), en: describeStale(n, 'en') } };
}
