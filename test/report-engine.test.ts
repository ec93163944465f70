/**
 * The engine against a real PostgreSQL: every SOC 2 number is compared with
 * an expectation counted in this file from the events it wrote, never with
 * the engine's SQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, findings, reports } from '../src/db/schema.ts';
import { eq } from 'drizzle-orm';
import { buildReport, type Progress, type ReportContent } from '../src/reports/generate.ts';
import { evidencePages, evidenceSample, findingIdsForEvents, listFindings, staleReports, toSelector } from '../src/reports/evidence.ts';
import { grade, score } from '../src/reports/scoring.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { DAY, MIN, scenario, START, type EventRow } from './support/scenario.ts';

const pct = (part: number, whole: number) => Math.round((10_000 * part) / whole) / 100;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function newReport(orgId: string, type: string, period: { start: Date; end: Date }, extra: Partial<typeof reports.$inferInsert> = {}) {
  const id = randomUUID();
  await app.services.database.db.insert(reports).values({
    id,
    orgId,
    type,
    title: `${type} test`,
    status: 'generating',
    periodStart: period.start,
    periodEnd: period.end,
    sampleSeed: 'unset',
    lineageId: id,
    createdBy: 'test',
    ...extra,
  });
  return id;
}

async function run(reportId: string) {
  const progress: Progress[] = [];
  await buildReport(app.services, reportId, async (p) => {
    progress.push(p);
  });
  const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, reportId));
  return { row: row!, content: row!.content as ReportContent, progress };
}

describe('SOC 2 over a known trail', () => {
  let orgId: string;
  let rows: EventRow[];
  let result: Awaited<ReturnType<typeof run>>;
  const period = { start: new Date(START), end: new Date(START + 3 * DAY) };

  beforeAll(async () => {
    orgId = (await app.newOrg()).orgId;
    rows = scenario(orgId);
    await app.services.database.db.insert(auditEvents).values(rows);
    result = await run(await newReport(orgId, 'soc2', period));
  });

  const metric = (id: string) => result.content.sections.flatMap((s) => s.metrics).find((m) => m.id === id)?.value;
  const finding = (control: string) => result.content.findings.find((f) => f.controlId === control)!;

  it('completes through the named stages with rising progress', () => {
    expect(result.row.status).toBe('completed');
    const stages = result.progress.map((p) => p.stage);
    expect(stages).toEqual(expect.arrayContaining(['collecting', 'evaluating', 'scoring', 'writing']));
    const percents = result.progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(result.row.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts every metric as the trail says', () => {
    const decisions = rows.filter((r) => r.decision);
    const agentDecisions = decisions.filter((r) => r.agentId);
    expect(metric('events')).toBe(rows.length);
    expect(metric('decisions')).toBe(decisions.length);
    expect(metric('decisions_deny')).toBe(decisions.filter((r) => r.decision === 'deny').length);
    expect(metric('decisions_alert')).toBe(decisions.filter((r) => r.decision === 'alert').length);
    expect(metric('denial_rate')).toBe(pct(decisions.filter((r) => r.decision === 'deny').length, decisions.length));
    expect(metric('policy_coverage')).toBe(pct(agentDecisions.filter((r) => r.policyId).length, agentDecisions.length));
    expect(metric('unique_agents')).toBe(new Set(rows.filter((r) => r.agentId).map((r) => r.agentId)).size);
    expect(metric('unique_sessions')).toBe(new Set(rows.filter((r) => r.sessionId).map((r) => r.sessionId)).size);
    expect(metric('approval_requests')).toBe(10);
    expect(metric('approval_answer_rate')).toBe(90);
    expect(metric('approvals_within_sla')).toBe(70);
    expect(metric('credential_leases')).toBe(8);
    expect(metric('lease_compliance')).toBe(pct(5, 8));
    expect(metric('injections_detected')).toBe(6);
    expect(metric('injection_true_positive_rate')).toBe(pct(2, 5));
    expect(metric('injection_false_positive_rate')).toBe(pct(3, 5));
    expect(metric('dlp_block_rate')).toBe(80);
    expect(metric('config_change_approval_rate')).toBe(75);
    expect(metric('unapproved_role_changes')).toBe(1);
    expect(metric('escalation_sla_rate')).toBe(pct(2, 3));
    expect(metric('error_rate')).toBe(pct(rows.filter((r) => r.outcome === 'failure').length, rows.length));
    expect(metric('session_attribution_rate')).toBe(
      pct(rows.filter((r) => r.agentId && ['tool_call', 'policy_decision'].includes(r.category) && r.sessionId).length, rows.filter((r) => r.agentId && ['tool_call', 'policy_decision'].includes(r.category)).length),
    );
  });

  it('measures approval response times from the pairs', () => {
    const times = [3, 6, 9, 12, 15, 18, 21, 180, 180].map((m) => m * 60).sort((a, b) => a - b);
    const percentile = (p: number) => {
      const rank = p * (times.length - 1);
      const lo = Math.floor(rank);
      return times[lo]! + (times[Math.min(lo + 1, times.length - 1)]! - times[lo]!) * (rank - lo);
    };
    expect(metric('approval_response_mean')).toBeCloseTo(times.reduce((a, b) => a + b, 0) / times.length, 1);
    expect(metric('approval_response_p50')).toBeCloseTo(percentile(0.5), 1);
    expect(metric('approval_response_p95')).toBeCloseTo(percentile(0.95), 1);
  });

  it('finds the monitoring gaps and the coverage they leave', () => {
    const integrity = result.content.integrity;
    // Expected from the rows: silences over 60 minutes between consecutive events, and the disconnection.
    const times = rows.map((r) => (r.occurredAt as Date).getTime()).sort((a, b) => a - b);
    const gaps: Array<[number, number]> = [];
    for (let k = 1; k < times.length; k++) if (times[k]! - times[k - 1]! > 60 * MIN) gaps.push([times[k - 1]!, times[k]!]);
    gaps.push([START + 50 * 60 * MIN + 1000, START + 52 * 60 * MIN + 1000]);
    gaps.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const g of gaps) {
      const last = merged.at(-1);
      if (last && g[0] <= last[1]) last[1] = Math.max(last[1], g[1]);
      else merged.push([...g]);
    }
    const gapSeconds = merged.reduce((s, g) => s + (g[1] - g[0]) / 1000, 0);
    expect(merged).toHaveLength(2);
    expect(integrity.gapCount).toBe(2);
    expect(integrity.gaps.map((g) => g.reason).sort()).toEqual(['gateway_disconnected', 'silence']);
    expect(integrity.gapSeconds).toBe(Math.round(gapSeconds));
    expect(integrity.timeCoverage).toBe(Math.round(10_000 * (1 - gapSeconds / (3 * 86_400))) / 100);
    expect(finding('CC4.1').status).toBe('fail'); // 91.9 % < 95 %
  });

  it('decides each finding from its thresholds and links its evidence', () => {
    expect(finding('CC6.2')).toMatchObject({ status: 'fail', evidenceSelector: 'noncompliant_leases', evidenceCount: 3 });
    expect(finding('CC6.3')).toMatchObject({ status: 'warn', evidenceSelector: 'unapproved_role_changes', evidenceCount: 1 });
    expect(finding('CC6.7')).toMatchObject({ status: 'warn', evidenceSelector: 'dlp_not_blocked', evidenceCount: 1 });
    expect(finding('CC1.5')).toMatchObject({ status: 'warn', evidenceSelector: 'unanswered_approvals', evidenceCount: 1 });
    expect(finding('P6.1').status).toBe('not_applicable');
    // The score is the breakdown's; its controls factor is the findings' severity-weighted credit.
    expect(result.row.score).toBe(result.content.score);
    expect(Math.round(result.content.scoreBreakdown.factors.find((f) => f.id === 'controls')!.value!)).toBe(score(result.content.findings));
    expect(result.row.grade).toBe(grade(result.row.score));
    expect(result.content.recommendations[0]!.status).toBe('fail');
  });

  it('pages evidence exactly, samples it reproducibly, and links events back to findings', async () => {
    const { sql } = app.services.database;
    const page = await listFindings(sql, orgId, result.row.id, { statuses: ['fail'] }, { first: 50 });
    expect(page.totalCount).toBe(result.content.findings.filter((f) => f.status === 'fail').length);
    const leases = page.nodes.find((f) => f.control_id === 'CC6.2')!;
    const scope = { orgId, start: period.start, end: period.end, watermark: result.row.watermark!, environment: null, agentIds: [] };
    const source = { findingId: leases.id, selector: toSelector(leases.evidence_selector), scope, sampleSeed: result.row.sampleSeed };
    const seen: number[] = [];
    let after: string | null = null;
    do {
      const [p] = await evidencePages(sql, [{ source, first: 2, after }]);
      seen.push(...p!.seqs);
      after = p!.hasNextPage ? p!.cursors.at(-1)! : null;
    } while (after);
    expect(seen).toHaveLength(3);
    const issued = await sql`select seq, correlation_id from audit_events where org_id = ${orgId} and seq = any(${seen}::bigint[]) order by correlation_id`;
    expect(issued.map((r) => r.correlation_id)).toEqual(['lease-5', 'lease-6', 'lease-7']);
    const sampleA = await evidenceSample(sql, { ...source, selector: 'all_events' }, 10);
    const sampleB = await evidenceSample(sql, { ...source, selector: 'all_events' }, 10);
    expect(sampleA).toEqual(sampleB);
    expect(new Set(sampleA).size).toBe(10);
    const [linked] = await findingIdsForEvents(sql, orgId, [seen[0]!]);
    expect(linked).toContain(leases.id);
  });

  it('gives byte-identical content for the same scope at the same watermark, and turns stale on late events', async () => {
    const again = await run(await newReport(orgId, 'soc2', period, { watermark: result.row.watermark }));
    expect(again.row.contentSha256).toBe(result.row.contentSha256);
    const scope = { orgId, start: period.start, end: period.end, watermark: result.row.watermark!, environment: null, agentIds: [] };
    expect(await staleReports(app.services.database.sql, [scope])).toEqual([false]);
    await app.services.database.db.insert(auditEvents).values({ orgId, occurredAt: new Date(START + DAY), category: 'tool_call', action: 'tool.call' });
    expect(await staleReports(app.services.database.sql, [scope])).toEqual([true]);
  });

  it('scopes to agents and environments', async () => {
    const scoped = await run(await newReport(orgId, 'soc2', period, { agentIds: ['agent-2'], watermark: result.row.watermark }));
    const events = scoped.content.sections.flatMap((s) => s.metrics).find((m) => m.id === 'events')!.value;
    expect(events).toBe(rows.filter((r) => r.agentId === 'agent-2').length);
    const other = await run(await newReport(orgId, 'soc2', period, { environment: 'staging' }));
    expect(other.content.integrity.eventCount).toBe(0);
  });
});

describe('edge cases', () => {
  it('completes an empty period with every finding not applicable and no score', async () => {
    const { orgId } = await app.newOrg();
    const { row, content } = await run(await newReport(orgId, 'soc2', { start: new Date(START), end: new Date(START + DAY) }));
    expect(row.status).toBe('completed');
    expect(content.findings.every((f) => f.status === 'not_applicable')).toBe(true);
    expect(row.score).toBeNull();
    expect(row.summary).toContain('no events');
    expect(content.integrity.timeCoverage).toBeNull();
  });

  it('never overwrites a cancelled report and leaves no findings behind', async () => {
    const { orgId } = await app.newOrg();
    const id = await newReport(orgId, 'governance', { start: new Date(START), end: new Date(START + DAY) });
    await expect(
      buildReport(app.services, id, async (p) => {
        if (p.stage === 'scoring') await app.services.database.db.update(reports).set({ status: 'cancelled' }).where(eq(reports.id, id));
      }),
    ).rejects.toThrow(/cancelled/);
    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, id));
    expect(row!.status).toBe('cancelled');
    expect(await app.services.database.db.select().from(findings).where(eq(findings.reportId, id))).toHaveLength(0);
  });
});
