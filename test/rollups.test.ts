/**
 * Rollups of the one pass (src/reports/rollups.ts) change how fast a report
 * is, never what it says: every report type that reads them (a DSAR does
 * not), read through rollups built in several batches with late events,
 * partial first and last days and environment and agent scopes, equals the
 * same report read from the events alone. Corrupting the rollups changes
 * the report, so the comparison is not between two reads of the events.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, eventRollupBatches, eventRollups, reports } from '../src/db/schema.ts';
import { buildReport, type ReportContent } from '../src/reports/generate.ts';
import { refreshRollups } from '../src/reports/rollups.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { generatingReport } from './support/completed-report.ts';
import { testEvent } from './support/events.ts';
import { DAY, MIN, scenario, START, type EventRow } from './support/scenario.ts';

// Every built-in type but gdpr_dsar, which is scoped to one data subject and reads events.
const TYPES = ['soc2', 'gdpr', 'iso27001', 'hipaa', 'eu_ai_act', 'iso42001', 'nist_ai_rmf', 'governance', 'executive_summary', 'asset_inventory', 'audit_summary'];
// Partial first and last days around two whole ones.
const PERIOD = { start: new Date(START + 5 * 60 * MIN), end: new Date(START + 3 * DAY - 90 * MIN) };

let app: TestApp;
let orgId: string;
/** The watermark after the late events: between the two batches' boundaries. */
let lateWatermark: number;
beforeAll(async () => {
  app = await startTestApp();
  orgId = (await app.newOrg()).orgId;
  const db = app.services.database.db;
  await db.insert(auditEvents).values(scenario(orgId));
  // The first batch: everything so far.
  await refreshRollups(app.services.database.sql, orgId);
  // Late events: sent after the first batch, dated inside its whole days, in a second environment.
  await db.insert(auditEvents).values(lateEvents(orgId));
  lateWatermark = await maxSeq();
  // The second batch ends after them, so a report at lateWatermark reads the late events from audit_events.
  await db.insert(auditEvents).values(afterPeriod(orgId, 5));
  await refreshRollups(app.services.database.sql, orgId);
});
afterAll(() => app.close());

const maxSeq = async () => Number((await app.services.database.sql`select max(seq)::bigint as s from audit_events where org_id = ${orgId}`)[0]!.s);

function lateEvents(org: string): EventRow[] {
  return Array.from({ length: 60 }, (_, i) => ({
    orgId: org,
    occurredAt: new Date(START + DAY + i * 37 * MIN),
    environment: i % 2 ? 'staging' : 'production',
    agentId: `agent-${i % 5}`,
    sessionId: `late-${i % 7}`,
    category: i % 6 === 0 ? 'dlp' : 'policy_decision',
    action: i % 6 === 0 ? 'dlp.detected' : 'tool.invoke',
    decision: i % 6 === 0 ? null : i % 4 === 0 ? 'deny' : 'allow',
    toolName: 'crm.lookup',
    toolTags: ['pii'],
    dataSubjects: i % 3 === 0 ? [`customer-${i}`] : null,
    costUsd: 0.25,
  }));
}

/** Plain events after every report's period: they move the newest sequence without changing what a report says. */
const afterPeriod = (org: string, n: number): EventRow[] =>
  Array.from({ length: n }, (_, i) => ({ orgId: org, occurredAt: new Date(START + 5 * DAY + i * MIN), environment: 'production', category: 'tool_call', action: 'tool.call' }));

async function generate(type: string, options: { watermark?: number; environment?: string; agentIds?: string[] } = {}) {
  const id = await generatingReport(app.services, orgId, `${type} rollups`, type, {
    periodStart: PERIOD.start,
    periodEnd: PERIOD.end,
    sampleSeed: 'rollups',
    environment: options.environment ?? null,
    agentIds: options.agentIds ?? [],
    watermark: options.watermark ?? null,
  });
  await buildReport(app.services, id, async () => {});
  const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, id));
  expect(row!.status).toBe('completed');
  const content = row!.content as ReportContent;
  // Everything but the sentence that names the watermark.
  const { completeness: _watermarkNamed, ...integrity } = content.integrity;
  return { watermark: row!.watermark!, said: { score: content.score, summary: content.summary, sections: content.sections, findings: content.findings, integrity } };
}

/**
 * Runs `work` (reports at watermarks below the newest event) while the only
 * rollup boundary is above their watermarks: they read every event.
 */
async function fromEventsOnly<T>(work: () => Promise<T>): Promise<T> {
  const db = app.services.database.db;
  await db.delete(eventRollups).where(eq(eventRollups.orgId, orgId));
  await db.delete(eventRollupBatches).where(eq(eventRollupBatches.orgId, orgId));
  await db.insert(auditEvents).values(afterPeriod(orgId, 1));
  await refreshRollups(app.services.database.sql, orgId);
  return work();
}

const rollupRows = async () => (await app.services.database.db.select({ n: sql<number>`count(*)::int` }).from(eventRollups).where(eq(eventRollups.orgId, orgId)))[0]!.n;

describe('reports read through rollups', () => {
  it('say what the events alone say, for every type and scope', async () => {
    const scopes = [{}, { environment: 'staging' }, { agentIds: ['agent-1', 'agent-3'] }];
    const rolled = new Map<string, Awaited<ReturnType<typeof generate>>>();
    // At the late watermark: the first batch's rollups, the late events after its boundary, the partial days.
    for (const type of TYPES) for (const [i, scope] of scopes.entries()) rolled.set(`${type}/${i}`, await generate(type, { ...scope, watermark: lateWatermark }));
    // At the newest watermark: both batches.
    const newest = await generate('soc2');
    expect(await rollupRows()).toBeGreaterThan(0);
    await fromEventsOnly(async () => {
      for (const type of TYPES) {
        for (const [i, scope] of scopes.entries()) {
          const fromEvents = await generate(type, { ...scope, watermark: lateWatermark });
          expect(fromEvents.said, `${type} with scope ${JSON.stringify(scope)}`).toEqual(rolled.get(`${type}/${i}`)!.said);
        }
      }
      expect((await generate('soc2', { watermark: newest.watermark })).said).toEqual(newest.said);
    });
  });

  it('are read: corrupted rollups change the report, and a changed definition rebuilds them', async () => {
    const { sql: raw } = app.services.database;
    const truth = await generate('soc2');
    // The personal-data and activity passes: the GDPR and inventory tables.
    const gdpr = await generate('gdpr');
    const inventory = await generate('asset_inventory');
    await raw`update event_rollups set counts = array(select c * 2 from unnest(counts) c) where org_id = ${orgId}`;
    await raw`update event_personal_rollups set n = n * 2 where org_id = ${orgId}`;
    await raw`update event_activity_rollups set n = n * 2 where org_id = ${orgId}`;
    const corrupted = await generate('soc2', { watermark: truth.watermark });
    expect(corrupted.said.sections).not.toEqual(truth.said.sections);
    const tables = (r: typeof truth) => r.said.sections.flatMap((section) => section.tables ?? []);
    expect(tables(gdpr).length).toBeGreaterThan(0);
    expect(tables(inventory).length).toBeGreaterThan(0);
    expect(tables(await generate('gdpr', { watermark: gdpr.watermark }))).not.toEqual(tables(gdpr));
    expect(tables(await generate('asset_inventory', { watermark: inventory.watermark }))).not.toEqual(tables(inventory));
    // Rows counted by other code (another definition) are dropped and counted again.
    await raw`update event_rollup_batches set definition = 'older code' where org_id = ${orgId}`;
    await app.services.database.db.insert(auditEvents).values(afterPeriod(orgId, 1));
    const rebuilt = await generate('soc2');
    const [batch] = await raw`select count(*)::int as n, bool_and(definition <> 'older code') as fresh from event_rollup_batches where org_id = ${orgId}`;
    expect(batch).toEqual({ n: 1, fresh: true });
    expect(rebuilt.said).toEqual(truth.said);
  });

  it('keep a few batches: small ones merge into the one below, and still add up', async () => {
    const { sql: raw } = app.services.database;
    for (let i = 0; i < 6; i++) {
      await app.services.database.db.insert(auditEvents).values(lateEvents(orgId).slice(i * 10, i * 10 + 10));
      await refreshRollups(raw, orgId);
    }
    const batches = await raw`select events::int as events from event_rollup_batches where org_id = ${orgId} order by upto`;
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThanOrEqual(3);
    const [stored] = await raw`select count(*)::int as n from audit_events where org_id = ${orgId}`;
    expect(batches.reduce((sum, b) => sum + Number(b.events), 0)).toBe(stored!.n);
    const latest = await generate('governance');
    const expected = await fromEventsOnly(() => generate('governance', { watermark: latest.watermark }));
    expect(latest.said).toEqual(expected.said);
  });
});

describe('merging batches', () => {
  it('never merges away the boundary a report being generated reads, and merges it once that report is done', async () => {
    const { sql: raw } = app.services.database;
    const db = app.services.database.db;
    const boundaries = async () => (await raw`select upto::bigint as upto from event_rollup_batches where org_id = ${orgId} order by upto`).map((b) => Number(b.upto));
    await db.insert(auditEvents).values(lateEvents(orgId).slice(0, 10));
    await refreshRollups(raw, orgId);
    const pinned = (await boundaries()).at(-1)!;
    // A report reading at that boundary, still being generated.
    const id = await generatingReport(app.services, orgId, 'pinned', 'soc2', { periodStart: PERIOD.start, periodEnd: PERIOD.end, watermark: pinned });
    // A batch as small as the pinned one would merge it into the new one.
    await db.insert(auditEvents).values(lateEvents(orgId).slice(10, 20));
    await refreshRollups(raw, orgId);
    expect(await boundaries()).toContain(pinned);
    await db.update(reports).set({ status: 'completed' }).where(eq(reports.id, id));
    await db.insert(auditEvents).values(lateEvents(orgId).slice(20, 30));
    await refreshRollups(raw, orgId);
    expect(await boundaries()).not.toContain(pinned);
  });
});

describe('the refresh after ingest', () => {
  it('rolls up what POST /ingest stored, in a worker, before any report asks', async () => {
    const org = await app.newOrg();
    const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify(testEvent(i))).join('\n');
    const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: lines, headers: { 'content-type': 'application/x-ndjson' } });
    expect(response.status).toBe(200);
    const { sql: raw } = app.services.database;
    const [stored] = await raw`select max(seq)::bigint as upto, count(*)::int as n from audit_events where org_id = ${org.orgId}`;
    const deadline = Date.now() + 60_000;
    let batches: Array<{ upto: number; events: number }> = [];
    while (Date.now() < deadline) {
      batches = (await raw`select upto::bigint as upto, events::int as events from event_rollup_batches where org_id = ${org.orgId}`).map((b) => ({ upto: Number(b.upto), events: b.events }));
      if (batches.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(batches).toEqual([{ upto: Number(stored!.upto), events: stored!.n }]);
  });
});
