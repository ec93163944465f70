/**
 * NIST AI RMF 1.0 over a hand-written trail, scoped to the `production`
 * environment. Every expected number below was counted by hand from the
 * fixture and the metric definitions (src/reports/metrics.ts, selectors.ts),
 * never printed by the engine.
 *
 * Period: 2026-10-12 09:00 → 13:00 UTC (14,400 s), environment production, gap threshold 60 min.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';
import { prod, events } from './data/nist-ai-rmf.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

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
