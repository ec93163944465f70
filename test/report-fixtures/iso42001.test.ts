/**
 * ISO/IEC 42001 Annex A over a hand-written trail of one working day. Every
 * expected number below was counted by hand from the fixture and the metric
 * definitions (src/reports/metrics.ts, selectors.ts), never printed by the engine.
 *
 * Period: 2026-10-05 08:00 → 16:00 UTC (28,800 s), all environments, gap threshold 60 min.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEventInput } from '../../client/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

const day = (time: string) => `2026-10-05T${time}Z`;
const web = { name: 'web.search', tags: ['web'] };
const crm = { name: 'crm.lookup', tags: ['pii'] };
const fs = { name: 'fs.write', tags: ['filesystem'] };
const mail = { name: 'email.send', tags: ['outbound'] };
const gateway = { type: 'system', id: 'gw-1' } as const;
const alice = { type: 'user', id: 'alice', email: 'alice@example.com' } as const;
const bob = { type: 'user', id: 'bob' } as const;

/** agent-a, session s-a1: five allowed web searches by p-web v2, each followed by its tool call. */
const routine: AuditEventInput[] = ['14:05', '14:10', '14:15', '14:20', '14:25'].flatMap((t, i): AuditEventInput[] => [
  { id: `r${i}-decide`, occurredAt: day(`${t}:00`), agentId: 'agent-a', sessionId: 's-a1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v2', tool: web },
  { id: `r${i}-call`, occurredAt: day(`${t}:30`), agentId: 'agent-a', sessionId: 's-a1', category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' },
]);

const events: AuditEventInput[] = [
  // Outside the period: a deny just before the start would make denial_rate 2/15 and agent-b's
  // decisions 5; an error exactly at the (exclusive) end would make error_rate 3/41 and agent-a's error rate 2/19.
  { id: 'x-before', occurredAt: '2026-10-05T07:59:59Z', agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  { id: 'x-end', occurredAt: '2026-10-05T16:00:00Z', agentId: 'agent-a', sessionId: 's-a1', category: 'error', action: 'agent.crashed', outcome: 'failure' },
  // Outside the period but after it: the review of inj-1 still counts (resolutions are not bound to the period).
  { id: 'x-review', occurredAt: '2026-10-05T17:00:00Z', actor: bob, category: 'injection', action: 'injection.confirmed', correlationId: 'inj-1' },

  // First event exactly 60 min after the start: a silence of exactly the threshold is not a gap.
  { id: 'e01', occurredAt: day('09:00:00'), actor: gateway, category: 'monitoring', action: 'gateway.connected' },

  // agent-a (18 events, 8 allowed decisions, 1 failure, 1 DLP): risk 5.56 (errors) + 20 (DLP, capped) = 26.
  { id: 'e02', occurredAt: day('09:20:00'), agentId: 'agent-a', sessionId: 's-a1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v1', tool: web },
  { id: 'e03', occurredAt: day('09:21:00'), agentId: 'agent-a', sessionId: 's-a1', category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' },
  { id: 'e04', occurredAt: day('09:40:00'), agentId: 'agent-a', sessionId: 's-a1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-crm', policyVersion: 'v1', tool: crm },
  // error #1 (outcome failure)
  { id: 'e05', occurredAt: day('09:41:00'), agentId: 'agent-a', sessionId: 's-a1', category: 'tool_call', action: 'tool.executed', tool: crm, outcome: 'failure' },
  // A second session for agent-a, and p-web at a second version (policies table: "v1, v2").
  { id: 'e06', occurredAt: day('10:00:00'), agentId: 'agent-a', sessionId: 's-a2', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v2', tool: web },
  // The only DLP event with personal data, and it was blocked: personal-data-blocked passes at 100%.
  { id: 'e07', occurredAt: day('10:01:00'), agentId: 'agent-a', sessionId: 's-a2', category: 'dlp', action: 'dlp.blocked', tool: mail, personalData: ['email'], severity: 'high' },

  // agent-b (7 events): 1 deny, 1 alert, 2 allows → deny rate 25% (+40, capped); 2 injections (+20, capped) = 60.
  { id: 'e08', occurredAt: day('10:30:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  // alert: a decision and a guardrail trigger, but not a denial
  { id: 'e09', occurredAt: day('10:31:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'alert', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  { id: 'e10', occurredAt: day('10:32:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v2', tool: web },
  // The one agent decision without an explicit policy (policy coverage 12/13).
  { id: 'e11', occurredAt: day('10:33:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', tool: web },
  // inj-1: reviewed after the period (x-review).
  { id: 'e12', occurredAt: day('10:40:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'injection', action: 'injection.detected', correlationId: 'inj-1', severity: 'high' },
  { id: 'e13', occurredAt: day('10:45:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' },

  // agent-c (4 events): one DLP detection without personal data (+20) = 20.
  { id: 'e14', occurredAt: day('11:00:00'), agentId: 'agent-c', sessionId: 's-c1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v2', tool: web },
  { id: 'e15', occurredAt: day('11:01:00'), agentId: 'agent-c', sessionId: 's-c1', category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' },
  // DLP without personal data: not in dlp_personal_data, not blocked.
  { id: 'e16', occurredAt: day('11:10:00'), agentId: 'agent-c', sessionId: 's-c1', category: 'dlp', action: 'dlp.detected', tool: mail },

  // inj-2: its label is dated BEFORE the detection, so it does not review it (injection review 1/2).
  { id: 'e17', occurredAt: day('11:20:00'), actor: bob, category: 'injection', action: 'injection.false_positive', correlationId: 'inj-2' },
  { id: 'e18', occurredAt: day('11:30:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'injection', action: 'injection.detected', correlationId: 'inj-2', severity: 'high' },

  // Approvals: apr-1 granted, apr-2 denied (both answered), apr-3 never (the grant carries another correlation id) → 2/3.
  { id: 'e19', occurredAt: day('12:00:00'), agentId: 'agent-a', sessionId: 's-a2', category: 'approval', action: 'approval.requested', correlationId: 'apr-1' },
  { id: 'e20', occurredAt: day('12:30:00'), actor: alice, category: 'approval', action: 'approval.granted', correlationId: 'apr-1' },
  { id: 'e21', occurredAt: day('12:40:00'), agentId: 'agent-c', sessionId: 's-c1', category: 'approval', action: 'approval.requested', correlationId: 'apr-2' },
  { id: 'e22', occurredAt: day('13:00:00'), actor: alice, category: 'approval', action: 'approval.denied', correlationId: 'apr-2' },
  { id: 'e23', occurredAt: day('13:10:00'), agentId: 'agent-a', sessionId: 's-a2', category: 'approval', action: 'approval.requested', correlationId: 'apr-3' },
  { id: 'e24', occurredAt: day('13:20:00'), actor: alice, category: 'approval', action: 'approval.granted', correlationId: 'apr-3b' },

  // Gateway disconnected 13:30 → reconnected 13:40 in the same (default) environment: a 600 s gap.
  // The 13:35 connection is another environment's gateway and must not end the gap.
  { id: 'e25', occurredAt: day('13:30:00'), actor: gateway, category: 'monitoring', action: 'gateway.disconnected', severity: 'high' },
  { id: 'e26', occurredAt: day('13:35:00'), environment: 'staging', actor: { type: 'system', id: 'gw-2' }, category: 'monitoring', action: 'gateway.connected' },
  { id: 'e27', occurredAt: day('13:40:00'), actor: gateway, category: 'monitoring', action: 'gateway.connected' },

  // A person's decision: counts among decisions (denial rate) but not among agent decisions (policy coverage).
  { id: 'e28', occurredAt: day('14:00:00'), actor: { type: 'user', id: 'carol' }, category: 'policy_decision', action: 'console.open', decision: 'allow' },

  ...routine,

  // Two events with neither agent nor actor (attribution 38/40 = 95%, the warn threshold exactly).
  { id: 'e29', occurredAt: day('14:30:00'), category: 'monitoring', action: 'heartbeat' },
  // error #2 (category error, no outcome); the last event, exactly 60 min before the end: no trailing gap.
  { id: 'e30', occurredAt: day('15:00:00'), category: 'error', action: 'worker.crashed', severity: 'medium' },
];

it('iso42001: every metric, finding, score and table from a hand-counted trail', async () => {
  // 3 outside the period + 30 + 10 routine = 40 in the period.
  expect(events).toHaveLength(43);
  const { content } = await reportFromFixture(app, events, { type: 'iso42001', period: { start: '2026-10-05T08:00:00Z', end: '2026-10-05T16:00:00Z' } });

  expect(metricsOf(content)).toEqual({
    events: 40,
    // 38 of 40 name an agent or actor (e29, e30 do not).
    attribution_rate: 95,
    // 1 − 600 / 28,800.
    time_coverage: 97.92,
    // e05 (failure) and e30 (category error) of 40.
    error_rate: 5,
    injections_detected: 2,
    injection_review_rate: 50,
    // agent-b: 40 + 20.
    max_agent_risk: 60,
    elevated_risk_agents: 1,
    dlp_personal_data: 1,
    dlp_personal_data_block_rate: 100,
    escalations: 0,
    escalation_sla_rate: null,
    // 12 of 13 agent decisions (8 agent-a, 4 agent-b, 1 agent-c; e11 has no policy).
    policy_coverage: 92.31,
    approval_answer_rate: 66.67,
    // 1 deny (e08) of 14 decisions (13 agents' + carol's).
    denial_rate: 7.14,
  });

  expect(findingsOf(content)).toEqual({
    // 5% ≤ 5 (warn); evidence: the 2 error events.
    'A.6.2.6 error-rate': { status: 'warn', evidenceCount: 2 },
    // 50% < 80; evidence: inj-2, never reviewed.
    'A.6.2.6 injections-reviewed': { status: 'fail', evidenceCount: 1 },
    // 95% ≥ 95 (warn); evidence: e29, e30.
    'A.6.2.8 attribution': { status: 'warn', evidenceCount: 2 },
    // 97.92% in [95, 99); evidence: the one disconnection.
    'A.6.2.8 monitoring-coverage': { status: 'warn', evidenceCount: 1 },
    // 100%; no exception, so the evidence is the population (e07).
    'A.5.4 personal-data-blocked': { status: 'pass', evidenceCount: 1 },
    // 60 in (50, 75]; evidence: guardrail triggers e07, e08, e09, e12, e16, e18.
    'A.5.4 agent-risk': { status: 'warn', evidenceCount: 6 },
    // No escalation at all: null rate, not applicable; the (empty) population.
    'A.8.4 escalations-on-time': { status: 'not_applicable', evidenceCount: 0 },
    // 92.31% in [80, 95); evidence: e11.
    'A.9.2 policy-coverage': { status: 'warn', evidenceCount: 1 },
    // 66.67% < 90; evidence: apr-3.
    'A.9.2 approvals-answered': { status: 'fail', evidenceCount: 1 },
    // 7.14% ≤ 10 passes, yet the denial exists and is the evidence shown.
    'A.9.4 denial-rate': { status: 'pass', evidenceCount: 1 },
  });

  // Weights (medium 3, high 6, critical 10) of the 9 applicable findings: 46; earned:
  // 1.5 + 0 + 1.5 + 3 + 10 + 1.5 + 3 + 0 + 3 = 23.5 → controls 51.09. Policy coverage 12/13 = 92.31; SLA: apr-1
  // (30 min) and apr-2 (20 min) within an hour, apr-3 never: 2/3; no hold; security 2 of 2.
  // (50·51.09 + 15·92.31 + 15·66.67 + 10·100 + 10·100)/100 = 69.39 → 69, D+.
  expect(scoreFactorsOf(content)).toEqual({ controls: 51.09, policy_coverage: 92.31, sla_compliance: 66.67, configuration_currency: 100, security_settings: 100 });
  expect({ score: content.score, grade: content.grade }).toEqual({ score: 69, grade: 'D+' });

  expect(rowsOf(content, 'agent_risk')).toEqual([
    { agent: 'agent-b', events: 7, sessions: 1, denyRatePercent: 25, errorRatePercent: 0, injections: 2, dlpEvents: 0, risk: 60, explanation: 'deny rate 25.0% (+40), 2 injection detections (+20)' },
    { agent: 'agent-a', events: 18, sessions: 2, denyRatePercent: 0, errorRatePercent: 5.56, injections: 0, dlpEvents: 1, risk: 26, explanation: 'error rate 5.6% (+6), 1 DLP events (+20)' },
    { agent: 'agent-c', events: 4, sessions: 1, denyRatePercent: 0, errorRatePercent: 0, injections: 0, dlpEvents: 1, risk: 20, explanation: '1 DLP events (+20)' },
  ]);
  expect(rowsOf(content, 'risk_distribution')).toEqual([
    { band: 'low (0–24)', agents: 1 },
    { band: 'medium (25–49)', agents: 1 },
    { band: 'high (50–74)', agents: 1 },
    { band: 'critical (75–100)', agents: 0 },
  ]);
  expect(rowsOf(content, 'decisions_by_day')).toEqual([{ day: '2026-10-05', allow: 12, deny: 1, alert: 1, hold: 0, events: 40 }]);
  expect(rowsOf(content, 'policies')).toEqual([
    // e02 (v1), e06, e10, e14 and the 5 routine decisions (v2).
    { policy: 'p-web', versions: 'v1, v2', decisions: 9, allow: 9, deny: 0, alert: 0, hold: 0 },
    // e11 (agent-b) and e28 (carol).
    { policy: '(no explicit policy)', versions: null, decisions: 2, allow: 2, deny: 0, alert: 0, hold: 0 },
    { policy: 'p-fs', versions: 'v1', decisions: 2, allow: 0, deny: 1, alert: 1, hold: 0 },
    { policy: 'p-crm', versions: 'v1', decisions: 1, allow: 1, deny: 0, alert: 0, hold: 0 },
  ]);
  expect(content.integrity.gaps).toEqual([{ start: day('13:30:00').replace('Z', '.000Z'), end: day('13:40:00').replace('Z', '.000Z'), seconds: 600, reason: 'gateway_disconnected' }]);
});
