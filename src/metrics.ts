/**
 * Prometheus metrics (prom-client): ingestion, reports, the job queue, open
 * subscriptions, and HTTP and GraphQL latency, in one registry per process.
 * Counters and histograms are updated where things happen; the queue's depth
 * and age are read from PostgreSQL when Prometheus scrapes. The endpoint is
 * either a port of its own (METRICS_PORT, here, no key: bind it where only
 * the scraper reaches) or /metrics on the API port behind METRICS_TOKEN
 * (http/metrics.ts); neither is on by default.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Sql } from './db/client.ts';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const REPORT_SECONDS = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(sql: Sql) {
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
