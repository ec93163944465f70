/**
 * EU AI Act report over a hand-written fixture: every metric, every finding,
 * the score and the retention, timeline and agent risk tables are written by
 * hand from the events below and the definitions (eu-ai-act.ts, checks.ts,
 * metrics.ts, selectors.ts, scalars.ts, integrity.ts).
 *
 * Period: 2026-11-04 09:00Z to 13:00Z (14,400 s, end excluded). In scope: 24
 * events, the last at 11:50, after which the trail falls silent for 70 minutes.
 * Outside it: the oldest kept events (retention reads the whole trail before
 * the period end), answers arriving after the end, and noise just outside.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEventInput } from '../../client/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

const WEB = { name: 'search.web', tags: ['web'] };
const PAY = { name: 'pay.send', tags: ['finance'] };
const op1 = { type: 'user', id: 'op-1' };
const op2 = { type: 'user', id: 'op-2' };

const events: AuditEventInput[] = [
  // --- Outside the period ---------------------------------------------------------------------------
  // The oldest kept event: 183 days and 1 hour before the period end (floor → 183, exactly six months: pass),
  // but only 182 days 21 hours before its start (182 would warn).
  { id: 'o-oldest', occurredAt: '2026-05-05T12:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-x', sessionId: 's0', policyId: 'p-1', tool: WEB },
  // The oldest event with personal data: 95 days 13 hours before the end.
  { id: 'o-personal', occurredAt: '2026-08-01T00:00:00Z', category: 'tool_call', action: 'tool.completed', agentId: 'agent-x', sessionId: 's0', tool: WEB, dataSubjects: ['cust-1'] },
  // An injection detected half an hour before the start, never reviewed: the period has none (not applicable).
  { id: 'o-inj', occurredAt: '2026-11-04T08:30:00Z', category: 'injection', action: 'injection.detected', agentId: 'agent-x', sessionId: 's1', correlationId: 'inj-0' },
  // Answers after the end still resolve requests of the period.
  { id: 'o-ap-2-denied', occurredAt: '2026-11-04T14:00:00Z', category: 'approval', action: 'approval.denied', actor: op1, correlationId: 'ap-2' }, // approvals have no deadline
  { id: 'o-h-1-granted', occurredAt: '2026-11-04T13:20:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'h-1' }, // exactly 4 h after h-1: in time
  { id: 'o-h-2-denied', occurredAt: '2026-11-04T13:50:01Z', category: 'approval', action: 'approval.denied', actor: op1, correlationId: 'h-2' }, // 4 h + 1 s after h-2: slow
  { id: 'o-esc-1-resolved', occurredAt: '2026-11-05T10:19:00Z', category: 'escalation', action: 'escalation.resolved', actor: op2, correlationId: 'esc-1' }, // 23 h 59 min
  // A critical failure of agent-y exactly at the (excluded) end: would add a high-severity event and raise agent-y's risk.
  { id: 'o-end', occurredAt: '2026-11-04T13:00:00Z', category: 'error', action: 'agent.crashed', agentId: 'agent-y', sessionId: 's2', severity: 'critical' },

  // The gateway disconnects 20 minutes before the start and reconnects 4 minutes into the period (gw-up-0): monitoring
  // was down 09:00–09:04 although no in-period disconnection and no silence longer than 60 minutes shows it.
  { id: 'o-gw-down', occurredAt: '2026-11-04T08:40:00Z', category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw' } },

  // --- In the period (24 events) ---------------------------------------------------------------------
  { id: 'gw-up-0', occurredAt: '2026-11-04T09:04:00Z', category: 'monitoring', action: 'gateway.connected', actor: { type: 'system', id: 'gw' } },
  { id: 'e1', occurredAt: '2026-11-04T09:05:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-x', sessionId: 's1', policyId: 'p-1', tool: WEB },
  // Approval requests (4): ap-1 granted after 30 min, ap-2 denied after the end, ap-3 only expires (unanswered), ap-4 granted.
  { id: 'ap-1', occurredAt: '2026-11-04T09:10:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-x', sessionId: 's1', correlationId: 'ap-1' },
  // Holds (5): h-1 answered exactly at 4 h, h-2 1 s too late (both after the end), h-3, h-4, h-5 within minutes.
  { id: 'h-1', occurredAt: '2026-11-04T09:20:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-x', sessionId: 's1', policyId: 'p-pay', tool: PAY, correlationId: 'h-1' },
  { id: 'ap-2', occurredAt: '2026-11-04T09:30:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-y', sessionId: 's2', correlationId: 'ap-2' },
  { id: 'ap-1-ok', occurredAt: '2026-11-04T09:40:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'ap-1' },
  { id: 'h-2', occurredAt: '2026-11-04T09:50:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-y', sessionId: 's2', policyId: 'p-pay', tool: PAY, correlationId: 'h-2', severity: 'high' },
  // The gateway is disconnected for 3 minutes (180 s).
  { id: 'gw-down', occurredAt: '2026-11-04T10:00:00Z', category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw' } },
  { id: 'gw-up', occurredAt: '2026-11-04T10:03:00Z', category: 'monitoring', action: 'gateway.connected', actor: { type: 'system', id: 'gw' } },
  // A failed tool call of agent-y (error rate for its risk).
  { id: 't1', occurredAt: '2026-11-04T10:10:00Z', category: 'tool_call', action: 'tool.completed', agentId: 'agent-y', sessionId: 's2', tool: WEB, outcome: 'failure' },
  // Escalation resolved after 23 h 59 min (above).
  { id: 'esc-1', occurredAt: '2026-11-04T10:20:00Z', category: 'escalation', action: 'escalation.opened', actor: { type: 'system', id: 'monitor' }, correlationId: 'esc-1', severity: 'critical' },
  { id: 'ap-3', occurredAt: '2026-11-04T10:30:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-x', sessionId: 's1', correlationId: 'ap-3' },
  { id: 'h-3', occurredAt: '2026-11-04T10:40:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-x', sessionId: 's1', policyId: 'p-pay', tool: PAY, correlationId: 'h-3' },
  { id: 'h-3-ok', occurredAt: '2026-11-04T10:50:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'h-3' },
  { id: 'ap-4', occurredAt: '2026-11-04T11:00:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-y', sessionId: 's2', correlationId: 'ap-4' },
  // agent-y's denial (medium severity: not a high-severity event).
  { id: 'd-deny', occurredAt: '2026-11-04T11:05:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-y', sessionId: 's2', policyId: 'p-pay', tool: PAY, severity: 'medium' },
  { id: 'h-4', occurredAt: '2026-11-04T11:10:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-y', sessionId: 's2', policyId: 'p-pay', tool: PAY, correlationId: 'h-4' },
  { id: 'h-4-ok', occurredAt: '2026-11-04T11:15:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'h-4' },
  { id: 'ap-4-ok', occurredAt: '2026-11-04T11:20:00Z', category: 'approval', action: 'approval.granted', actor: op2, correlationId: 'ap-4' },
  // ap-3 expires: not an answer. The expiry names neither agent nor actor: the one unattributed event.
  { id: 'ap-3-exp', occurredAt: '2026-11-04T11:30:00Z', category: 'approval', action: 'approval.expired', correlationId: 'ap-3' },
  // agent-x crashes once (an error event, not an agent action).
  { id: 'err', occurredAt: '2026-11-04T11:40:00Z', category: 'error', action: 'agent.crashed', agentId: 'agent-x', sessionId: 's1', severity: 'high' },
  { id: 'h-5', occurredAt: '2026-11-04T11:45:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-x', sessionId: 's1', policyId: 'p-pay', tool: PAY, correlationId: 'h-5' },
  { id: 'h-5-ok', occurredAt: '2026-11-04T11:48:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'h-5' },
  // The last event of the period: 70 minutes of silence follow until 13:00 (more than the 60-minute gap threshold).
  { id: 'e-last', occurredAt: '2026-11-04T11:50:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-x', sessionId: 's1', policyId: 'p-1', tool: WEB },
];

const PERIOD = { start: '2026-11-04T09:00:00Z', end: '2026-11-04T13:00:00Z' };

it('eu_ai_act: every metric, finding, the score, retention, timeline and agent risk, by hand', async () => {
  const { content } = await reportFromFixture(app, events, { type: 'eu_ai_act', period: PERIOD });

  expect(metricsOf(content)).toEqual({
    // Art. 12
    events: 24,
    // 100·(1 − (240 + 180 + 4,200)/14,400): down from the start until gw-up-0, the in-period disconnection, the trailing silence
    time_coverage: 67.92,
    gateway_disconnects: 1, // in the period (o-gw-down is before it)
    attribution_rate: 95.83, // 100 − 100·1/24 (ap-3-exp)
    session_attribution_rate: 100, // 9 agent actions (e1, h-1, h-2, t1, h-3, d-deny, h-4, h-5, e-last), all with a session
    high_severity_events: 3, // h-2 high, esc-1 critical, err high (d-deny is medium; o-end is outside)
    // Art. 19
    log_history_days: 183,
    // Art. 26
    approval_requests: 4,
    approval_answer_rate: 75, // ap-3 only expired
    holds: 5,
    holds_within_sla: 80, // 100 − 100·1/5: h-2
    injections_detected: 0, // o-inj is before the start
    injection_review_rate: null,
    escalations: 1,
    escalation_sla_rate: 100,
    max_agent_risk: 57, // agent-y (see below)
  });

  expect(findingsOf(content)).toEqual({
    'Art. 12.1 monitoring-coverage': { status: 'fail', evidenceCount: 1 }, // 67.92 < 95; the in-period disconnection
    'Art. 12.2.a session-attribution': { status: 'pass', evidenceCount: 9 }, // no exceptions: the agent actions
    'Art. 12.2.c attribution': { status: 'warn', evidenceCount: 1 }, // 95.83 in [95, 99); ap-3-exp
    'Art. 19.1 log-retention': { status: 'pass', evidenceCount: 24 }, // 183 ≥ 183; no exceptions selector: all events
    'Art. 26.2 approvals-answered': { status: 'fail', evidenceCount: 1 }, // 75 < 90; ap-3
    'Art. 26.2 holds-resolved': { status: 'warn', evidenceCount: 1 }, // exactly 80: warn; h-2
    'Art. 26.5 injections-reviewed': { status: 'not_applicable', evidenceCount: 0 },
    'Art. 26.5 escalations-on-time': { status: 'pass', evidenceCount: 1 }, // population: esc-1
    'Art. 26.6 log-retention-deployer': { status: 'pass', evidenceCount: 24 },
  });

  // Applicable: 6 high (36) and 2 medium (6) = 42. Earned: retention 6 + 6, escalations 6, holds warn 3,
  // session 3, attribution warn 1.5 = 25.5. Controls 100·25.5/42 = 60.71.
  // SLA: approvals within an hour ap-1 (30 min), ap-4 (20 min), not ap-2 (answered after the end) nor ap-3 (expired);
  // holds within 4 hours all but h-2: (2 + 4)/(4 + 5) = 66.67. Configuration currency: p-1 last decided with the
  // version first seen on 2026-05-05 (o-oldest), 183 days before the end: stale; p-pay current: 1/2 = 50.
  // (50·60.71 + 15·100 + 15·66.67 + 10·50 + 10·100)/100 = 70.36 → 70, C-.
  expect(scoreFactorsOf(content)).toEqual({ controls: 60.71, policy_coverage: 100, sla_compliance: 66.67, configuration_currency: 50, security_settings: 100 });
  expect({ score: content.score, grade: content.grade }).toEqual({ score: 70, grade: 'C-' });

  // The gaps behind time_coverage (Art. 12.1).
  expect({ gaps: content.integrity.gaps, gapCount: content.integrity.gapCount, gapSeconds: content.integrity.gapSeconds }).toEqual({
    gaps: [
      { start: '2026-11-04T09:00:00.000Z', end: '2026-11-04T09:04:00.000Z', seconds: 240, reason: 'gateway_disconnected' }, // o-gw-down → gw-up-0, from the start
      { start: '2026-11-04T10:00:00.000Z', end: '2026-11-04T10:03:00.000Z', seconds: 180, reason: 'gateway_disconnected' },
      { start: '2026-11-04T11:50:00.000Z', end: '2026-11-04T13:00:00.000Z', seconds: 4_200, reason: 'silence' },
    ],
    gapCount: 3,
    gapSeconds: 4_620,
  });

  expect(rowsOf(content, 'retention')).toEqual([
    { kind: 'audit events', oldestKeptDays: 183 },
    { kind: 'events with personal data', oldestKeptDays: 95 }, // o-personal
  ]);
  // One UTC day: allow e1, e-last; deny d-deny; holds h-1…h-5; 24 events.
  expect(rowsOf(content, 'decisions_by_day')).toEqual([{ day: '2026-11-04', allow: 2, deny: 1, alert: 0, hold: 5, events: 24 }]);
  // agent-y: 6 events (ap-2, h-2, t1, ap-4, d-deny, h-4), 1 of 3 decisions denied = 33.33% → 66.67, capped 40;
  //          1 failure in 6 = 16.67% → 16.67. 56.67 → 57.
  // agent-x: 8 events (e1, ap-1, h-1, ap-3, h-3, err, h-5, e-last), no denial; 1 error in 8 = 12.5% → 12.5 → 13 (half rounds up).
  expect(rowsOf(content, 'agent_risk')).toEqual([
    { agent: 'agent-y', events: 6, sessions: 1, denyRatePercent: 33.33, errorRatePercent: 16.67, injections: 0, dlpEvents: 0, risk: 57, explanation: 'deny rate 33.3% (+40), error rate 16.7% (+17)' },
    { agent: 'agent-x', events: 8, sessions: 1, denyRatePercent: 0, errorRatePercent: 12.5, injections: 0, dlpEvents: 0, risk: 13, explanation: 'error rate 12.5% (+13)' },
  ]);
});
