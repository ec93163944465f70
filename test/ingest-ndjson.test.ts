import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEventChain } from '../src/events/chain.ts';
import { splitLines } from '../src/http/ingest-route.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { testEvent } from './support/events.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface IngestResponse {
  accepted: number;
  duplicates: number;
  rejected: number;
  rejections: Array<{ line: number; field: string; message: string }>;
}

async function ingest(key: string, body: BodyInit, headers: Record<string, string> = {}) {
  const response = await app.fetch('/ingest', { method: 'POST', key, body, headers: { 'content-type': 'application/x-ndjson', ...headers } });
  return { status: response.status, json: (await response.json()) as IngestResponse & { error?: { code: string; message: string } } };
}

const count = async (orgId: string) =>
  Number((await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${orgId}`)[0]!.n);

/** Ten bad lines, each a different way to be wrong, at these 1-based line numbers. */
const BAD: Record<number, { line: string; field: string; message: RegExp }> = {
  7: { line: '{"occurredAt": "2026-01-01T00:00:00Z", "category": ', field: '', message: /not valid JSON/ },
  1_234: { line: JSON.stringify({ ...testEvent(1_233), occurredAt: undefined }), field: 'occurredAt', message: /required/ },
  9_999: { line: JSON.stringify({ ...testEvent(9_998), occurredAt: '2026-01-01T10:00:00' }), field: 'occurredAt', message: /offset/ },
  20_000: { line: JSON.stringify({ ...testEvent(19_999), category: 'telepathy' }), field: 'category', message: /must be one of/ },
  33_333: { line: JSON.stringify({ ...testEvent(33_332), decision: 'maybe' }), field: 'decision', message: /must be one of allow/ },
  50_000: { line: JSON.stringify({ ...testEvent(49_999), attributes: { blob: 'x'.repeat(70 * 1024) } }), field: 'attributes', message: /64 KiB/ },
  61_000: { line: JSON.stringify({ ...testEvent(60_999), ttlSeconds: 'ten' }), field: 'ttlSeconds', message: /must be a whole number of seconds from 0 to 2147483647, got string/ },
  75_000: { line: JSON.stringify({ ...testEvent(74_999), actor: { type: 'robot', id: 'r' } }), field: 'actor.type', message: /must be one of/ },
  88_888: { line: '[1, 2, 3]', field: '', message: /JSON object/ },
  100_000: { line: JSON.stringify({ ...testEvent(99_999), tool: { name: 'x', tags: 'pii' } }), field: 'tool.tags', message: /array/ },
};

function hundredThousandLines(): string {
  const lines: string[] = [];
  for (let n = 1; n <= 100_000; n++) lines.push(BAD[n]?.line ?? JSON.stringify(testEvent(n - 1)));
  return lines.join('\n') + '\n';
}

describe('POST /ingest (NDJSON)', () => {
  it('stores exactly the 99,990 good lines of 100,000, names the 10 bad ones, and never stores a line twice', async () => {
    const org = await app.newOrg();
    const body = hundredThousandLines();

    const first = await ingest(org.adminKey, body);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ accepted: 99_990, duplicates: 0, rejected: 10 });
    expect(first.json.rejections.map((r) => r.line)).toEqual(Object.keys(BAD).map(Number));
    for (const rejection of first.json.rejections) {
      const expected = BAD[rejection.line]!;
      expect(rejection.field, `line ${rejection.line}`).toBe(expected.field);
      expect(rejection.message, `line ${rejection.line}`).toMatch(expected.message);
    }
    expect(await count(org.orgId)).toBe(99_990);

    const again = await ingest(org.adminKey, body);
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 99_990, rejected: 10 });
    expect(await count(org.orgId)).toBe(99_990);
  });

  it('names the allowed range for a number out of range or not finite (1e400 parses to Infinity), in attributes too', async () => {
    const org = await app.newOrg();
    const lines = [
      JSON.stringify({ ...testEvent(1), ttlSeconds: 99999999999 }),
      JSON.stringify({ ...testEvent(2) }).replace(/}$/, ', "costUsd": 1e400}'),
      JSON.stringify({ ...testEvent(3), ttlSeconds: 1.5 }),
      JSON.stringify({ ...testEvent(4), costUsd: -1 }),
      JSON.stringify({ ...testEvent(5), costUsd: 2.5, ttlSeconds: 60 }),
      JSON.stringify({ ...testEvent(6) }).replace(/}$/, ', "attributes": {"a": [1, {"b": -1e400}]}}'),
    ];
    const result = await ingest(org.adminKey, lines.join('\n'));
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ accepted: 1, rejected: 5 });
    expect(result.json.rejections).toEqual([
      { line: 1, field: 'ttlSeconds', message: 'must be a whole number of seconds from 0 to 2147483647, got 99999999999' },
      { line: 2, field: 'costUsd', message: 'must be a number from 0 to 1000000000, got Infinity' },
      { line: 3, field: 'ttlSeconds', message: 'must be a whole number of seconds from 0 to 2147483647, got 1.5' },
      { line: 4, field: 'costUsd', message: 'must be a number from 0 to 1000000000, got -1' },
      { line: 6, field: 'attributes', message: 'must hold only numbers within ±1.8e308 (a larger one parses to Infinity)' },
    ]);
  });

  it('accepts a gzip body streamed in small chunks, with CRLF line ends and blank lines', async () => {
    const org = await app.newOrg();
    const text = ['', JSON.stringify(testEvent(1)), '   ', JSON.stringify({ ...testEvent(2), resource: 'tab\there, newline\nthere, back\\slash, "quote"' }), 'nope', JSON.stringify(testEvent(3))].join('\r\n');
    const gz = gzipSync(Buffer.from(text));
    // Seven-byte chunks split lines (and the gzip stream) everywhere.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < gz.length; i += 7) controller.enqueue(gz.subarray(i, i + 7));
        controller.close();
      },
    });
    const result = await ingest(org.adminKey, stream, { 'content-encoding': 'gzip' });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ accepted: 3, duplicates: 0, rejected: 1 });
    expect(result.json.rejections).toEqual([{ line: 5, field: '', message: expect.stringMatching(/not valid JSON/) }]);
    const [row] = await app.services.database.sql`select resource from audit_events where org_id = ${org.orgId} and client_id = 'evt-2'`;
    expect(row!.resource).toBe('tab\there, newline\nthere, back\\slash, "quote"');
  });

  it('stores text, arrays, numbers and JSON exactly as sent, whatever characters they hold', async () => {
    const org = await app.newOrg();
    const tricky = 'a\\b\tc\nd\re "q" {x,y} \\N NULL é 😀';
    const event = {
      id: 'tricky',
      occurredAt: '2026-02-01T12:00:00.123+02:00',
      category: 'dlp',
      action: tricky,
      tool: { name: tricky, tags: [tricky, '', 'NULL', 'a,b', '{}'] },
      dataSubjects: ['"', '\\', ' spaced '],
      costUsd: 1e-7,
      ttlSeconds: 3600,
      attributes: { tricky, nested: { list: [1, 'two', null, true] }, lone: '\ud800' },
    };
    const result = await ingest(org.adminKey, JSON.stringify(event));
    expect(result.json).toMatchObject({ accepted: 1, rejected: 0 });
    const [row] = await app.services.database.sql`
      select action, tool_name, tool_tags, data_subjects, cost_usd::text as cost, ttl_seconds, attributes, occurred_at
      from audit_events where org_id = ${org.orgId}`;
    expect(row).toMatchObject({
      action: tricky,
      tool_name: tricky,
      tool_tags: [tricky, '', 'NULL', 'a,b', '{}'],
      data_subjects: ['"', '\\', ' spaced '],
      cost: '0.00000010',
      ttl_seconds: 3600,
      attributes: { tricky, nested: { list: [1, 'two', null, true] }, lone: '\ufffd' },
    });
    expect(new Date(row!.occurred_at as string).toISOString()).toBe('2026-02-01T10:00:00.123Z');
  });

  it('rejects a line over 1 MiB by its number and keeps the lines around it', async () => {
    const org = await app.newOrg();
    const huge = JSON.stringify({ ...testEvent(2), attributes: { blob: 'y'.repeat(1_200_000) } });
    const body = [JSON.stringify(testEvent(1)), huge, JSON.stringify(testEvent(3))].join('\n');
    const result = await ingest(org.adminKey, body);
    expect(result.json).toMatchObject({ accepted: 2, rejected: 1 });
    expect(result.json.rejections[0]).toMatchObject({ line: 2, message: expect.stringMatching(/longer than 1048576 bytes/) });
  });

  it('splits lines across chunks without keeping an oversized line', async () => {
    async function* chunks(...parts: string[]) {
      for (const p of parts) yield Buffer.from(p);
    }
    const lines = [];
    for await (const l of splitLines(chunks('ab', 'c\nde', 'f\r\n\nxxxxxxxx', 'xxxxxx', 'x\ng', 'h'), 10)) lines.push(l);
    expect(lines).toEqual([
      { line: 1, text: 'abc' },
      { line: 2, text: 'def' },
      { line: 4, text: null },
      { line: 5, text: 'gh' },
    ]);
  });

  it('refuses viewers (403), missing keys (401), unknown formats and encodings (400)', async () => {
    const org = await app.newOrg();
    const viewer = await org.key('viewer');
    const auditor = await org.key('auditor');
    const ingestKey = await org.key('ingest');
    const line = JSON.stringify(testEvent(1));
    expect((await ingest(viewer, line)).status).toBe(403);
    expect((await ingest(auditor, line)).json.error?.code).toBe('FORBIDDEN');
    const anonymous = await app.fetch('/ingest', { method: 'POST', body: line });
    expect(anonymous.status).toBe(401);
    const badFormat = await app.fetch('/ingest?format=xml', { method: 'POST', key: ingestKey, body: line });
    expect(badFormat.status).toBe(400);
    expect(((await badFormat.json()) as { error: { field: string } }).error.field).toBe('format');
    expect((await ingest(ingestKey, line, { 'content-encoding': 'br' })).status).toBe(400);
    expect(await count(org.orgId)).toBe(0);
    expect((await ingest(ingestKey, line)).json.accepted).toBe(1);
  });

  it('keeps organisations apart: the same ids in two organisations are two events', async () => {
    const a = await app.newOrg();
    const b = await app.newOrg();
    const body = [0, 1, 2].map((i) => JSON.stringify(testEvent(i))).join('\n');
    expect((await ingest(a.adminKey, body)).json.accepted).toBe(3);
    expect((await ingest(b.adminKey, body)).json.accepted).toBe(3);
    expect(await count(a.orgId)).toBe(3);
    expect(await count(b.orgId)).toBe(3);
  });

  it('stores only the new events of a body that mixes them with stored ones, keeping what was stored, and the chain still verifies', async () => {
    const org = await app.newOrg();
    const lines = (from: number, to: number, action?: string) =>
      Array.from({ length: to - from }, (_, i) => JSON.stringify({ ...testEvent(from + i), ...(action ? { action } : {}) })).join('\n');
    expect((await ingest(org.adminKey, lines(0, 100))).json).toMatchObject({ accepted: 100, duplicates: 0 });
    // The stored ids sit in the middle of the second body, changed: the first COPY fails on them, the retry skips them.
    const mixed = [lines(100, 150), lines(50, 100, 'resent.changed'), lines(150, 200)].join('\n');
    expect((await ingest(org.adminKey, mixed)).json).toMatchObject({ accepted: 100, duplicates: 50, rejected: 0 });
    expect(await count(org.orgId)).toBe(200);
    const changed = await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${org.orgId} and action = 'resent.changed'`;
    expect(changed[0]!.n).toBe(0);
    const verified = await verifyEventChain(app.services.database, org.orgId);
    expect(verified).toMatchObject({ ok: true, events: 200, problems: [] });
  });

  it('stores a repeated id once even within one upload', async () => {
    const org = await app.newOrg();
    const body = [testEvent(1), testEvent(1), testEvent(2), { ...testEvent(2), action: 'changed' }].map((e) => JSON.stringify(e)).join('\n');
    const result = await ingest(org.adminKey, body);
    expect(result.json).toMatchObject({ accepted: 2, duplicates: 2 });
    const rows = await app.services.database.sql`select action from audit_events where org_id = ${org.orgId} and client_id = 'evt-2'`;
    expect(rows.map((r) => r.action)).toEqual([testEvent(2).action]);
  });

  it('knows an id that COPY escapes as the same id, repeated within an upload or sent again', async () => {
    const org = await app.newOrg();
    const ids = ['back\\slash', 'tab\there', 'new\nline\r', '\\N', '\\t', 'plain'];
    const body = [...ids, ...ids].map((id, n) => JSON.stringify({ ...testEvent(n), id })).join('\n');
    expect((await ingest(org.adminKey, body)).json).toMatchObject({ accepted: 6, duplicates: 6, rejected: 0 });
    expect((await ingest(org.adminKey, body)).json).toMatchObject({ accepted: 0, duplicates: 12, rejected: 0 });
    const rows = await app.services.database.sql`select client_id from audit_events where org_id = ${org.orgId} order by seq`;
    expect(rows.map((r) => r.client_id)).toEqual(ids);
  });
});
