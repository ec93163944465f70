/**
 * Two transactions that lock the same rows in opposite orders deadlock; the
 * server aborts one. Account writes on Citus meet this way through the
 * reference tables' shard locks, so they run through `retryTransient`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Sql } from '../src/db/client.ts';
import { retryTransient } from '../src/db/transient.ts';
import { startTestApp, type TestApp } from './support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
  await app.services.database.sql`create table deadlock_probe (id int primary key, v int not null)`;
});
afterAll(() => app.close());

/** Two transactions, each updating one row, waiting until the other has, then updating the other's row. */
async function crossUpdates(sql: Sql, wrap: <T>(work: () => Promise<T>) => Promise<T>) {
  await sql`delete from deadlock_probe`;
  await sql`insert into deadlock_probe values (1, 0), (2, 0)`;
  const attempts = [0, 0];
  let arrived = 0;
  let release!: () => void;
  const bothLocked = new Promise<void>((resolve) => (release = resolve));
  const run = (index: number, first: number, second: number) =>
    wrap(() =>
      sql.begin(async (tx) => {
        attempts[index]!++;
        await tx`update deadlock_probe set v = v + 1 where id = ${first}`;
        if (++arrived === 2) release();
        await bothLocked;
        await tx`update deadlock_probe set v = v + 1 where id = ${second}`;
      }),
    );
  const results = await Promise.allSettled([run(0, 1, 2), run(1, 2, 1)]);
  const rows = await sql`select id, v from deadlock_probe order by id`;
  return { results, attempts, values: rows.map((r) => r.v as number) };
}

it('provokes a real deadlock: without a retry, one of the two transactions fails with 40P01 and leaves nothing', async () => {
  const { results, values } = await crossUpdates(app.services.database.sql, (work) => work());
  const failed = results.filter((r) => r.status === 'rejected');
  expect(failed).toHaveLength(1);
  expect((failed[0] as PromiseRejectedResult).reason.code).toBe('40P01');
  expect(values).toEqual([1, 1]);
});

it('runs the aborted transaction again, so both commit, each exactly once', async () => {
  const { results, attempts, values } = await crossUpdates(app.services.database.sql, (work) => retryTransient(work));
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
  expect(attempts.toSorted()).toEqual([1, 2]);
  expect(values).toEqual([2, 2]);
});

it('does not retry an error that is not transient', async () => {
  let calls = 0;
  const failing = retryTransient(async () => {
    calls++;
    await app.services.database.sql`insert into deadlock_probe values (1, 0), (1, 0)`;
  });
  await expect(failing).rejects.toMatchObject({ code: '23505' });
  expect(calls).toBe(1);
});
