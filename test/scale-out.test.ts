/**
 * Scale-out: two API processes and two worker processes on one PostgreSQL.
 * Twenty reports requested at once through both APIs all complete exactly
 * once, both workers take part, and a subscriber on each API sees every
 * report's progress through to completed, whichever worker built it.
 */
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../client/gql.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { killAllProcesses, spawnProcess } from './support/processes.ts';

const ScaleGenerate = graphql(`
  mutation ScaleGenerate($input: GenerateReportInput!) {
    generateReport(input: $input) { id status }
  }
`);

const ScaleUpdates = graphql(`
  subscription ScaleUpdates {
    reportUpdates { reportId status percent stage }
  }
`);

const JOB_SCHEMA = `pgboss_scale_${process.pid}`;
const spawn = (mode: 'serve' | 'worker') => spawnProcess(mode, { LOG_LEVEL: 'info', JOB_SCHEMA, REPORT_STEP_DELAY_MS: '30' });

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
const END = new Date('2026-11-01T00:00:00Z');

beforeAll(async () => {
  // This process runs no jobs: only the spawned workers do.
  app = await startTestApp({ jobs: 'none' });
  org = await app.newOrg('Scale-out');
  await seedDemoData(app.services, org.orgId, { events: 20_000, seed: 5, end: END });
});

afterAll(async () => {
  killAllProcesses();
  await app.close();
});

it('two APIs and two workers: 20 reports requested at once complete exactly once, each API\'s subscriber sees them all', async () => {
  const apis = [spawn('serve'), spawn('serve')];
  const workers = [spawn('worker'), spawn('worker')];
  const urls = await Promise.all(apis.map((a) => a.ready));
  await Promise.all(workers.map((w) => w.ready));
  expect(new Set(urls).size).toBe(2);

  // One reportUpdates subscriber per API process.
  const seen = urls.map(() => new Map<string, Array<{ status: string; percent: number }>>());
  const clients: Client[] = [];
  const subscribed = urls.map((url, i) => new Promise<void>((resolve, reject) => {
    const client = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${org.adminKey}` }, retryAttempts: 0, on: { connected: () => resolve() } });
    clients.push(client);
    client.subscribe<{ reportUpdates: { reportId: string; status: string; percent: number } }>(
      { query: print(ScaleUpdates) },
      {
        next: (value) => {
          const update = value.data!.reportUpdates;
          const list = seen[i]!.get(update.reportId) ?? [];
          list.push({ status: update.status, percent: update.percent });
          seen[i]!.set(update.reportId, list);
        },
        error: reject,
        complete: () => {},
      },
    );
  }));
  await Promise.all(subscribed);
  // The subscription is registered on the server shortly after the connection is acknowledged.
  await new Promise((resolve) => setTimeout(resolve, 300));

  // Twenty requests at once, alternating between the two APIs.
  const types = ['soc2', 'governance', 'iso27001', 'hipaa', 'eu_ai_act'];
  const requested = await Promise.all(
    Array.from({ length: 20 }, async (_, n) => {
      const response = await fetch(`${urls[n % 2]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${org.adminKey}` },
        body: JSON.stringify({
          query: print(ScaleGenerate),
          variables: { input: { type: types[n % types.length], title: `scale ${n}`, period: { start: '2026-08-01T00:00:00Z', end: END.toISOString() } } },
        }),
      });
      const body = (await response.json()) as { data?: { generateReport: { id: string; status: string } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data!.generateReport.id;
    }),
  );
  expect(new Set(requested).size).toBe(20);
  const rowIds = requested.map((id) => Buffer.from(id, 'base64').toString('utf8').split(':')[1]!);

  const deadline = Date.now() + 240_000;
  for (;;) {
    const rows = await app.services.database.sql`select status from reports where id = any(${rowIds}::uuid[])`;
    if (rows.every((r) => r.status === 'completed')) break;
    expect(rows.filter((r) => r.status === 'failed')).toEqual([]);
    if (Date.now() > deadline) throw new Error(`not all reports completed: ${rows.map((r) => r.status).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // Exactly once: one job per report, completed on its first attempt, one "completed" log line across
  // both workers, and each report's findings written once.
  // pg-boss marks a job completed once its handler returns (after the report row is written).
  const jobsOf = () => app.services.database.sql.unsafe(
    `select data->>'reportId' as report_id, state, retry_count from ${JOB_SCHEMA}.job where name = 'report-generate' and data->>'reportId' = any($1::text[])`,
    [rowIds],
  );
  let jobs = await jobsOf();
  while (jobs.some((j) => j.state === 'active') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    jobs = await jobsOf();
  }
  expect(jobs).toHaveLength(20);
  expect(jobs.map((j) => `${j.state}/${j.retry_count}`)).toEqual(jobs.map(() => 'completed/0'));
  const completedBy = new Map<string, number>();
  for (const w of workers) {
    for (const line of w.output().split('\n')) {
      if (!line.includes('"report completed"')) continue;
      const { reportId } = JSON.parse(line) as { reportId: string };
      completedBy.set(reportId, (completedBy.get(reportId) ?? 0) + 1);
    }
  }
  expect(rowIds.map((id) => completedBy.get(id))).toEqual(rowIds.map(() => 1));
  const perWorker = workers.map((w) => w.output().split('\n').filter((l) => l.includes('"report completed"')).length);
  expect(perWorker.every((n) => n > 0)).toBe(true);
  const duplicates = await app.services.database.sql`
    select report_id, ordinal, count(*)::int as n from findings where report_id = any(${rowIds}::uuid[]) group by 1, 2 having count(*) > 1`;
  expect(duplicates).toEqual([]);

  // Each API's subscriber saw every report, through generating to completed.
  for (const updates of seen) {
    const deadlineSeen = Date.now() + 10_000;
    while (requested.some((id) => updates.get(id)?.at(-1)?.status !== 'COMPLETED') && Date.now() < deadlineSeen) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const id of requested) {
      const list = updates.get(id) ?? [];
      expect(list.at(-1), `report ${id}`).toEqual({ status: 'COMPLETED', percent: 100 });
      expect(list.some((u) => u.status === 'GENERATING')).toBe(true);
    }
  }
  await Promise.all(clients.map((c) => c.dispose()));
}, 300_000);
