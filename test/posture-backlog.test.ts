/**
 * A worker that finds a backlog of posture jobs (it was away while ingest
 * asked for an evaluation every second) drains it in a few fetches and
 * evaluates new events within seconds: one job at a time, 120 jobs took a
 * minute of polls, and the tip behind them waited all that time.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { POSTURE_QUEUE } from '../src/queue.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { killAllProcesses, spawnProcess, stopProcess } from './support/processes.ts';
import { rawGql } from './support/two-orgs.ts';
import { decisions, ingestNdjson, policyCoverage } from './support/posture.ts';
import { until } from './support/until.ts';

const JOB_SCHEMA = `pgboss_backlog_${Math.random().toString(36).slice(2, 8)}`;
const BACKLOG = 120;
let app: TestApp;

beforeAll(async () => {
  // This process serves and enqueues; evaluations run in a worker process started later.
  app = await startTestApp({ jobs: 'enqueue', env: { JOB_SCHEMA } });
});
afterAll(async () => {
  killAllProcesses();
  await app.close();
});

it('a backlog of posture jobs does not hold back the evaluation of new events', async () => {
  const org = await app.newOrg('Posture backlog');
  await rawGql(app, org.adminKey, 'mutation { updatePostureSettings(input: { frameworks: ["governance"] }) { windowDays } }');
  await ingestNdjson(app, org.adminKey, decisions('base', 20, true));
  // What two minutes of ingest with no worker leave: a job due for every second.
  await app.services.queue!.insert(POSTURE_QUEUE, Array.from({ length: BACKLOG }, () => ({ data: { orgId: org.orgId } })));

  const worker = spawnProcess('worker', { JOB_SCHEMA });
  await worker.ready;
  await until(async () => (await policyCoverage(app, org.orgId))?.status === 'pass', 'the baseline', 30_000);

  await ingestNdjson(app, org.adminKey, decisions('uncovered', 20, false)); // 50%: FAIL
  const asked = performance.now();
  await until(async () => (await policyCoverage(app, org.orgId))?.status === 'fail', 'the evaluation of the new events', 20_000);
  // Well under the half a minute that polling the backlog one job at a time takes at the least.
  expect(performance.now() - asked).toBeLessThan(20_000);
  const [left] = await app.services.database.sql.unsafe(`select count(*)::int as n from ${JOB_SCHEMA}.job where name = $1 and state in ('created', 'retry', 'active')`, [POSTURE_QUEUE]);
  expect(left!.n).toBeLessThanOrEqual(2);
  expect(await stopProcess(worker.child)).toBe(0);
}, 90_000);
