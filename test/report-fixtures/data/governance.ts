/** The hand-written trail of `governance.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const alice = { type: 'user', id: 'alice' };
export const bob = { type: 'user', id: 'bob' };

export const events: AuditEventInput[] = [
  // Before the period by one second: a denial that would raise agent-a's deny rate.
  { id: 'pre', occurredAt: '2026-11-01T23:59:59Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-a', sessionId: 's-a0', policyId: 'p-write' },

  // Day 1 (2026-11-02). Decisions: allow, allow, deny (critical), hold.
  { id: 'g1', occurredAt: '2026-11-02T09:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's-a1', policyId: 'p-read', tool: { name: 'crm.read' } },
  { id: 'g2', occurredAt: '2026-11-02T09:10:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's-a1', policyId: 'p-read', tool: { name: 'crm.read' } },
  { id: 'g3', occurredAt: '2026-11-02T09:20:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-b', sessionId: 's-b1', policyId: 'p-write', tool: { name: 'crm.write' }, severity: 'critical' },
  // Hold gh-1, answered by a person 1 h later (3,600 s).
  { id: 'g4', occurredAt: '2026-11-02T09:30:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-b', sessionId: 's-b1', policyId: 'p-pay', tool: { name: 'pay.send' }, correlationId: 'gh-1' },
  // Out of scope: agent-c's decision and a service's decision, both without a policy (would lower coverage).
  { id: 'c1', occurredAt: '2026-11-02T09:40:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-c', sessionId: 's-c1', tool: { name: 'crm.write' } },
  { id: 'n1', occurredAt: '2026-11-02T09:50:00Z', category: 'policy_decision', action: 'job.run', decision: 'allow', actor: { type: 'service', id: 'scheduler' } },
  // Tool calls of agent-a: one success, one failure.
  { id: 't1', occurredAt: '2026-11-02T10:00:00Z', category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-a1', tool: { name: 'crm.read' }, outcome: 'success' },
  { id: 't2', occurredAt: '2026-11-02T10:05:00Z', category: 'tool_call', action: 'tool.invoke', agentId: 'agent-a', sessionId: 's-a1', tool: { name: 'crm.read' }, outcome: 'failure' },
  { id: 'gh1-ok', occurredAt: '2026-11-02T10:30:00Z', category: 'approval', action: 'approval.granted', actor: bob, correlationId: 'gh-1' },
  // Approval ga-1: answered after 20 min (1,200 s).
  { id: 'ap1', occurredAt: '2026-11-02T11:00:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-a', sessionId: 's-a1', correlationId: 'ga-1' },
  { id: 'ap1-ok', occurredAt: '2026-11-02T11:20:00Z', category: 'approval', action: 'approval.granted', actor: alice, correlationId: 'ga-1' },
  // Approval ga-2: denied exactly 1 h later (3,600 s): answered within the SLA.
  { id: 'ap2', occurredAt: '2026-11-02T12:00:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-b', sessionId: 's-b1', correlationId: 'ga-2' },
  { id: 'ap2-no', occurredAt: '2026-11-02T13:00:00Z', category: 'approval', action: 'approval.denied', actor: alice, correlationId: 'ga-2' },
  // Approval ga-3: answered after 1 h 30 min (5,400 s): answered, but late.
  { id: 'ap3', occurredAt: '2026-11-02T14:00:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-a', sessionId: 's-a1', correlationId: 'ga-3' },
  { id: 'ap3-ok', occurredAt: '2026-11-02T15:30:00Z', category: 'approval', action: 'approval.granted', actor: alice, correlationId: 'ga-3' },
  // Lease gl-1 (TTL 1,800 s) returned one second before its TTL.
  { id: 'l1', occurredAt: '2026-11-02T16:00:00Z', category: 'credential', action: 'lease.issued', agentId: 'agent-a', sessionId: 's-a1', ttlSeconds: 1800, correlationId: 'gl-1' },
  { id: 'l1-end', occurredAt: '2026-11-02T16:29:59Z', category: 'credential', action: 'lease.returned', agentId: 'agent-a', sessionId: 's-a1', correlationId: 'gl-1' },
  // Out of scope: agent-c's approval request, never answered (would lower the answer rate).
  { id: 'c2', occurredAt: '2026-11-02T17:00:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-c', sessionId: 's-c1', correlationId: 'ga-c' },

  // Day 2 (2026-11-03).
  // Lease gl-2 (TTL 600 s) revoked by the vault (no agent: out of scope, still resolves it) exactly at its TTL.
  { id: 'l2', occurredAt: '2026-11-03T08:00:00Z', category: 'credential', action: 'lease.issued', agentId: 'agent-b', sessionId: 's-b2', ttlSeconds: 600, correlationId: 'gl-2' },
  { id: 'l2-end', occurredAt: '2026-11-03T08:10:00Z', category: 'credential', action: 'lease.revoked', actor: { type: 'system', id: 'vault' }, correlationId: 'gl-2' },
  // agent-b's errors: a failed tool call, and an error event (category error, not an agent action).
  { id: 't3', occurredAt: '2026-11-03T09:00:00Z', category: 'tool_call', action: 'tool.invoke', agentId: 'agent-b', sessionId: 's-b2', tool: { name: 'mail.send' }, outcome: 'failure' },
  { id: 't4', occurredAt: '2026-11-03T09:05:00Z', category: 'error', action: 'agent.crashed', agentId: 'agent-b', sessionId: 's-b2' },
  // Decisions: alert, hold, allow, allow.
  { id: 'g5', occurredAt: '2026-11-03T10:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'alert', agentId: 'agent-a', sessionId: 's-a2', policyId: 'p-export', tool: { name: 'crm.export' } },
  // Hold gh-2, denied 3 h later (10,800 s).
  { id: 'g6', occurredAt: '2026-11-03T10:10:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-a', sessionId: 's-a2', policyId: 'p-pay', tool: { name: 'pay.send' }, correlationId: 'gh-2' },
  { id: 'g7', occurredAt: '2026-11-03T10:20:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-b', sessionId: 's-b2', policyId: 'p-read', tool: { name: 'crm.read' } },
  { id: 'g8', occurredAt: '2026-11-03T10:30:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-b', sessionId: 's-b2', policyId: 'p-read', tool: { name: 'crm.read' } },
  // DLP of agent-a: one blocked, one only detected (high severity).
  { id: 'd1', occurredAt: '2026-11-03T11:00:00Z', category: 'dlp', action: 'dlp.blocked', agentId: 'agent-a', sessionId: 's-a2', tool: { name: 'crm.export' } },
  { id: 'd2', occurredAt: '2026-11-03T11:30:00Z', category: 'dlp', action: 'dlp.detected', agentId: 'agent-a', sessionId: 's-a2', tool: { name: 'crm.export' }, severity: 'high' },
  // Out of scope: agent-c's unreviewed injection (would make the review check fail instead of not applicable),
  // its lease never returned, and its failed tool call.
  { id: 'c3', occurredAt: '2026-11-03T12:00:00Z', category: 'injection', action: 'injection.detected', agentId: 'agent-c', sessionId: 's-c1', severity: 'high', correlationId: 'gi-c' },
  { id: 'c4', occurredAt: '2026-11-03T12:10:00Z', category: 'credential', action: 'lease.issued', agentId: 'agent-c', sessionId: 's-c1', ttlSeconds: 60, correlationId: 'gl-c' },
  { id: 'c5', occurredAt: '2026-11-03T12:20:00Z', category: 'tool_call', action: 'tool.invoke', agentId: 'agent-c', sessionId: 's-c1', tool: { name: 'crm.read' }, outcome: 'failure' },
  { id: 'gh2-no', occurredAt: '2026-11-03T13:10:00Z', category: 'approval', action: 'approval.denied', actor: bob, correlationId: 'gh-2' },
  // Approval ga-4: answered 50 min later (3,000 s), after the period's end.
  { id: 'ap4', occurredAt: '2026-11-03T23:30:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-b', sessionId: 's-b2', correlationId: 'ga-4' },

  // At the period's end exactly (excluded), and ga-4's answer.
  { id: 'at-end', occurredAt: '2026-11-04T00:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-b', sessionId: 's-b3', policyId: 'p-write' },
  { id: 'ap4-ok', occurredAt: '2026-11-04T00:20:00Z', category: 'approval', action: 'approval.granted', actor: alice, correlationId: 'ga-4' },
];
