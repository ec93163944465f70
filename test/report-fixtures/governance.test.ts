/**
 * The AI governance report against a hand-written fixture: every metric,
 * finding, table row and the score below were counted by hand from the
 * events, not taken from the engine. The report is scoped to agents
 * agent-a and agent-b over 2026-11-02 and 2026-11-03 (UTC). Events of
 * agent-c, events of no agent, and events just outside the period are there
 * to change a number if the scope were applied wrongly; answers given by
 * people (no agent, so outside the scope) must still resolve the agents'
 * requests.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';
import { events } from './data/governance.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

it('governance fixture: two days of agent-a and agent-b', async () => {
  const { content } = await reportFromFixture(app, events, {
    type: 'governance',
    agentIds: ['agent-a', 'agent-b'],
    period: { start: '2026-11-02T00:00:00Z', end: '2026-11-04T00:00:00Z' },
  });

  // In scope: 12 events of agent-a (g1 g2 t1 t2 ap1 ap3 l1 l1-end g5 g6 d1 d2) and 9 of agent-b
  // (g3 g4 ap2 l2 t3 t4 g7 g8 ap4): 21.
  expect(metricsOf(content)).toEqual({
    // Policy coverage.
    agent_actions: 11, // 8 decisions + t1 t2 t3 (t4 is an error event)
    decisions: 8,
    policy_coverage: 100, // every in-scope agent decision names its policy
    decisions_allow: 4, // g1 g2 g7 g8
    decisions_deny: 1, // g3
    decisions_alert: 1, // g5
    decisions_hold: 2, // g4 g6
    denial_rate: 12.5, // 1/8
    // Approval gates.
    approval_requests: 4, // ga-1 … ga-4
    approval_answer_rate: 100,
    approval_response_mean: 3300, // (1,200 + 3,600 + 5,400 + 3,000)/4
    approval_response_p50: 3300, // between 3,000 and 3,600
    approval_response_p95: 5130, // 3,600 + 0.85·1,800
    holds: 2,
    hold_response_p95: 10440, // 3,600 + 0.95·7,200
    // Risk distribution.
    unique_agents: 2,
    max_agent_risk: 60, // agent-b
    guardrail_triggers: 6, // g3 deny, g5 alert, g4 g6 holds, d1 d2
    high_severity_events: 2, // g3 critical, d2 high
    // Agent behaviour.
    error_rate: 14.29, // 3/21 (t2 t3 t4)
    injections_detected: 0,
    injection_review_rate: null,
    dlp_events: 2,
    dlp_block_rate: 50,
    credential_leases: 2,
    lease_compliance: 100, // gl-1 a second early, gl-2 at its TTL exactly
  });

  expect(findingsOf(content)).toEqual({
    // No exceptions: the evidence is the population (covered agent decisions).
    'GOV-1 policy-coverage': { status: 'pass', evidenceCount: 8 },
    'GOV-2 approvals-answered': { status: 'pass', evidenceCount: 4 }, // population: the requests
    'GOV-2 approval-latency': { status: 'warn', evidenceCount: 1 }, // 3/4 = 75, the warn bound itself; ga-3
    'GOV-3 agent-risk': { status: 'warn', evidenceCount: 6 }, // 60 in (50, 75]; exceptions = guardrail triggers
    'GOV-4 error-rate': { status: 'fail', evidenceCount: 3 }, // 14.29 > 5
    'GOV-4 injections-reviewed': { status: 'not_applicable', evidenceCount: 0 }, // no detections in scope
    'GOV-4 lease-compliance': { status: 'pass', evidenceCount: 2 }, // population: the leases
  });

  // Weights (not applicable left out): GOV-1 6, approvals 6, latency 3, risk 6, errors 3, leases 6 = 30.
  // Earned: 6 + 6 + 1.5 + 3 + 0 + 6 = 22.5. Controls 100 · 22.5/30 = 75.
  // SLA: ga-1 (20 min), ga-2 (exactly 1 h), ga-4 (50 min) within an hour, ga-3 (1 h 30) not; both holds within 4 h:
  // 5/6 = 83.33. (50·75 + 15·100 + 15·83.33 + 10·100 + 10·100)/100 = 85 → B (83–86).
  expect(scoreFactorsOf(content)).toEqual({ controls: 75, policy_coverage: 100, sla_compliance: 83.33, configuration_currency: 100, security_settings: 100 });
  expect({ score: content.score, grade: content.grade }).toEqual({ score: 85, grade: 'B' });

  expect(rowsOf(content, 'agent_risk')).toEqual([
    // 4 decisions, 1 denied: 25% → 50 points, capped at 40; errors 2/9 = 22.2% → capped at 20.
    { agent: 'agent-b', events: 9, sessions: 2, denyRatePercent: 25, errorRatePercent: 22.22, injections: 0, dlpEvents: 0, risk: 60, explanation: 'deny rate 25.0% (+40), error rate 22.2% (+20)' },
    // No denial; errors 1/12 = 8.33 points; 2 DLP events in 12 → 833 points per 1,000, capped at 20.
    { agent: 'agent-a', events: 12, sessions: 2, denyRatePercent: 0, errorRatePercent: 8.33, injections: 0, dlpEvents: 2, risk: 28, explanation: 'error rate 8.3% (+8), 2 DLP events (+20)' },
  ]);
  expect(rowsOf(content, 'risk_distribution')).toEqual([
    { band: 'low (0–24)', agents: 0 },
    { band: 'medium (25–49)', agents: 1 },
    { band: 'high (50–74)', agents: 1 },
    { band: 'critical (75–100)', agents: 0 },
  ]);
  expect(rowsOf(content, 'decisions_by_day')).toEqual([
    { day: '2026-11-02', allow: 2, deny: 1, alert: 0, hold: 1, events: 11 }, // g1 g2 g3 g4 t1 t2 ap1 ap2 ap3 l1 l1-end
    { day: '2026-11-03', allow: 2, deny: 0, alert: 1, hold: 1, events: 10 }, // l2 t3 t4 g5 g6 g7 g8 d1 d2 ap4
  ]);
});
