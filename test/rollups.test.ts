/**
 * Rollups of the one pass (src/reports/rollups.ts) change how fast a report
 * is, never what it says: every report type that reads them (a DSAR does
 * not), read through rollups built in several batches with late events,
 * partial first and last days (read from the trail, or from the rollups
 * when these hold only the period's events of the day) and environment and
 * agent scopes, equals the same report read from the events alone. Corrupting the rollups changes
 * the report, so the comparison is not between two reads of the events.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, eventRollups, reports } from '../src/db/schema.ts';
import { buildReport, type ReportContent } from '../src/reports/generate.ts';
import { measureRequests } from '../src/reports/correlated.ts';
import { measureEvents } from '../src/reports/counts.ts';
import { mergeRollups, refreshRollups, ROLLUP_MERGE_LOCK, rollupPlan, ROLLUP_TABLES, unrolledExceeds } from '../src/reports/rollups.ts';
import { scalarQueries } from '../src/reports/scalars.ts';
import { ORG_PARAM, scopeWhere, WATERMARK_PARAM, type ReportScope } from '../src/reports/scope.ts';
import { CORRELATED, prefilterOf, REQUEST_KINDS, selectors, selectorSql, type RequestKindId, type SelectorId } from '../src/library/selectors.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { generatingReport } from './support/completed-report.ts';
import { testEvent } from './support/events.ts';
import { until } from './support/until.ts';
import { DAY, MIN, scenario, START, type EventRow } from './support/scenario.ts';

// Every built-in type but gdpr_dsar, which is scoped to one data subject and reads events.
const TYPES = ['soc2', 'gdpr', 'iso27001', 'hipaa', 'eu_ai_act', 'iso42001', 'nist_ai_rmf', 'governance', 'executive_summary', 'asset_inventory', 'audit_summary'];
// Partial first and last days around two whole ones.
const PERIOD = { start: new Date(START + 5 * 60 * MIN), end: new Date(START + 3 * DAY - 90 * MIN) };

let app: TestApp;
let orgId: string;
/** The watermark after the late events: between the two batches' boundaries. */
let lateWatermark: number;
/** The first batch's boundary, and a watermark between it and the late one. */
let firstBoundary: number;
let midWatermark: number;
beforeAll(async () => {
  app = await startTestApp();
  orgId = (await app.newOrg()).orgId;
  const db = app.services.database.db;
  await db.insert(auditEvents).values([...scenario(orgId), ...requestsAndAnswers(orgId, 'first')]);
  // The first batch: everything so far.
  await refreshRollups(app.services.database.sql, orgId);
  firstBoundary = await maxSeq();
  // Late events: sent after the first batch, dated inside its whole days, in a second environment;
  // answers to the first batch's requests, some dated before the answers it had, and late requests.
  await db.insert(auditEvents).values(requestsAndAnswers(orgId, 'later'));
  midWatermark = await maxSeq();
  await db.insert(auditEvents).values([...lateEvents(orgId), ...requestsAndAnswers(orgId, 'last')]);
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

const KIND_EVENTS: Record<RequestKindId, { request: Partial<EventRow>; answer: Partial<EventRow> }> = {
  approvals: { request: { category: 'approval', action: 'approval.requested' }, answer: { category: 'approval', action: 'approval.granted', actorType: 'user', actorId: 'alice' } },
  holds: { request: { category: 'policy_decision', action: 'tool.invoke', decision: 'hold', toolName: 'payments.refund' }, answer: { category: 'approval', action: 'approval.denied', actorType: 'user', actorId: 'bob' } },
  leases: { request: { category: 'credential', action: 'lease.issued', ttlSeconds: 3600 }, answer: { category: 'credential', action: 'lease.returned' } },
  injections: { request: { category: 'injection', action: 'injection.detected' }, answer: { category: 'injection', action: 'injection.false_positive', actorType: 'user', actorId: 'sec' } },
  role_changes: { request: { category: 'admin', action: 'role.changed', actorType: 'user', actorId: 'admin' }, answer: { category: 'approval', action: 'approval.granted', actorType: 'user', actorId: 'cab' } },
  config_changes: { request: { category: 'config_change', action: 'dlp_rule.updated', actorType: 'user', actorId: 'admin' }, answer: { category: 'approval', action: 'approval.granted', actorType: 'user', actorId: 'cab' } },
  escalations: { request: { category: 'escalation', action: 'escalation.opened' }, answer: { category: 'escalation', action: 'escalation.resolved' } },
  breaches: { request: { category: 'dlp', action: 'dlp.detected', personalData: ['email'], dataSubjects: ['customer-9'] }, answer: { category: 'incident', action: 'incident.contained' } },
};

/**
 * Requests of every kind and their answers, sent in three parts: `first`
 * (rolled up in the first batch), `later` and `last` (in the second). Case
 * by case: answered in the same batch; answered in a later batch; answered
 * late in the first batch, then earlier in a later one (out of order); never
 * answered; on the partial first and last days; answered in the first batch
 * before its request arrives in a later one (dated before it); without a
 * correlation id; answered in the last part only.
 */
function requestsAndAnswers(org: string, part: 'first' | 'later' | 'last'): EventRow[] {
  const rows: EventRow[] = [];
  (Object.keys(KIND_EVENTS) as RequestKindId[]).forEach((kind, k) => {
    const { request, answer } = KIND_EVENTS[kind];
    for (let i = 0; i < 9; i++) {
      const at = i === 4 ? START + 6 * 60 * MIN + k * 7 * MIN : i === 5 ? START + 2 * DAY + 3 * 60 * MIN + k * 7 * MIN : START + DAY + (k * 9 + i) * 17 * MIN;
      const correlationId = i === 7 ? null : `${kind}-${i}`;
      const base = { orgId: org, environment: i % 2 ? 'staging' : 'production', agentId: `agent-${i % 3}`, correlationId };
      const ask = (): EventRow => ({ ...base, occurredAt: new Date(at), ...request }) as EventRow;
      const reply = (minutes: number): EventRow => ({ ...base, agentId: null, occurredAt: new Date(at + minutes * MIN), ...answer }) as EventRow;
      if (part === 'first') {
        if (i !== 6) rows.push(ask());
        if (i === 0) rows.push(reply(10));
        if (i === 2) rows.push(reply(80 * 60));
        if (i === 5) rows.push(reply(30));
        if (i === 6) rows.push(reply(-15), reply(15));
      } else if (part === 'later') {
        if (i === 1) rows.push(reply(20));
        if (i === 2) rows.push(reply(5));
        if (i === 4) rows.push(reply(12 * 60));
        if (i === 6) rows.push(ask());
      } else if (i === 8) rows.push(reply(40));
    }
  });
  return rows;
}

/** Every correlated selector's count over the events, by its own SQL: what the requests' figures must say. */
async function countedBySelectors(scope: ReportScope) {
  const scoped = scopeWhere(scope);
  const ids = Object.keys(CORRELATED) as SelectorId[];
  const [row] = await app.services.database.sql.unsafe(
    `select ${ids.map((id, i) => `count(*) filter (where ${selectorSql(id, WATERMARK_PARAM, ORG_PARAM)})::int as c${i}`).join(', ')} from audit_events e where ${scoped.where}`,
    scoped.params as never[],
  );
  return Object.fromEntries(ids.map((id, i) => [id, row![`c${i}`] as number]));
}

const ALL_KINDS = Object.keys(REQUEST_KINDS) as RequestKindId[];

/** The requests' figures in `scope`, through the rollups (which must apply) and from the events alone. */
async function requestFigures(scope: ReportScope) {
  const { sql: raw } = app.services.database;
  const plan = await rollupPlan(raw, scope);
  expect(plan, `a rollup plan at ${scope.watermark}`).not.toBeNull();
  // Targets that some answers meet and some miss, so the SLA factor's counts are compared too.
  const targets = { approvalMinutes: 15, holdMinutes: 25 };
  const rolled = await measureRequests(raw, scope, plan, ALL_KINDS, targets);
  const fromEvents = await measureRequests(raw, scope, null, ALL_KINDS, targets);
  const bySelectors = Object.fromEntries(Object.entries(CORRELATED).map(([id, { kind, outcome }]) => [id, rolled[kind][outcome]]));
  // Times read for one kind only: the same counts for every kind, no times for the others.
  const approvalsTimed = await measureRequests(raw, scope, plan, ALL_KINDS, targets, ['approvals']);
  for (const kind of ALL_KINDS) {
    expect(approvalsTimed[kind], `${kind} with only approvals timed`).toEqual(
      kind === 'approvals' ? rolled[kind] : { ...rolled[kind], withinTarget: 0, mean: null, p50: null, p95: null },
    );
  }
  return { plan: plan!, rolled, fromEvents, bySelectors };
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
  const { sql: raw } = app.services.database;
  for (const table of ROLLUP_TABLES) await raw.unsafe(`delete from ${table} where org_id = $1::uuid`, [orgId]);
  await app.services.database.db.insert(auditEvents).values(afterPeriod(orgId, 1));
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
    // At the first boundary and between it and the late events: the personal-data tables and the
    // request counts (GDPR, governance) with answers and subjects still to come in later batches.
    const EARLIER = ['gdpr', 'governance'];
    for (const type of EARLIER) for (const watermark of [firstBoundary, midWatermark]) rolled.set(`${type}@${watermark}`, await generate(type, { watermark }));
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
      for (const type of EARLIER) {
        for (const watermark of [firstBoundary, midWatermark]) {
          expect((await generate(type, { watermark })).said, `${type} at ${watermark}`).toEqual(rolled.get(`${type}@${watermark}`)!.said);
        }
      }
      expect((await generate('soc2', { watermark: newest.watermark })).said).toEqual(newest.said);
    });
  });

  it('count requests and answers as the events do, at every watermark, with answers in later batches, late and out of order', async () => {
    const { sql: raw } = app.services.database;
    // The batches of beforeAll again (the test above read from the events alone): up to the first
    // boundary, then up to the newest event.
    for (const table of ROLLUP_TABLES) await raw.unsafe(`delete from ${table} where org_id = $1::uuid`, [orgId]);
    await refreshRollups(raw, orgId, { upto: firstBoundary });
    const newest = await maxSeq();
    await refreshRollups(raw, orgId, { upto: newest });
    // Answers after the last refresh: read from the events after the boundary.
    await app.services.database.db.insert(auditEvents).values(
      (Object.keys(KIND_EVENTS) as RequestKindId[]).map((kind) => ({ orgId, occurredAt: new Date(START + DAY + 23 * 60 * MIN), environment: 'production', correlationId: `${kind}-3`, ...KIND_EVENTS[kind].answer }) as EventRow),
    );
    const afterRefresh = await maxSeq();
    const scopes = [{}, { environment: 'staging' }, { agentIds: ['agent-1', 'agent-2'] }];
    const boundaries = new Set<number>();
    let answered = 0;
    let within = 0;
    let missed = 0;
    for (const watermark of [firstBoundary, midWatermark, lateWatermark, newest, afterRefresh]) {
      for (const extra of scopes) {
        const scope: ReportScope = { orgId, start: PERIOD.start, end: PERIOD.end, watermark, environment: null, agentIds: [], ...extra };
        const { plan, rolled, fromEvents, bySelectors } = await requestFigures(scope);
        boundaries.add(plan.boundary);
        const label = `watermark ${watermark}, scope ${JSON.stringify(extra)}`;
        expect(rolled, label).toEqual(fromEvents);
        expect(bySelectors, label).toEqual(await countedBySelectors(scope));
        answered += ALL_KINDS.reduce((sum, kind) => sum + rolled[kind].answered, 0);
        within += rolled.approvals.withinTarget + rolled.holds.withinTarget;
        missed += rolled.approvals.answered + rolled.holds.answered - rolled.approvals.withinTarget - rolled.holds.withinTarget;
      }
    }
    // Two boundaries, each with events after it, and answers the rows of a later batch carry.
    expect([...boundaries].sort((a, b) => a - b)).toEqual([firstBoundary, newest]);
    expect(answered).toBeGreaterThan(0);
    expect(within).toBeGreaterThan(0);
    expect(missed).toBeGreaterThan(0);
    const [later] = await raw`select count(*)::int as n from event_answer_rollups where org_id = ${orgId}`;
    expect(later!.n).toBeGreaterThan(0);
    // The day rows are what is read: a response time forgotten or a group's newer row lost changes the figures.
    const scope: ReportScope = { orgId, start: PERIOD.start, end: PERIOD.end, watermark: newest, environment: null, agentIds: [] };
    const truth = await requestFigures(scope);
    await raw`update event_request_days set times = '{}' where org_id = ${orgId} and kind = 'approvals' and cardinality(times) > 0`;
    expect((await requestFigures(scope)).rolled.approvals.answered).toBeLessThan(truth.rolled.approvals.answered);
    await raw`update event_request_days set removed = times where org_id = ${orgId} and kind = 'holds' and cardinality(times) > 0`;
    expect((await requestFigures(scope)).rolled.holds.answered).toBeLessThan(truth.rolled.holds.answered);
    await raw`delete from event_request_days where org_id = ${orgId} and upto = ${newest}`;
    expect((await requestFigures(scope)).rolled).not.toEqual(truth.rolled);
    // Rebuilt from the trail (another definition), they agree again.
    await raw`update event_rollup_batches set definition = 'older code' where org_id = ${orgId}`;
    await refreshRollups(raw, orgId);
    const rebuilt = await requestFigures({ ...scope, watermark: afterRefresh });
    expect(rebuilt.rolled).toEqual(rebuilt.fromEvents);
  });

  it('count every selector that looks at other events from the requests', () => {
    // A new correlated selector without a request kind would be counted by nobody.
    const correlated = (Object.keys(selectors) as SelectorId[]).filter((id) => prefilterOf(id));
    expect(correlated.length).toBeGreaterThan(0);
    expect(correlated.filter((id) => !CORRELATED[id])).toEqual([]);
  });

  it('count data subjects as the events do, at every watermark, with subjects named again in a later batch', async () => {
    const { sql: raw } = app.services.database;
    // Two batches again (the test above rebuilt them as one): the first boundary, then the newest event.
    for (const table of ROLLUP_TABLES) await raw.unsafe(`delete from ${table} where org_id = $1::uuid`, [orgId]);
    await refreshRollups(raw, orgId, { upto: firstBoundary });
    const newest = await maxSeq();
    await refreshRollups(raw, orgId, { upto: newest });
    // A subject of the first batch named again after the last refresh, and a new one.
    await app.services.database.db.insert(auditEvents).values(
      ['customer-9', 'customer-late'].map((subject) => ({ orgId, occurredAt: new Date(START + DAY + 20 * 60 * MIN), environment: 'staging', agentId: 'agent-2', category: 'dlp', action: 'dlp.detected', personalData: ['email'], dataSubjects: [subject] }) as EventRow),
    );
    const afterRefresh = await maxSeq();
    const boundaries = new Set<number>();
    const counted = new Set<number>();
    for (const watermark of [firstBoundary, midWatermark, lateWatermark, newest, afterRefresh]) {
      for (const extra of [{}, { environment: 'staging' }, { agentIds: ['agent-0', 'agent-2'] }]) {
        const scope: ReportScope = { orgId, start: PERIOD.start, end: PERIOD.end, watermark, environment: null, agentIds: [], ...extra };
        const plan = await rollupPlan(raw, scope);
        expect(plan, `a rollup plan at ${watermark}`).not.toBeNull();
        boundaries.add(plan!.boundary);
        const rolled = await scalarQueries.data_subjects(raw, scope, plan);
        expect(rolled.data_subjects).toBeGreaterThan(0);
        expect(rolled, `watermark ${watermark}, scope ${JSON.stringify(extra)}`).toEqual(await scalarQueries.data_subjects(raw, scope, null));
        if (!Object.keys(extra).length) counted.add(Number(rolled.data_subjects));
      }
    }
    expect([...boundaries].sort((a, b) => a - b)).toEqual([firstBoundary, newest]);
    // The late events name new subjects: the watermarks do not all say the same.
    expect(counted.size).toBeGreaterThan(1);
    const scope: ReportScope = { orgId, start: PERIOD.start, end: PERIOD.end, watermark: newest, environment: null, agentIds: [] };
    const truth = await scalarQueries.data_subjects(raw, scope, await rollupPlan(raw, scope));
    await raw`update event_subject_rollups set n = n * 2 where org_id = ${orgId}`;
    expect(await scalarQueries.data_subjects(raw, scope, await rollupPlan(raw, scope))).not.toEqual(truth);
    await raw`update event_subject_rollups set n = n / 2 where org_id = ${orgId}`;
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
      // Each batch also adds an approval request to one group, whose day row every batch then writes anew.
      const request = { orgId, occurredAt: new Date(START + DAY + (i + 1) * MIN), environment: 'production', agentId: 'agent-1', correlationId: `merged-${i}`, ...KIND_EVENTS.approvals.request } as EventRow;
      await app.services.database.db.insert(auditEvents).values([...lateEvents(orgId).slice(i * 10, i * 10 + 10), request]);
      await refreshRollups(raw, orgId);
    }
    const batches = await raw`select events::int as events from event_rollup_batches where org_id = ${orgId} order by upto`;
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThanOrEqual(3);
    const [stored] = await raw`select count(*)::int as n from audit_events where org_id = ${orgId}`;
    expect(batches.reduce((sum, b) => sum + Number(b.events), 0)).toBe(stored!.n);
    // Merged batches leave one day row per group and batch.
    const [rows] = await raw`
      select coalesce(max(n), 0)::int as most from (
        select count(*) as n from event_request_days where org_id = ${orgId} group by day, kind, environment, agent_id) g`;
    expect(rows!.most).toBeGreaterThan(0);
    expect(rows!.most).toBeLessThanOrEqual(batches.length);
    // Answers to requests of merged batches, folded into them.
    await app.services.database.db.insert(auditEvents).values(requestsAndAnswers(orgId, 'last').map((e) => ({ ...e, occurredAt: new Date(e.occurredAt.getTime() - 30 * MIN) })));
    await refreshRollups(raw, orgId);
    const latest = await generate('governance');
    const merged = await requestFigures({ orgId, start: PERIOD.start, end: PERIOD.end, watermark: latest.watermark, environment: null, agentIds: [] });
    expect(merged.rolled).toEqual(merged.fromEvents);
    // A reader at the lowest boundary left sees none of the later batches' answers in its request rows.
    const [lowest] = await raw`select upto::bigint as upto from event_rollup_batches where org_id = ${orgId} order by upto limit 1`;
    const early = await requestFigures({ orgId, start: PERIOD.start, end: PERIOD.end, watermark: Number(lowest!.upto), environment: null, agentIds: [] });
    expect(early.rolled).toEqual(early.fromEvents);
    const expected = await fromEventsOnly(() => generate('governance', { watermark: latest.watermark }));
    expect(latest.said).toEqual(expected.said);
  });
});

describe('partial first and last days', () => {
  const at = (day: number, hours: number, minutes = 0) => new Date(START + day * DAY + hours * 60 * MIN + minutes * MIN);
  const shifted = (rows: EventRow[], ms: number) => rows.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt.getTime() + ms) }));
  const approval = (org: string, when: Date, correlationId: string, part: 'request' | 'answer', extra: Partial<EventRow> = {}): EventRow =>
    ({ orgId: org, occurredAt: when, environment: 'production', agentId: 'agent-1', correlationId, ...KIND_EVENTS.approvals[part], ...extra }) as EventRow;
  const activity = (org: string, when: Date, agentId: string, sessionId: string | null, extra: Partial<EventRow> = {}): EventRow =>
    ({ orgId: org, occurredAt: when, environment: 'production', agentId, sessionId, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', toolName: 'crm.lookup', toolTags: ['pii'], costUsd: 0.5, ...extra }) as EventRow;
  /** Days 7 and 8: events from 10:00 to 14:00 only, in two environments, with sessions, subjects and approvals. */
  function sparseDays(org: string): EventRow[] {
    const rows: EventRow[] = [];
    for (const day of [7, 8]) {
      for (const h of [10, 11, 12, 13]) {
        ['agent-1', 'agent-3'].forEach((agentId, k) =>
          rows.push(activity(org, at(day, h, k * 20), agentId, `d${day}-${agentId}-${h % 2}`, { environment: k ? 'staging' : 'production', decision: h === 12 ? 'deny' : 'allow', dataSubjects: [`customer-d${day}-${h}`] })));
      }
      rows.push(approval(org, at(day, 10, 30), `d${day}-apr-1`, 'request'), approval(org, at(day, 11), `d${day}-apr-1`, 'answer'), approval(org, at(day, 13, 30), `d${day}-apr-2`, 'request'));
    }
    return rows;
  }
  const PERIODS = {
    // Both edge days clear of other events up to the first boundary, not up to the second.
    a: { start: at(0, 5), end: at(3, 7) },
    // Events before and after the period on both edge days.
    b: { start: at(0, 9), end: at(3, 3) },
    // Within one day, clear on both sides up to the first boundary.
    c: { start: at(7, 9), end: at(7, 15) },
    // From midnight to mid-day.
    d: { start: at(3, 0), end: at(3, 7) },
    // A first day with other events, a last day clear at every boundary (events after it come later).
    e: { start: at(7, 20), end: at(8, 15) },
  };
  const D0 = START / DAY;
  const days = (first: number, end: number) => ({ firstDay: D0 + first, endDay: D0 + end });
  /** The days each period reads from the rollups, at the first boundary and at the second (null: none). */
  const EXPECTED: Record<keyof typeof PERIODS, [ReturnType<typeof days> | null, ReturnType<typeof days> | null]> = {
    a: [days(0, 4), days(1, 3)],
    b: [days(1, 3), days(1, 3)],
    c: [days(7, 8), null],
    d: [days(3, 4), null],
    e: [days(8, 9), days(8, 9)],
  };

  it('are read from the rollups when these hold only the period\'s events of the day, and say what the events say', async () => {
    const { sql: raw } = app.services.database;
    const db = app.services.database.db;
    const { orgId } = await app.newOrg('Partial days');
    const max = async () => Number((await raw`select max(seq)::bigint as s from audit_events where org_id = ${orgId}`)[0]!.s);
    // The scenario from 06:00 on day 0 to 06:00 on day 3, requests and answers, and two sparse days.
    const base = shifted([...scenario(orgId), ...requestsAndAnswers(orgId, 'first')], 6 * 60 * MIN);
    await db.insert(auditEvents).values([...base, ...sparseDays(orgId)]);
    await refreshRollups(raw, orgId, { merge: false });
    const first = await max();
    // A session of the rolled rows on a day, at about an hour of it.
    const sessionNear = (day: number, hours: number) =>
      base.filter((e) => e.sessionId && e.agentId).sort((x, y) => Math.abs(x.occurredAt.getTime() - at(day, hours).getTime()) - Math.abs(y.occurredAt.getTime() - at(day, hours).getTime()))[0]!;
    const again = (e: EventRow, when: Date, extra: Partial<EventRow> = {}) => activity(orgId, when, e.agentId!, e.sessionId!, { environment: e.environment, ...extra });
    // After the first boundary, on the edge days: inside the periods and outside them, sessions of
    // the rolled rows and new ones, subjects, answers to rolled requests, requests and their answers.
    await db.insert(auditEvents).values([
      again(sessionNear(0, 6), at(0, 2), { dataSubjects: ['customer-outside'] }),
      activity(orgId, at(0, 3), 'agent-2', 'outside-0', { environment: 'staging' }),
      again(sessionNear(0, 12), at(0, 12), { dataSubjects: ['customer-d7-10'] }),
      activity(orgId, at(0, 12, 5), 'agent-1', 'late-in-0', { environment: 'staging', decision: 'deny' }),
      approval(orgId, at(0, 23), 'approvals-4', 'answer', { agentId: null }),
      again(sessionNear(3, 5), at(3, 6, 30)),
      activity(orgId, at(3, 6, 35), 'agent-3', 'late-in-3', { environment: 'staging' }),
      approval(orgId, at(3, 6, 40), 'late-apr-3', 'request'),
      again(sessionNear(3, 5), at(3, 9)),
      activity(orgId, at(3, 9, 5), 'agent-1', 'outside-3', { dataSubjects: ['customer-outside'] }),
      approval(orgId, at(3, 9, 30), 'late-apr-3', 'answer', { agentId: null }),
      approval(orgId, at(3, 10), 'apr-9', 'answer', { agentId: null }),
      activity(orgId, at(7, 8), 'agent-1', 'd7-agent-1-0'),
      activity(orgId, at(7, 12, 30), 'agent-3', 'd7-agent-3-1', { environment: 'staging', dataSubjects: ['customer-d7-late'] }),
      approval(orgId, at(7, 12, 31), 'd7-apr-3', 'request'),
      approval(orgId, at(7, 12, 40), 'd7-apr-3', 'answer', { agentId: null }),
      approval(orgId, at(7, 16), 'd7-apr-2', 'answer', { agentId: null }),
      activity(orgId, at(7, 21), 'agent-1', 'd7-agent-1-1', { dataSubjects: ['customer-d7-21'] }),
      approval(orgId, at(8, 14), 'd8-apr-2', 'answer', { agentId: null }),
    ]);
    const late = await max();
    // The second batch ends above them.
    await db.insert(auditEvents).values(afterPeriod(orgId, 1));
    await refreshRollups(raw, orgId, { merge: false });
    const second = await max();
    // After the second boundary: inside and outside the period whose last day is still clear of others.
    await db.insert(auditEvents).values([
      activity(orgId, at(8, 12, 30), 'agent-1', 'd8-agent-1-0', { dataSubjects: ['customer-d8-late'] }),
      approval(orgId, at(8, 12, 35), 'd8-apr-3', 'request'),
      activity(orgId, at(8, 16), 'agent-3', 'd8-outside', { environment: 'staging', decision: 'deny' }),
      approval(orgId, at(8, 16, 10), 'd8-apr-2', 'answer', { agentId: null }),
      approval(orgId, at(8, 16, 30), 'd8-apr-3', 'answer', { agentId: null }),
      again(sessionNear(0, 12), at(0, 13)),
      activity(orgId, at(3, 8), 'agent-1', 'outside-3b'),
    ]);
    const tail = await max();

    const plain = (Object.keys(selectors) as SelectorId[]).filter((id) => !prefilterOf(id));
    const measured = async (scope: ReportScope, plan: Awaited<ReturnType<typeof rollupPlan>>) => {
      const events = await measureEvents(raw, scope, plain, plan);
      return {
        events: { ...events, weeks: [...events.weeks].sort((x, y) => x.week - y.week) },
        requests: await measureRequests(raw, scope, plan, ALL_KINDS),
        subjects: await scalarQueries.data_subjects(raw, scope, plan),
      };
    };
    const scopes = [{}, { environment: 'staging' }, { agentIds: ['agent-1', 'agent-3'] }];
    let rolledEdges = 0;
    for (const [watermark, which] of [[first, 0], [late, 0], [second, 1], [tail, 1]] as const) {
      for (const [name, period] of Object.entries(PERIODS) as Array<[keyof typeof PERIODS, (typeof PERIODS)['a']]>) {
        for (const extra of scopes) {
          const scope: ReportScope = { orgId, ...period, watermark, environment: null, agentIds: [], ...extra };
          const label = `period ${name}, watermark ${watermark}, scope ${JSON.stringify(extra)}`;
          const plan = await rollupPlan(raw, scope);
          const expected = EXPECTED[name][which];
          expect(plan && { firstDay: plan.firstDay, endDay: plan.endDay }, label).toEqual(expected);
          if (plan) expect(plan.boundary, label).toBe(which ? second : first);
          if (plan && (plan.firstDay * DAY < period.start.getTime() || plan.endDay * DAY > period.end.getTime())) rolledEdges++;
          const rolled = await measured(scope, plan);
          expect(rolled, label).toEqual(await measured(scope, null));
          if (!Object.keys(extra).length) expect(rolled.events.activity.uniqueSessions, label).toBeGreaterThan(0);
        }
      }
    }
    expect(rolledEdges).toBeGreaterThan(20);

    // Every report type over the periods whose edge days are rolled, with events after the boundary on them.
    const generateIn = async (type: string, period: (typeof PERIODS)['a'], watermark: number) => {
      const id = await generatingReport(app.services, orgId, `${type} partial days`, type, { periodStart: period.start, periodEnd: period.end, sampleSeed: 'edges', environment: null, agentIds: [], watermark });
      await buildReport(app.services, id, async () => {});
      const [row] = await db.select().from(reports).where(eq(reports.id, id));
      expect(row!.status).toBe('completed');
      const content = row!.content as ReportContent;
      const { completeness: _watermarkNamed, ...integrity } = content.integrity;
      return { score: content.score, summary: content.summary, sections: content.sections, findings: content.findings, integrity };
    };
    const reported = new Map<string, unknown>();
    for (const type of TYPES) for (const name of ['a', 'c', 'e'] as const) reported.set(`${type}/${name}`, await generateIn(type, PERIODS[name], late));

    // The rows of a rolled edge day are what is read: changed, they change the figures.
    const scope: ReportScope = { orgId, ...PERIODS.a, watermark: late, environment: null, agentIds: [] };
    const truth = await measured(scope, await rollupPlan(raw, scope));
    await raw`update event_rollups set counts = array(select c * 2 from unnest(counts) c) where org_id = ${orgId} and day = ${D0}`;
    expect((await measured(scope, await rollupPlan(raw, scope))).events).not.toEqual(truth.events);
    await raw`update event_rollups set counts = array(select c / 2 from unnest(counts) c) where org_id = ${orgId} and day = ${D0}`;
    expect(await measured(scope, await rollupPlan(raw, scope))).toEqual(truth);

    // The same reports from the events alone: the only batch lies above their watermark.
    for (const table of ROLLUP_TABLES) await raw.unsafe(`delete from ${table} where org_id = $1::uuid`, [orgId]);
    await db.insert(auditEvents).values(afterPeriod(orgId, 1));
    await refreshRollups(raw, orgId);
    expect(await rollupPlan(raw, scope)).toBeNull();
    for (const type of TYPES) {
      for (const name of ['a', 'c', 'e'] as const) expect(await generateIn(type, PERIODS[name], late), `${type} over period ${name}`).toEqual(reported.get(`${type}/${name}`));
    }
  });
});

describe('distinct sessions', () => {
  /**
   * Sessions over eight days in three parts: the first rolled up, the second
   * rolled up in a later batch (days added before, between and after the
   * days a session had: their next day's previous day changes), the third
   * read after the last boundary until it is rolled up too. Sessions that
   * move to another agent or environment, a session of no agent, events of
   * no session, and many one-day sessions.
   */
  function sessionEvents(org: string, part: 1 | 2 | 3): EventRow[] {
    const rows: EventRow[] = [];
    const on = (day: number, sessionId: string | null, extra: Partial<EventRow> = {}) =>
      rows.push({ orgId: org, occurredAt: new Date(START + day * DAY + (7 + rows.length % 13) * 60 * MIN), environment: 'production', agentId: 'agent-a', sessionId, category: 'tool_call', action: 'tool.call', ...extra } as EventRow);
    const days: Record<1 | 2 | 3, { long: number[]; early: number[]; hop: Array<[number, string]>; env: Array<[number, string]>; none: number[]; daily: number[] }> = {
      1: { long: [0, 1, 2, 6, 7], early: [4, 5], hop: [[2, 'agent-a']], env: [[3, 'production']], none: [1, 4], daily: [0, 1, 2, 3, 4, 5, 6, 7] },
      2: { long: [4, 3, 7], early: [2], hop: [[3, 'agent-b'], [5, 'agent-a']], env: [[3, 'staging'], [4, 'staging']], none: [3], daily: [1, 3, 5] },
      3: { long: [5], early: [0], hop: [[4, 'agent-c']], env: [[6, 'production']], none: [6], daily: [2, 6] },
    };
    const d = days[part];
    for (const day of d.long) on(day, 'long');
    for (const day of d.early) on(day, 'early', { agentId: 'agent-b' });
    for (const [day, agentId] of d.hop) on(day, 'hop', { agentId });
    for (const [day, environment] of d.env) on(day, 'moves', { environment });
    for (const day of d.none) on(day, 'unattributed', { agentId: null });
    for (const day of d.daily) for (let k = 0; k < 4; k++) on(day, `p${part}-d${day}-${k}`, { agentId: `agent-${'abc'[k % 3]}`, environment: k % 2 ? 'staging' : 'production' });
    for (const day of d.daily) on(day, null);
    return rows;
  }

  it('are counted from the session counts as the events count them, at every watermark, period and scope', async () => {
    const { sql: raw } = app.services.database;
    const db = app.services.database.db;
    const { orgId } = await app.newOrg('Distinct sessions');
    const max = async () => Number((await raw`select max(seq)::bigint as s from audit_events where org_id = ${orgId}`)[0]!.s);
    await db.insert(auditEvents).values(sessionEvents(orgId, 1));
    const first = await max();
    await refreshRollups(raw, orgId, { merge: false });
    await db.insert(auditEvents).values(sessionEvents(orgId, 2).slice(0, 10));
    const between = await max();
    await db.insert(auditEvents).values(sessionEvents(orgId, 2).slice(10));
    const second = await max();
    await refreshRollups(raw, orgId, { merge: false });
    await db.insert(auditEvents).values(sessionEvents(orgId, 3));
    const third = await max();
    // Days inserted between known ones: the batch took a previous day away.
    const [changes] = await raw`select count(*) filter (where n < 0)::int as removed, count(distinct upto)::int as batches from event_session_counts where org_id = ${orgId}`;
    expect(changes).toEqual({ removed: expect.any(Number), batches: 2 });
    expect(changes!.removed).toBeGreaterThan(0);
    const periods = [
      { start: new Date(START), end: new Date(START + 8 * DAY) },
      { start: new Date(START + DAY + 5 * 60 * MIN), end: new Date(START + 6 * DAY + 9 * 60 * MIN) },
      { start: new Date(START + 3 * DAY), end: new Date(START + 5 * DAY) },
      { start: new Date(START + 4 * DAY + 8 * 60 * MIN), end: new Date(START + 7 * DAY) },
    ];
    const scopes = [{}, { environment: 'staging' }, { environment: 'production' }, { agentIds: ['agent-a', 'agent-c'] }, { environment: 'production', agentIds: ['agent-b'] }];
    const compare = async (watermarks: number[]) => {
      const boundaries = new Set<number>();
      for (const watermark of watermarks) {
        for (const period of periods) {
          for (const extra of scopes) {
            const scope: ReportScope = { orgId, ...period, watermark, environment: null, agentIds: [], ...extra };
            const plan = await rollupPlan(raw, scope);
            expect(plan, `a rollup plan at ${watermark}`).not.toBeNull();
            boundaries.add(plan!.boundary);
            const rolled = await measureEvents(raw, scope, [], plan);
            const label = `watermark ${watermark}, period ${period.start.toISOString()}, scope ${JSON.stringify(extra)}`;
            expect(rolled.activity, label).toEqual((await measureEvents(raw, scope, [], null)).activity);
          }
        }
      }
      return boundaries;
    };
    // Before the third part is rolled up: its events are read after the newest boundary.
    expect([...(await compare([first, between, second, third]))].sort((a, b) => a - b)).toEqual([first, second]);
    await refreshRollups(raw, orgId, { merge: false });
    expect([...(await compare([second, third]))].sort((a, b) => a - b)).toEqual([second, third]);
    // Merged into one batch, they still add up.
    await mergeRollups(raw, orgId);
    const [batches] = await raw`select count(*)::int as n from event_rollup_batches where org_id = ${orgId}`;
    expect(batches!.n).toBeLessThan(3);
    await compare([third]);

    // The rows are what is read: a count or a session kept apart forgotten changes the figures.
    const scope: ReportScope = { orgId, start: new Date(START + DAY), end: new Date(START + 7 * DAY), watermark: third, environment: null, agentIds: [] };
    const truth = (await measureEvents(raw, scope, [], await rollupPlan(raw, scope))).activity;
    expect(truth.uniqueSessions).toBeGreaterThan(10);
    // Epoch days: the third day of the trail, with a session that begins there.
    await raw`update event_session_counts set n = n + 1 where org_id = ${orgId} and day = ${START / DAY + 3} and agent_id = 'agent-a' and environment = 'production' and prev_day is null`;
    expect((await measureEvents(raw, scope, [], await rollupPlan(raw, scope))).activity).not.toEqual(truth);
    await raw`update event_session_counts set n = n - 1 where org_id = ${orgId} and day = ${START / DAY + 3} and agent_id = 'agent-a' and environment = 'production' and prev_day is null`;
    expect((await measureEvents(raw, scope, [], await rollupPlan(raw, scope))).activity).toEqual(truth);
    const shared = await raw`select session_id from event_shared_sessions where org_id = ${orgId} order by 1`;
    expect(shared.map((r) => r.session_id)).toEqual(['hop', 'moves']);
    await raw`delete from event_shared_sessions where org_id = ${orgId}`;
    expect((await measureEvents(raw, scope, [], await rollupPlan(raw, scope))).activity).not.toEqual(truth);
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

describe('a reader holding the merge lock (live posture measuring)', () => {
  it('keeps the boundary it reads: a new batch is added above it, and the merge waits for the reader', async () => {
    const { sql: raw } = app.services.database;
    const db = app.services.database.db;
    const { orgId } = await app.newOrg('Merge beside a reader');
    const boundaries = async () => (await raw`select upto::bigint as upto from event_rollup_batches where org_id = ${orgId} order by upto`).map((b) => Number(b.upto));
    await db.insert(auditEvents).values(lateEvents(orgId).slice(0, 10));
    await refreshRollups(raw, orgId);
    const read = (await boundaries()).at(-1)!;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const reader = raw.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock_shared(${ROLLUP_MERGE_LOCK}, hashtext(${orgId}))`;
      locked();
      await released;
    });
    await holding;
    // A batch as small as the one read would merge it into the new one.
    await db.insert(auditEvents).values(lateEvents(orgId).slice(10, 20));
    const refresh = refreshRollups(raw, orgId);
    await until(async () => (await boundaries()).length > 1 && (await boundaries()).at(-1)! > read, 'the new batch');
    // The merge waits for the reader's lock.
    await until(async () => (await raw`
      select 1 from pg_locks where locktype = 'advisory' and not granted and classid = ${ROLLUP_MERGE_LOCK}
        and objid::int8 = (hashtext(${orgId})::int8 + 4294967296) % 4294967296`).length > 0, 'the merge to wait');
    expect(await boundaries()).toContain(read);
    release();
    await reader;
    await refresh;
    expect(await boundaries()).not.toContain(read);
  });
});

describe('the events after the newest boundary', () => {
  it('are counted up to a limit (live posture reads that many from the trail rather than wait for a refresh)', async () => {
    const { sql: raw } = app.services.database;
    const { orgId } = await app.newOrg('Unrolled tail');
    await app.services.database.db.insert(auditEvents).values(lateEvents(orgId).slice(0, 10));
    await refreshRollups(raw, orgId);
    await app.services.database.db.insert(auditEvents).values(lateEvents(orgId).slice(10, 30));
    const [max] = await raw`select max(seq)::bigint as seq from audit_events where org_id = ${orgId}`;
    const upto = Number(max!.seq);
    expect(await unrolledExceeds(raw, orgId, upto, 19)).toBe(true);
    expect(await unrolledExceeds(raw, orgId, upto, 20)).toBe(false);
    await refreshRollups(raw, orgId);
    expect(await unrolledExceeds(raw, orgId, upto, 0)).toBe(false);
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
