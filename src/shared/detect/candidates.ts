import type { Deal, Entity, FactRef, Quote, Role } from '../domain/facts';
import { editDistance } from '../language/editDistance';
import { foldForMatch } from '../language/fold';
import { normalizeQuoteText } from '../language/quotes';
import type { Suggestion } from './types';

/** What the ranking reads from a suggestion; offsets and the paragraph do not matter here. */
export type CandidateQuery = Pick<
  Suggestion,
  'kind' | 'text' | 'speaker' | 'value' | 'currency' | 'payer' | 'payee'
>;

/**
 * The query for a suggestion: a generic party ("der Klub") is looked up as the club it refers
 * to, since the fact store knows the club by name, not by "der Klub".
 */
export function candidateQuery(s: Suggestion): CandidateQuery {
  const q: CandidateQuery = { kind: s.kind, text: s.text };
  if (s.speaker !== undefined) q.speaker = s.speaker;
  if (s.value !== undefined) q.value = s.value;
  if (s.currency !== undefined) q.currency = s.currency;
  const payer = s.payerResolved ?? s.payer;
  const payee = s.payeeResolved ?? s.payee;
  if (payer !== undefined) q.payer = payer;
  if (payee !== undefined) q.payee = payee;
  return q;
}

/** The facts a store lookup found worth scoring, with the entities they point at. */
export interface CandidateFacts {
  entities: readonly Entity[];
  roles: readonly Role[];
  deals: readonly Deal[];
  quotes: readonly Quote[];
}

/** Why a fact was proposed; the panel names these next to each candidate. */
export type MatchReason =
  | 'speaker'
  | 'wording'
  | 'amount'
  | 'currency'
  | 'payer'
  | 'payee'
  | 'person'
  | 'title'
  | 'organisation'
  | 'name';

export interface ScoredCandidate {
  ref: FactRef;
  /** 0–1; higher is a better match. */
  score: number;
  reasons: MatchReason[];
}

export const MAX_CANDIDATES = 5;
/** Below this a proposal is noise: one shared common word, or a party without an amount. */
export const MIN_SCORE = 0.3;

// ---- names -------------------------------------------------------------------------------

const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function words(s: string): string[] {
  return Array.from(foldForMatch(s).matchAll(WORD_RE), (m) => m[0].replace(/'s$/, ''));
}

/**
 * How well a name as written fits an entity: 1 for the name or an alias, 0.9 for a surname or
 * the last words of the name ("Kowalczyk"), 0.7 for a one-letter slip, else 0. Genitives
 * ("Rotheides") and case or umlaut spelling ("Goetze") do not matter.
 */
export function nameFit(written: string, entity: Pick<Entity, 'name' | 'aliases'>): number {
  const w = words(written);
  if (w.length === 0) return 0;
  let best = 0;
  for (const surface of [entity.name, ...entity.aliases]) {
    const n = words(surface);
    if (n.length === 0) continue;
    const joined = w.join(' ');
    const full = n.join(' ');
    if (joined === full || (w.length === n.length && w.every((x, i) => x === n[i] || x === `${n[i]}s`)))
      return 1;
    if (w.length < n.length && n.slice(n.length - w.length).join(' ') === joined && w.join('').length >= 3)
      best = Math.max(best, 0.9);
    else if (full.length >= 5 && editDistance(joined, full) <= 1) best = Math.max(best, 0.7);
  }
  return best;
}

function bestEntity(
  written: string | undefined,
  entities: readonly Entity[],
  kinds?: readonly string[],
): Map<string, number> {
  const fits = new Map<string, number>();
  if (!written) return fits;
  for (const e of entities) {
    if (kinds && !kinds.includes(e.kind)) continue;
    const fit = nameFit(written, e);
    if (fit > 0) fits.set(e.id, fit);
  }
  return fits;
}

// ---- wording -------------------------------------------------------------------------------

/** The words of a quote without its quote marks, folded, so "Götze" and „Goetze“ agree. */
function quoteWords(text: string): string[] {
  return words(normalizeQuoteText(text));
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // A typo in a longer word is still the same word; short words differ by meaning ("er"/"es").
  return a.length >= 5 && b.length >= 5 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1;
}

/**
 * How much of the quote in the text the verified wording contains, in order: the longest run of
 * matching words (a quote may be cut at either end, but not reshuffled) counted against the
 * text's words, blended with a little of the overlap both ways so a full match beats a
 * fragment that happens to sit inside a longer statement.
 */
export function wordingSimilarity(textQuote: string, wording: string): number {
  const a = quoteWords(textQuote);
  const b = quoteWords(wording);
  if (a.length === 0 || b.length === 0) return 0;
  // Longest common subsequence of words, tolerant of typos; quotes are short, so O(n·m) is fine.
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = sameWord(a[i - 1], b[j - 1]) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  const common = prev[b.length];
  const coverage = common / a.length;
  const dice = (2 * common) / (a.length + b.length);
  return 0.75 * coverage + 0.25 * dice;
}

// ---- amounts -------------------------------------------------------------------------------

/** 1 when the amount is the deal's (or inside its range), 0.6 within a tenth of it, else 0. */
export function amountFit(valueMajor: number, deal: Pick<Deal, 'amountMinor' | 'amountMaxMinor'>): number {
  if (deal.amountMinor === null) return 0;
  const minor = Math.round(valueMajor * 100);
  const low = deal.amountMinor;
  const high = deal.amountMaxMinor ?? deal.amountMinor;
  if (minor >= low && minor <= high) return 1;
  const nearest = minor < low ? low : high;
  if (nearest > 0 && Math.abs(minor - nearest) / nearest <= 0.1) return 0.6;
  return 0;
}

// ---- ranking -------------------------------------------------------------------------------

function scoreQuote(q: CandidateQuery, quote: Quote, speakers: Map<string, number>): ScoredCandidate | null {
  const reasons: MatchReason[] = [];
  const speaker = speakers.get(quote.speakerId) ?? 0;
  const wording = wordingSimilarity(q.text, quote.wording);
  if (speaker > 0) reasons.push('speaker');
  if (wording >= 0.5) reasons.push('wording');
  // Wording decides; the speaker breaks ties and lifts a quote whose words were changed a lot
  // (or translated), but another statement by the same person must not outrank the right one.
  const score = q.speaker ? 0.35 * speaker + 0.65 * wording : wording;
  if (wording < 0.2 && speaker === 0) return null;
  return { ref: { type: 'quote', id: quote.id }, score, reasons };
}

function scoreDeal(
  q: CandidateQuery,
  deal: Deal,
  payers: Map<string, number>,
  payees: Map<string, number>,
): ScoredCandidate | null {
  const reasons: MatchReason[] = [];
  const amount = q.value === undefined ? 0 : amountFit(q.value, deal);
  if (amount > 0) reasons.push('amount');
  const currency = !q.currency || !deal.currency ? 0.5 : q.currency === deal.currency ? 1 : 0;
  if (q.currency && currency === 1) reasons.push('currency');
  const parties: number[] = [];
  // A party named on the other side of the deal still points at it, but less surely.
  const side = (fits: Map<string, number>, same: string | null, other: string | null) =>
    Math.max(same ? (fits.get(same) ?? 0) : 0, other ? 0.5 * (fits.get(other) ?? 0) : 0);
  if (q.payer) {
    const fit = side(payers, deal.payerId, deal.payeeId);
    parties.push(fit);
    if (fit >= 0.7) reasons.push('payer');
  }
  if (q.payee) {
    const fit = side(payees, deal.payeeId, deal.payerId);
    parties.push(fit);
    if (fit >= 0.7) reasons.push('payee');
  }
  const party = parties.length ? parties.reduce((s, x) => s + x, 0) / parties.length : 0;
  if (amount === 0 && party === 0) return null;
  // A wrong currency makes the amount a different amount.
  const money = currency === 0 ? 0 : amount * (0.8 + 0.2 * currency);
  const score = parties.length ? 0.55 * money + 0.45 * party : 0.8 * money;
  return { ref: { type: 'deal', id: deal.id }, score, reasons };
}

/** Role claims name a person, often a title and an organisation: "Rotheides Kapitänin Jana Kowalczyk". */
function scoreRole(text: string, role: Role, byId: Map<string, Entity>): ScoredCandidate | null {
  const person = byId.get(role.personId);
  if (!person) return null;
  const mentions = (e: Entity) => [e.name, ...e.aliases].some((s) => containsWords(text, s));
  const reasons: MatchReason[] = [];
  if (!mentions(person)) return null;
  reasons.push('person');
  const titleWords = words(role.title);
  const textWords = new Set(words(text));
  // German role nouns take case endings and compounds ("Sportdirektorin", "Rotheide-Kapitänin").
  const titleHit =
    titleWords.length > 0 &&
    titleWords.every((t) => [...textWords].some((w) => w === t || w.endsWith(t) || w.startsWith(t)));
  if (titleHit) reasons.push('title');
  const org = role.organisationId ? byId.get(role.organisationId) : undefined;
  const orgHit = org ? mentions(org) : false;
  if (orgHit) reasons.push('organisation');
  const score = 0.5 + (titleHit ? 0.3 : 0) + (orgHit ? 0.2 : 0);
  return { ref: { type: 'role', id: role.id }, score, reasons };
}

function containsWords(text: string, surface: string): boolean {
  const t = words(text);
  const s = words(surface);
  if (s.length === 0) return false;
  for (let i = 0; i + s.length <= t.length; i++) {
    if (s.every((w, k) => t[i + k] === w || t[i + k] === `${w}s`)) return true;
  }
  return false;
}

/**
 * The facts that best fit a suggestion, best first, at most `limit`: for quotes the same speaker
 * (name or alias, folded) and similar wording — the speaker's other statements only when no
 * wording matches, translations of a matching statement always; for amounts the same parties and amount in the
 * same currency; for roles the person's role records, then the entities the text names. Other
 * kinds are matched to the entities they name.
 */
export function rankCandidates(
  q: CandidateQuery,
  facts: CandidateFacts,
  limit = MAX_CANDIDATES,
): ScoredCandidate[] {
  const out: ScoredCandidate[] = [];
  const byId = new Map(facts.entities.map((e) => [e.id, e]));
  switch (q.kind) {
    case 'quote': {
      const speakers = bestEntity(q.speaker, facts.entities, ['person']);
      const scored = facts.quotes.map((quote) => ({ quote, c: scoreQuote(q, quote, speakers) }));
      const strong = new Set(
        scored.filter(({ c }) => c?.reasons.includes('wording')).map(({ quote }) => quote.id),
      );
      const byId = new Map(facts.quotes.map((x) => [x.id, x]));
      const translates = (quote: Quote) =>
        (quote.translationOfId !== null && strong.has(quote.translationOfId)) ||
        [...strong].some((id) => byId.get(id)?.translationOfId === quote.id);
      for (const { quote, c } of scored) {
        if (!c) continue;
        // Once the words point at a statement, the speaker's other statements are noise; its
        // translations are not (the article may quote either version).
        if (strong.size > 0 && !strong.has(quote.id) && !translates(quote)) continue;
        out.push(c);
      }
      break;
    }
    case 'amount': {
      const payers = bestEntity(q.payer, facts.entities);
      const payees = bestEntity(q.payee, facts.entities);
      for (const deal of facts.deals) {
        const c = scoreDeal(q, deal, payers, payees);
        if (c) out.push(c);
      }
      break;
    }
    default: {
      if (q.kind === 'role') {
        for (const role of facts.roles) {
          const c = scoreRole(q.text, role, byId);
          if (c) out.push(c);
        }
      }
      for (const e of facts.entities) {
        if ([e.name, ...e.aliases].some((s) => containsWords(q.text, s))) {
          // An entity is a weaker proposal than a role record that names it.
          out.push({
            ref: { type: 'entity', id: e.id },
            score: q.kind === 'role' ? 0.45 : 0.5,
            reasons: ['name'],
          });
        }
      }
    }
  }
  return out
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.ref.id.localeCompare(b.ref.id))
    .slice(0, limit);
}
