/**
 * A posture evaluation killed half-way loses nothing: a real worker process
 * is SIGKILLed while its evaluation waits to write (the test holds a lock on
 * the snapshot table), so it has computed the change but committed nothing;
 * the retried job on another worker writes it, the subscriber hears it once,
 * and the change is stored once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { killAllProcesses, killProcess, spawnProcess, stopProcess } from './support/processes.ts';
import { rawGql, readSse } from './support/two-orgs.ts';
import { decisions, ingestNdjson, policyCoverage } from './support/posture.ts';
import { until } from './support/until.ts';

const JOB_SCHEMA = `pgboss_posture_${Math.random().toString(36).slice(2, 8)}`;
let app: TestApp;

beforeAll(async () => {
  // This process serves and enqueues; evaluations run in worker processes on the same queue.
  app = await startTestApp({ jobs: 'enqueue', env: { JOB_SCHEMA } });
});
afterAll(async () => {
  killAllProcesses();
  await app.close();
});

const ingest = (key: string, events: unknown[]) => ingestNdjson(app, key, events);

it('a worker killed during a re-evaluation loses nothing: the next one brings the state up to date', async () => {
  const org = await app.newOrg('Posture crash');
  await rawGql(app, org.adminKey, 'mutation { updatePostureSettings(input: { frameworks: ["governance"] }) { windowDays } }');
  const first = spawnProcess('worker', { JOB_SCHEMA });
  await first.ready;
  await ingest(org.adminKey, decisions('base', 20, true));
  await until(async () => (await policyCoverage(app, org.orgId))?.status === 'pass', 'the first evaluation', 30_000);

  const subscriber = readSse(app, org.adminKey, 'subscription { postureChanges { checkId from to } }', {}, { until: (t) => t.includes('"to":"FAIL"'), timeoutMs: 90_000 });
  await until(() => app.services.posture.subscriberCount === 1, 'the subscription', 5_000);

  // Hold inserts into the snapshots: the next evaluation computes, then waits inside its transaction.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = app.services.database.sql.begin(async (tx) => {
    await tx`lock table posture_snapshots in share row exclusive mode`;
    await released;
  });
  await ingest(org.adminKey, decisions('uncovered', 20, false)); // 50%: FAIL
  await until(
    async () => (await app.services.database.sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%posture_snapshots%'`).length > 0,
    'the evaluation to wait for its write',
    30_000,
  );
  await killProcess(first.child);
  release();
  await held;
  // Nothing of the killed evaluation was committed.
  expect(await policyCoverage(app, org.orgId)).toMatchObject({ status: 'pass' });

  const second = spawnProcess('worker', { JOB_SCHEMA });
  await second.ready;
  // Its job is retried once the dead worker's heartbeat is missed.
  await until(async () => (await policyCoverage(app, org.orgId))?.status === 'fail', 'the retried evaluation', 60_000);
  expect(await policyCoverage(app, org.orgId)).toEqual({ status: 'fail', value: 50 });
  const changes = await app.services.database.sql`select from_status, to_status from posture_changes where org_id = ${org.orgId} and check_id = 'policy-coverage' order by id`;
  const transitions = changes.map((c) => [c.from_status, c.to_status]);
  expect(transitions.at(-1)).toEqual(['pass', 'fail']);
  expect(transitions.filter(([, to]) => to === 'fail')).toHaveLength(1);

  // The subscriber heard the change, once.
  const text = await subscriber;
  expect(text.match(/"checkId":"policy-coverage"/g)).toHaveLength(1);
  expect(text).toContain('"checkId":"policy-coverage","from":"PASS","to":"FAIL"');
  expect(await stopProcess(second.child)).toBe(0);
});
