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
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createOrganization } from '../src/accounts/organizations.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { measureEvents } from '../src/reports/counts.ts';
import { evaluatePosture, postureScope, postureWindow } from '../src/reports/posture.ts';
import { rollupPlan } from '../src/reports/rollups.ts';
import { createServices } from '../src/services.ts';
import { median, percentile, runBench, stopChild } from './harness.ts';
import { graphqlCaller, processCpuMs } from './load.ts';
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

/** A tipping request every this many seconds. */
const TIP_EVERY = 3;
const TIPS = Math.floor(seconds / TIP_EVERY);
const WINDOW_DAYS = 30;
const DAY = 86_400_000;

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
    const agent = i % 12;
    yield JSON.stringify({
      id: `${prefix}-${i}`,
      occurredAt: new Date(from + Math.floor(i * step)).toISOString(),
      // Each agent runs in one environment, its sessions of 40 events each its own.
      environment: agent % 4 === 0 ? 'staging' : 'production',
      agentId: `agent-${agent}`,
      sessionId: `${prefix}-${agent}-${Math.floor(i / 480)}`,
      actor: { type: 'agent', id: `agent-${agent}` },
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

await runBench('agr_posture', { keep: values.keep, poolSize: 8 }, async ({ databaseUrl, database, cleanup, startServer, startWorker }) => {
  const { apiKey, organization } = await createOrganization(database.db, 'Posture bench');
  const { child: server, url: apiUrl, port } = await startServer();
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

  // The worker logs each evaluation's timings (info): where its time goes under the load.
  const worker = await startWorker({ env: { LOG_LEVEL: 'info' }, stderr: 'pipe' });
  const evaluations: Array<Record<string, number>> = [];
  let measuring = false;
  let pending = '';
  worker.stderr!.setEncoding('utf8');
  worker.stderr!.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const entry = (() => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          return null;
        }
      })();
      if (entry?.msg === 'posture evaluated') {
        if (measuring) evaluations.push(entry as Record<string, number>);
      } else if (!entry || entry.level !== 'info') process.stderr.write(line + '\n'); // a crash's lines are no JSON
    }
  });
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
  cleanup(async () => client.dispose());
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
  const roundTrips: number[] = [];
  const lateness: number[] = [];
  measuring = true;
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
    const sentAt = performance.now();
    inFlight.push(post(apiUrl, apiKey, lines).then((r) => {
      roundTrips.push(performance.now() - sentAt);
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
  measuring = false;

  const latencies = [...answered].map(([check, at]) => (arrivals.has(check) ? arrivals.get(check)! - at : Infinity)).sort((a, b) => a - b);
  const missed = latencies.filter((l) => !Number.isFinite(l)).length;
  const [stored] = await database.sql`select count(*)::int as n from posture_changes where org_id = ${organization.id}`;

  // Re-evaluation cost at the full trail, in this process (five runs, the median), beside its floor:
  // the one pass alone over the same window's rollups, counting events and nothing else.
  const [total] = await database.sql`select count(*)::int as n from audit_events where org_id = ${organization.id}`;
  await stopChild(worker);
  const services = createServices(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), database, createLogger('silent'));
  const runs: Array<{ total: number; measure: number; frameworks: Record<string, number> }> = [];
  const floors: number[] = [];
  let refreshMs = 0;
  for (let i = 0; i < 5; i++) {
    const r = await evaluatePosture(services, organization.id);
    runs.push({ total: r.timings.totalMs - r.timings.lockMs - r.timings.ingestWaitMs - r.timings.refreshMs, measure: r.measureMs, frameworks: r.frameworkMs });
    refreshMs = r.refreshMs;
    const scope = postureScope(organization.id, postureWindow(new Date(), WINDOW_DAYS), r.watermark);
    const started = performance.now();
    await measureEvents(database.sql, scope, ['all_events'], await rollupPlan(database.sql, scope));
    floors.push(performance.now() - started);
  }
  const frameworkTypes = Object.keys(runs[0]!.frameworks);
  const floor = median(floors);
  const evaluation = median(runs.map((r) => r.total));
  const phase = (key: string) => {
    const xs = evaluations.map((e) => Number(e[key])).sort((a, b) => a - b);
    return xs.length ? `${key.replace(/Ms$/, '')} p50 ${percentile(xs, 50)} / p95 ${percentile(xs, 95)} ms` : `${key} n/a`;
  };
  const roundTrip = median(roundTrips);

  const lines = [
    `posture under sustained ingest into one organisation: ${prefill.toLocaleString('en')} events before, then ${rate.toLocaleString('en')} events/s for ${seconds} s`,
    `  ingest: ${sent.toLocaleString('en')} events accepted in ${ingestSeconds.toFixed(1)} s = ${Math.round(sent / ingestSeconds).toLocaleString('en')} events/s` +
      `${lateness.length ? ` (${lateness.length} requests sent late, up to ${Math.round(Math.max(...lateness))} ms)` : ''}; CPU: API ${(cpu.server / 1000).toFixed(1)} s, worker ${(cpu.worker / 1000).toFixed(1)} s`,
    `  ingest answer → subscriber message, ${latencies.length} tipping requests: p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(percentile(latencies, 95))} ms, max ${Math.round(latencies.at(-1)!)} ms, ${missed} missed; ${messages} messages received` +
      `; floor: an ingest request's own round trip, median ${Math.round(roundTrip)} ms (p95 = ${(percentile(latencies, 95) / roundTrip).toFixed(2)}×)`,
    `  evaluations during the ingest: ${evaluations.length}; ${['queuedMs', 'lockMs', 'ingestWaitMs', 'refreshMs', 'measureMs', 'writeMs', 'totalMs'].map(phase).join('; ')}`,
    `  re-evaluation at ${total!.n.toLocaleString('en')} events (median of 5, after the rollups caught up in ${Math.round(refreshMs)} ms): ` +
      `${Math.round(evaluation)} ms for ${frameworkTypes.length} frameworks = ${Math.round(evaluation / frameworkTypes.length)} ms per framework ` +
      `(measured once: ${Math.round(median(runs.map((r) => r.measure)))} ms; judged: ${frameworkTypes.map((f) => `${f} ${median(runs.map((r) => r.frameworks[f]!)).toFixed(1)} ms`).join(', ')}); ` +
      `floor: the one pass alone over the window's rollups ${Math.round(floor)} ms (${(evaluation / floor).toFixed(1)}×)`,
    `  changes stored: ${stored!.n}`,
  ];
  console.log('\n' + lines.join('\n') + '\n');
});
