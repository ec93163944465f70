/**
 * NIST AI RMF 1.0 over a hand-written trail, scoped to the `production`
 * environment. Every expected number below was counted by hand from the
 * fixture and the metric definitions (src/reports/metrics.ts, selectors.ts),
 * never printed by the engine.
 *
 * Period: 2026-10-12 09:00 → 13:00 UTC (14,400 s), environment production, gap threshold 60 min.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEventInput } from '../../client/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

const at = (time: string) => `2026-10-12T${time}Z`;
const prod = 'production';
const gwP = { type: 'system', id: 'gw-p' } as const;
const soc = { type: 'system', id: 'soc' } as const;
const alice = { type: 'user', id: 'alice' } as const;
const bob = { type: 'user', id: 'bob' } as const;
const web = { name: 'web.search', tags: ['web'] };
const pay = { name: 'payments.refund', tags: ['finance'] };
const fs = { name: 'fs.write', tags: ['filesystem'] };
const mail = { name: 'email.send', tags: ['outbound'] };

/** agent-p's decisions and tool calls: all by explicit policy p-web v3. */
const allow = (id: string, time: string, sessionId: string): AuditEventInput => ({ id, occurredAt: at(time), environment: prod, agentId: 'agent-p', sessionId, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v3', tool: web });
const call = (id: string, time: string, sessionId: string | null): AuditEventInput => ({ id, occurredAt: at(time), environment: prod, agentId: 'agent-p', sessionId, category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' });
const escalation = (id: string, time: string, action: 'escalation.opened' | 'escalation.resolved', occurredAt = at(time)): AuditEventInput => ({ id: `${id}-${action}`, occurredAt, environment: prod, actor: action === 'escalation.opened' ? soc : alice, category: 'escalation', action, correlationId: id });
const blocked = (id: string, time: string): AuditEventInput => ({ id, occurredAt: at(time), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'dlp', action: 'dlp.blocked', tool: mail, severity: 'high' });

const events: AuditEventInput[] = [
  // Outside the period, production: an unattributed failure just before the start (would make
  // error_rate 1/37, attribution 36/37) and a personal-data DLP detection at the exclusive end
  // (would make personal-data-blocked applicable, at 0%, and DLP 4/6).
  { id: 'x-before', occurredAt: '2026-10-12T08:59:59Z', environment: prod, category: 'error', action: 'worker.crashed', outcome: 'failure' },
  { id: 'x-end', occurredAt: at('13:00:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'dlp', action: 'dlp.detected', tool: mail, personalData: ['email'] },

  // The first event at the (inclusive) start.
  { id: 'n01', occurredAt: at('09:00:00'), environment: prod, actor: gwP, category: 'monitoring', action: 'gateway.connected' },

  // Five escalations, one late → 80% (warn). esc-1 is resolved exactly 24 h later (on time,
  // the bound is inclusive), esc-2 24 h and 1 s later (late); both resolutions fall after the period.
  escalation('esc-1', '09:05:00', 'escalation.opened'),
  escalation('esc-2', '09:06:00', 'escalation.opened'),
  escalation('esc-3', '09:07:00', 'escalation.opened'),
  escalation('esc-4', '09:08:00', 'escalation.opened'),
  escalation('esc-5', '09:09:00', 'escalation.opened'),
  escalation('esc-1', '', 'escalation.resolved', '2026-10-13T09:05:00Z'),
  escalation('esc-2', '', 'escalation.resolved', '2026-10-13T09:06:01Z'),

  // Three holds (4 h SLA from the hold): h-1 granted exactly 4 h later (within), h-2 denied 4 h
  // and 1 s after the hold (slow, though within 4 h of its approval request), h-3 in 15 min.
  { id: 'n07', occurredAt: at('09:10:00'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', policyId: 'p-pay', policyVersion: 'v1', tool: pay, correlationId: 'h-1' },
  { id: 'n08', occurredAt: at('09:10:30'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'approval', action: 'approval.requested', correlationId: 'h-1' },
  { id: 'n09', occurredAt: at('09:20:00'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', policyId: 'p-pay', policyVersion: 'v1', tool: pay, correlationId: 'h-2' },
  { id: 'n10', occurredAt: at('09:20:30'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'approval', action: 'approval.requested', correlationId: 'h-2' },
  { id: 'n11', occurredAt: at('09:30:00'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', policyId: 'p-pay', policyVersion: 'v1', tool: pay, correlationId: 'h-3' },
  // The answers of h-1 and h-2 come after the period: both approval requests are answered (100%).
  { id: 'h-1-granted', occurredAt: at('13:10:00'), environment: prod, actor: alice, category: 'approval', action: 'approval.granted', correlationId: 'h-1' },
  { id: 'h-2-denied', occurredAt: at('13:20:01'), environment: prod, actor: alice, category: 'approval', action: 'approval.denied', correlationId: 'h-2' },
  escalation('esc-3', '09:37:00', 'escalation.resolved'),

  // agent-q (5 events): 2 denies of 3 decisions (+40, capped), 1 injection (+20), 1 DLP (+20) = 80, critical.
  { id: 'n13', occurredAt: at('09:40:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  { id: 'n14', occurredAt: at('09:41:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  { id: 'n15', occurredAt: at('09:42:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v3', tool: web },
  { id: 'n16', occurredAt: at('09:43:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'injection', action: 'injection.detected', correlationId: 'inj-1', severity: 'high' },
  // The one DLP event not blocked; no session id, but DLP events are not agent actions (session attribution).
  { id: 'n17', occurredAt: at('09:44:00'), environment: prod, agentId: 'agent-q', category: 'dlp', action: 'dlp.detected', tool: mail },
  { id: 'n18', occurredAt: at('09:45:00'), environment: prod, actor: alice, category: 'approval', action: 'approval.granted', correlationId: 'h-3' },
  escalation('esc-5', '09:50:00', 'escalation.resolved'),
  { id: 'n20', occurredAt: at('10:00:00'), environment: prod, actor: bob, category: 'injection', action: 'injection.confirmed', correlationId: 'inj-1' },

  // agent-p (17 events, no deny, no failure, 4 DLP events: +20).
  allow('n21', '10:05:00', 's-p1'),
  call('n22', '10:06:00', 's-p1'),
  escalation('esc-4', '10:08:00', 'escalation.resolved'),
  // Four blocked DLP events: with n17, 4 of 5 blocked = 80% (warn, at the threshold).
  blocked('n24', '10:10:00'),
  blocked('n25', '10:15:00'),
  blocked('n26', '10:20:00'),
  blocked('n27', '10:25:00'),
  allow('n28', '10:30:00', 's-p1'),
  // The one agent action without a session id (13 of 14 with one).
  call('n29', '10:31:00', null),

  // Disconnected 10:40, reconnected 12:00, with no production event in between: the silence and
  // the disconnection are the same 4,800 s and count once (coverage 1 − 4,800 / 14,400).
  { id: 'n30', occurredAt: at('10:40:00'), environment: prod, actor: gwP, category: 'monitoring', action: 'gateway.disconnected', severity: 'high' },

  // Staging, inside the silence: out of scope. Counted, they would end the silence, add agent-s,
  // an uncovered deny, a personal-data DLP detection, an unattributed failure, an unreviewed injection, a disconnection.
  { id: 's1', occurredAt: at('11:00:00'), environment: 'staging', actor: { type: 'system', id: 'gw-s' }, category: 'monitoring', action: 'gateway.connected' },
  { id: 's2', occurredAt: at('11:10:00'), environment: 'staging', agentId: 'agent-s', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', tool: fs },
  { id: 's3', occurredAt: at('11:20:00'), environment: 'staging', agentId: 'agent-s', category: 'dlp', action: 'dlp.detected', tool: mail, personalData: ['ssn'], dataSubjects: ['patient-7'] },
  { id: 's4', occurredAt: at('11:30:00'), environment: 'staging', category: 'error', action: 'worker.crashed', outcome: 'failure' },
  { id: 's5', occurredAt: at('11:40:00'), environment: 'staging', agentId: 'agent-s', category: 'injection', action: 'injection.detected', correlationId: 'inj-s' },
  { id: 's6', occurredAt: at('11:50:00'), environment: 'staging', actor: { type: 'system', id: 'gw-s' }, category: 'monitoring', action: 'gateway.disconnected' },

  { id: 'n31', occurredAt: at('12:00:00'), environment: prod, actor: gwP, category: 'monitoring', action: 'gateway.connected' },
  // agent-p's second session.
  allow('n32', '12:10:00', 's-p2'),
  call('n33', '12:11:00', 's-p2'),
  allow('n34', '12:30:00', 's-p2'),
  call('n35', '12:31:00', 's-p2'),
  // The last event, 1 s before the end: no trailing gap.
  { id: 'n36', occurredAt: at('12:59:59'), environment: prod, actor: gwP, category: 'monitoring', action: 'heartbeat' },
];

it('nist_ai_rmf: every metric, finding, score and table from a hand-counted trail', async () => {
  // 36 in scope; 2 production outside the period, 4 resolutions after it, 6 staging.
  expect(events).toHaveLength(48);
  const { content } = await reportFromFixture(app, events, { type: 'nist_ai_rmf', environment: prod, period: { start: '2026-10-12T09:00:00Z', end: '2026-10-12T13:00:00Z' } });

  expect(metricsOf(content)).toEqual({
    unique_agents: 2,
    // 10 agent decisions (3 holds, 3 of agent-q, 4 allows of agent-p), all with a policy.
    policy_coverage: 100,
    time_coverage: 66.67,
    attribution_rate: 100,
    approval_requests: 2,
    approval_answer_rate: 100,
    max_agent_risk: 80,
    elevated_risk_agents: 1,
    error_rate: 0,
    injections_detected: 1,
    injection_review_rate: 100,
    dlp_events: 5,
    dlp_block_rate: 80,
    // 1 − 1/14.
    session_attribution_rate: 92.86,
    // No personal-data DLP event in scope.
    dlp_personal_data_block_rate: null,
    holds: 3,
    holds_within_sla: 66.67,
    gateway_disconnects: 1,
    escalations: 5,
    escalation_sla_rate: 80,
  });

  expect(findingsOf(content)).toEqual({
    // No exception: the evidence is the population (the 10 covered decisions).
    'GOVERN 1.4 policy-coverage': { status: 'pass', evidenceCount: 10 },
    'GOVERN 1.5 monitoring-coverage': { status: 'fail', evidenceCount: 1 },
    // No exception: all 36 events.
    'GOVERN 1.6 inventory-attribution': { status: 'pass', evidenceCount: 36 },
    'MAP 3.5 approvals-answered': { status: 'pass', evidenceCount: 2 },
    // 80 > 75; guardrail triggers: 2 denies + 3 holds + 5 DLP + 1 injection.
    'MAP 5.1 agent-risk': { status: 'fail', evidenceCount: 11 },
    'MEASURE 2.4 error-rate': { status: 'pass', evidenceCount: 36 },
    'MEASURE 2.7 injections-reviewed': { status: 'pass', evidenceCount: 1 },
    'MEASURE 2.7 dlp-blocked': { status: 'warn', evidenceCount: 1 },
    'MEASURE 2.8 session-attribution': { status: 'fail', evidenceCount: 1 },
    'MEASURE 2.10 personal-data-blocked': { status: 'not_applicable', evidenceCount: 0 },
    'MANAGE 2.4 holds-resolved': { status: 'fail', evidenceCount: 1 },
    'MANAGE 4.1 post-deployment-monitoring': { status: 'fail', evidenceCount: 1 },
    'MANAGE 4.3 escalations-on-time': { status: 'warn', evidenceCount: 1 },
  });

  // Applicable weight: 8 high (48) + 4 medium (12) = 60; earned: policy 6, attribution 3,
  // approvals 6, errors 3, injections 6, DLP 3 (warn), escalations 3 (warn) = 30 → controls 50.
  // SLA: the approval requests h-1 and h-2 were answered 4 h later, late; of the holds, n07 exactly at 4 h and
  // n11 within, n09 1 s late: (0 + 2)/(2 + 3) = 40. (50·50 + 15·100 + 15·40 + 10·100 + 10·100)/100 = 66 → D.
  expect(scoreFactorsOf(content)).toEqual({ controls: 50, policy_coverage: 100, sla_compliance: 40, configuration_currency: 100, security_settings: 100 });
  expect({ score: content.score, grade: content.grade }).toEqual({ score: 66, grade: 'D' });
  expect({ gapCount: content.integrity.gapCount, gapSeconds: content.integrity.gapSeconds }).toEqual({ gapCount: 1, gapSeconds: 4800 });

  expect(rowsOf(content, 'agent_risk')).toEqual([
    { agent: 'agent-q', events: 5, sessions: 1, denyRatePercent: 66.67, errorRatePercent: 0, injections: 1, dlpEvents: 1, risk: 80, explanation: 'deny rate 66.7% (+40), 1 injection detections (+20), 1 DLP events (+20)' },
    { agent: 'agent-p', events: 17, sessions: 2, denyRatePercent: 0, errorRatePercent: 0, injections: 0, dlpEvents: 4, risk: 20, explanation: '4 DLP events (+20)' },
  ]);
  expect(rowsOf(content, 'risk_distribution')).toEqual([
    { band: 'low (0–24)', agents: 1 },
    { band: 'medium (25–49)', agents: 0 },
    { band: 'high (50–74)', agents: 0 },
    { band: 'critical (75–100)', agents: 1 },
  ]);
  expect(rowsOf(content, 'agents_inventory')).toEqual([
    { agent: 'agent-p', status: 'active', riskScore: 20, enforcement: 'enforcing (deny/hold)', environments: 'production', events: 17, sessions: 2, firstSeen: '2026-10-12T09:10:00.000Z', lastSeen: '2026-10-12T12:31:00.000Z' },
    { agent: 'agent-q', status: 'active', riskScore: 80, enforcement: 'enforcing (deny/hold)', environments: 'production', events: 5, sessions: 1, firstSeen: '2026-10-12T09:40:00.000Z', lastSeen: '2026-10-12T09:44:00.000Z' },
  ]);
  expect(rowsOf(content, 'policies')).toEqual([
    { policy: 'p-web', versions: 'v3', decisions: 5, allow: 5, deny: 0, alert: 0, hold: 0 },
    { policy: 'p-pay', versions: 'v1', decisions: 3, allow: 0, deny: 0, alert: 0, hold: 3 },
    { policy: 'p-fs', versions: 'v1', decisions: 2, allow: 0, deny: 2, alert: 0, hold: 0 },
  ]);
});
