/**
 * Prometheus metrics through the real server: what ingest, reports, the
 * queue, subscriptions and requests do shows in /metrics (behind its token),
 * and on a port of its own without one; without a token the API port does
 * not serve them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serveMetrics } from '../src/metrics.ts';
import { startQueue } from '../src/queue.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { generatingReport } from './support/completed-report.ts';
import { reportOf } from './support/report-fixture.ts';

const METRICS_TOKEN = 'metrics-test-token-0123456789';
let app: TestApp;
beforeAll(async () => { app = await startTestApp({ env: { METRICS_TOKEN } }); });
afterAll(() => app.close());

async function scrape(): Promise<string> {
  const response = await app.fetch('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one series, e.g. value(text, 'agent_reports_events_ingested_total{route="ingest"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

it('counts ingested and rejected events and ingest bytes, by route', async () => {
  const org = await app.newOrg('Metrics ingest');
  const before = await scrape();
  const body = '{"occurredAt":"2026-10-01T10:00:00Z","category":"tool_call","action":"a"}\n{"occurredAt":"2026-10-01T10:01:00Z","category":"tool_call","action":"b"}\n{"bad":1}\n';
  const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/x-ndjson' }, body });
  expect(response.status).toBe(200);
  const after = await scrape();
  const delta = (series: string) => (value(after, series) ?? 0) - (value(before, series) ?? 0);
  expect(delta('agent_reports_events_ingested_total{route="ingest"}')).toBe(2);
  expect(delta('agent_reports_events_rejected_total{route="ingest"}')).toBe(1);
  expect(delta('agent_reports_ingest_bytes_total{route="ingest"}')).toBe(Buffer.byteLength(body));
  expect(value(after, 'agent_reports_http_request_duration_seconds_count{method="POST",route="/ingest",status="200"}')).toBeGreaterThanOrEqual(1);
});

it('counts events from the GraphQL mutation and from OTLP under their own routes', async () => {
  const org = await app.newOrg('Metrics other routes');
  const before = await scrape();
  // Every route's series exists before its first event, so rate() over it starts at zero rather than missing.
  for (const route of ['ingest', 'otlp', 'graphql']) expect(value(before, `agent_reports_events_ingested_total{route="${route}"}`), route).toBeDefined();
  const mutation = await app.fetch('/graphql', {
    method: 'POST',
    key: org.adminKey,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($events: [AuditEventInput!]!) { ingestAuditEvents(events: $events) { accepted rejected { index } } }',
      variables: { events: [{ occurredAt: '2026-10-01T10:00:00Z', category: 'tool_call', action: 'a' }, { occurredAt: '2026-10-01T10:00:00Z', category: 'tool_call', action: 'b', decision: 'maybe' }] },
    }),
  });
  expect(((await mutation.json()) as { data: { ingestAuditEvents: { accepted: number } } }).data.ingestAuditEvents.accepted).toBe(1);
  const span = (spanId: string, decision: string) => ({
    traceId: '0af7651916cd43dd8448eb211c80319c', spanId, name: 'tool', kind: 1, startTimeUnixNano: '1772442000000000000', endTimeUnixNano: '1772442001000000000',
    attributes: [{ key: 'gen_ai.operation.name', value: { stringValue: 'execute_tool' } }, { key: 'gen_ai.tool.name', value: { stringValue: 'x' } }, { key: 'governance.decision', value: { stringValue: decision } }],
  });
  const otlp = JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'gw' } }] }, scopeSpans: [{ spans: [span('00f067aa0ba902b1', 'allow'), span('00f067aa0ba902b2', 'maybe')] }] }] });
  expect((await app.fetch('/v1/traces', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/json' }, body: otlp })).status).toBe(200);
  const after = await scrape();
  const delta = (series: string) => (value(after, series) ?? 0) - (value(before, series) ?? 0);
  expect(delta('agent_reports_events_ingested_total{route="graphql"}')).toBe(1);
  expect(delta('agent_reports_events_rejected_total{route="graphql"}')).toBe(1);
  expect(delta('agent_reports_events_ingested_total{route="otlp"}')).toBe(1);
  expect(delta('agent_reports_events_rejected_total{route="otlp"}')).toBe(1);
  expect(delta('agent_reports_ingest_bytes_total{route="otlp"}')).toBe(Buffer.byteLength(otlp));
});

it('counts reports by type and status with their durations, and shows the queue', async () => {
  const org = await app.newOrg('Metrics reports');
  const before = await scrape();
  await reportOf(app, org, { type: 'governance', period: { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' } });
  // A report nobody works on, requested two minutes ago: the queue's depth and age show it.
  await generatingReport(app.services, org.orgId, 'waiting', 'soc2', { status: 'pending', createdAt: new Date(Date.now() - 120_000) });
  const after = await scrape();
  const series = 'agent_reports_reports_total{type="governance",status="completed"}';
  expect((value(after, series) ?? 0) - (value(before, series) ?? 0)).toBe(1);
  expect(value(after, 'agent_reports_report_duration_seconds_count{type="governance",status="completed"}')).toBeGreaterThanOrEqual(1);
  expect(value(after, 'agent_reports_report_queue_depth{status="pending"}')).toBeGreaterThanOrEqual(1);
  expect(value(after, 'agent_reports_report_queue_oldest_age_seconds')).toBeGreaterThanOrEqual(120);
  expect(value(after, 'agent_reports_graphql_operation_duration_seconds_count{operation="query_or_mutation"}')).toBeGreaterThanOrEqual(1);
  // The default process metrics come along.
  expect(after).toContain('agent_reports_process_resident_memory_bytes');
  await app.services.database.sql`delete from reports where org_id = ${org.orgId} and status = 'pending'`;
}, 60_000);

it('shows every job queue\'s depth and how long its oldest due job has waited', async () => {
  const schema = app.services.config.JOB_SCHEMA;
  // A queue of its own that no worker of this app takes, with one job due two minutes ago and one not due yet.
  const probe = await startQueue(app.services.database.url, app.services.log, schema);
  try {
    await probe.createQueue('metrics-probe');
    await app.services.database.sql.unsafe(`insert into "${schema}".job (name, data, start_after, created_on) values ('metrics-probe', '{}', now() - interval '2 minutes', now() - interval '2 minutes'), ('metrics-probe', '{}', now() + interval '1 hour', now())`);
    const text = await scrape();
    expect(value(text, 'agent_reports_job_queue_depth{queue="metrics-probe",state="queued"}')).toBe(1);
    expect(value(text, 'agent_reports_job_queue_depth{queue="metrics-probe",state="active"}')).toBe(0);
    expect(value(text, 'agent_reports_job_queue_oldest_age_seconds{queue="metrics-probe"}')).toBeGreaterThanOrEqual(120);
    // The service's own queues are there too, empty or not.
    for (const queue of ['report-generate', 'notification-deliver', 'export-generate']) expect(value(text, `agent_reports_job_queue_depth{queue="${queue}",state="queued"}`), queue).toBeDefined();
  } finally {
    await probe.stop({ graceful: false });
  }
});

it('counts open subscriptions while they are open', async () => {
  const org = await app.newOrg('Metrics subscriptions');
  const controller = new AbortController();
  const response = await app.fetch('/graphql', {
    method: 'POST',
    key: org.adminKey,
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { reportUpdates { status } }' }),
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  void reader.read().catch(() => {});
  await expect.poll(async () => value(await scrape(), 'agent_reports_open_subscriptions'), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  const open = value(await scrape(), 'agent_reports_open_subscriptions')!;
  controller.abort();
  await reader.cancel().catch(() => {});
  await expect.poll(async () => value(await scrape(), 'agent_reports_open_subscriptions'), { timeout: 10_000 }).toBe(open - 1);
});

it('refuses /metrics without the token, serves nothing there without one configured, and serves its own port', async () => {
  expect((await app.fetch('/metrics')).status).toBe(401);
  expect((await app.fetch('/metrics', { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
  const plain = await startTestApp({ jobs: 'none' });
  try {
    expect((await plain.fetch('/metrics')).status).toBe(404);
    const own = await serveMetrics(plain.services.metrics, 0, '127.0.0.1');
    try {
      const response = await fetch(own.url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('agent_reports_report_queue_depth');
      expect((await fetch(own.url.replace('/metrics', '/other'))).status).toBe(404);
    } finally {
      await own.close();
    }
  } finally {
    await plain.close();
  }
});
