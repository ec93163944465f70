/**
 * Subscribers of the same operation, organisation and role share one
 * execution per change (src/http/shared-subscriptions.ts): each still gets
 * every change, and what each event shows is read once per group of
 * subscribers, not once per subscriber (counted in SQL statements).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connect, type Database } from '../src/db/client.ts';
import { reports } from '../src/db/schema.ts';
import { notifyReportChange } from '../src/realtime/pubsub.ts';
import { changeOf } from '../src/reports/store.ts';
import { databaseUrl, startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/until.ts';

let app: TestApp;
let other: Database;
let wsUrl: string;
let statements = 0;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp({ jobs: 'enqueue', onQuery: () => statements++ });
  other = connect(databaseUrl(), { max: 1 });
  wsUrl = (await app.api.listen(0, '127.0.0.1')).replace('http', 'ws') + '/graphql';
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await other.close();
  await app.close();
});

// `versions` is read from the database at every execution (no per-subscription loader keeps it).
const PROGRESS = 'subscription($id: ID!) { reportProgress(id: $id) { status percent stage report { title versions { version } } } }';
type Event = { status: string; percent: number; stage: string; report: { title: string; versions: Array<{ version: number }> } | null };

function follow(key: string, id: string) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: 0 });
  clients.push(client);
  const events: Event[] = [];
  const done = new Promise<Event[]>((resolve, reject) => {
    client.subscribe<{ reportProgress: Event }>(
      { query: PROGRESS, variables: { id } },
      { next: (value) => (value.errors ? reject(new Error(value.errors[0]!.message)) : events.push(value.data!.reportProgress)), error: reject, complete: () => resolve(events) },
    );
  });
  return { events, done };
}

/** A change made by another process: the row and its NOTIFY in one transaction. */
async function change(id: string, set: Partial<typeof reports.$inferInsert>) {
  await other.db.transaction(async (tx) => {
    const [row] = await tx.update(reports).set(set).where(eq(reports.id, id)).returning();
    await notifyReportChange(tx, changeOf(row!));
  });
}

describe('shared subscription events', () => {
  it('executes each change once per operation, organisation and role, and every subscriber gets it', async () => {
    const org = await app.newOrg('shared');
    const auditor = await org.key('auditor');
    const id = randomUUID();
    await app.services.database.db.insert(reports).values({
      id, orgId: org.orgId, type: 'soc2', title: 'shared', status: 'pending', periodStart: new Date('2026-01-01'), periodEnd: new Date('2026-01-02'),
      sampleSeed: 'x', lineageId: id, createdBy: 'test',
    });
    const gid = Buffer.from(`Report:${id}`).toString('base64');
    const admins = [follow(org.adminKey, gid), follow(org.adminKey, gid), follow(org.adminKey, gid), follow(org.adminKey, gid)];
    const auditors = [follow(auditor, gid), follow(auditor, gid)];
    const all = [...admins, ...auditors];
    // Each stream's first event is its own current state, executed for it alone.
    await until(() => all.every((s) => s.events.length === 1), 'every subscriber holds the current state');

    const before = statements;
    await change(id, { status: 'generating', progressPercent: 40, progressStage: 'collecting' });
    await until(() => all.every((s) => s.events.length === 2), 'every subscriber got the change');
    // One read of the versions for the four admins, one for the two auditors: not one per subscriber.
    expect(statements - before).toBe(2);

    await change(id, { status: 'completed', progressPercent: 100, progressStage: 'completed' });
    for (const stream of all) {
      expect((await stream.done).map((e) => [e.status, e.percent, e.stage, e.report?.title, e.report?.versions.map((v) => v.version)])).toEqual([
        ['PENDING', 0, expect.any(String), 'shared', [1]],
        ['GENERATING', 40, 'collecting', 'shared', [1]],
        ['COMPLETED', 100, 'completed', 'shared', [1]],
      ]);
    }
  });
});
