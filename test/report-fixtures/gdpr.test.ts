/**
 * GDPR (organisation-wide Art. 30 record): a hand-written trail scoped to the
 * `production` environment, October 2026. Every metric, finding, table row,
 * the score and the grade below were counted by hand from the events (data/gdpr.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, type FixtureReport, scoreFactorsOf } from '../support/report-fixture.ts';
import { P, events } from './data/gdpr.ts';

let app: TestApp;
let report: FixtureReport;
beforeAll(async () => {
  app = await startTestApp();
  report = await reportFromFixture(app, events, { type: 'gdpr', environment: P, period: { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } });
});
afterAll(() => app.close());

describe('gdpr fixture', () => {
  it('every metric', () => {
    expect(metricsOf(report.content)).toEqual({
      // g1 g2 g3 m1 m2 m4 x1 x2 x3 x4 x5
      personal_data_events: 11,
      // cust-1 cust-2 cust-3 cust-4 emp-1; 11 references (g2 names two, x5 none)
      data_subjects: 5,
      events_per_subject: 2.2,
      // g1 0.25 + g2 0.5 + m1 0.125 (d4's 1.00 is not personal, o1's 2.00 is outside the period)
      personal_data_cost_usd: 0.875,
      // crm-agent, mailer, support-bot (held, not denied); analytics never touched a pii tool
      pii_agents: 3,
      // g1 g2 g3 m1 m2 m4 d3 d7 la1 la2
      pii_tool_events: 10,
      // la1 la2 (credential events on crm-db, tagged pii)
      pii_credential_access: 2,
      // m1 m2 m4 (m3 carries no personal data, s2 is staging)
      disclosures: 3,
      // g1 m1 m2 (m3 is not personal)
      cross_border_transfers: 3,
      // o1 2025-10-20 → 2026-11-01 (s1 is staging)
      oldest_personal_data_days: 377,
      // agent decisions g2 m2 d3 d4 d5 d7; d4 has no policy: 5/6
      policy_coverage: 83.33,
      // g2 m2 d3 d7, all by pii-guard
      pii_policy_coverage: 100,
      // d3 (deny) d7 (hold)
      pii_tool_denials: 2,
      // 1 deny of 7 decisions (g2 m2 d3 d4 d5 d6 d7)
      denial_rate: 14.29,
      // 3 of 4 agents
      pii_agent_share: 75,
      decisions: 7,
      // la1 lb1 lc1; lb1 ended 1 s late
      credential_leases: 3,
      lease_compliance: 66.67,
      injections_detected: 0,
      injection_review_rate: null,
      auth_success_rate: 75,
      // x1..x5
      dlp_personal_data: 5,
      dlp_personal_data_blocked: 1,
      dlp_personal_data_detected: 4,
      breaches_possible: 4,
      // x2 x3 answered within 72 h; x4 late, x5 never
      breach_response_within_72h: 50,
      // times 3600, 259200, 259260 (x5 has no correlation id)
      breach_response_p50: 259200,
      breach_response_p95: 259254,
      unique_agents: 4,
      max_agent_risk: 60,
      elevated_risk_agents: 1,
      // g1 g2 m1 m2 of 11
      legal_basis_rate: 36.36,
      // x1 of x1..x5
      dlp_personal_data_block_rate: 20,
    });
  });

  it('every finding', () => {
    expect(findingsOf(report.content)).toEqual({
      'Art. 30.1.b purpose-and-basis': { status: 'fail', evidenceCount: 7 },
      'Art. 30.1.d disclosure-basis': { status: 'fail', evidenceCount: 1 }, // 2 of 3: m4
      'Art. 30.1.e transfer-basis': { status: 'pass', evidenceCount: 3 },
      'Art. 25.1 policy-coverage': { status: 'warn', evidenceCount: 1 }, // d4
      'Art. 25.2 pii-policy-coverage': { status: 'pass', evidenceCount: 4 },
      'Art. 32.1.b denial-rate': { status: 'warn', evidenceCount: 1 }, // d3
      'Art. 32.1.b lease-compliance': { status: 'fail', evidenceCount: 1 }, // lb1
      'Art. 32.1.d injections-reviewed': { status: 'not_applicable', evidenceCount: 0 },
      'Art. 33.1 breach-response-72h': { status: 'fail', evidenceCount: 2 }, // x4 x5
      'Art. 35.7.c agent-risk': { status: 'warn', evidenceCount: 9 }, // 60; guardrail triggers d3 d5 d7 x1..x6
      'Art. 5.1.a legal-basis': { status: 'fail', evidenceCount: 7 },
      'Art. 5.1.c data-minimisation': { status: 'warn', evidenceCount: 10 }, // 75%
      'Art. 5.1.e storage-limitation': { status: 'warn', evidenceCount: 11 }, // 377 days
      'Art. 5.1.f personal-data-blocked': { status: 'fail', evidenceCount: 4 }, // 20%
    });
  });

  it('score and grade', () => {
    // Weights: high 6 × 7 (30.1.b f, 30.1.d f, 30.1.e p, 25.1 w, 25.2 p, lease f, 5.1.a f), medium 3 × 4 (all warn),
    // critical 10 × 2 (both fail) = 74; earned 6 + 3 + 6 + 4 × 1.5 = 21; controls 2100 / 74 = 28.38.
    // Policy coverage 5/6 = 83.33; SLA: the hold d7 never answered, 0/1; pii-guard v2 and default v1 recent; security 2 of 2.
    // (50·28.38 + 15·83.33 + 15·0 + 10·100 + 10·100)/100 = 46.69 → 47.
    expect(scoreFactorsOf(report.content)).toEqual({ controls: 28.38, policy_coverage: 83.33, sla_compliance: 0, configuration_currency: 100, security_settings: 100 });
    expect({ score: report.content.score, grade: report.content.grade }).toEqual({ score: 47, grade: 'F' });
  });

  it('Art. 30 tables', () => {
    const c = report.content;
    expect(rowsOf(c, 'personal_data_agents')).toEqual([
      { agent: 'crm-agent', events: 6, legalBases: 'contract', recipients: null, firstSeen: '2026-10-01T00:00:00.000Z', lastSeen: '2026-10-21T10:00:00.000Z' },
      { agent: 'mailer', events: 5, legalBases: 'consent, legal_obligation', recipients: 'mailgun, payroll-co', firstSeen: '2026-10-05T08:00:00.000Z', lastSeen: '2026-10-16T10:00:00.000Z' },
    ]);
    // Tags as the tools registry keeps them (ingest stores them sorted).
    expect(rowsOf(c, 'pii_tools')).toEqual([
      { tool: 'crm.lookup', tags: 'crm, pii', events: 4, agents: 2, deniedOrHeld: 1, firstSeen: '2026-10-01T00:00:00.000Z', lastSeen: '2026-10-08T12:00:00.000Z' },
      { tool: 'email.send', tags: 'pii', events: 4, agents: 2, deniedOrHeld: 1, firstSeen: '2026-10-05T08:00:00.000Z', lastSeen: '2026-10-08T13:00:00.000Z' },
      { tool: 'crm-db', tags: 'pii', events: 2, agents: 1, deniedOrHeld: 0, firstSeen: '2026-10-10T10:00:00.000Z', lastSeen: '2026-10-10T11:00:00.000Z' },
    ]);
    expect(rowsOf(c, 'processing_purposes')).toEqual([
      { legalBasis: '(none recorded)', purpose: '(not recorded)', events: 6, agents: 2 }, // g3 x1 x4 x5 (crm-agent), x2 x3 (mailer)
      { legalBasis: '(none recorded)', purpose: 'marketing', events: 1, agents: 1 }, // m4
      { legalBasis: 'consent', purpose: 'marketing', events: 1, agents: 1 }, // m1
      { legalBasis: 'contract', purpose: 'billing', events: 1, agents: 1 }, // g2
      { legalBasis: 'contract', purpose: 'support', events: 1, agents: 1 }, // g1
      { legalBasis: 'legal_obligation', purpose: 'payroll', events: 1, agents: 1 }, // m2
    ]);
    expect(rowsOf(c, 'data_subject_categories')).toEqual([
      { subjectCategory: 'customer', events: 5, subjectReferences: 6 }, // g1 g2(2) g3 m1 m4
      { subjectCategory: '(not recorded)', events: 4, subjectReferences: 4 }, // x1..x4
      { subjectCategory: 'employee', events: 1, subjectReferences: 1 }, // m2
    ]);
    expect(rowsOf(c, 'personal_data_categories')).toEqual([
      { category: 'contact', events: 8, oldestInPeriod: '2026-10-01T00:00:00.000Z', newestInPeriod: '2026-10-16T10:00:00.000Z' }, // g1 g2 g3 m1 m2 m4 x2 x3
      { category: 'payment', events: 4, oldestInPeriod: '2026-10-02T09:00:00.000Z', newestInPeriod: '2026-10-21T10:00:00.000Z' }, // g2 x1 x4 x5
    ]);
    // Recipients of personal data only (m3's partner-x carried none); null region sorts last.
    expect(rowsOf(c, 'recipients')).toEqual([
      { recipient: 'mailgun', region: 'us', legalBasis: 'consent', events: 1 },
      { recipient: 'mailgun', region: null, legalBasis: '(none recorded)', events: 1 },
      { recipient: 'payroll-co', region: 'eu', legalBasis: 'legal_obligation', events: 1 },
    ]);
    expect(rowsOf(c, 'transfers_by_region')).toEqual([
      { region: 'eu', events: 2, recipients: 1, withoutLegalBasis: 0 }, // g1 (no recipient), m2
      { region: 'us', events: 1, recipients: 1, withoutLegalBasis: 0 }, // m1
    ]);
    expect(rowsOf(c, 'retention')).toEqual([
      { kind: 'audit events', oldestKeptDays: 518 }, // o0 2025-06-01
      { kind: 'events with personal data', oldestKeptDays: 377 }, // o1 2025-10-20
    ]);
  });

  it('policy and risk tables', () => {
    const c = report.content;
    expect(rowsOf(c, 'policies')).toEqual([
      { policy: 'pii-guard', versions: 'v1, v2', decisions: 4, allow: 2, deny: 1, alert: 0, hold: 1 }, // g2 | m2 d3 d7
      { policy: '(no explicit policy)', versions: null, decisions: 2, allow: 2, deny: 0, alert: 0, hold: 0 }, // d4 d6
      { policy: 'default', versions: 'v1', decisions: 1, allow: 0, deny: 0, alert: 1, hold: 0 }, // d5
    ]);
    expect(rowsOf(c, 'agent_risk')).toEqual([
      // 1 deny of 2 decisions: 2 × 50 capped at 40; 1 error of 3 events: 33.3 capped at 20.
      { agent: 'support-bot', events: 3, sessions: 1, denyRatePercent: 50, errorRatePercent: 33.33, injections: 0, dlpEvents: 0, risk: 60, explanation: 'deny rate 50.0% (+40), error rate 33.3% (+20)' },
      // m3 failed: 1 of 7 = 14.29; 2 DLP events of 7 is far above 4 per 1,000: capped at 20.
      { agent: 'mailer', events: 7, sessions: 1, denyRatePercent: 0, errorRatePercent: 14.29, injections: 0, dlpEvents: 2, risk: 34, explanation: 'error rate 14.3% (+14), 2 DLP events (+20)' },
      { agent: 'analytics', events: 5, sessions: 1, denyRatePercent: 0, errorRatePercent: 0, injections: 0, dlpEvents: 1, risk: 20, explanation: '1 DLP events (+20)' },
      // x5 has no session: still one session.
      { agent: 'crm-agent', events: 8, sessions: 1, denyRatePercent: 0, errorRatePercent: 0, injections: 0, dlpEvents: 3, risk: 20, explanation: '3 DLP events (+20)' },
    ]);
    expect(rowsOf(c, 'risk_distribution')).toEqual([
      { band: 'low (0–24)', agents: 2 },
      { band: 'medium (25–49)', agents: 1 },
      { band: 'high (50–74)', agents: 1 },
      { band: 'critical (75–100)', agents: 0 },
    ]);
  });
});
