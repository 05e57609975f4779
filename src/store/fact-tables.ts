import type { Citation, Deal, Entity, Quote, Role, Source } from '../shared/domain/facts';
import type { AuditRecordType } from '../shared/contract/facts-types';

/**
 * How each fact record maps onto its table: domain field → column, which fields are JSON,
 * and which text goes into its search index. The generic writes in records.ts use this,
 * so inserting, updating and deleting work (and are audited and indexed) the same way for all.
 */
export interface FactTable<T extends { id: string }> {
  type: AuditRecordType;
  table: string;
  columns: readonly (readonly [keyof T & string, string])[];
  json?: readonly (keyof T & string)[];
  /** The FTS table and the texts it indexes for a record; null when the record is not searchable. */
  fts: { table: string; text(record: T): (string | null)[] } | null;
}

export const entityTable: FactTable<Entity> = {
  type: 'entity',
  table: 'entities',
  columns: [
    ['id', 'id'],
    ['kind', 'kind'],
    ['name', 'name'],
    ['aliases', 'aliases'],
    ['note', 'note'],
  ],
  json: ['aliases'],
  fts: { table: 'entity_fts', text: (e) => [e.name, ...e.aliases] },
};

export const roleTable: FactTable<Role> = {
  type: 'role',
  table: 'roles',
  columns: [
    ['id', 'id'],
    ['personId', 'person_id'],
    ['title', 'title'],
    ['organisationId', 'organisation_id'],
    ['from', 'date_from'],
    ['to', 'date_to'],
  ],
  fts: null,
};

export const dealTable: FactTable<Deal> = {
  type: 'deal',
  table: 'deals',
  columns: [
    ['id', 'id'],
    ['kind', 'kind'],
    ['payerId', 'payer_id'],
    ['payeeId', 'payee_id'],
    ['subject', 'subject'],
    ['amountMinor', 'amount_minor'],
    ['amountMaxMinor', 'amount_max_minor'],
    ['currency', 'currency'],
    ['precision', 'precision'],
    ['dateFrom', 'date_from'],
    ['dateTo', 'date_to'],
    ['status', 'status'],
    ['reportedById', 'reported_by_id'],
    ['notes', 'notes'],
  ],
  fts: { table: 'deal_fts', text: (d) => [d.subject, d.notes] },
};

export const quoteTable: FactTable<Quote> = {
  type: 'quote',
  table: 'quotes',
  columns: [
    ['id', 'id'],
    ['speakerId', 'speaker_id'],
    ['roleAtTime', 'role_at_time'],
    ['wording', 'wording'],
    ['language', 'language'],
    ['date', 'date'],
    ['occasion', 'occasion'],
    ['translationOfId', 'translation_of_id'],
    ['status', 'status'],
    ['notes', 'notes'],
  ],
  fts: { table: 'quote_fts', text: (q) => [q.wording] },
};

export const sourceTable: FactTable<Source> = {
  type: 'source',
  table: 'sources',
  columns: [
    ['id', 'id'],
    ['kind', 'kind'],
    ['title', 'title'],
    ['publisher', 'publisher'],
    ['url', 'url'],
    ['publishedAt', 'published_at'],
    ['accessedAt', 'accessed_at'],
    ['notes', 'notes'],
    ['fileHash', 'file_hash'],
    ['fileName', 'file_name'],
  ],
  fts: { table: 'source_fts', text: (s) => [s.title, s.publisher] },
};

export const citationTable: FactTable<Citation> = {
  type: 'citation',
  table: 'citations',
  columns: [
    ['id', 'id'],
    ['factType', 'fact_type'],
    ['factId', 'fact_id'],
    ['sourceId', 'source_id'],
    ['locator', 'locator'],
    ['excerpt', 'excerpt'],
  ],
  fts: null,
};
