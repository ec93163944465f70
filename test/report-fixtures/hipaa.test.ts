/**
 * HIPAA Security Rule report over a hand-written fixture, scoped to the
 * `prod` environment: every metric, every finding, the score, the agent risk
 * table and the pii (ePHI) tools table are written by hand from the events
 * below and the definitions (hipaa.ts, checks.ts, metrics.ts, selectors.ts).
 *
 * Period: 2026-11-03 00:00Z to 03:00Z (10,800 s, end excluded). In scope: 38
 * `prod` events. `staging` events in the same period would change most
 * numbers (and fill the monitoring silence) if the environment were not applied.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditEventInput } from '../../client/graphql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, scoreFactorsOf } from '../support/report-fixture.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

const EHR_READ = { name: 'ehr.read', tags: ['pii', 'ehr'] };
const EHR_WRITE = { name: 'ehr.write', tags: ['pii', 'ehr'] };
const CALENDAR = { name: 'calendar.read', tags: ['scheduling'] };
const MAIL = { name: 'email.send', tags: ['email'] };
const P = 'prod';
const S = 'staging';

const events: AuditEventInput[] = [
  // --- prod, in the period (38 events) ----------------------------------------------------------------
  // Authentication (10): one failure, so exactly 90% succeed (warn is inclusive).
  { id: 'a1', occurredAt: '2026-11-03T00:01:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-1' }, outcome: 'success' },
  { id: 'a2', occurredAt: '2026-11-03T00:04:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'dr-2' }, outcome: 'success' },
  { id: 'a3', occurredAt: '2026-11-03T00:32:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-3' }, outcome: 'success' },
  { id: 'a4', occurredAt: '2026-11-03T00:36:00Z', environment: P, category: 'auth', action: 'token.refresh', actor: { type: 'service', id: 'scribe-svc' }, outcome: 'success' },
  // a5 is also the last event before a 75-minute silence (00:50 → 02:05).
  { id: 'a5', occurredAt: '2026-11-03T00:50:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'dr-2' }, outcome: 'failure' },
  { id: 'a6', occurredAt: '2026-11-03T02:05:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'dr-2' }, outcome: 'success' },
  { id: 'a7', occurredAt: '2026-11-03T02:07:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-1' }, outcome: 'success' },
  { id: 'a8', occurredAt: '2026-11-03T02:48:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-4' }, outcome: 'success' },
  { id: 'a9', occurredAt: '2026-11-03T02:52:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-5' }, outcome: 'success' },
  { id: 'a10', occurredAt: '2026-11-03T02:55:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'dr-6' }, outcome: 'success' },

  // Agent decisions (11), all by an explicit policy and in a session. On pii tools: d1–d3, d5–d10.
  // scribe: 7 decisions, 1 denial (d3). billing: 4 decisions, 1 denial (d6) and 1 hold (d7, not a denial).
  { id: 'd1', occurredAt: '2026-11-03T00:02:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's1', policyId: 'p-ehr', tool: EHR_READ, dataSubjects: ['pat-1'], personalData: ['diagnosis'] },
  { id: 'd2', occurredAt: '2026-11-03T00:06:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's1', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd3', occurredAt: '2026-11-03T00:10:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'scribe', sessionId: 's1', policyId: 'p-ehr', tool: EHR_WRITE },
  { id: 'd4', occurredAt: '2026-11-03T00:14:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's1', policyId: 'p-sched', tool: CALENDAR },
  { id: 'd5', occurredAt: '2026-11-03T00:18:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'billing', sessionId: 's2', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd6', occurredAt: '2026-11-03T00:22:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'billing', sessionId: 's2', policyId: 'p-ehr-w', tool: EHR_WRITE },
  { id: 'd7', occurredAt: '2026-11-03T00:26:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'billing', sessionId: 's2', policyId: 'p-ehr-w', tool: EHR_WRITE },
  { id: 'd8', occurredAt: '2026-11-03T00:30:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'billing', sessionId: 's2', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd9', occurredAt: '2026-11-03T02:10:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's3', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd10', occurredAt: '2026-11-03T02:20:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'alert', agentId: 'scribe', sessionId: 's3', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd11', occurredAt: '2026-11-03T02:30:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's3', policyId: 'p-sched', tool: CALENDAR },
  // A nurse's console read of the EHR allowed without an explicit policy: a pii-tool decision without policy (1 of 10),
  // but no agent decision, so agent policy coverage stays 100%.
  { id: 'dh', occurredAt: '2026-11-03T02:40:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', actor: { type: 'user', id: 'nurse-1' }, tool: EHR_READ },
  // An agent tool call on the EHR: an agent action and a pii-tool event, not a decision.
  { id: 't1', occurredAt: '2026-11-03T00:34:00Z', environment: P, category: 'tool_call', action: 'tool.completed', agentId: 'scribe', sessionId: 's1', tool: EHR_READ, outcome: 'success' },

  // Credentials: access to the EHR database (a pii-tagged system) counts; a lease on the billing database does not.
  { id: 'c1', occurredAt: '2026-11-03T00:38:00Z', environment: P, category: 'credential', action: 'credential.accessed', agentId: 'billing', sessionId: 's2', tool: { name: 'ehr.db', tags: ['pii', 'ehr'] } },
  { id: 'c2', occurredAt: '2026-11-03T00:42:00Z', environment: P, category: 'credential', action: 'lease.issued', agentId: 'billing', sessionId: 's2', tool: { name: 'billing.db', tags: ['finance'] }, ttlSeconds: 600 },

  // Injections: inj-1 labelled false positive; inj-2's confirmation carries another correlation id, so it stays unreviewed.
  { id: 'inj1', occurredAt: '2026-11-03T00:12:00Z', environment: P, category: 'injection', action: 'injection.detected', agentId: 'scribe', sessionId: 's1', correlationId: 'inj-1' },
  { id: 'inj1-fp', occurredAt: '2026-11-03T00:20:00Z', environment: P, category: 'injection', action: 'injection.false_positive', actor: { type: 'user', id: 'analyst-1' }, correlationId: 'inj-1' },
  { id: 'inj2', occurredAt: '2026-11-03T02:15:00Z', environment: P, category: 'injection', action: 'injection.detected', agentId: 'billing', sessionId: 's4', correlationId: 'inj-2' },
  { id: 'inj2-x', occurredAt: '2026-11-03T02:25:00Z', environment: P, category: 'injection', action: 'injection.confirmed', actor: { type: 'user', id: 'analyst-1' }, correlationId: 'inj-2b' },

  // Escalations: esc-1 resolved 24 h + 1 s later (late; its in-period update is not a resolution); esc-2 resolved after 85 min.
  { id: 'esc1', occurredAt: '2026-11-03T00:48:00Z', environment: P, category: 'escalation', action: 'escalation.opened', actor: { type: 'system', id: 'siem' }, correlationId: 'esc-1' },
  { id: 'esc2', occurredAt: '2026-11-03T02:35:00Z', environment: P, category: 'escalation', action: 'escalation.opened', actor: { type: 'system', id: 'siem' }, correlationId: 'esc-2' },
  { id: 'esc1-upd', occurredAt: '2026-11-03T02:45:00Z', environment: P, category: 'escalation', action: 'escalation.updated', actor: { type: 'user', id: 'soc-1' }, correlationId: 'esc-1' },

  // DLP: 5 with personal data (PHI), 4 blocked (dlp3 names only a data category, no subject); dlp6 blocks a token (no PHI).
  { id: 'dlp1', occurredAt: '2026-11-03T00:16:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'scribe', sessionId: 's1', tool: MAIL, dataSubjects: ['pat-1'], personalData: ['diagnosis'] },
  { id: 'dlp2', occurredAt: '2026-11-03T00:24:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'billing', sessionId: 's2', tool: MAIL, dataSubjects: ['pat-2'], personalData: ['insurance_id'] },
  { id: 'dlp3', occurredAt: '2026-11-03T00:28:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'billing', sessionId: 's2', tool: MAIL, personalData: ['ssn'] },
  { id: 'dlp4', occurredAt: '2026-11-03T02:12:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'scribe', sessionId: 's3', tool: MAIL, dataSubjects: ['pat-3'] },
  { id: 'dlp5', occurredAt: '2026-11-03T02:22:00Z', environment: P, category: 'dlp', action: 'dlp.detected', agentId: 'scribe', sessionId: 's3', tool: MAIL, dataSubjects: ['pat-3'], personalData: ['diagnosis'] },
  { id: 'dlp6', occurredAt: '2026-11-03T02:50:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'billing', sessionId: 's4', tool: MAIL },

  // --- prod, outside the period --------------------------------------------------------------------------
  { id: 'esc1-res', occurredAt: '2026-11-04T00:48:01Z', environment: P, category: 'escalation', action: 'escalation.resolved', actor: { type: 'user', id: 'soc-1' }, correlationId: 'esc-1' },
  { id: 'esc2-res', occurredAt: '2026-11-03T04:00:00Z', environment: P, category: 'escalation', action: 'escalation.resolved', actor: { type: 'user', id: 'soc-1' }, correlationId: 'esc-2' },
  // A denial by the billing agent just before the start: billing's deny rate (and risk) would differ if counted.
  { id: 'o-early', occurredAt: '2026-11-02T23:59:59Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'billing', sessionId: 's0', policyId: 'p-ehr', tool: EHR_READ },

  // A prod disconnection before the start, reconnected before it too: no gap in the period.
  { id: 'o-gw-down', occurredAt: '2026-11-02T23:30:00Z', environment: P, category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw-1' } },
  { id: 'o-gw-up', occurredAt: '2026-11-02T23:45:00Z', environment: P, category: 'monitoring', action: 'gateway.connected', actor: { type: 'system', id: 'gw-1' } },
  // A staging gateway disconnected before the start and never reconnected: it would cover the whole period if counted.
  { id: 's-gw-early', occurredAt: '2026-11-02T23:00:00Z', environment: S, category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw-2' } },

  // --- staging, in the period: all excluded by the environment scope -------------------------------------
  { id: 's-d1', occurredAt: '2026-11-03T00:40:00Z', environment: S, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's1', tool: EHR_READ }, // no policy
  { id: 's-rc', occurredAt: '2026-11-03T00:44:00Z', environment: S, category: 'admin', action: 'role.changed', actor: { type: 'user', id: 'admin-1' }, correlationId: 'rc-s' }, // unapproved
  { id: 's-gw', occurredAt: '2026-11-03T00:20:00Z', environment: S, category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw-2' } }, // never reconnects
  { id: 's-inj', occurredAt: '2026-11-03T01:10:00Z', environment: S, category: 'injection', action: 'injection.detected', agentId: 'scribe', sessionId: 's5', correlationId: 'inj-s' },
  { id: 's-a1', occurredAt: '2026-11-03T01:30:00Z', environment: S, category: 'auth', action: 'login', actor: { type: 'user', id: 'tester' }, outcome: 'failure' },
  { id: 's-dlp', occurredAt: '2026-11-03T01:40:00Z', environment: S, category: 'dlp', action: 'dlp.detected', agentId: 'scribe', sessionId: 's5', tool: MAIL, dataSubjects: ['pat-9'] },
];

const PERIOD = { start: '2026-11-03T00:00:00Z', end: '2026-11-03T03:00:00Z' };

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
