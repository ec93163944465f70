/**
 * The executive summary over a hand-written trail of four weeks, one of them
 * empty. Every expected number below was counted by hand from the fixture and
 * the metric definitions (src/reports/metrics.ts, selectors.ts, tables.ts),
 * never printed by the engine.
 *
 * Period: Wednesday 2026-09-30 00:00 → Thursday 2026-10-22 00:00 UTC, all environments.
 * Weeks start Monday: 2026-09-28 (from Wednesday), 2026-10-05, 2026-10-12 (no event), 2026-10-19 (to Wednesday).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';
import { events } from './data/executive-summary.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

it('executive_summary: every metric, finding, score, trend and risk table from a hand-counted trail', async () => {
  expect(events).toHaveLength(32);
  const { content } = await reportFromFixture(app, events, { type: 'executive_summary', period: { start: '2026-09-30T00:00:00Z', end: '2026-10-22T00:00:00Z' } });

  expect(metricsOf(content)).toEqual({
    unique_agents: 4,
    events: 30,
    decisions: 13,
    // 11 of 13 agent decisions (w1-7 and w2-3 have no policy).
    policy_coverage: 84.62,
    decisions_allow: 6,
    decisions_deny: 3,
    decisions_alert: 2,
    decisions_hold: 2,
    // 0.1 + 0.05 + 0.333 + 0.125 + 2.5 + 0.0049.
    cost_usd: 3.1129,
    max_agent_risk: 80,
    // agent-x (50) and agent-w (80).
    elevated_risk_agents: 2,
    // 3 denies, 2 alerts, 2 holds, 1 DLP, 2 injection detections.
    guardrail_triggers: 10,
    // w1-5, w2-4 (critical), w2-5, w2-6.
    high_severity_events: 4,
    // No agent has a baseline: agent-x's d1 is its one day in the 28 before the period.
    drifting_agents: 0,
    behaviour_drifts: 0,
    approval_requests: 0,
    approval_answer_rate: null,
    dlp_events: 1,
    dlp_block_rate: 100,
    injections_detected: 2,
    injection_review_rate: 50,
  });

  expect(findingsOf(content)).toEqual({
    // 84.62% in [80, 95); evidence: the 2 uncovered decisions.
    'EXEC-1 policy-coverage': { status: 'warn', evidenceCount: 2 },
    // 2 elevated agents: at most 2 warns; evidence: the 10 guardrail triggers.
    'EXEC-2 elevated-risk': { status: 'warn', evidenceCount: 10 },
    // No baseline (7 active days of the 28 before the period) for any agent; its population: the 29 agent events (all but w2-7).
    'EXEC-2 agent-drift': { status: 'not_applicable', evidenceCount: 29 },
    // No approval request: not applicable, with an empty population.
    'EXEC-3 approvals-answered': { status: 'not_applicable', evidenceCount: 0 },
    // 1 of 1 blocked; no exception, so the population (the DLP event).
    'EXEC-4 dlp-blocked': { status: 'pass', evidenceCount: 1 },
  });

  // Controls: three high findings applicable (18): warn 3 + warn 3 + pass 6 = 12 → 66.67. Policy coverage 11/13;
  // SLA: holds h-1 and h-2 never answered, 0/2; p-web, p-pay, p-fs all recent; security 2 of 2.
  // (50·66.67 + 15·84.62 + 15·0 + 10·100 + 10·100)/100 = 66.03 → 66, D.
  expect(scoreFactorsOf(content)).toEqual({ controls: 66.67, policy_coverage: 84.62, sla_compliance: 0, configuration_currency: 100, security_settings: 100 });
  expect({ score: content.score, grade: content.grade }).toEqual({ score: 66, grade: 'D' });

  expect(rowsOf(content, 'weekly_trends')).toEqual([
    { week: '2026-09-28', events: 9, decisions: 6, denied: 2, guardrailTriggers: 3, guardrailChangePercent: null, dlpEvents: 0, injections: 0, costUsd: 0.48 },
    // (5 − 3) / 3 = 66.67% → one decimal.
    { week: '2026-10-05', events: 10, decisions: 3, denied: 1, guardrailTriggers: 5, guardrailChangePercent: 66.7, dlpEvents: 1, injections: 2, costUsd: 0.13 },
    // A week of the period without events is a week with nothing: 100% fewer triggers than the week before.
    { week: '2026-10-12', events: 0, decisions: 0, denied: 0, guardrailTriggers: 0, guardrailChangePercent: -100, dlpEvents: 0, injections: 0, costUsd: 0 },
    // The week before had no trigger: no percentage (not a comparison with 2026-10-05).
    { week: '2026-10-19', events: 11, decisions: 4, denied: 0, guardrailTriggers: 2, guardrailChangePercent: null, dlpEvents: 0, injections: 0, costUsd: 2.5 },
  ]);

  expect(rowsOf(content, 'decisions_by_day')).toEqual([
    { day: '2026-09-30', allow: 1, deny: 1, alert: 0, hold: 0, events: 3 },
    { day: '2026-10-01', allow: 1, deny: 0, alert: 0, hold: 0, events: 2 },
    { day: '2026-10-02', allow: 1, deny: 1, alert: 0, hold: 0, events: 3 },
    { day: '2026-10-04', allow: 0, deny: 0, alert: 1, hold: 0, events: 1 },
    { day: '2026-10-05', allow: 0, deny: 0, alert: 0, hold: 1, events: 2 },
    { day: '2026-10-06', allow: 0, deny: 1, alert: 0, hold: 0, events: 4 },
    { day: '2026-10-07', allow: 0, deny: 0, alert: 0, hold: 0, events: 1 },
    { day: '2026-10-08', allow: 1, deny: 0, alert: 0, hold: 0, events: 3 },
    { day: '2026-10-19', allow: 1, deny: 0, alert: 1, hold: 1, events: 4 },
    { day: '2026-10-20', allow: 1, deny: 0, alert: 0, hold: 0, events: 3 },
    { day: '2026-10-21', allow: 0, deny: 0, alert: 0, hold: 0, events: 4 },
  ]);

  expect(rowsOf(content, 'risk_distribution')).toEqual([
    { band: 'low (0–24)', agents: 1 },
    // agent-y at 49.09 → 49.
    { band: 'medium (25–49)', agents: 1 },
    // agent-x at exactly 50.
    { band: 'high (50–74)', agents: 1 },
    { band: 'critical (75–100)', agents: 1 },
  ]);
  expect(rowsOf(content, 'agent_risk')).toEqual([
    { agent: 'agent-w', events: 4, sessions: 1, denyRatePercent: 100, errorRatePercent: 0, injections: 2, dlpEvents: 1, risk: 80, explanation: 'deny rate 100.0% (+40), 2 injection detections (+20), 1 DLP events (+20)' },
    { agent: 'agent-x', events: 10, sessions: 2, denyRatePercent: 25, errorRatePercent: 10, injections: 0, dlpEvents: 0, risk: 50, explanation: 'deny rate 25.0% (+40), error rate 10.0% (+10)' },
    { agent: 'agent-y', events: 11, sessions: 1, denyRatePercent: 20, errorRatePercent: 9.09, injections: 0, dlpEvents: 0, risk: 49, explanation: 'deny rate 20.0% (+40), error rate 9.1% (+9)' },
    { agent: 'agent-z', events: 4, sessions: 1, denyRatePercent: 0, errorRatePercent: 0, injections: 0, dlpEvents: 0, risk: 0, explanation: 'no risk signals' },
  ]);
  expect(rowsOf(content, 'policies')).toEqual([
    { policy: 'p-web', versions: 'v1', decisions: 8, allow: 6, deny: 0, alert: 2, hold: 0 },
    { policy: '(no explicit policy)', versions: null, decisions: 2, allow: 0, deny: 2, alert: 0, hold: 0 },
    { policy: 'p-pay', versions: 'v2', decisions: 2, allow: 0, deny: 0, alert: 0, hold: 2 },
    { policy: 'p-fs', versions: 'v1', decisions: 1, allow: 0, deny: 1, alert: 0, hold: 0 },
  ]);
});

it('executive_summary: a period of whole weeks, Monday to Monday, has a row per week and none for the week of its (exclusive) end', async () => {
  // The same trail over 2026-10-05 → 2026-10-19: only the second week's 10 events (w2-1 at the
  // inclusive start), then the empty week; w4-1 and later are on or after the end.
  const { content } = await reportFromFixture(app, events, { type: 'executive_summary', period: { start: '2026-10-05T00:00:00Z', end: '2026-10-19T00:00:00Z' } });
  expect(rowsOf(content, 'weekly_trends')).toEqual([
    // The first row has no week before it in the period.
    { week: '2026-10-05', events: 10, decisions: 3, denied: 1, guardrailTriggers: 5, guardrailChangePercent: null, dlpEvents: 1, injections: 2, costUsd: 0.13 },
    { week: '2026-10-12', events: 0, decisions: 0, denied: 0, guardrailTriggers: 0, guardrailChangePercent: -100, dlpEvents: 0, injections: 0, costUsd: 0 },
  ]);
});
