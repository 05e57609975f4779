import type { Claim, ClaimStatus } from '../domain/articles';
import type { Entity } from '../domain/facts';
import type { ExportContext, UiLanguage } from './context';
import { correctionSentence, inOrder, type CorrectionNote } from './corrections';
import { toIsoDay } from './dates';
import { claimSources, lastCheck, resolveClaimFacts } from './factText';

/**
 * schema.org ClaimReview JSON-LD for every claim in the text that a checker rated.
 * Unchecked claims and claims no longer in the text are left out. The claim's appearances are
 * the article itself (when its URL is known) and every source that states the linked fact.
 */
export interface ClaimReviewOptions {
  /** The organisation publishing the reviews. */
  publisher: { name: string; url?: string };
  /** Public URL of the article that carries the reviews; also listed as an appearance of each claim. */
  articleUrl?: string;
  /** Overrides the review date, which otherwise is the day of the latest status change. */
  datePublished?: string;
}

type RatedStatus = Exclude<ClaimStatus, 'unchecked'>;

// One scale for all reviews so readers can compare them: 1 worst, 5 best.
const RATING: Record<RatedStatus, { value: number; de: string; en: string }> = {
  false: { value: 1, de: 'Falsch', en: 'False' },
  disputed: { value: 2, de: 'Umstritten', en: 'Disputed' },
  unsourced: { value: 3, de: 'Unbelegt', en: 'Unsourced' },
  verified: { value: 5, de: 'Bestätigt', en: 'Verified' },
};
export const RATING_WORST = 1;
export const RATING_BEST = 5;

interface JsonLdParty {
  '@type': 'Person' | 'Organization';
  name: string;
  url?: string;
}

export interface ClaimReviewJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  claimReviewed: string;
  datePublished: string;
  /** The day of the latest correction concerning this claim. */
  dateModified?: string;
  inLanguage: string;
  /** What the correction says, in the article's language, when the claim was corrected. */
  reviewBody?: string;
  /** schema.org CreativeWork.correction: one CorrectionComment per correction of this claim. */
  correction?: { '@type': 'CorrectionComment'; text: string; datePublished: string }[];
  url?: string;
  author: JsonLdParty;
  reviewRating: {
    '@type': 'Rating';
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: string;
  };
  itemReviewed: {
    '@type': 'Claim';
    author?: JsonLdParty;
    datePublished?: string;
    appearance?: { '@type': 'CreativeWork'; name: string; url?: string; publisher?: JsonLdParty }[];
  };
}

function party(entity: Entity): JsonLdParty {
  return { '@type': entity.kind === 'person' ? 'Person' : 'Organization', name: entity.name };
}

/** Who made the claim: the speaker of a linked quote, else who reported a linked deal. */
function claimAuthor(claim: Claim, ctx: ExportContext): { author?: JsonLdParty; date?: string } {
  const { facts } = ctx;
  for (const ref of claim.links) {
    if (ref.type === 'quote') {
      const quote = facts.quotes.find((q) => q.id === ref.id);
      const speaker = quote && facts.entities.find((e) => e.id === quote.speakerId);
      if (speaker) return { author: party(speaker), date: quote.date ?? undefined };
    }
  }
  for (const ref of claim.links) {
    if (ref.type === 'deal') {
      const deal = facts.deals.find((d) => d.id === ref.id);
      const reporter = deal?.reportedById
        ? facts.entities.find((e) => e.id === deal.reportedById)
        : undefined;
      if (reporter) return { author: party(reporter) };
    }
  }
  return {};
}

export function claimReviews(ctx: ExportContext, options: ClaimReviewOptions): ClaimReviewJsonLd[] {
  const language: UiLanguage = ctx.meta.language;
  const publisher: JsonLdParty = { '@type': 'Organization', name: options.publisher.name };
  if (options.publisher.url) publisher.url = options.publisher.url;

  return ctx.claims
    .filter((claim): claim is Claim & { status: RatedStatus } => claim.status !== 'unchecked' && claim.inText)
    .map((claim) => {
      const rating = RATING[claim.status];
      const sources = claimSources(resolveClaimFacts(claim, ctx.facts, language));
      const { author, date } = claimAuthor(claim, ctx);
      const appearance = sources.map(({ source }) => {
        const work: { '@type': 'CreativeWork'; name: string; url?: string; publisher?: JsonLdParty } = {
          '@type': 'CreativeWork',
          name: source.title,
        };
        if (source.url) work.url = source.url;
        if (source.publisher) work.publisher = { '@type': 'Organization', name: source.publisher };
        return work;
      });
      if (options.articleUrl)
        appearance.unshift({
          '@type': 'CreativeWork',
          name: ctx.meta.headline,
          url: options.articleUrl,
          publisher,
        });
      const itemReviewed: ClaimReviewJsonLd['itemReviewed'] = { '@type': 'Claim' };
      if (author) itemReviewed.author = author;
      if (date) itemReviewed.datePublished = date;
      if (appearance.length > 0) itemReviewed.appearance = appearance;

      const review: ClaimReviewJsonLd = {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim.text,
        datePublished:
          options.datePublished ??
          toIsoDay(lastCheck(claim)?.at) ??
          toIsoDay(claim.updatedAt) ??
          toIsoDay(ctx.meta.updatedAt) ??
          new Date().toISOString().slice(0, 10),
        inLanguage: language,
        author: publisher,
        reviewRating: {
          '@type': 'Rating',
          ratingValue: rating.value,
          bestRating: RATING_BEST,
          worstRating: RATING_WORST,
          alternateName: rating[language],
        },
        itemReviewed,
      };
      if (options.articleUrl) review.url = options.articleUrl;
      const corrections = inOrder((ctx.corrections ?? []).filter((c) => c.claimIds.includes(claim.id)));
      if (corrections.length > 0) {
        const latest = corrections[corrections.length - 1];
        const day = (c: CorrectionNote) => toIsoDay(c.createdAt) ?? c.createdAt;
        // A status set after the correction dates the review itself later; modified is never before published.
        review.dateModified = day(latest) > review.datePublished ? day(latest) : review.datePublished;
        review.reviewBody = correctionSentence(latest, language);
        review.correction = corrections.map((c) => ({
          '@type': 'CorrectionComment',
          text: correctionSentence(c, language),
          datePublished: day(c),
        }));
      }
      return review;
    });
}

/**
 * JSON-LD is made to be pasted into `<script type="application/ld+json">`. Claim text, source
 * titles and URLs come from people and pasted pages: a raw `</script>` (or `<!--`) there would
 * end that element and run what follows. Written as \u escapes, they are the same JSON to every
 * parser and inert in HTML; U+2028/9 likewise, for scripts that read JSON as JavaScript.
 */
export function jsonLdText(value: unknown): string {
  return (
    JSON.stringify(value, null, 2).replace(
      /[<>&\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ) + '\n'
  );
}

/** The reviews as a JSON-LD document: always an array, empty when nothing was rated. */
export function exportClaimReview(ctx: ExportContext, options: ClaimReviewOptions): string {
  return jsonLdText(claimReviews(ctx, options));
}
