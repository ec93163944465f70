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

type EventRow = typeof auditEvents.$inferInsert;

const START = Date.parse('2026-09-01T00:00:00Z');
const DAY = 86_400_000;
const MIN = 60_000;

/** A small but complete governance trail with known answers. */
function scenario(orgId: string) {
  const rows: EventRow[] = [];
  const at = (ms: number) => new Date(START + ms);
  const push = (ms: number, e: Partial<EventRow>) =>
    rows.push({ orgId, occurredAt: at(ms), category: 'tool_call', action: 'tool.call', environment: 'production', ...e } as EventRow);
  // Steady agent activity every 10 minutes for 3 days, so monitoring has no silence but the planned gap.
  let i = 0;
  for (let t = 0; t < 3 * DAY; t += 10 * MIN, i++) {
    if (t >= 30 * 60 * MIN && t < 33 * 60 * MIN) continue; // a 3-hour silence on day 2
    const agent = `agent-${i % 4}`;
    const decision = i % 10 === 0 ? 'deny' : i % 15 === 0 ? 'alert' : 'allow';
    push(t, {
      agentId: agent,
      sessionId: i % 50 === 7 ? null : `${agent}-s${Math.floor(i / 20)}`,
      category: 'policy_decision',
      action: 'tool.invoke',
      decision,
      policyId: i % 8 === 3 ? null : 'default-deny',
      outcome: i % 40 === 0 ? 'failure' : 'success',
      toolName: i % 3 ? 'crm.lookup' : 'web.search',
      toolTags: i % 3 ? ['pii'] : [],
      costUsd: 0.01,
    });
  }
  // Approvals: 10 requests; 7 answered within 30 min, 2 after 3 hours, 1 never.
  for (let k = 0; k < 10; k++) {
    const t = k * 5 * 60 * MIN + 3 * MIN;
    push(t, { agentId: 'agent-1', category: 'approval', action: 'approval.requested', correlationId: `apr-${k}`, actorType: 'agent', actorId: 'agent-1' });
    if (k < 7) push(t + (k + 1) * 3 * MIN, { category: 'approval', action: 'approval.granted', correlationId: `apr-${k}`, actorType: 'user', actorId: 'alice' });
    else if (k < 9) push(t + 180 * MIN, { category: 'approval', action: 'approval.denied', correlationId: `apr-${k}`, actorType: 'user', actorId: 'bob' });
  }
  // Leases: 8 issued (TTL 1h); 5 returned in time, 2 late, 1 never.
  for (let k = 0; k < 8; k++) {
    const t = k * 7 * 60 * MIN + 5 * MIN;
    push(t, { agentId: 'agent-2', category: 'credential', action: 'lease.issued', correlationId: `lease-${k}`, ttlSeconds: 3600 });
    if (k < 5) push(t + 30 * MIN, { agentId: 'agent-2', category: 'credential', action: 'lease.returned', correlationId: `lease-${k}` });
    else if (k < 7) push(t + 90 * MIN, { agentId: 'agent-2', category: 'credential', action: 'lease.revoked', correlationId: `lease-${k}` });
  }
  // Injections: 6 detected; 2 confirmed, 3 false positives, 1 never reviewed.
  for (let k = 0; k < 6; k++) {
    const t = k * 9 * 60 * MIN + 7 * MIN;
    push(t, { agentId: 'agent-3', category: 'injection', action: 'injection.detected', correlationId: `inj-${k}`, severity: 'high' });
    if (k < 2) push(t + 20 * MIN, { category: 'injection', action: 'injection.confirmed', correlationId: `inj-${k}`, actorType: 'user', actorId: 'sec' });
    else if (k < 5) push(t + 20 * MIN, { category: 'injection', action: 'injection.false_positive', correlationId: `inj-${k}`, actorType: 'user', actorId: 'sec' });
  }
  // DLP: 5 events, 4 blocked.
  for (let k = 0; k < 5; k++) push(k * 11 * 60 * MIN + 9 * MIN, { agentId: 'agent-0', category: 'dlp', action: k < 4 ? 'dlp.blocked' : 'dlp.detected', personalData: ['email'] });
  // Config changes: 4, of which 3 linked to a granted approval; role changes: 2, one approved.
  for (let k = 0; k < 4; k++) {
    const t = k * 13 * 60 * MIN + 11 * MIN;
    push(t, { category: 'config_change', action: 'policy.updated', correlationId: `chg-${k}`, actorType: 'user', actorId: 'admin' });
    if (k < 3) push(t + MIN, { category: 'approval', action: 'approval.granted', correlationId: `chg-${k}`, actorType: 'user', actorId: 'cab' });
  }
  push(20 * 60 * MIN, { category: 'admin', action: 'role.changed', correlationId: 'role-1', actorType: 'user', actorId: 'admin' });
  push(20 * 60 * MIN + MIN, { category: 'approval', action: 'approval.granted', correlationId: 'role-1', actorType: 'user', actorId: 'cab' });
  push(40 * 60 * MIN, { category: 'admin', action: 'role.changed', actorType: 'user', actorId: 'admin' });
  // Escalations: 3 opened, 2 resolved within 24h, 1 after 30h.
  for (let k = 0; k < 3; k++) {
    const t = k * 60 * MIN + 13 * MIN;
    push(t, { category: 'escalation', action: 'escalation.opened', correlationId: `esc-${k}` });
    push(t + (k < 2 ? 2 * 60 * MIN : 30 * 60 * MIN), { category: 'escalation', action: 'escalation.resolved', correlationId: `esc-${k}` });
  }
  // One gateway disconnection of 2 hours.
  push(50 * 60 * MIN + 1000, { category: 'monitoring', action: 'gateway.disconnected', actorType: 'system', actorId: 'gw-1' });
  push(52 * 60 * MIN + 1000, { category: 'monitoring', action: 'gateway.connected', actorType: 'system', actorId: 'gw-1' });
  return rows;
}

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
    expect(result.row.score).toBe(score(result.content.findings));
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
