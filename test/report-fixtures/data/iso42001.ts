/** The hand-written trail of `iso42001.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const day = (time: string) => `2026-10-05T${time}Z`;
export const web = { name: 'web.search', tags: ['web'] };
export const crm = { name: 'crm.lookup', tags: ['pii'] };
export const fs = { name: 'fs.write', tags: ['filesystem'] };
export const mail = { name: 'email.send', tags: ['outbound'] };
export const gateway = { type: 'system', id: 'gw-1' } as const;
export const alice = { type: 'user', id: 'alice', email: 'alice@example.com' } as const;
export const bob = { type: 'user', id: 'bob' } as const;

/** agent-a, session s-a1: five allowed web searches by p-web v2, each followed by its tool call. */
export const routine: AuditEventInput[] = ['14:05', '14:10', '14:15', '14:20', '14:25'].flatMap((t, i): AuditEventInput[] => [
  { id: `r${i}-decide`, occurredAt: day(`${t}:00`), agentId: 'agent-a', sessionId: 's-a1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v2', tool: web },
  { id: `r${i}-call`, occurredAt: day(`${t}:30`), agentId: 'agent-a', sessionId: 's-a1', category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' },
]);

export const events: AuditEventInput[] = [
  // Outside the period: a deny just before the start would make denial_rate 2/15 and agent-b's
  // decisions 5; an error exactly at the (exclusive) end would make error_rate 3/41 and agent-a's error rate 2/19.
  { id: 'x-before', occurredAt: '2026-10-05T07:59:59Z', agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  { id: 'x-end', occurredAt: '2026-10-05T16:00:00Z', agentId: 'agent-a', sessionId: 's-a1', category: 'error', action: 'agent.crashed', outcome: 'failure' },
  // Outside the period but after it: the review of inj-1 still counts (resolutions are not bound to the period).
  { id: 'x-review', occurredAt: '2026-10-05T17:00:00Z', actor: bob, category: 'injection', action: 'injection.confirmed', correlationId: 'inj-1' },

  // First event exactly 60 min after the start: a silence of exactly the threshold is not a gap.
  { id: 'e01', occurredAt: day('09:00:00'), actor: gateway, category: 'monitoring', action: 'gateway.connected' },

  // agent-a (18 events, 8 allowed decisions, 1 failure, 1 DLP): risk 5.56 (errors) + 20 (DLP, capped) = 26.
  { id: 'e02', occurredAt: day('09:20:00'), agentId: 'agent-a', sessionId: 's-a1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v1', tool: web },
  { id: 'e03', occurredAt: day('09:21:00'), agentId: 'agent-a', sessionId: 's-a1', category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' },
  { id: 'e04', occurredAt: day('09:40:00'), agentId: 'agent-a', sessionId: 's-a1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-crm', policyVersion: 'v1', tool: crm },
  // error #1 (outcome failure)
  { id: 'e05', occurredAt: day('09:41:00'), agentId: 'agent-a', sessionId: 's-a1', category: 'tool_call', action: 'tool.executed', tool: crm, outcome: 'failure' },
  // A second session for agent-a, and p-web at a second version (policies table: "v1, v2").
  { id: 'e06', occurredAt: day('10:00:00'), agentId: 'agent-a', sessionId: 's-a2', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v2', tool: web },
  // The only DLP event with personal data, and it was blocked: personal-data-blocked passes at 100%.
  { id: 'e07', occurredAt: day('10:01:00'), agentId: 'agent-a', sessionId: 's-a2', category: 'dlp', action: 'dlp.blocked', tool: mail, personalData: ['email'], severity: 'high' },

  // agent-b (7 events): 1 deny, 1 alert, 2 allows → deny rate 25% (+40, capped); 2 injections (+20, capped) = 60.
  { id: 'e08', occurredAt: day('10:30:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  // alert: a decision and a guardrail trigger, but not a denial
  { id: 'e09', occurredAt: day('10:31:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'alert', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  { id: 'e10', occurredAt: day('10:32:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v2', tool: web },
  // The one agent decision without an explicit policy (policy coverage 12/13).
  { id: 'e11', occurredAt: day('10:33:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', tool: web },
  // inj-1: reviewed after the period (x-review).
  { id: 'e12', occurredAt: day('10:40:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'injection', action: 'injection.detected', correlationId: 'inj-1', severity: 'high' },
  { id: 'e13', occurredAt: day('10:45:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' },

  // agent-c (4 events): one DLP detection without personal data (+20) = 20.
  { id: 'e14', occurredAt: day('11:00:00'), agentId: 'agent-c', sessionId: 's-c1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v2', tool: web },
  { id: 'e15', occurredAt: day('11:01:00'), agentId: 'agent-c', sessionId: 's-c1', category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' },
  // DLP without personal data: not in dlp_personal_data, not blocked.
  { id: 'e16', occurredAt: day('11:10:00'), agentId: 'agent-c', sessionId: 's-c1', category: 'dlp', action: 'dlp.detected', tool: mail },

  // inj-2: its label is dated BEFORE the detection, so it does not review it (injection review 1/2).
  { id: 'e17', occurredAt: day('11:20:00'), actor: bob, category: 'injection', action: 'injection.false_positive', correlationId: 'inj-2' },
  { id: 'e18', occurredAt: day('11:30:00'), agentId: 'agent-b', sessionId: 's-b1', category: 'injection', action: 'injection.detected', correlationId: 'inj-2', severity: 'high' },

  // Approvals: apr-1 granted, apr-2 denied (both answered), apr-3 never (the grant carries another correlation id) → 2/3.
  { id: 'e19', occurredAt: day('12:00:00'), agentId: 'agent-a', sessionId: 's-a2', category: 'approval', action: 'approval.requested', correlationId: 'apr-1' },
  { id: 'e20', occurredAt: day('12:30:00'), actor: alice, category: 'approval', action: 'approval.granted', correlationId: 'apr-1' },
  { id: 'e21', occurredAt: day('12:40:00'), agentId: 'agent-c', sessionId: 's-c1', category: 'approval', action: 'approval.requested', correlationId: 'apr-2' },
  { id: 'e22', occurredAt: day('13:00:00'), actor: alice, category: 'approval', action: 'approval.denied', correlationId: 'apr-2' },
  { id: 'e23', occurredAt: day('13:10:00'), agentId: 'agent-a', sessionId: 's-a2', category: 'approval', action: 'approval.requested', correlationId: 'apr-3' },
  { id: 'e24', occurredAt: day('13:20:00'), actor: alice, category: 'approval', action: 'approval.granted', correlationId: 'apr-3b' },

  // Gateway disconnected 13:30 → reconnected 13:40 in the same (default) environment: a 600 s gap.
  // The 13:35 connection is another environment's gateway and must not end the gap.
  { id: 'e25', occurredAt: day('13:30:00'), actor: gateway, category: 'monitoring', action: 'gateway.disconnected', severity: 'high' },
  { id: 'e26', occurredAt: day('13:35:00'), environment: 'staging', actor: { type: 'system', id: 'gw-2' }, category: 'monitoring', action: 'gateway.connected' },
  { id: 'e27', occurredAt: day('13:40:00'), actor: gateway, category: 'monitoring', action: 'gateway.connected' },

  // A person's decision: counts among decisions (denial rate) but not among agent decisions (policy coverage).
  { id: 'e28', occurredAt: day('14:00:00'), actor: { type: 'user', id: 'carol' }, category: 'policy_decision', action: 'console.open', decision: 'allow' },

  ...routine,

  // Two events with neither agent nor actor (attribution 38/40 = 95%, the warn threshold exactly).
  { id: 'e29', occurredAt: day('14:30:00'), category: 'monitoring', action: 'heartbeat' },
  // error #2 (category error, no outcome); the last event, exactly 60 min before the end: no trailing gap.
  { id: 'e30', occurredAt: day('15:00:00'), category: 'error', action: 'worker.crashed', severity: 'medium' },
];
