/**
 * A deterministic two-week trail for the report types beyond SOC 2: personal
 * data with legal bases, recipients and regions, DLP with breach responses,
 * authentication, administrative and service actions, credential leases on
 * pii systems, agent messages, and one old event outside the period (for
 * retention). Tests count their expectations from these rows in JS.
 */
import type { auditEvents } from '../../src/db/schema.ts';

export type EventRow = typeof auditEvents.$inferInsert;

export const P_START = Date.parse('2026-09-07T00:00:00Z'); // a Monday
export const P_DAYS = 14;
export const DAY = 86_400_000;
export const MIN = 60_000;
/** An event kept from long before the period: what retention measures reach back to. */
export const OLD_EVENT_AGE_DAYS = 200;

const AGENTS = ['agent-a', 'agent-b', 'agent-c'] as const;

export function privacyScenario(orgId: string): EventRow[] {
  const rows: EventRow[] = [];
  const push = (ms: number, e: Partial<EventRow>) =>
    rows.push({ orgId, occurredAt: new Date(P_START + ms), category: 'tool_call', action: 'tool.call', environment: 'production', ...e } as EventRow);

  // Agent activity every 15 minutes; agent-b is denied on the pii tool, agent-c never uses it.
  let i = 0;
  for (let t = 0; t < P_DAYS * DAY; t += 15 * MIN, i++) {
    const agent = AGENTS[i % 3]!;
    const pii = agent !== 'agent-c' && i % 2 === 0;
    const decision = agent === 'agent-b' && pii ? 'deny' : i % 17 === 0 ? 'alert' : i % 29 === 0 ? 'hold' : 'allow';
    const personal = pii && decision !== 'deny';
    push(t, {
      agentId: agent,
      sessionId: i % 41 === 0 ? null : `${agent}-s${Math.floor(i / 30)}`,
      actorType: 'agent',
      actorId: agent,
      category: 'policy_decision',
      action: 'tool.invoke',
      decision,
      policyId: i % 9 === 4 ? null : pii ? 'pii-guard' : 'default-deny',
      policyVersion: '3',
      environment: i % 5 === 0 ? 'staging' : 'production',
      toolName: pii ? 'crm.lookup' : 'web.search',
      toolTags: pii ? ['pii', 'crm'] : ['search'],
      outcome: i % 31 === 0 ? 'failure' : 'success',
      costUsd: 0.002,
      ...(personal
        ? {
            dataSubjects: i % 10 === 0 ? [`subject-${i % 7}`, `subject-${(i + 3) % 7}`] : [`subject-${i % 7}`],
            personalData: i % 4 === 0 ? ['email', 'phone'] : ['email'],
            legalBasis: i % 5 === 0 ? null : 'contract',
            recipient: i % 11 === 0 ? 'vendor-x' : null,
            region: i % 13 === 0 ? 'us' : null,
            attributes: { purpose: 'support', subjectCategory: 'customer', ...(i % 8 === 0 ? { message: `reply ${i}`, direction: i % 16 === 0 ? 'sent' : 'received' } : {}) },
          }
        : {}),
    });
  }

  // DLP with personal data: 4 blocked, 2 detected; one detection answered after 10 hours, one never.
  for (let k = 0; k < 6; k++) {
    const t = k * 2 * DAY + 37 * MIN;
    const blocked = k < 4;
    push(t, {
      agentId: 'agent-a',
      sessionId: 'agent-a-dlp',
      category: 'dlp',
      action: blocked ? 'dlp.blocked' : 'dlp.detected',
      personalData: ['health_record'],
      dataSubjects: ['subject-1'],
      correlationId: `dlp-${k}`,
      severity: 'high',
    });
    if (k === 4) push(t + 10 * 60 * MIN, { category: 'escalation', action: 'escalation.opened', correlationId: `dlp-${k}`, actorType: 'user', actorId: 'dpo' });
  }
  // A DLP event without personal data (counts for DLP, not for personal data).
  push(3 * DAY + 41 * MIN, { agentId: 'agent-c', sessionId: 'agent-c-x', category: 'dlp', action: 'dlp.detected' });

  // Authentication: 20 attempts, 2 failures.
  for (let k = 0; k < 20; k++) push(k * 13 * 60 * MIN + 3 * MIN, { category: 'auth', action: 'login', actorType: 'user', actorId: `user-${k % 4}`, outcome: k % 10 === 9 ? 'failure' : 'success' });

  // Credential leases on the pii system: 3 issued, 2 returned in time.
  for (let k = 0; k < 3; k++) {
    const t = k * 3 * DAY + 7 * MIN;
    push(t, { agentId: 'agent-a', sessionId: 'agent-a-cred', category: 'credential', action: 'lease.issued', resource: 'crm-db', toolName: 'crm.lookup', toolTags: ['pii', 'crm'], correlationId: `lease-${k}`, ttlSeconds: 3600 });
    if (k < 2) push(t + 20 * MIN, { agentId: 'agent-a', sessionId: 'agent-a-cred', category: 'credential', action: 'lease.returned', resource: 'crm-db', correlationId: `lease-${k}` });
  }
  push(5 * DAY, { category: 'credential', action: 'secret.rotated', resource: 'crm-db', actorType: 'user', actorId: 'ops' });

  // Administration by people: users, a role change with approval and one without, a config change without actor.
  push(1 * DAY + 11 * MIN, { category: 'admin', action: 'user.created', actorType: 'user', actorId: 'admin-1', actorEmail: 'admin@example.com' });
  push(2 * DAY + 11 * MIN, { category: 'admin', action: 'user.deleted', actorType: 'user', actorId: 'admin-1', actorEmail: 'admin@example.com' });
  push(3 * DAY + 11 * MIN, { category: 'admin', action: 'role.changed', actorType: 'user', actorId: 'admin-2', correlationId: 'role-1' });
  push(3 * DAY + 12 * MIN, { category: 'approval', action: 'approval.granted', actorType: 'user', actorId: 'cab', correlationId: 'role-1' });
  push(4 * DAY + 11 * MIN, { category: 'admin', action: 'role.changed', actorType: 'user', actorId: 'admin-2' });
  push(6 * DAY + 11 * MIN, { category: 'config_change', action: 'dlp_rule.updated', actorType: 'user' });

  // The reporting service's own trail.
  for (const [k, action] of ['report.generated', 'report.generated', 'report.downloaded', 'report.shared', 'share_link.used', 'api_key.created', 'api_key.revoked'].entries()) {
    push(8 * DAY + k * 60 * MIN, { category: 'admin', action, actorType: 'service', actorId: 'agent-reports' });
  }

  // Kept from long ago: personal data processed 200 days before the period end.
  push(P_DAYS * DAY - OLD_EVENT_AGE_DAYS * DAY - 5 * MIN, {
    agentId: 'agent-a',
    sessionId: 'agent-a-old',
    dataSubjects: ['subject-old'],
    personalData: ['email'],
    legalBasis: 'consent',
    toolName: 'crm.lookup',
    toolTags: ['pii', 'crm'],
  });
  return rows;
}

export const periodOf = () => ({ start: new Date(P_START), end: new Date(P_START + P_DAYS * DAY) });
