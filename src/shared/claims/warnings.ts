import { checkHedging } from '../checks/hedging';
import { compareAmount, type AmountVerdict } from '../checks/amountMatch';
import { compareQuote, type DiffPart, type QuoteVerdict } from '../checks/quoteIntegrity';
import { checkSpeaker } from '../checks/speaker';
import { makeWarning, type Warning } from '../checks/warning';
import { scanQuotes } from '../detect/quote-marks';
import { quoteInContext } from './quoteSpan';
import { splitSentences } from '../detect/sentences';
import type { ArticleLanguage, Claim } from '../domain/articles';
import type { Deal, FactRef, Quote } from '../domain/facts';
import type { ExportFacts } from '../export/context';
import { parseAmounts, type ParsedAmount } from '../language/amounts';
import { findAttribution } from '../detect/find-attribution';
import type { ClaimContext } from './context';

/** What a check compared for one linked fact, for the panel (the quote diff) and the report. */
export type ClaimCheck =
  | {
      type: 'quote';
      factId: string;
      verdict: QuoteVerdict;
      diff: DiffPart[];
      textWording: string;
      verifiedWording: string;
    }
  | { type: 'amount'; factId: string; verdict: AmountVerdict | 'not_found'; inText: string | null }
  | {
      type: 'speaker';
      factId: string;
      attributedName: string | null;
      roleInText: string | null;
      speaker: string;
    };

/**
 * A check's warning about one claim. `key` tells two findings with the same code apart (one per
 * linked fact) and is what a dismissal records; `fact` is the linked fact it is about.
 */
export interface ClaimWarning extends Warning {
  key: string;
  fact: FactRef | null;
}

export interface ClaimCheckResult {
  /** Every finding, dismissed or not. */
  warnings: ClaimWarning[];
  checks: ClaimCheck[];
}

type ClaimForChecks = Pick<Claim, 'text' | 'links' | 'status'>;

const keyOf = (code: string, fact: FactRef | null) => (fact ? `${code}/${fact.type}:${fact.id}` : code);

function about(fact: FactRef | null, warnings: Warning[]): ClaimWarning[] {
  return warnings.map((w) => ({ ...w, key: keyOf(w.code, fact), fact }));
}

/** The sentence(s) the mark lies in; hedges elsewhere in the paragraph say nothing about this claim. */
function sentenceAround(context: ClaimContext, lang: ArticleLanguage): string {
  const spans = scanQuotes(context.text, lang).spans;
  const sentences = splitSentences(context.text, spans, lang).filter(
    (s) => s.start < Math.max(context.end, context.start + 1) && s.end > context.start,
  );
  if (sentences.length === 0) return context.text.slice(context.start, context.end);
  return context.text.slice(sentences[0].start, sentences[sentences.length - 1].end);
}

function checkLinkedQuote(
  quote: Quote,
  ref: FactRef,
  context: ClaimContext,
  facts: ExportFacts,
  lang: ArticleLanguage,
  out: ClaimCheckResult,
): void {
  const span = quoteInContext(context, lang);
  const comparison = compareQuote(span.wording, quote.wording);
  out.checks.push({
    type: 'quote',
    factId: quote.id,
    verdict: comparison.verdict,
    diff: comparison.diff,
    textWording: span.wording,
    verifiedWording: quote.wording,
  });
  out.warnings.push(...about(ref, comparison.warnings));

  const speaker = facts.entities.find((e) => e.id === quote.speakerId);
  if (!speaker) return;
  const attribution = findAttribution(context.text, span.start, span.end, lang);
  // A pronoun ("sagte er") points back to a name elsewhere; it can be neither confirmed nor refuted here.
  if (attribution?.pronoun && !attribution.role) return;
  const orgNames = Object.fromEntries(
    facts.entities.filter((e) => e.kind !== 'person').map((e) => [e.id, e.name]),
  );
  const attributedName = attribution?.name ?? null;
  const roleInText = attribution?.role ?? null;
  out.checks.push({ type: 'speaker', factId: quote.id, attributedName, roleInText, speaker: speaker.name });
  out.warnings.push(
    ...about(
      ref,
      checkSpeaker({
        attributedName,
        roleInText,
        speaker,
        rolesOfSpeaker: facts.roles.filter((r) => r.personId === speaker.id),
        quoteDate: quote.date,
        orgNames,
      }),
    ),
  );
}

/** Of several amounts in the claim, the one that fits the deal best decides. */
function bestAmount(amounts: ParsedAmount[], deal: Deal) {
  const rank = { match: 0, compatible: 1, undisclosed: 2, currency_mismatch: 3, mismatch: 4 } as const;
  return amounts
    .map((amount) => ({ amount, comparison: compareAmount(amount, deal) }))
    .sort((a, b) => rank[a.comparison.verdict] - rank[b.comparison.verdict])[0];
}

function checkLinkedDeal(
  deal: Deal,
  ref: FactRef,
  claimText: string,
  lang: ArticleLanguage,
  out: ClaimCheckResult,
): void {
  const amounts = parseAmounts(claimText, lang);
  if (amounts.length === 0) {
    if (deal.precision === 'undisclosed') return;
    out.checks.push({ type: 'amount', factId: deal.id, verdict: 'not_found', inText: null });
    out.warnings.push(
      ...about(ref, [
        makeWarning(
          'amount.not_found',
          'info',
          {},
          'Im markierten Text steht kein Betrag, der sich mit dem Deal vergleichen ließe.',
          'The marked text contains no amount to compare with the deal.',
        ),
      ]),
    );
    return;
  }
  const { amount, comparison } = bestAmount(amounts, deal);
  out.checks.push({ type: 'amount', factId: deal.id, verdict: comparison.verdict, inText: amount.text });
  out.warnings.push(...about(ref, comparison.warnings));
}

/**
 * Runs every check that applies to a claim against the facts it links to: quote integrity and
 * speaker/role for linked quotes, amount for linked deals, hedging for both. `context` is the
 * paragraph around the mark; `facts` must hold the linked facts and what they refer to
 * (speakers with their roles, organisations). Warnings come back undismissed; see `openWarnings`.
 */
export function runClaimChecks(
  claim: ClaimForChecks,
  context: ClaimContext,
  facts: ExportFacts,
  lang: ArticleLanguage,
): ClaimCheckResult {
  const out: ClaimCheckResult = { warnings: [], checks: [] };
  const sentence = sentenceAround(context, lang);
  const claimText = context.end > context.start ? context.text.slice(context.start, context.end) : claim.text;

  for (const ref of claim.links) {
    if (ref.type === 'quote') {
      const quote = facts.quotes.find((q) => q.id === ref.id);
      if (!quote) out.warnings.push(...about(ref, [missingFact(ref)]));
      else {
        checkLinkedQuote(quote, ref, context, facts, lang, out);
        out.warnings.push(...about(ref, checkHedging(claimText, sentence, null, quote, lang)));
      }
    } else if (ref.type === 'deal') {
      const deal = facts.deals.find((d) => d.id === ref.id);
      if (!deal) out.warnings.push(...about(ref, [missingFact(ref)]));
      else {
        checkLinkedDeal(deal, ref, claimText, lang, out);
        out.warnings.push(...about(ref, checkHedging(claimText, sentence, deal, null, lang)));
      }
    } else {
      const list = { entity: facts.entities, role: facts.roles, source: facts.sources }[ref.type];
      if (!list.some((f) => f.id === ref.id)) out.warnings.push(...about(ref, [missingFact(ref)]));
    }
  }

  if (claim.status === 'verified' && claim.links.length === 0) {
    out.warnings.push(
      ...about(null, [
        makeWarning(
          'claim.verified_without_facts',
          'warning',
          {},
          'Die Behauptung ist als verifiziert markiert, aber mit keinem Fakt und keiner Quelle verknüpft.',
          'The claim is marked verified but is linked to no fact or source.',
        ),
      ]),
    );
  }
  return out;
}

function missingFact(ref: FactRef): Warning {
  return makeWarning(
    'link.missing_fact',
    'error',
    { type: ref.type, id: ref.id },
    `Der verknüpfte Fakt (${ref.type} ${ref.id}) ist nicht mehr im Faktenspeicher.`,
    `The linked fact (${ref.type} ${ref.id}) is no longer in the fact store.`,
  );
}

/** The warnings nobody dismissed; a dismissal names the warning's key. */
export function openWarnings(
  warnings: readonly ClaimWarning[],
  claim: Pick<Claim, 'dismissedWarnings'>,
): ClaimWarning[] {
  const dismissed = new Set(claim.dismissedWarnings.map((d) => d.code));
  return warnings.filter((w) => !dismissed.has(w.key));
}
