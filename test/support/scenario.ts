/** A small but complete governance trail with known answers, written straight into audit_events. */
import type { auditEvents } from '../../src/db/schema.ts';

export type EventRow = typeof auditEvents.$inferInsert;

export const START = Date.parse('2026-09-01T00:00:00Z');
export const DAY = 86_400_000;
export const MIN = 60_000;

/** A small but complete governance trail with known answers. */
export function scenario(orgId: string) {
  const rows: EventRow[] = [];
  const at = (ms: number) => new Date(START + ms);
  const push = (ms: number, e: Partial<EventRow>) =>
    rows.push({ orgId, occurredAt: at(ms), category: 'tool_call', action: 'tool.call', environment: 'production', ...e } as EventRow);
  // Steady agent activity every 10 minutes for 3 days, so monitoring has no silence but the planned gap.
  let i = 0;
  for (let t = 0; t < 3 * DAY; t += 10 * MIN, i++) {
    if (t >= 30 * 60 * MIN && t < 33 * 60 * MIN) continue; // a 3-hour silence on day 2
    const agent = `agent-${i % 4}`;
    const decision = i % 10 === 0 ? 'deny' : i % 15 === 0 ? 'alert' : 'allow';
    push(t, {
      agentId: agent,
      sessionId: i % 50 === 7 ? null : `${agent}-s${Math.floor(i / 20)}`,
      category: 'policy_decision',
      action: 'tool.invoke',
      decision,
      policyId: i % 8 === 3 ? null : 'default-deny',
      outcome: i % 40 === 0 ? 'failure' : 'success',
      toolName: i % 3 ? 'crm.lookup' : 'web.search',
      toolTags: i % 3 ? ['pii'] : [],
      costUsd: 0.01,
    });
  }
  // Approvals: 10 requests; 7 answered within 30 min, 2 after 3 hours, 1 never.
  for (let k = 0; k < 10; k++) {
    const t = k * 5 * 60 * MIN + 3 * MIN;
    push(t, { agentId: 'agent-1', category: 'approval', action: 'approval.requested', correlationId: `apr-${k}`, actorType: 'agent', actorId: 'agent-1' });
    if (k < 7) push(t + (k + 1) * 3 * MIN, { category: 'approval', action: 'approval.granted', correlationId: `apr-${k}`, actorType: 'user', actorId: 'alice' });
    else if (k < 9) push(t + 180 * MIN, { category: 'approval', action: 'approval.denied', correlationId: `apr-${k}`, actorType: 'user', actorId: 'bob' });
  }
  // Leases: 8 issued (TTL 1h); 5 returned in time, 2 late, 1 never.
  for (let k = 0; k < 8; k++) {
    const t = k * 7 * 60 * MIN + 5 * MIN;
    push(t, { agentId: 'agent-2', category: 'credential', action: 'lease.issued', correlationId: `lease-${k}`, ttlSeconds: 3600 });
    if (k < 5) push(t + 30 * MIN, { agentId: 'agent-2', category: 'credential', action: 'lease.returned', correlationId: `lease-${k}` });
    else if (k < 7) push(t + 90 * MIN, { agentId: 'agent-2', category: 'credential', action: 'lease.revoked', correlationId: `lease-${k}` });
  }
  // Injections: 6 detected; 2 confirmed, 3 false positives, 1 never reviewed.
  for (let k = 0; k < 6; k++) {
    const t = k * 9 * 60 * MIN + 7 * MIN;
    push(t, { agentId: 'agent-3', category: 'injection', action: 'injection.detected', correlationId: `inj-${k}`, severity: 'high' });
    if (k < 2) push(t + 20 * MIN, { category: 'injection', action: 'injection.confirmed', correlationId: `inj-${k}`, actorType: 'user', actorId: 'sec' });
    else if (k < 5) push(t + 20 * MIN, { category: 'injection', action: 'injection.false_positive', correlationId: `inj-${k}`, actorType: 'user', actorId: 'sec' });
  }
  // DLP: 5 events, 4 blocked.
  for (let k = 0; k < 5; k++) push(k * 11 * 60 * MIN + 9 * MIN, { agentId: 'agent-0', category: 'dlp', action: k < 4 ? 'dlp.blocked' : 'dlp.detected', personalData: ['email'] });
  // Config changes: 4, of which 3 linked to a granted approval; role changes: 2, one approved.
  for (let k = 0; k < 4; k++) {
    const t = k * 13 * 60 * MIN + 11 * MIN;
    push(t, { category: 'config_change', action: 'policy.updated', correlationId: `chg-${k}`, actorType: 'user', actorId: 'admin' });
    if (k < 3) push(t + MIN, { category: 'approval', action: 'approval.granted', correlationId: `chg-${k}`, actorType: 'user', actorId: 'cab' });
  }
  push(20 * 60 * MIN, { category: 'admin', action: 'role.changed', correlationId: 'role-1', actorType: 'user', actorId: 'admin' });
  push(20 * 60 * MIN + MIN, { category: 'approval', action: 'approval.granted', correlationId: 'role-1', actorType: 'user', actorId: 'cab' });
  push(40 * 60 * MIN, { category: 'admin', action: 'role.changed', actorType: 'user', actorId: 'admin' });
  // Escalations: 3 opened, 2 resolved within 24h, 1 after 30h.
  for (let k = 0; k < 3; k++) {
    const t = k * 60 * MIN + 13 * MIN;
    push(t, { category: 'escalation', action: 'escalation.opened', correlationId: `esc-${k}` });
    push(t + (k < 2 ? 2 * 60 * MIN : 30 * 60 * MIN), { category: 'escalation', action: 'escalation.resolved', correlationId: `esc-${k}` });
  }
  // One gateway disconnection of 2 hours.
  push(50 * 60 * MIN + 1000, { category: 'monitoring', action: 'gateway.disconnected', actorType: 'system', actorId: 'gw-1' });
  push(52 * 60 * MIN + 1000, { category: 'monitoring', action: 'gateway.connected', actorType: 'system', actorId: 'gw-1' });
  return rows;
}


/** Writes the scenario and fills the registries (agents, environments, tools) as ingestion would. */
export async function insertScenario(sql: import('../../src/db/client.ts').Sql, db: import('../../src/db/client.ts').Db, orgId: string) {
  const { auditEvents: table } = await import('../../src/db/schema.ts');
  const rows = scenario(orgId);
  await db.insert(table).values(rows);
  await sql`insert into environments (org_id, name, first_seen_at, last_seen_at)
            select org_id, environment, min(occurred_at), max(occurred_at) from audit_events where org_id = ${orgId} group by 1, 2
            on conflict do nothing`;
  await sql`insert into agents (org_id, agent_id, first_seen_at, last_seen_at)
            select org_id, agent_id, min(occurred_at), max(occurred_at) from audit_events where org_id = ${orgId} and agent_id is not null group by 1, 2
            on conflict do nothing`;
  return rows;
}
