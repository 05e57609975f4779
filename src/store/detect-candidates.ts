import { nameFit, type CandidateFacts, type CandidateQuery } from '../shared/detect/candidates';
import type { KnownPerson, KnownRole } from '../shared/detect/types';
import type { Deal, Entity, Quote, Role } from '../shared/domain/facts';
import { foldForMatch } from '../shared/language/fold';
import { normalizeQuoteText } from '../shared/language/quotes';
import type { Db } from './db';
import { getDeal } from './deals';
import { entityTable, roleTable } from './fact-tables';
import { getQuote } from './quotes';
import { getRecords } from './records';
import { searchFacts } from './search';

/** Every entity, for the detector's names and aliases and for matching names in suggestions. */
export function allEntities(db: Db): Entity[] {
  return getRecords(db, entityTable, 'ORDER BY seq');
}

/**
 * Every person with aliases and roles over time, the organisation named, for the detector's
 * surname and role resolution ("der Rotheide-Kapitän" on the article's date).
 */
export function knownPeople(db: Db): KnownPerson[] {
  const entities = allEntities(db);
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const roles = new Map<string, KnownRole[]>();
  for (const r of getRecords(db, roleTable, 'ORDER BY seq')) {
    const role: KnownRole = { title: r.title };
    const org = r.organisationId ? names.get(r.organisationId) : undefined;
    if (org) role.org = org;
    if (r.from) role.from = r.from;
    if (r.to) role.to = r.to;
    roles.set(r.personId, [...(roles.get(r.personId) ?? []), role]);
  }
  return entities
    .filter((e) => e.kind === 'person')
    .map((e) => ({ id: e.id, name: e.name, aliases: e.aliases, roles: roles.get(e.id) ?? [] }));
}

/** How many quotes or deals of one person or pair of parties are read; more would be noise anyway. */
const PER_ENTITY = 200;
/** Words of a quote searched one by one, longest first: a slip in one word must not hide the quote. */
const WORDING_PROBES = 5;
const PER_PROBE = 25;

function matching(
  written: string | undefined,
  entities: readonly Entity[],
  kinds?: readonly string[],
): string[] {
  if (!written) return [];
  return entities
    .filter((e) => (!kinds || kinds.includes(e.kind)) && nameFit(written, e) > 0)
    .map((e) => e.id);
}

/** The longest distinct words of the quote, which say most about which statement it is. */
function probeWords(text: string): string[] {
  const words = Array.from(new Set(foldForMatch(normalizeQuoteText(text)).match(/[\p{L}\p{N}]{4,}/gu) ?? []));
  return words.sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, WORDING_PROBES);
}

/**
 * The facts worth scoring for one suggestion, read through the fact search: for a quote, the
 * statements of people the suggestion's speaker could be and statements sharing its longest
 * words; for an amount, deals within a tenth of it and deals of the parties it names; for other
 * kinds, the role records of people the text names. `entities` is `allEntities(db)`, read once
 * per batch.
 */
export function candidateFacts(db: Db, q: CandidateQuery, entities: readonly Entity[]): CandidateFacts {
  const quotes = new Map<string, Quote>();
  const deals = new Map<string, Deal>();
  let roles: Role[] = [];
  const addQuote = (id: string) => {
    if (quotes.has(id)) return;
    const quote = getQuote(db, id);
    if (quote) quotes.set(id, quote);
  };
  const addDeal = (id: string) => {
    if (deals.has(id)) return;
    const deal = getDeal(db, id);
    if (deal) deals.set(id, deal);
  };

  if (q.kind === 'quote') {
    for (const speakerId of matching(q.speaker, entities, ['person'])) {
      for (const hit of searchFacts(db, {
        query: '',
        kinds: ['quote'],
        entityId: speakerId,
        limit: PER_ENTITY,
      }).hits)
        addQuote(hit.id);
    }
    for (const word of probeWords(q.text)) {
      for (const hit of searchFacts(db, { query: word, kinds: ['quote'], limit: PER_PROBE }).hits)
        addQuote(hit.id);
    }
  } else if (q.kind === 'amount') {
    if (q.value !== undefined && q.value > 0) {
      const minor = Math.round(q.value * 100);
      const window = { amountMin: Math.floor(minor * 0.9), amountMax: Math.ceil(minor * 1.1) };
      for (const hit of searchFacts(db, { query: '', kinds: ['deal'], ...window, limit: PER_ENTITY }).hits)
        addDeal(hit.id);
    }
    for (const party of [...matching(q.payer, entities), ...matching(q.payee, entities)]) {
      for (const hit of searchFacts(db, { query: '', kinds: ['deal'], entityId: party, limit: PER_ENTITY })
        .hits)
        addDeal(hit.id);
    }
  } else if (q.kind === 'role') {
    const folded = ` ${foldForMatch(q.text)} `;
    const named = entities.filter(
      (e) => e.kind === 'person' && [e.name, ...e.aliases].some((s) => folded.includes(foldForMatch(s))),
    );
    if (named.length > 0) {
      roles = getRecords(
        db,
        roleTable,
        `WHERE person_id IN (${named.map(() => '?').join(', ')}) ORDER BY seq`,
        named.map((e) => e.id),
      );
    }
  }
  return { entities, roles, deals: [...deals.values()], quotes: [...quotes.values()] };
}
