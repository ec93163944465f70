/** The hand-written trail of `iso27001.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const CRM = { name: 'crm.lookup', tags: ['pii', 'crm'] };
export const EXPORT = { name: 'crm.export', tags: ['pii', 'crm'] };
export const DOCS = { name: 'docs.search', tags: ['docs'] };
export const admin1 = { type: 'user', id: 'admin-1' };
export const admin2 = { type: 'user', id: 'admin-2' };
export const approver = { type: 'user', id: 'approver-1' };
export const gateway = { type: 'system', id: 'gw-1' };

export const events: AuditEventInput[] = [
  // --- Outside the period ---------------------------------------------------------------------------
  // An escalation opened before the start and never resolved: escalations would be 2 and 50% late if the start were not applied.
  { id: 'o-esc-0', occurredAt: '2026-11-02T07:30:00Z', category: 'escalation', action: 'escalation.opened', actor: { type: 'system', id: 'soc' }, correlationId: 'esc-0' },
  // A denial by a third agent in a new session exactly at the (excluded) end: decisions, denial rate, agents and sessions would change if the end were included.
  { id: 'o-deny-end', occurredAt: '2026-11-02T12:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-c', sessionId: 's9', policyId: 'p-export', tool: EXPORT },
  // Resolutions after the end: they resolve in-scope events, but are not events of the period themselves.
  { id: 'o-lease-3-return', occurredAt: '2026-11-02T12:10:00Z', category: 'credential', action: 'lease.returned', agentId: 'agent-a', sessionId: 's2', correlationId: 'lease-3' },
  { id: 'o-esc-1-resolved', occurredAt: '2026-11-03T08:45:00Z', category: 'escalation', action: 'escalation.resolved', actor: { type: 'user', id: 'soc-lead' }, correlationId: 'esc-1' }, // exactly 24 h: on time
  { id: 'o-inj-2-fp', occurredAt: '2026-11-05T09:00:00Z', category: 'injection', action: 'injection.false_positive', actor: { type: 'user', id: 'analyst-1' }, correlationId: 'inj-2' }, // reviews have no deadline
  { id: 'o-br-1-response', occurredAt: '2026-11-05T10:35:00Z', category: 'escalation', action: 'incident.opened', actor: { type: 'user', id: 'dpo-1' }, correlationId: 'br-1' }, // exactly 72 h: in time
  // An old event two weeks earlier: in no metric (none here reads history); only the agent registry's first-seen date,
  // shown by the agents inventory, goes back to it.
  { id: 'o-old', occurredAt: '2026-10-19T09:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-a', sessionId: 's0', tool: DOCS },

  // --- In the period (43 events) -----------------------------------------------------------------------
  // Agent decisions (10): 9 with an explicit policy (#7 has none), 2 denials, 1 alert, 1 hold; #8 has no session.
  { id: 'd1', occurredAt: '2026-11-02T08:05:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's1', policyId: 'p-read', tool: CRM, dataSubjects: ['cust-1'], personalData: ['name'], legalBasis: 'contract' },
  { id: 'd2', occurredAt: '2026-11-02T08:20:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's1', policyId: 'p-read', tool: DOCS },
  { id: 'd3', occurredAt: '2026-11-02T08:40:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-a', sessionId: 's1', policyId: 'p-export', tool: EXPORT },
  { id: 'd4', occurredAt: '2026-11-02T09:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-b', sessionId: 's3', policyId: 'p-read', tool: DOCS },
  { id: 'd5', occurredAt: '2026-11-02T09:20:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'alert', agentId: 'agent-b', sessionId: 's3', policyId: 'p-web', tool: { name: 'web.fetch', tags: ['web'] } },
  { id: 'd6', occurredAt: '2026-11-02T09:40:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-b', sessionId: 's3', policyId: 'p-pay', tool: { name: 'payments.refund', tags: ['finance'] } },
  { id: 'd7', occurredAt: '2026-11-02T10:10:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's2', tool: DOCS },
  { id: 'd8', occurredAt: '2026-11-02T10:30:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', policyId: 'p-read', tool: DOCS },
  { id: 'd9', occurredAt: '2026-11-02T11:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-b', sessionId: 's3', policyId: 'p-export', tool: EXPORT },
  { id: 'd10', occurredAt: '2026-11-02T11:30:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-b', sessionId: 's3', policyId: 'p-read', tool: CRM },
  // A decision on a person's console action (no agent, no policy): a decision and a denial, but not an agent decision nor an agent action.
  { id: 'd-human', occurredAt: '2026-11-02T09:10:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', actor: { type: 'user', id: 'ops-1' }, tool: { name: 'payments.refund', tags: ['finance'] } },
  // Agent tool calls: one on a pii tool with personal data and a legal basis; one without a session.
  { id: 't1', occurredAt: '2026-11-02T08:50:00Z', category: 'tool_call', action: 'tool.completed', agentId: 'agent-a', sessionId: 's1', tool: CRM, outcome: 'success', dataSubjects: ['cust-3'], personalData: ['name'], legalBasis: 'legitimate_interest' },
  { id: 't2', occurredAt: '2026-11-02T10:50:00Z', category: 'tool_call', action: 'tool.completed', agentId: 'agent-b', tool: DOCS, outcome: 'success' },

  // The reporting service's own admin action: not a change by people (admin attribution population excludes it).
  { id: 'svc', occurredAt: '2026-11-02T08:10:00Z', category: 'admin', action: 'api_key.created', actor: { type: 'service', id: 'svc-reports' } },

  // Leases: lease-1 returned exactly at its TTL (in), lease-2 revoked 1 s after (out), lease-3 returned after the period end but within TTL (in).
  { id: 'l1', occurredAt: '2026-11-02T08:15:00Z', category: 'credential', action: 'lease.issued', agentId: 'agent-a', sessionId: 's1', resource: 'db-readonly', ttlSeconds: 900, correlationId: 'lease-1' },
  { id: 'l1-ret', occurredAt: '2026-11-02T08:30:00Z', category: 'credential', action: 'lease.returned', agentId: 'agent-a', sessionId: 's1', resource: 'db-readonly', correlationId: 'lease-1' },
  { id: 'l2', occurredAt: '2026-11-02T09:30:00Z', category: 'credential', action: 'lease.issued', agentId: 'agent-b', sessionId: 's3', resource: 'db-admin', ttlSeconds: 600, correlationId: 'lease-2' },
  { id: 'l2-rev', occurredAt: '2026-11-02T09:40:01Z', category: 'credential', action: 'lease.revoked', actor: { type: 'system', id: 'vault' }, resource: 'db-admin', correlationId: 'lease-2' },
  { id: 'l3', occurredAt: '2026-11-02T11:40:00Z', category: 'credential', action: 'lease.issued', agentId: 'agent-a', sessionId: 's2', resource: 'db-readonly', ttlSeconds: 3600, correlationId: 'lease-3' },

  // Escalation esc-1 (resolved exactly 24 h later, above). It names neither agent nor actor: unattributed event 1 of 2.
  { id: 'esc-1', occurredAt: '2026-11-02T08:45:00Z', category: 'escalation', action: 'escalation.opened', correlationId: 'esc-1' },

  // Privileged role changes: rc-1 approved by a grant made BEFORE it (order does not matter); rc-2 only has a denial: unapproved.
  { id: 'rc-1-ok', occurredAt: '2026-11-02T08:55:00Z', category: 'approval', action: 'approval.granted', actor: approver, correlationId: 'rc-1' },
  { id: 'rc-1', occurredAt: '2026-11-02T09:05:00Z', category: 'admin', action: 'role.changed', actor: admin1, resource: 'user:dave', correlationId: 'rc-1' },
  { id: 'rc-2-no', occurredAt: '2026-11-02T10:15:00Z', category: 'approval', action: 'approval.denied', actor: approver, correlationId: 'rc-2' },
  { id: 'rc-2', occurredAt: '2026-11-02T10:20:00Z', category: 'admin', action: 'role.changed', actor: admin1, resource: 'user:erin', correlationId: 'rc-2' },

  // Injections: inj-1 confirmed 20 min later; inj-2 labelled false positive days later (after the period).
  { id: 'inj-1', occurredAt: '2026-11-02T09:15:00Z', category: 'injection', action: 'injection.detected', agentId: 'agent-a', sessionId: 's1', correlationId: 'inj-1' },
  { id: 'inj-1-ok', occurredAt: '2026-11-02T09:35:00Z', category: 'injection', action: 'injection.confirmed', actor: { type: 'user', id: 'analyst-1' }, correlationId: 'inj-1' },
  { id: 'inj-2', occurredAt: '2026-11-02T10:05:00Z', category: 'injection', action: 'injection.detected', agentId: 'agent-b', sessionId: 's3', correlationId: 'inj-2' },

  // DLP: a blocked personal-data attempt (with a legal basis); an unblocked personal-data detection without a basis (a possible
  // breach, answered exactly 72 h later above); an unblocked detection without personal data (no breach).
  { id: 'dlp-1', occurredAt: '2026-11-02T09:25:00Z', category: 'dlp', action: 'dlp.blocked', agentId: 'agent-a', sessionId: 's1', tool: { name: 'email.send', tags: ['email'] }, dataSubjects: ['cust-1'], personalData: ['email'], legalBasis: 'contract' },
  { id: 'dlp-2', occurredAt: '2026-11-02T10:35:00Z', category: 'dlp', action: 'dlp.detected', agentId: 'agent-b', sessionId: 's3', tool: { name: 'email.send', tags: ['email'] }, dataSubjects: ['cust-2'], personalData: ['email'], correlationId: 'br-1' },
  { id: 'dlp-3', occurredAt: '2026-11-02T11:45:00Z', category: 'dlp', action: 'dlp.detected', agentId: 'agent-a', sessionId: 's2', tool: { name: 'code.push', tags: ['code'] } },

  // Configuration changes (5): cc-1 and cc-4 approved before, cc-5 and cc-3 approved after, cc-2 never.
  // cc-3 is a secret rotation of category `credential`: a configuration change by its action, not a people admin change.
  { id: 'cc-1-ok', occurredAt: '2026-11-02T09:45:00Z', category: 'approval', action: 'approval.granted', actor: approver, correlationId: 'cc-1' },
  { id: 'cc-1', occurredAt: '2026-11-02T09:50:00Z', category: 'config_change', action: 'policy.updated', actor: admin2, resource: 'policy:p-read', correlationId: 'cc-1' },
  { id: 'cc-4-ok', occurredAt: '2026-11-02T10:00:00Z', category: 'approval', action: 'approval.granted', actor: approver, correlationId: 'cc-4' },
  { id: 'cc-4', occurredAt: '2026-11-02T10:25:00Z', category: 'config_change', action: 'settings.updated', actor: admin2, correlationId: 'cc-4' },
  { id: 'cc-2', occurredAt: '2026-11-02T10:40:00Z', category: 'config_change', action: 'dlp_rule.updated', actor: admin2, correlationId: 'cc-2' },
  { id: 'cc-5', occurredAt: '2026-11-02T10:45:00Z', category: 'config_change', action: 'policy.updated', actor: admin2, resource: 'policy:p-web', correlationId: 'cc-5' },
  { id: 'cc-5-ok', occurredAt: '2026-11-02T10:46:00Z', category: 'approval', action: 'approval.granted', actor: approver, correlationId: 'cc-5' },
  { id: 'cc-3', occurredAt: '2026-11-02T11:20:00Z', category: 'credential', action: 'secret.rotated', actor: admin2, resource: 'db-admin', correlationId: 'cc-3' },
  { id: 'cc-3-ok', occurredAt: '2026-11-02T11:25:00Z', category: 'approval', action: 'approval.granted', actor: approver, correlationId: 'cc-3' },

  // Access removals (2); the user deletion names no actor: unattributed admin change, and unattributed event 2 of 2.
  { id: 'rm-1', occurredAt: '2026-11-02T11:10:00Z', category: 'admin', action: 'access.revoked', actor: admin1, resource: 'user:bob' },
  { id: 'rm-2', occurredAt: '2026-11-02T11:50:00Z', category: 'admin', action: 'user.deleted', resource: 'user:carol' },

  // The gateway disconnects for 6 minutes at the end of the period: a 360 s gap of 14,400 s.
  { id: 'gw-down', occurredAt: '2026-11-02T11:52:00Z', category: 'monitoring', action: 'gateway.disconnected', actor: gateway },
  { id: 'gw-up', occurredAt: '2026-11-02T11:58:00Z', category: 'monitoring', action: 'gateway.connected', actor: gateway },
];

export const PERIOD = { start: '2026-11-02T08:00:00Z', end: '2026-11-02T12:00:00Z' };
