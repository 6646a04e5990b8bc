import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prepared } from '../src/db/postgres';
import { startPostgres, type PostgresServer } from './postgres-server';

let server: PostgresServer;
let client: pg.Client;
beforeAll(async () => {
  server = await startPostgres();
  client = new pg.Client({ connectionString: server.url });
  await client.connect();
}, 60_000);
afterAll(async () => {
  await client?.end();
  await server?.stop();
});

const held = async () =>
  (await client.query<{ name: string }>('select name from pg_prepared_statements order by name')).rows.map(
    (row) => row.name,
  );

describe('statements prepared once per connection', () => {
  const prepared = new Prepared(); // one per pool, as in the service: the names are its own

  it('prepares a statement in the batch of its first use, and only executes it after', async () => {
    const square = { sql: 'select $1::int * $1::int as n', params: [7] };
    const first = prepared.batch(client, ['begin'], [square, square], ['commit']);
    expect(first.text).toBe(
      'begin;\nprepare vendor_0 as select $1::int * $1::int as n;\nexecute vendor_0(7);\nexecute vendor_0(7);\ncommit',
    );
    expect(await prepared.run(client, first)).toEqual([[{ n: 49 }], [{ n: 49 }]]);
    const again = prepared.batch(client, [], [{ ...square, params: [8] }], []);
    expect(again.text).toBe('execute vendor_0(8)');
    expect(await prepared.run(client, again)).toEqual([[{ n: 64 }]]);
  });

  it('after a failed batch, knows which PREPAREs ran: those after the failing statement did not', async () => {
    const failing = { sql: 'select 1 / $1::int as n', params: [0] };
    const later = { sql: "select 'later' as what", params: [] };
    const batch = prepared.batch(client, ['begin'], [failing, later], ['commit']);
    const name = /prepare (vendor_\d+) as select 'later'/.exec(batch.text)![1]!;
    await expect(prepared.run(client, batch)).rejects.toThrow('division by zero');
    expect(await held()).not.toContain(name);
    // Believing `later` prepared, this batch would EXECUTE a statement the connection does not have.
    const retry = prepared.batch(client, [], [later], []);
    expect(retry.text).toBe(`prepare ${name} as select 'later' as what;\nexecute ${name}`);
    expect(await prepared.run(client, retry)).toEqual([[{ what: 'later' }]]);
  });

  it('builds no batch with a text PostgreSQL cannot store, and remembers nothing of it', async () => {
    const echo = { sql: 'select $1::text as text', params: ['a\0b'] };
    expect(() => prepared.batch(client, [], [echo], [])).toThrow('NUL');
    expect(await prepared.run(client, prepared.batch(client, [], [{ ...echo, params: ["it's"] }], []))).toEqual([
      [{ text: "it's" }],
    ]);
  });
});
