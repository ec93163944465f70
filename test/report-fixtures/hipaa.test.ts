/**
 * HIPAA Security Rule report over a hand-written fixture, scoped to the
 * `prod` environment: every metric, every finding, the score, the agent risk
 * table and the pii (ePHI) tools table are written by hand from the events
 * (data/hipaa.ts) and the definitions (hipaa.ts, checks.ts, metrics.ts, selectors.ts).
 *
 * Period: 2026-11-03 00:00Z to 03:00Z (10,800 s, end excluded). In scope: 38
 * `prod` events. `staging` events in the same period would change most
 * numbers (and fill the monitoring silence) if the environment were not applied.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';
import { P, events, PERIOD } from './data/hipaa.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

it('hipaa: every metric, finding, the score, agent risk and ePHI tools, by hand (prod only)', async () => {
  const { content } = await reportFromFixture(app, events, { type: 'hipaa', period: PERIOD, environment: P });

  expect(metricsOf(content)).toEqual({
    // 164.308 administrative
    events: 38,
    injections_detected: 2,
    injection_review_rate: 50, // inj-1 only
    max_agent_risk: 80, // billing (see the agent risk table below)
    privileged_role_changes: 0, // the only role change is in staging
    role_change_approval_rate: null,
    escalations: 2,
    escalation_sla_rate: 50, // esc-1 late by 1 s
    // 164.312 technical
    policy_coverage: 100, // 11 of 11 agent decisions
    denial_rate: 16.67, // 2 (d3, d6) of 12 decisions (d1–d11, dh)
    attribution_rate: 100,
    session_attribution_rate: 100, // 12 agent actions (11 decisions, t1), all with a session
    time_coverage: 58.33, // 100·(1 − 4,500/10,800): the 75-minute silence 00:50 → 02:05
    pii_tool_events: 12, // d1–d3, d5–d10, dh, t1, c1
    pii_policy_coverage: 90, // 9 of 10 pii-tool decisions (dh has no policy)
    pii_credential_access: 1, // c1
    auth_success_rate: 90, // 9 of 10
    dlp_personal_data: 5, // dlp1–dlp5
    dlp_personal_data_blocked: 4, // dlp1–dlp4
    dlp_personal_data_block_rate: 80,
  });

  expect(findingsOf(content)).toEqual({
    '164.308(a)(1)(ii)(B) agent-risk': { status: 'fail', evidenceCount: 12 }, // 80 > 75; guardrail triggers: d3, d6, d7, d10, 6 DLP, 2 injections
    '164.308(a)(1)(ii)(D) activity-review': { status: 'fail', evidenceCount: 1 }, // 50 < 80; inj2
    '164.308(a)(4)(ii)(C) role-changes-approved': { status: 'not_applicable', evidenceCount: 0 },
    '164.308(a)(6)(ii) escalations-on-time': { status: 'fail', evidenceCount: 1 }, // 50 < 80; esc1
    '164.312(a)(1) policy-coverage': { status: 'pass', evidenceCount: 11 }, // no exceptions: the covered agent decisions
    '164.312(a)(2)(i) attribution': { status: 'pass', evidenceCount: 38 }, // no exceptions: all events
    '164.312(b) session-attribution': { status: 'pass', evidenceCount: 12 }, // no exceptions: the agent actions
    '164.312(b) monitoring-coverage': { status: 'fail', evidenceCount: 38 }, // 58.33 < 95; no prod disconnection, so all events
    '164.312(c)(1) pii-policy-coverage': { status: 'warn', evidenceCount: 1 }, // 90 in [90, 98); dh
    '164.312(d) authentication': { status: 'warn', evidenceCount: 1 }, // 90 in [90, 95); a5
    '164.312(e)(1) personal-data-blocked': { status: 'warn', evidenceCount: 1 }, // 80 in [80, 95); dlp5
  });

  // Without exceptions, policy coverage's evidence is its population: the 11 agent decisions it measured.
  const coverage = content.findings.find((f) => f.controlId === '164.312(a)(1)')!;
  expect({ evidenceSelector: coverage.evidenceSelector, populationCount: coverage.populationCount }).toEqual({ evidenceSelector: 'agent_decisions', populationCount: 11 });
  expect(content.framework.version).toBe('2026.11.3');

  // Applicable weights: critical 10, high 6 × 5 (activity review, escalations, policy coverage, monitoring, pii policy),
  // medium 3 × 4 = 52. Earned: policy coverage 6, attribution 3, session 3, pii policy 3, authentication 1.5, PHI blocked 5 = 21.5.
  // Controls 100·21.5/52 = 41.35. Policy coverage 11/11; SLA: the hold d7 never answered, 0/1; security 2 of 2.
  // (50·41.35 + 15·100 + 15·0 + 10·100 + 10·100)/100 = 55.67 → 56, F.
  expect(scoreFactorsOf(content)).toEqual({ controls: 41.35, policy_coverage: 100, sla_compliance: 0, configuration_currency: 100, security_settings: 100 });
  expect({ score: content.score, grade: content.grade }).toEqual({ score: 56, grade: 'F' });

  // Risk: 2 points per % denied (max 40) + 1 per % failed (max 20) + 10 per injection per 1,000 events (max 20)
  // + 5 per DLP event per 1,000 events (max 20).
  // billing: 10 events (d5–d8, c1, c2, dlp2, dlp3, inj2, dlp6), 1 of 4 decisions denied = 25% → 50, capped 40;
  //          1 injection in 10 events → 20; 3 DLP → 20. 80.
  // scribe: 12 events (d1–d4, d9–d11, t1, inj1, dlp1, dlp4, dlp5), 1 of 7 denied = 14.29% → 28.57; 20; 20. 68.57 → 69.
  expect(rowsOf(content, 'agent_risk')).toEqual([
    { agent: 'billing', events: 10, sessions: 2, denyRatePercent: 25, errorRatePercent: 0, injections: 1, dlpEvents: 3, risk: 80, explanation: 'deny rate 25.0% (+40), 1 injection detections (+20), 3 DLP events (+20)' },
    { agent: 'scribe', events: 12, sessions: 2, denyRatePercent: 14.29, errorRatePercent: 0, injections: 1, dlpEvents: 3, risk: 69, explanation: 'deny rate 14.3% (+29), 1 injection detections (+20), 3 DLP events (+20)' },
  ]);

  // Systems holding ePHI (tools tagged pii), prod events of the period only.
  expect(rowsOf(content, 'pii_tools')).toEqual([
    { tool: 'ehr.read', tags: 'ehr, pii', events: 8, agents: 2, deniedOrHeld: 0, firstSeen: '2026-11-03T00:02:00.000Z', lastSeen: '2026-11-03T02:40:00.000Z' }, // d1, d2, d5, d8, d9, d10, dh, t1
    { tool: 'ehr.write', tags: 'ehr, pii', events: 3, agents: 2, deniedOrHeld: 3, firstSeen: '2026-11-03T00:10:00.000Z', lastSeen: '2026-11-03T00:26:00.000Z' }, // d3, d6 denied, d7 held
    { tool: 'ehr.db', tags: 'ehr, pii', events: 1, agents: 1, deniedOrHeld: 0, firstSeen: '2026-11-03T00:38:00.000Z', lastSeen: '2026-11-03T00:38:00.000Z' }, // c1
  ]);
});
