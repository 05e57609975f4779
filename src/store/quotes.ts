import type { QuoteRef, QuoteView } from '../shared/contract/facts-types';
import type { QuoteInput, QuoteUpdate } from '../shared/domain/fact-inputs';
import type { Quote } from '../shared/domain/facts';
import { UserError } from '../shared/result';
import type { Actor } from './audit';
import { citationsFor, deleteCitationsOf } from './citations';
import { assertNotLinked, linkedArticles } from './claim-links';
import type { Db } from './db';
import { entityRef, entityRefProblems } from './entity-refs';
import { refuse } from './fact-problems';
import { quoteTable } from './fact-tables';
import { prepared } from './prepared';
import { deleteRecord, getRecord, insertRecord, newFactId, sameRecord, updateRecord } from './records';

export function getQuote(db: Db, id: string): Quote | null {
  return getRecord(db, quoteTable, id);
}

function requireQuote(db: Db, id: string): Quote {
  const q = getQuote(db, id);
  if (!q) throw new UserError('not_found', { key: 'noSuchQuote', params: { id } });
  return q;
}

function check(db: Db, q: Omit<Quote, 'id'>, id: string): void {
  const problems = entityRefProblems(db, 'speakerId', q.speakerId);
  if (q.translationOfId !== null) {
    const original = getQuote(db, q.translationOfId);
    if (q.translationOfId === id)
      problems.push({ path: 'translationOfId', message: 'must not refer to the quote itself' });
    else if (!original)
      problems.push({
        path: 'translationOfId',
        message: `refers to a quote that does not exist ("${q.translationOfId}")`,
      });
    else if (original.translationOfId === id)
      problems.push({
        path: 'translationOfId',
        message: 'refers to a quote that is itself a translation of this one',
      });
  }
  if (problems.length) refuse({ key: 'theQuote' }, problems);
}

export function createQuote(db: Db, input: QuoteInput, actor: Actor, id = newFactId('quote')): Quote {
  return db.transaction(() => {
    check(db, input, id);
    return insertRecord(db, quoteTable, { id, ...input }, actor);
  })();
}

export function updateQuote(db: Db, input: QuoteUpdate, actor: Actor): Quote {
  return db.transaction(() => {
    const before = requireQuote(db, input.id);
    check(db, input, input.id);
    const after: Quote = { ...input };
    return sameRecord(quoteTable, before, after)
      ? before
      : updateRecord(db, quoteTable, before, after, actor);
  })();
}

function translations(db: Db, id: string): QuoteRef[] {
  return prepared(
    db,
    'SELECT id, wording, language, date FROM quotes WHERE translation_of_id = ? ORDER BY language, seq',
  ).all(id) as QuoteRef[];
}

export function deleteQuote(db: Db, id: string, actor: Actor): void {
  db.transaction(() => {
    const quote = requireQuote(db, id);
    assertNotLinked(db, 'quote', id, { key: 'theQuote' });
    const t = translations(db, id);
    if (t.length)
      throw new UserError('conflict', {
        key: 'quoteTranslated',
        params: { count: t.length, languages: t.map((x) => x.language).join(', ') },
      });
    deleteCitationsOf(db, 'quote', id, actor);
    deleteRecord(db, quoteTable, quote, actor);
  })();
}

export function quoteView(db: Db, id: string): QuoteView {
  const quote = requireQuote(db, id);
  const original = quote.translationOfId ? getQuote(db, quote.translationOfId) : null;
  return {
    quote,
    speaker: entityRef(db, quote.speakerId)!,
    translationOf: original
      ? { id: original.id, wording: original.wording, language: original.language, date: original.date }
      : null,
    translations: translations(db, id),
    citations: citationsFor(db, 'quote', id),
    linkedArticles: linkedArticles(db, 'quote', id),
  };
}
