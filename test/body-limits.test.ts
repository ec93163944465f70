/**
 * Every route bounds what it reads while it reads: an oversized body is
 * answered 413 long before the client has finished sending it (never
 * buffered whole first), and /ingest has ceilings on decompressed bytes and
 * on lines, answered 413 naming the limit and what was stored up to it.
 */
import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { CreateShareLinkInput } from '../client/graphql.ts';
import { MAX_OTLP_BODY_BYTES } from '../src/http/otlp-route.ts';
import { completedReport } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { testEvent } from './support/events.ts';

const LimitsShare = graphql(`
  mutation LimitsShare($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password } }
`);
const LimitsViewer = graphql(`
  query LimitsViewer { viewer { role } }
`);

const MAX_LINES = 1000;
const MAX_BYTES = 500_000;
let app: TestApp;
let baseUrl: string;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'enqueue', env: { INGEST_MAX_LINES: String(MAX_LINES), INGEST_MAX_BYTES: String(MAX_BYTES), RATE_LIMIT_PER_MINUTE: '0' } });
  baseUrl = await app.api.listen(0, '127.0.0.1');
  org = await app.newOrg('Limits');
});
afterAll(() => app.close());

/**
 * Streams `chunk` again and again (chunked, no Content-Length) until the
 * server answers or `maxBytes` are sent; the answer and how much had been
 * sent when it came.
 */
function streamUntilAnswered(path: string, headers: Record<string, string>, chunk: Buffer, maxBytes: number) {
  return new Promise<{ status: number; text: string; sentBytes: number; finishedSending: boolean }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let finished = false;
    const req = httpRequest(`${baseUrl}${path}`, { method: 'POST', headers });
    req.on('response', (res) => {
      answered = true;
      const sentBytes = sent;
      const finishedSending = finished;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, text, sentBytes, finishedSending });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    (async () => {
      while (!answered && sent < maxBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) await new Promise<void>((r) => req.once('drain', () => r()));
      }
      if (!answered) {
        finished = true;
        req.end();
      }
    })().catch(reject);
  });
}

const MB = 1024 * 1024;

describe('bodies are bounded while they are read', () => {
  it('answers an endless share-link password form 413 without reading it to its end', async () => {
    const reportId = await completedReport(app.services, org.orgId, { count: 50 });
    const input = { reportId: Buffer.from(`Report:${reportId}`).toString('base64'), expiresInHours: 1, passwordProtected: true } as unknown as CreateShareLinkInput;
    const created = (await app.gql(org.adminKey, LimitsShare, { input })).data!.createShareLink;
    const answer = await streamUntilAnswered(new URL(created.url).pathname, { 'content-type': 'application/x-www-form-urlencoded' }, Buffer.alloc(64 * 1024, 'a'), 256 * MB);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('more than 4096 bytes');
    expect(answer.finishedSending).toBe(false);
    expect(answer.sentBytes).toBeLessThan(64 * MB);
  });

  it('answers an endless GraphQL body 413 without reading it to its end', async () => {
    const answer = await streamUntilAnswered('/graphql', { 'content-type': 'application/json', authorization: `Bearer ${org.adminKey}` }, Buffer.alloc(64 * 1024, ' '), 256 * MB);
    expect(answer.status).toBe(413);
    expect(answer.finishedSending).toBe(false);
    expect(answer.sentBytes).toBeLessThan(64 * MB);
    // The next request is served as ever.
    expect((await app.gql(org.adminKey, LimitsViewer)).data?.viewer.role).toBe('ADMIN');
  });

  it('answers an OTLP export whose Content-Length is over the limit 413 at once', async () => {
    const response = await app.fetch('/v1/traces', {
      method: 'POST',
      key: org.adminKey,
      headers: { 'content-type': 'application/json', 'content-length': String(MAX_OTLP_BODY_BYTES + 1) },
      body: '{}',
    });
    expect(response.status).toBe(413);
  });
});

describe('POST /ingest ceilings', () => {
  it('stops a small gzip of endless blank lines at INGEST_MAX_LINES, stores the events before it and says so', async () => {
    const events = Array.from({ length: 10 }, (_, i) => JSON.stringify(testEvent(i, 'bomb-lines'))).join('\n');
    // 10 events, then 20 million blank lines: about 20 kB of gzip.
    const body = gzipSync(Buffer.concat([Buffer.from(events), Buffer.alloc(20_000_000, '\n')]));
    expect(body.length).toBeLessThan(100_000);
    const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' }, body });
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { error: { code: string; message: string }; accepted: number; confirmedThroughLine: number };
    expect(answer.error.code).toBe('BAD_USER_INPUT');
    expect(answer.error.message).toContain(`more than ${MAX_LINES} lines`);
    expect(answer.error.message).toContain('INGEST_MAX_LINES');
    expect(answer.error.message).toContain(`Lines 1-${MAX_LINES} are stored`);
    expect(answer.accepted).toBe(10);
    expect(answer.confirmedThroughLine).toBe(MAX_LINES);
    const [{ n }] = (await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${org.orgId} and client_id like 'bomb-lines-%'`) as unknown as [{ n: number }];
    expect(n).toBe(10);
  });

  it('stops a body past INGEST_MAX_BYTES decompressed, naming the limit and the lines stored', async () => {
    const lines = Array.from({ length: 900 }, (_, i) => JSON.stringify({ ...testEvent(i, 'bomb-bytes'), attributes: { pad: 'x'.repeat(1000) } }));
    const raw = Buffer.from(lines.join('\n') + '\n');
    expect(raw.length).toBeGreaterThan(MAX_BYTES);
    const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' }, body: gzipSync(raw) });
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { error: { message: string }; accepted: number; confirmedThroughLine: number };
    expect(answer.error.message).toContain(`over ${MAX_BYTES} bytes (decompressed; INGEST_MAX_BYTES)`);
    expect(answer.confirmedThroughLine).toBeGreaterThan(0);
    expect(answer.error.message).toContain(`Lines 1-${answer.confirmedThroughLine} are stored`);
    const [{ n }] = (await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${org.orgId} and client_id like 'bomb-bytes-%'`) as unknown as [{ n: number }];
    expect(n).toBe(answer.accepted);
    expect(n).toBeGreaterThanOrEqual(answer.confirmedThroughLine);
    expect(n).toBeLessThan(900);
  });

  it('takes a body at exactly the line ceiling', async () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => JSON.stringify(testEvent(i, 'at-ceiling'))).join('\n') + '\n';
    const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { accepted: number }).accepted).toBe(MAX_LINES);
  });
});

