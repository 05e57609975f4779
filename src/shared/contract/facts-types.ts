import type {
  Citation,
  Deal,
  DealKind,
  DealStatus,
  AmountPrecision,
  Entity,
  EntityKind,
  Quote,
  QuoteStatus,
  Role,
  Source,
  SourceKind,
} from '../domain/facts';
import type { CitedFactType } from '../domain/fact-inputs';
import type { TextSegment } from '../search/highlight';
import type { PackProblem } from '../factpack/problems';

// Results of the facts channels: records plus what a reader needs next to them
// (names of the entities they point at, their citations, the articles relying on them).

export interface EntityRef {
  id: string;
  name: string;
  kind: EntityKind;
}

export interface EntitySuggestion extends EntityRef {
  aliases: string[];
}

export interface SourceRef {
  id: string;
  title: string;
  kind: SourceKind;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  fileName: string | null;
  fileHash: string | null;
}

export interface CitationView extends Citation {
  source: SourceRef;
}

/** An article whose claims link to a fact; such a fact cannot be deleted. */
export interface LinkedArticle {
  articleId: string;
  headline: string | null;
  claims: number;
}

export interface RoleView extends Role {
  person: EntityRef;
  organisation: EntityRef | null;
  citations: CitationView[];
}

export interface EntityView {
  entity: Entity;
  /** Roles this person held (when the entity is a person). */
  roles: RoleView[];
  /** Roles held at this organisation. */
  members: RoleView[];
  dealCount: number;
  quoteCount: number;
  citations: CitationView[];
  linkedArticles: LinkedArticle[];
}

export interface DealView {
  deal: Deal;
  payer: EntityRef | null;
  payee: EntityRef | null;
  reportedBy: EntityRef | null;
  citations: CitationView[];
  linkedArticles: LinkedArticle[];
}

export interface QuoteRef {
  id: string;
  wording: string;
  language: string;
  date: string | null;
}

export interface QuoteView {
  quote: Quote;
  speaker: EntityRef;
  translationOf: QuoteRef | null;
  translations: QuoteRef[];
  citations: CitationView[];
  linkedArticles: LinkedArticle[];
}

export interface CitedFact {
  citationId: string;
  factType: CitedFactType;
  factId: string;
  /** A short description of the fact: the deal's subject, the quote's first words, … */
  label: string;
  locator: string | null;
  excerpt: string | null;
}

export interface SourceView {
  source: Source;
  /** Present when the source names a file: whether this store holds it, and its size. */
  file: { stored: boolean; size: number | null } | null;
  citedBy: CitedFact[];
  linkedArticles: LinkedArticle[];
}

export type AuditRecordType = 'entity' | 'role' | 'deal' | 'quote' | 'source' | 'citation';

export interface AuditEntry {
  seq: number;
  recordType: AuditRecordType;
  recordId: string;
  action: 'create' | 'update' | 'delete';
  user: string;
  at: string;
  before: unknown;
  after: unknown;
  /** How the change came in: "app", "cli", "fact pack …". */
  via: string | null;
}

// ---- search ----------------------------------------------------------------------------

export const SEARCH_KINDS = ['entity', 'deal', 'quote', 'source'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchHitMeta =
  | { type: 'entity'; kind: EntityKind; aliases: string[] }
  | {
      type: 'deal';
      kind: DealKind;
      status: DealStatus;
      precision: AmountPrecision;
      amountMinor: number | null;
      amountMaxMinor: number | null;
      currency: string | null;
      dateFrom: string | null;
      dateTo: string | null;
      payer: string | null;
      payee: string | null;
    }
  | {
      type: 'quote';
      status: QuoteStatus;
      language: string;
      date: string | null;
      speaker: string;
      roleAtTime: string | null;
    }
  | {
      type: 'source';
      kind: SourceKind;
      publisher: string | null;
      publishedAt: string | null;
      hasFile: boolean;
      passage?: PassageRef | null;
    };

/** Where in a source's text a search matched: the hit's detail shows the words around it. */
export interface PassageRef {
  /** Position of the segment in the document (see shared/sources/document.ts). */
  ord: number;
  page: number | null;
  paragraph: number | null;
  /** "p. 3", "§ Transfers, ¶ 7" (shared/sources/locator.ts). */
  locator: string;
  /** The matched words with some context, without "…": what a link to the passage quotes. */
  excerpt: string;
}

export interface SearchHit {
  type: SearchKind;
  id: string;
  /** bm25 score (lower is better); 0 when listing without a query. */
  rank: number;
  /** The main text (name, subject, wording, title) with the matched words marked. */
  title: TextSegment[];
  /** Where else it matched (aliases, notes), marked; null when only the title matched. */
  detail: TextSegment[] | null;
  /** A deal or quote no source backs yet. */
  unsourced: boolean;
  meta: SearchHitMeta;
}

export interface SearchResult {
  hits: SearchHit[];
  /** More results exist than were returned. */
  truncated: boolean;
}

// ---- fact packs ------------------------------------------------------------------------

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange {
  type: AuditRecordType;
  id: string;
  label: string;
  fields: FieldChange[];
}

export interface ImportCounts {
  entities: number;
  roles: number;
  deals: number;
  quotes: number;
  sources: number;
  citations: number;
}

export interface ImportReport {
  /** False when nothing was written: problems were found, or changes need confirming. */
  applied: boolean;
  problems: PackProblem[];
  created: ImportCounts;
  unchanged: ImportCounts;
  /** Records the pack would change (or changed, when applied). */
  changes: RecordChange[];
  /** Updates exist and the caller did not confirm them (UI asks; CLI needs --update). */
  needsConfirmation: boolean;
  filesStored: number;
}

export interface FactStats {
  entities: number;
  roles: number;
  deals: number;
  quotes: number;
  sources: number;
  citations: number;
}
