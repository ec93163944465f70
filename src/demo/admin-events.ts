/**
 * What people and infrastructure do in the demo: config changes (most
 * through a change approval), admin actions and privileged role changes,
 * escalations, and gateway disconnections.
 */
import type { AuditEventInput } from '../events/contract.ts';
import { DEMO_POLICIES, DEMO_TOOLS, DLP_RULES, ROLES } from './catalog.ts';
import { HOUR, MINUTE } from './timeline.ts';
import type { DemoWorld } from './world.ts';

type Event = AuditEventInput;

const ESCALATION_REASONS = ['customer asked for a human', 'repeated policy denials', 'possible fraud', 'low-confidence answer', 'refund above limit'];
const DISCONNECT_REASONS = ['heartbeat timeout', 'gateway upgrade', 'network partition', 'certificate rotation'];

export function escalation(w: DemoWorld): Event {
  const random = w.random;
  const agent = w.pickAgent();
  const env = agent.sessionEnvironment || w.pickEnvironment();
  const e = w.base(env, 'escalation', 'escalation.opened');
  e.agentId = agent.id;
  e.actor = random.chance(0.6) ? { type: 'agent', id: agent.id } : { type: 'system', id: 'risk-engine' };
  e.correlationId = `esc-${w.tag}-${w.index}`;
  e.severity = random.chance(0.25) ? 'critical' : 'high';
  e.attributes = { reason: random.pick(ESCALATION_REASONS) };
  if (!random.chance(0.03)) {
    const delay = random.chance(0.9) ? random.logUniform(10 * MINUTE, 20 * HOUR) : random.logUniform(25 * HOUR, 72 * HOUR);
    const f = w.schedule('escalation_resolve', delay, e.correlationId, env);
    if (f) w.withContext(f, agent, null, null);
  }
  return e;
}

/** Policy and DLP-rule changes, most through a change approval; secret rotations by the vault. */
export function configChange(w: DemoWorld): Event {
  const random = w.random;
  const r = random.next();
  const env = w.pickEnvironment();
  if (r < 0.08) {
    const e = w.base(env, 'config_change', 'secret.rotated');
    e.actor = random.chance(0.7) ? { type: 'system', id: 'vault' } : w.user(w.admins);
    e.resource = `vault://${env}/${random.pick(DEMO_TOOLS).name}`;
    e.severity = 'info';
    e.outcome = 'success';
    return e;
  }
  const action = r < 0.65 ? 'policy.updated' : 'dlp_rule.updated';
  const target = action === 'policy.updated' ? random.pick(DEMO_POLICIES) : random.pick(DLP_RULES);
  if (random.chance(0.92)) {
    // Request → answer → (if granted) the change itself, all under one correlation id.
    const e = w.base(env, 'approval', 'approval.requested');
    e.actor = w.user(w.admins);
    e.resource = target;
    e.correlationId = `chg-${w.tag}-${w.index}`;
    e.severity = 'medium';
    e.attributes = { change: action, target };
    const r2 = random.next();
    const delay = r2 < 0.7 ? random.logUniform(5 * MINUTE, HOUR) : random.logUniform(HOUR, 8 * HOUR);
    const f = w.schedule('change_answer', delay, e.correlationId, env, 2);
    if (f) {
      f.text = action;
      f.tool = null;
      f.number = DEMO_POLICIES.indexOf(target) >= 0 ? DEMO_POLICIES.indexOf(target) : -1 - DLP_RULES.indexOf(target);
    }
    return e;
  }
  return applyChange(w, w.base(env, 'config_change', action), action, target, null);
}

export function applyChange(w: DemoWorld, e: Event, action: string, target: string, correlationId: string | null): Event {
  e.actor = w.user(w.admins);
  e.resource = target;
  if (correlationId) e.correlationId = correlationId;
  e.severity = 'medium';
  e.outcome = 'success';
  if (action === 'policy.updated') {
    e.policyId = target;
    const to = 4 + w.random.int(4);
    e.policyVersion = `v${to}`;
    e.attributes = { fromVersion: `v${to - 1}`, toVersion: `v${to}` };
  } else e.attributes = { rule: target, change: w.random.pick(['threshold lowered', 'pattern added', 'scope widened']) };
  // A few changes come from automation that does not say who it acts for.
  if (!correlationId && w.random.chance(0.03)) delete e.actor;
  return e;
}

export function admin(w: DemoWorld): Event {
  const random = w.random;
  const r = random.next();
  const env = w.environments[0]!;
  const person = `user:${random.pick(['j.smith', 'm.garcia', 'a.khan', 'l.chen', 'p.novak', 's.ito', 'r.silva', 't.berg'])}${random.int(90)}`;
  if (r < 0.25) {
    const from = random.int(ROLES.length - 1);
    const to = from + 1 + random.int(ROLES.length - 1 - from);
    if (random.chance(0.55)) {
      const e = w.base(env, 'approval', 'approval.requested');
      e.actor = w.user(w.admins);
      e.resource = person;
      e.correlationId = `role-${w.tag}-${w.index}`;
      e.severity = 'medium';
      e.attributes = { change: 'role.changed', fromRole: ROLES[from], toRole: ROLES[to] };
      const f = w.schedule('change_answer', random.logUniform(5 * MINUTE, 6 * HOUR), e.correlationId, env, 2);
      if (f) {
        f.text = `role.changed|${person}|${ROLES[from]}|${ROLES[to]}`;
        f.number = 0;
      }
      return e;
    }
    return roleChange(w, w.base(env, 'admin', 'role.changed'), person, ROLES[from]!, ROLES[to]!, null);
  }
  const action = r < 0.55 ? 'user.created' : r < 0.67 ? 'user.deleted' : r < 0.85 ? 'access.revoked' : 'agent.registered';
  const e = w.base(env, 'admin', action);
  e.actor = w.user(w.admins);
  e.resource = action === 'agent.registered' ? `agent://${w.pickAgent().id}` : person;
  e.severity = action === 'user.created' || action === 'agent.registered' ? 'info' : 'low';
  e.outcome = 'success';
  if (action === 'access.revoked') e.attributes = { reason: random.pick(['leaver', 'role change', 'quarterly access review', 'inactive 90 days']) };
  if (action === 'user.created') e.attributes = { role: random.pick(ROLES.slice(0, 3)) };
  return e;
}

export function roleChange(w: DemoWorld, e: Event, person: string, fromRole: string, toRole: string, correlationId: string | null): Event {
  e.actor = w.user(w.admins);
  e.resource = person;
  if (correlationId) e.correlationId = correlationId;
  e.severity = toRole === 'admin' || toRole === 'owner' ? 'high' : 'medium';
  e.outcome = 'success';
  e.attributes = { fromRole, toRole };
  return e;
}

export function disconnect(w: DemoWorld, environmentIndex: number): Event {
  const random = w.random;
  const env = w.environments[environmentIndex]!;
  const gateway = `gateway-${env}-1`;
  const e = w.base(env, 'monitoring', 'gateway.disconnected');
  e.actor = { type: 'system', id: gateway };
  e.severity = 'medium';
  e.correlationId = `gw-${w.tag}-${w.index}`;
  e.attributes = { reason: random.pick(DISCONNECT_REASONS) };
  const duration = random.logUniform(3 * MINUTE, 5 * HOUR);
  const f = w.schedule('gateway_connect', duration, e.correlationId, env);
  if (f) f.text = gateway;
  // The next disconnection comes after this one is over.
  w.nextOutage[environmentIndex] = w.now + duration + w.outageInterval(environmentIndex);
  return e;
}
