// Checks that the text is as certain as the facts behind it: a confirmed deal or
// verified quote needs no "soll"/"reportedly", a merely reported one needs a hedge,
// and a denied or retracted one must not be stated as fact.

import type { Deal, DealStatus, Quote, QuoteStatus } from '../domain/facts';
import type { TextLanguage } from '../language/amounts';
import { findHedges, type Hedge } from '../language/hedges';
import { deQ, enQ, makeWarning, type Warning } from './warning';

type Certainty = 'certain' | 'uncertain' | 'negated';

const DEAL_CERTAINTY: Record<DealStatus, Certainty> = {
  confirmed: 'certain',
  reported: 'uncertain',
  rumoured: 'uncertain',
  denied: 'negated',
  withdrawn: 'negated',
};

const QUOTE_CERTAINTY: Record<QuoteStatus, Certainty> = {
  verified: 'certain',
  unverified: 'uncertain',
  disputed: 'uncertain',
  retracted: 'negated',
};

const STATUS_WORDS: Record<DealStatus | QuoteStatus, { de: string; en: string }> = {
  confirmed: { de: 'bestätigt', en: 'confirmed' },
  reported: { de: 'nur berichtet', en: 'only reported' },
  rumoured: { de: 'nur ein Gerücht', en: 'only rumoured' },
  denied: { de: 'dementiert', en: 'denied' },
  withdrawn: { de: 'zurückgezogen', en: 'withdrawn' },
  verified: { de: 'belegt', en: 'verified' },
  unverified: { de: 'nicht belegt', en: 'unverified' },
  disputed: { de: 'umstritten', en: 'disputed' },
  retracted: { de: 'zurückgezogen', en: 'retracted' },
};

// Text that already tells the reader a fact was denied or taken back.
const DENIAL_RE =
  /(?<![\p{L}])(?:dementi\p{L}*|bestreit\p{L}*|bestritt\p{L}*|bestritten|zurückgewiesen|wies\s+(?:\p{L}+\s+){0,6}?zurück|zurückgezogen|widerrufen|widerrief|denied|denies|deny|denial|rejected|dismissed|refuted|withdrew|withdrawn|retracted|retraction)(?![\p{L}])/iu;

interface Fact {
  type: 'deal' | 'quote';
  status: DealStatus | QuoteStatus;
  certainty: Certainty;
}

const FACT_WORDS = {
  deal: { de: 'Der Deal', deMid: 'der Deal', en: 'The deal', enMid: 'the deal' },
  quote: { de: 'Das Zitat', deMid: 'das Zitat', en: 'The quote', enMid: 'the quote' },
};

function checkFact(fact: Fact, hedges: Hedge[], denialMentioned: boolean): Warning[] {
  const status = STATUS_WORDS[fact.status];
  const subject = FACT_WORDS[fact.type];
  const params = { fact: fact.type, status: fact.status };
  const hedged = hedges.length > 0;

  if (fact.certainty === 'certain') {
    if (!hedged) return [];
    const hedge = hedges[0].text;
    return [
      makeWarning(
        'hedging.unneeded_hedge',
        'info',
        { ...params, hedge },
        `Der Text schränkt mit ${deQ(hedge)} ein, obwohl ${subject.deMid} ${status.de} ist; die Einschränkung kann entfallen.`,
        `The text hedges with ${enQ(hedge)} although ${subject.enMid} is ${status.en}; the hedge can go.`,
      ),
    ];
  }

  if (fact.certainty === 'uncertain') {
    if (hedged) return [];
    return [
      makeWarning(
        'hedging.stated_as_fact',
        'warning',
        params,
        `Der Text stellt es als Tatsache dar, doch ${subject.deMid} ist laut Beleg ${status.de}; bitte einschränken (z. B. „soll … haben“, „laut …“).`,
        `The text states this as fact, but ${subject.enMid} is ${status.en} on record; please hedge it (e.g. "reportedly", "according to …").`,
      ),
    ];
  }

  if (denialMentioned) return [];
  if (hedged) {
    return [
      makeWarning(
        'hedging.denial_not_mentioned',
        'warning',
        params,
        `${subject.de} ist laut Beleg ${status.de}; der Text gibt es eingeschränkt wieder, erwähnt das aber nicht.`,
        `${subject.en} is ${status.en} on record; the text reports it with a hedge but does not say so.`,
      ),
    ];
  }
  return [
    makeWarning(
      'hedging.denied_stated_as_fact',
      'error',
      params,
      `${subject.de} ist laut Beleg ${status.de}, der Text stellt es aber als Tatsache dar.`,
      `${subject.en} is ${status.en} on record, but the text states it as fact.`,
    ),
  ];
}

/**
 * Compares how certain the text sounds around a claim with the status of the
 * linked deal and/or quote. `contextText` is the sentence (or paragraph) around the
 * claim; hedges and mentions of a denial are looked for there and in the claim itself.
 */
export function checkHedging(
  claimText: string,
  contextText: string,
  deal: Deal | null,
  quote: Quote | null,
  lang: TextLanguage,
): Warning[] {
  const searched = contextText.includes(claimText) ? contextText : `${contextText}\n${claimText}`;
  const hedges = findHedges(searched, lang);
  const denialMentioned = DENIAL_RE.test(searched);
  const facts: Fact[] = [];
  if (deal) facts.push({ type: 'deal', status: deal.status, certainty: DEAL_CERTAINTY[deal.status] });
  if (quote) facts.push({ type: 'quote', status: quote.status, certainty: QUOTE_CERTAINTY[quote.status] });
  return facts.flatMap((f) => checkFact(f, hedges, denialMentioned));
}
