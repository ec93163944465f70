/** The hand-written trail of `agent-drift.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const read = { name: 'crm.read' };
export const exportPii = { name: 'crm.export', tags: ['pii'] };
export const at = (day: number, minute: number) => `2026-10-${String(day).padStart(2, '0')}T10:${String(minute).padStart(2, '0')}:00Z`;
export const decide = (id: string, occurredAt: string, agentId: string, decision: string): AuditEventInput => ({
  id, occurredAt, agentId, sessionId: `${agentId}-${occurredAt.slice(8, 10)}`, category: 'policy_decision', action: 'tool.invoke', decision, policyId: 'p-crm', tool: read,
});
export const call = (id: string, occurredAt: string, agentId: string, tool: AuditEventInput['tool'], outcome = 'success'): AuditEventInput => ({
  id, occurredAt, agentId, sessionId: `${agentId}-${occurredAt.slice(8, 10)}`, category: 'tool_call', action: 'tool.invoke', tool, outcome,
});

export const events: AuditEventInput[] = [];
// Baseline, 2026-10-19 … 10-28 (ten days).
for (let i = 0; i < 10; i++) {
  const day = 19 + i;
  // steady-bot: every day 2 allowed decisions and 2 tool calls: 4 events, 4 agent actions, 0% denied, 0% errors.
  events.push(decide(`s-${day}-1`, at(day, 0), 'steady-bot', 'allow'), decide(`s-${day}-2`, at(day, 1), 'steady-bot', 'allow'));
  events.push(call(`s-${day}-3`, at(day, 2), 'steady-bot', read), call(`s-${day}-4`, at(day, 3), 'steady-bot', read));
  // drift-bot: every day 3 allowed and 1 denied decision (25% denied), and on odd days 4 tool calls more:
  // 4, 8, 4, 8, … events (median 6, MAD 2), no errors, nothing on pii tools.
  events.push(decide(`d-${day}-1`, at(day, 10), 'drift-bot', 'allow'), decide(`d-${day}-2`, at(day, 11), 'drift-bot', 'allow'));
  events.push(decide(`d-${day}-3`, at(day, 12), 'drift-bot', 'allow'), decide(`d-${day}-4`, at(day, 13), 'drift-bot', 'deny'));
  if (i % 2 === 1) for (let k = 0; k < 4; k++) events.push(call(`d-${day}-c${k}`, at(day, 14 + k), 'drift-bot', read));
  // young-bot: active on the last five baseline days only, under the 7 a baseline needs.
  if (day >= 24) events.push(call(`y-${day}`, at(day, 20), 'young-bot', read));
}
events.push(
  // 2026-09-30, the day before the baseline: inside it, steady-bot's days would run from 09-30 with
  // 18 quiet days, its median volume would be 0 and 5 events a day would be drift.
  ...Array.from({ length: 20 }, (_, k) => decide(`before-${k}`, `2026-09-30T12:${String(k).padStart(2, '0')}:00Z`, 'steady-bot', 'deny')),

  // The period, 2026-10-29.
  // steady-bot: 2 allowed decisions, 3 tool calls. Volume 5: (5 − 4)/√4 = 0.5; agent actions the same;
  // pii 0: (0 − 0)/1 = 0; denied 0%: 0; errors 0%: 0. Nothing drifts.
  decide('p-s1', at(29, 0), 'steady-bot', 'allow'), decide('p-s2', at(29, 1), 'steady-bot', 'allow'),
  call('p-s3', at(29, 2), 'steady-bot', read), call('p-s4', at(29, 3), 'steady-bot', read), call('p-s5', at(29, 4), 'steady-bot', read),
  // drift-bot: 2 allowed and 4 denied decisions, 4 calls to the pii export tool, one of which fails.
  // Volume 10: (10 − 6)/(1.4826 · 2) = 1.35; agent actions the same; within its baseline.
  // Denied 4/6 = 66.67%: (66.67 − 25)/2 = 20.83, beyond 6: fail.
  // Errors 1/10 = 10%: (10 − 0)/2 = 5: warn. pii-tool events 4: (4 − 0)/1 = 4: warn.
  decide('p-d1', at(29, 10), 'drift-bot', 'allow'), decide('p-d2', at(29, 11), 'drift-bot', 'allow'),
  decide('p-d3', at(29, 12), 'drift-bot', 'deny'), decide('p-d4', at(29, 13), 'drift-bot', 'deny'),
  decide('p-d5', at(29, 14), 'drift-bot', 'deny'), decide('p-d6', at(29, 15), 'drift-bot', 'deny'),
  call('p-d7', at(29, 16), 'drift-bot', exportPii), call('p-d8', at(29, 17), 'drift-bot', exportPii),
  call('p-d9', at(29, 18), 'drift-bot', exportPii), call('p-d10', at(29, 19), 'drift-bot', exportPii, 'failure'),
  // young-bot: 12 calls, 12 times its usual one, but it has no baseline to drift from.
  ...Array.from({ length: 12 }, (_, k) => call(`p-y${k}`, at(29, 30 + k), 'young-bot', read)),
  // new-bot: first seen in the period.
  call('p-n1', at(29, 50), 'new-bot', read),
  // A denial no agent made: a denial in scope, but evidence of no agent's drift.
  { id: 'p-admin-deny', occurredAt: at(29, 55), category: 'policy_decision', action: 'tool.invoke', decision: 'deny', actor: { type: 'user', id: 'ops' }, policyId: 'p-crm', tool: read },
  // The period's exclusive end: counted, steady-bot's denials would drift.
  ...Array.from({ length: 5 }, (_, k) => decide(`after-${k}`, `2026-10-30T00:00:0${k}Z`, 'steady-bot', 'deny')),
);

export const PERIOD = { start: '2026-10-29T00:00:00Z', end: '2026-10-30T00:00:00Z' };
