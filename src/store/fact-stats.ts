import type { FactStats } from '../shared/contract/facts-types';
import type { Db } from './db';
import { prepared } from './prepared';

export function factStats(db: Db): FactStats {
  return prepared(
    db,
    `SELECT (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM roles) AS roles,
            (SELECT count(*) FROM deals) AS deals, (SELECT count(*) FROM quotes) AS quotes,
            (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM citations) AS citations`,
  ).get() as FactStats;
}
