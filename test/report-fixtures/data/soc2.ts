/** The hand-written trail of `soc2.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const PROD = 'production';
export const alice = { type: 'user', id: 'alice' };
export const bob = { type: 'user', id: 'bob' };
export const carol = { type: 'user', id: 'carol' };
export const dave = { type: 'user', id: 'dave' };
export const gateway = { type: 'system', id: 'gw-prod' };

/**
 * The main day, in time order. Consecutive in-scope events are at most 60
 * minutes apart except 11:00 → 12:01 (61 minutes: one silence gap), and the
 * gateway is disconnected 14:00 → 14:10; so gaps are 3,660 s + 600 s.
 */
export const day: AuditEventInput[] = [
  // Out of scope: one second before the period (would add an event, an error and cost).
  { id: 'pre', occurredAt: '2026-09-30T23:59:59Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-a0', tool: { name: 'crm.read' }, outcome: 'failure', costUsd: 2 },

  // Decisions: 12 in scope (allow 6, deny 2, alert 1, hold 3); 11 by agents, 10 of those with a policy.
  // At the period start exactly: included.
  { id: 'd1', occurredAt: '2026-10-01T00:00:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's-a1', policyId: 'p-read', tool: { name: 'crm.read' } },
  { id: 't1', occurredAt: '2026-10-01T00:45:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-a1', tool: { name: 'crm.read' }, outcome: 'success', costUsd: 0.25 },
  // Exactly 60 minutes after t1: a silence of the threshold itself is not a gap.
  { id: 'd2', occurredAt: '2026-10-01T01:45:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-b', sessionId: 's-b1', policyId: 'p-write', tool: { name: 'crm.write' } },
  // Hold answered exactly 4 h later (06:30): within the hold SLA.
  { id: 'h1', occurredAt: '2026-10-01T02:30:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-b', sessionId: 's-b1', policyId: 'p-pay', tool: { name: 'pay.send' }, correlationId: 'hold-1' },
  // Approval apr-1: answered after 30 min.
  { id: 'apr1', occurredAt: '2026-10-01T03:15:00Z', environment: PROD, category: 'approval', action: 'approval.requested', agentId: 'agent-a', sessionId: 's-a1', correlationId: 'apr-1' },
  { id: 'apr1-ok', occurredAt: '2026-10-01T03:45:00Z', environment: PROD, category: 'approval', action: 'approval.granted', actor: alice, correlationId: 'apr-1' },
  // Hold answered 4 h 10 s later (08:30:10): outside the hold SLA.
  { id: 'h2', occurredAt: '2026-10-01T04:30:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-a', sessionId: 's-a2', policyId: 'p-pay', tool: { name: 'pay.send' }, correlationId: 'hold-2' },
  // Approval apr-2: denied exactly 1 h later, which is within the approval SLA (and counts as answered).
  { id: 'apr2', occurredAt: '2026-10-01T05:15:00Z', environment: PROD, category: 'approval', action: 'approval.requested', agentId: 'agent-b', sessionId: 's-b1', correlationId: 'apr-2' },
  { id: 'd3', occurredAt: '2026-10-01T05:45:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-b', sessionId: 's-b1', policyId: 'p-read', tool: { name: 'crm.read' } },
  { id: 'apr2-no', occurredAt: '2026-10-01T06:15:00Z', environment: PROD, category: 'approval', action: 'approval.denied', actor: alice, correlationId: 'apr-2' },
  { id: 'h1-ok', occurredAt: '2026-10-01T06:30:00Z', environment: PROD, category: 'approval', action: 'approval.granted', actor: bob, correlationId: 'hold-1' },
  // Injection inj-1: confirmed on review (critical severity on the label, high on the detection).
  { id: 'inj1', occurredAt: '2026-10-01T07:15:00Z', environment: PROD, category: 'injection', action: 'injection.detected', agentId: 'agent-b', sessionId: 's-b1', severity: 'high', correlationId: 'inj-1' },
  { id: 'inj1-c', occurredAt: '2026-10-01T07:45:00Z', environment: PROD, category: 'injection', action: 'injection.confirmed', actor: alice, severity: 'critical', correlationId: 'inj-1' },
  { id: 'd4', occurredAt: '2026-10-01T08:00:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-b', sessionId: 's-b1', policyId: 'p-write', tool: { name: 'crm.write' } },
  { id: 'h2-no', occurredAt: '2026-10-01T08:30:10Z', environment: PROD, category: 'approval', action: 'approval.denied', actor: bob, correlationId: 'hold-2' },
  // Lease lease-1 (TTL 3,600 s) revoked exactly at its TTL: compliant.
  { id: 'l1', occurredAt: '2026-10-01T09:15:00Z', environment: PROD, category: 'credential', action: 'lease.issued', agentId: 'agent-a', sessionId: 's-a2', ttlSeconds: 3600, correlationId: 'lease-1' },
  // Approval apr-3: answered after 1 h 0 min 10 s: answered, but late.
  { id: 'apr3', occurredAt: '2026-10-01T09:30:00Z', environment: PROD, category: 'approval', action: 'approval.requested', agentId: 'agent-b', sessionId: 's-b1', correlationId: 'apr-3' },
  { id: 'l1-end', occurredAt: '2026-10-01T10:15:00Z', environment: PROD, category: 'credential', action: 'lease.revoked', actor: { type: 'system', id: 'vault' }, correlationId: 'lease-1' },
  // Lease lease-2 (TTL 600 s) returned after 601 s: not compliant.
  { id: 'l2', occurredAt: '2026-10-01T10:20:00Z', environment: PROD, category: 'credential', action: 'lease.issued', agentId: 'agent-b', sessionId: 's-b1', ttlSeconds: 600, correlationId: 'lease-2' },
  { id: 'l2-end', occurredAt: '2026-10-01T10:30:01Z', environment: PROD, category: 'credential', action: 'lease.returned', agentId: 'agent-b', sessionId: 's-b1', correlationId: 'lease-2' },
  { id: 'apr3-ok', occurredAt: '2026-10-01T10:30:10Z', environment: PROD, category: 'approval', action: 'approval.granted', actor: alice, correlationId: 'apr-3' },
  // Lease lease-3 never returned: not compliant. A 61-minute silence follows it (a monitoring gap).
  { id: 'l3', occurredAt: '2026-10-01T11:00:00Z', environment: PROD, category: 'credential', action: 'lease.issued', agentId: 'agent-a', sessionId: 's-a2', ttlSeconds: 900, correlationId: 'lease-3' },
  // DLP: 5 events, 4 blocked; the unblocked one is high severity.
  { id: 'dlp1', occurredAt: '2026-10-01T12:01:00Z', environment: PROD, category: 'dlp', action: 'dlp.blocked', agentId: 'agent-b', sessionId: 's-b1', tool: { name: 'mail.send' }, severity: 'medium' },
  { id: 'dlp2', occurredAt: '2026-10-01T12:30:00Z', environment: PROD, category: 'dlp', action: 'dlp.detected', agentId: 'agent-b', sessionId: 's-b1', tool: { name: 'mail.send' }, severity: 'high' },
  // An agent decision without a policy: the one uncovered agent decision.
  { id: 'd5', occurredAt: '2026-10-01T12:45:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's-a1', tool: { name: 'crm.read' } },
  { id: 'dlp3', occurredAt: '2026-10-01T13:00:00Z', environment: PROD, category: 'dlp', action: 'dlp.blocked', agentId: 'agent-a', sessionId: 's-a1', tool: { name: 'crm.export' } },
  { id: 'dlp4', occurredAt: '2026-10-01T13:30:00Z', environment: PROD, category: 'dlp', action: 'dlp.blocked', agentId: 'agent-a', sessionId: 's-a1', tool: { name: 'crm.export' } },
  // Gateway disconnected 14:00 → reconnected 14:10 (600 s); the staging reconnect at 14:05 must not end it.
  { id: 'gw-down', occurredAt: '2026-10-01T14:00:00Z', environment: PROD, category: 'monitoring', action: 'gateway.disconnected', actor: gateway },
  { id: 'gw-up', occurredAt: '2026-10-01T14:10:00Z', environment: PROD, category: 'monitoring', action: 'gateway.connected', actor: gateway },
  { id: 'dlp5', occurredAt: '2026-10-01T14:40:00Z', environment: PROD, category: 'dlp', action: 'dlp.blocked', agentId: 'agent-b', sessionId: 's-b1', tool: { name: 'mail.send' } },
  // Injections inj-2, inj-4, inj-5 labelled false positive; inj-3 never reviewed.
  { id: 'inj2', occurredAt: '2026-10-01T15:00:00Z', environment: PROD, category: 'injection', action: 'injection.detected', agentId: 'agent-b', sessionId: 's-b1', correlationId: 'inj-2' },
  { id: 'inj2-fp', occurredAt: '2026-10-01T15:20:00Z', environment: PROD, category: 'injection', action: 'injection.false_positive', actor: alice, correlationId: 'inj-2' },
  { id: 'inj3', occurredAt: '2026-10-01T15:40:00Z', environment: PROD, category: 'injection', action: 'injection.detected', agentId: 'agent-a', sessionId: 's-a1', correlationId: 'inj-3' },
  { id: 'inj4', occurredAt: '2026-10-01T16:00:00Z', environment: PROD, category: 'injection', action: 'injection.detected', agentId: 'agent-b', sessionId: 's-b2', correlationId: 'inj-4' },
  { id: 'inj4-fp', occurredAt: '2026-10-01T16:10:00Z', environment: PROD, category: 'injection', action: 'injection.false_positive', actor: alice, correlationId: 'inj-4' },
  { id: 'inj5', occurredAt: '2026-10-01T16:30:00Z', environment: PROD, category: 'injection', action: 'injection.detected', agentId: 'agent-b', sessionId: 's-b2', correlationId: 'inj-5' },
  { id: 'inj5-fp', occurredAt: '2026-10-01T16:40:00Z', environment: PROD, category: 'injection', action: 'injection.false_positive', actor: alice, correlationId: 'inj-5' },
  // Config changes: 3. chg-1 approved by a grant BEFORE the change (counts); the DLP-rule change has no
  // approval; the secret rotation (category credential, counted by its action) was DENIED: not approved.
  { id: 'chg1-ok', occurredAt: '2026-10-01T16:50:00Z', environment: PROD, category: 'approval', action: 'approval.granted', actor: dave, correlationId: 'chg-1' },
  { id: 'chg1', occurredAt: '2026-10-01T17:00:00Z', environment: PROD, category: 'config_change', action: 'policy.updated', actor: carol, correlationId: 'chg-1' },
  { id: 'chg2', occurredAt: '2026-10-01T17:20:00Z', environment: PROD, category: 'config_change', action: 'dlp_rule.updated', actor: carol },
  { id: 'chg3-no', occurredAt: '2026-10-01T17:35:00Z', environment: PROD, category: 'approval', action: 'approval.denied', actor: dave, correlationId: 'chg-3' },
  { id: 'chg3', occurredAt: '2026-10-01T17:40:00Z', environment: PROD, category: 'credential', action: 'secret.rotated', actor: carol, correlationId: 'chg-3' },
  // Role changes: 2, one approved (grant after it), one without approval.
  { id: 'role1', occurredAt: '2026-10-01T18:00:00Z', environment: PROD, category: 'admin', action: 'role.changed', actor: carol, correlationId: 'role-1' },
  { id: 'role1-ok', occurredAt: '2026-10-01T18:10:00Z', environment: PROD, category: 'approval', action: 'approval.granted', actor: dave, correlationId: 'role-1' },
  { id: 'role2', occurredAt: '2026-10-01T18:30:00Z', environment: PROD, category: 'admin', action: 'role.changed', actor: carol },
  // Access removals: 2.
  { id: 'rm1', occurredAt: '2026-10-01T19:00:00Z', environment: PROD, category: 'admin', action: 'user.deleted', actor: carol },
  { id: 'rm2', occurredAt: '2026-10-01T19:20:00Z', environment: PROD, category: 'admin', action: 'access.revoked', actor: carol },
  // Escalation esc-1 resolved after 23 h 59 min (next day, outside the period): on time.
  { id: 'esc1', occurredAt: '2026-10-01T19:40:00Z', environment: PROD, category: 'escalation', action: 'escalation.opened', actor: alice, correlationId: 'esc-1' },
  // Approval apr-4: never answered.
  { id: 'apr4', occurredAt: '2026-10-01T19:50:00Z', environment: PROD, category: 'approval', action: 'approval.requested', agentId: 'agent-a', sessionId: 's-a1', correlationId: 'apr-4' },
  // Escalation esc-2 resolved after 24 h 0 min 1 s: late.
  { id: 'esc2', occurredAt: '2026-10-01T20:00:00Z', environment: PROD, category: 'escalation', action: 'escalation.opened', actor: alice, correlationId: 'esc-2' },
  // An error with neither agent nor actor: the one unattributed event, and an error by category.
  { id: 'err1', occurredAt: '2026-10-01T20:30:00Z', environment: PROD, category: 'error', action: 'gateway.error' },
  // Hold hold-3: never resolved.
  { id: 'h3', occurredAt: '2026-10-01T20:45:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-b', sessionId: 's-b2', policyId: 'p-pay', tool: { name: 'pay.send' }, correlationId: 'hold-3' },
  // Tool calls: 5. A failure (error by outcome), one without a session (and with a recipient but no
  // personal data: not a disclosure of personal information), two disclosures of personal data (one without legal basis).
  { id: 't2', occurredAt: '2026-10-01T21:00:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-a1', tool: { name: 'crm.read' }, outcome: 'failure' },
  { id: 't3', occurredAt: '2026-10-01T21:20:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', tool: { name: 'crm.read' }, recipient: 'internal-bi', outcome: 'success' },
  { id: 't4', occurredAt: '2026-10-01T21:40:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-a1', tool: { name: 'crm.export' }, dataSubjects: ['cust-17'], personalData: ['contact_details'], recipient: 'acme-analytics', legalBasis: 'contract', costUsd: 0.5 },
  { id: 't5', occurredAt: '2026-10-01T22:00:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-b', sessionId: 's-b2', tool: { name: 'mail.send' }, dataSubjects: ['cust-18'], personalData: ['email'], recipient: 'partner-x', costUsd: 1.125 },
  { id: 'd6', occurredAt: '2026-10-01T22:20:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'alert', agentId: 'agent-a', sessionId: 's-a1', policyId: 'p-export', tool: { name: 'crm.export' } },
  // A decision by a service, no agent and no policy: a decision, but not an agent decision.
  { id: 'd7', occurredAt: '2026-10-01T22:40:00Z', environment: PROD, category: 'policy_decision', action: 'job.run', decision: 'allow', actor: { type: 'service', id: 'scheduler' } },
  { id: 'd8', occurredAt: '2026-10-01T23:00:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's-a1', policyId: 'p-read', tool: { name: 'crm.read' } },
  { id: 'd9', occurredAt: '2026-10-01T23:15:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-b', sessionId: 's-b2', policyId: 'p-read', tool: { name: 'crm.read' } },
  // Approval apr-5: answered 40 min later, after the period's end: answered within the SLA.
  { id: 'apr5', occurredAt: '2026-10-01T23:30:00Z', environment: PROD, category: 'approval', action: 'approval.requested', agentId: 'agent-a', sessionId: 's-a1', correlationId: 'apr-5' },

  // Out of the period: at its end exactly (excluded), and the resolutions of apr-5, esc-1, esc-2.
  { id: 'at-end', occurredAt: '2026-10-02T00:00:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-b', sessionId: 's-b3', policyId: 'p-write' },
  { id: 'apr5-ok', occurredAt: '2026-10-02T00:10:00Z', environment: PROD, category: 'approval', action: 'approval.granted', actor: alice, correlationId: 'apr-5' },
  { id: 'esc1-ok', occurredAt: '2026-10-02T19:39:00Z', environment: PROD, category: 'escalation', action: 'escalation.resolved', actor: alice, correlationId: 'esc-1' },
  { id: 'esc2-ok', occurredAt: '2026-10-02T20:00:01Z', environment: PROD, category: 'escalation', action: 'escalation.resolved', actor: alice, correlationId: 'esc-2' },

  // Another environment: a deny with cost, a DLP detection inside the 61-minute silence (would hide the gap),
  // and a reconnect at 14:05 (would shorten production's disconnection to 300 s).
  { id: 'stg1', occurredAt: '2026-10-01T10:00:00Z', environment: 'staging', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-b', sessionId: 's-b9', policyId: 'p-write', costUsd: 5 },
  { id: 'stg2', occurredAt: '2026-10-01T11:30:00Z', environment: 'staging', category: 'dlp', action: 'dlp.detected', agentId: 'agent-b', sessionId: 's-b9', severity: 'high' },
  { id: 'stg3', occurredAt: '2026-10-01T14:05:00Z', environment: 'staging', category: 'monitoring', action: 'gateway.connected', actor: { type: 'system', id: 'gw-staging' } },
];

/** A quiet morning where everything that happened went well, and most kinds of activity did not happen. */
export const quiet: AuditEventInput[] = [
  { id: 'q1', occurredAt: '2026-10-05T09:00:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's-q', policyId: 'p-read', tool: { name: 'crm.read' } },
  // The one disclosure, with its legal basis.
  { id: 'q2', occurredAt: '2026-10-05T09:40:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-q', tool: { name: 'crm.export' }, dataSubjects: ['cust-17'], personalData: ['contact_details'], recipient: 'acme-analytics', legalBasis: 'contract', outcome: 'success' },
  { id: 'q3', occurredAt: '2026-10-05T10:20:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's-q', policyId: 'p-read', tool: { name: 'crm.read' } },
  // One approval, answered after 5 minutes.
  { id: 'q4', occurredAt: '2026-10-05T11:00:00Z', environment: PROD, category: 'approval', action: 'approval.requested', agentId: 'agent-a', sessionId: 's-q', correlationId: 'q-apr' },
  { id: 'q5', occurredAt: '2026-10-05T11:05:00Z', environment: PROD, category: 'approval', action: 'approval.granted', actor: alice, correlationId: 'q-apr' },
  // Last event 20 minutes before the period's end: no trailing gap.
  { id: 'q6', occurredAt: '2026-10-05T11:40:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-q', tool: { name: 'crm.read' }, outcome: 'success' },
];

/**
 * Three early hours whose first 40 minutes the production gateway was still
 * disconnected from the evening before; the silence before the first event
 * (40 min) is under the gap threshold, so only the disconnection shows it.
 */
export const carried: AuditEventInput[] = [
  // Disconnected and reconnected before the period: no gap in it.
  { id: 'k1', occurredAt: '2026-10-07T22:00:00Z', environment: PROD, category: 'monitoring', action: 'gateway.disconnected', actor: gateway },
  { id: 'k2', occurredAt: '2026-10-07T22:10:00Z', environment: PROD, category: 'monitoring', action: 'gateway.connected', actor: gateway },
  // Disconnected before the period, reconnected 40 minutes into it: a gap 00:00 → 00:40.
  { id: 'k3', occurredAt: '2026-10-07T23:30:00Z', environment: PROD, category: 'monitoring', action: 'gateway.disconnected', actor: gateway },
  // Staging's gateway stays down from before the period: another environment, no gap in production.
  { id: 'k4', occurredAt: '2026-10-07T23:45:00Z', environment: 'staging', category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw-staging' } },
  { id: 'k5', occurredAt: '2026-10-08T00:40:00Z', environment: PROD, category: 'monitoring', action: 'gateway.connected', actor: gateway },
  { id: 'k6', occurredAt: '2026-10-08T01:30:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's-k', policyId: 'p-read', tool: { name: 'crm.read' } },
  { id: 'k7', occurredAt: '2026-10-08T02:20:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-k', tool: { name: 'crm.read' }, outcome: 'success' },
  // 10 minutes before the period's end: no trailing gap.
  { id: 'k8', occurredAt: '2026-10-08T02:50:00Z', environment: PROD, category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-k', tool: { name: 'crm.read' }, outcome: 'success' },
];
