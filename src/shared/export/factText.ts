import type { Claim } from '../domain/articles';
import type { Deal, Entity, FactRef, Quote, Role, Source } from '../domain/facts';
import type { ExportFacts, UiLanguage } from './context';
import { labelsFor } from './labels';

/** Human-readable one-liners for linked facts, shared by the annotated export and the report. */

export interface CitedSource {
  source: Source;
  locator: string | null;
  excerpt: string | null;
}

export interface ResolvedFact {
  ref: FactRef;
  /** null when the claim links to a fact that is no longer in the store. */
  text: string | null;
  sources: CitedSource[];
}

function locale(language: UiLanguage): string {
  return language === 'de' ? 'de-DE' : 'en-GB';
}

export function quoteMarks(text: string, language: UiLanguage): string {
  return language === 'de' ? `„${text}“` : `“${text}”`;
}

/** Minor units to a currency string, e.g. 700000000 EUR → "7.000.000 €" (de). */
export function formatMoney(minor: number, currency: string, language: UiLanguage): string {
  try {
    const probe = new Intl.NumberFormat(locale(language), { style: 'currency', currency });
    const digits = probe.resolvedOptions().maximumFractionDigits ?? 2;
    const value = minor / 10 ** digits;
    const whole = Number.isInteger(value);
    return new Intl.NumberFormat(locale(language), {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : digits,
      maximumFractionDigits: digits,
    }).format(value);
  } catch {
    // An unknown currency code must not break the whole export.
    return `${(minor / 100).toLocaleString(locale(language))} ${currency}`;
  }
}

/** "2026-11-24T09:30:00.000Z" → "2026-11-24 09:30 UTC": unambiguous for a record, same in both languages. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDealAmount(deal: Deal, language: UiLanguage): string {
  const l = labelsFor(language);
  if (deal.precision === 'undisclosed' || deal.amountMinor === null || !deal.currency) return l.undisclosed;
  const amount = formatMoney(deal.amountMinor, deal.currency, language);
  if (deal.precision === 'range' && deal.amountMaxMinor !== null)
    return `${amount} – ${formatMoney(deal.amountMaxMinor, deal.currency, language)}`;
  if (deal.precision === 'exact' || deal.precision === 'range') return amount;
  return `${l.precision[deal.precision]} ${amount}`;
}

function entityName(id: string | null, facts: ExportFacts, language: UiLanguage): string {
  if (!id) return labelsFor(language).unknownParty;
  return facts.entities.find((e) => e.id === id)?.name ?? labelsFor(language).unknownParty;
}

function period(from: string | null, to: string | null, language: UiLanguage): string {
  const l = labelsFor(language).text;
  if (from && to) return from === to ? from : `${from} – ${to}`;
  if (from) return `${l.since} ${from}`;
  if (to) return `${l.until} ${to}`;
  return '';
}

export function describeDeal(deal: Deal, facts: ExportFacts, language: UiLanguage): string {
  const l = labelsFor(language);
  const parties = `${entityName(deal.payerId, facts, language)} → ${entityName(deal.payeeId, facts, language)}`;
  const details = [l.dealStatus[deal.status], period(deal.dateFrom, deal.dateTo, language)]
    .filter(Boolean)
    .join(', ');
  const subject = deal.subject ? ` – ${deal.subject}` : '';
  return `${l.dealKind[deal.kind]}: ${parties}, ${formatDealAmount(deal, language)}${subject} (${details})`;
}

export function describeQuote(quote: Quote, facts: ExportFacts, language: UiLanguage): string {
  const l = labelsFor(language);
  const speaker = entityName(quote.speakerId, facts, language);
  const role = quote.roleAtTime ? ` (${quote.roleAtTime})` : '';
  const context = [l.occasion[quote.occasion], quote.date ?? '', l.quoteStatus[quote.status]]
    .filter(Boolean)
    .join(', ');
  return `${speaker}${role}: ${quoteMarks(quote.wording, language)} (${context})`;
}

export function describeRole(role: Role, facts: ExportFacts, language: UiLanguage): string {
  const person = entityName(role.personId, facts, language);
  const organisation = role.organisationId ? `, ${entityName(role.organisationId, facts, language)}` : '';
  const when = period(role.from, role.to, language);
  return `${person}: ${role.title}${organisation}${when ? ` (${when})` : ''}`;
}

export function describeEntity(entity: Entity, language: UiLanguage): string {
  return `${entity.name} (${labelsFor(language).entityKind[entity.kind]})`;
}

export function describeSource(source: Source, language: UiLanguage): string {
  const l = labelsFor(language);
  const parts = [source.title];
  if (source.publisher) parts.push(source.publisher);
  const details = [l.sourceKind[source.kind], source.publishedAt ?? ''].filter(Boolean).join(', ');
  let text = `${parts.join(' – ')} (${details})`;
  if (source.url) text += ` ${source.url}`;
  if (source.accessedAt) text += `, ${l.text.accessed} ${source.accessedAt.slice(0, 10)}`;
  return text;
}

function describeRef(ref: FactRef, facts: ExportFacts, language: UiLanguage): string | null {
  switch (ref.type) {
    case 'deal': {
      const deal = facts.deals.find((d) => d.id === ref.id);
      return deal ? describeDeal(deal, facts, language) : null;
    }
    case 'quote': {
      const quote = facts.quotes.find((q) => q.id === ref.id);
      return quote ? describeQuote(quote, facts, language) : null;
    }
    case 'role': {
      const role = facts.roles.find((r) => r.id === ref.id);
      return role ? describeRole(role, facts, language) : null;
    }
    case 'entity': {
      const entity = facts.entities.find((e) => e.id === ref.id);
      return entity ? describeEntity(entity, language) : null;
    }
    case 'source': {
      const source = facts.sources.find((s) => s.id === ref.id);
      return source ? describeSource(source, language) : null;
    }
  }
}

function citedSources(ref: FactRef, facts: ExportFacts): CitedSource[] {
  if (ref.type === 'source') {
    const source = facts.sources.find((s) => s.id === ref.id);
    return source ? [{ source, locator: ref.locator ?? null, excerpt: ref.excerpt ?? null }] : [];
  }
  return facts.citations
    .filter((c) => c.factType === ref.type && c.factId === ref.id)
    .flatMap((c) => {
      const source = facts.sources.find((s) => s.id === c.sourceId);
      return source ? [{ source, locator: c.locator, excerpt: c.excerpt }] : [];
    });
}

/** A fact in words, or its type and id when the export does not carry it. */
export function describeFactRef(ref: FactRef, facts: ExportFacts, language: UiLanguage): string {
  return describeRef(ref, facts, language) ?? `${ref.type} ${ref.id}`;
}

export function resolveClaimFacts(claim: Claim, facts: ExportFacts, language: UiLanguage): ResolvedFact[] {
  return claim.links.map((ref) => ({
    ref,
    text: describeRef(ref, facts, language),
    sources: citedSources(ref, facts),
  }));
}

/** Every source behind a claim once per source and locator, in link order. */
export function claimSources(resolved: ResolvedFact[]): CitedSource[] {
  const seen = new Set<string>();
  const out: CitedSource[] = [];
  for (const fact of resolved)
    for (const cited of fact.sources) {
      const key = `${cited.source.id}\u0000${cited.locator ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(cited);
    }
  return out;
}

/**
 * Who marked the claim and when: storing a claim records its marker as a first "unchecked"
 * entry of the history. Null for a history that does not start that way (older records).
 */
export function claimMarking(claim: Claim): { by: string; at: string } | null {
  const first = sortedHistory(claim)[0];
  return first && first.status === 'unchecked' ? { by: first.checker, at: first.at } : null;
}

/** The latest status change after the marking, i.e. who checked the claim and when; null while nobody has. */
export function lastCheck(claim: Claim): { checker: string; at: string } | null {
  const history = sortedHistory(claim);
  const changes = claimMarking(claim) ? history.slice(1) : history;
  const last = changes.at(-1);
  return last ? { checker: last.checker, at: last.at } : null;
}

// A stable sort keeps the store's insertion order for entries written in the same millisecond.
const sortedHistory = (claim: Claim) => [...claim.history].sort((a, b) => a.at.localeCompare(b.at));
