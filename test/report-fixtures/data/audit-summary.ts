/** The hand-written trail of `audit-summary.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const ADMIN = { type: 'user', id: 'u-admin', email: 'admin@example.com' };
export const OPS = { type: 'user', id: 'u-ops' };
export const SEC = { type: 'user', id: 'u-sec' };
export const SERVICE = { type: 'service', id: 'reporting' };

export const events: AuditEventInput[] = [
  // --- People's administrative changes (category admin).
  { id: 'p1', occurredAt: '2026-10-02T09:00:00Z', actor: ADMIN, category: 'admin', action: 'user.created', resource: 'bob' },
  // Role change approved by a grant BEFORE it.
  { id: 'ap1', occurredAt: '2026-10-03T08:30:00Z', actor: SEC, category: 'approval', action: 'approval.granted', correlationId: 'chg-1' },
  { id: 'p2', occurredAt: '2026-10-03T09:00:00Z', actor: ADMIN, category: 'admin', action: 'role.changed', resource: 'bob', correlationId: 'chg-1' },
  // Role change whose approval was DENIED: not approved.
  { id: 'p3', occurredAt: '2026-10-04T09:00:00Z', actor: OPS, category: 'admin', action: 'role.changed', resource: 'carol', correlationId: 'chg-2' },
  { id: 'ap2', occurredAt: '2026-10-04T09:10:00Z', actor: SEC, category: 'approval', action: 'approval.denied', correlationId: 'chg-2' },
  // Role change granted after the period: approved (a grant before or after counts).
  { id: 'p4', occurredAt: '2026-10-05T09:00:00Z', actor: ADMIN, category: 'admin', action: 'role.changed', resource: 'dave', correlationId: 'chg-3' },
  // Access removals: one attributed, one without any actor (the unattributed change).
  { id: 'p5', occurredAt: '2026-10-06T09:00:00Z', actor: ADMIN, category: 'admin', action: 'user.deleted', resource: 'eve' },
  { id: 'p6', occurredAt: '2026-10-07T09:00:00Z', category: 'admin', action: 'access.revoked', resource: 'frank' },

  // --- Configuration changes: 5, 4 approved (80%).
  { id: 'ap4', occurredAt: '2026-10-08T08:00:00Z', actor: SEC, category: 'approval', action: 'approval.granted', correlationId: 'chg-4' },
  { id: 'p7', occurredAt: '2026-10-08T09:00:00Z', actor: OPS, category: 'config_change', action: 'policy.updated', resource: 'default-deny', correlationId: 'chg-4' },
  // Only requested, never granted: not approved.
  { id: 'ap6', occurredAt: '2026-10-09T08:00:00Z', actor: OPS, category: 'approval', action: 'approval.requested', correlationId: 'chg-6' },
  { id: 'p8', occurredAt: '2026-10-09T09:00:00Z', actor: OPS, category: 'config_change', action: 'dlp_rule.updated', resource: 'card-numbers', correlationId: 'chg-6' },
  // A configuration change by its action though its category is credential (not a people's admin change); a secret event.
  { id: 'ap5', occurredAt: '2026-10-10T08:00:00Z', actor: SEC, category: 'approval', action: 'approval.granted', correlationId: 'chg-5' },
  { id: 'p9', occurredAt: '2026-10-10T09:00:00Z', actor: ADMIN, category: 'credential', action: 'secret.rotated', resource: 'db-prod', correlationId: 'chg-5' },
  // An agent reading a secret: a secret event, in the admin actions table, not a change by people.
  { id: 'p10', occurredAt: '2026-10-11T09:00:00Z', agentId: 'deploy-bot', actor: { type: 'agent', id: 'deploy-bot' }, category: 'credential', action: 'secret.accessed', resource: 'db-prod' },
  { id: 'ap7', occurredAt: '2026-10-13T08:00:00Z', actor: SEC, category: 'approval', action: 'approval.granted', correlationId: 'chg-7' },
  { id: 'p12', occurredAt: '2026-10-13T09:00:00Z', actor: OPS, category: 'config_change', action: 'system.setting.updated', resource: 'retention', correlationId: 'chg-7' },
  // Approved by a grant before the period began.
  { id: 'p13', occurredAt: '2026-10-14T09:00:00Z', actor: OPS, category: 'config_change', action: 'policy.updated', resource: 'pii-guard', correlationId: 'chg-8' },

  // --- The reporting service's own trail.
  { id: 's1', occurredAt: '2026-10-15T10:00:00Z', actor: SERVICE, category: 'admin', action: 'report.generated' },
  { id: 's2', occurredAt: '2026-10-16T10:00:00Z', actor: SERVICE, category: 'admin', action: 'report.generated' },
  { id: 's3', occurredAt: '2026-10-17T10:00:00Z', actor: SERVICE, category: 'admin', action: 'report.downloaded' },
  { id: 's4', occurredAt: '2026-10-18T10:00:00Z', actor: SERVICE, category: 'admin', action: 'share_link.used' },
  { id: 's5', occurredAt: '2026-10-19T10:00:00Z', actor: SERVICE, category: 'admin', action: 'api_key.created' },

  // --- Administrative changes by machines: named actors, but no people (not in the people's count or actors table).
  { id: 'm1', occurredAt: '2026-10-21T09:00:00Z', agentId: 'deploy-bot', actor: { type: 'agent', id: 'deploy-bot' }, category: 'admin', action: 'webhook.created', resource: 'ci' },
  { id: 'm2', occurredAt: '2026-10-22T09:00:00Z', actor: { type: 'system', id: 'idp-sync' }, category: 'admin', action: 'user.suspended', resource: 'mallory' },

  // Not administrative: an agent's decision.
  { id: 'n1', occurredAt: '2026-10-20T10:00:00Z', agentId: 'deploy-bot', sessionId: 'd-1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'default-deny' },

  // --- Outside the period: approvals still resolve changes inside it; the changes here count nowhere.
  { id: 'ap8', occurredAt: '2026-09-30T12:00:00Z', actor: SEC, category: 'approval', action: 'approval.granted', correlationId: 'chg-8' },
  { id: 'o1', occurredAt: '2026-09-30T23:59:59Z', actor: ADMIN, category: 'admin', action: 'user.created', resource: 'zoe' },
  { id: 'o2', occurredAt: '2026-11-01T00:00:00Z', actor: SERVICE, category: 'admin', action: 'report.generated' },
  { id: 'ap3', occurredAt: '2026-11-03T09:00:00Z', actor: SEC, category: 'approval', action: 'approval.granted', correlationId: 'chg-3' },
];
