/**
 * The demo's state and its clock. Lazy and O(1) in the number of events:
 * event i falls at its own point of the period's activity curve (see
 * timeline.ts); a request that expects a later answer reserves one of the
 * remaining slots and waits in a small heap until its due time, so every
 * answer follows its request inside the period and the total is exactly
 * the number asked for.
 */
import type { AuditEventInput } from '../events/contract.ts';
import { disconnect, admin, configChange, escalation } from './admin-events.ts';
import { approvalRequest, auth, decision, delegation, dlp, error, injection, lease, modelCall, threat } from './agent-events.ts';
import { answer } from './answers.ts';
import {
  AGENT_TOOLS, DEFAULT_AGENTS, DEFAULT_DAYS, DEFAULT_END, DEFAULT_ENVIRONMENTS, DEFAULT_SEED, DEMO_AGENT_NAMES, DEMO_TOOLS,
  ENVIRONMENT_REGIONS, LEGAL_BASES, MODELS, SUBJECT_RANGES, demoAgentIds, usersWith, type DemoTool, type DemoUser,
} from './catalog.ts';
import { FollowUp, FollowUpQueue, type AgentState, type FollowUpKind } from './follow-ups.ts';
import { Random } from './random.ts';
import { DAY_MS, SECOND, Timeline } from './timeline.ts';

export interface DemoOptions {
  seed?: number;
  events: number;
  /** End of the period; default DEFAULT_END (fixed, so output is reproducible). */
  end?: Date;
  days?: number;
  agents?: number;
  environments?: string[];
}

/** Mean days between gateway disconnections, by environment position. */
const OUTAGE_EVERY_DAYS = [45, 30, 20];

/**
 * Kinds of events that start something, with their weights. Answers
 * (follow-ups) come on top: most allowed decisions are followed by the
 * tool's execution, so tool calls and decisions each make up about 40 %.
 */
const PRIMARY_WEIGHTS = [
  ['decision', 0.62], ['model', 0.14], ['auth', 0.08], ['lease', 0.03], ['error', 0.012], ['approval', 0.012],
  ['dlp', 0.012], ['injection', 0.005], ['delegation', 0.006], ['escalation', 0.004], ['config', 0.005],
  ['admin', 0.004], ['threat', 0.004],
] as const;
type PrimaryKind = (typeof PRIMARY_WEIGHTS)[number][0];

type Event = AuditEventInput;

export class DemoWorld {
  readonly count: number;
  readonly random: Random;
  readonly timeline: Timeline;
  readonly tag: string;
  readonly agents: AgentState[];
  readonly agentCumulative: Float64Array;
  readonly environments: string[];
  readonly environmentCumulative: Float64Array;
  readonly primaryCumulative: Float64Array;
  readonly queue = new FollowUpQueue();
  readonly nextOutage: number[];
  readonly approvers: readonly DemoUser[] = usersWith('approver');
  readonly security: readonly DemoUser[] = usersWith('security');
  readonly privacy: readonly DemoUser[] = usersWith('privacy');
  readonly admins: readonly DemoUser[] = usersWith('admin');
  /** Follow-ups promised and not yet emitted (including chained ones not yet queued). */
  reserved = 0;
  /** Slots after the current one that no follow-up has claimed. */
  room = 0;
  created = 0;
  now = -Infinity;
  iso = '';
  id = '';
  index = 0;

  constructor(options: DemoOptions) {
    const seed = options.seed ?? DEFAULT_SEED;
    const days = options.days ?? DEFAULT_DAYS;
    const agentCount = options.agents ?? DEFAULT_AGENTS;
    const end = (options.end ?? DEFAULT_END).getTime();
    this.environments = [...(options.environments ?? DEFAULT_ENVIRONMENTS)];
    if (!Number.isInteger(options.events) || options.events < 0) throw new RangeError('events must be a whole number ≥ 0');
    if (!Number.isInteger(seed)) throw new RangeError('seed must be a whole number');
    if (!(days > 0)) throw new RangeError('days must be greater than 0');
    if (!Number.isInteger(agentCount) || agentCount < 1) throw new RangeError('agents must be a whole number ≥ 1');
    if (this.environments.length === 0) throw new RangeError('environments must name at least one environment');
    if (!Number.isFinite(end)) throw new RangeError('end must be a valid date');

    this.count = options.events;
    this.random = new Random(seed);
    this.tag = (seed >>> 0).toString(36);
    const start = end - Math.round(days * DAY_MS);
    this.timeline = new Timeline(this.random, start, end, Math.max(1, this.count));

    const random = this.random;
    this.agents = demoAgentIds(agentCount).map((id, i) => ({
      id,
      tools: AGENT_TOOLS[DEMO_AGENT_NAMES[i % DEMO_AGENT_NAMES.length]!].map((name) => DEMO_TOOLS.find((t) => t.name === name)!),
      model: MODELS[i % MODELS.length]!,
      bias: random.logUniform(0.5, 2.5),
      session: 0,
      sessionLeft: 0,
      sessionEnvironment: '',
    }));
    this.agentCumulative = cumulative(this.agents.map(() => random.logUniform(0.3, 3)));
    const n = this.environments.length;
    this.environmentCumulative = cumulative(this.environments.map((_, i) => (n === 1 ? 1 : i === 0 ? 0.7 : i === 1 && n > 2 ? 0.2 : (n > 2 ? 0.1 : 0.3) / Math.max(1, n - 2))));
    this.primaryCumulative = cumulative(PRIMARY_WEIGHTS.map(([, w]) => w));
    this.nextOutage = this.environments.map((_, i) => start + this.outageInterval(i));
  }

  eventAt(index: number): Event {
    const slot = this.timeline.timeOf(index, this.random.next());
    this.id = `demo-${this.tag}-${index}`;
    this.index = index;
    this.room = this.count - index - 1 - this.reserved;
    const top = this.queue.peek();
    // A follow-up takes the slot when it is due (at its own time, so an answer
    // seconds later is seconds later), or when every remaining slot is promised.
    if (top && (top.due <= slot || this.room < 0)) {
      this.queue.pop();
      this.reserved--;
      this.setTime(top.due);
      return answer(this, top);
    }
    this.setTime(slot);
    const outage = this.dueOutage();
    if (outage >= 0) return disconnect(this, outage);
    return this.primary(PRIMARY_WEIGHTS[pickIndex(this.primaryCumulative, this.random.next())]![0]);
  }

  setTime(t: number): void {
    // Never backwards: a promised follow-up may have taken a later time than this slot's.
    if (t < this.now) t = this.now;
    this.now = t;
    this.iso = new Date(t).toISOString();
  }

  /**
   * Promises `links` later events, the first after `delay`. Refused (the
   * request stays unanswered) when it would end after the period or when
   * the remaining slots are all promised already.
   */
  schedule(kind: FollowUpKind, delay: number, correlationId: string, environment: string, links = 1): FollowUp | null {
    const due = this.timeline.outsideQuietPeriods(this.now + Math.max(SECOND, Math.round(delay)));
    if (this.room < links || due >= this.timeline.end) return null;
    this.room -= links;
    this.reserved += links;
    const item = new FollowUp(due, this.created++, kind, correlationId, environment);
    this.queue.push(item);
    return item;
  }

  dueOutage(): number {
    for (let e = 0; e < this.nextOutage.length; e++) if (this.nextOutage[e]! <= this.now) return e;
    return -1;
  }

  outageInterval(environmentIndex: number): number {
    const meanDays = OUTAGE_EVERY_DAYS[Math.min(environmentIndex, OUTAGE_EVERY_DAYS.length - 1)]!;
    return -Math.log(1 - this.random.next()) * meanDays * DAY_MS;
  }

  pickAgent(): AgentState {
    return this.agents[pickIndex(this.agentCumulative, this.random.next())]!;
  }

  pickEnvironment(): string {
    return this.environments[pickIndex(this.environmentCumulative, this.random.next())]!;
  }

  /** Advances the agent's session: a run of actions in one environment under one id. */
  sessionOf(agent: AgentState): string | null {
    if (agent.sessionLeft <= 0) {
      agent.session++;
      agent.sessionLeft = 3 + this.random.int(40);
      agent.sessionEnvironment = this.pickEnvironment();
    }
    agent.sessionLeft--;
    // A few gateways do not forward session ids: attribution is not perfect.
    return this.random.chance(0.004) ? null : `${agent.id}-${this.tag}-s${agent.session}`;
  }

  region(environment: string): string {
    const i = this.environments.indexOf(environment);
    return ENVIRONMENT_REGIONS[i % ENVIRONMENT_REGIONS.length]!;
  }

  subject(tool: DemoTool): string {
    const kind = tool.subjects ?? 'customer';
    const range = SUBJECT_RANGES[kind];
    // Skewed towards low numbers: some subjects appear often, most rarely (DSAR demos need both).
    return `${kind}:${range.first + Math.floor(range.count * this.random.next() ** 2)}`;
  }

  legalBasis(tool: DemoTool): string | null {
    if (this.random.chance(0.04)) return null;
    if (tool.subjects === 'patient') return this.random.chance(0.8) ? 'contract' : 'legal_obligation';
    if (tool.subjects === 'employee') return this.random.chance(0.7) ? 'contract' : 'legal_obligation';
    const r = this.random.next();
    return r < 0.75 ? LEGAL_BASES[0] : r < 0.9 ? LEGAL_BASES[1] : LEGAL_BASES[2];
  }

  user(users: readonly DemoUser[]): Event['actor'] {
    const u = this.random.pick(users);
    return { type: 'user', id: u.id, email: u.email };
  }

  base(environment: string, category: Event['category'], action: string): Event {
    return { id: this.id, occurredAt: this.iso, environment, category, action };
  }

  /** Adds what GDPR needs when a tool touches personal data. */
  personalData(e: Event, tool: DemoTool, subject: string): void {
    if (tool.personalData.length === 0) return;
    e.dataSubjects = [subject];
    e.personalData = tool.personalData as string[];
    const basis = this.legalBasis(tool);
    if (basis) e.legalBasis = basis;
    if (tool.recipient) {
      e.recipient = tool.recipient.name;
      e.region = tool.recipient.region;
    } else e.region = this.region(e.environment!);
  }

  primary(kind: PrimaryKind): Event {
    switch (kind) {
      case 'decision': return decision(this);
      case 'model': return modelCall(this);
      case 'auth': return auth(this);
      case 'lease': return lease(this);
      case 'error': return error(this);
      case 'approval': return approvalRequest(this);
      case 'dlp': return dlp(this);
      case 'injection': return injection(this);
      case 'delegation': return delegation(this);
      case 'escalation': return escalation(this);
      case 'config': return configChange(this);
      case 'admin': return admin(this);
      case 'threat': return threat(this);
    }
  }

  withContext(f: FollowUp, agent: AgentState | null, sessionId: string | null, tool: DemoTool | null, subject = ''): void {
    f.agent = agent;
    f.sessionId = sessionId;
    f.tool = tool;
    f.text = subject;
  }
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) out[i] = sum += weights[i]!;
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

function pickIndex(cumulativeWeights: Float64Array, r: number): number {
  for (let i = 0; i < cumulativeWeights.length - 1; i++) if (r < cumulativeWeights[i]!) return i;
  return cumulativeWeights.length - 1;
}
