import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  dealInput,
  entityInput,
  quoteInput,
  roleInput,
  sourceInput,
  citationInput,
} from '../shared/domain/fact-inputs';
import type { Actor } from './audit';
import { createCitation } from './citations';
import { openDatabase, type Db } from './db';
import { createDeal } from './deals';
import { createEntity } from './entities';
import { createQuote } from './quotes';
import { createRole } from './roles';
import { createSource } from './sources';

// A small store of invented facts for the store's tests, written through the real
// create functions (so the fixtures are validated, indexed and audited like user input).

export interface TempStore {
  db: Db;
  dir: string;
  file: string;
  close(): void;
}

export function openTempStore(): TempStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-facts-'));
  const file = path.join(dir, 'factdesk.sqlite');
  const db = openDatabase(file);
  return {
    db,
    dir,
    file,
    close() {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const tester: Actor = { user: 'Jana Test', via: 'test' };

export function seedFacts(db: Db) {
  const entity = (id: string, input: Record<string, unknown>) =>
    createEntity(db, entityInput.parse(input), tester, id);
  entity('ent-rotheide', { kind: 'club', name: 'SV Rotheide', aliases: ['SVR', 'Die Roten'] });
  entity('ent-almental', { kind: 'club', name: 'FC Almental', aliases: ['FCA'] });
  entity('ent-strivo', { kind: 'broadcaster', name: 'Strivo' });
  entity('ent-kurier', { kind: 'media', name: 'Almentaler Kurier' });
  entity('ent-kowalczyk', { kind: 'person', name: 'Jana Kowalczyk' });
  entity('ent-goetze', { kind: 'person', name: 'Lutz Götze', aliases: ['Lutz Goetze'] });
  entity('ent-mueller', { kind: 'person', name: 'Heike Müller' });
  createRole(
    db,
    roleInput.parse({
      personId: 'ent-kowalczyk',
      title: 'Kapitänin',
      organisationId: 'ent-rotheide',
      from: '2023-07-01',
    }),
    tester,
    'role-captain',
  );
  createRole(
    db,
    roleInput.parse({
      personId: 'ent-goetze',
      title: 'Sportdirektor',
      organisationId: 'ent-almental',
      from: '2020-01-01',
      to: '2024-06-30',
    }),
    tester,
    'role-goetze-old',
  );
  createRole(
    db,
    roleInput.parse({
      personId: 'ent-goetze',
      title: 'Geschäftsführer',
      organisationId: 'ent-almental',
      from: '2024-07-01',
    }),
    tester,
    'role-goetze-md',
  );
  createDeal(
    db,
    dealInput.parse({
      kind: 'broadcast_rights',
      payerId: 'ent-strivo',
      payeeId: 'ent-rotheide',
      subject: 'Streamingrechte für die Heimspiele in München und Rotheide',
      amountMinor: 500_000_000,
      currency: 'EUR',
      precision: 'approximately',
      dateFrom: '2025-07-01',
      dateTo: '2027-06-30',
      status: 'reported',
      reportedById: 'ent-kurier',
      notes: 'Laut Kurier inklusive Dokumentarserie.',
    }),
    tester,
    'deal-strivo',
  );
  createDeal(
    db,
    dealInput.parse({
      kind: 'transfer',
      payerId: 'ent-almental',
      payeeId: 'ent-rotheide',
      subject: 'Transfer of a young goalkeeper',
      amountMinor: 80_000_000,
      amountMaxMinor: 120_000_000,
      currency: 'EUR',
      precision: 'range',
      dateFrom: '2024-08-15',
      status: 'confirmed',
    }),
    tester,
    'deal-transfer',
  );
  createQuote(
    db,
    quoteInput.parse({
      speakerId: 'ent-goetze',
      roleAtTime: 'Geschäftsführer, FC Almental',
      wording: 'Wir haben in München einen neuen Vertrag unterschrieben, und zwar gern.',
      language: 'de',
      date: '2025-03-02',
      occasion: 'press_conference',
      status: 'verified',
    }),
    tester,
    'quote-goetze-de',
  );
  createQuote(
    db,
    quoteInput.parse({
      speakerId: 'ent-goetze',
      wording: 'We signed a new contract in Munich, and gladly so.',
      language: 'en',
      date: '2025-03-02',
      occasion: 'press_conference',
      translationOfId: 'quote-goetze-de',
      status: 'unverified',
    }),
    tester,
    'quote-goetze-en',
  );
  createQuote(
    db,
    quoteInput.parse({
      speakerId: 'ent-kowalczyk',
      wording: 'Die Mannschaft bleibt zusammen, egal was passiert.',
      language: 'de',
      date: '2025-05-10',
      occasion: 'interview',
      status: 'verified',
    }),
    tester,
    'quote-kowalczyk',
  );
  createSource(
    db,
    sourceInput.parse({
      kind: 'web_page',
      title: 'Strivo sichert sich die Rotheide-Rechte',
      publisher: 'Almentaler Kurier',
      url: 'https://kurier.example/strivo',
      publishedAt: '2025-06-20',
    }),
    tester,
    'src-kurier',
  );
  createSource(
    db,
    sourceInput.parse({
      kind: 'interview_recording',
      title: 'Pressekonferenz FC Almental',
      publishedAt: '2025-03-02',
    }),
    tester,
    'src-pk',
  );
  createCitation(
    db,
    citationInput.parse({
      factType: 'deal',
      factId: 'deal-strivo',
      sourceId: 'src-kurier',
      locator: 'Absatz 2',
      excerpt: 'rund fünf Millionen Euro',
    }),
    tester,
    'cit-deal',
  );
  createCitation(
    db,
    citationInput.parse({
      factType: 'quote',
      factId: 'quote-goetze-de',
      sourceId: 'src-pk',
      locator: '00:12:40',
    }),
    tester,
    'cit-quote',
  );
}
