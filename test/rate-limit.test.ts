/**
 * Per-key rate limits: RATE_LIMITED with HTTP 429 and Retry-After, other keys unaffected; a token per
 * GraphQL operation however it arrives (alone, in a batch, over a WebSocket), one per other HTTP request.
 */
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../client/gql.ts';
import { RateLimiter } from '../src/accounts/rate-limiter.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const Role = graphql(`
  query RateLimitedRole {
    viewer { role }
  }
`);

let app: TestApp;
let wsUrl: string;
const clients: Client[] = [];
beforeAll(async () => {
  app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
  wsUrl = (await app.api.listen(0, '127.0.0.1')).replace(/^http/, 'ws') + '/graphql';
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await app.close();
});

const post = (key: string, body: unknown) =>
  app.fetch('/graphql', { method: 'POST', key, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const ROLE = { query: '{ viewer { role } }' };

it('answers RATE_LIMITED with 429 and Retry-After once a key exceeds its rate', async () => {
  const org = await app.newOrg();
  for (let i = 0; i < 5; i++) expect((await app.gql(org.adminKey, Role)).errors).toBeUndefined();
  const response = await app.fetch('/graphql', {
    method: 'POST',
    key: org.adminKey,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  });
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
  expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
  // Another key of the same organisation has its own bucket.
  const other = await org.key('viewer');
  expect((await app.gql(other, Role)).data?.viewer.role).toBe('VIEWER');
});

it('refills over time', () => {
  const limiter = new RateLimiter(60);
  const t0 = 1_000_000;
  for (let i = 0; i < 60; i++) expect(limiter.take('k', 1, t0)).toBe(0);
  expect(limiter.take('k', 1, t0)).toBe(1);
  expect(limiter.take('k', 1, t0 + 1_000)).toBe(0);
});

it('counts each operation of a batched request, and refuses a batch it cannot afford whole', async () => {
  const org = await app.newOrg();
  const batch = await post(org.adminKey, [ROLE, ROLE, ROLE, ROLE, ROLE]);
  expect(batch.status).toBe(200);
  expect((await batch.json()).map((r: { data?: { viewer: { role: string } } }) => r.data?.viewer.role)).toEqual(['ADMIN', 'ADMIN', 'ADMIN', 'ADMIN', 'ADMIN']);
  // The five operations took the five tokens: the next request waits.
  const after = await post(org.adminKey, ROLE);
  expect(after.status).toBe(429);
  expect((await after.json()).errors[0].extensions.code).toBe('RATE_LIMITED');

  const other = await org.key('viewer');
  for (let i = 0; i < 3; i++) expect((await post(other, ROLE)).status).toBe(200);
  const tooBig = await post(other, [ROLE, ROLE, ROLE]);
  expect(tooBig.status).toBe(429);
  expect(Number(tooBig.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  const refused = await tooBig.json();
  for (const result of Array.isArray(refused) ? refused : [refused]) {
    expect(result.data ?? null).toBeNull();
    expect(result.errors[0]).toMatchObject({ message: expect.stringContaining('this batch has 3'), extensions: { code: 'RATE_LIMITED' } });
  }
  // Refused whole, it took nothing: the two tokens left still serve two operations.
  expect((await post(other, [ROLE, ROLE])).status).toBe(200);
});

it('counts each operation sent over a WebSocket', async () => {
  const org = await app.newOrg();
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${org.adminKey}` }, retryAttempts: 0, lazy: true });
  clients.push(client);
  const run = () =>
    new Promise<{ data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>((resolve, reject) => {
      let result: { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] } = {};
      client.subscribe(ROLE, {
        next: (value) => (result = value as typeof result),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
        complete: () => resolve(result),
      });
    });
  for (let i = 0; i < 5; i++) expect(await run()).toEqual({ data: { viewer: { role: 'ADMIN' } } });
  const limited = await run();
  expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  // The same key over HTTP shares the bucket.
  expect((await post(org.adminKey, ROLE)).status).toBe(429);
});

it('counts an NDJSON upload as one request, however many events it carries', async () => {
  const org = await app.newOrg();
  const key = await org.key('ingest');
  const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ occurredAt: new Date(Date.UTC(2026, 9, 1, 0, i)).toISOString(), category: 'tool_call', action: 'tool.invoke' })).join('\n');
  for (let i = 0; i < 5; i++) {
    const response = await app.fetch('/ingest', { method: 'POST', key, body: lines, headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.status).toBe(200);
  }
  const limited = await app.fetch('/ingest', { method: 'POST', key, body: lines, headers: { 'content-type': 'application/x-ndjson' } });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect((await limited.json()).error.code).toBe('RATE_LIMITED');
});
