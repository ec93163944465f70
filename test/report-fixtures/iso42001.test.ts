/**
 * ISO/IEC 42001 Annex A over a hand-written trail of one working day. Every
 * expected number below was counted by hand from the fixture and the metric
 * definitions (src/reports/metrics.ts, selectors.ts), never printed by the engine.
 *
 * Period: 2026-10-05 08:00 → 16:00 UTC (28,800 s), all environments, gap threshold 60 min.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';
import { day, events } from './data/iso42001.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

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
