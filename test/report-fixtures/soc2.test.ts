/**
 * SOC 2 against hand-written fixtures: every metric, finding, table row and
 * the score below were counted by hand from the events, not taken from the
 * engine. The main fixture is scoped to the `production` environment over
 * 2026-10-01 (UTC); events of `staging`, and events just outside the
 * period, are there to change a number if the scope were applied wrongly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';
import { PROD, day, quiet, carried } from './data/soc2.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

describe('soc2 fixture', () => {
  it('a production day with every kind of event', async () => {
    const { content } = await reportFromFixture(app, day, {
      type: 'soc2',
      environment: PROD,
      period: { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' },
    });

    expect(metricsOf(content)).toEqual({
      // Control environment. 61 events in scope (69 sent: 5 outside the period, 3 of staging).
      events: 61,
      unique_agents: 2, // agent-a, agent-b
      unique_sessions: 4, // s-a1, s-a2, s-b1, s-b2
      attribution_rate: 98.36, // 100 − 100·1/61 (err1)
      approval_requests: 5, // apr-1 … apr-5
      approval_answer_rate: 80, // 4/5 (apr-4 unanswered)
      // Risk assessment.
      max_agent_risk: 80, // agent-b: deny 2/6 → 40 (capped) + errors 0 + injections 20 + DLP 20
      guardrail_triggers: 16, // deny 2 + alert 1 + hold 3 + DLP 5 + detections 5
      high_severity_events: 3, // inj1 high, inj1-c critical, dlp2 high
      baselined_agents: 0, // nothing before the period
      drifting_agents: 0,
      behaviour_drifts: 0,
      config_changes: 3, // chg1, chg2, chg3 (secret.rotated)
      config_change_approval_rate: 33.33, // 1/3: only chg1 has a grant
      // Control activities.
      decisions: 12,
      decisions_allow: 6, // d1, d3, d5, d7, d8, d9
      decisions_deny: 2, // d2, d4
      decisions_alert: 1, // d6
      decisions_hold: 3, // h1, h2, h3
      denial_rate: 16.67, // 2/12
      policy_coverage: 90.91, // 10/11 agent decisions (d5 has no policy; d7 is no agent's)
      credential_leases: 3,
      lease_compliance: 33.33, // 1/3: lease-1 only
      access_removals: 2,
      privileged_role_changes: 2,
      unapproved_role_changes: 1, // role2
      injections_detected: 5,
      injections_confirmed: 1,
      injections_false_positive: 3,
      injection_true_positive_rate: 25, // 1/(1+3)
      injection_false_positive_rate: 75, // 3/(1+3)
      dlp_events: 5,
      dlp_block_rate: 80, // 4/5
      // Monitoring.
      time_coverage: 95.07, // 100·(1 − (3,660 + 600)/86,400)
      gateway_disconnects: 1,
      error_rate: 3.28, // 100·2/61 (err1, t2)
      holds: 3,
      hold_response_mean: 14405, // (14,400 + 14,410)/2; hold-3 unanswered is left out
      hold_response_p50: 14405,
      hold_response_p95: 14409.5, // 14,400 + 0.95·10
      escalations: 2,
      escalation_sla_rate: 50, // esc-2 late by 1 s
      // Information & communication.
      agent_actions: 16, // 11 agent decisions + 5 tool calls
      session_attribution_rate: 93.75, // 100 − 100·1/16 (t3)
      approval_response_mean: 2852.5, // (1,800 + 3,600 + 3,610 + 2,400)/4
      approval_response_p50: 3000, // between 2,400 and 3,600
      approval_response_p95: 3608.5, // 3,600 + 0.85·10
      approvals_within_sla: 60, // 100 − 100·2/5 (apr-3 late, apr-4 never)
      disclosures: 2, // t4, t5
      disclosure_basis_rate: 50, // t5 has no legal basis
      cost_usd: 1.875, // 0.25 + 0.5 + 1.125
    });

    expect(findingsOf(content)).toEqual({
      'CC1.3 attribution': { status: 'warn', evidenceCount: 1 }, // 98.36 in [95, 99)
      'CC1.5 approvals-answered': { status: 'fail', evidenceCount: 1 }, // 80 < 90; apr-4
      'CC3.2 agent-risk': { status: 'fail', evidenceCount: 16 }, // 80 > 75; exceptions = guardrail triggers
      'CC3.2 agent-drift': { status: 'not_applicable', evidenceCount: 35 }, // no baseline; population: agent-a's 17 and agent-b's 18 events
      'CC3.4 changes-assessed': { status: 'fail', evidenceCount: 2 }, // 33.33 < 80; chg2, chg3
      'CC5.2 policy-coverage': { status: 'warn', evidenceCount: 1 }, // 90.91 in [80, 95); d5
      'CC6.1 denial-rate': { status: 'warn', evidenceCount: 2 }, // 16.67 in (10, 20]
      'CC6.2 lease-compliance': { status: 'fail', evidenceCount: 2 }, // 33.33 < 90; lease-2, lease-3
      'CC6.3 role-changes-approved': { status: 'warn', evidenceCount: 1 }, // 1 in (0, 2]
      'CC6.6 injections-reviewed': { status: 'warn', evidenceCount: 1 }, // 4/5 = 80, the warn bound itself; inj-3
      'CC6.7 dlp-blocking': { status: 'warn', evidenceCount: 1 }, // 80 in [70, 90); dlp2
      'CC6.8 confirmed-injections': { status: 'warn', evidenceCount: 1 }, // 1 in (0, 5]
      'CC4.1 monitoring-coverage': { status: 'warn', evidenceCount: 1 }, // 95.07 in [95, 99); the disconnection
      'CC7.2 error-rate': { status: 'warn', evidenceCount: 2 }, // 3.28 in (2, 5]
      'CC7.3 holds-resolved': { status: 'fail', evidenceCount: 2 }, // 1/3 = 33.33 < 80; hold-2, hold-3
      'CC7.3 false-positives': { status: 'fail', evidenceCount: 3 }, // 75 > 40
      'CC7.4 escalations-sla': { status: 'fail', evidenceCount: 1 }, // 50 < 80; esc-2
      'A1.1 gateway-availability': { status: 'pass', evidenceCount: 1 }, // 1 ≤ 2; no exceptions: the population
      'CC2.1 session-attribution': { status: 'fail', evidenceCount: 1 }, // 93.75 < 95; t3
      'CC2.2 approval-latency': { status: 'fail', evidenceCount: 2 }, // 60 < 75; apr-3, apr-4
      'P6.1 disclosure-basis': { status: 'fail', evidenceCount: 1 }, // 50 < 95; t5
    });

    // The values of the two checks whose metric is not shown in a section.
    const value = (key: string) => content.findings.find((f) => `${f.controlId} ${f.checkId}` === key)?.value;
    expect(value('CC6.6 injections-reviewed')).toBe(80);
    expect(value('CC7.3 holds-resolved')).toBe(33.33);

    // Weights: critical 10 ×1, high 6 ×9, medium 3 ×7, low 1 ×3 = 88. Earned: warn halves of
    // CC1.3 (1.5), CC5.2 (3), CC6.1 (1.5), CC6.3 (3), CC6.6 (3), CC6.7 (3), CC6.8 (5), CC4.1 (3),
    // CC7.2 (1.5) = 24.5, and A1.1's pass (1): 25.5. Controls 100 · 25.5/88 = 28.98.
    // Policy coverage 10/11 = 90.91. SLA: approvals within an hour apr-1, apr-2 (exactly 1 h), apr-5, not apr-3 nor
    // apr-4; holds within 4 h only h1: (3 + 1)/(5 + 3) = 50. The 4 policies are new; security 2 of 2 settings.
    // (50·28.98 + 15·90.91 + 15·50 + 10·100 + 10·100)/100 = 55.62 → 56.
    expect(scoreFactorsOf(content)).toEqual({ controls: 28.98, policy_coverage: 90.91, sla_compliance: 50, configuration_currency: 100, security_settings: 100 });
    expect({ score: content.score, grade: content.grade }).toEqual({ score: 56, grade: 'F' });

    // Recommendations: failures first, then warnings; each by severity, then finding order. Findings are
    // numbered in definition order: 1 CC1.3, 2 CC1.5, 3–4 CC3.2 (risk, drift), 5 CC3.4, 6 CC5.2, 7 CC6.1, 8 CC6.2, 9 CC6.3,
    // 10 CC6.6, 11 CC6.7, 12 CC6.8, 13 CC4.1, 14 CC7.2, 15–16 CC7.3, 17 CC7.4, 18 A1.1, 19 CC2.1, 20 CC2.2, 21 P6.1.
    expect(content.recommendations.map((r) => [r.finding, r.controlId, r.status, r.severity])).toEqual([
      [2, 'CC1.5', 'fail', 'high'], [8, 'CC6.2', 'fail', 'high'], [17, 'CC7.4', 'fail', 'high'], [21, 'P6.1', 'fail', 'high'],
      [3, 'CC3.2', 'fail', 'medium'], [5, 'CC3.4', 'fail', 'medium'], [15, 'CC7.3', 'fail', 'medium'], [20, 'CC2.2', 'fail', 'medium'],
      [16, 'CC7.3', 'fail', 'low'], [19, 'CC2.1', 'fail', 'low'],
      [12, 'CC6.8', 'warn', 'critical'],
      [6, 'CC5.2', 'warn', 'high'], [9, 'CC6.3', 'warn', 'high'], [10, 'CC6.6', 'warn', 'high'], [11, 'CC6.7', 'warn', 'high'], [13, 'CC4.1', 'warn', 'high'],
      [1, 'CC1.3', 'warn', 'medium'], [7, 'CC6.1', 'warn', 'medium'], [14, 'CC7.2', 'warn', 'medium'],
    ]);
    expect(content.summary).toBe(
      'SOC 2 (Trust Services Criteria 2017): score 56 (F) over 61 events. 1 checks passed, 9 warned, 10 failed, 1 not applicable. ' +
        'Monitoring covered 95.07% of the period with 2 gaps. ' +
        'Most urgent: CC1.5 approval requests are answered; CC6.2 credential leases are returned within their ttl; CC7.4 escalations are resolved within 24 hours.',
    );

    expect(content.integrity).toMatchObject({
      eventCount: 61,
      timeCoverage: 95.07,
      gapThresholdMinutes: 60,
      gapCount: 2,
      gapSeconds: 4260,
      gaps: [
        { start: '2026-10-01T11:00:00.000Z', end: '2026-10-01T12:01:00.000Z', seconds: 3660, reason: 'silence' },
        { start: '2026-10-01T14:00:00.000Z', end: '2026-10-01T14:10:00.000Z', seconds: 600, reason: 'gateway_disconnected' },
      ],
    });

    expect(rowsOf(content, 'agent_risk')).toEqual([
      // 18 events; decisions d2 d3 d4 h1 h3 d9 (2 denied); inj1 inj2 inj4 inj5; dlp1 dlp2 dlp5.
      { agent: 'agent-b', events: 18, sessions: 2, denyRatePercent: 33.33, errorRatePercent: 0, injections: 4, dlpEvents: 3, risk: 80, explanation: 'deny rate 33.3% (+40), 4 injection detections (+20), 3 DLP events (+20)' },
      // 17 events; decisions d1 h2 d5 d6 d8 (none denied); t2 failed (1/17 = 5.88 points); inj3; dlp3 dlp4.
      // Sessions s-a1, s-a2 (t3 has none).
      { agent: 'agent-a', events: 17, sessions: 2, denyRatePercent: 0, errorRatePercent: 5.88, injections: 1, dlpEvents: 2, risk: 46, explanation: 'error rate 5.9% (+6), 1 injection detections (+20), 2 DLP events (+20)' },
    ]);
    expect(rowsOf(content, 'risk_distribution')).toEqual([
      { band: 'low (0–24)', agents: 0 },
      { band: 'medium (25–49)', agents: 1 },
      { band: 'high (50–74)', agents: 0 },
      { band: 'critical (75–100)', agents: 1 },
    ]);
    expect(rowsOf(content, 'decisions_by_day')).toEqual([{ day: '2026-10-01', allow: 6, deny: 2, alert: 1, hold: 3, events: 61 }]);
  });

  it('a quiet morning: passes, and not applicable where nothing of the kind happened', async () => {
    const { content } = await reportFromFixture(app, quiet, {
      type: 'soc2',
      environment: PROD,
      period: { start: '2026-10-05T09:00:00Z', end: '2026-10-05T12:00:00Z' },
    });

    expect(metricsOf(content)).toEqual({
      events: 6,
      unique_agents: 1,
      unique_sessions: 1,
      attribution_rate: 100,
      approval_requests: 1,
      approval_answer_rate: 100,
      max_agent_risk: 0,
      guardrail_triggers: 0,
      high_severity_events: 0,
      baselined_agents: 0,
      drifting_agents: 0,
      behaviour_drifts: 0,
      config_changes: 0,
      config_change_approval_rate: null,
      decisions: 2,
      decisions_allow: 2,
      decisions_deny: 0,
      decisions_alert: 0,
      decisions_hold: 0,
      denial_rate: 0,
      policy_coverage: 100,
      credential_leases: 0,
      lease_compliance: null,
      access_removals: 0,
      privileged_role_changes: 0,
      unapproved_role_changes: 0,
      injections_detected: 0,
      injections_confirmed: 0,
      injections_false_positive: 0,
      injection_true_positive_rate: null,
      injection_false_positive_rate: null,
      dlp_events: 0,
      dlp_block_rate: null,
      time_coverage: 100, // silences of at most 40 minutes, none before the first or after the last
      gateway_disconnects: 0,
      error_rate: 0,
      holds: 0,
      hold_response_mean: null,
      hold_response_p50: null,
      hold_response_p95: null,
      escalations: 0,
      escalation_sla_rate: null,
      agent_actions: 4, // q1, q2, q3, q6
      session_attribution_rate: 100,
      approval_response_mean: 300,
      approval_response_p50: 300,
      approval_response_p95: 300,
      approvals_within_sla: 100,
      disclosures: 1,
      disclosure_basis_rate: 100,
      cost_usd: 0,
    });

    // With no exceptions, the evidence is the check's population.
    expect(findingsOf(content)).toEqual({
      'CC1.3 attribution': { status: 'pass', evidenceCount: 6 },
      'CC1.5 approvals-answered': { status: 'pass', evidenceCount: 1 },
      'CC3.2 agent-risk': { status: 'pass', evidenceCount: 5 }, // agent events: all but q5
      'CC3.2 agent-drift': { status: 'not_applicable', evidenceCount: 5 }, // no baseline
      'CC3.4 changes-assessed': { status: 'not_applicable', evidenceCount: 0 },
      'CC5.2 policy-coverage': { status: 'pass', evidenceCount: 2 },
      'CC6.1 denial-rate': { status: 'pass', evidenceCount: 2 },
      'CC6.2 lease-compliance': { status: 'not_applicable', evidenceCount: 0 },
      'CC6.3 role-changes-approved': { status: 'not_applicable', evidenceCount: 0 }, // value 0, but no role changes
      'CC6.6 injections-reviewed': { status: 'not_applicable', evidenceCount: 0 },
      'CC6.7 dlp-blocking': { status: 'not_applicable', evidenceCount: 0 },
      'CC6.8 confirmed-injections': { status: 'not_applicable', evidenceCount: 0 }, // value 0, but no detections
      'CC4.1 monitoring-coverage': { status: 'pass', evidenceCount: 6 },
      'CC7.2 error-rate': { status: 'pass', evidenceCount: 6 },
      'CC7.3 holds-resolved': { status: 'not_applicable', evidenceCount: 0 },
      'CC7.3 false-positives': { status: 'not_applicable', evidenceCount: 0 },
      'CC7.4 escalations-sla': { status: 'not_applicable', evidenceCount: 0 },
      'A1.1 gateway-availability': { status: 'pass', evidenceCount: 0 },
      'CC2.1 session-attribution': { status: 'pass', evidenceCount: 4 },
      'CC2.2 approval-latency': { status: 'pass', evidenceCount: 1 },
      'P6.1 disclosure-basis': { status: 'pass', evidenceCount: 1 },
    });

    expect({ score: content.score, grade: content.grade }).toEqual({ score: 100, grade: 'A+' });
    expect(rowsOf(content, 'agent_risk')).toEqual([
      { agent: 'agent-a', events: 5, sessions: 1, denyRatePercent: 0, errorRatePercent: 0, injections: 0, dlpEvents: 0, risk: 0, explanation: 'no risk signals' },
    ]);
    expect(rowsOf(content, 'decisions_by_day')).toEqual([{ day: '2026-10-05', allow: 2, deny: 0, alert: 0, hold: 0, events: 6 }]);
  });

  it('a disconnection that began before the period is a gap from its start', async () => {
    const { content } = await reportFromFixture(app, carried, {
      type: 'soc2',
      environment: PROD,
      period: { start: '2026-10-08T00:00:00Z', end: '2026-10-08T03:00:00Z' },
    });
    // 2,400 s of 10,800: 100 · (1 − 2,400/10,800) = 77.78.
    expect(content.integrity).toMatchObject({
      eventCount: 4, // k5 k6 k7 k8
      timeCoverage: 77.78,
      gapCount: 1,
      gapSeconds: 2400,
      gaps: [{ start: '2026-10-08T00:00:00.000Z', end: '2026-10-08T00:40:00.000Z', seconds: 2400, reason: 'gateway_disconnected' }],
    });
    const metrics = metricsOf(content);
    // No disconnection happened in the period: the count stays 0, the coverage shows the carried one.
    expect({ time_coverage: metrics.time_coverage, gateway_disconnects: metrics.gateway_disconnects }).toEqual({ time_coverage: 77.78, gateway_disconnects: 0 });
    expect(findingsOf(content)['CC4.1 monitoring-coverage']).toEqual({ status: 'fail', evidenceCount: 4 }); // 77.78 < 95; population
  });
});
