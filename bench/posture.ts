/**
 * `npm run bench:posture -- [--events N] [--rate R] [--seconds S] [--keep]`:
 * live posture under sustained ingest into one organisation. The trail is
 * filled with N events (default 1,000,000) spread over the posture window;
 * then R events/s (default 20,000) are sent for S seconds (default 60), one
 * NDJSON request a second, through a real API process with a separate real
 * worker. Every few seconds a request carries one confirmed injection, which
 * tips exactly one check of a bench framework (thresholds at 0, 1, 2, …
 * confirmed injections) from PASS to FAIL: the latency measured is from the
 * HTTP answer of that request to the subscriber's postureChanges message
 * (graphql-ws). Afterwards, the cost of one re-evaluation per framework is
 * measured in this process at the full trail, the median of five.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createOrganization } from '../src/accounts/organizations.ts';
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createLogger } from '../src/log.ts';
import { evaluatePosture } from '../src/reports/posture.ts';
import { createServices } from '../src/services.ts';
import { graphqlCaller, processCpuMs } from './load.ts';
import { workerFlags } from './worker-flags.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '60' },
    keep: { type: 'boolean', default: false },
  },
});
const prefill = Number(values.events);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
for (const [name, v] of [['events', prefill], ['rate', rate], ['seconds', seconds]] as const) if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive whole number`);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error('set DATABASE_URL to a PostgreSQL server: the bench creates and drops its own database there');

/** A tipping request every this many seconds. */
const TIP_EVERY = 3;
const TIPS = Math.floor(seconds / TIP_EVERY);
const WINDOW_DAYS = 30;
const DAY = 86_400_000;

const cleanups: Array<() => Promise<void>> = [];
try {
  await run(adminUrl);
} finally {
  for (const step of cleanups.reverse()) await step().catch((e: unknown) => console.error('cleanup:', e));
}

/** The bench framework: check k passes while at most k injections were confirmed. */
function tippingFramework(checks: number) {
  return {
    type: 'bench_tipping',
    name: 'Bench tipping points',
    description: 'One check per count of confirmed injections.',
    version: '1',
    catalog: 'custom',
    sections: [{
      id: 'tips',
      title: 'Tipping points',
      description: 'Check k fails once more than k injections were confirmed.',
      metrics: ['injections_confirmed'],
      controls: Array.from({ length: checks }, (_, k) => ({
        id: `TIP-${k}`,
        checks: [{
          id: `tip-${k}`,
          title: `At most ${k} confirmed injections`,
          metric: 'injections_confirmed',
          thresholds: { direction: 'max', pass: k, warn: k },
          severity: 'high',
          category: 'security',
          description: '{value} injections were confirmed.',
          recommendation: 'Review the confirmed injections.',
          population: 'injections_confirmed',
        }],
      })),
    }],
  };
}

/** Ordinary traffic: agent decisions, tool calls and the like, dated inside the window. */
function* traffic(prefix: string, count: number, from: number, to: number): Generator<string> {
  const categories = ['tool_call', 'policy_decision', 'approval', 'dlp', 'credential', 'admin'];
  const decisions = ['allow', 'allow', 'allow', 'deny', 'alert', 'hold'];
  const step = (to - from) / count;
  for (let i = 0; i < count; i++) {
    const category = categories[i % categories.length]!;
    yield JSON.stringify({
      id: `${prefix}-${i}`,
      occurredAt: new Date(from + Math.floor(i * step)).toISOString(),
      environment: i % 5 === 0 ? 'staging' : 'production',
      agentId: `agent-${i % 12}`,
      sessionId: `session-${Math.floor(i / 40)}`,
      actor: { type: 'agent', id: `agent-${i % 12}` },
      category,
      action: `${category}.recorded`,
      decision: decisions[i % decisions.length],
      policyId: i % 3 ? `policy-${i % 7}` : undefined,
      tool: { name: `tool-${i % 9}`, tags: i % 9 === 0 ? ['pii'] : ['internal'] },
      severity: i % 50 === 0 ? 'high' : 'info',
      outcome: i % 20 === 0 ? 'failure' : 'success',
    });
  }
}

async function post(apiUrl: string, apiKey: string, lines: Iterable<string>): Promise<{ accepted: number }> {
  const response = await fetch(`${apiUrl}/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/x-ndjson' },
    body: [...lines].join('\n'),
  });
  if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { accepted: number };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
function median(xs: number[]) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

async function run(adminUrl: string) {
  const name = `agr_posture_${Date.now().toString(36)}`;
  const admin = connect(adminUrl, { max: 1 });
  await admin.sql.unsafe(`create database ${name}`);
  cleanups.push(async () => {
    if (values.keep) console.log(`kept database ${name}`);
    else await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
    await admin.close();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const database = connect(databaseUrl, { max: 8 });
  cleanups.push(() => database.close());
  await migrateDatabase(database);
  const { apiKey, organization } = await createOrganization(database.db, 'Posture bench');

  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };
  const server = spawn(process.execPath, ['--max-semi-space-size=8', path.join(root, 'src/main.ts'), 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => stopChild(server));
  await waitFor(server, 'GraphQL API:');
  const gql = graphqlCaller(apiUrl, apiKey);
  await gql('mutation($d: JSON!) { createFramework(definition: $d) { type } }', { d: tippingFramework(TIPS + 1) });
  await gql('mutation { updatePostureSettings(input: { frameworks: ["soc2", "governance", "bench_tipping"], windowDays: 30 }) { windowDays } }');

  // The trail before the measurement, over the window's days (no worker yet: one evaluation afterwards).
  const now = Date.now();
  const fillStarted = performance.now();
  const CHUNK = 25_000;
  for (let done = 0; done < prefill; done += CHUNK) {
    const n = Math.min(CHUNK, prefill - done);
    const from = now - (WINDOW_DAYS - 1) * DAY + (done / prefill) * (WINDOW_DAYS - 1) * DAY;
    await post(apiUrl, apiKey, traffic(`fill-${done}`, n, from, from + (n / prefill) * (WINDOW_DAYS - 1) * DAY));
  }
  console.log(`filled ${prefill.toLocaleString('en')} events in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);
  await database.sql`analyze audit_events`;

  const worker = spawn(process.execPath, [...workerFlags(root), path.join(root, 'src/main.ts'), 'worker'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => stopChild(worker));
  await waitFor(worker, 'Report worker running');
  const firstStarted = performance.now();
  for (;;) {
    const [row] = await database.sql`select count(*)::int as n from posture_frameworks where org_id = ${organization.id}`;
    if (row!.n === 3) break;
    await sleep(200);
  }
  console.log(`first evaluation (rollups of the whole trail included) done after ${((performance.now() - firstStarted) / 1000).toFixed(1)} s`);

  // The subscriber, over graphql-ws.
  const arrivals = new Map<string, number>();
  const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${apiKey}` }, lazy: false });
  cleanups.push(async () => client.dispose());
  let messages = 0;
  client.subscribe<{ postureChanges: { checkId: string; to: string } }>({ query: 'subscription { postureChanges { checkId from to } }' }, {
    next: ({ data }) => {
      messages++;
      if (data?.postureChanges.to === 'FAIL' && !arrivals.has(data.postureChanges.checkId)) arrivals.set(data.postureChanges.checkId, performance.now());
    },
    error: (e) => console.error('subscription error', e),
    complete: () => {},
  });
  await sleep(500);

  // Sustained ingest: one request of `rate` events a second; every TIP_EVERY-th carries one confirmed injection.
  const answered = new Map<string, number>();
  const lateness: number[] = [];
  let sent = 0;
  const serverCpu = processCpuMs(server.pid!);
  const workerCpu = processCpuMs(worker.pid!);
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let s = 0; s < seconds; s++) {
    const due = started + s * 1000;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    else lateness.push(-wait);
    const tip = s % TIP_EVERY === TIP_EVERY - 1 ? Math.floor(s / TIP_EVERY) : null;
    const lines = [...traffic(`live-${s}`, rate - (tip === null ? 0 : 1), Date.now() - 60_000, Date.now())];
    if (tip !== null) {
      lines.push(JSON.stringify({ id: `tip-${tip}`, occurredAt: new Date().toISOString(), agentId: 'agent-1', category: 'injection', action: 'injection.confirmed', severity: 'high' }));
    }
    // Requests overlap when one takes longer than a second, as independent gateways' would.
    inFlight.push(post(apiUrl, apiKey, lines).then((r) => {
      sent += r.accepted;
      if (tip !== null) answered.set(`tip-${tip}`, performance.now());
    }));
  }
  await Promise.all(inFlight);
  const ingestSeconds = (performance.now() - started) / 1000;
  // The last tips' messages.
  const deadline = performance.now() + 60_000;
  while (arrivals.size < answered.size && performance.now() < deadline) await sleep(100);
  const cpu = { server: processCpuMs(server.pid!) - serverCpu, worker: processCpuMs(worker.pid!) - workerCpu };

  const latencies = [...answered].map(([check, at]) => (arrivals.has(check) ? arrivals.get(check)! - at : Infinity)).sort((a, b) => a - b);
  const missed = latencies.filter((l) => !Number.isFinite(l)).length;
  const [evaluations] = await database.sql`select count(*)::int as n, max(id)::int as last from posture_changes where org_id = ${organization.id}`;

  // Re-evaluation cost per framework, at the full trail, in this process (five runs, the median).
  const [total] = await database.sql`select count(*)::int as n from audit_events where org_id = ${organization.id}`;
  await stopChild(worker);
  const services = createServices(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), database, createLogger('silent'));
  const runs: Array<Record<string, number>> = [];
  let refreshMs = 0;
  for (let i = 0; i < 5; i++) {
    const r = await evaluatePosture(services, organization.id);
    runs.push(r.frameworkMs);
    refreshMs = r.refreshMs;
  }

  const lines = [
    `posture under sustained ingest into one organisation: ${prefill.toLocaleString('en')} events before, then ${rate.toLocaleString('en')} events/s for ${seconds} s`,
    `  ingest: ${sent.toLocaleString('en')} events accepted in ${ingestSeconds.toFixed(1)} s = ${Math.round(sent / ingestSeconds).toLocaleString('en')} events/s` +
      `${lateness.length ? ` (${lateness.length} requests sent late, up to ${Math.round(Math.max(...lateness))} ms)` : ''}; CPU: API ${(cpu.server / 1000).toFixed(1)} s, worker ${(cpu.worker / 1000).toFixed(1)} s`,
    `  ingest answer → subscriber message, ${latencies.length} tipping requests: p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, max ${Math.round(latencies.at(-1)!)} ms, ${missed} missed; ${messages} messages received`,
    `  re-evaluation at ${total!.n.toLocaleString('en')} events (median of 5, after the rollups caught up in ${Math.round(refreshMs)} ms): ` +
      Object.keys(runs[0]!).map((f) => `${f} ${Math.round(median(runs.map((r) => r[f]!)))} ms`).join(', '),
    `  changes stored: ${evaluations!.n}`,
  ];
  console.log('\n' + lines.join('\n') + '\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitFor(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within 60 s`)), 60_000);
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      output += d;
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the process exited with code ${code}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
