/**
 * A deterministic generator of realistic agent-governance audit events:
 * several agents and environments over a period, tool calls decided by
 * policies, approvals with response times, DLP hits with personal data,
 * injections later labelled, credential leases (some overrunning their
 * TTL), admin and config changes, escalations, gateway disconnections.
 * Lazy and O(1) in memory, so it can stream millions of events.
 */
import type { AuditEventInput } from '../events/contract.ts';

export interface DemoOptions {
  events: number;
  seed?: number;
  /** End of the period (default: the start of the current UTC hour). */
  end?: Date;
  days?: number;
  agents?: number;
  environments?: string[];
}

export const DEMO_TOOLS = [
  { name: 'crm.lookup', tags: ['pii', 'crm'] },
  { name: 'email.send', tags: ['pii', 'outbound'] },
  { name: 'db.query', tags: ['pii', 'database'] },
  { name: 'payments.refund', tags: ['finance'] },
  { name: 'web.search', tags: [] },
  { name: 'files.read', tags: ['internal'] },
  { name: 'ehr.read', tags: ['pii', 'health'] },
] as const;
export const DEMO_POLICIES = ['default-deny', 'pii-guard', 'finance-limits', 'outbound-review'];
const PERSONAL_DATA = ['email', 'name', 'phone', 'address', 'health', 'financial'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'ap-southeast-2'];
const RECIPIENTS = ['stripe.com', 'sendgrid.net', 'salesforce.com'];
const LEGAL_BASES = ['contract', 'legitimate_interest', 'consent'];
const PEOPLE = ['alice@example.com', 'bob@example.com', 'carol@example.com', 'dan@example.com'];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const demoAgentIds = (count = 12) =>
  Array.from({ length: count }, (_, i) => `${['support', 'billing', 'research', 'ops', 'sales', 'triage'][i % 6]}-agent-${Math.floor(i / 6) + 1}`);

/**
 * Events in time order. A primary event may carry follow-ups (an answer to
 * an approval, a lease return…) scheduled later; they are emitted at their
 * own time, so the stream stays ordered and the count is exact.
 */
export function* generateDemoEvents(options: DemoOptions): Generator<AuditEventInput> {
  const rand = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const days = options.days ?? 90;
  const end = (options.end ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)).getTime();
  const start = end - days * 86_400_000;
  const agents = demoAgentIds(options.agents ?? 12);
  const environments = options.environments ?? ['production', 'staging', 'development'];
  const total = options.events;
  const seed = options.seed ?? 42;

  // Follow-ups waiting for their time, kept sorted by time (a small list: they are due within hours).
  const pending: Array<{ at: number; event: AuditEventInput }> = [];
  const schedule = (at: number, event: AuditEventInput) => {
    if (at >= end) return false;
    event.occurredAt = new Date(Math.floor(at)).toISOString();
    let i = pending.length;
    while (i > 0 && pending[i - 1]!.at > at) i--;
    pending.splice(i, 0, { at, event });
    return true;
  };
  // Two quiet periods without any events: monitoring gaps an auditor should see.
  const quiet = [start + days * 0.3 * 86_400_000, start + days * 0.7 * 86_400_000].map((q) => [q, q + 3 * 3_600_000] as const);
  const inQuiet = (t: number) => quiet.some(([a, b]) => t >= a && t < b);

  let emitted = 0;
  let n = 0;
  let clock = start;
  while (emitted < total) {
    // About 0.3 follow-ups per primary event: pace the primaries so the stream fills the whole period.
    const remaining = Math.max(1, (total - emitted - pending.length) / 1.3);
    clock += ((end - clock) / remaining) * (0.5 + rand());
    if (clock >= end) clock = end - 1;
    // Follow-ups that are due come first.
    while (pending.length && pending[0]!.at <= clock && emitted < total) {
      yield pending.shift()!.event;
      emitted++;
    }
    if (emitted >= total) break;
    if (inQuiet(clock)) continue;
    // Leave room for the follow-ups already promised.
    const room = total - emitted - pending.length;
    if (room <= 0) {
      const next = pending.shift()!;
      yield next.event;
      emitted++;
      continue;
    }
    n++;
    const id = `demo-${seed}-${n}`;
    const at = clock;
    const iso = (t: number) => new Date(Math.floor(t)).toISOString();
    const agentIndex = Math.floor(rand() * agents.length);
    const agentId = agents[agentIndex]!;
    const environment = environments[agentIndex % environments.length]!;
    const sessionId = `${agentId}-s${Math.floor((at - start) / 1_800_000)}`;
    const base = { occurredAt: iso(at), environment, agentId, sessionId };
    const r = rand();
    const canFollow = room >= 2;

    if (r < 0.55 || !canFollow) {
      // A tool call decided by a policy.
      const tool = pick(DEMO_TOOLS);
      const d = rand();
      const decision = d < 0.86 ? 'allow' : d < 0.93 ? 'deny' : d < 0.97 ? 'alert' : 'hold';
      const pii = tool.tags.includes('pii' as never);
      const subject = pii ? `customer:${1000 + Math.floor(rand() * 400)}` : null;
      const event: AuditEventInput = {
        id,
        ...base,
        actor: { type: 'agent', id: agentId },
        category: 'policy_decision',
        action: 'tool.invoke',
        decision,
        policyId: rand() < 0.93 ? pick(DEMO_POLICIES) : null,
        policyVersion: 'v3',
        tool: { name: tool.name, tags: [...tool.tags] },
        resource: `${tool.name}/${Math.floor(rand() * 1000)}`,
        severity: decision === 'deny' ? 'medium' : decision === 'alert' ? 'high' : 'info',
        outcome: rand() < 0.97 ? 'success' : 'failure',
        correlationId: decision === 'hold' ? `hold-${id}` : null,
        dataSubjects: subject ? [subject] : null,
        personalData: pii ? [pick(PERSONAL_DATA)] : null,
        legalBasis: pii ? pick(LEGAL_BASES) : null,
        recipient: tool.name === 'email.send' || tool.name === 'payments.refund' ? pick(RECIPIENTS) : null,
        region: pick(REGIONS),
        costUsd: Math.round(rand() * 2000) / 100000,
        attributes: { latencyMs: Math.floor(20 + rand() * 800) },
      };
      // Some allowed calls are recorded as the tool call itself, after the decision.
      if (decision === 'allow' && rand() < 0.3) Object.assign(event, { category: 'tool_call', action: 'tool.call', decision: null, policyId: null, policyVersion: null });
      if (decision === 'hold' && canFollow) {
        schedule(at + (5 + rand() * 300) * 60_000, {
          id: `${id}-hold`, occurredAt: '', environment, category: 'approval', action: rand() < 0.8 ? 'approval.granted' : 'approval.denied',
          actor: { type: 'user', id: pick(PEOPLE), email: pick(PEOPLE) }, correlationId: `hold-${id}`,
        });
      }
      yield event;
    } else if (r < 0.63) {
      // Approval request, answered after minutes to hours (a few never).
      const correlationId = `apr-${id}`;
      yield { id, ...base, category: 'approval', action: 'approval.requested', correlationId, actor: { type: 'agent', id: agentId }, tool: { name: pick(DEMO_TOOLS).name, tags: [] } };
      if (rand() < 0.96) {
        const delay = rand() < 0.8 ? 2 + rand() * 50 : 60 + rand() * 600;
        schedule(at + delay * 60_000, { id: `${id}-answer`, occurredAt: '', environment, category: 'approval', action: rand() < 0.85 ? 'approval.granted' : 'approval.denied', correlationId, actor: { type: 'user', id: pick(PEOPLE), email: pick(PEOPLE) } });
      }
    } else if (r < 0.71) {
      // Credential lease; most returned in time, some late, a few never.
      const correlationId = `lease-${id}`;
      const ttlSeconds = pick([900, 1800, 3600]);
      yield { id, ...base, category: 'credential', action: 'lease.issued', correlationId, ttlSeconds, resource: pick(['vault:db-readonly', 'vault:crm-api', 'vault:payments']), actor: { type: 'agent', id: agentId } };
      const fate = rand();
      if (fate < 0.97) {
        const held = fate < 0.9 ? ttlSeconds * (0.2 + rand() * 0.7) : ttlSeconds * (1.1 + rand());
        schedule(at + held * 1000, { id: `${id}-return`, occurredAt: '', environment, agentId, category: 'credential', action: rand() < 0.7 ? 'lease.returned' : 'lease.revoked', correlationId, actor: { type: 'agent', id: agentId } });
      }
    } else if (r < 0.77) {
      // DLP: most blocked, reviewed by a person within or beyond 72 hours.
      const blocked = rand() < 0.85;
      const correlationId = `dlp-${id}`;
      yield {
        id, ...base, category: 'dlp', action: blocked ? 'dlp.blocked' : 'dlp.detected', severity: blocked ? 'high' : 'critical', correlationId,
        personalData: [pick(PERSONAL_DATA), pick(PERSONAL_DATA)], dataSubjects: [`customer:${1000 + Math.floor(rand() * 400)}`],
        tool: { name: 'email.send', tags: ['pii', 'outbound'] }, recipient: pick(RECIPIENTS), region: pick(REGIONS), actor: { type: 'agent', id: agentId },
      };
      schedule(at + (rand() < 0.9 ? 1 + rand() * 48 : 80 + rand() * 40) * 3_600_000, { id: `${id}-review`, occurredAt: '', environment, category: 'dlp', action: 'dlp.reviewed', correlationId, actor: { type: 'user', id: pick(PEOPLE) } });
    } else if (r < 0.81) {
      // Injection detections, labelled later (a few never reviewed).
      const correlationId = `inj-${id}`;
      yield { id, ...base, category: 'injection', action: 'injection.detected', severity: 'high', correlationId, actor: { type: 'agent', id: agentId }, attributes: { source: pick(['web.search', 'email', 'files.read']) } };
      if (rand() < 0.93) {
        schedule(at + (10 + rand() * 600) * 60_000, { id: `${id}-label`, occurredAt: '', environment, category: 'injection', action: rand() < 0.35 ? 'injection.confirmed' : 'injection.false_positive', correlationId, actor: { type: 'user', id: pick(PEOPLE) } });
      }
    } else if (r < 0.84) {
      // Escalations, some beyond the 24-hour SLA.
      const correlationId = `esc-${id}`;
      yield { id, ...base, category: 'escalation', action: 'escalation.opened', severity: 'medium', correlationId, actor: { type: 'agent', id: agentId } };
      schedule(at + (rand() < 0.85 ? 1 + rand() * 20 : 26 + rand() * 30) * 3_600_000, { id: `${id}-resolved`, occurredAt: '', environment, category: 'escalation', action: 'escalation.resolved', correlationId, actor: { type: 'user', id: pick(PEOPLE) } });
    } else if (r < 0.86) {
      // Admin and configuration changes, most approved first.
      const admin = pick(PEOPLE);
      const a = rand();
      const correlationId = rand() < 0.8 ? `chg-${id}` : null;
      const action = a < 0.3 ? 'policy.updated' : a < 0.45 ? 'dlp_rule.updated' : a < 0.55 ? 'secret.rotated' : a < 0.7 ? 'role.changed' : a < 0.85 ? 'user.created' : 'access.revoked';
      const category = ['policy.updated', 'dlp_rule.updated', 'secret.rotated'].includes(action) ? 'config_change' : 'admin';
      if (correlationId) {
        yield { id: `${id}-approval`, occurredAt: iso(at), environment, category: 'approval', action: 'approval.granted', correlationId, actor: { type: 'user', id: pick(PEOPLE) } };
        schedule(at + 60_000, { id, occurredAt: '', environment, category, action, correlationId, actor: { type: 'user', id: admin, email: admin }, resource: action === 'role.changed' ? 'role:admin' : 'config', attributes: action === 'role.changed' ? { from: 'viewer', to: 'admin' } : { change: action } });
      } else {
        yield { id, occurredAt: iso(at), environment, category, action, actor: { type: 'user', id: admin, email: admin }, resource: action === 'role.changed' ? 'role:admin' : 'config' };
      }
    } else if (r < 0.865) {
      // A gateway disconnects and reconnects minutes to hours later.
      yield { id, occurredAt: iso(at), environment, category: 'monitoring', action: 'gateway.disconnected', severity: 'high', actor: { type: 'system', id: `gateway-${environment}` } };
      schedule(at + (5 + rand() * 150) * 60_000, { id: `${id}-up`, occurredAt: '', environment, category: 'monitoring', action: 'gateway.connected', actor: { type: 'system', id: `gateway-${environment}` } });
    } else if (r < 0.93) {
      yield { id, ...base, category: 'auth', action: rand() < 0.95 ? 'auth.succeeded' : 'auth.failed', outcome: rand() < 0.95 ? 'success' : 'failure', actor: { type: 'user', id: pick(PEOPLE), email: pick(PEOPLE) } };
    } else if (r < 0.96) {
      yield { id, ...base, category: 'delegation', action: 'delegation.granted', actor: { type: 'agent', id: agentId }, resource: `agent:${pick(agents)}` };
    } else if (r < 0.98) {
      yield { id, ...base, category: 'threat_intel', action: 'threat.matched', severity: pick(['low', 'medium', 'high']), actor: { type: 'service', id: 'threat-feed' } };
    } else {
      yield { id, ...base, category: 'error', action: 'tool.error', outcome: 'failure', severity: 'medium', tool: { name: pick(DEMO_TOOLS).name, tags: [] }, actor: { type: 'agent', id: agentId } };
    }
    emitted++;
  }
}
