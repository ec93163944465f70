/** The hand-written trail of `eu-ai-act.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const WEB = { name: 'search.web', tags: ['web'] };
export const PAY = { name: 'pay.send', tags: ['finance'] };
export const op1 = { type: 'user', id: 'op-1' };
export const op2 = { type: 'user', id: 'op-2' };

export const events: AuditEventInput[] = [
  // --- Outside the period ---------------------------------------------------------------------------
  // The oldest kept event: 183 days and 1 hour before the period end (floor → 183, exactly six months: pass),
  // but only 182 days 21 hours before its start (182 would warn).
  { id: 'o-oldest', occurredAt: '2026-05-05T12:00:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-x', sessionId: 's0', policyId: 'p-1', tool: WEB },
  // The oldest event with personal data: 95 days 13 hours before the end.
  { id: 'o-personal', occurredAt: '2026-08-01T00:00:00Z', category: 'tool_call', action: 'tool.completed', agentId: 'agent-x', sessionId: 's0', tool: WEB, dataSubjects: ['cust-1'] },
  // An injection detected half an hour before the start, never reviewed: the period has none (not applicable).
  { id: 'o-inj', occurredAt: '2026-11-04T08:30:00Z', category: 'injection', action: 'injection.detected', agentId: 'agent-x', sessionId: 's1', correlationId: 'inj-0' },
  // Answers after the end still resolve requests of the period.
  { id: 'o-ap-2-denied', occurredAt: '2026-11-04T14:00:00Z', category: 'approval', action: 'approval.denied', actor: op1, correlationId: 'ap-2' }, // approvals have no deadline
  { id: 'o-h-1-granted', occurredAt: '2026-11-04T13:20:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'h-1' }, // exactly 4 h after h-1: in time
  { id: 'o-h-2-denied', occurredAt: '2026-11-04T13:50:01Z', category: 'approval', action: 'approval.denied', actor: op1, correlationId: 'h-2' }, // 4 h + 1 s after h-2: slow
  { id: 'o-esc-1-resolved', occurredAt: '2026-11-05T10:19:00Z', category: 'escalation', action: 'escalation.resolved', actor: op2, correlationId: 'esc-1' }, // 23 h 59 min
  // A critical failure of agent-y exactly at the (excluded) end: would add a high-severity event and raise agent-y's risk.
  { id: 'o-end', occurredAt: '2026-11-04T13:00:00Z', category: 'error', action: 'agent.crashed', agentId: 'agent-y', sessionId: 's2', severity: 'critical' },

  // The gateway disconnects 20 minutes before the start and reconnects 4 minutes into the period (gw-up-0): monitoring
  // was down 09:00–09:04 although no in-period disconnection and no silence longer than 60 minutes shows it.
  { id: 'o-gw-down', occurredAt: '2026-11-04T08:40:00Z', category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw' } },

  // --- In the period (24 events) ---------------------------------------------------------------------
  { id: 'gw-up-0', occurredAt: '2026-11-04T09:04:00Z', category: 'monitoring', action: 'gateway.connected', actor: { type: 'system', id: 'gw' } },
  { id: 'e1', occurredAt: '2026-11-04T09:05:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-x', sessionId: 's1', policyId: 'p-1', tool: WEB },
  // Approval requests (4): ap-1 granted after 30 min, ap-2 denied after the end, ap-3 only expires (unanswered), ap-4 granted.
  { id: 'ap-1', occurredAt: '2026-11-04T09:10:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-x', sessionId: 's1', correlationId: 'ap-1' },
  // Holds (5): h-1 answered exactly at 4 h, h-2 1 s too late (both after the end), h-3, h-4, h-5 within minutes.
  { id: 'h-1', occurredAt: '2026-11-04T09:20:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-x', sessionId: 's1', policyId: 'p-pay', tool: PAY, correlationId: 'h-1' },
  { id: 'ap-2', occurredAt: '2026-11-04T09:30:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-y', sessionId: 's2', correlationId: 'ap-2' },
  { id: 'ap-1-ok', occurredAt: '2026-11-04T09:40:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'ap-1' },
  { id: 'h-2', occurredAt: '2026-11-04T09:50:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-y', sessionId: 's2', policyId: 'p-pay', tool: PAY, correlationId: 'h-2', severity: 'high' },
  // The gateway is disconnected for 3 minutes (180 s).
  { id: 'gw-down', occurredAt: '2026-11-04T10:00:00Z', category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw' } },
  { id: 'gw-up', occurredAt: '2026-11-04T10:03:00Z', category: 'monitoring', action: 'gateway.connected', actor: { type: 'system', id: 'gw' } },
  // A failed tool call of agent-y (error rate for its risk).
  { id: 't1', occurredAt: '2026-11-04T10:10:00Z', category: 'tool_call', action: 'tool.completed', agentId: 'agent-y', sessionId: 's2', tool: WEB, outcome: 'failure' },
  // Escalation resolved after 23 h 59 min (above).
  { id: 'esc-1', occurredAt: '2026-11-04T10:20:00Z', category: 'escalation', action: 'escalation.opened', actor: { type: 'system', id: 'monitor' }, correlationId: 'esc-1', severity: 'critical' },
  { id: 'ap-3', occurredAt: '2026-11-04T10:30:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-x', sessionId: 's1', correlationId: 'ap-3' },
  { id: 'h-3', occurredAt: '2026-11-04T10:40:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-x', sessionId: 's1', policyId: 'p-pay', tool: PAY, correlationId: 'h-3' },
  { id: 'h-3-ok', occurredAt: '2026-11-04T10:50:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'h-3' },
  { id: 'ap-4', occurredAt: '2026-11-04T11:00:00Z', category: 'approval', action: 'approval.requested', agentId: 'agent-y', sessionId: 's2', correlationId: 'ap-4' },
  // agent-y's denial (medium severity: not a high-severity event).
  { id: 'd-deny', occurredAt: '2026-11-04T11:05:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-y', sessionId: 's2', policyId: 'p-pay', tool: PAY, severity: 'medium' },
  { id: 'h-4', occurredAt: '2026-11-04T11:10:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-y', sessionId: 's2', policyId: 'p-pay', tool: PAY, correlationId: 'h-4' },
  { id: 'h-4-ok', occurredAt: '2026-11-04T11:15:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'h-4' },
  { id: 'ap-4-ok', occurredAt: '2026-11-04T11:20:00Z', category: 'approval', action: 'approval.granted', actor: op2, correlationId: 'ap-4' },
  // ap-3 expires: not an answer. The expiry names neither agent nor actor: the one unattributed event.
  { id: 'ap-3-exp', occurredAt: '2026-11-04T11:30:00Z', category: 'approval', action: 'approval.expired', correlationId: 'ap-3' },
  // agent-x crashes once (an error event, not an agent action).
  { id: 'err', occurredAt: '2026-11-04T11:40:00Z', category: 'error', action: 'agent.crashed', agentId: 'agent-x', sessionId: 's1', severity: 'high' },
  { id: 'h-5', occurredAt: '2026-11-04T11:45:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-x', sessionId: 's1', policyId: 'p-pay', tool: PAY, correlationId: 'h-5' },
  { id: 'h-5-ok', occurredAt: '2026-11-04T11:48:00Z', category: 'approval', action: 'approval.granted', actor: op1, correlationId: 'h-5' },
  // The last event of the period: 70 minutes of silence follow until 13:00 (more than the 60-minute gap threshold).
  { id: 'e-last', occurredAt: '2026-11-04T11:50:00Z', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-x', sessionId: 's1', policyId: 'p-1', tool: WEB },
];

export const PERIOD = { start: '2026-11-04T09:00:00Z', end: '2026-11-04T13:00:00Z' };
