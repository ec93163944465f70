/** The hand-written trail of `hipaa.test.ts`, whose numbers are counted by hand from it; the golden test builds reports over it too. */
import type { AuditEventInput } from '../../../client/graphql.ts';

export const EHR_READ = { name: 'ehr.read', tags: ['pii', 'ehr'] };
export const EHR_WRITE = { name: 'ehr.write', tags: ['pii', 'ehr'] };
export const CALENDAR = { name: 'calendar.read', tags: ['scheduling'] };
export const MAIL = { name: 'email.send', tags: ['email'] };
export const P = 'prod';
export const S = 'staging';

export const events: AuditEventInput[] = [
  // --- prod, in the period (38 events) ----------------------------------------------------------------
  // Authentication (10): one failure, so exactly 90% succeed (warn is inclusive).
  { id: 'a1', occurredAt: '2026-11-03T00:01:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-1' }, outcome: 'success' },
  { id: 'a2', occurredAt: '2026-11-03T00:04:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'dr-2' }, outcome: 'success' },
  { id: 'a3', occurredAt: '2026-11-03T00:32:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-3' }, outcome: 'success' },
  { id: 'a4', occurredAt: '2026-11-03T00:36:00Z', environment: P, category: 'auth', action: 'token.refresh', actor: { type: 'service', id: 'scribe-svc' }, outcome: 'success' },
  // a5 is also the last event before a 75-minute silence (00:50 → 02:05).
  { id: 'a5', occurredAt: '2026-11-03T00:50:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'dr-2' }, outcome: 'failure' },
  { id: 'a6', occurredAt: '2026-11-03T02:05:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'dr-2' }, outcome: 'success' },
  { id: 'a7', occurredAt: '2026-11-03T02:07:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-1' }, outcome: 'success' },
  { id: 'a8', occurredAt: '2026-11-03T02:48:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-4' }, outcome: 'success' },
  { id: 'a9', occurredAt: '2026-11-03T02:52:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'nurse-5' }, outcome: 'success' },
  { id: 'a10', occurredAt: '2026-11-03T02:55:00Z', environment: P, category: 'auth', action: 'login', actor: { type: 'user', id: 'dr-6' }, outcome: 'success' },

  // Agent decisions (11), all by an explicit policy and in a session. On pii tools: d1–d3, d5–d10.
  // scribe: 7 decisions, 1 denial (d3). billing: 4 decisions, 1 denial (d6) and 1 hold (d7, not a denial).
  { id: 'd1', occurredAt: '2026-11-03T00:02:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's1', policyId: 'p-ehr', tool: EHR_READ, dataSubjects: ['pat-1'], personalData: ['diagnosis'] },
  { id: 'd2', occurredAt: '2026-11-03T00:06:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's1', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd3', occurredAt: '2026-11-03T00:10:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'scribe', sessionId: 's1', policyId: 'p-ehr', tool: EHR_WRITE },
  { id: 'd4', occurredAt: '2026-11-03T00:14:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's1', policyId: 'p-sched', tool: CALENDAR },
  { id: 'd5', occurredAt: '2026-11-03T00:18:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'billing', sessionId: 's2', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd6', occurredAt: '2026-11-03T00:22:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'billing', sessionId: 's2', policyId: 'p-ehr-w', tool: EHR_WRITE },
  { id: 'd7', occurredAt: '2026-11-03T00:26:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'billing', sessionId: 's2', policyId: 'p-ehr-w', tool: EHR_WRITE },
  { id: 'd8', occurredAt: '2026-11-03T00:30:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'billing', sessionId: 's2', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd9', occurredAt: '2026-11-03T02:10:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's3', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd10', occurredAt: '2026-11-03T02:20:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'alert', agentId: 'scribe', sessionId: 's3', policyId: 'p-ehr', tool: EHR_READ },
  { id: 'd11', occurredAt: '2026-11-03T02:30:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's3', policyId: 'p-sched', tool: CALENDAR },
  // A nurse's console read of the EHR allowed without an explicit policy: a pii-tool decision without policy (1 of 10),
  // but no agent decision, so agent policy coverage stays 100%.
  { id: 'dh', occurredAt: '2026-11-03T02:40:00Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', actor: { type: 'user', id: 'nurse-1' }, tool: EHR_READ },
  // An agent tool call on the EHR: an agent action and a pii-tool event, not a decision.
  { id: 't1', occurredAt: '2026-11-03T00:34:00Z', environment: P, category: 'tool_call', action: 'tool.completed', agentId: 'scribe', sessionId: 's1', tool: EHR_READ, outcome: 'success' },

  // Credentials: access to the EHR database (a pii-tagged system) counts; a lease on the billing database does not.
  { id: 'c1', occurredAt: '2026-11-03T00:38:00Z', environment: P, category: 'credential', action: 'credential.accessed', agentId: 'billing', sessionId: 's2', tool: { name: 'ehr.db', tags: ['pii', 'ehr'] } },
  { id: 'c2', occurredAt: '2026-11-03T00:42:00Z', environment: P, category: 'credential', action: 'lease.issued', agentId: 'billing', sessionId: 's2', tool: { name: 'billing.db', tags: ['finance'] }, ttlSeconds: 600 },

  // Injections: inj-1 labelled false positive; inj-2's confirmation carries another correlation id, so it stays unreviewed.
  { id: 'inj1', occurredAt: '2026-11-03T00:12:00Z', environment: P, category: 'injection', action: 'injection.detected', agentId: 'scribe', sessionId: 's1', correlationId: 'inj-1' },
  { id: 'inj1-fp', occurredAt: '2026-11-03T00:20:00Z', environment: P, category: 'injection', action: 'injection.false_positive', actor: { type: 'user', id: 'analyst-1' }, correlationId: 'inj-1' },
  { id: 'inj2', occurredAt: '2026-11-03T02:15:00Z', environment: P, category: 'injection', action: 'injection.detected', agentId: 'billing', sessionId: 's4', correlationId: 'inj-2' },
  { id: 'inj2-x', occurredAt: '2026-11-03T02:25:00Z', environment: P, category: 'injection', action: 'injection.confirmed', actor: { type: 'user', id: 'analyst-1' }, correlationId: 'inj-2b' },

  // Escalations: esc-1 resolved 24 h + 1 s later (late; its in-period update is not a resolution); esc-2 resolved after 85 min.
  { id: 'esc1', occurredAt: '2026-11-03T00:48:00Z', environment: P, category: 'escalation', action: 'escalation.opened', actor: { type: 'system', id: 'siem' }, correlationId: 'esc-1' },
  { id: 'esc2', occurredAt: '2026-11-03T02:35:00Z', environment: P, category: 'escalation', action: 'escalation.opened', actor: { type: 'system', id: 'siem' }, correlationId: 'esc-2' },
  { id: 'esc1-upd', occurredAt: '2026-11-03T02:45:00Z', environment: P, category: 'escalation', action: 'escalation.updated', actor: { type: 'user', id: 'soc-1' }, correlationId: 'esc-1' },

  // DLP: 5 with personal data (PHI), 4 blocked (dlp3 names only a data category, no subject); dlp6 blocks a token (no PHI).
  { id: 'dlp1', occurredAt: '2026-11-03T00:16:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'scribe', sessionId: 's1', tool: MAIL, dataSubjects: ['pat-1'], personalData: ['diagnosis'] },
  { id: 'dlp2', occurredAt: '2026-11-03T00:24:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'billing', sessionId: 's2', tool: MAIL, dataSubjects: ['pat-2'], personalData: ['insurance_id'] },
  { id: 'dlp3', occurredAt: '2026-11-03T00:28:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'billing', sessionId: 's2', tool: MAIL, personalData: ['ssn'] },
  { id: 'dlp4', occurredAt: '2026-11-03T02:12:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'scribe', sessionId: 's3', tool: MAIL, dataSubjects: ['pat-3'] },
  { id: 'dlp5', occurredAt: '2026-11-03T02:22:00Z', environment: P, category: 'dlp', action: 'dlp.detected', agentId: 'scribe', sessionId: 's3', tool: MAIL, dataSubjects: ['pat-3'], personalData: ['diagnosis'] },
  { id: 'dlp6', occurredAt: '2026-11-03T02:50:00Z', environment: P, category: 'dlp', action: 'dlp.blocked', agentId: 'billing', sessionId: 's4', tool: MAIL },

  // --- prod, outside the period --------------------------------------------------------------------------
  { id: 'esc1-res', occurredAt: '2026-11-04T00:48:01Z', environment: P, category: 'escalation', action: 'escalation.resolved', actor: { type: 'user', id: 'soc-1' }, correlationId: 'esc-1' },
  { id: 'esc2-res', occurredAt: '2026-11-03T04:00:00Z', environment: P, category: 'escalation', action: 'escalation.resolved', actor: { type: 'user', id: 'soc-1' }, correlationId: 'esc-2' },
  // A denial by the billing agent just before the start: billing's deny rate (and risk) would differ if counted.
  { id: 'o-early', occurredAt: '2026-11-02T23:59:59Z', environment: P, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'billing', sessionId: 's0', policyId: 'p-ehr', tool: EHR_READ },

  // A prod disconnection before the start, reconnected before it too: no gap in the period.
  { id: 'o-gw-down', occurredAt: '2026-11-02T23:30:00Z', environment: P, category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw-1' } },
  { id: 'o-gw-up', occurredAt: '2026-11-02T23:45:00Z', environment: P, category: 'monitoring', action: 'gateway.connected', actor: { type: 'system', id: 'gw-1' } },
  // A staging gateway disconnected before the start and never reconnected: it would cover the whole period if counted.
  { id: 's-gw-early', occurredAt: '2026-11-02T23:00:00Z', environment: S, category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw-2' } },

  // --- staging, in the period: all excluded by the environment scope -------------------------------------
  { id: 's-d1', occurredAt: '2026-11-03T00:40:00Z', environment: S, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'scribe', sessionId: 's1', tool: EHR_READ }, // no policy
  { id: 's-rc', occurredAt: '2026-11-03T00:44:00Z', environment: S, category: 'admin', action: 'role.changed', actor: { type: 'user', id: 'admin-1' }, correlationId: 'rc-s' }, // unapproved
  { id: 's-gw', occurredAt: '2026-11-03T00:20:00Z', environment: S, category: 'monitoring', action: 'gateway.disconnected', actor: { type: 'system', id: 'gw-2' } }, // never reconnects
  { id: 's-inj', occurredAt: '2026-11-03T01:10:00Z', environment: S, category: 'injection', action: 'injection.detected', agentId: 'scribe', sessionId: 's5', correlationId: 'inj-s' },
  { id: 's-a1', occurredAt: '2026-11-03T01:30:00Z', environment: S, category: 'auth', action: 'login', actor: { type: 'user', id: 'tester' }, outcome: 'failure' },
  { id: 's-dlp', occurredAt: '2026-11-03T01:40:00Z', environment: S, category: 'dlp', action: 'dlp.detected', agentId: 'scribe', sessionId: 's5', tool: MAIL, dataSubjects: ['pat-9'] },
];

export const PERIOD = { start: '2026-11-03T00:00:00Z', end: '2026-11-03T03:00:00Z' };
