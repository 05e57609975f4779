import type { ArticleBody, ArticleMeta, Claim } from '../domain/articles';
import type { Correction } from '../domain/corrections';
import type { Citation, Deal, Entity, Quote, Role, Source } from '../domain/facts';

export type UiLanguage = 'de' | 'en';

/** A warning a check raised on a claim and nobody dismissed (dismissed ones live on the claim). */
export interface ClaimWarning {
  claimId: string;
  code: string;
  message: string;
}

export interface ExportFacts {
  entities: Entity[];
  roles: Role[];
  deals: Deal[];
  quotes: Quote[];
  sources: Source[];
  citations: Citation[];
}

export interface GateOverride {
  reason: string;
  by: string;
  at: string;
}

/** Everything the annotated export and the fact-check report need, gathered by the caller. */
export interface ExportContext {
  meta: ArticleMeta;
  body: ArticleBody;
  claims: Claim[];
  facts: ExportFacts;
  /** Set when someone marked the article "ready" although the gate had open findings. */
  gateOverride?: GateOverride | null;
  /** Open warnings from the claim checks; optional because not every caller runs the checks. */
  warnings?: ClaimWarning[];
  /** Language of labels; defaults to the article language. */
  uiLanguage?: UiLanguage;
  /** Corrections of the published article (withdrawn ones left out). */
  corrections?: Correction[];
}
