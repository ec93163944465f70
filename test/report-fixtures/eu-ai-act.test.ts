/**
 * EU AI Act report over a hand-written fixture: every metric, every finding,
 * the score and the retention, timeline and agent risk tables are written by
 * hand from the events (data/eu-ai-act.ts) and the definitions (eu-ai-act.ts, checks.ts,
 * metrics.ts, selectors.ts, scalars.ts, integrity.ts).
 *
 * Period: 2026-11-04 09:00Z to 13:00Z (14,400 s, end excluded). In scope: 24
 * events, the last at 11:50, after which the trail falls silent for 70 minutes.
 * Outside it: the oldest kept events (retention reads the whole trail before
 * the period end), answers arriving after the end, and noise just outside.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';
import { events, PERIOD } from './data/eu-ai-act.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

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
