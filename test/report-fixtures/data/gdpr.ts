/** The hand-written trail of `gdpr.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const P = 'production';
export const CRM = { name: 'crm.lookup', tags: ['pii', 'crm'] };
export const MAIL = { name: 'email.send', tags: ['pii'] };
export const BUILD = { name: 'report.build', tags: ['analytics'] };

export const events: AuditEventInput[] = [
  // --- crm-agent: personal-data processing on a pii tool.
  // At the period start exactly (start is inclusive); region eu with a basis: a transfer with a basis.
  { id: 'g1', occurredAt: '2026-10-01T00:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-1', category: 'tool_call', action: 'tool.invoke', tool: CRM,
    dataSubjects: ['cust-1'], personalData: ['contact'], legalBasis: 'contract', region: 'eu', costUsd: 0.25, attributes: { purpose: 'support', subjectCategory: 'customer' } },
  // A pii decision by an explicit policy (v1), two subjects and two categories.
  { id: 'g2', occurredAt: '2026-10-02T09:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow',
    policyId: 'pii-guard', policyVersion: 'v1', tool: CRM, dataSubjects: ['cust-1', 'cust-2'], personalData: ['contact', 'payment'], legalBasis: 'contract', costUsd: 0.5,
    attributes: { purpose: 'billing', subjectCategory: 'customer' } },
  // Processing without a legal basis and without a purpose.
  { id: 'g3', occurredAt: '2026-10-03T10:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-1', category: 'tool_call', action: 'tool.invoke', tool: CRM,
    dataSubjects: ['cust-3'], personalData: ['contact'], attributes: { subjectCategory: 'customer' } },

  // --- mailer: disclosures to third parties.
  // Disclosure with a basis, transfer to us with a basis.
  { id: 'm1', occurredAt: '2026-10-05T08:00:00Z', environment: P, agentId: 'mailer', sessionId: 's-mail-1', category: 'tool_call', action: 'email.send', tool: MAIL,
    dataSubjects: ['cust-1'], personalData: ['contact'], legalBasis: 'consent', recipient: 'mailgun', region: 'us', costUsd: 0.125,
    attributes: { purpose: 'marketing', subjectCategory: 'customer' } },
  // Disclosure by an explicit policy (v2) about an employee, to eu.
  { id: 'm2', occurredAt: '2026-10-06T08:00:00Z', environment: P, agentId: 'mailer', sessionId: 's-mail-1', category: 'policy_decision', action: 'email.send', decision: 'allow',
    policyId: 'pii-guard', policyVersion: 'v2', tool: MAIL, dataSubjects: ['emp-1'], personalData: ['contact'], legalBasis: 'legal_obligation', recipient: 'payroll-co', region: 'eu',
    attributes: { purpose: 'payroll', subjectCategory: 'employee' } },
  // A recipient and a region but NO personal data and no basis: neither a GDPR disclosure nor a transfer. A failed action (mailer's error rate).
  { id: 'm3', occurredAt: '2026-10-07T08:00:00Z', environment: P, agentId: 'mailer', sessionId: 's-mail-1', category: 'tool_call', action: 'report.export',
    tool: { name: 'report.export', tags: ['export'] }, recipient: 'partner-x', region: 'us', outcome: 'failure' },
  // Disclosure of personal data without a legal basis, no region.
  { id: 'm4', occurredAt: '2026-10-07T09:00:00Z', environment: P, agentId: 'mailer', sessionId: 's-mail-1', category: 'tool_call', action: 'email.send', tool: MAIL,
    dataSubjects: ['cust-3'], personalData: ['contact'], recipient: 'mailgun', attributes: { purpose: 'marketing', subjectCategory: 'customer' } },

  // --- support-bot: denied and held on pii tools, and an error: risk 60 (elevated).
  { id: 'd3', occurredAt: '2026-10-08T12:00:00Z', environment: P, agentId: 'support-bot', sessionId: 's-sup-1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny',
    policyId: 'pii-guard', policyVersion: 'v2', tool: CRM },
  // A hold is not a deny: support-bot counts as an agent with access to pii tools.
  { id: 'd7', occurredAt: '2026-10-08T13:00:00Z', environment: P, agentId: 'support-bot', sessionId: 's-sup-1', category: 'policy_decision', action: 'email.send', decision: 'hold',
    policyId: 'pii-guard', policyVersion: 'v2', tool: MAIL },
  { id: 'err1', occurredAt: '2026-10-08T14:00:00Z', environment: P, agentId: 'support-bot', sessionId: 's-sup-1', category: 'error', action: 'tool.error' },

  // --- analytics: no personal data. A decision without a policy (uncovered), an alert by a policy.
  { id: 'd4', occurredAt: '2026-10-09T12:00:00Z', environment: P, agentId: 'analytics', sessionId: 's-an-1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow',
    tool: BUILD, costUsd: 1 },
  { id: 'd5', occurredAt: '2026-10-09T13:00:00Z', environment: P, agentId: 'analytics', sessionId: 's-an-1', category: 'policy_decision', action: 'tool.invoke', decision: 'alert',
    policyId: 'default', policyVersion: 'v1', tool: BUILD },
  // A decision without an agent: a decision, but not an agent decision (policy coverage ignores it).
  { id: 'd6', occurredAt: '2026-10-09T14:00:00Z', environment: P, actor: { type: 'system', id: 'gateway' }, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', tool: BUILD },

  // --- Credential leases: 3 issued, 1 late.
  // Returned exactly at its TTL (compliant); both events touch a pii system.
  { id: 'la1', occurredAt: '2026-10-10T10:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-1', category: 'credential', action: 'lease.issued',
    tool: { name: 'crm-db', tags: ['pii'] }, ttlSeconds: 3600, correlationId: 'lease-a' },
  { id: 'la2', occurredAt: '2026-10-10T11:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-1', category: 'credential', action: 'lease.returned',
    tool: { name: 'crm-db', tags: ['pii'] }, correlationId: 'lease-a' },
  // Revoked one second after its TTL (not compliant).
  { id: 'lb1', occurredAt: '2026-10-11T10:00:00Z', environment: P, agentId: 'analytics', sessionId: 's-an-1', category: 'credential', action: 'lease.issued',
    resource: 'warehouse', ttlSeconds: 600, correlationId: 'lease-b' },
  { id: 'lb2', occurredAt: '2026-10-11T10:10:01Z', environment: P, agentId: 'analytics', sessionId: 's-an-1', category: 'credential', action: 'lease.revoked',
    resource: 'warehouse', correlationId: 'lease-b' },

  // --- DLP with personal data: 1 blocked, 4 detected (possible breaches).
  { id: 'x1', occurredAt: '2026-10-14T09:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-1', category: 'dlp', action: 'dlp.blocked', dataSubjects: ['cust-2'], personalData: ['payment'] },
  // Answered after 1 hour.
  { id: 'x2', occurredAt: '2026-10-15T10:00:00Z', environment: P, agentId: 'mailer', sessionId: 's-mail-1', category: 'dlp', action: 'dlp.detected', dataSubjects: ['cust-1'], personalData: ['contact'], correlationId: 'breach-1' },
  { id: 'r1', occurredAt: '2026-10-15T11:00:00Z', environment: P, actor: { type: 'user', id: 'dpo' }, category: 'escalation', action: 'incident.opened', correlationId: 'breach-1' },
  // Answered exactly 72 hours later (within).
  { id: 'x3', occurredAt: '2026-10-16T10:00:00Z', environment: P, agentId: 'mailer', sessionId: 's-mail-1', category: 'dlp', action: 'dlp.detected', dataSubjects: ['cust-4'], personalData: ['contact'], correlationId: 'breach-2' },
  { id: 'r2', occurredAt: '2026-10-19T10:00:00Z', environment: P, actor: { type: 'user', id: 'dpo' }, category: 'escalation', action: 'incident.opened', correlationId: 'breach-2' },
  // Answered 72 hours and 1 minute later (late).
  { id: 'x4', occurredAt: '2026-10-20T10:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-1', category: 'dlp', action: 'dlp.detected', dataSubjects: ['cust-2'], personalData: ['payment'], correlationId: 'breach-3' },
  // No correlation id and no session: never answerable (late), left out of the response times; no data subject.
  { id: 'x5', occurredAt: '2026-10-21T10:00:00Z', environment: P, agentId: 'crm-agent', category: 'dlp', action: 'dlp.detected', personalData: ['payment'] },
  // DLP without personal data: agent risk only.
  { id: 'x6', occurredAt: '2026-10-22T10:00:00Z', environment: P, agentId: 'analytics', sessionId: 's-an-1', category: 'dlp', action: 'dlp.detected' },
  { id: 'r3', occurredAt: '2026-10-23T10:01:00Z', environment: P, actor: { type: 'user', id: 'dpo' }, category: 'escalation', action: 'incident.opened', correlationId: 'breach-3' },

  // --- Authentication: 4 attempts, 1 failure.
  { id: 'au1', occurredAt: '2026-10-24T08:00:00Z', environment: P, actor: { type: 'user', id: 'alice' }, category: 'auth', action: 'login', outcome: 'success' },
  { id: 'au2', occurredAt: '2026-10-24T08:01:00Z', environment: P, actor: { type: 'user', id: 'alice' }, category: 'auth', action: 'login', outcome: 'success' },
  { id: 'au3', occurredAt: '2026-10-24T08:02:00Z', environment: P, actor: { type: 'user', id: 'alice' }, category: 'auth', action: 'login', outcome: 'failure' },
  { id: 'au4', occurredAt: '2026-10-24T08:03:00Z', environment: P, actor: { type: 'user', id: 'alice' }, category: 'auth', action: 'login', outcome: 'success' },

  // Issued 10 minutes before the period end, returned after it but within its TTL: compliant.
  { id: 'lc1', occurredAt: '2026-10-31T23:50:00Z', environment: P, agentId: 'mailer', sessionId: 's-mail-1', category: 'credential', action: 'lease.issued',
    resource: 'smtp-relay', ttlSeconds: 1800, correlationId: 'lease-c' },

  // --- Outside the scope.
  // The oldest production event (not personal): audit-log history 518 days before the period end.
  { id: 'o0', occurredAt: '2025-06-01T00:00:00Z', environment: P, agentId: 'analytics', sessionId: 's-an-0', category: 'tool_call', action: 'tool.invoke', tool: BUILD },
  // The oldest personal data kept in production: 377 days before the period end (storage limitation warns).
  { id: 'o1', occurredAt: '2025-10-20T00:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-0', category: 'tool_call', action: 'tool.invoke', tool: CRM,
    dataSubjects: ['cust-9'], personalData: ['contact'], legalBasis: 'contract', costUsd: 2 },
  // One second before the period start.
  { id: 'o2', occurredAt: '2026-09-30T23:59:59Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-0', category: 'tool_call', action: 'tool.invoke', tool: CRM,
    dataSubjects: ['cust-8'], personalData: ['contact'], legalBasis: 'contract' },
  // At the period end exactly (end is exclusive).
  { id: 'o3', occurredAt: '2026-11-01T00:00:00Z', environment: P, agentId: 'crm-agent', sessionId: 's-crm-2', category: 'tool_call', action: 'tool.invoke', tool: CRM,
    dataSubjects: ['cust-8'], personalData: ['contact'] },
  { id: 'lc2', occurredAt: '2026-11-01T00:05:00Z', environment: P, agentId: 'mailer', sessionId: 's-mail-1', category: 'credential', action: 'lease.returned',
    resource: 'smtp-relay', correlationId: 'lease-c' },
  // Another environment: older personal data (would make retention 1035 days) and an in-period disclosure.
  { id: 's1', occurredAt: '2024-01-01T00:00:00Z', environment: 'staging', agentId: 'staging-bot', category: 'tool_call', action: 'tool.invoke', tool: CRM,
    dataSubjects: ['cust-7'], personalData: ['contact'] },
  { id: 's2', occurredAt: '2026-10-10T12:00:00Z', environment: 'staging', agentId: 'staging-bot', sessionId: 's-stg', category: 'policy_decision', action: 'tool.invoke', decision: 'deny',
    tool: CRM, dataSubjects: ['cust-7'], personalData: ['health'], recipient: 'vendor-s', region: 'us' },
];
