import { z } from 'zod';
import type { DetectOptions, Suggestion, SuggestionKind } from './types';

const KINDS = [
  'quote',
  'amount',
  'date',
  'count',
  'ranking',
  'role',
  'other',
] as const satisfies readonly SuggestionKind[];

const goldClaim = z.object({
  kind: z.enum(KINDS),
  text: z.string().min(1),
  speaker: z.string().optional(),
  value: z.number().optional(),
  currency: z.string().optional(),
  /** One hedge, or the alternatives an annotator would accept. */
  hedge: z.union([z.string(), z.array(z.string())]).optional(),
  payer: z.string().optional(),
  payee: z.string().optional(),
  /**
   * Amounts: the club a generic party ("der Klub", "dem Verein", "the Bundesliga side") refers
   * to, when the article named it before; `payer`/`payee` keep the words as written.
   */
  payerResolved: z.string().optional(),
  payeeResolved: z.string().optional(),
  /** Quotes: how the text names the speaker (name, role, pronoun, anaphor such as "der 24-Jährige"). */
  speakerKind: z.enum(['name', 'role', 'pronoun', 'anaphor']).optional(),
  /** Quotes: the fact-store person the speaker resolves to. */
  speakerId: z.string().optional(),
  /** The medium or body a claim is attributed to ("Almentaler Bote", "The Ledger"), without quote marks. */
  source: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

const entity = z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), kind: z.string() });

const knownPerson = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  gender: z.enum(['m', 'f']).optional(),
  roles: z.array(
    z.object({
      title: z.string(),
      org: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
  ),
});

const corpusSchema = z.object({
  lang: z.enum(['de', 'en']),
  note: z.string().optional(),
  /** False when dates, counts, rankings and roles are not annotated, so they are not scored. */
  otherClaims: z.boolean().optional(),
  /** False for files written before sources were annotated, so sources are not scored there. */
  sources: z.boolean().optional(),
  /** True for files that annotate what a generic party refers to (payerResolved/payeeResolved). */
  resolvedParties: z.boolean().optional(),
  /**
   * True for development copy written after the corpus was split into development and frozen
   * test set; it widens what the rules are tuned on but does not count towards the split.
   */
  afterSplit: z.boolean().optional(),
  articles: z.array(
    z.object({
      id: z.string().min(1),
      /** The article's date (YYYY-MM-DD), for roles held at that time. */
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      entities: z.array(entity).optional(),
      /** People the fact store knows, with aliases and roles over time. */
      people: z.array(knownPerson).optional(),
      paragraphs: z
        .array(
          z.object({
            text: z.string(),
            claims: z.array(goldClaim),
            /** Quoted titles and names (films, books, newspapers) that are not speech. */
            titles: z.array(z.string()).optional(),
          }),
        )
        .min(1),
    }),
  ),
});

export type GoldClaim = z.infer<typeof goldClaim>;
export type Corpus = z.infer<typeof corpusSchema>;
export type CorpusArticle = Corpus['articles'][number];

export interface LocatedGold extends GoldClaim {
  start: number;
  end: number;
  paragraph: number;
}

export interface PreparedArticle {
  id: string;
  text: string;
  options: DetectOptions;
  gold: LocatedGold[];
  /** Spans of quoted titles that must not come back as quotes. */
  titles: { start: number; end: number; text: string }[];
  /** Whether dates, counts, rankings and roles are annotated and scored. */
  otherClaims: boolean;
  /** Whether the media claims are attributed to are annotated and scored. */
  sources: boolean;
  /** Written after the development/test split (see the corpus schema). */
  afterSplit: boolean;
  /** Whether what a generic party ("der Klub") refers to is annotated and scored. */
  resolvedParties: boolean;
}

export type Prepared = { ok: true; articles: PreparedArticle[] } | { ok: false; errors: string[] };

/**
 * Validates an annotated corpus and turns each gold claim's text into offsets. Gold text is
 * searched from the start of its paragraph, after earlier claims with the same text, so
 * repeated phrases are told apart by order. Errors name the article, paragraph and claim.
 */
export function prepareCorpus(json: unknown): Prepared {
  const parsed = corpusSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'corpus'}: ${i.message}`),
    };
  }
  const errors: string[] = [];
  const articles: PreparedArticle[] = [];
  for (const article of parsed.data.articles) {
    const text = article.paragraphs.map((p) => p.text).join('\n');
    const gold: LocatedGold[] = [];
    const titles: PreparedArticle['titles'] = [];
    let paraStart = 0;
    article.paragraphs.forEach((p, pi) => {
      (p.titles ?? []).forEach((t, ti) => {
        const at = text.indexOf(t, paraStart);
        if (at < 0 || at >= paraStart + p.text.length)
          errors.push(
            `${article.id}, paragraph ${pi + 1}, title ${ti + 1}: text "${t}" not found in the paragraph`,
          );
        else titles.push({ start: at, end: at + t.length, text: t });
      });
      const used = new Map<string, number>();
      p.claims.forEach((c, ci) => {
        const from = used.get(c.text) ?? paraStart;
        const at = text.indexOf(c.text, from);
        if (at < 0 || at >= paraStart + p.text.length) {
          errors.push(
            `${article.id}, paragraph ${pi + 1}, claim ${ci + 1} (${c.kind}): text "${c.text}" not found in the paragraph`,
          );
          return;
        }
        used.set(c.text, at + c.text.length);
        gold.push({ ...c, start: at, end: at + c.text.length, paragraph: pi });
      });
      paraStart += p.text.length + 1;
    });
    const options: DetectOptions = { lang: parsed.data.lang, entities: article.entities };
    if (article.people) options.people = article.people;
    if (article.date) options.date = article.date;
    articles.push({
      id: article.id,
      text,
      gold,
      titles,
      otherClaims: parsed.data.otherClaims ?? true,
      sources: parsed.data.sources ?? true,
      afterSplit: parsed.data.afterSplit ?? false,
      resolvedParties: parsed.data.resolvedParties ?? false,
      options,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, articles };
}

export type Detect = (text: string, options: DetectOptions) => Suggestion[];
