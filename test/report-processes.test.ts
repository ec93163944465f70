/**
 * Real OS processes on one PostgreSQL: an API process and a worker process,
 * progress crossing between them through LISTEN/NOTIFY; and a worker killed
 * with SIGKILL mid-report, after which a new worker completes the report
 * with the same content hash as an undisturbed run.
 */
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../client/gql.ts';
import { reports } from '../src/db/schema.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { REPORT_QUEUE } from '../src/queue.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { killAllProcesses, spawnProcess, stopProcess } from './support/processes.ts';

const ProcessProgress = graphql(`
  subscription ProcessProgress($id: ID!) {
    reportProgress(id: $id) { status percent stage }
  }
`);

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
const END = new Date('2026-11-01T00:00:00Z');
const period = { start: new Date(END.getTime() - 90 * 86_400_000), end: END };

beforeAll(async () => {
  // No worker in this process: every job must be done by the spawned ones.
  app = await startTestApp({ jobs: 'enqueue', env: { JOB_SCHEMA: 'pgboss_processes' } });
  org = await app.newOrg('Processes');
  await seedDemoData(app.services, org.orgId, { events: 60_000, seed: 11, end: END });
});
afterAll(async () => {
  killAllProcesses();
  await app.close();
});

async function pendingReport(): Promise<string> {
  const id = randomUUID();
  await app.services.database.db.insert(reports).values({
    id, orgId: org.orgId, type: 'soc2', title: 'cross-process', status: 'pending', periodStart: period.start, periodEnd: period.end,
    sampleSeed: 'x', lineageId: id, createdBy: 'test',
  });
  return id;
}

async function waitForStatus(id: string, done: (status: string) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await app.services.database.sql`select status, progress_percent, content_sha256 from reports where id = ${id}`;
    if (done(row!.status as string)) return row!;
    if (Date.now() > deadline) throw new Error(`report ${id} still ${row!.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('across processes', () => {
  it('a subscriber on the API process sees the worker process\'s progress through to completed', async () => {
    const api = spawnProcess('serve');
    const worker = spawnProcess('worker');
    const url = await api.ready;
    await worker.ready;
    const id = await pendingReport();
    const client = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${org.adminKey}` }, retryAttempts: 0 });
    const events: Array<{ status: string; percent: number; stage: string }> = [];
    let subscribed!: () => void;
    const first = new Promise<void>((resolve) => (subscribed = resolve));
    const finished = new Promise<void>((resolve, reject) => {
      client.subscribe<{ reportProgress: (typeof events)[number] }>(
        { query: print(ProcessProgress), variables: { id: Buffer.from(`Report:${id}`).toString('base64') } },
        { next: (v) => { if (v.data) events.push(v.data.reportProgress); subscribed(); }, error: reject, complete: resolve },
      );
    });
    // The current state arrives once the API process listens for this report: no change is missed after it.
    await first;
    await app.services.queue!.send(REPORT_QUEUE, { reportId: id });
    await finished;
    await client.dispose();
    expect(events[0]!.status).toBe('PENDING');
    expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', percent: 100 });
    const generating = events.filter((e) => e.status === 'GENERATING').map((e) => e.percent);
    expect(new Set(generating).size).toBeGreaterThanOrEqual(3);
    await Promise.all([stopProcess(api.child), stopProcess(worker.child)]);
  });

  it('a worker stopped with SIGTERM finishes the report in hand, then exits 0', async () => {
    const id = await pendingReport();
    const worker = spawnProcess('worker', { REPORT_STEP_DELAY_MS: '150' });
    await worker.ready;
    await app.services.queue!.send(REPORT_QUEUE, { reportId: id });
    await waitForStatus(id, (s) => s === 'generating');
    const code = await stopProcess(worker.child);
    expect(code).toBe(0);
    // No other worker runs: the stopping one finished it.
    const [row] = await app.services.database.sql`select status from reports where id = ${id}`;
    expect(row!.status).toBe('completed');
  });

  it('a report whose worker is SIGKILLed mid-way completes on a new worker with the same content hash', async () => {
    // The undisturbed run fixes the watermark both reports read.
    const calm = await pendingReport();
    const calmWorker = spawnProcess('worker');
    await calmWorker.ready;
    await app.services.queue!.send(REPORT_QUEUE, { reportId: calm });
    const reference = await waitForStatus(calm, (s) => s === 'completed');
    await stopProcess(calmWorker.child);
    const [{ watermark }] = (await app.services.database.sql`select watermark from reports where id = ${calm}`) as unknown as [{ watermark: string }];

    const id = await pendingReport();
    await app.services.database.sql`update reports set watermark = ${watermark} where id = ${id}`;
    // Slow the victim down so it is surely mid-report when it dies.
    const victim = spawnProcess('worker', { REPORT_STEP_DELAY_MS: '400' });
    await victim.ready;
    await app.services.queue!.send(REPORT_QUEUE, { reportId: id });
    await waitForStatus(id, (s) => s === 'generating');
    victim.child.kill('SIGKILL');
    await new Promise((resolve) => victim.child.once('exit', resolve));
    const [midway] = await app.services.database.sql`select status, (select count(*)::int from findings where report_id = ${id}) as findings from reports where id = ${id}`;
    expect(midway).toMatchObject({ status: 'generating', findings: 0 });

    const rescuer = spawnProcess('worker');
    await rescuer.ready;
    const done = await waitForStatus(id, (s) => s === 'completed' || s === 'failed', 90_000);
    expect(done.status).toBe('completed');
    expect(done.content_sha256).toBe(reference.content_sha256);
    expect(await stopProcess(rescuer.child)).toBe(0);
  }, 120_000);
});
