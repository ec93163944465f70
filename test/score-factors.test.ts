/**
 * The score's factors beyond the controls, through the real server: an
 * organisation's SLA targets (admin mutation, validated, audited) move the
 * SLA factor of the reports generated afterwards; an unprotected share link
 * fails a security setting; and every format shows the breakdown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { AuditEventInput } from '../client/graphql.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ingestFixture, reportOf, scoreFactorsOf } from './support/report-fixture.ts';
import { readZip } from '../src/render/zip-reader.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

const SetTargets = graphql(`
  mutation SetSlaTargets($input: SlaTargetsInput!) { updateSlaTargets(input: $input) { approvalMinutes holdMinutes } }
`);
const Targets = graphql(`query SlaTargetsOfOrg { viewer { organization { slaTargets { approvalMinutes holdMinutes } } } }`);
const TargetChanges = graphql(`
  query SlaTargetChanges { auditEvents(filter: { actions: ["organization.sla_targets_changed"] }, first: 5) { edges { node { actor { type id } attributes } } } }
`);
const Breakdown = graphql(`
  query ScoreBreakdownOf($id: ID!) { report(id: $id) { score scoreBreakdown { id value weight effectiveWeight points detail } } }
`);
const Share = graphql(`
  mutation ShareForScore($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 24 }) { url } }
`);

const PERIOD = { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' };
const ops = { type: 'user', id: 'ops' };
// Two approval requests answered after 20 and 50 minutes, one held action decided after 3 hours; all decided by policy p-1.
const events: AuditEventInput[] = [
  { id: 'd1', occurredAt: '2026-10-01T08:00:00Z', agentId: 'a', sessionId: 's', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-1', tool: { name: 'crm.read' } },
  { id: 'r1', occurredAt: '2026-10-01T09:00:00Z', agentId: 'a', sessionId: 's', category: 'approval', action: 'approval.requested', correlationId: 'r1' },
  { id: 'r1-ok', occurredAt: '2026-10-01T09:20:00Z', actor: ops, category: 'approval', action: 'approval.granted', correlationId: 'r1' },
  { id: 'r2', occurredAt: '2026-10-01T10:00:00Z', agentId: 'a', sessionId: 's', category: 'approval', action: 'approval.requested', correlationId: 'r2' },
  { id: 'r2-ok', occurredAt: '2026-10-01T10:50:00Z', actor: ops, category: 'approval', action: 'approval.denied', correlationId: 'r2' },
  { id: 'h1', occurredAt: '2026-10-01T11:00:00Z', agentId: 'a', sessionId: 's', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', policyId: 'p-1', tool: { name: 'pay.send' }, correlationId: 'h1' },
  { id: 'h1-ok', occurredAt: '2026-10-01T14:00:00Z', actor: ops, category: 'approval', action: 'approval.granted', correlationId: 'h1' },
];

describe('score factors', () => {
  it('SLA targets: validated, audited, and measured against by the next report', async () => {
    const org = await app.newOrg('sla targets');
    await ingestFixture(app, org.adminKey, events);

    // Defaults, 60 and 240 minutes: every request is within its target.
    expect((await app.gql(org.adminKey, Targets)).data!.viewer.organization.slaTargets).toEqual({ approvalMinutes: 60, holdMinutes: 240 });
    const before = await reportOf(app, org, { type: 'soc2', period: PERIOD });
    expect(scoreFactorsOf(before.content).sla_compliance).toBe(100);

    // Bad values are refused, naming the field and the range; nothing changes.
    for (const input of [{ approvalMinutes: 0 }, { holdMinutes: 10_081 }]) {
      const bad = await app.gql(org.adminKey, SetTargets, { input });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.message).toMatch(/(approvalMinutes|holdMinutes) must be a whole number of minutes from 1 to 10080/);
    }
    // Not for an auditor.
    const denied = await app.gql(await org.key('auditor'), SetTargets, { input: { approvalMinutes: 30 } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const set = await app.gql(org.adminKey, SetTargets, { input: { approvalMinutes: 30, holdMinutes: 120 } });
    expect(set.errors).toBeUndefined();
    expect(set.data!.updateSlaTargets).toEqual({ approvalMinutes: 30, holdMinutes: 120 });
    expect((await app.gql(org.adminKey, Targets)).data!.viewer.organization.slaTargets).toEqual({ approvalMinutes: 30, holdMinutes: 120 });
    // Only the changed field moves; the change is in the service's own trail, with before and after.
    await app.gql(org.adminKey, SetTargets, { input: { holdMinutes: 180 } });
    const changes = (await app.gql(org.adminKey, TargetChanges)).data!.auditEvents.edges.map((e) => e.node);
    expect(changes.map((c) => c.attributes)).toEqual(expect.arrayContaining([
      { approvalMinutes: { from: 60, to: 30 }, holdMinutes: { from: 240, to: 120 } },
      { approvalMinutes: { from: 30, to: 30 }, holdMinutes: { from: 120, to: 180 } },
    ]));
    expect(changes.map((c) => c.actor?.type)).toEqual(['SERVICE', 'SERVICE']);

    // Against 30 and 180 minutes: r1 (20 min) within, r2 (50 min) not, h1 (decided after exactly 180 min) within:
    // (1 + 1)/3 = 66.67. Every factor counts, so the SLA factor weighs its nominal 15: 10 points.
    const after = await reportOf(app, org, { type: 'soc2', period: PERIOD });
    const factors = scoreFactorsOf(after.content);
    expect(factors.sla_compliance).toBe(66.67);
    const r = await app.gql(org.adminKey, Breakdown, { id: after.reportId });
    const sla = r.data!.report!.scoreBreakdown.find((f) => f.id === 'sla_compliance')!;
    expect(sla).toEqual({
      id: 'sla_compliance', value: 66.67, weight: 15, effectiveWeight: 15, points: 10,
      detail: '1 of 2 approval requests answered within 30 minutes, 1 of 1 held actions within 180 minutes.',
    });
    // The points add up to the score before rounding.
    const points = r.data!.report!.scoreBreakdown.reduce((s, f) => s + f.points, 0);
    expect(Math.abs(points - r.data!.report!.score!)).toBeLessThanOrEqual(0.5 + 0.05);
  });

  it('security settings: an active share link without a password fails one; every format shows the factors', async () => {
    const org = await app.newOrg('security settings');
    await ingestFixture(app, org.adminKey, events);
    const first = await reportOf(app, org, { type: 'soc2', period: PERIOD });
    // Keys fresh and in use, no share link nor webhook: 2 of 2 settings.
    expect(scoreFactorsOf(first.content).security_settings).toBe(100);

    expect((await app.gql(org.adminKey, Share, { id: first.reportId })).errors).toBeUndefined();
    const second = await reportOf(app, org, { type: 'soc2', period: PERIOD });
    const security = second.content.scoreBreakdown.factors.find((f) => f.id === 'security_settings')!;
    expect(security.value).toBe(66.67);
    expect(security.detail).toContain('Active share links need a password: no');

    // Markdown, CSV and OSCAL of the report carry the breakdown (the PDF is the HTML renderer's, tested in render-formats).
    const download = async (format: string) => {
      const res = await app.fetch(`/reports/${encodeURIComponent(second.reportId)}/download?format=${format}`, { key: org.adminKey });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const md = (await download('md')).toString('utf8');
    expect(md).toContain('## How the score is made up');
    expect(md).toContain('| Security settings (API keys, share links, webhooks) | 66.67 / 100 |');
    const zip = await readZip(await download('csv'));
    const score = zip.find((e) => e.name === 'score.csv')!.data!.toString('utf8');
    expect(score.split('\r\n')[0]).toBe('\uFEFFfactor,label,value,weight,effectiveWeight,points,detail');
    expect(score).toContain('security_settings,"Security settings (API keys, share links, webhooks)",66.67,10,');
    const oscal = JSON.parse((await download('oscal')).toString('utf8'));
    const props = oscal['assessment-results'].results[0].props as Array<{ name: string; value: string }>;
    expect(props.find((p) => p.name === 'score-security-settings')?.value).toBe('66.67');
  });
});
