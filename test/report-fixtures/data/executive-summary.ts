/** The hand-written trail of `executive-summary.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const web = { name: 'web.search', tags: ['web'] };
export const fs = { name: 'fs.write', tags: ['filesystem'] };
export const pay = { name: 'payments.refund', tags: ['finance'] };
export const mail = { name: 'email.send', tags: ['outbound'] };

export type Extra = Partial<AuditEventInput>;
export const decide = (id: string, occurredAt: string, agentId: string, sessionId: string, decision: string, policyId: string | null, extra: Extra = {}): AuditEventInput => ({
  id, occurredAt, agentId, sessionId, category: 'policy_decision', action: 'tool.invoke', decision, policyId, policyVersion: policyId ? (policyId === 'p-pay' ? 'v2' : 'v1') : null, tool: web, ...extra,
});
export const call = (id: string, occurredAt: string, agentId: string, sessionId: string, extra: Extra = {}): AuditEventInput => ({
  id, occurredAt, agentId, sessionId, category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success', ...extra,
});

export const events: AuditEventInput[] = [
  // Outside the period. The Tuesday before the start is in the first week's calendar week but not in
  // the period: counted, it would make that week 10 events, 3 denials and 4 triggers. The exclusive
  // end would add an unblocked DLP event (DLP 1/2) and risk to agent-z.
  decide('d1', '2026-09-29T23:59:59Z', 'agent-x', 'x1', 'deny', 'p-fs', { tool: fs, costUsd: 1 }),
  { id: 'd2', occurredAt: '2026-10-22T00:00:00Z', agentId: 'agent-z', sessionId: 'z1', category: 'dlp', action: 'dlp.detected', tool: mail, costUsd: 2 },

  // Week of 2026-09-28: 9 events, 6 decisions, 2 denials, 3 triggers, $0.483 → $0.48.
  // agent-x (10 events in all): 1 deny of 4 decisions (25% → +40, capped), 1 failure in 10 events (+10) = 50:
  // exactly the elevated threshold and the first score of the high band.
  decide('w1-1', '2026-09-30T10:00:00Z', 'agent-x', 'x1', 'allow', 'p-web', { costUsd: 0.1 }),
  call('w1-2', '2026-09-30T10:01:00Z', 'agent-x', 'x1', { costUsd: 0.05 }),
  // medium severity: not a high-severity event
  decide('w1-3', '2026-09-30T10:02:00Z', 'agent-x', 'x1', 'deny', 'p-fs', { tool: fs, severity: 'medium' }),
  decide('w1-4', '2026-10-01T09:00:00Z', 'agent-x', 'x1', 'allow', 'p-web'),
  call('w1-5', '2026-10-01T09:01:00Z', 'agent-x', 'x1', { outcome: 'failure', severity: 'high' }),
  // agent-y (11 events in all): 1 deny of 5 decisions (20% → exactly +40), 1 failure in 11 (+9.09) = 49: medium, not elevated.
  decide('w1-6', '2026-10-02T09:00:00Z', 'agent-y', 'y1', 'allow', 'p-web'),
  // no explicit policy (1 of the 2 uncovered agent decisions)
  decide('w1-7', '2026-10-02T09:01:00Z', 'agent-y', 'y1', 'deny', null, { tool: fs }),
  call('w1-8', '2026-10-02T09:02:00Z', 'agent-y', 'y1', { costUsd: 0.333 }),
  // The last second of Sunday still belongs to the first week.
  decide('w1-9', '2026-10-04T23:59:59Z', 'agent-y', 'y1', 'alert', 'p-web'),

  // Week of 2026-10-05: 10 events, 3 decisions, 1 denial, 5 triggers (+66.7% on 3), 1 DLP, 2 injections, $0.125 → $0.13.
  // The first second of Monday opens the new week.
  decide('w2-1', '2026-10-05T00:00:00Z', 'agent-y', 'y1', 'hold', 'p-pay', { tool: pay, correlationId: 'h-1' }),
  call('w2-2', '2026-10-05T00:00:01Z', 'agent-y', 'y1', { outcome: 'failure' }),
  // agent-w (4 events): deny of its only decision (+40), 2 injections (+20), 1 DLP (+20) = 80, critical.
  decide('w2-3', '2026-10-06T08:00:00Z', 'agent-w', 'w1', 'deny', null, { tool: fs }),
  { id: 'w2-4', occurredAt: '2026-10-06T08:01:00Z', agentId: 'agent-w', sessionId: 'w1', category: 'injection', action: 'injection.detected', correlationId: 'inj-1', severity: 'critical' },
  { id: 'w2-5', occurredAt: '2026-10-06T08:02:00Z', agentId: 'agent-w', sessionId: 'w1', category: 'injection', action: 'injection.detected', correlationId: 'inj-2', severity: 'high' },
  // The only DLP event, blocked: EXEC-4 passes.
  { id: 'w2-6', occurredAt: '2026-10-06T08:03:00Z', agentId: 'agent-w', sessionId: 'w1', category: 'dlp', action: 'dlp.blocked', tool: mail, severity: 'high' },
  // inj-1 reviewed (a false positive); inj-2 never: 50%.
  { id: 'w2-7', occurredAt: '2026-10-07T09:00:00Z', actor: { type: 'user', id: 'bob' }, category: 'injection', action: 'injection.false_positive', correlationId: 'inj-1' },
  decide('w2-8', '2026-10-08T09:00:00Z', 'agent-x', 'x2', 'allow', 'p-web'),
  call('w2-9', '2026-10-08T09:01:00Z', 'agent-x', 'x2', { costUsd: 0.125 }),
  call('w2-10', '2026-10-08T09:02:00Z', 'agent-x', 'x2'),

  // Week of 2026-10-12: nothing at all.

  // Week of 2026-10-19: 11 events, 4 decisions, no denial, 2 triggers, $2.5049 → $2.50.
  // agent-z: an alert and a hold are guardrail triggers but add no risk points: 0, "no risk signals".
  decide('w4-1', '2026-10-19T10:00:00Z', 'agent-z', 'z1', 'allow', 'p-web'),
  call('w4-2', '2026-10-19T10:01:00Z', 'agent-z', 'z1', { costUsd: 2.5 }),
  decide('w4-3', '2026-10-19T10:02:00Z', 'agent-z', 'z1', 'alert', 'p-web'),
  decide('w4-4', '2026-10-19T10:03:00Z', 'agent-z', 'z1', 'hold', 'p-pay', { tool: pay, correlationId: 'h-2' }),
  decide('w4-5', '2026-10-20T10:00:00Z', 'agent-y', 'y1', 'allow', 'p-web'),
  call('w4-6', '2026-10-20T10:01:00Z', 'agent-y', 'y1', { costUsd: 0.0049 }),
  call('w4-7', '2026-10-20T10:02:00Z', 'agent-y', 'y1'),
  call('w4-8', '2026-10-21T10:00:00Z', 'agent-y', 'y1'),
  call('w4-9', '2026-10-21T10:01:00Z', 'agent-y', 'y1'),
  call('w4-10', '2026-10-21T10:02:00Z', 'agent-x', 'x2'),
  call('w4-11', '2026-10-21T23:59:59Z', 'agent-x', 'x2'),
];
