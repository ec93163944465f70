/**
 * ISO/IEC 27001:2022 Annex A report over a hand-written fixture: every
 * metric, every finding, the score and the Statement of Applicability are
 * written by hand from the events (data/iso27001.ts) and the definitions (iso27001.ts,
 * checks.ts, metrics.ts, selectors.ts), never from the engine's output.
 *
 * Period: 2026-11-02 08:00Z to 12:00Z (4 h, end excluded), environment `default`.
 * In scope: 43 events. Outside it (before the start, at/after the end):
 * 7 events, some of which resolve in-scope events (resolutions are looked
 * up across the whole trail) and some that would change numbers if counted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import annexA from '../../src/frameworks/catalogs/iso27001-2022-annex-a.json' with { type: 'json' };
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, tableOf, scoreFactorsOf } from '../support/report-fixture.ts';
import { events, PERIOD } from './data/iso27001.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

it('iso27001: every metric, finding, the score, the Statement of Applicability and the asset tables, by hand', async () => {
  const { content } = await reportFromFixture(app, events, { type: 'iso27001', period: PERIOD });

  expect(metricsOf(content)).toEqual({
    // A.5 organisational
    policy_coverage: 90, // 9 of the 10 agent decisions name a policy (d7 does not; d-human is no agent decision)
    privileged_role_changes: 2, // rc-1, rc-2
    role_change_approval_rate: 50, // rc-2 has only an approval.denied
    access_removals: 2, // rm-1 access.revoked, rm-2 user.deleted
    credential_leases: 3, // l1, l2, l3
    lease_compliance: 66.67, // 100 − 100·1/3: l2 revoked 1 s after its 600 s TTL
    escalations: 1, // esc-1 (o-esc-0 is before the start)
    escalation_sla_rate: 100, // resolved exactly 24 h later
    injections_detected: 2, // inj-1, inj-2
    injection_review_rate: 100, // inj-1 confirmed, inj-2 false positive (after the period)
    breaches_possible: 1, // dlp-2: dlp.detected with personal data
    breach_response_within_72h: 100, // o-br-1-response exactly 72 h later
    attribution_rate: 95.35, // 100 − 100·2/43 (esc-1, rm-2 name neither agent nor actor)
    legal_basis_rate: 75, // 3 of 4 personal-data events (d1, t1, dlp-1; not dlp-2)
    // A.8 technological
    decisions: 11, // d1–d10 and d-human
    denial_rate: 27.27, // 3 of 11: d3, d9, d-human
    unapproved_role_changes: 1, // rc-2
    auth_events: 0,
    auth_success_rate: null, // nothing to measure
    config_changes: 5, // cc-1, cc-4, cc-2, cc-5 (config_change) and cc-3 (secret.rotated)
    config_change_approval_rate: 80, // 4 of 5: cc-2 has no grant
    people_admin_changes: 7, // by users: rc-1, rc-2, rm-1 (admin) and cc-1, cc-4, cc-2, cc-5 (config_change); not rm-2 (no actor), svc, cc-3
    admin_attribution_rate: 87.5, // 100 − 100·1/8 of the 7 and rm-2, which names no actor
    dlp_events: 3, // dlp-1, dlp-2, dlp-3
    dlp_block_rate: 33.33, // 1 of 3
    session_attribution_rate: 83.33, // 100 − 100·2/12: of d1–d10 and t1, t2, d8 and t2 lack a session
    time_coverage: 97.5, // 100·(1 − 360/14,400): the gateway was down 11:52–11:58; no silence exceeds 60 min
    gateway_disconnects: 1,
    // Assets
    unique_agents: 2, // agent-a, agent-b (agent-c only at the excluded end)
    unique_sessions: 3, // s1, s2, s3 (s0, s9 outside the period)
    pii_tool_events: 5, // d1, d3, d9, d10, t1
  });

  expect(findingsOf(content)).toEqual({
    // Evidence is the exceptions when there are any, else the population.
    'A.5.15 policy-coverage': { status: 'warn', evidenceCount: 1 }, // 90 in [80, 95); d7
    'A.5.17 lease-compliance': { status: 'fail', evidenceCount: 1 }, // 66.67 < 90; l2
    'A.5.18 role-changes-approved': { status: 'fail', evidenceCount: 1 }, // 50 < 90; rc-2
    'A.5.24 escalations-on-time': { status: 'pass', evidenceCount: 1 }, // no late one: the population, esc-1
    'A.5.25 injections-reviewed': { status: 'pass', evidenceCount: 2 }, // population: inj-1, inj-2
    'A.5.26 breach-response-72h': { status: 'pass', evidenceCount: 1 }, // population: dlp-2
    'A.5.28 attribution': { status: 'warn', evidenceCount: 2 }, // 95.35 in [95, 99); esc-1, rm-2
    'A.5.34 legal-basis': { status: 'fail', evidenceCount: 1 }, // 75 < 90; dlp-2
    'A.8.2 privileged-changes': { status: 'warn', evidenceCount: 1 }, // 1 unapproved: max pass 0, warn 1
    'A.8.3 denial-rate': { status: 'fail', evidenceCount: 3 }, // 27.27 > 20
    'A.8.5 authentication': { status: 'not_applicable', evidenceCount: 0 }, // no auth events
    'A.8.9 admin-attribution': { status: 'fail', evidenceCount: 1 }, // 87.5 < 95; rm-2
    'A.8.12 dlp-blocked': { status: 'fail', evidenceCount: 2 }, // 33.33 < 80; dlp-2, dlp-3
    'A.8.15 attribution': { status: 'warn', evidenceCount: 2 },
    'A.8.15 session-attribution': { status: 'fail', evidenceCount: 2 }, // 83.33 < 95; d8, t2
    'A.8.16 monitoring-coverage': { status: 'warn', evidenceCount: 1 }, // 97.5 in [95, 99); the disconnection
    'A.8.32 changes-approved': { status: 'warn', evidenceCount: 1 }, // exactly 80: warn is inclusive; cc-2
    'A.5.9 inventory-attribution': { status: 'warn', evidenceCount: 2 },
  });

  // dlp-3 is an unblocked leak detection without personal data that never got a response, yet A.5.26 passes: its
  // population is personal-data leaks only, so its title must say so (it claimed every data-leak detection).
  expect(content.findings.find((f) => f.controlId === 'A.5.26')!.title).toBe('Personal-data leak detections get a response within 72 hours');
  expect(content.framework.version).toBe('2026.11.3');
  // Policy coverage is measured over the 10 agent decisions (its population), d7 being the exception.
  const coverage = content.findings.find((f) => f.controlId === 'A.5.15')!;
  expect({ evidenceSelector: coverage.evidenceSelector, populationCount: coverage.populationCount }).toEqual({ evidenceSelector: 'uncovered_agent_decisions', populationCount: 10 });

  // Weights of applicable findings: 10 high (60) and 7 medium (21) = 81 (A.8.5 is not applicable).
  // Earned: high 3 warns (A.5.15, A.8.2, A.8.16) × 3 + 3 passes × 6 = 27; medium 4 warns × 1.5 = 6. Controls 100·33/81 = 40.74.
  // Policy coverage 9/10; SLA: the hold d6 never answered, 0/1; security 2 of 2.
  // (50·40.74 + 15·90 + 15·0 + 10·100 + 10·100)/100 = 53.87 → 54, F.
  expect(scoreFactorsOf(content)).toEqual({ controls: 40.74, policy_coverage: 90, sla_compliance: 0, configuration_currency: 100, security_settings: 100 });
  expect({ score: content.score, grade: content.grade }).toEqual({ score: 54, grade: 'F' });

  const PEOPLE = 'People control (screening, terms of employment, awareness and training, discipline, duties after termination, confidentiality agreements): leaves no trace in agent governance events; evidence it from HR records.';
  // Not HR processes: their own reasons.
  const REMOTE = 'Remote working: the security of people working away from the premises (remote-working policy, protected remote access and devices) leaves no trace in agent governance events; evidence it from the remote-working policy and the remote-access and endpoint records.';
  const EVENT_REPORTING = 'Information security event reporting: whether personnel report observed or suspected events through the designated channel is not recorded in agent governance events (the gateway\'s own detections are assessed under A.5.25 and A.8.16); evidence it from the reporting channel and its records.';
  const PHYSICAL = 'Physical control: facilities and equipment are outside the agent governance trail; evidence it from physical-security records.';
  const OTHER = 'Not evidenced by agent governance events; assess it with the ISMS\'s other records.';
  const MEASURED = 'Measured from the agent governance trail';
  const NOTHING = 'Nothing of this kind happened in the period and scope';
  // Nobody has stated anything for this organisation: every control applicable, status unknown.
  const NOT_STATED = 'Not stated yet: applicable by default until the organisation records its applicability and justification.';
  expect(tableOf(content, 'statement_of_applicability').title).toBe('Statement of Applicability (93 controls: 93 applicable, 0 excluded, 93 not stated yet)');
  expect(tableOf(content, 'statement_of_applicability').columns).toEqual(['control', 'title', 'applicability', 'justification', 'implementation', 'statedIn', 'evidencedByAgentEvents', 'evidence']);
  // All 93 controls in catalog order; the 17 this definition maps are evidenced, with their findings' ordinals and statuses.
  expect(tableOf(content, 'statement_of_applicability').rows).toEqual([
    ['A.5.1', "Policies for information security", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.2', "Information security roles and responsibilities", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.3', "Segregation of duties", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.4', "Management responsibilities", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.5', "Contact with authorities", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.6', "Contact with special interest groups", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.7', "Threat intelligence", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.8', "Information security in project management", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.9', "Inventory of information and other associated assets", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 18 inventory-attribution: warn`],
    ['A.5.10', "Acceptable use of information and other associated assets", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.11', "Return of assets", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.12', "Classification of information", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.13', "Labelling of information", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.14', "Information transfer", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.15', "Access control", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 1 policy-coverage: warn`],
    ['A.5.16', "Identity management", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.17', "Authentication information", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 2 lease-compliance: fail`],
    ['A.5.18', "Access rights", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 3 role-changes-approved: fail`],
    ['A.5.19', "Information security in supplier relationships", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.20', "Addressing information security within supplier agreements", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.21', "Managing information security in the ICT supply chain", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.22', "Monitoring, review and change management of supplier services", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.23', "Information security for use of cloud services", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.24', "Information security incident management planning and preparation", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 4 escalations-on-time: pass`],
    ['A.5.25', "Assessment and decision on information security events", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 5 injections-reviewed: pass`],
    ['A.5.26', "Response to information security incidents", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 6 breach-response-72h: pass`],
    ['A.5.27', "Learning from information security incidents", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.28', "Collection of evidence", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 7 attribution: warn`],
    ['A.5.29', "Information security during disruption", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.30', "ICT readiness for business continuity", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.31', "Legal, statutory, regulatory and contractual requirements", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.32', "Intellectual property rights", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.33', "Protection of records", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.34', "Privacy and protection of PII", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 8 legal-basis: fail`],
    ['A.5.35', "Independent review of information security", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.36', "Compliance with policies, rules and standards for information security", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.5.37', "Documented operating procedures", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.6.1', "Screening", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PEOPLE],
    ['A.6.2', "Terms and conditions of employment", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PEOPLE],
    ['A.6.3', "Information security awareness, education and training", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PEOPLE],
    ['A.6.4', "Disciplinary process", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PEOPLE],
    ['A.6.5', "Responsibilities after termination or change of employment", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PEOPLE],
    ['A.6.6', "Confidentiality or non-disclosure agreements", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PEOPLE],
    ['A.6.7', "Remote working", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', REMOTE],
    ['A.6.8', "Information security event reporting", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', EVENT_REPORTING],
    ['A.7.1', "Physical security perimeters", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.2', "Physical entry", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.3', "Securing offices, rooms and facilities", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.4', "Physical security monitoring", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.5', "Protecting against physical and environmental threats", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.6', "Working in secure areas", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.7', "Clear desk and clear screen", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.8', "Equipment siting and protection", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.9', "Security of assets off-premises", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.10', "Storage media", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.11', "Supporting utilities", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.12', "Cabling security", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.13', "Equipment maintenance", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.7.14', "Secure disposal or re-use of equipment", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', PHYSICAL],
    ['A.8.1', "User end point devices", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.2', "Privileged access rights", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 9 privileged-changes: warn`],
    ['A.8.3', "Information access restriction", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 10 denial-rate: fail`],
    ['A.8.4', "Access to source code", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.5', "Secure authentication", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${NOTHING}: finding 11 authentication: not_applicable`],
    ['A.8.6', "Capacity management", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.7', "Protection against malware", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.8', "Management of technical vulnerabilities", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.9', "Configuration management", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 12 admin-attribution: fail`],
    ['A.8.10', "Information deletion", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.11', "Data masking", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.12', "Data leakage prevention", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 13 dlp-blocked: fail`],
    ['A.8.13', "Information backup", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.14', "Redundancy of information processing facilities", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.15', "Logging", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 14 attribution: warn; finding 15 session-attribution: fail`],
    ['A.8.16', "Monitoring activities", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 16 monitoring-coverage: warn`],
    ['A.8.17', "Clock synchronization", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.18', "Use of privileged utility programs", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.19', "Installation of software on operational systems", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.20', "Networks security", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.21', "Security of network services", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.22', "Segregation of networks", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.23', "Web filtering", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.24', "Use of cryptography", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.25', "Secure development life cycle", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.26', "Application security requirements", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.27', "Secure system architecture and engineering principles", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.28', "Secure coding", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.29', "Security testing in development and acceptance", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.30', "Outsourced development", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.31', "Separation of development, test and production environments", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.32', "Change management", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'yes', `${MEASURED}: finding 17 changes-approved: warn`],
    ['A.8.33', "Test information", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
    ['A.8.34', "Protection of information systems during audit testing", 'applicable', NOT_STATED, 'unknown', 'not stated (default)', 'no', OTHER],
  ]);
  expect(rowsOf(content, 'statement_of_applicability').filter((r) => r.evidencedByAgentEvents === 'yes')).toHaveLength(17);
  // Ids and titles exactly as the catalog spells them, in its order.
  expect(tableOf(content, 'statement_of_applicability').rows.map((r) => [r[0], r[1]])).toEqual(annexA.annex_a_controls.map((c) => [c.id, c.title]));

  // Assets (A.5.9). Risk: 2 points per % denied (max 40) + 1 per % failed (max 20) + 10 per injection per 1,000 events
  // (max 20) + 5 per DLP event per 1,000 events (max 20).
  // agent-a: 12 events (d1, d2, d3, d7, d8, t1, l1, l1-ret, l3, inj-1, dlp-1, dlp-3), 1 of 5 decisions denied = 20% → 40; 20; 20.
  // agent-b: 9 events (d4, d5, d6, d9, d10, t2, l2, inj-2, dlp-2), 1 of 5 denied → 40; 20; 20. Both 80; ties by agent id.
  expect(rowsOf(content, 'agent_risk')).toEqual([
    { agent: 'agent-a', events: 12, sessions: 2, denyRatePercent: 20, errorRatePercent: 0, injections: 1, dlpEvents: 2, risk: 80, explanation: 'deny rate 20.0% (+40), 1 injection detections (+20), 2 DLP events (+20)' },
    { agent: 'agent-b', events: 9, sessions: 1, denyRatePercent: 20, errorRatePercent: 0, injections: 1, dlpEvents: 1, risk: 80, explanation: 'deny rate 20.0% (+40), 1 injection detections (+20), 1 DLP events (+20)' },
  ]);
  // First seen is the agent registry's (agent-a was first seen on 19 October, o-old); last seen within the period.
  expect(rowsOf(content, 'agents_inventory')).toEqual([
    { agent: 'agent-a', status: 'active', riskScore: 80, enforcement: 'enforcing (deny/hold)', environments: 'default', events: 12, sessions: 2, firstSeen: '2026-10-19T09:00:00.000Z', lastSeen: '2026-11-02T11:45:00.000Z' },
    { agent: 'agent-b', status: 'active', riskScore: 80, enforcement: 'enforcing (deny/hold)', environments: 'default', events: 9, sessions: 1, firstSeen: '2026-11-02T09:00:00.000Z', lastSeen: '2026-11-02T11:30:00.000Z' },
  ]);
  // By the events' first tag (crm tools carry ['pii', 'crm']), then events; agents counts named agents only (d-human has none).
  expect(rowsOf(content, 'tools_inventory')).toEqual([
    { category: 'code', tool: 'code.push', tags: 'code', events: 1, agents: 1, deniedOrHeld: 0, firstSeen: '2026-11-02T11:45:00.000Z', lastSeen: '2026-11-02T11:45:00.000Z' },
    { category: 'docs', tool: 'docs.search', tags: 'docs', events: 5, agents: 2, deniedOrHeld: 0, firstSeen: '2026-11-02T08:20:00.000Z', lastSeen: '2026-11-02T10:50:00.000Z' },
    { category: 'email', tool: 'email.send', tags: 'email', events: 2, agents: 2, deniedOrHeld: 0, firstSeen: '2026-11-02T09:25:00.000Z', lastSeen: '2026-11-02T10:35:00.000Z' },
    { category: 'finance', tool: 'payments.refund', tags: 'finance', events: 2, agents: 1, deniedOrHeld: 2, firstSeen: '2026-11-02T09:10:00.000Z', lastSeen: '2026-11-02T09:40:00.000Z' },
    { category: 'pii', tool: 'crm.lookup', tags: 'crm, pii', events: 3, agents: 2, deniedOrHeld: 0, firstSeen: '2026-11-02T08:05:00.000Z', lastSeen: '2026-11-02T11:30:00.000Z' },
    { category: 'pii', tool: 'crm.export', tags: 'crm, pii', events: 2, agents: 2, deniedOrHeld: 2, firstSeen: '2026-11-02T08:40:00.000Z', lastSeen: '2026-11-02T11:00:00.000Z' },
    { category: 'web', tool: 'web.fetch', tags: 'web', events: 1, agents: 1, deniedOrHeld: 0, firstSeen: '2026-11-02T09:20:00.000Z', lastSeen: '2026-11-02T09:20:00.000Z' },
  ]);
  // db-readonly: l1, l3 issued, l1 returned (l3's return is after the end: open); db-admin: l2 issued, revoked, rotated by cc-3.
  expect(rowsOf(content, 'credentials_inventory')).toEqual([
    { credential: 'db-readonly', leasesIssued: 2, leasesEnded: 1, openLeases: 1, grants: 0, lastRotated: null, agents: 1 },
    { credential: 'db-admin', leasesIssued: 1, leasesEnded: 1, openLeases: 0, grants: 0, lastRotated: '2026-11-02T11:20:00.000Z', agents: 1 },
  ]);
});
