import type { DealView } from '../shared/contract/facts-types';
import { dealProblems, type DealInput, type DealUpdate } from '../shared/domain/fact-inputs';
import type { Deal } from '../shared/domain/facts';
import { REPORTER_KINDS } from '../shared/factpack/validate';
import { UserError } from '../shared/result';
import type { Actor } from './audit';
import { citationsFor, deleteCitationsOf } from './citations';
import { assertNotLinked, linkedArticles } from './claim-links';
import type { Db } from './db';
import { entityRef, entityRefProblems } from './entity-refs';
import { refuse } from './fact-problems';
import { dealTable } from './fact-tables';
import { deleteRecord, getRecord, insertRecord, newFactId, sameRecord, updateRecord } from './records';

export function getDeal(db: Db, id: string): Deal | null {
  return getRecord(db, dealTable, id);
}

function requireDeal(db: Db, id: string): Deal {
  const d = getDeal(db, id);
  if (!d) throw new UserError('not_found', { key: 'noSuchDeal', params: { id } });
  return d;
}

function check(db: Db, d: Omit<Deal, 'id'>): void {
  const problems = [
    ...entityRefProblems(db, 'payerId', d.payerId),
    ...entityRefProblems(db, 'payeeId', d.payeeId),
    ...entityRefProblems(db, 'reportedById', d.reportedById, REPORTER_KINDS, 'a media outlet or broadcaster'),
    ...dealProblems(d),
  ];
  if (problems.length) refuse({ key: 'theDeal' }, problems);
}

export function createDeal(db: Db, input: DealInput, actor: Actor, id = newFactId('deal')): Deal {
  return db.transaction(() => {
    check(db, input);
    return insertRecord(db, dealTable, { id, ...input }, actor);
  })();
}

export function updateDeal(db: Db, input: DealUpdate, actor: Actor): Deal {
  return db.transaction(() => {
    const before = requireDeal(db, input.id);
    check(db, input);
    const after: Deal = { ...input };
    return sameRecord(dealTable, before, after) ? before : updateRecord(db, dealTable, before, after, actor);
  })();
}

export function deleteDeal(db: Db, id: string, actor: Actor): void {
  db.transaction(() => {
    const deal = requireDeal(db, id);
    assertNotLinked(db, 'deal', id, { key: 'theDealNamed', params: { title: deal.subject } });
    deleteCitationsOf(db, 'deal', id, actor);
    deleteRecord(db, dealTable, deal, actor);
  })();
}

export function dealView(db: Db, id: string): DealView {
  const deal = requireDeal(db, id);
  return {
    deal,
    payer: entityRef(db, deal.payerId),
    payee: entityRef(db, deal.payeeId),
    reportedBy: entityRef(db, deal.reportedById),
    citations: citationsFor(db, 'deal', id),
    linkedArticles: linkedArticles(db, 'deal', id),
  };
}
