/**
 * `npm run bench -- [--events N] [--grow-to M] [--exports-only | --packages-only]`: NDJSON ingest throughput through the real
 * server. With `--grow-to`, the same database is then grown to M events (of
 * another seed, over the same days) and the report half runs again: the two
 * sizes in one run, with each figure's ratio. A fresh database (on DATABASE_URL's server, else an embedded
 * PostgreSQL) is created and dropped; the server runs as a child process so
 * its peak memory is measured on its own; the body is streamed, never built whole.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createOrganization } from '../src/accounts/organizations.ts';
import { connect } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { citusState } from '../src/db/distribution.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { COPY_COLUMNS } from '../src/events/store.ts';
import { createTestDatabase, dropTestDatabase } from '../test/support/databases.ts';
import { processCpuMs } from './load.ts';
import { benchExports, exportRows } from './exports.ts';
import { benchPackages, packageRows } from './packages.ts';
import { benchReports, type ReportFigures } from './reports.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    'grow-to': { type: 'string' },
    profile: { type: 'boolean', default: false },
    'ingest-only': { type: 'boolean', default: false },
    'exports-only': { type: 'boolean', default: false },
    'packages-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const eventCount = Number(values.events);
if (!Number.isInteger(eventCount) || eventCount < 1) throw new Error('--events must be a positive whole number');
const growTo = values['grow-to'] === undefined ? null : Number(values['grow-to']);
if (growTo !== null && (!Number.isInteger(growTo) || growTo <= eventCount)) throw new Error('--grow-to must be a whole number of events larger than --events');

const cleanups: Array<() => Promise<void>> = [];
async function cleanup() {
  for (const step of cleanups.reverse()) await step().catch((e: unknown) => console.error('cleanup:', e));
}

try {
  await run();
} finally {
  await cleanup();
}

async function run() {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agr-bench-pg-'));
    const server = await startEmbeddedPostgres(dataDir, await freePort(20_000));
    adminUrl = server.adminUrl;
    cleanups.push(async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }
  const name = `agr_bench_${Date.now().toString(36)}`;
  // On a Citus coordinator the database is made on every node, with the coordinator's workers.
  const url = new URL(await createTestDatabase(adminUrl, name));
  const serverUrl = adminUrl;
  cleanups.push(async () => {
    // --keep: leave the filled database for working on queries (DATABASE_URL's server only).
    if (values.keep && process.env.DATABASE_URL) console.log(`kept database ${name}`);
    else await dropTestDatabase(serverUrl, name);
  });
  const database = connect(url.toString(), { max: 2 });
  await migrateDatabase(database);
  const cluster = await citusState(database.sql);
  if (cluster.citus) console.log(`Citus ${cluster.citus} coordinator with ${cluster.workers} workers: the tables are distributed by organisation`);
  const { apiKey, organization } = await createOrganization(database.db, 'Bench');
  await database.close();

  const port = await freePort(0);
  // --profile: the server writes a V8 CPU profile under .bench/ when it stops.
  const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.bench')}`] : [];
  const child = spawn(process.execPath, ['--max-semi-space-size=8', ...profileArgs, path.join(root, 'src/main.ts'), 'serve'], {
    env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => stopChild(child));
  await waitForListening(child);

  const ingestFigures = await ingestStep(child, port, apiKey, url.toString(), eventCount, undefined);
  // --ingest-only: the ingest figures alone (for working on ingestion).
  if (values['ingest-only']) return;
  const benchOptions = { root, databaseUrl: url.toString(), apiUrl: `http://127.0.0.1:${port}`, apiKey, orgId: organization.id };
  // --exports-only: the ingest, then the export figures alone (for working on exports).
  if (values['exports-only']) {
    printRows(exportRows(await benchExports(benchOptions)));
    return;
  }
  // --packages-only: the ingest, then the compliance-package figures alone.
  if (values['packages-only']) {
    printRows(packageRows(await benchPackages(benchOptions)));
    return;
  }
  const reportFigures = await benchReports(benchOptions);
  printTable(ingestFigures, reportFigures);
  const exportFigures = await benchExports(benchOptions);
  printRows(exportRows(exportFigures));
  const packageFigures = await benchPackages(benchOptions);
  printRows(packageRows(packageFigures));
  let grown: { ingest: typeof ingestFigures; reports: ReportFigures } | null = null;
  if (growTo !== null) {
    // The same trail grown to `growTo` events (a tenth more through GraphQL again), over the same days.
    console.log(`growing the trail by ${(growTo - eventCount).toLocaleString('en')} events`);
    const ingest = await ingestStep(child, port, apiKey, url.toString(), growTo - eventCount, 2);
    const reports = await benchReports({ root, databaseUrl: url.toString(), apiUrl: `http://127.0.0.1:${port}`, apiKey, orgId: organization.id });
    printTable(ingest, reports);
    grown = { ingest, reports };
    printRatios({ ingest: ingestFigures, reports: reportFigures }, grown);
  }
  mkdirSync(path.join(root, '.bench'), { recursive: true });
  const file = path.join(root, '.bench', `bench-${ingestFigures.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ ingest: ingestFigures, reports: reportFigures, exports: exportFigures, packages: packageFigures, ...(grown ? { grown } : {}) }, null, 2) + '\n');
  console.log(`wrote ${path.relative(root, file)}`);
}

/** Ingests `eventCount` events (of `seed`) through POST /ingest, and a tenth as many through GraphQL. */
async function ingestStep(child: ChildProcess, port: number, apiKey: string, databaseUrl: string, eventCount: number, seed: number | undefined) {
  // Written to a file first, so generating events does not compete with the server for the CPUs.
  const events = await eventSource(eventCount, seed);
  const bodyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'agr-bench-body-')), 'events.ndjson');
  cleanups.push(async () => rmSync(path.dirname(bodyFile), { recursive: true, force: true }));
  await pipeline(Readable.from(ndjson(events)), createWriteStream(bodyFile));
  const bodyBytes = statSync(bodyFile).size;

  const backends = connect(databaseUrl, { max: 1 });
  const backendsBefore = await backendCpuMs(backends);
  const memory = sampleMemory(child.pid!);
  const cpuBefore = processCpuMs(child.pid!);
  const started = performance.now();
  const result = await post(port, apiKey, createReadStream(bodyFile, { highWaterMark: 256 * 1024 }));
  const seconds = (performance.now() - started) / 1000;
  const serverCpuMs = processCpuMs(child.pid!) - cpuBefore;
  const rss = memory.stop();
  const backendsAfter = await backendCpuMs(backends);
  await backends.close();
  // Backends that ended during the ingest are missed; the server's pool keeps its connections.
  let databaseCpuMs = 0;
  for (const [pid, ms] of backendsAfter) databaseCpuMs += ms - (backendsBefore.get(pid) ?? 0);

  const figures = {
    at: new Date().toISOString(),
    events: eventCount,
    generator: events.name,
    bodyMiB: mib(bodyBytes),
    seconds: Number(seconds.toFixed(2)),
    eventsPerSecond: Math.round(eventCount / seconds),
    accepted: result.accepted,
    duplicates: result.duplicates,
    rejected: result.rejected,
    serverRssMiB: { before: mib(rss.before), peak: mib(rss.peak), after: mib(rss.after) },
    // CPU the server process spent per event (user + system), whatever else shares the cores.
    serverCpuMicrosPerEvent: Number(((serverCpuMs * 1000) / eventCount).toFixed(1)),
    // CPU of the database's backends per event (null when PostgreSQL runs on another host).
    databaseCpuMicrosPerEvent: databaseCpuMs > 0 ? Number(((databaseCpuMs * 1000) / eventCount).toFixed(1)) : null,
    database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
    cpus: os.cpus().length,
    node: process.version,
  };
  console.log(
    `NDJSON ingest: ${eventCount.toLocaleString('en')} events in ${figures.seconds} s = ${figures.eventsPerSecond.toLocaleString('en')} events/s ` +
      `(accepted ${result.accepted}, rejected ${result.rejected}); server RSS ${figures.serverRssMiB.before} MiB before, ` +
      `peak ${figures.serverRssMiB.peak} MiB, ${figures.serverRssMiB.after} MiB after; server CPU ${figures.serverCpuMicrosPerEvent} µs/event` +
      (figures.databaseCpuMicrosPerEvent === null ? '' : `, PostgreSQL backends' CPU ${figures.databaseCpuMicrosPerEvent} µs/event`),
  );
  if (result.accepted !== eventCount) throw new Error(`expected ${eventCount} accepted events, got ${result.accepted}`);
  const floor = await copyFloor(databaseUrl);
  const ofFloor = Number((figures.eventsPerSecond / floor.eventsPerSecond).toFixed(2));
  console.log(
    `COPY floor: the same ${floor.rows.toLocaleString('en')} rows COPYed into a copy of audit_events with all its indexes in ${floor.seconds} s = ` +
      `${floor.eventsPerSecond.toLocaleString('en')} rows/s` + (floor.backendCpuMicrosPerRow === null ? '' : ` (its backend's CPU ${floor.backendCpuMicrosPerRow} µs/row)`) +
      `; NDJSON ingest is ${ofFloor}× the floor`,
  );

  // The same events through the GraphQL mutation: batches of 1,000, four requests in flight
  // (a tenth of the run's size, ids prefixed so they are new events).
  const graphqlEvents = Math.max(1_000, Math.round(eventCount / 10));
  const graphqlIngest = await ingestThroughGraphql(port, apiKey, events, graphqlEvents);
  console.log(`GraphQL ingestAuditEvents: ${graphqlEvents.toLocaleString('en')} events in batches of 1,000 = ${graphqlIngest.eventsPerSecond.toLocaleString('en')} events/s`);
  // Autovacuum would analyze the freshly filled table within a minute or two; do it now so the
  // report figures measure the engine, not plans made for an empty table.
  const analyzing = connect(databaseUrl, { max: 1 });
  await analyzing.sql`analyze audit_events`;
  await analyzing.close();

  return { ...figures, copyFloor: { ...floor, ingestRatio: ofFloor }, graphql: { events: graphqlEvents, eventsPerSecond: graphqlIngest.eventsPerSecond } };
}

/**
 * PostgreSQL's own floor for the rows just ingested: one COPY of the same rows
 * (as text, in the ingest's columns) into a copy of `audit_events` with all its
 * indexes, distributed alike on a Citus cluster. Only the COPY in is timed.
 */
async function copyFloor(databaseUrl: string): Promise<{ rows: number; seconds: number; eventsPerSecond: number; backendCpuMicrosPerRow: number | null }> {
  const db = connect(databaseUrl, { max: 1 });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'agr-bench-floor-')), 'rows.copy');
  try {
    await pipeline(await db.sql.unsafe(`copy (select ${COPY_COLUMNS} from audit_events order by seq) to stdout`).readable(), createWriteStream(file));
    await db.sql`drop table if exists bench_copy_floor`;
    await db.sql`create table bench_copy_floor (like audit_events including all)`;
    if ((await citusState(db.sql)).citus) await db.sql`select create_distributed_table('bench_copy_floor', 'org_id', colocate_with => 'audit_events')`;
    const [{ pid }] = (await db.sql`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
    const cpuBefore = processCpuMs(pid);
    const started = performance.now();
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), await db.sql.unsafe(`copy bench_copy_floor (${COPY_COLUMNS}) from stdin`).writable());
    const seconds = (performance.now() - started) / 1000;
    const backendCpuMs = isLocalPostgres(pid) ? processCpuMs(pid) - cpuBefore : 0;
    const [counted] = await db.sql`select count(*)::int as n from bench_copy_floor`;
    await db.sql`drop table bench_copy_floor`;
    const rows = counted!.n as number;
    const backendCpuMicrosPerRow = backendCpuMs > 0 ? Number(((backendCpuMs * 1000) / rows).toFixed(1)) : null;
    return { rows, seconds: Number(seconds.toFixed(2)), eventsPerSecond: Math.round(rows / seconds), backendCpuMicrosPerRow };
  } finally {
    rmSync(path.dirname(file), { recursive: true, force: true });
    await db.close();
  }
}

/** CPU so far of each backend connected to this database, by pid (empty figures when PostgreSQL runs elsewhere: /proc is this host's). */
async function backendCpuMs(database: ReturnType<typeof connect>): Promise<Map<number, number>> {
  const rows = await database.sql`select pid from pg_stat_activity where datname = current_database()`;
  return new Map(rows.map((r) => [r.pid as number, isLocalPostgres(r.pid as number) ? processCpuMs(r.pid as number) : 0]));
}

/** Whether `pid` is a PostgreSQL process of this host (a remote server's pid may name any local process). */
function isLocalPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('postgres');
  } catch {
    return false;
  }
}

/** The demo generator once it exists (src/demo/generator.ts), else a small deterministic one. */
async function eventSource(count: number, seed?: number): Promise<{ name: string; iterate: () => Iterable<unknown> | AsyncIterable<unknown> }> {
  const generatorFile = path.join(root, 'src/demo/generator.ts');
  if (existsSync(generatorFile)) {
    const module = (await import(generatorFile)) as { generateDemoEvents?: (options: { events: number; seed?: number }) => Iterable<unknown> | AsyncIterable<unknown> };
    if (module.generateDemoEvents) return { name: 'demo', iterate: () => module.generateDemoEvents!({ events: count, ...(seed === undefined ? {} : { seed }) }) };
  }
  return { name: 'inline', iterate: () => inlineEvents(count, seed) };
}

function* inlineEvents(count: number, seed?: number): Generator<unknown> {
  const categories = ['tool_call', 'policy_decision', 'approval', 'dlp', 'credential', 'admin', 'injection'];
  const decisions = ['allow', 'allow', 'allow', 'deny', 'alert', 'hold'];
  const start = Date.parse('2026-01-01T00:00:00Z');
  const step = (90 * 86_400_000) / count;
  for (let i = 0; i < count; i++) {
    const category = categories[i % categories.length]!;
    yield {
      id: seed === undefined ? `bench-${i}` : `bench-${seed}-${i}`,
      occurredAt: new Date(start + Math.floor(i * step)).toISOString(),
      environment: i % 5 === 0 ? 'staging' : 'production',
      agentId: `agent-${i % 12}`,
      sessionId: `session-${Math.floor(i / 40)}`,
      actor: { type: 'agent', id: `agent-${i % 12}` },
      category,
      action: `${category}.recorded`,
      decision: decisions[i % decisions.length],
      policyId: i % 3 ? `policy-${i % 7}` : undefined,
      tool: { name: `tool-${i % 9}`, tags: i % 9 === 0 ? ['pii', 'crm'] : ['internal'] },
      resource: `resource/${i % 1000}`,
      severity: i % 50 === 0 ? 'high' : 'info',
      outcome: i % 20 === 0 ? 'failure' : 'success',
      correlationId: category === 'approval' ? `corr-${Math.floor(i / 2)}` : undefined,
      dataSubjects: category === 'dlp' ? [`subject-${i % 300}`] : undefined,
      personalData: category === 'dlp' ? ['email'] : undefined,
      costUsd: (i % 100) / 10_000,
      attributes: { latencyMs: i % 250, model: 'gpt-x' },
    };
  }
}

/** NDJSON in ~64 KiB string chunks. */
async function* ndjson(source: { iterate: () => Iterable<unknown> | AsyncIterable<unknown> }): AsyncGenerator<string> {
  let chunk = '';
  for await (const event of source.iterate()) {
    chunk += JSON.stringify(event) + '\n';
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** `ingestAuditEvents` batches of 1,000, four in flight; ids prefixed so every event is new. */
async function ingestThroughGraphql(port: number, key: string, source: { iterate: () => Iterable<unknown> | AsyncIterable<unknown> }, count: number) {
  const query = 'mutation($events: [AuditEventInput!]!) { ingestAuditEvents(events: $events) { accepted rejected { index } } }';
  const bodies: string[] = [];
  let batch: unknown[] = [];
  let n = 0;
  for await (const event of source.iterate()) {
    if (n++ >= count) break;
    const e = event as { id?: string };
    batch.push({ ...e, id: `gql-${e.id ?? n}` });
    if (batch.length === 1_000) {
      bodies.push(JSON.stringify({ query, variables: { events: batch } }));
      batch = [];
    }
  }
  if (batch.length) bodies.push(JSON.stringify({ query, variables: { events: batch } }));
  let accepted = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body });
      const json = (await response.json()) as { data?: { ingestAuditEvents: { accepted: number } }; errors?: Array<{ message: string }> };
      if (!json.data) throw new Error(`ingestAuditEvents failed: ${json.errors?.map((e) => e.message).join('; ')}`);
      accepted += json.data.ingestAuditEvents.accepted;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  if (accepted !== Math.min(count, n)) throw new Error(`expected ${Math.min(count, n)} events accepted through GraphQL, got ${accepted}`);
  return { eventsPerSecond: Math.round(accepted / seconds) };
}

async function post(port: number, key: string, body: Readable): Promise<{ accepted: number; duplicates: number; rejected: number }> {
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/ingest',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
  });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
  await pipeline(body, req);
  const { status, text } = await response;
  if (status !== 200) throw new Error(`POST /ingest answered ${status}: ${text}`);
  return JSON.parse(text) as { accepted: number; duplicates: number; rejected: number };
}

/** RSS of a process from /proc (Linux) or ps, sampled every 100 ms. */
function sampleMemory(pid: number) {
  const read = (): number => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
    } catch {
      return 0;
    }
  };
  const before = read();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      const after = read();
      return { before, peak: Math.max(peak, after), after };
    },
  };
}

function mib(bytes: number) {
  return Math.round(bytes / 1024 / 1024);
}

function freePort(base: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(base === 0 ? 0 : base + Math.floor(Math.random() * 20_000), '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      output += d;
      if (output.includes('GraphQL API:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

type Step = { ingest: { events: number; eventsPerSecond: number; graphql: { events: number } }; reports: ReportFigures };

/** The grown trail's figures beside the first's, with their ratio: what grows with the trail. */
function printRatios(small: Step, large: Step) {
  // The trail's size at each step: the grown step's events come on top of the first's.
  const total = (s: Step) => s.ingest.events + s.ingest.graphql.events + (s === large ? small.ingest.events + small.ingest.graphql.events : 0);
  const n = (x: number) => x.toLocaleString('en');
  const rows: Array<[string, number, number, string]> = [
    ['ingest NDJSON, events/s', small.ingest.eventsPerSecond, large.ingest.eventsPerSecond, ''],
    ['roll-up, µs/event', rollupMicros(small.reports), rollupMicros(large.reports), ''],
    ...small.reports.generation.map((g): [string, number, number, string] => {
      const other = large.reports.generation.find((x) => x.type === g.type);
      return [`generate ${g.type}, s`, g.seconds, other?.seconds ?? NaN, '≤ 3×'];
    }),
    ['drill-down p50, ms', small.reports.drilldown.p50Ms, large.reports.drilldown.p50Ms, '≤ 50 ms'],
    ...small.reports.reads.map((r): [string, number, number, string] => [`${r.name} p95, ms`, r.p95Ms, large.reports.reads.find((x) => x.name === r.name)?.p95Ms ?? NaN, r.name.startsWith('report(') ? '≤ 20 ms' : '']),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\n${''.padEnd(width)}  ${n(total(small)).padStart(12)}  ${n(total(large)).padStart(12)}  ratio   target`);
  for (const [name, a, b, target] of rows) console.log(`${name.padEnd(width)}  ${String(a).padStart(12)}  ${String(b).padStart(12)}  ${(b / a).toFixed(2).padStart(5)}×  ${target}`);
  console.log('');
}

// A declaration (hoisted): run() is awaited at the top of this module, before its constants exist.
function rollupMicros(r: ReportFigures): number {
  return Number(((1e6 * r.rollup.seconds) / Math.max(1, r.rollup.events)).toFixed(1));
}

function printTable(ingest: { events: number; eventsPerSecond: number; serverRssMiB: { peak: number }; copyFloor: { eventsPerSecond: number; ingestRatio: number }; graphql: { events: number; eventsPerSecond: number } }, r: ReportFigures) {
  const rows: Array<[string, string]> = [
    [`ingest NDJSON (${ingest.events.toLocaleString('en')} events)`, `${ingest.eventsPerSecond.toLocaleString('en')} events/s, server peak RSS ${ingest.serverRssMiB.peak} MiB`],
    [`COPY floor of the same rows (target: ingest ≥ 0.9×)`, `${ingest.copyFloor.eventsPerSecond.toLocaleString('en')} rows/s; ingest ${ingest.copyFloor.ingestRatio}× the floor`],
    [`ingest GraphQL batches of 1,000 (${ingest.graphql.events.toLocaleString('en')} events)`, `${ingest.graphql.eventsPerSecond.toLocaleString('en')} events/s`],
    [`roll-up of the ingested events (once, after ingest)`, `${r.rollup.seconds} s for ${r.rollup.events.toLocaleString('en')} events = ${((1e6 * r.rollup.seconds) / Math.max(1, r.rollup.events)).toFixed(1)} µs/event; ${r.rollup.rows.toLocaleString('en')} rollup rows`],
    ...r.generation.map((g): [string, string] => [`generate ${g.type}`, `${g.seconds} s (${g.findings} findings)`]),
    ['worker peak RSS (VmHWM)', `${r.workerPeakRssMiB} MiB${r.rendererPeakRssMiB === null ? '' : `; its PDF renderer process ${r.rendererPeakRssMiB} MiB`}`],
    ['PDF of the SOC 2 report', `${r.pdf.warmMedianMs} ms warm (median of 5), ${r.pdf.coldMs} ms with browser launch, ${r.pdf.pages} pages`],
    ['SOC 2: engine / raw SQL floor', `${r.soc2Floor.engineSeconds} s / ${r.soc2Floor.sqlSeconds} s = ${r.soc2Floor.ratio}x (${r.soc2Floor.statements} statements run one by one)`],
    [`drill-down ${r.drilldown.findings} findings x ${r.drilldown.evidencePerFinding} events`, `p50 ${r.drilldown.p50Ms} ms, max ${r.drilldown.maxMs} ms`],
    [`evidence paging (${r.deepPaging.evidence.toLocaleString('en')} events)`, `first page ${r.deepPaging.firstPageMs} ms, page at 90 % ${r.deepPaging.deepPageMs} ms`],
    ...r.reads.map((x): [string, string] => [`${x.name}, 50 clients`, `${x.requestsPerSecond} req/s, p50 ${x.p50Ms} ms, p95 ${x.p95Ms} ms, p97.5 ${x.p97_5Ms} ms, ${x.errors} errors`]),
    [`live progress, ${r.progress.subscribers} subscribers`, `${r.progress.changes} changes: p50 ${r.progress.p50Ms} ms, p95 ${r.progress.p95Ms} ms, max ${r.progress.maxMs} ms, ${r.progress.missed} missed`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\n' + rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
}

function printRows(rows: Array<[string, string]>) {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\n' + rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
}
