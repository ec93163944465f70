/**
 * Hostile input, property-based (fast-check), against the real server and
 * PostgreSQL: NDJSON lines and GraphQL ingestion batches built from huge
 * strings, deep JSON, invalid UTF-8, NUL bytes, dates outside 1970-9999,
 * random unicode and broken gzip; and generateReport inputs. No input may
 * yield a 500 or an internal error, take unbounded time, or store part of a
 * batch: the rows added are exactly the accepted count, and the rejections
 * name exactly the bad lines (indexes). Then report outputs: whatever an
 * agent or tool is called, the HTML (the PDF's source) gains no element or
 * event handler, and no CSV cell starts a spreadsheet formula.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { AuditEventInput, GenerateReportInput } from '../client/graphql.ts';
import { ingestBatch } from '../src/events/ingest.ts';
import { csvFiles } from '../src/render/csv.ts';
import { esc } from '../src/render/escape.ts';
import { renderHtml } from '../src/render/html.ts';
import { findReport, loadRenderable } from '../src/render/model.ts';
import { buildReport } from '../src/reports/generate.ts';
import { reportTypes } from '../src/frameworks/index.ts';
import { generatingReport, PERIOD } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const IngestHostile = graphql(`
  mutation IngestHostile($events: [AuditEventInput!]!) {
    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }
  }
`);

const GenerateHostile = graphql(`
  mutation GenerateHostile($input: GenerateReportInput!) {
    generateReport(input: $input) { id status title }
  }
`);

/** Every request must answer within this (a hang fails the property, not the test timeout). */
const REQUEST_BUDGET_MS = 10_000;
const runs = { ndjson: 150, gzip: 50, graphql: 100, generate: 150, render: 10 };
/** Cases actually run, printed at the end for the hardening report. */
const ran: Record<string, number> = {};

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
let caseNo = 0;

beforeAll(async () => {
  app = await startTestApp({ jobs: 'enqueue' });
  org = await app.newOrg('Hostile <b>org</b>');
});
afterAll(async () => {
  console.log(`fuzz cases run: ${JSON.stringify(ran)}, total ${Object.values(ran).reduce((a, b) => a + b, 0)}`);
  await app.close();
});

const count = async (table: 'audit_events' | 'reports') =>
  Number((await app.services.database.sql`select count(*)::int as n from ${app.services.database.sql(table)} where org_id = ${org.orgId}`)[0]!.n);

async function timed<T>(work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([
    work(),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${REQUEST_BUDGET_MS} ms`)), REQUEST_BUDGET_MS))),
  ]).finally(() => clearTimeout(timer));
  expect(Date.now() - started).toBeLessThan(REQUEST_BUDGET_MS);
  return result;
}

// ---------------------------------------------------------------- generators

const HTML_PAYLOADS = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "'><iframe src=javascript:alert(1)>",
  '</td></tr></table><script>alert(1)</script>', '<a href="javascript:alert(1)">x</a>', '&lt;b&gt;', '<!--', ']]>', '<style>*{}</style>',
];
const FORMULAS = ['=1+1', '=HYPERLINK("http://evil.example","x")', '+cmd|calc', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];

/** Any text a real client might send: unicode of every plane, markup, formulas, control characters (no NUL). */
const wildText = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength }),
      fc.string({ unit: 'grapheme', maxLength }),
      fc.constantFrom(...HTML_PAYLOADS, ...FORMULAS, '\u202Eevil', '\uFEFF', '\uD800', 'a\\b"c\td\ne\rf', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'),
      fc.tuple(fc.constantFrom(...HTML_PAYLOADS, ...FORMULAS), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
    )
    .map((s) => s.replaceAll('\u0000', '').slice(0, maxLength));

/** Timestamps the contract accepts: 1970-01-01 to 9999-12-31 UTC, with Z or an offset. */
const goodTime = fc.oneof(
  fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-01-31T12:00:00+02:00', '1970-01-01T00:30:00-01:00'),
);
/** Timestamps it refuses: before 1970 or after 9999 (also once the offset is applied), no offset, not dates. */
const badTime = fc.oneof(
  fc.date({ min: new Date(-8.64e15), max: new Date('1969-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date(Date.UTC(10_000, 0, 1)), max: new Date(8.64e15), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('1969-12-31T23:59:59Z', '1970-01-01T00:30:00+01:00', '9999-12-31T23:30:00-01:00', '+275760-09-13T00:00:00Z', '2026-02-30T10:00:00Z', '2026-01-31T12:00:00', 'now', ''),
);

/** JSON nested `depth` levels below the attributes object (arrays and objects mixed). */
const nested = (depth: number) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value };
  return value;
};

type Fields = Record<string, unknown>;

/** A valid event full of hostile-but-allowed content. */
const goodEvent: fc.Arbitrary<Fields> = fc.record(
  {
    occurredAt: goodTime,
    category: fc.constantFrom('tool_call', 'policy_decision', 'admin', 'dlp'),
    action: wildText(128).filter((s) => s.length > 0),
    // Identifiers are absent or not empty (an empty one is a bad event, below).
    agentId: wildText(256).filter((s) => s.length > 0),
    environment: wildText(128),
    tool: fc.record({ name: wildText(256).filter((s) => s.length > 0), tags: fc.array(wildText(20), { maxLength: 4 }) }),
    resource: fc.oneof(wildText(1024), fc.constant('r'.repeat(1024))),
    decision: fc.constantFrom('allow', 'deny', 'alert', 'hold', null),
    costUsd: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(null)),
    attributes: fc.oneof(
      fc.dictionary(wildText(12), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }).map((o) => JSON.parse(JSON.stringify(o).replaceAll('\\u0000', '')) as Fields),
      fc.integer({ min: 0, max: 30 }).map((d) => ({ deep: nested(d) })),
      fc.constant({ big: 'x'.repeat(60 * 1024) }),
    ),
  },
  { requiredKeys: ['occurredAt', 'category', 'action'] },
);

/** A structurally valid event made invalid in one known way. */
const badEvent: fc.Arbitrary<Fields> = fc.tuple(goodEvent, fc.integer({ min: 0, max: 9 }), badTime, fc.integer({ min: 33, max: 800 })).map(([e, how, time, depth]) => {
  switch (how) {
    case 0: return { ...e, occurredAt: time };
    case 1: return { ...e, action: `a\u0000b` };
    case 2: return { ...e, agentId: `agent\u0000` };
    case 3: return { ...e, attributes: { deep: nested(depth) } };
    case 4: return { ...e, attributes: { nul: 'x\u0000y' } };
    case 5: return { ...e, action: 'a'.repeat(129 + depth) };
    case 6: return { ...e, attributes: { big: 'x'.repeat(65 * 1024) } };
    case 7: return { ...e, category: '<script>alert(1)</script>' };
    case 8: return { ...e, agentId: '' };
    default: return { ...e, occurredAt: undefined };
  }
});

interface Line {
  bytes: Buffer;
  /** good: stored; bad: rejected; blank: counted, neither. */
  kind: 'good' | 'bad' | 'blank';
}

const json = (fields: Fields) => Buffer.from(JSON.stringify(fields));

/** Invalid UTF-8 inside a JSON string reads as U+FFFD: the event stays valid. */
const withInvalidUtf8InString = (fields: Fields) => {
  const text = JSON.stringify({ ...fields, resource: 'BYTES' });
  const at = text.indexOf('"BYTES"') + 1;
  return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(text.slice(at + 5))]);
};

const lineArb: fc.Arbitrary<Line> = fc.oneof(
  { weight: 6, arbitrary: goodEvent.map((e) => ({ bytes: json(e), kind: 'good' as const })) },
  { weight: 2, arbitrary: goodEvent.map((e) => ({ bytes: withInvalidUtf8InString(e), kind: 'good' as const })) },
  { weight: 5, arbitrary: badEvent.map((e) => ({ bytes: json(e), kind: 'bad' as const })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.constantFrom('{', '{"occurredAt": ', 'null', '[1,2]', '"text"', '42', 'true', '{"a":1}}', '\u0000', '{"x":"\u0000"}', '<html>'),
        // One line each: a newline inside would make it two (the splitter is tested on its own).
        fc.string({ unit: 'binary', maxLength: 50 }).map((s) => `{${s.replaceAll('\n', ' ')}`),
        fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => Buffer.concat([Buffer.from([0xff]), Buffer.from(b).filter((x) => x !== 0x0a)])),
        fc.constant(Buffer.from('[' + '['.repeat(200_000) + ']'.repeat(200_000) + ']')),
        fc.constant(Buffer.alloc(1024 * 1024 + 10, 'a')),
      )
      .map((b) => ({ bytes: typeof b === 'string' ? Buffer.from(b) : Buffer.from(b), kind: 'bad' as const })),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t').map((s) => ({ bytes: Buffer.from(s), kind: 'blank' as const })) },
);

/** Good events get a unique id most of the time (and none otherwise); one may be sent twice. */
function numbered(lines: Line[], withIds: boolean[], repeatFirstGood: boolean) {
  const out = lines.map((line, i) => {
    if (line.kind !== 'good' || !withIds[i % withIds.length]) return { ...line, duplicate: false };
    // Inserted as the first key: raw bytes stay as they are.
    const id = `fuzz-${++caseNo}-${i}`;
    return { bytes: Buffer.concat([Buffer.from(`{"id":"${id}",`), line.bytes.subarray(1)]), kind: line.kind, duplicate: false };
  });
  const firstWithId = out.findIndex((l) => l.kind === 'good' && l.bytes.subarray(0, 6).toString() === '{"id":');
  if (repeatFirstGood && firstWithId >= 0) out.push({ ...out[firstWithId]!, duplicate: true });
  return out;
}

interface IngestResponse {
  accepted: number;
  duplicates: number;
  rejected: number;
  rejections: Array<{ line: number; field: string; message: string }>;
  error?: { code: string; message: string };
}

async function postNdjson(body: Buffer, headers: Record<string, string> = {}) {
  const response = await timed(() => app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: new Uint8Array(body), headers: { 'content-type': 'application/x-ndjson', ...headers } }));
  return { status: response.status, json: (await response.json()) as IngestResponse };
}

// ---------------------------------------------------------------- properties

describe('POST /ingest with hostile NDJSON', () => {
  it('answers every body with 200, stores exactly the accepted lines and names exactly the bad ones', async () => {
    ran.ndjson = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(lineArb, { minLength: 1, maxLength: 25 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (raw, withIds, repeat, eol, trailingEol) => {
          ran.ndjson!++;
          const lines = numbered(raw, withIds, repeat);
          const body = Buffer.concat(lines.flatMap((l, i) => (i < lines.length - 1 || trailingEol ? [l.bytes, Buffer.from(eol)] : [l.bytes])));
          const before = await count('audit_events');
          const { status, json: result } = await postNdjson(body);
          const after = await count('audit_events');

          expect(status, JSON.stringify(result.error)).toBe(200);
          const badLines = lines.flatMap((l, i) => (l.kind === 'bad' ? [i + 1] : []));
          const good = lines.filter((l) => l.kind === 'good');
          expect(result.rejections.map((r) => r.line)).toEqual(badLines);
          expect(result.rejected).toBe(badLines.length);
          expect(result.duplicates).toBe(good.filter((l) => l.duplicate).length);
          expect(result.accepted).toBe(good.length - result.duplicates);
          expect(after - before).toBe(result.accepted);
        },
      ),
      { numRuns: runs.ndjson },
    );
  }, 60_000);

  it('answers a broken gzip body with 400 naming the body, and stores exactly what it reports', async () => {
    ran.gzip = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(goodEvent, { minLength: 1, maxLength: 8 }),
        fc.oneof(
          fc.record({ cut: fc.integer({ min: 1, max: 200 }) }),
          fc.record({ flip: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
          fc.record({ garbage: fc.uint8Array({ minLength: 0, maxLength: 64 }) }),
        ),
        async (events, damage) => {
          ran.gzip!++;
          const gz = gzipSync(Buffer.from(events.map((e) => JSON.stringify(e)).join('\n')));
          let body: Buffer;
          if ('cut' in damage) body = gz.subarray(0, Math.max(0, gz.length - damage.cut));
          else if ('flip' in damage) {
            body = Buffer.from(gz);
            const at = damage.flip % body.length;
            body[at] = body[at]! ^ damage.mask;
          } else body = Buffer.from(damage.garbage);
          const before = await count('audit_events');
          const { status, json: result } = await postNdjson(body, { 'content-encoding': 'gzip' });
          const after = await count('audit_events');
          // A flipped bit may land somewhere harmless (e.g. the header's timestamp): then the body is fine.
          expect([200, 400]).toContain(status);
          if (status === 400) expect(result.error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/gzip/) });
          expect(after - before).toBe(result.accepted);
        },
      ),
      { numRuns: runs.gzip },
    );
  }, 60_000);
});

describe('ingestAuditEvents with hostile batches', () => {
  it('never errors internally; rejected indexes are exactly the bad events and only the good ones are stored', async () => {
    ran.graphql = 0;
    const entry = fc.oneof(goodEvent.map((e) => ({ event: e, good: true })), badEvent.map((e) => ({ event: e, good: false })));
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 0, maxLength: 20 }), async (entries) => {
        ran.graphql!++;
        const events = entries.map(({ event }, i) => ({ ...event, id: `gql-${++caseNo}-${i}` }) as AuditEventInput);
        const before = await count('audit_events');
        const result = await timed(() => app.gql(org.adminKey, IngestHostile, { events }));
        const after = await count('audit_events');
        expect(result.status).toBeLessThan(500);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        const bad = entries.flatMap((e, i) => (e.good ? [] : [i]));
        expect(result.data!.ingestAuditEvents.rejected.map((r) => r.index)).toEqual(bad);
        expect(result.data!.ingestAuditEvents.accepted).toBe(entries.length - bad.length);
        expect(after - before).toBe(result.data!.ingestAuditEvents.accepted);
      }),
      { numRuns: runs.graphql },
    );
  }, 60_000);

  it('refuses a batch with a value of the wrong GraphQL type as a whole, storing none of it', async () => {
    const before = await count('audit_events');
    const events = [{ occurredAt: '2026-01-01T00:00:00Z', category: 'admin', action: 'ok' }, { occurredAt: '2026-01-01T00:00:00Z', category: 'admin', action: 'x', ttlSeconds: 'ten' }];
    const result = await app.gql(org.adminKey, IngestHostile, { events: events as unknown as AuditEventInput[] });
    expect(result.status).toBe(400);
    expect(result.errors![0]!.message).toMatch(/ttlSeconds/);
    expect(await count('audit_events')).toBe(before);
  });
});

describe('generateReport with hostile inputs', () => {
  it('answers a report or BAD_USER_INPUT naming the field, never an internal error; a refused request creates nothing', async () => {
    ran.generate = 0;
    // Known names, so some requests pass the scope checks.
    await ingestBatch(app.services.database, org.orgId, [{ occurredAt: '2026-01-01T00:00:00Z', category: 'admin', action: 'seed', environment: 'prod', agentId: 'agent-1' }]);
    const types = reportTypes().map((f) => f.type);
    const dateTime = fc.oneof(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('1969-12-31T23:59:59Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z', '0000-01-01T00:00:00Z', 'yesterday', '2026-02-30T00:00:00Z', ''),
    );
    const withNul = (arb: fc.Arbitrary<string>) => fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: arb.map((s) => `${s}\u0000x`) });
    const input = fc.record(
      {
        type: fc.oneof(fc.constantFrom(...types), withNul(wildText(40))),
        title: withNul(fc.oneof(wildText(300), fc.constant('t'.repeat(100_000)))),
        period: fc.record({ start: dateTime, end: dateTime }, { requiredKeys: [] }),
        environment: withNul(fc.oneof(fc.constant('prod'), wildText(200))),
        agentIds: fc.array(withNul(fc.oneof(fc.constant('agent-1'), wildText(300))), { maxLength: 5 }),
        dataSubject: withNul(wildText(300)),
      },
      { requiredKeys: ['type'] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (raw) => {
        ran.generate!++;
        const before = await count('reports');
        const result = await timed(() => app.gql(org.adminKey, GenerateHostile, { input: raw as unknown as GenerateReportInput }));
        const after = await count('reports');
        expect(result.status, JSON.stringify(result.errors)).toBeLessThan(500);
        if (result.errors) {
          // A value the GraphQL type refuses (e.g. a DateTime) is a request error without a code; the rest is ours.
          for (const error of result.errors) expect(error.extensions?.code ?? (result.status === 400 && 'GRAPHQL_INPUT'), error.message).toMatch(/^(BAD_USER_INPUT|GRAPHQL_INPUT)$/);
          expect(after).toBe(before);
        } else {
          expect(result.data!.generateReport.status).toBe('PENDING');
          expect(after).toBe(before + 1);
        }
      }),
      // Once found by a random seed (2123956077): an end in year 0 defaulted the start to year -1, which PostgreSQL refused.
      { numRuns: runs.generate, examples: [[{ type: 'soc2', period: { end: '0000-01-01T00:00:00Z' } }]] },
    );
  }, 60_000);

  it('refuses a period outside the dates events may carry (1970 to 9999), naming the bound', async () => {
    const before = await count('reports');
    const cases = [
      [{ end: '0000-01-01T00:00:00Z' }, 'period.start'],
      [{ start: '1969-12-31T23:59:59Z', end: '1970-01-02T00:00:00Z' }, 'period.start'],
      [{ start: '9999-12-01T00:00:00Z', end: '9999-12-31T23:59:59Z' }, null],
    ] as const;
    for (const [period, field] of cases) {
      const result = await app.gql(org.adminKey, GenerateHostile, { input: { type: 'soc2', period } as unknown as GenerateReportInput });
      if (field === null) expect(result.errors, JSON.stringify(period)).toBeUndefined();
      else expect(result.errors?.[0]?.extensions, JSON.stringify(period)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count('reports')).toBe(before + 1);
  });
});

describe('report outputs keep event content as text', () => {
  /** Tag names and attributes of every element in an HTML document. */
  const elements = (html: string) =>
    [...html.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)].map((m) => ({
      tag: m[1]!.toLowerCase(),
      attributes: [...m[2]!.matchAll(/([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => ({ name: a[1]!.toLowerCase(), value: (a[2] ?? '').replace(/^["']|["']$/g, '') })),
    }));

  async function renderWith(agents: string[], tools: string[]) {
    const fresh = await app.newOrg('Render <i>org</i>');
    const events = Array.from({ length: 60 }, (_, i) => ({
      occurredAt: new Date(PERIOD.start.getTime() + (i + 1) * 3_600_000 * 11).toISOString(),
      category: 'policy_decision',
      action: 'tool.invoke',
      decision: i % 4 ? 'allow' : 'deny',
      environment: 'production',
      agentId: agents[i % agents.length],
      actor: { type: 'agent', id: agents[i % agents.length] },
      tool: { name: tools[i % tools.length], tags: ['pii'] },
    }));
    const stored = await ingestBatch(app.services.database, fresh.orgId, events);
    expect(stored.rejected).toEqual([]);
    const id = await generatingReport(app.services, fresh.orgId, `${agents[0]} report`);
    await buildReport(app.services, id, async () => {});
    const report = await loadRenderable(app.services, (await findReport(app.services, fresh.orgId, id))!);
    return { html: renderHtml(report), csv: csvFiles(report) };
  }

  it('HTML gains no element, handler or script URL, and no CSV cell starts a formula, whatever agents and tools are called', async () => {
    ran.render = 0;
    const baseline = await renderWith(['agent-a', 'agent-b'], ['tool-a']);
    const allowedTags = new Set(elements(baseline.html).map((e) => e.tag));
    const name = fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom(...HTML_PAYLOADS, ...FORMULAS), fc.string({ unit: 'binary', maxLength: 8 }))
      .map(([a, b, c]) => (b + c + a).replaceAll('\u0000', '').trim())
      .filter((s) => s.length > 0 && s.length <= 256);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(name, { minLength: 2, maxLength: 3 }), fc.array(name, { minLength: 1, maxLength: 2 }), async (agents, tools) => {
        ran.render!++;
        const { html, csv } = await renderWith(agents, tools);
        for (const element of elements(html)) {
          expect(allowedTags.has(element.tag), `<${element.tag}> appeared`).toBe(true);
          for (const attribute of element.attributes) {
            expect(attribute.name.startsWith('on'), `handler ${attribute.name} on <${element.tag}>`).toBe(false);
            expect(attribute.value.trim().toLowerCase().startsWith('javascript:')).toBe(false);
          }
        }
        // Agent names are shown (the agent table), as text.
        for (const agent of agents) expect(html).toContain(esc(agent));

        for (const file of csv) {
          const rows = parse(file.data, { bom: true, relax_column_count: true, relax_quotes: true }) as string[][];
          for (const cell of rows.flat()) {
            expect(/^[=+@\t\r]/.test(cell), `${file.path}: ${JSON.stringify(cell)}`).toBe(false);
            if (cell.startsWith('-')) expect(Number.isFinite(Number(cell)), `${file.path}: ${JSON.stringify(cell)}`).toBe(true);
          }
        }
        const agentCells = (parse(csv.find((f) => f.path === 'table-agent_risk.csv')!.data, { bom: true, columns: true }) as Array<Record<string, string>>).map((r) => r.agent);
        for (const agent of agents) expect(agentCells).toContain(/^[=+\-@\t\r]/.test(agent) ? `'${agent}` : agent);
      }),
      { numRuns: runs.render },
    );
  }, 60_000);

  it('the console builds pages from text nodes only: no source of it writes HTML', () => {
    // Its behaviour with markup in names runs in Chromium in console.e2e.test.ts; this keeps the rule for every file.
    const dir = path.resolve('src/web/app');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = readFileSync(path.join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(source, file).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|createContextualFragment|DOMParser/);
    }
  });
});
