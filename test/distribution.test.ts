/**
 * The tables stay shardable: every table of schema.ts is listed once in
 * src/db/distribution.ts, and, as the migrated database has them, every
 * unique index of a table sharded by organisation includes `org_id` and
 * every foreign key is one Citus keeps (to a reference table, or to a
 * sharded table through `org_id`). On a Citus coordinator, `migrate` has
 * made each table what the list says.
 */
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, type Database } from '../src/db/client.ts';
import { citusState, DISTRIBUTED_BY_ORG, REFERENCE } from '../src/db/distribution.ts';
import * as schema from '../src/db/schema.ts';
import { databaseUrl } from './support/app.ts';

const names = (tables: readonly PgTable[]) => tables.map((t) => getTableConfig(t).name);
const distributed = names(DISTRIBUTED_BY_ORG);
const reference = names(REFERENCE);

let database: Database;
beforeAll(() => {
  database = connect(databaseUrl(), { max: 1 });
});
afterAll(() => database.close());

it('lists every table of the schema exactly once, as sharded by organisation or as a reference table', () => {
  const all = (Object.values(schema) as unknown[])
    .filter((v): v is PgTable => v instanceof PgTable)
    .map((t) => getTableConfig(t).name)
    .sort();
  expect([...distributed, ...reference].sort()).toEqual(all);
  for (const table of DISTRIBUTED_BY_ORG) expect(getTableConfig(table).columns.map((c) => c.name)).toContain('org_id');
});

it('every unique index of a sharded table includes org_id', async () => {
  const rows = await database.sql`
    select c.relname as "table", i.relname as "index",
           exists (select 1 from unnest(x.indkey) k join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k where a.attname = 'org_id') as has_org
    from pg_index x join pg_class c on c.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
    where x.indisunique and c.relname = any(${distributed}) and c.relnamespace = 'public'::regnamespace`;
  expect(rows.length).toBeGreaterThanOrEqual(distributed.length - 6); // the rollup tables have no key
  expect(rows.filter((r) => !r.has_org).map((r) => `${r.table}.${r.index}`)).toEqual([]);
});

it('every foreign key goes to a reference table, or to a sharded table through org_id', async () => {
  const keys = await database.sql`
    select conrelid::regclass::text as "from", confrelid::regclass::text as "to",
           (select array_agg(attname order by attname) from pg_attribute where attrelid = conrelid and attnum = any(conkey)) as columns
    from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace
      and conrelid::regclass::text !~ '_[0-9]+$' -- not the coordinator's own placements of reference tables
    `;
  expect(keys.length).toBeGreaterThan(10);
  const wrong = keys.filter((k) => {
    if (reference.includes(k.to)) return !reference.includes(k.from) && !distributed.includes(k.from);
    if (reference.includes(k.from)) return true; // a reference table cannot point into shards
    return !(distributed.includes(k.from) && distributed.includes(k.to) && (k.columns as string[]).includes('org_id'));
  });
  expect(wrong.map((k) => `${k.from} → ${k.to} (${(k.columns as string[]).join(', ')})`)).toEqual([]);
});

it('on a Citus coordinator each listed table is what the list says, in one co-location group; elsewhere no table is touched', async () => {
  const state = await citusState(database.sql);
  if (!state.citus) {
    const [ext] = await database.sql`select count(*)::int as n from pg_extension where extname = 'citus'`;
    expect(ext!.n).toBe(0);
    return;
  }
  const rows = await database.sql`
    select logicalrelid::regclass::text as name, partmethod, repmodel, colocationid,
           column_to_column_name(logicalrelid, partkey) as "column"
    from pg_dist_partition where logicalrelid::regclass::text = any(${[...distributed, ...reference]})`;
  const byName = new Map(rows.map((r) => [r.name as string, r]));
  for (const name of distributed) expect(byName.get(name), name).toMatchObject({ partmethod: 'h', column: 'org_id' });
  for (const name of reference) expect(byName.get(name), name).toMatchObject({ partmethod: 'n', repmodel: 't' });
  expect(new Set(distributed.map((n) => byName.get(n)!.colocationid)).size).toBe(1);
});
