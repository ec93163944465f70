/**
 * Prometheus metrics (prom-client): ingestion, reports, the job queues, open
 * subscriptions, and HTTP and GraphQL latency, in one registry per process.
 * Counters and histograms are updated where things happen; the depth and age
 * of the report queue and of every job queue are read from PostgreSQL when
 * Prometheus scrapes. The endpoint is either a port of its own (METRICS_PORT,
 * here, no key: bind it where only the scraper reaches) or /metrics on the
 * API port behind METRICS_TOKEN (http/metrics.ts); neither is on by default.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Sql } from './db/client.ts';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const REPORT_SECONDS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(sql: Sql, jobSchema = 'pgboss') {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'agent_reports_' });
  const m = {
    registry,
    eventsIngested: new Counter({ name: 'agent_reports_events_ingested_total', help: 'Audit events stored, by route (ingest, otlp, graphql).', labelNames: ['route'] as const, registers: [registry] }),
    eventsRejected: new Counter({ name: 'agent_reports_events_rejected_total', help: 'Audit events rejected as invalid, by route.', labelNames: ['route'] as const, registers: [registry] }),
    ingestBytes: new Counter({ name: 'agent_reports_ingest_bytes_total', help: 'Request body bytes received by the ingest routes (after decompression), by route.', labelNames: ['route'] as const, registers: [registry] }),
    reports: new Counter({ name: 'agent_reports_reports_total', help: 'Reports finished by this process, by type and final status.', labelNames: ['type', 'status'] as const, registers: [registry] }),
    reportDuration: new Histogram({ name: 'agent_reports_report_duration_seconds', help: 'Time from a worker taking a report to its final status, by type and status.', labelNames: ['type', 'status'] as const, buckets: REPORT_SECONDS, registers: [registry] }),
    subscriptions: new Gauge({ name: 'agent_reports_open_subscriptions', help: 'GraphQL subscriptions open in this process (SSE and WebSocket).', registers: [registry] }),
    httpDuration: new Histogram({ name: 'agent_reports_http_request_duration_seconds', help: 'HTTP request latency until the response starts, by method, route and status.', labelNames: ['method', 'route', 'status'] as const, buckets: SECONDS, registers: [registry] }),
    graphqlDuration: new Histogram({ name: 'agent_reports_graphql_operation_duration_seconds', help: 'GraphQL execution time, by operation type (subscriptions: until the first result).', labelNames: ['operation'] as const, buckets: SECONDS, registers: [registry] }),
  };
  // Each route's series from the start: a counter that appears only with its first event hides the rate before it.
  for (const route of ['ingest', 'otlp', 'graphql']) {
    m.eventsIngested.labels({ route }).inc(0);
    m.eventsRejected.labels({ route }).inc(0);
    if (route !== 'graphql') m.ingestBytes.labels({ route }).inc(0);
  }
  // Read on each scrape: shared by every process, so any one of them reports the whole queue.
  new Gauge({
    name: 'agent_reports_report_queue_depth',
    help: 'Reports waiting for a worker (pending) or being generated, across all processes.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await sql`select status, count(*)::int as n from reports where status in ('pending', 'generating') and deleted_at is null group by status`;
      this.reset();
      for (const status of ['pending', 'generating']) this.set({ status }, Number(rows.find((r) => r.status === status)?.n ?? 0));
    },
  });
  new Gauge({
    name: 'agent_reports_report_queue_oldest_age_seconds',
    help: 'Age of the oldest report still pending or generating (0 when none).',
    registers: [registry],
    async collect() {
      const [row] = await sql`select coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age from reports where status in ('pending', 'generating') and deleted_at is null`;
      this.set(Number(row?.age ?? 0));
    },
  });
  // Every pg-boss queue (exports, packages, notifications, rollups, ...), not only reports: a backlog anywhere is work nobody does.
  // A job is due once its start time has passed; a queue that was never created (no job runtime yet) shows nothing.
  const jobQueues = async () => {
    try {
      return await sql.unsafe(
        `select q.name,
                count(j.id) filter (where j.state in ('created', 'retry'))::int as queued,
                count(j.id) filter (where j.state = 'active')::int as active,
                coalesce(extract(epoch from now() - min(j.start_after) filter (where j.state in ('created', 'retry'))), 0)::float8 as age
           from "${jobSchema}".queue q
           left join "${jobSchema}".job j on j.name = q.name and j.state in ('created', 'retry', 'active') and j.start_after <= now()
          group by q.name`,
      );
    } catch (error) {
      if ((error as { code?: string }).code === '42P01') return [];
      throw error;
    }
  };
  new Gauge({
    name: 'agent_reports_job_queue_depth',
    help: 'Jobs due and waiting (queued: created or retrying) or being worked on (active), by pg-boss queue, across all processes.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const rows = await jobQueues();
      this.reset();
      for (const r of rows) {
        this.set({ queue: String(r.name), state: 'queued' }, Number(r.queued));
        this.set({ queue: String(r.name), state: 'active' }, Number(r.active));
      }
    },
  });
  new Gauge({
    name: 'agent_reports_job_queue_oldest_age_seconds',
    help: 'How long the oldest due job of each pg-boss queue has waited for a worker (0 when none waits).',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      const rows = await jobQueues();
      this.reset();
      for (const r of rows) this.set({ queue: String(r.name) }, Number(r.age));
    },
  });
  return m;
}

/** The metrics on a port of their own (METRICS_PORT), without a key: bind it where only the scraper reaches. */
export async function serveMetrics(metrics: Metrics, port: number, host: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are served at GET /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics could not be collected\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
