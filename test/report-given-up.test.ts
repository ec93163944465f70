/**
 * A report whose job pg-boss gives up on never stays generating: with real
 * worker processes, the only attempt's worker is SIGKILLed mid-report; once
 * pg-boss fails the job for its lost heartbeat, a healthy worker fails the
 * report with a reason a person understands, its progress stream ends with
 * that state and the completion notification goes out. The sweeper does the
 * same for a report whose job no longer exists.
 */
import { print } from 'graphql';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { notifications, organizations, reports } from '../src/db/schema.ts';
import { REPORT_QUEUE } from '../src/queue.ts';
import { givenUpReason, REPORT_SWEEP_QUEUE } from '../src/jobs/report-worker.ts';
import { generatingReport } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ownTestDatabase } from './support/databases.ts';
import { killAllProcesses, killProcess, spawnProcess } from './support/processes.ts';
import { until } from './support/until.ts';

const GivenUpProgress = graphql(`
  subscription GivenUpProgress($id: ID!) {
    reportProgress(id: $id) { status stage message }
  }
`);

const JOB_SCHEMA = `pgboss_given_up_${Math.random().toString(36).slice(2, 8)}`;
let app: TestApp;
let database: Awaited<ReturnType<typeof ownTestDatabase>>;
let org: Awaited<ReturnType<TestApp['newOrg']>>;

beforeAll(async () => {
  // A database of its own: another file's worker sweeping the shared one would fail this file's old pending report.
  database = await ownTestDatabase();
  app = await startTestApp({ jobs: 'enqueue', env: { JOB_SCHEMA, DATABASE_URL: database.url } });
  org = await app.newOrg('Given up');
  await app.services.database.db.update(organizations).set({ notify: { emails: ['ops@example.com'] } }).where(eq(organizations.id, org.orgId));
}, 120_000);
afterAll(async () => {
  killAllProcesses();
  await app?.close();
  await database?.drop();
}, 60_000);

const reportRow = async (id: string) => (await app.services.database.db.select().from(reports).where(eq(reports.id, id)))[0]!;
const failedNotices = (id: string) =>
  app.services.database.db.select().from(notifications).where(and(eq(notifications.reportId, id), eq(notifications.event, 'report.failed')));

describe('a report job given up by pg-boss', () => {
  it('fails the report with how its attempt ended, ends its progress stream and notifies, when its only worker was killed', async () => {
    const id = await generatingReport(app.services, org.orgId, 'Doomed');
    // Each progress step then waits a minute: the worker is surely mid-report when it is killed.
    const doomed = spawnProcess('worker', { JOB_SCHEMA, DATABASE_URL: database.url, REPORT_STEP_DELAY_MS: '60000' });
    await doomed.ready;
    await app.services.queue!.send(REPORT_QUEUE, { reportId: id }, { retryLimit: 0 });
    const stream = app.fetch('/graphql', {
      method: 'POST',
      key: org.adminKey,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: print(GivenUpProgress), variables: { id: Buffer.from(`Report:${id}`).toString('base64') } }),
    });
    await until(async () => (await reportRow(id)).progressPercent > 1, 'the worker to be mid-report', 60_000);
    await killProcess(doomed.child);

    // The healthy worker starts after the kill, so it never takes the job itself.
    const healthy = spawnProcess('worker', { JOB_SCHEMA, DATABASE_URL: database.url });
    await healthy.ready;
    const failed = await until(async () => {
      const row = await reportRow(id);
      return row.status === 'failed' ? row : undefined;
    }, 'the report to fail', 90_000);
    expect(failed.error).toBe(givenUpReason(0, { value: { message: 'job heartbeat timeout' } }));
    expect(failed.error).toMatch(/given up after its only attempt: .*stopped answering.*killed or ran out of memory/);
    expect(failed.progressStage).toBe('failed');

    const text = await (await stream).text(); // ends with the report's final state
    const events = [...text.matchAll(/^data: (.+)$/gm)].map((m) => JSON.parse(m[1]!) as { data?: { reportProgress: { status: string; message: string } } });
    expect(events.at(-1)!.data!.reportProgress).toMatchObject({ status: 'FAILED', message: failed.error });
    const notices = await until(async () => ((await failedNotices(id)).length ? failedNotices(id) : undefined), 'the failure notification');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('given up after its only attempt');
  }, 240_000);

  it('words how many attempts there were and each way the last one can end', () => {
    expect(givenUpReason(4, { value: { message: 'job heartbeat timeout' } })).toMatch(/^Generation was given up after 5 attempts: the last one ended because its worker stopped answering/);
    expect(givenUpReason(1, { value: { message: 'job timed out' } })).toMatch(/after 2 attempts: .*ran longer than the job time limit/);
    expect(givenUpReason(0, { message: 'relation "x" does not exist' })).toMatch(/failed with an error \(the service log has the details\)\.$/);
    expect(givenUpReason(0, { message: 'relation "x" does not exist' })).not.toContain('relation');
  });
});

describe('the sweeper', () => {
  it('fails old reports whose job no longer exists, and leaves young ones and those with a live job alone', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    const orphan = await generatingReport(app.services, org.orgId, 'Orphan', 'soc2', { createdAt: hourAgo });
    const young = await generatingReport(app.services, org.orgId, 'Young');
    const queued = await generatingReport(app.services, org.orgId, 'Queued', 'soc2', { createdAt: hourAgo, status: 'pending' });
    // A live job that no worker takes before the sweep: it starts in an hour.
    await app.services.queue!.send(REPORT_QUEUE, { reportId: queued }, { startAfter: 3600 });

    // Each test's processes end with it (see spawnProcess): this one starts its own worker.
    const worker = spawnProcess('worker', { JOB_SCHEMA, DATABASE_URL: database.url });
    await worker.ready;
    // The sweep as the cron sends it, taken by the worker process.
    await app.services.queue!.send(REPORT_SWEEP_QUEUE, {});
    const swept = await until(async () => {
      const row = await reportRow(orphan);
      return row.status === 'failed' ? row : undefined;
    }, 'the orphan to be failed', 60_000);
    expect(swept.error).toBe("Generation stopped: the report's job no longer exists. Generate the report again.");
    await until(async () => ((await failedNotices(orphan)).length ? true : undefined), 'the failure notification');
    // Whole rows: a failure shows the error a report was failed with.
    expect(await reportRow(young)).toMatchObject({ status: 'generating', error: null });
    expect(await reportRow(queued)).toMatchObject({ status: 'pending', error: null });
  }, 120_000);
});
