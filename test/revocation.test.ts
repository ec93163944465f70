/**
 * A revoked key stops working on connections opened before the revocation:
 * every operation on an open WebSocket is authorised as of now, and its
 * subscriptions (WebSocket and SSE) end, its sockets close with 4403, within
 * seconds, whether the key was revoked by this process or by another.
 */
import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { and, eq } from 'drizzle-orm';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../client/gql.ts';
import { apiKeys } from '../src/db/schema.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/until.ts';

const RevokeKeyCreate = graphql(`
  mutation RevokeKeyCreate($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id name } }
  }
`);
const RevokeKeyRevoke = graphql(`
  mutation RevokeKeyRevoke($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }
`);
const RevokeKeyUpdates = graphql(`
  subscription RevokeKeyUpdates { reportUpdates { reportId status } }
`);

let app: TestApp;
let httpUrl: string;
const clients: Client[] = [];
beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
  await app.services.realtime.start();
  httpUrl = await app.api.listen(0, '127.0.0.1');
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await app.services.realtime.stop();
  await app.close();
});

/** A connected graphql-ws client and the close code of its socket once it closes. */
function socket(key: string) {
  let closed!: (code: number) => void;
  const closeCode = new Promise<number>((resolve) => (closed = resolve));
  const client = createClient({
    url: httpUrl.replace('http', 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: false,
    // The close is what the test waits for, not an error to print.
    onNonLazyError: () => {},
    on: { closed: (event) => closed((event as { code: number }).code) },
  });
  clients.push(client);
  return { client, closeCode };
}

/** One operation on the socket: its result, or its errors as the result. */
function run(client: Client, query: string, variables: Record<string, unknown> = {}) {
  return new Promise<{ data?: any; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>((resolve) => {
    let result: any;
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value),
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }] }),
        complete: () => resolve(result),
      },
    );
  });
}

/** A live reportUpdates stream over the socket: events so far and how it ended. */
function updates(client: Client) {
  const events: unknown[] = [];
  const ended = new Promise<{ how: 'complete' | 'error'; errors?: unknown }>((resolve) => {
    client.subscribe(
      { query: print(RevokeKeyUpdates) },
      {
        next: (value) => events.push(value),
        error: (errors) => resolve({ how: 'error', errors }),
        complete: () => resolve({ how: 'complete' }),
      },
    );
  });
  return { events, ended };
}

const change = (orgId: string) => ({
  orgId, reportId: randomUUID(), status: 'pending', percent: 0, stage: 'queued', message: 'Queued', deleted: false, at: new Date().toISOString(),
});

async function keyId(orgId: string, name: string) {
  const [row] = await app.services.database.db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.name, name)));
  return row!.id;
}

describe('revoking a key ends what runs on it', () => {
  it('refuses the next operation on a socket opened before the revocation, and closes it with 4403', async () => {
    const org = await app.newOrg();
    const key = (await app.gql(org.adminKey, RevokeKeyCreate, { input: { name: 'doomed', role: 'ADMIN' } })).data!.createApiKey;
    const { client, closeCode } = socket(key.key);
    const before = await run(client, print(RevokeKeyCreate), { input: { name: 'made-before', role: 'VIEWER' } });
    expect(before.errors).toBeUndefined();
    expect(before.data.createApiKey.apiKey.name).toBe('made-before');

    const revoked = await app.gql(org.adminKey, RevokeKeyRevoke, { id: key.apiKey.id });
    expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();

    const after = await run(client, print(RevokeKeyCreate), { input: { name: 'made-after', role: 'ADMIN' } });
    expect(after.data?.createApiKey ?? null).toBeNull();
    expect(await closeCode).toBe(4403);
    const made = await app.services.database.db.select().from(apiKeys).where(and(eq(apiKeys.orgId, org.orgId), eq(apiKeys.name, 'made-after')));
    expect(made).toEqual([]);
  });

  it('ends reportUpdates over WebSocket and closes the socket when another process revokes the key', async () => {
    const org = await app.newOrg();
    const key = await org.key('viewer');
    const { client, closeCode } = socket(key);
    const stream = updates(client);
    await until(() => app.services.realtime.subscriberCount > 0 || undefined, 'the subscription');
    await app.services.realtime.publish(change(org.orgId));
    await until(() => stream.events.length === 1 || undefined, 'the first update');

    // Revoked by another API process: only the database says so.
    await app.services.database.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, await keyId(org.orgId, 'viewer')));
    const end = await Promise.race([stream.ended, new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000))]);
    expect(end).not.toBe('still open');
    expect(await closeCode).toBe(4403);
    await app.services.realtime.publish(change(org.orgId));
    expect(stream.events.filter((e) => (e as { data?: unknown }).data)).toHaveLength(1);
    await until(() => app.services.realtime.subscriberCount === 0 || undefined, 'the subscription to be released');
  });

  it('ends a reportUpdates SSE stream with UNAUTHENTICATED when the key is revoked elsewhere', async () => {
    const org = await app.newOrg();
    const key = await org.key('auditor');
    const response = await fetch(`${httpUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: print(RevokeKeyUpdates) }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    await until(() => app.services.realtime.subscriberCount > 0 || undefined, 'the subscription');
    await app.services.realtime.publish(change(org.orgId));
    await app.services.database.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, await keyId(org.orgId, 'auditor')));
    const text = await Promise.race([response.text(), new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 10_000))]);
    expect(text).not.toBe('still open');
    const events = [...text.matchAll(/^data: (.+)$/gm)].map((m) => JSON.parse(m[1]!) as { data?: unknown; errors?: { extensions?: { code?: string } }[] });
    expect(events.filter((e) => e.data)).toHaveLength(1);
    expect(events.at(-1)!.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await until(() => app.services.realtime.subscriberCount === 0 || undefined, 'the subscription to be released');
  });
});
