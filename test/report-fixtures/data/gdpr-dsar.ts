/** The hand-written trail of `gdpr-dsar.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const TICKET = { name: 'ticket.read', tags: ['pii', 'support'] };
export const period = { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' };

export const events: AuditEventInput[] = [
  // --- Events naming alice (the subject scope: e1..e7).
  // helpdesk, with a message sent; processing cost.
  { id: 'e1', occurredAt: '2026-10-02T09:00:00Z', agentId: 'helpdesk', sessionId: 's-h1', category: 'tool_call', action: 'ticket.read', tool: TICKET,
    dataSubjects: ['alice'], personalData: ['contact'], legalBasis: 'contract', costUsd: 0.5,
    attributes: { purpose: 'support', subjectCategory: 'customer', message: 'Hello Alice, how can I help?', direction: 'sent' } },
  // Also names bob: a second subject, a second category and a message received.
  { id: 'e2', occurredAt: '2026-10-02T09:05:00Z', agentId: 'helpdesk', sessionId: 's-h1', category: 'tool_call', action: 'ticket.read', tool: TICKET,
    dataSubjects: ['alice', 'bob'], personalData: ['contact', 'order_history'], legalBasis: 'contract', costUsd: 0.25,
    attributes: { purpose: 'support', subjectCategory: 'customer', message: 'My order is late', direction: 'received' } },
  // Disclosure and transfer (us) with a basis.
  { id: 'e3', occurredAt: '2026-10-03T10:00:00Z', agentId: 'billing-bot', sessionId: 's-b1', category: 'policy_decision', action: 'invoice.send', decision: 'allow',
    policyId: 'billing', policyVersion: 'v1', tool: { name: 'invoice.send', tags: ['pii'] }, dataSubjects: ['alice'], personalData: ['payment'], legalBasis: 'contract',
    recipient: 'stripe', region: 'us', attributes: { purpose: 'billing', subjectCategory: 'customer' } },
  // Disclosure without a basis (no region, no purpose).
  { id: 'e4', occurredAt: '2026-10-04T11:00:00Z', agentId: 'billing-bot', sessionId: 's-b1', category: 'tool_call', action: 'invoice.export', tool: { name: 'invoice.export', tags: ['pii'] },
    dataSubjects: ['alice'], personalData: ['payment'], recipient: 'accounting-firm', attributes: { subjectCategory: 'customer' } },
  // A transfer (eu) with a basis, no recipient.
  { id: 'e5', occurredAt: '2026-10-05T12:00:00Z', agentId: 'mailer', sessionId: 's-m1', category: 'tool_call', action: 'email.send', tool: { name: 'email.send', tags: ['pii'] },
    dataSubjects: ['alice'], personalData: ['contact'], legalBasis: 'consent', region: 'eu', attributes: { purpose: 'marketing', subjectCategory: 'customer' } },
  // Another environment: a DSAR spans all of them. No attributes (no purpose, no subject category).
  { id: 'e6', occurredAt: '2026-10-06T08:00:00Z', environment: 'staging', agentId: 'helpdesk', sessionId: 's-h2', category: 'tool_call', action: 'ticket.read', tool: TICKET,
    dataSubjects: ['alice'], personalData: ['contact'], legalBasis: 'contract' },
  // A person, not an agent: in the subject's events and purposes (0 agents), not in the agents' table; its message is no agent message.
  { id: 'e7', occurredAt: '2026-10-07T08:00:00Z', actor: { type: 'user', id: 'support-lead' }, category: 'tool_call', action: 'crm.export', tool: { name: 'crm.export', tags: ['pii'] },
    dataSubjects: ['alice'], personalData: ['contact'], legalBasis: 'legitimate_interest', recipient: 'auditor', attributes: { message: 'Exported for the audit', direction: 'sent' } },

  // --- helpdesk events not naming alice (the agent scope adds these).
  // bob only, with a message.
  { id: 'n1', occurredAt: '2026-10-02T10:00:00Z', agentId: 'helpdesk', sessionId: 's-h1', category: 'tool_call', action: 'ticket.read', tool: TICKET,
    dataSubjects: ['bob'], personalData: ['contact'], legalBasis: 'contract', attributes: { purpose: 'support', subjectCategory: 'customer', message: 'Hi Bob', direction: 'sent' } },
  // No personal data: an agent message all the same; its cost is not personal-data cost.
  { id: 'n2', occurredAt: '2026-10-08T09:00:00Z', agentId: 'helpdesk', sessionId: 's-h1', category: 'tool_call', action: 'kb.search', tool: { name: 'kb.search', tags: ['search'] },
    costUsd: 1, attributes: { message: 'Searching the knowledge base', direction: 'sent' } },
  // Personal-data categories without a data subject, disclosed with a basis.
  { id: 'n6', occurredAt: '2026-10-10T09:00:00Z', agentId: 'helpdesk', sessionId: 's-h1', category: 'tool_call', action: 'ticket.sync', tool: { name: 'zendesk.sync', tags: ['pii'] },
    personalData: ['contact'], legalBasis: 'contract', recipient: 'zendesk', attributes: { purpose: 'sync' } },
  // A recipient without personal data and without a basis: not a disclosure of personal data.
  { id: 'n7', occurredAt: '2026-10-11T09:00:00Z', agentId: 'helpdesk', sessionId: 's-h1', category: 'tool_call', action: 'ticket.forward', tool: { name: 'ticket.forward', tags: ['support'] },
    recipient: 'partner-x' },

  // --- Outside both scopes.
  // One second before the period start, and at its end (exclusive).
  { id: 'n3', occurredAt: '2026-09-30T23:59:59Z', agentId: 'helpdesk', sessionId: 's-h0', category: 'tool_call', action: 'ticket.read', tool: TICKET,
    dataSubjects: ['alice'], personalData: ['contact'], attributes: { message: 'Too early', direction: 'sent' } },
  { id: 'n4', occurredAt: '2026-11-01T00:00:00Z', agentId: 'helpdesk', sessionId: 's-h3', category: 'tool_call', action: 'ticket.read', tool: TICKET,
    dataSubjects: ['alice'], personalData: ['contact'], recipient: 'late-vendor' },
  // Another subject whose id starts with alice's: the subject filter matches whole ids only.
  { id: 'n5', occurredAt: '2026-10-09T09:00:00Z', agentId: 'billing-bot', sessionId: 's-b1', category: 'tool_call', action: 'invoice.send', tool: { name: 'invoice.send', tags: ['pii'] },
    dataSubjects: ['alice-2'], personalData: ['payment'], recipient: 'stripe', region: 'us' },
];
