/**
 * Live progress over a real WebSocket (graphql-ws, the official client) and
 * over SSE, from real pg-boss workers.
 */
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../client/gql.ts';
import type { ReportProgressSubscription } from '../client/graphql.ts';
import { reports } from '../src/db/schema.ts';
import { REPORT_QUEUE } from '../src/queue.ts';
import postgres from 'postgres';
import { runReportJob } from '../src/jobs/report-worker.ts';
import { ReportPubSub } from '../src/realtime/pubsub.ts';
import { databaseUrl, startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/until.ts';
import { DAY, insertScenario, START } from './support/scenario.ts';

const Generate = graphql(`
  mutation ProgressGenerate($input: GenerateReportInput!) {
    generateReport(input: $input) { id status }
  }
`);

const Progress = graphql(`
  subscription ReportProgress($id: ID!) {
    reportProgress(id: $id) { reportId status percent stage message at }
  }
`);

const ProgressCancel = graphql(`
  mutation ProgressCancel($id: ID!) { cancelReport(id: $id) { id status } }
`);
const ProgressDelete = graphql(`
  mutation ProgressDelete($id: ID!) { deleteReport(id: $id) { id } }
`);

const Updates = graphql(`
  subscription ReportUpdates {
    reportUpdates { reportId status percent stage }
  }
`);
const UpdatesWithDeletion = graphql(`
  subscription ReportUpdatesWithDeletion {
    reportUpdates { reportId status deleted }
  }
`);

type Event = ReportProgressSubscription['reportProgress'];

let app: TestApp;
let wsUrl: string;
let httpUrl: string;
const clients: Client[] = [];
beforeAll(async () => {
  app = await startTestApp({ jobs: 'work' });
  httpUrl = await app.api.listen(0, '127.0.0.1');
  wsUrl = httpUrl.replace('http', 'ws') + '/graphql';
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await app.close();
});

function wsClient(key: string) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: 0, lazy: true });
  clients.push(client);
  return client;
}

/** A live subscription: its events so far, the first one, and the end (resolves with every event). */
function live<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const events: T[] = [];
  let first!: (event: T) => void;
  const firstEvent = new Promise<T>((resolve) => (first = resolve));
  const done = new Promise<T[]>((resolve, reject) => {
    client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) return reject(new Error(value.errors.map((e) => e.message).join('; ')));
          events.push(Object.values(value.data!)[0]!);
          if (events.length === 1) first(events[0]!);
        },
        error: (error) => reject(Array.isArray(error) ? new Error(error.map((e: { message: string }) => e.message).join('; ')) : error),
        complete: () => resolve(events),
      },
    );
  });
  return { events, first: firstEvent, done };
}

/** Collects a subscription's events until it completes. */
function collect<T>(client: Client, query: string, variables: Record<string, unknown>, until?: (events: T[]) => boolean): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const events: T[] = [];
    const stop = client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) return reject(new Error(value.errors.map((e) => e.message).join('; ')));
          events.push(Object.values(value.data!)[0]!);
          if (until?.(events)) {
            stop();
            resolve(events);
          }
        },
        // graphql-ws reports execution errors as a list of GraphQL errors.
        error: (error) => reject(Array.isArray(error) ? new Error(error.map((e: { message: string }) => e.message).join('; ')) : error),
        complete: () => resolve(events),
      },
    );
  });
}

const period = { start: new Date(START).toISOString(), end: new Date(START + 3 * DAY).toISOString() };

/** A pending report without a job: only the test decides when (and whether) it runs. */
async function pendingReport(orgId: string): Promise<string> {
  const id = randomUUID();
  await app.services.database.db.insert(reports).values({
    id, orgId, type: 'soc2', title: 'live', status: 'pending', periodStart: new Date(period.start), periodEnd: new Date(period.end),
    sampleSeed: 'x', lineageId: id, createdBy: 'test',
  });
  return id;
}

describe('reportProgress', () => {
  let org: Awaited<ReturnType<TestApp['newOrg']>>;
  beforeAll(async () => {
    org = await app.newOrg();
    await insertScenario(app.services.database.sql, app.services.database.db, org.orgId);
  });

  it('streams pending → generating (several percents) → completed over graphql-ws, then ends', async () => {
    // A pending report whose job is queued only once the subscriber is listening.
    const id = randomUUID();
    await app.services.database.db.insert(reports).values({
      id, orgId: org.orgId, type: 'soc2', title: 'live', status: 'pending', periodStart: new Date(period.start), periodEnd: new Date(period.end),
      sampleSeed: 'x', lineageId: id, createdBy: 'test',
    });
    const created = { id: Buffer.from(`Report:${id}`).toString('base64') };
    const stream = live<Event>(wsClient(org.adminKey), print(Progress), { id: created.id });
    // The current state comes after the server subscribed, so from here no change is missed.
    await stream.first;
    await app.services.queue!.send(REPORT_QUEUE, { reportId: id });
    const events = await stream.done;
    expect(events[0]!.status).toBe('PENDING');
    const statuses = events.map((e) => e.status);
    expect(statuses.at(-1)).toBe('COMPLETED');
    expect(new Set(events.filter((e) => e.status === 'GENERATING').map((e) => e.percent)).size).toBeGreaterThanOrEqual(3);
    const percents = events.map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
    expect(events.every((e) => e.reportId === created.id)).toBe(true);
  });

  it('shows several intermediate stages to a subscriber who is there from the start', async () => {
    const client = wsClient(org.adminKey);
    const before = app.services.realtime.subscriberCount;
    const updates = collect<{ reportId: string; status: string; percent: number; stage: string }>(client, print(Updates), {}, (events) => events.some((e) => e.status === 'COMPLETED'));
    await until(() => app.services.realtime.subscriberCount > before, 'the reportUpdates subscription to be registered');
    const created = (await app.gql(org.adminKey, Generate, { input: { type: 'soc2', period } })).data!.generateReport;
    const events = (await updates).filter((e) => e.reportId === created.id);
    expect(events[0]).toMatchObject({ status: 'PENDING', stage: 'queued' });
    const generating = events.filter((e) => e.status === 'GENERATING').map((e) => e.percent);
    expect(new Set(generating).size).toBeGreaterThanOrEqual(3);
    expect(new Set(events.filter((e) => e.status === 'GENERATING').map((e) => e.stage))).toEqual(new Set(['collecting', 'evaluating', 'scoring', 'writing']));
  });

  it('ends the stream with CANCELLED when a pending report is cancelled, and announces deletion to reportUpdates', async () => {
    const id = await pendingReport(org.orgId);
    const globalId = Buffer.from(`Report:${id}`).toString('base64');
    const progress = live<Event>(wsClient(org.adminKey), print(Progress), { id: globalId });
    expect(await progress.first).toMatchObject({ status: 'PENDING' });
    const before = app.services.realtime.subscriberCount;
    const updates = collect<{ reportId: string; status: string; deleted: boolean }>(wsClient(org.adminKey), print(UpdatesWithDeletion), {}, (events) => events.some((e) => e.reportId === globalId && e.deleted));
    await until(() => app.services.realtime.subscriberCount > before, 'the reportUpdates subscription to be registered');

    expect((await app.gql(org.adminKey, ProgressCancel, { id: globalId })).data?.cancelReport.status).toBe('CANCELLED');
    expect((await progress.done).map((e) => e.status)).toEqual(['PENDING', 'CANCELLED']);
    await app.gql(org.adminKey, ProgressDelete, { id: globalId });
    expect((await updates).filter((e) => e.reportId === globalId)).toEqual([
      { reportId: globalId, status: 'CANCELLED', deleted: false },
      { reportId: globalId, status: 'CANCELLED', deleted: true },
    ]);
  });

  it('stops a generating report on cancel: the stream ends CANCELLED, the worker writes no findings and no later change', async () => {
    const id = await pendingReport(org.orgId);
    const globalId = Buffer.from(`Report:${id}`).toString('base64');
    const progress = live<Event>(wsClient(org.adminKey), print(Progress), { id: globalId });
    await progress.first;
    // The real job handler, slowed so the cancellation lands mid-report.
    const slow = { ...app.services, config: { ...app.services.config, REPORT_STEP_DELAY_MS: 100 } };
    const job = runReportJob(slow, { data: { reportId: id }, retryCount: 0, retryLimit: 0 });
    await until(() => progress.events.some((e) => e.status === 'GENERATING' && e.percent > 1), 'generation to be under way');
    await app.gql(org.adminKey, ProgressCancel, { id: globalId });
    await job;
    const events = await progress.done;
    expect(events.at(-1)).toMatchObject({ status: 'CANCELLED', stage: 'cancelled' });
    expect(events.filter((e) => e.status === 'COMPLETED')).toEqual([]);
    const [row] = await app.services.database.sql`select status, content_sha256, (select count(*)::int from findings where report_id = ${id}) as findings from reports where id = ${id}`;
    expect(row).toMatchObject({ status: 'cancelled', content_sha256: null, findings: 0 });
  });

  it('tells a report\'s subscribers its current state after the listening connection was lost', async () => {
    // A listener of its own, so only its connection is cut.
    const probe = postgres(databaseUrl(), { max: 1, onnotice: () => {}, connection: { application_name: 'pubsub-reconnect-probe' } });
    const pubsub = new ReportPubSub(probe);
    try {
      await pubsub.start();
      const id = await pendingReport(org.orgId);
      const changes = pubsub.subscribe({ orgId: org.orgId, reportId: id });
      // Finished while nobody listened: no notification will ever tell it.
      await app.services.database.sql`update reports set status = 'cancelled', progress_stage = 'cancelled' where id = ${id} and org_id = ${org.orgId}`;
      const [cut] = await app.services.database.sql`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where application_name = 'pubsub-reconnect-probe' and query ilike 'listen%'`;
      expect(cut!.n).toBe(1);
      const told = await Promise.race([changes.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no resync within 10 s')), 10_000))]);
      expect(told.value).toMatchObject({ reportId: id, status: 'cancelled', stage: 'cancelled', deleted: false });
      await changes.return!();
    } finally {
      await pubsub.stop().catch(() => {});
      await probe.end({ timeout: 1 });
    }
  });

  it('gives a late subscriber the current state first, then ends at once for a finished report', async () => {
    const created = (await app.gql(org.adminKey, Generate, { input: { type: 'governance', period } })).data!.generateReport;
    await collect<Event>(wsClient(org.adminKey), print(Progress), { id: created.id });
    const late = await collect<Event>(wsClient(org.adminKey), print(Progress), { id: created.id });
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ status: 'COMPLETED', percent: 100 });
  });

  it('serves the same stream over SSE', async () => {
    const created = (await app.gql(org.adminKey, Generate, { input: { type: 'governance', period } })).data!.generateReport;
    const response = await fetch(`${httpUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${org.adminKey}` },
      body: JSON.stringify({ query: print(Progress), variables: { id: created.id } }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await response.text(); // the stream ends when the report finishes
    const events = [...text.matchAll(/^data: (.+)$/gm)].map((m) => JSON.parse(m[1]!) as { data?: { reportProgress: Event } }).filter((e) => e.data);
    expect(events.at(-1)!.data!.reportProgress.status).toBe('COMPLETED');
  });

  it('refuses a bad key at connection and hides other organisations\' reports', async () => {
    await expect(collect(wsClient('agr_wrong'), print(Updates), {})).rejects.toBeDefined();
    const created = (await app.gql(org.adminKey, Generate, { input: { type: 'governance', period } })).data!.generateReport;
    const intruder = await app.newOrg('Intruder');
    await expect(collect<Event>(wsClient(intruder.adminKey), print(Progress), { id: created.id })).rejects.toThrow(/not found/i);
  });
});
