/**
 * GDPR data-subject access export over one hand-written trail, in both
 * scopes: every event naming the data subject `alice`, and everything the
 * agent `helpdesk` processed. Metrics, findings, table rows, score and grade
 * were counted by hand from the events (data/gdpr-dsar.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportFromFixture, rowsOf, type FixtureReport, scoreFactorsOf } from '../support/report-fixture.ts';
import { period, events } from './data/gdpr-dsar.ts';

let app: TestApp;
let bySubject: FixtureReport;
let byAgent: FixtureReport;
/** Sequence numbers the ingest gave each fixture event, by organisation and event id (the tables show them). */
const seqs = new Map<string, Map<string, number>>();
const seqOf = (r: FixtureReport, id: string) => seqs.get(r.orgId)!.get(id)!;

beforeAll(async () => {
  app = await startTestApp();
  bySubject = await reportFromFixture(app, events, { type: 'gdpr_dsar', dataSubject: 'alice', period });
  byAgent = await reportFromFixture(app, events, { type: 'gdpr_dsar', agentIds: ['helpdesk'], period });
  for (const r of [bySubject, byAgent]) {
    const rows = await app.services.database.sql`select client_id, seq from audit_events where org_id = ${r.orgId}`;
    seqs.set(r.orgId, new Map(rows.map((row) => [String(row.client_id), Number(row.seq)])));
  }
});
afterAll(() => app.close());

describe('gdpr_dsar for one data subject (alice)', () => {
  it('every metric', () => {
    expect(bySubject.content.scope.dataSubject).toBe('alice');
    expect(metricsOf(bySubject.content)).toEqual({
      // e1..e7 (n3, n4 outside the period; n5 names alice-2)
      personal_data_events: 7,
      // alice only: bob, named beside her in e2, is a third party whose data is not hers (Art. 15(4)),
      // so he is neither counted nor listed; e2 stays in her export. 7 references to alice.
      data_subjects: 1,
      events_per_subject: 7,
      // e1 0.5 + e2 0.25
      personal_data_cost_usd: 0.75,
      // all but e4: 6 of 7
      legal_basis_rate: 85.71,
      // e3 e4 e7
      disclosures: 3,
      // e3 (us) e5 (eu)
      cross_border_transfers: 2,
      // e1 e2 (e7's message has no agent)
      agent_messages: 2,
    });
  });

  it('every finding, score and grade', () => {
    expect(findingsOf(bySubject.content)).toEqual({
      'Art. 5.1.a legal-basis': { status: 'fail', evidenceCount: 1 }, // 85.71 < 90: e4
      'Art. 30.1.d disclosure-basis': { status: 'fail', evidenceCount: 1 }, // 66.67: e4
      'Art. 30.1.e transfer-basis': { status: 'pass', evidenceCount: 2 }, // e3 e5
    });
    // Controls: three high checks (6 each): one pass of 18 → 33.33. Policy coverage: alice's one agent decision (billing);
    // no approval or hold: SLA not counted, the others' weights share its 15.
    // (50·33.33 + 15·100 + 10·100 + 10·100)/85 = 60.78 → 61, D-.
    expect(scoreFactorsOf(bySubject.content)).toEqual({ controls: 33.33, policy_coverage: 100, sla_compliance: null, configuration_currency: 100, security_settings: 100 });
    expect({ score: bySubject.content.score, grade: bySubject.content.grade }).toEqual({ score: 61, grade: 'D-' });
  });

  it('tables', () => {
    const c = bySubject.content;
    const ev = (id: string, occurredAt: string, agent: string | null, category: string, action: string, tool: string, personalData: string, legalBasis: string | null, recipient: string | null, region: string | null) =>
      // Every row names the subject it concerns: alice alone, also where an event names others too (e2 names bob).
      ({ occurredAt, seq: seqOf(bySubject, id), dataSubjects: 'alice', agent, category, action, tool, personalData, legalBasis, recipient, region });
    expect(rowsOf(c, 'subject_events')).toEqual([
      ev('e1', '2026-10-02T09:00:00.000Z', 'helpdesk', 'tool_call', 'ticket.read', 'ticket.read', 'contact', 'contract', null, null),
      ev('e2', '2026-10-02T09:05:00.000Z', 'helpdesk', 'tool_call', 'ticket.read', 'ticket.read', 'contact, order_history', 'contract', null, null),
      ev('e3', '2026-10-03T10:00:00.000Z', 'billing-bot', 'policy_decision', 'invoice.send', 'invoice.send', 'payment', 'contract', 'stripe', 'us'),
      ev('e4', '2026-10-04T11:00:00.000Z', 'billing-bot', 'tool_call', 'invoice.export', 'invoice.export', 'payment', null, 'accounting-firm', null),
      ev('e5', '2026-10-05T12:00:00.000Z', 'mailer', 'tool_call', 'email.send', 'email.send', 'contact', 'consent', null, 'eu'),
      ev('e6', '2026-10-06T08:00:00.000Z', 'helpdesk', 'tool_call', 'ticket.read', 'ticket.read', 'contact', 'contract', null, null),
      ev('e7', '2026-10-07T08:00:00.000Z', null, 'tool_call', 'crm.export', 'crm.export', 'contact', 'legitimate_interest', 'auditor', null),
    ]);
    expect(rowsOf(c, 'personal_data_categories')).toEqual([
      { category: 'contact', events: 5, oldestInPeriod: '2026-10-02T09:00:00.000Z', newestInPeriod: '2026-10-07T08:00:00.000Z' }, // e1 e2 e5 e6 e7
      { category: 'payment', events: 2, oldestInPeriod: '2026-10-03T10:00:00.000Z', newestInPeriod: '2026-10-04T11:00:00.000Z' }, // e3 e4
      { category: 'order_history', events: 1, oldestInPeriod: '2026-10-02T09:05:00.000Z', newestInPeriod: '2026-10-02T09:05:00.000Z' }, // e2
    ]);
    expect(rowsOf(c, 'data_subject_categories')).toEqual([
      { subjectCategory: 'customer', events: 5, subjectReferences: 5 }, // e1 e2 e3 e4 e5, alice's references only (not bob's in e2)
      { subjectCategory: '(not recorded)', events: 2, subjectReferences: 2 }, // e6 e7
    ]);
    expect(rowsOf(c, 'processing_purposes')).toEqual([
      { legalBasis: 'contract', purpose: 'support', events: 2, agents: 1 }, // e1 e2
      { legalBasis: '(none recorded)', purpose: '(not recorded)', events: 1, agents: 1 }, // e4
      { legalBasis: 'consent', purpose: 'marketing', events: 1, agents: 1 }, // e5
      { legalBasis: 'contract', purpose: '(not recorded)', events: 1, agents: 1 }, // e6
      { legalBasis: 'contract', purpose: 'billing', events: 1, agents: 1 }, // e3
      { legalBasis: 'legitimate_interest', purpose: '(not recorded)', events: 1, agents: 0 }, // e7, by a person
    ]);
    expect(rowsOf(c, 'personal_data_agents')).toEqual([
      { agent: 'helpdesk', events: 3, legalBases: 'contract', recipients: null, firstSeen: '2026-10-02T09:00:00.000Z', lastSeen: '2026-10-06T08:00:00.000Z' },
      { agent: 'billing-bot', events: 2, legalBases: 'contract', recipients: 'accounting-firm, stripe', firstSeen: '2026-10-03T10:00:00.000Z', lastSeen: '2026-10-04T11:00:00.000Z' },
      { agent: 'mailer', events: 1, legalBases: 'consent', recipients: null, firstSeen: '2026-10-05T12:00:00.000Z', lastSeen: '2026-10-05T12:00:00.000Z' },
    ]);
    expect(rowsOf(c, 'recipients')).toEqual([
      { recipient: 'accounting-firm', region: null, legalBasis: '(none recorded)', events: 1 },
      { recipient: 'auditor', region: null, legalBasis: 'legitimate_interest', events: 1 },
      { recipient: 'stripe', region: 'us', legalBasis: 'contract', events: 1 },
    ]);
    expect(rowsOf(c, 'transfers_by_region')).toEqual([
      { region: 'eu', events: 1, recipients: 0, withoutLegalBasis: 0 }, // e5
      { region: 'us', events: 1, recipients: 1, withoutLegalBasis: 0 }, // e3
    ]);
    expect(rowsOf(c, 'agent_messages')).toEqual([
      { occurredAt: '2026-10-02T09:00:00.000Z', seq: seqOf(bySubject, 'e1'), agent: 'helpdesk', session: 's-h1', direction: 'sent', message: 'Hello Alice, how can I help?' },
      { occurredAt: '2026-10-02T09:05:00.000Z', seq: seqOf(bySubject, 'e2'), agent: 'helpdesk', session: 's-h1', direction: 'received', message: 'My order is late' },
    ]);
  });
});

describe('gdpr_dsar for one agent (helpdesk)', () => {
  it('every metric', () => {
    expect(byAgent.content.scope.agentIds).toEqual(['helpdesk']);
    expect(metricsOf(byAgent.content)).toEqual({
      // e1 e2 e6 n1 n6 (n2, n7 carry no personal data)
      personal_data_events: 5,
      // alice, bob: e1 1 + e2 2 + e6 1 + n1 1 = 5 references (n6 names none)
      data_subjects: 2,
      events_per_subject: 2.5,
      // e1 0.5 + e2 0.25 (n2's 1.00 is not personal)
      personal_data_cost_usd: 0.75,
      legal_basis_rate: 100,
      // n6 (n7 has a recipient but no personal data)
      disclosures: 1,
      cross_border_transfers: 0,
      // e1 e2 n1 n2
      agent_messages: 4,
    });
  });

  it('every finding, score and grade', () => {
    expect(findingsOf(byAgent.content)).toEqual({
      'Art. 5.1.a legal-basis': { status: 'pass', evidenceCount: 5 },
      'Art. 30.1.d disclosure-basis': { status: 'pass', evidenceCount: 1 },
      'Art. 30.1.e transfer-basis': { status: 'not_applicable', evidenceCount: 0 },
    });
    // Two high checks pass; the transfer check does not apply. No decision, approval or hold: controls and security alone.
    expect(scoreFactorsOf(byAgent.content)).toEqual({ controls: 100, policy_coverage: null, sla_compliance: null, configuration_currency: null, security_settings: 100 });
    expect({ score: byAgent.content.score, grade: byAgent.content.grade }).toEqual({ score: 100, grade: 'A+' });
  });

  it('tables', () => {
    const c = byAgent.content;
    // An agent's export: every row names the subjects its event concerns (none for n6).
    const ev = (id: string, occurredAt: string, dataSubjects: string | null, action: string, tool: string, personalData: string, recipient: string | null) =>
      ({ occurredAt, seq: seqOf(byAgent, id), dataSubjects, agent: 'helpdesk', category: 'tool_call', action, tool, personalData, legalBasis: 'contract', recipient, region: null });
    expect(rowsOf(c, 'subject_events')).toEqual([
      ev('e1', '2026-10-02T09:00:00.000Z', 'alice', 'ticket.read', 'ticket.read', 'contact', null),
      ev('e2', '2026-10-02T09:05:00.000Z', 'alice, bob', 'ticket.read', 'ticket.read', 'contact, order_history', null),
      ev('n1', '2026-10-02T10:00:00.000Z', 'bob', 'ticket.read', 'ticket.read', 'contact', null),
      ev('e6', '2026-10-06T08:00:00.000Z', 'alice', 'ticket.read', 'ticket.read', 'contact', null),
      ev('n6', '2026-10-10T09:00:00.000Z', null, 'ticket.sync', 'zendesk.sync', 'contact', 'zendesk'),
    ]);
    expect(rowsOf(c, 'personal_data_categories')).toEqual([
      { category: 'contact', events: 5, oldestInPeriod: '2026-10-02T09:00:00.000Z', newestInPeriod: '2026-10-10T09:00:00.000Z' },
      { category: 'order_history', events: 1, oldestInPeriod: '2026-10-02T09:05:00.000Z', newestInPeriod: '2026-10-02T09:05:00.000Z' },
    ]);
    expect(rowsOf(c, 'data_subject_categories')).toEqual([
      { subjectCategory: 'customer', events: 3, subjectReferences: 4 }, // e1 e2(2) n1
      { subjectCategory: '(not recorded)', events: 1, subjectReferences: 1 }, // e6
    ]);
    expect(rowsOf(c, 'processing_purposes')).toEqual([
      { legalBasis: 'contract', purpose: 'support', events: 3, agents: 1 }, // e1 e2 n1
      { legalBasis: 'contract', purpose: '(not recorded)', events: 1, agents: 1 }, // e6
      { legalBasis: 'contract', purpose: 'sync', events: 1, agents: 1 }, // n6
    ]);
    expect(rowsOf(c, 'personal_data_agents')).toEqual([
      { agent: 'helpdesk', events: 5, legalBases: 'contract', recipients: 'zendesk', firstSeen: '2026-10-02T09:00:00.000Z', lastSeen: '2026-10-10T09:00:00.000Z' },
    ]);
    expect(rowsOf(c, 'recipients')).toEqual([{ recipient: 'zendesk', region: null, legalBasis: 'contract', events: 1 }]);
    expect(rowsOf(c, 'transfers_by_region')).toEqual([]);
    expect(rowsOf(c, 'agent_messages')).toEqual([
      { occurredAt: '2026-10-02T09:00:00.000Z', seq: seqOf(byAgent, 'e1'), agent: 'helpdesk', session: 's-h1', direction: 'sent', message: 'Hello Alice, how can I help?' },
      { occurredAt: '2026-10-02T09:05:00.000Z', seq: seqOf(byAgent, 'e2'), agent: 'helpdesk', session: 's-h1', direction: 'received', message: 'My order is late' },
      { occurredAt: '2026-10-02T10:00:00.000Z', seq: seqOf(byAgent, 'n1'), agent: 'helpdesk', session: 's-h1', direction: 'sent', message: 'Hi Bob' },
      { occurredAt: '2026-10-08T09:00:00.000Z', seq: seqOf(byAgent, 'n2'), agent: 'helpdesk', session: 's-h1', direction: 'sent', message: 'Searching the knowledge base' },
    ]);
  });
});
