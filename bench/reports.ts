/**
 * The report half of `npm run bench`, over the events the ingest half
 * stored: generation time of every report type in a real worker process
 * (and its peak memory), the raw SQL floor of SOC 2, the drill-down query,
 * deep evidence paging, and reads under 50 concurrent clients.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/client.ts';
import { reports } from '../src/db/schema.ts';
import { createLogger } from '../src/log.ts';
import { buildReport } from '../src/reports/generate.ts';
import { refreshRollups } from '../src/reports/rollups.ts';
import { measurePdfRender } from '../src/render/bench.ts';
import { closePdfRenderer } from '../src/render/pdf.ts';
import { createServices } from '../src/services.ts';
import { graphqlCaller, readLoad, readLoads } from './load.ts';
import { benchProgress, type ProgressFigures } from './progress.ts';
import { workerFlags } from './worker-flags.ts';

export interface ReportFigures {
  generation: Array<{ type: string; seconds: number; findings: number }>;
  /** Rolling up the ingested events (the worker's refresh after ingest, or this wait for it), before the first report. */
  rollup: { seconds: number; events: number; rows: number };
  workerPeakRssMiB: number;
  /** The worker's PDF renderer process (playwright-core; Chromium is not counted in either), null if none ran. */
  rendererPeakRssMiB: number | null;
  soc2Floor: { engineSeconds: number; sqlSeconds: number; ratio: number; statements: number };
  pdf: { coldMs: number; warmMedianMs: number; pages: number | null };
  drilldown: { findings: number; evidencePerFinding: number; p50Ms: number; maxMs: number };
  deepPaging: { evidence: number; firstPageMs: number; deepPageMs: number };
  reads: Array<{ name: string; requestsPerSecond: number; p50Ms: number; p95Ms: number; p97_5Ms: number; errors: number }>;
  progress: ProgressFigures;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchReports(options: { root: string; databaseUrl: string; apiUrl: string; apiKey: string; orgId: string }): Promise<ReportFigures> {
  const { root, databaseUrl, apiUrl, apiKey, orgId } = options;
  const gql = graphqlCaller(apiUrl, apiKey);
  const database = connect(databaseUrl, { max: 4 });
  try {
    const [bounds] = await database.sql`select min(occurred_at) as start, max(occurred_at) as end from audit_events where org_id = ${orgId}`;
    const period = { start: new Date(bounds!.start as string).toISOString(), end: new Date(new Date(bounds!.end as string).getTime() + 1000).toISOString() };

    // A real worker process; its peak RSS comes from the kernel (VmHWM).
    const worker = spawn(process.execPath, [...workerFlags(root), path.join(root, 'src/main.ts'), 'worker'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      worker.stdout!.on('data', (chunk) => String(chunk).includes('Report worker running') && resolve());
      worker.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });

    // The refresh the ingest asked for (the worker may be running it: this waits for its lock), timed
    // on its own, so the report figures below are the reports' and this is what ingest costs later.
    const rollupStarted = performance.now();
    await refreshRollups(database.sql, orgId);
    const rollupSeconds = (performance.now() - rollupStarted) / 1000;
    const [rolled] = await database.sql`select coalesce(sum(events), 0)::float8 as events, (select count(*)::float8 from event_rollups where org_id = ${orgId}) as rows
                                        from event_rollup_batches where org_id = ${orgId}`;
    const rollup = { seconds: Number(rollupSeconds.toFixed(2)), events: Number(rolled!.events), rows: Number(rolled!.rows) };

    const { frameworks } = await gql('{ frameworks { type } }');
    const generation: ReportFigures['generation'] = [];
    const ids: Record<string, string> = {};
    for (const { type } of frameworks as Array<{ type: string }>) {
      const input: Record<string, unknown> = { type, period };
      if (type === 'gdpr_dsar') input.dataSubject = 'customer:1042';
      const { generateReport } = await gql('mutation($input: GenerateReportInput!) { generateReport(input: $input) { id } }', { input });
      ids[type] = generateReport.id;
      const rowId = Buffer.from(generateReport.id, 'base64').toString('utf8').split(':')[1]!;
      for (;;) {
        const [row] = await database.sql`select status, error, extract(epoch from completed_at - started_at)::float8 as seconds,
                                           (select count(*)::int from findings where report_id = ${rowId}) as findings
                                         from reports where id = ${rowId}`;
        if (row!.status === 'completed') {
          generation.push({ type, seconds: Number(Number(row!.seconds).toFixed(2)), findings: row!.findings as number });
          break;
        }
        if (row!.status === 'failed') throw new Error(`${type} failed: ${row!.error}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
    const workerPeakRssMiB = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    const rendererPeakRssMiB = childPeakRssMiB(worker.pid!, 'pdf-renderer.ts');
    // Let the worker drain and exit before the database goes away at the end of the run.
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;

    // SOC 2 again in this process, capturing every statement, then the same statements
    // one after another straight on PostgreSQL: the floor the engine is measured against.
    const captured: Array<{ query: string; params: unknown[] }> = [];
    const capturing = connect(databaseUrl, { max: 10, onQuery: (query, params) => captured.push({ query, params }) });
    const services = createServices(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), capturing, createLogger('silent'));
    const soc2Row = Buffer.from(ids.soc2!, 'base64').toString('utf8').split(':')[1]!;
    const [source] = await database.sql`select * from reports where id = ${soc2Row}`;
    const replayId = crypto.randomUUID();
    await database.db.insert(reports).values({
      id: replayId, orgId, type: 'soc2', title: 'floor', status: 'generating', periodStart: new Date(period.start), periodEnd: new Date(period.end),
      sampleSeed: 'x', lineageId: replayId, createdBy: 'bench', watermark: Number(source!.watermark),
    });
    captured.length = 0;
    const engineStarted = performance.now();
    await buildReport(services, replayId, async () => {});
    const engineSeconds = (performance.now() - engineStarted) / 1000;
    const aggregates = captured.filter((c) => /audit_events/.test(c.query) && /^\s*(select|with)/i.test(c.query));
    let sqlSeconds = 0;
    for (const statement of aggregates) {
      const started = performance.now();
      await database.sql.unsafe(statement.query, statement.params as never[]);
      sqlSeconds += (performance.now() - started) / 1000;
    }
    // PDF of the SOC 2 report, through the one shared browser (cold = first launch).
    const pdf = await measurePdfRender(services, orgId, soc2Row, 5);
    await closePdfRenderer();
    await capturing.close();

    // Drill-down: the findings of every report generated above (over 100; no type has more than 20) with their first 10 events each.
    const drillQuery = `{ reports(first: 12) { edges { node { findings(first: 20) { edges { node { evidence(first: 10) { edges { node { id action } } } } } } } } } }`;
    const drillTimes: number[] = [];
    let findingsSeen = 0;
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const data = await gql(drillQuery);
      drillTimes.push(performance.now() - started);
      findingsSeen = data.reports.edges.reduce((n: number, e: any) => n + e.node.findings.edges.length, 0);
    }

    // Deep paging: the finding with the most evidence, its first page and a page 90 % of the way in.
    const [big] = await database.sql`select f.id, f.evidence_count::float8 as n from findings f where f.report_id = ${soc2Row} order by f.evidence_count desc limit 1`;
    const findingId = Buffer.from(`Finding:${big!.id}`).toString('base64');
    const [deep] = await database.sql`
      select occurred_at, seq from audit_events where org_id = ${orgId} and occurred_at >= ${period.start} and occurred_at < ${period.end}
      order by occurred_at, seq offset ${Math.floor(Number(big!.n) * 0.9)} limit 1`;
    const deepCursor = deep ? Buffer.from(JSON.stringify([new Date(deep.occurred_at as string).toISOString(), Number(deep.seq)])).toString('base64url') : null;
    const pageQuery = `query($id: ID!, $after: String) { node(id: $id) { ... on Finding { evidence(first: 50, after: $after) { edges { node { id } } } } } }`;
    const time = async (after: string | null) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await gql(pageQuery, { id: findingId, after });
        runs.push(performance.now() - started);
      }
      return median(runs);
    };
    const deepPaging = { evidence: Number(big!.n), firstPageMs: Number((await time(null)).toFixed(1)), deepPageMs: Number((await time(deepCursor)).toFixed(1)) };

    // Reads under 50 concurrent clients (autocannon, a real HTTP load generator).
    const reads: ReportFigures['reads'] = [];
    for (const { name, query } of Object.values(readLoads(ids.soc2!))) {
      const r = await readLoad(apiUrl, apiKey, query);
      reads.push({ name, requestsPerSecond: r.requestsPerSecond, p50Ms: r.p50, p95Ms: r.p95, p97_5Ms: r.p97_5, errors: r.errors });
    }

    // Live progress: 500 graphql-ws subscribers on one report built by a fresh worker process.
    const progress = await benchProgress({ root, databaseUrl, apiUrl, apiKey, period, subscribers: 500 });

    return {
      progress,
      generation,
      rollup,
      workerPeakRssMiB,
      rendererPeakRssMiB,
      pdf: { coldMs: Math.round(pdf.coldMs), warmMedianMs: Math.round(pdf.medianWarmMs), pages: pdf.pageCount },
      soc2Floor: { engineSeconds: Number(engineSeconds.toFixed(2)), sqlSeconds: Number(sqlSeconds.toFixed(2)), ratio: Number((engineSeconds / sqlSeconds).toFixed(2)), statements: aggregates.length },
      drilldown: { findings: findingsSeen, evidencePerFinding: 10, p50Ms: Number(median(drillTimes).toFixed(1)), maxMs: Number(Math.max(...drillTimes).toFixed(1)) },
      deepPaging,
      reads,
    };
  } finally {
    await database.close();
  }
}

/** Peak RSS of the child of `pid` whose command line names `script`, null if there is none. */
function childPeakRssMiB(pid: number, script: string): number | null {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  for (const child of children) {
    try {
      if (!readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(script)) continue;
      return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, 'utf8'))?.[1] ?? 0) / 1024);
    } catch {
      // exited meanwhile
    }
  }
  return null;
}
