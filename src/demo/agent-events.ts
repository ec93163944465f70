/**
 * What agents do in the demo: tool calls decided by policies (and executed),
 * model calls, auth, credential leases, errors, approval requests, DLP hits,
 * prompt injections, delegations and threat-intel matches. Each returns the
 * event for the current slot and schedules the answers it expects.
 */
import type { AuditEventInput } from '../events/contract.ts';
import { DLP_RULES, EXFILTRATION_RECIPIENTS, MODEL_PRICE, MODEL_TOOL, MODELS } from './catalog.ts';
import { round6 } from './random.ts';
import { HOUR, MINUTE, SECOND } from './timeline.ts';
import type { DemoWorld } from './world.ts';

type Event = AuditEventInput;

const LEASE_TTLS = [900, 1800, 3600, 14_400];
const INJECTION_SOURCES = ['retrieved web page', 'inbound email', 'uploaded document', 'tool output', 'user message'];
const INJECTION_TECHNIQUES = ['instruction override', 'exfiltration prompt', 'role-play jailbreak', 'hidden text', 'encoded payload'];
const ERROR_ACTIONS = ['tool.timeout', 'tool.upstream_error', 'model.rate_limited', 'gateway.internal_error'];
const THREAT_FEEDS = ['abuse.ch', 'spamhaus-drop', 'internal-ioc', 'otx'];

export function decision(w: DemoWorld): Event {
  const random = w.random;
  const agent = w.pickAgent();
  const sessionId = w.sessionOf(agent);
  const tool = random.pick(agent.tools);
  const env = agent.sessionEnvironment;
  const deny = 0.045 * agent.bias * tool.risk;
  const r = random.next();
  const decision = r < tool.hold ? 'hold' : r < tool.hold + deny ? 'deny' : r < tool.hold + deny + 0.05 ? 'alert' : 'allow';
  const subject = w.subject(tool);
  const resourceNumber = random.int(100_000);
  const e = w.base(env, 'policy_decision', 'tool.invoke');
  e.agentId = agent.id;
  if (sessionId) e.sessionId = sessionId;
  e.actor = { type: 'agent', id: agent.id };
  e.decision = decision;
  // Tools without a policy, and a few calls that fall through to the gateway's default rule, lower coverage.
  if (tool.policyId && random.next() >= 0.05) {
    e.policyId = tool.policyId;
    e.policyVersion = `v${3 + Math.floor((4 * (w.now - w.timeline.start)) / (w.timeline.end - w.timeline.start))}`;
  } else e.attributes = { rule: 'gateway-default' };
  e.tool = { name: tool.name, tags: tool.tags as string[] };
  e.resource = tool.resource(resourceNumber);
  e.severity = decision === 'allow' ? 'info' : decision === 'alert' ? 'low' : decision === 'deny' ? (tool.risk >= 2 ? 'high' : 'medium') : 'medium';
  w.personalData(e, tool, subject);

  if (decision === 'hold') {
    e.correlationId = `hold-${w.tag}-${w.index}`;
    // 1 % are never released: the agent's request just expires.
    if (!random.chance(0.01)) {
      const r2 = random.next();
      const delay = r2 < 0.75 ? random.logUniform(2 * MINUTE, HOUR) : r2 < 0.97 ? random.logUniform(HOUR, 4 * HOUR) : random.logUniform(4 * HOUR, 14 * HOUR);
      const f = w.schedule('hold_answer', delay, e.correlationId, env);
      if (f) w.withContext(f, agent, sessionId, tool, subject);
    }
  } else if (decision !== 'deny') {
    const f = w.schedule('tool_result', random.logUniform(0.3 * SECOND, 20 * SECOND), '', env);
    if (f) {
      w.withContext(f, agent, sessionId, tool, subject);
      f.number = resourceNumber;
    }
  }
  return e;
}

export function modelCall(w: DemoWorld): Event {
  const agent = w.pickAgent();
  const sessionId = w.sessionOf(agent);
  const e = w.base(agent.sessionEnvironment, 'tool_call', 'model.invoke');
  e.agentId = agent.id;
  if (sessionId) e.sessionId = sessionId;
  e.actor = { type: 'agent', id: agent.id };
  e.tool = { name: MODEL_TOOL.name, tags: MODEL_TOOL.tags as string[] };
  e.resource = `model://${agent.model}`;
  const failed = w.random.chance(0.015);
  e.outcome = failed ? 'failure' : 'success';
  e.severity = failed ? 'low' : 'info';
  const inputTokens = Math.round(w.random.logUniform(200, 30_000));
  const outputTokens = Math.round(w.random.logUniform(20, 2_000));
  const price = MODEL_PRICE[MODELS.indexOf(agent.model)]!;
  e.costUsd = round6(((inputTokens + 3 * outputTokens) / 1000) * price);
  e.attributes = failed
    ? { model: agent.model, inputTokens, error: 'context length exceeded' }
    : { model: agent.model, inputTokens, outputTokens, latencyMs: Math.round(w.random.logUniform(300, 20_000)) };
  return e;
}

export function auth(w: DemoWorld): Event {
  const random = w.random;
  const r = random.next();
  if (r < 0.55) {
    const users = random.chance(0.5) ? w.approvers : random.chance(0.5) ? w.admins : w.security;
    const e = w.base(w.environments[0]!, 'auth', 'auth.login');
    e.actor = w.user(users);
    const failed = random.chance(0.07);
    e.outcome = failed ? 'failure' : 'success';
    e.severity = failed ? 'low' : 'info';
    e.attributes = { method: random.chance(0.9) ? 'sso' : 'password+totp', ip: `198.51.100.${1 + random.int(254)}`, ...(failed ? { reason: 'invalid credentials' } : {}) };
    return e;
  }
  const agent = w.pickAgent();
  const rejected = r > 0.95;
  const e = w.base(w.pickEnvironment(), 'auth', rejected ? 'auth.token_rejected' : 'auth.token_issued');
  e.agentId = agent.id;
  e.actor = { type: 'agent', id: agent.id };
  e.outcome = rejected ? 'failure' : 'success';
  e.severity = rejected ? 'medium' : 'info';
  e.attributes = rejected ? { reason: random.pick(['expired token', 'audience mismatch', 'revoked key']) } : { grant: 'client_credentials', expiresIn: 3600 };
  return e;
}

export function lease(w: DemoWorld): Event {
  const random = w.random;
  const agent = w.pickAgent();
  const sessionId = w.sessionOf(agent);
  const tool = random.pick(agent.tools);
  const env = agent.sessionEnvironment;
  const ttl = random.pick(LEASE_TTLS);
  const e = w.base(env, 'credential', 'lease.issued');
  e.agentId = agent.id;
  if (sessionId) e.sessionId = sessionId;
  e.actor = { type: 'agent', id: agent.id };
  e.tool = { name: tool.name, tags: tool.tags as string[] };
  e.resource = `vault://${env}/${tool.name}`;
  e.correlationId = `lease-${w.tag}-${w.index}`;
  e.ttlSeconds = ttl;
  e.severity = 'info';
  e.outcome = 'success';
  // 2 % are never given back; of the rest, 7 % overrun their TTL.
  if (!random.chance(0.02)) {
    const delay = random.chance(0.93) ? ttl * SECOND * random.between(0.05, 0.9) : ttl * SECOND * random.between(1.05, 4);
    const f = w.schedule('lease_end', delay, e.correlationId, env);
    if (f) {
      w.withContext(f, agent, sessionId, tool);
      f.number = ttl;
    }
  }
  return e;
}

export function error(w: DemoWorld): Event {
  const random = w.random;
  const agent = w.pickAgent();
  const action = random.pick(ERROR_ACTIONS);
  const e = w.base(agent.sessionEnvironment || w.pickEnvironment(), 'error', action);
  if (action !== 'gateway.internal_error') {
    e.agentId = agent.id;
    e.actor = { type: 'agent', id: agent.id };
    if (action.startsWith('tool.')) {
      const tool = random.pick(agent.tools);
      e.tool = { name: tool.name, tags: tool.tags as string[] };
    }
  } else e.actor = { type: 'system', id: `gateway-${e.environment}-1` };
  e.outcome = 'failure';
  e.severity = action === 'gateway.internal_error' ? 'medium' : 'low';
  e.attributes = { message: action === 'tool.timeout' ? 'no response within 30 s' : action === 'model.rate_limited' ? 'HTTP 429 from model provider' : 'HTTP 503 from upstream' };
  return e;
}

export function approvalRequest(w: DemoWorld): Event {
  const random = w.random;
  const agent = w.pickAgent();
  const sessionId = w.sessionOf(agent);
  const tool = random.pick(agent.tools);
  const env = agent.sessionEnvironment;
  const e = w.base(env, 'approval', 'approval.requested');
  e.agentId = agent.id;
  if (sessionId) e.sessionId = sessionId;
  e.actor = { type: 'agent', id: agent.id };
  e.tool = { name: tool.name, tags: tool.tags as string[] };
  e.resource = tool.resource(random.int(100_000));
  e.correlationId = `apr-${w.tag}-${w.index}`;
  e.severity = 'medium';
  e.attributes = { reason: `${tool.name} needs a human sign-off` };
  if (!random.chance(0.015)) {
    const r = random.next();
    const delay = r < 0.6 ? random.logUniform(MINUTE, 20 * MINUTE) : r < 0.85 ? random.logUniform(20 * MINUTE, HOUR) : random.logUniform(HOUR, 10 * HOUR);
    const f = w.schedule('approval_answer', delay, e.correlationId, env);
    if (f) w.withContext(f, agent, sessionId, tool);
  }
  return e;
}

export function dlp(w: DemoWorld): Event {
  const random = w.random;
  const agent = w.pickAgent();
  const sessionId = w.sessionOf(agent);
  const tool = random.pick(agent.tools);
  const env = agent.sessionEnvironment;
  const blocked = random.chance(0.8);
  const e = w.base(env, 'dlp', blocked ? 'dlp.blocked' : 'dlp.detected');
  e.agentId = agent.id;
  if (sessionId) e.sessionId = sessionId;
  e.actor = { type: 'agent', id: agent.id };
  e.tool = { name: tool.name, tags: tool.tags as string[] };
  const categories = tool.personalData.length ? tool.personalData.slice(0, 1 + random.int(tool.personalData.length)) : [random.pick(['email', 'financial', 'government_id'])];
  const subjects = 1 + random.int(3);
  e.dataSubjects = Array.from({ length: subjects }, () => w.subject(tool));
  e.personalData = categories;
  // Blocked data never reached the destination: only an unblocked detection is a disclosure.
  const destination = random.pick(EXFILTRATION_RECIPIENTS);
  if (!blocked) e.recipient = destination;
  e.region = random.chance(0.6) ? 'us-east-1' : w.region(env);
  const sensitive = categories.includes('health') || categories.includes('financial') || categories.includes('government_id');
  e.severity = blocked ? (sensitive ? 'high' : 'medium') : sensitive ? 'critical' : 'high';
  e.outcome = blocked ? 'success' : 'failure';
  e.attributes = { rule: random.pick(DLP_RULES), channel: random.pick(['tool output', 'outbound message', 'prompt']), destination };
  if (!blocked) {
    // A detection that was not blocked may be a breach: the privacy team has 72 hours to assess it.
    e.correlationId = `dlp-${w.tag}-${w.index}`;
    if (!random.chance(0.1)) {
      const delay = random.chance(0.78) ? random.logUniform(30 * MINUTE, 48 * HOUR) : random.logUniform(73 * HOUR, 120 * HOUR);
      const f = w.schedule('breach_response', delay, e.correlationId, env);
      if (f) w.withContext(f, agent, null, tool);
    }
  }
  return e;
}

export function injection(w: DemoWorld): Event {
  const random = w.random;
  const agent = w.pickAgent();
  const sessionId = w.sessionOf(agent);
  const tool = random.pick(agent.tools);
  const env = agent.sessionEnvironment;
  const e = w.base(env, 'injection', 'injection.detected');
  e.agentId = agent.id;
  if (sessionId) e.sessionId = sessionId;
  e.actor = { type: 'agent', id: agent.id };
  e.tool = { name: tool.name, tags: tool.tags as string[] };
  e.correlationId = `inj-${w.tag}-${w.index}`;
  e.severity = 'high';
  e.attributes = { source: random.pick(INJECTION_SOURCES), technique: random.pick(INJECTION_TECHNIQUES), score: round6(random.between(0.6, 0.99)) };
  if (!random.chance(0.04)) {
    const f = w.schedule('injection_label', random.logUniform(10 * MINUTE, 48 * HOUR), e.correlationId, env);
    if (f) w.withContext(f, agent, sessionId, tool);
  }
  return e;
}

export function delegation(w: DemoWorld): Event {
  const random = w.random;
  const agent = w.pickAgent();
  let delegate = w.pickAgent();
  if (delegate === agent) delegate = w.agents[(w.agents.indexOf(agent) + 1) % w.agents.length]!;
  const sessionId = w.sessionOf(agent);
  const env = agent.sessionEnvironment;
  const tool = random.pick(delegate.tools);
  const e = w.base(env, 'delegation', 'delegation.granted');
  e.agentId = agent.id;
  if (sessionId) e.sessionId = sessionId;
  e.actor = { type: 'agent', id: agent.id };
  e.resource = `agent://${delegate.id}`;
  e.correlationId = `dlg-${w.tag}-${w.index}`;
  e.severity = 'info';
  e.attributes = { delegate: delegate.id, scope: tool.name, maxDepth: 1 };
  const f = w.schedule('delegation_end', random.logUniform(MINUTE, HOUR), e.correlationId, env);
  if (f) w.withContext(f, delegate, null, tool);
  return e;
}

export function threat(w: DemoWorld): Event {
  const random = w.random;
  if (random.chance(0.3)) {
    const e = w.base(w.environments[0]!, 'threat_intel', 'threat_intel.feed_updated');
    e.actor = { type: 'system', id: 'threat-intel' };
    e.severity = 'info';
    e.attributes = { feed: random.pick(THREAT_FEEDS), indicators: 500 + random.int(20_000) };
    return e;
  }
  const agent = w.pickAgent();
  const e = w.base(agent.sessionEnvironment || w.pickEnvironment(), 'threat_intel', 'threat_intel.match');
  e.agentId = agent.id;
  e.actor = { type: 'system', id: 'threat-intel' };
  e.resource = `domain:${random.pick(['cdn-update', 'login-verify', 'files-share', 'api-sync'])}-${random.int(999)}.example.net`;
  e.severity = random.chance(0.2) ? 'critical' : 'high';
  e.decision = 'deny';
  e.policyId = 'pol-threat-intel-block';
  e.policyVersion = 'v1';
  e.attributes = { feed: random.pick(THREAT_FEEDS), indicatorType: 'domain' };
  return e;
}
