/** The hand-written trail of `nist-ai-rmf.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const at = (time: string) => `2026-10-12T${time}Z`;
export const prod = 'production';
export const gwP = { type: 'system', id: 'gw-p' } as const;
export const soc = { type: 'system', id: 'soc' } as const;
export const alice = { type: 'user', id: 'alice' } as const;
export const bob = { type: 'user', id: 'bob' } as const;
export const web = { name: 'web.search', tags: ['web'] };
export const pay = { name: 'payments.refund', tags: ['finance'] };
export const fs = { name: 'fs.write', tags: ['filesystem'] };
export const mail = { name: 'email.send', tags: ['outbound'] };

/** agent-p's decisions and tool calls: all by explicit policy p-web v3. */
export const allow = (id: string, time: string, sessionId: string): AuditEventInput => ({ id, occurredAt: at(time), environment: prod, agentId: 'agent-p', sessionId, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v3', tool: web });
export const call = (id: string, time: string, sessionId: string | null): AuditEventInput => ({ id, occurredAt: at(time), environment: prod, agentId: 'agent-p', sessionId, category: 'tool_call', action: 'tool.executed', tool: web, outcome: 'success' });
export const escalation = (id: string, time: string, action: 'escalation.opened' | 'escalation.resolved', occurredAt = at(time)): AuditEventInput => ({ id: `${id}-${action}`, occurredAt, environment: prod, actor: action === 'escalation.opened' ? soc : alice, category: 'escalation', action, correlationId: id });
export const blocked = (id: string, time: string): AuditEventInput => ({ id, occurredAt: at(time), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'dlp', action: 'dlp.blocked', tool: mail, severity: 'high' });

export const events: AuditEventInput[] = [
  // Outside the period, production: an unattributed failure just before the start (would make
  // error_rate 1/37, attribution 36/37) and a personal-data DLP detection at the exclusive end
  // (would make personal-data-blocked applicable, at 0%, and DLP 4/6).
  { id: 'x-before', occurredAt: '2026-10-12T08:59:59Z', environment: prod, category: 'error', action: 'worker.crashed', outcome: 'failure' },
  { id: 'x-end', occurredAt: at('13:00:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'dlp', action: 'dlp.detected', tool: mail, personalData: ['email'] },

  // The first event at the (inclusive) start.
  { id: 'n01', occurredAt: at('09:00:00'), environment: prod, actor: gwP, category: 'monitoring', action: 'gateway.connected' },

  // Five escalations, one late → 80% (warn). esc-1 is resolved exactly 24 h later (on time,
  // the bound is inclusive), esc-2 24 h and 1 s later (late); both resolutions fall after the period.
  escalation('esc-1', '09:05:00', 'escalation.opened'),
  escalation('esc-2', '09:06:00', 'escalation.opened'),
  escalation('esc-3', '09:07:00', 'escalation.opened'),
  escalation('esc-4', '09:08:00', 'escalation.opened'),
  escalation('esc-5', '09:09:00', 'escalation.opened'),
  escalation('esc-1', '', 'escalation.resolved', '2026-10-13T09:05:00Z'),
  escalation('esc-2', '', 'escalation.resolved', '2026-10-13T09:06:01Z'),

  // Three holds (4 h SLA from the hold): h-1 granted exactly 4 h later (within), h-2 denied 4 h
  // and 1 s after the hold (slow, though within 4 h of its approval request), h-3 in 15 min.
  { id: 'n07', occurredAt: at('09:10:00'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', policyId: 'p-pay', policyVersion: 'v1', tool: pay, correlationId: 'h-1' },
  { id: 'n08', occurredAt: at('09:10:30'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'approval', action: 'approval.requested', correlationId: 'h-1' },
  { id: 'n09', occurredAt: at('09:20:00'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', policyId: 'p-pay', policyVersion: 'v1', tool: pay, correlationId: 'h-2' },
  { id: 'n10', occurredAt: at('09:20:30'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'approval', action: 'approval.requested', correlationId: 'h-2' },
  { id: 'n11', occurredAt: at('09:30:00'), environment: prod, agentId: 'agent-p', sessionId: 's-p1', category: 'policy_decision', action: 'tool.invoke', decision: 'hold', policyId: 'p-pay', policyVersion: 'v1', tool: pay, correlationId: 'h-3' },
  // The answers of h-1 and h-2 come after the period: both approval requests are answered (100%).
  { id: 'h-1-granted', occurredAt: at('13:10:00'), environment: prod, actor: alice, category: 'approval', action: 'approval.granted', correlationId: 'h-1' },
  { id: 'h-2-denied', occurredAt: at('13:20:01'), environment: prod, actor: alice, category: 'approval', action: 'approval.denied', correlationId: 'h-2' },
  escalation('esc-3', '09:37:00', 'escalation.resolved'),

  // agent-q (5 events): 2 denies of 3 decisions (+40, capped), 1 injection (+20), 1 DLP (+20) = 80, critical.
  { id: 'n13', occurredAt: at('09:40:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  { id: 'n14', occurredAt: at('09:41:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', policyId: 'p-fs', policyVersion: 'v1', tool: fs },
  { id: 'n15', occurredAt: at('09:42:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', policyId: 'p-web', policyVersion: 'v3', tool: web },
  { id: 'n16', occurredAt: at('09:43:00'), environment: prod, agentId: 'agent-q', sessionId: 's-q1', category: 'injection', action: 'injection.detected', correlationId: 'inj-1', severity: 'high' },
  // The one DLP event not blocked; no session id, but DLP events are not agent actions (session attribution).
  { id: 'n17', occurredAt: at('09:44:00'), environment: prod, agentId: 'agent-q', category: 'dlp', action: 'dlp.detected', tool: mail },
  { id: 'n18', occurredAt: at('09:45:00'), environment: prod, actor: alice, category: 'approval', action: 'approval.granted', correlationId: 'h-3' },
  escalation('esc-5', '09:50:00', 'escalation.resolved'),
  { id: 'n20', occurredAt: at('10:00:00'), environment: prod, actor: bob, category: 'injection', action: 'injection.confirmed', correlationId: 'inj-1' },

  // agent-p (17 events, no deny, no failure, 4 DLP events: +20).
  allow('n21', '10:05:00', 's-p1'),
  call('n22', '10:06:00', 's-p1'),
  escalation('esc-4', '10:08:00', 'escalation.resolved'),
  // Four blocked DLP events: with n17, 4 of 5 blocked = 80% (warn, at the threshold).
  blocked('n24', '10:10:00'),
  blocked('n25', '10:15:00'),
  blocked('n26', '10:20:00'),
  blocked('n27', '10:25:00'),
  allow('n28', '10:30:00', 's-p1'),
  // The one agent action without a session id (13 of 14 with one).
  call('n29', '10:31:00', null),

  // Disconnected 10:40, reconnected 12:00, with no production event in between: the silence and
  // the disconnection are the same 4,800 s and count once (coverage 1 − 4,800 / 14,400).
  { id: 'n30', occurredAt: at('10:40:00'), environment: prod, actor: gwP, category: 'monitoring', action: 'gateway.disconnected', severity: 'high' },

  // Staging, inside the silence: out of scope. Counted, they would end the silence, add agent-s,
  // an uncovered deny, a personal-data DLP detection, an unattributed failure, an unreviewed injection, a disconnection.
  { id: 's1', occurredAt: at('11:00:00'), environment: 'staging', actor: { type: 'system', id: 'gw-s' }, category: 'monitoring', action: 'gateway.connected' },
  { id: 's2', occurredAt: at('11:10:00'), environment: 'staging', agentId: 'agent-s', category: 'policy_decision', action: 'tool.invoke', decision: 'deny', tool: fs },
  { id: 's3', occurredAt: at('11:20:00'), environment: 'staging', agentId: 'agent-s', category: 'dlp', action: 'dlp.detected', tool: mail, personalData: ['ssn'], dataSubjects: ['patient-7'] },
  { id: 's4', occurredAt: at('11:30:00'), environment: 'staging', category: 'error', action: 'worker.crashed', outcome: 'failure' },
  { id: 's5', occurredAt: at('11:40:00'), environment: 'staging', agentId: 'agent-s', category: 'injection', action: 'injection.detected', correlationId: 'inj-s' },
  { id: 's6', occurredAt: at('11:50:00'), environment: 'staging', actor: { type: 'system', id: 'gw-s' }, category: 'monitoring', action: 'gateway.disconnected' },

  { id: 'n31', occurredAt: at('12:00:00'), environment: prod, actor: gwP, category: 'monitoring', action: 'gateway.connected' },
  // agent-p's second session.
  allow('n32', '12:10:00', 's-p2'),
  call('n33', '12:11:00', 's-p2'),
  allow('n34', '12:30:00', 's-p2'),
  call('n35', '12:31:00', 's-p2'),
  // The last event, 1 s before the end: no trailing gap.
  { id: 'n36', occurredAt: at('12:59:59'), environment: prod, actor: gwP, category: 'monitoring', action: 'heartbeat' },
];
