/**
 * `npm run bench:reads -- [--events N] [--only list,report,progress] [--profile] [--keep]`: only the read half of
 * `npm run bench`, on a small database, to iterate quickly. It seeds N demo
 * events (default 20,000), has a real worker complete every built-in report
 * type, then runs exactly the bench's two autocannon loads (same queries, 50
 * connections, 8 s each) and its 500-subscriber live-progress measurement
 * (bench/progress.ts). Autocannon reports p97.5 but no p95: p95 here is
 * computed from every response time autocannon emits.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createOrganization } from '../src/accounts/organizations.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { createLogger } from '../src/log.ts';
import { createServices } from '../src/services.ts';
import { root, runBench, stopChild } from './harness.ts';
import { graphqlCaller, processCpuMs, readLoad, readLoads } from './load.ts';
import { benchProgress } from './progress.ts';
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const eventCount = Number(values.events);
if (!Number.isInteger(eventCount) || eventCount < 1) throw new Error('--events must be a positive whole number');
// --only list|report|progress runs one measurement (the others are skipped).
const wanted = (name: string) => !values.only || values.only.split(',').includes(name);

// --keep: the database stays, to inspect what the loads read.
await runBench('agr_reads', { keep: values.keep }, async ({ databaseUrl, database, startServer, startWorker }) => {
  const { apiKey, organization } = await createOrganization(database.db, 'Reads bench');
  const services = createServices(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), database, createLogger('silent'));
  await seedDemoData(services, organization.id, { events: eventCount });
  await database.sql`analyze audit_events`;
  const [bounds] = await database.sql`select min(occurred_at) as start, max(occurred_at) as end from audit_events where org_id = ${organization.id}`;
  const period = { start: new Date(bounds!.start as string).toISOString(), end: new Date(new Date(bounds!.end as string).getTime() + 1000).toISOString() };

  // --profile: the server writes a V8 CPU profile under .bench/ when it stops.
  const profileArgs = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(root, '.bench')}`] : [];
  if (values.profile) mkdirSync(path.join(root, '.bench'), { recursive: true });
  const { child: server, url: apiUrl } = await startServer({ nodeArgs: profileArgs });

  const gql = graphqlCaller(apiUrl, apiKey);

  // Every built-in report type, completed by a real worker, as the full bench does.
  const worker = await startWorker();
  const { frameworks } = await gql('{ frameworks { type } }');
  const ids: Record<string, string> = {};
  for (const { type } of frameworks as Array<{ type: string }>) {
    const input: Record<string, unknown> = { type, period };
    if (type === 'gdpr_dsar') input.dataSubject = 'customer:1042';
    ids[type] = (await gql('mutation($input: GenerateReportInput!) { generateReport(input: $input) { id } }', { input })).generateReport.id;
  }
  for (const [type, id] of Object.entries(ids)) {
    for (;;) {
      const { report } = await gql('query($id: ID!) { report(id: $id) { status error } }', { id });
      if (report.status === 'COMPLETED') break;
      if (report.status === 'FAILED') throw new Error(`${type} failed: ${report.error}`);
      await sleep(100);
    }
  }
  await stopChild(worker);

  // The bench's own loads (bench/load.ts).
  const loads = readLoads(ids.soc2!);
  const { report: sample } = await gql(`{ report(id: "${ids.soc2}") { findings(first: 50) { edges { node { id } } } } }`);
  const lines: string[] = [`${eventCount.toLocaleString('en')} events, ${Object.keys(ids).length} completed reports; the SOC 2 report shows ${sample.findings.edges.length} findings`];
  for (const [key, { name, query }] of Object.entries(loads)) {
    if (!wanted(key)) continue;
    const cpuBefore = processCpuMs(server.pid!);
    const r = await readLoad(apiUrl, apiKey, query);
    // Others share this machine: the server's own CPU time per request varies far less than latency does.
    const cpuPerRequest = (processCpuMs(server.pid!) - cpuBefore) / Math.max(1, r.requests);
    lines.push(
      `${name}, 50 clients, 8 s: ${r.requestsPerSecond} req/s, p50 ${r.p50} ms, p95 ${r.p95} ms, p97.5 ${r.p97_5} ms, max ${r.max} ms, ` +
        `${r.errors} errors; server CPU ${cpuPerRequest.toFixed(2)} ms/request`,
    );
    // Others benchmark on this machine too: a pause between loads.
    await sleep(3_000);
  }
  if (wanted('progress')) {
    const p = await benchProgress({ root, databaseUrl, apiUrl, apiKey, period, subscribers: 500 });
    lines.push(`live progress, ${p.subscribers} subscribers: ${p.changes} changes, p50 ${p.p50Ms} ms, p95 ${p.p95Ms} ms, max ${p.maxMs} ms, ${p.missed} missed`);
  }
  console.log('\n' + lines.join('\n') + '\n');
});
