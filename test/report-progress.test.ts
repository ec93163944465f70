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
import { REPORT_QUEUE } from '../src/jobs/queue.ts';
import { startTestApp, type TestApp } from './support/app.ts';
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

const Updates = graphql(`
  subscription ReportUpdates {
    reportUpdates { reportId status percent stage }
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
    const stream = collect<Event>(wsClient(org.adminKey), print(Progress), { id: created.id });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await app.services.queue!.send(REPORT_QUEUE, { reportId: id });
    const events = await stream;
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
    const updates = collect<{ reportId: string; status: string; percent: number; stage: string }>(client, print(Updates), {}, (events) => events.some((e) => e.status === 'COMPLETED'));
    // Give the subscription a moment to be registered on the server before the report starts.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const created = (await app.gql(org.adminKey, Generate, { input: { type: 'soc2', period } })).data!.generateReport;
    const events = (await updates).filter((e) => e.reportId === created.id);
    const generating = events.filter((e) => e.status === 'GENERATING').map((e) => e.percent);
    expect(new Set(generating).size).toBeGreaterThanOrEqual(3);
    expect(new Set(events.filter((e) => e.status === 'GENERATING').map((e) => e.stage))).toEqual(new Set(['collecting', 'evaluating', 'scoring', 'writing']));
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
