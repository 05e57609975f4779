import { z } from 'zod';
import type { DetectOptions, Suggestion, SuggestionKind } from './types';

const KINDS = ['quote', 'amount', 'date', 'count', 'ranking', 'role', 'other'] as const satisfies readonly SuggestionKind[];

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
});

const entity = z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), kind: z.string() });

const corpusSchema = z.object({
  lang: z.enum(['de', 'en']),
  note: z.string().optional(),
  articles: z.array(
    z.object({
      id: z.string().min(1),
      entities: z.array(entity).optional(),
      paragraphs: z.array(z.object({ text: z.string(), claims: z.array(goldClaim) })).min(1),
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
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'corpus'}: ${i.message}`) };
  }
  const errors: string[] = [];
  const articles: PreparedArticle[] = [];
  for (const article of parsed.data.articles) {
    const text = article.paragraphs.map((p) => p.text).join('\n');
    const gold: LocatedGold[] = [];
    let paraStart = 0;
    article.paragraphs.forEach((p, pi) => {
      const used = new Map<string, number>();
      p.claims.forEach((c, ci) => {
        const from = used.get(c.text) ?? paraStart;
        const at = text.indexOf(c.text, from);
        if (at < 0 || at >= paraStart + p.text.length) {
          errors.push(`${article.id}, paragraph ${pi + 1}, claim ${ci + 1} (${c.kind}): text "${c.text}" not found in the paragraph`);
          return;
        }
        used.set(c.text, at + c.text.length);
        gold.push({ ...c, start: at, end: at + c.text.length, paragraph: pi });
      });
      paraStart += p.text.length + 1;
    });
    articles.push({ id: article.id, text, gold, options: { lang: parsed.data.lang, entities: article.entities } });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, articles };
}

export type Detect = (text: string, options: DetectOptions) => Suggestion[];
