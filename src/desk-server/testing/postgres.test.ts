import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBinDir, startThrowawayPostgres } from './postgres';

describe('startThrowawayPostgres', () => {
  it('starts a cluster on loopback that answers queries, and removes it on stop', async () => {
    const cluster = await startThrowawayPostgres();
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query<{ n: number }>('SELECT 40 + 2 AS n');
    await client.end();
    expect(rows[0].n).toBe(42);
    expect(cluster.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//);
    await cluster.stop();
    const after = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 2000 });
    await expect(after.connect()).rejects.toThrow();
  });

  it('names the package to install when no initdb can be found', () => {
    expect(() => findPostgresBinDir({ PATH: '/nonexistent' }, '/nonexistent')).toThrow(
      /apt-get install -y postgresql/,
    );
  });

  it('finds the binaries of the installed package', () => {
    expect(findPostgresBinDir()).toMatch(/bin$/);
  });
});
