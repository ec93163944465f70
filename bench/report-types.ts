/**
 * `node bench/report-types.ts [--events N]`: time to generate each report
 * type over N events (default 1,000,000) of one organisation, 90 days, with
 * personal data, pii tools, DLP, approvals, leases and admin actions. The
 * events are written with one INSERT … SELECT generate_series (the ingest
 * path has its own benchmark); each report is built by the real engine.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createOrganization } from '../src/accounts/organizations.ts';
import { loadConfig } from '../src/config.ts';
import { connect } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { reports } from '../src/db/schema.ts';
import { reportTypes } from '../src/frameworks/index.ts';
import { createLogger } from '../src/log.ts';
import { buildReport } from '../src/reports/generate.ts';
import { measureRequests } from '../src/reports/correlated.ts';
import { measureEvents } from '../src/reports/counts.ts';
import { rollupPlan } from '../src/reports/rollups.ts';
import { assessDrift } from '../src/reports/drift.ts';
import { policyCurrency, securitySettings } from '../src/reports/score-factors.ts';
import { scalarQueries } from '../src/reports/scalars.ts';
import { sqlTables } from '../src/reports/tables.ts';
import { REQUEST_KINDS, selectors, type RequestKindId, type SelectorId } from '../src/library/selectors.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, detail: { type: 'boolean', default: false } } });
const events = Number(values.events);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error('set DATABASE_URL to a PostgreSQL server (a database is created and dropped on it)');

const name = `agr_bench_types_${Date.now().toString(36)}`;
const admin = connect(adminUrl, { max: 1 });
await admin.sql.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = connect(url.toString());
try {
  await migrateDatabase(database);
  const config = loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
  const services = createServices(config, database, createLogger('silent'));
  const { organization } = await createOrganization(database.db, 'Bench');
  const orgId = organization.id;
  const end = Date.parse('2026-10-01T00:00:00Z');
  const start = end - 90 * 86_400_000;
  const t0 = performance.now();
  await database.sql.unsafe(
    `insert into audit_events (org_id, occurred_at, environment, agent_id, session_id, actor_type, actor_id, category, action, decision, policy_id,
                               tool_name, tool_tags, outcome, correlation_id, data_subjects, personal_data, legal_basis, recipient, region, ttl_seconds, cost_usd, attributes)
     select $1::uuid, to_timestamp($2::float8 / 1000 + (i::float8 / $3) * 90 * 86400),
            case when i % 3 = 0 then 'staging' else 'production' end,
            case when i % 97 = 0 then null else 'agent-' || (i % 40) end, 's-' || (i / 50), 'agent', 'agent-' || (i % 40),
            c.category, c.action,
            case when c.category = 'policy_decision' then (array['allow','allow','allow','allow','allow','allow','deny','alert','hold'])[1 + i % 9] end,
            case when c.category = 'policy_decision' and i % 11 <> 0 then 'policy-' || (i % 7) end,
            'tool-' || (i % 25), case when i % 25 < 5 then array['pii', 'crm'] else array['search'] end,
            case when i % 53 = 0 then 'failure' else 'success' end,
            case when c.correlated then 'c-' || (i / 2) end,
            case when i % 5 = 0 then array['subject-' || (i % 20000)] end,
            case when i % 5 = 0 then array['email'] end,
            case when i % 5 = 0 and i % 17 <> 0 then 'contract' end,
            case when i % 101 = 0 then 'vendor-' || (i % 3) end,
            case when i % 5 = 0 and i % 23 = 0 then 'us' end,
            case when c.action = 'lease.issued' then 3600 end, 0.0005,
            case when i % 5 = 0 and i % 40 = 0 then jsonb_build_object('message', 'm' || i, 'direction', 'sent') end
     from generate_series(1, $3::int) i
     cross join lateral (select case
        when i % 1000 = 1 then 'approval' when i % 1000 = 2 then 'approval' when i % 1000 = 3 then 'credential' when i % 1000 = 4 then 'credential'
        when i % 1000 = 5 then 'dlp' when i % 1000 = 6 then 'injection' when i % 1000 = 7 then 'admin' when i % 1000 = 8 then 'config_change'
        when i % 1000 = 9 then 'auth' when i % 4 = 0 then 'tool_call' else 'policy_decision' end as category,
      case when i % 1000 = 1 then 'approval.requested' when i % 1000 = 2 then 'approval.granted' when i % 1000 = 3 then 'lease.issued'
        when i % 1000 = 4 then 'lease.returned' when i % 1000 = 5 then (case when i % 2000 = 5 then 'dlp.detected' else 'dlp.blocked' end)
        when i % 1000 = 6 then 'injection.detected' when i % 1000 = 7 then 'report.generated' when i % 1000 = 8 then 'policy.updated'
        when i % 1000 = 9 then 'login' when i % 4 = 0 then 'tool.call' else 'tool.invoke' end as action,
      (i % 1000 between 1 and 6) as correlated) c`,
    [orgId, start, events] as never[],
  );
  await database.sql.unsafe('analyze audit_events');
  console.log(`wrote ${events.toLocaleString('en-US')} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  if (values.detail) {
    // One query at a time, to see where a report's time goes.
    const scope = { orgId, start: new Date(start), end: new Date(end), watermark: Number.MAX_SAFE_INTEGER, environment: null, agentIds: [] };
    const time = async (label: string, work: () => Promise<unknown>) => {
      const began = performance.now();
      await work();
      console.log(`  ${label.padEnd(32)} ${(performance.now() - began).toFixed(0)} ms`);
    };
    const plan = await rollupPlan(database.sql, scope);
    await time('measureEvents (all selectors)', () => measureEvents(database.sql, scope, Object.keys(selectors) as SelectorId[], plan));
    await time('measureRequests (every kind)', () => measureRequests(database.sql, scope, plan, Object.keys(REQUEST_KINDS) as RequestKindId[]));
    for (const [id, query] of Object.entries(scalarQueries)) await time(`scalar ${id}`, () => query(database.sql, scope, plan));
    for (const [id, table] of Object.entries(sqlTables)) await time(`table ${id}`, () => table.build(database.sql, scope));
  }
  for (const framework of reportTypes()) {
    const id = randomUUID();
    await database.db.insert(reports).values({
      id, orgId, type: framework.type, title: framework.type, status: 'generating', periodStart: new Date(start), periodEnd: new Date(end),
      sampleSeed: 'unset', lineageId: id, createdBy: 'bench',
      ...(framework.requires ? { parameters: { dataSubject: 'subject-5' } } : {}),
    });
    const began = performance.now();
    await buildReport(services, id, async () => {});
    const ms = performance.now() - began;
    console.log(`${framework.type.padEnd(20)} ${(ms / 1000).toFixed(2)} s   rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  }
  // Drift and the score's factors beyond the controls, over the rollups the reports refreshed: the
  // last week of the trail against the 28 days before it (every agent has a baseline).
  const lastWeek = { orgId, start: new Date(end - 7 * 86_400_000), end: new Date(end), watermark: Number.MAX_SAFE_INTEGER, environment: null, agentIds: [] };
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const began = performance.now();
    const result = await work();
    console.log(`${label.padEnd(32)} ${(performance.now() - began).toFixed(0)} ms`);
    return result;
  };
  const drift = (await timed('drift (last week, 40 agents)', () => assessDrift(database.sql, lastWeek))) as Awaited<ReturnType<typeof assessDrift>>;
  console.log(`  ${drift.baselinedAgents} agents baselined, ${drift.assessed.filter((a) => a.drifted).length} drifted metrics`);
  const plan = await rollupPlan(database.sql, lastWeek);
  // The SLA factor is counted with the approvals' and holds' figures: the cost of the targets' column.
  await timed('approvals and holds', () => measureRequests(database.sql, lastWeek, plan, ['approvals', 'holds']));
  await timed('  with SLA targets', () => measureRequests(database.sql, lastWeek, plan, ['approvals', 'holds'], { approvalMinutes: 60, holdMinutes: 240 }));
  await timed('score: configuration currency', () => policyCurrency(database.sql, lastWeek));
  await timed('score: security settings', () => securitySettings(database.sql, orgId));
} finally {
  await database.close();
  await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
  await admin.close();
}
