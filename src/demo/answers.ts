/**
 * The answers to earlier events, emitted when their time comes: tool
 * results, approval decisions, applied changes, breach assessments,
 * injection labels, lease ends, resolved escalations, reconnections.
 */
import type { AuditEventInput } from '../events/contract.ts';
import { applyChange, roleChange } from './admin-events.ts';
import { DEMO_POLICIES, DLP_RULES } from './catalog.ts';
import { FollowUp } from './follow-ups.ts';
import { round6 } from './random.ts';
import { MINUTE } from './timeline.ts';
import type { DemoWorld } from './world.ts';

type Event = AuditEventInput;

export function answer(w: DemoWorld, f: FollowUp): Event {
  const random = w.random;
  const agent = f.agent;
  const tool = f.tool;
  switch (f.kind) {
    case 'tool_result': {
      const e = w.base(f.environment, 'tool_call', 'tool.executed');
      e.agentId = agent!.id;
      if (f.sessionId) e.sessionId = f.sessionId;
      e.actor = { type: 'agent', id: agent!.id };
      e.tool = { name: tool!.name, tags: tool!.tags as string[] };
      e.resource = tool!.resource(f.number);
      const failed = random.chance(0.02 * (1 + tool!.risk));
      e.outcome = failed ? 'failure' : 'success';
      e.severity = failed ? 'low' : 'info';
      e.costUsd = round6(random.logUniform(0.0002, 0.05));
      e.attributes = failed
        ? { latencyMs: Math.round(random.logUniform(1000, 30_000)), error: random.pick(['timeout', 'HTTP 500', 'permission denied']) }
        : { latencyMs: Math.round(random.logUniform(40, 4000)) };
      if (f.text) w.personalData(e, tool!, f.text);
      return e;
    }
    case 'hold_answer':
    case 'approval_answer': {
      const granted = random.chance(f.kind === 'hold_answer' ? 0.7 : 0.78);
      const e = w.base(f.environment, 'approval', granted ? 'approval.granted' : 'approval.denied');
      e.agentId = agent!.id;
      e.actor = w.user(w.approvers);
      e.correlationId = f.correlationId;
      if (tool) e.tool = { name: tool.name, tags: tool.tags as string[] };
      e.severity = 'info';
      e.outcome = 'success';
      if (!granted) e.attributes = { reason: random.pick(['not justified', 'amount above limit', 'wrong recipient', 'needs more context']) };
      return e;
    }
    case 'change_answer': {
      const granted = random.chance(0.85);
      const e = w.base(f.environment, 'approval', granted ? 'approval.granted' : 'approval.denied');
      e.actor = w.user(w.approvers);
      e.correlationId = f.correlationId;
      e.severity = 'info';
      e.outcome = 'success';
      if (granted) {
        // Its slot was reserved with this one: the change lands minutes later.
        const due = Math.min(w.timeline.end - 1, w.timeline.outsideQuietPeriods(w.now + Math.round(random.logUniform(2 * MINUTE, 90 * MINUTE))));
        const apply = new FollowUp(due, w.created++, 'change_apply', f.correlationId, f.environment);
        apply.text = f.text;
        apply.number = f.number;
        w.queue.push(apply);
      } else {
        w.reserved--;
        e.attributes = { reason: 'change not justified' };
      }
      return e;
    }
    case 'change_apply': {
      if (f.text.startsWith('role.changed|')) {
        const [, person, fromRole, toRole] = f.text.split('|') as [string, string, string, string];
        return roleChange(w, w.base(f.environment, 'admin', 'role.changed'), person, fromRole, toRole, f.correlationId);
      }
      const target = f.number >= 0 ? DEMO_POLICIES[f.number]! : DLP_RULES[-1 - f.number]!;
      return applyChange(w, w.base(f.environment, 'config_change', f.text), f.text, target, f.correlationId);
    }
    case 'breach_response': {
      const e = w.base(f.environment, 'escalation', 'breach.assessed');
      if (agent) e.agentId = agent.id;
      e.actor = w.user(w.privacy);
      e.correlationId = f.correlationId;
      e.severity = 'high';
      e.outcome = 'success';
      e.attributes = { notifySupervisoryAuthority: random.chance(0.25), notifySubjects: random.chance(0.1) };
      return e;
    }
    case 'injection_label': {
      const confirmed = random.chance(0.65);
      const e = w.base(f.environment, 'injection', confirmed ? 'injection.confirmed' : 'injection.false_positive');
      e.agentId = agent!.id;
      e.actor = w.user(w.security);
      e.correlationId = f.correlationId;
      e.severity = confirmed ? 'high' : 'info';
      return e;
    }
    case 'lease_end': {
      const revoked = random.chance(0.2);
      const e = w.base(f.environment, 'credential', revoked ? 'lease.revoked' : 'lease.returned');
      e.agentId = agent!.id;
      if (f.sessionId) e.sessionId = f.sessionId;
      e.actor = revoked ? { type: 'system', id: 'vault' } : { type: 'agent', id: agent!.id };
      if (tool) e.tool = { name: tool.name, tags: tool.tags as string[] };
      e.resource = `vault://${f.environment}/${tool?.name ?? 'unknown'}`;
      e.correlationId = f.correlationId;
      e.severity = 'info';
      e.outcome = 'success';
      return e;
    }
    case 'escalation_resolve': {
      const e = w.base(f.environment, 'escalation', 'escalation.resolved');
      if (agent) e.agentId = agent.id;
      e.actor = w.user(random.chance(0.5) ? w.approvers : w.security);
      e.correlationId = f.correlationId;
      e.severity = 'info';
      e.outcome = 'success';
      e.attributes = { resolution: random.pick(['handled by a human', 'false alarm', 'customer refunded', 'agent retrained']) };
      return e;
    }
    case 'gateway_connect': {
      const e = w.base(f.environment, 'monitoring', 'gateway.connected');
      e.actor = { type: 'system', id: f.text };
      e.correlationId = f.correlationId;
      e.severity = 'info';
      return e;
    }
    case 'delegation_end': {
      const e = w.base(f.environment, 'delegation', 'delegation.completed');
      e.agentId = agent!.id;
      e.actor = { type: 'agent', id: agent!.id };
      e.correlationId = f.correlationId;
      e.severity = 'info';
      e.outcome = random.chance(0.95) ? 'success' : 'failure';
      return e;
    }
  }
}
