import {
  AMOUNT_PRECISIONS,
  DEAL_KINDS,
  DEAL_STATUSES,
  ENTITY_KINDS,
  QUOTE_OCCASIONS,
  QUOTE_STATUSES,
  SOURCE_KINDS,
} from '../../shared/domain/facts';
import type { Migration } from './types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The verified-fact store. Every table keeps an INTEGER `seq` as its rowid alias so the
 * contentless FTS tables can point at rows by a number that VACUUM never renumbers, and a
 * TEXT `id` that is stable across stores (fact packs carry it).
 */
export const migration0002: Migration = {
  version: 2,
  name: 'facts',
  up(db) {
    db.exec(`
      CREATE TABLE entities (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN (${list(ENTITY_KINDS)})),
        name TEXT NOT NULL CHECK (length(name) > 0),
        aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX entities_kind_name ON entities (kind, name);

      CREATE TABLE roles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        person_id TEXT NOT NULL REFERENCES entities (id),
        title TEXT NOT NULL CHECK (length(title) > 0),
        organisation_id TEXT REFERENCES entities (id),
        date_from TEXT,
        date_to TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (date_from IS NULL OR date_to IS NULL OR date_from <= date_to)
      );
      CREATE INDEX roles_person ON roles (person_id, date_from);
      CREATE INDEX roles_organisation ON roles (organisation_id);

      CREATE TABLE deals (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN (${list(DEAL_KINDS)})),
        payer_id TEXT REFERENCES entities (id),
        payee_id TEXT REFERENCES entities (id),
        subject TEXT NOT NULL CHECK (length(subject) > 0),
        amount_minor INTEGER,
        amount_max_minor INTEGER,
        currency TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency = upper(currency))),
        precision TEXT NOT NULL CHECK (precision IN (${list(AMOUNT_PRECISIONS)})),
        date_from TEXT,
        date_to TEXT,
        status TEXT NOT NULL CHECK (status IN (${list(DEAL_STATUSES)})),
        reported_by_id TEXT REFERENCES entities (id),
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (payer_id IS NULL OR payee_id IS NULL OR payer_id <> payee_id),
        CHECK (amount_max_minor IS NULL OR amount_minor IS NULL OR amount_minor <= amount_max_minor),
        CHECK (date_from IS NULL OR date_to IS NULL OR date_from <= date_to)
      );
      CREATE INDEX deals_payer ON deals (payer_id);
      CREATE INDEX deals_payee ON deals (payee_id);
      CREATE INDEX deals_reported_by ON deals (reported_by_id);
      CREATE INDEX deals_date ON deals (date_from);

      CREATE TABLE quotes (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        speaker_id TEXT NOT NULL REFERENCES entities (id),
        role_at_time TEXT,
        wording TEXT NOT NULL CHECK (length(wording) > 0),
        language TEXT NOT NULL,
        date TEXT,
        occasion TEXT NOT NULL CHECK (occasion IN (${list(QUOTE_OCCASIONS)})),
        translation_of_id TEXT REFERENCES quotes (id),
        status TEXT NOT NULL CHECK (status IN (${list(QUOTE_STATUSES)})),
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (translation_of_id IS NULL OR translation_of_id <> id)
      );
      CREATE INDEX quotes_speaker ON quotes (speaker_id, date);
      CREATE INDEX quotes_translation_of ON quotes (translation_of_id);
      CREATE INDEX quotes_date ON quotes (date);

      CREATE TABLE sources (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN (${list(SOURCE_KINDS)})),
        title TEXT NOT NULL CHECK (length(title) > 0),
        publisher TEXT,
        url TEXT,
        published_at TEXT,
        accessed_at TEXT,
        notes TEXT,
        file_hash TEXT CHECK (file_hash IS NULL OR (length(file_hash) = 64 AND file_hash NOT GLOB '*[^0-9a-f]*')),
        file_name TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX sources_file_hash ON sources (file_hash);
      CREATE INDEX sources_published ON sources (published_at);

      -- A citation backs one fact; fact_id is polymorphic, so its existence is kept by the store code.
      CREATE TABLE citations (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        fact_type TEXT NOT NULL CHECK (fact_type IN ('entity', 'role', 'deal', 'quote')),
        fact_id TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources (id),
        locator TEXT,
        excerpt TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX citations_fact ON citations (fact_type, fact_id);
      CREATE INDEX citations_source ON citations (source_id);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        before TEXT CHECK (before IS NULL OR json_valid(before)),
        after TEXT CHECK (after IS NULL OR json_valid(after)),
        via TEXT
      );
      CREATE INDEX audit_log_record ON audit_log (record_type, record_id, seq);

      -- Filled by the claims feature; read here so a fact an article relies on is never deleted silently.
      CREATE TABLE claim_links (
        claim_id TEXT NOT NULL,
        article_id TEXT NOT NULL,
        fact_type TEXT NOT NULL,
        fact_id TEXT NOT NULL,
        PRIMARY KEY (claim_id, fact_type, fact_id)
      );
      CREATE INDEX claim_links_fact ON claim_links (fact_type, fact_id);

      -- Search text is folded in JavaScript (see shared/search/fold.ts) into two spellings per
      -- document: t (umlauts transliterated, ä → ae) and s (diacritics stripped, ä → a).
      -- Contentless: the originals live in the tables above; rowid = that table's seq.
      CREATE VIRTUAL TABLE entity_fts USING fts5 (t, s, content = '', contentless_delete = 1, prefix = '2 3');
      CREATE VIRTUAL TABLE deal_fts USING fts5 (t, s, content = '', contentless_delete = 1, prefix = '2 3');
      CREATE VIRTUAL TABLE quote_fts USING fts5 (t, s, content = '', contentless_delete = 1, prefix = '2 3');
      CREATE VIRTUAL TABLE source_fts USING fts5 (t, s, content = '', contentless_delete = 1, prefix = '2 3');
    `);
  },
};
