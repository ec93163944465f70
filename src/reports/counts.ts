/**
 * The one counting pass behind the metric library (src/library/metrics.ts):
 * the selector counts, costs, days, weeks and per-agent activity of a
 * report's scope, summed by the database.
 */
import type { Sql } from '../db/client.ts';
import { scopeWhere, type ReportScope } from './scope.ts';
import { round } from '../library/metrics.ts';
import { passSource, PII_REACH, type PassColumn, type RollupPlan } from './rollups.ts';
import { CORRELATED, type SelectorId } from '../library/selectors.ts';

/**
 * Everything counted per event, in ONE pass: the plain selectors, costs,
 * decisions per day and per-agent activity. Its rows are the rollups of the
 * plan's days and the events around them (rollups.ts), or without
 * rollups the events grouped by (day, agent, session); the totals, the
 * days, the weeks and the agents are sums over those rows (grouping sets),
 * and sessions are counted apart (rollups.ts passSource). Selectors that look
 * at other events are counted beside it from the requests and their first
 * answers (correlated.ts).
 */
export async function measureEvents(sql: Sql, scope: ReportScope, ids: SelectorId[], rollup: RollupPlan | null): Promise<EventMeasures> {
  const scoped = scopeWhere(scope);
  const { params } = scoped;
  // Selectors that look at other events are counted from the requests and their answers (correlated.ts).
  const plain = [...new Set(ids)].filter((id) => !CORRELATED[id]);
  const columns: PassColumn[] = [
    ...plain.map((id, i) => ({ name: `c${i}`, counter: id })),
    { name: 'events', counter: 'all_events' },
    { name: 'cost', cost: 'all' },
    { name: 'personal_cost', cost: 'personal' },
    { name: 'decisions', counter: 'decisions' },
    { name: 'allows', counter: 'allowed_decisions' },
    { name: 'denies', counter: 'denied_decisions' },
    { name: 'alerts', counter: 'alerted_decisions' },
    { name: 'holds', counter: 'held_decisions' },
    { name: 'errors', counter: 'error_events' },
    { name: 'injections', counter: 'injections_detected' },
    { name: 'dlp', counter: 'dlp_events' },
    { name: 'pii', counter: PII_REACH },
    { name: 'triggers', counter: 'guardrail_triggers' },
  ];
  const source = passSource(scoped, rollup, columns, 'g');
  const rows = await sql.unsafe(
    // The totals sum every column once; the days, weeks and agents only the fixed ones (the plain
    // selectors are a total each): tens of aggregates fewer per row and grouping set. Sessions
    // are counted apart (passSource).
    `with g as materialized (${source.rows}),
          s as materialized (${source.sessions})
     select 7 as set, null::int as d, null::text as agent_id, null::int as w, (select n from s where total) as sessions,
            ${columns.map(({ name }) => `coalesce(sum(${name}), 0)::float8 as ${name}`).join(', ')}
     from g
     union all
     select grouping(d, agent_id, w), d, agent_id, w, null::int,
            ${columns.map((c, i) => (i < plain.length ? 'null::float8' : `coalesce(sum(${c.name}), 0)::float8`)).join(', ')}
     -- Weeks start on Monday (epoch day 0 was a Thursday).
     from (select g.*, floor((g.d + 3) / 7.0)::int as w from g) g group by grouping sets ((d), (agent_id), (w))
     union all
     select 8, null, agent_id, null, n, ${columns.map(() => 'null::float8').join(', ')}
     from s where not total`,
    params as never[],
  );
  // grouping(d, agent_id, w): 3 per day, 5 per agent, 6 per week; 7 is the totals (a row even over no events).
  const total = rows.find((r) => r.set === 7)!;
  const counts: Partial<Record<SelectorId, number>> = {};
  plain.forEach((id, i) => (counts[id] = Number(total[`c${i}`])));
  const days = rows
    .filter((r) => r.set === 3)
    .sort((a, b) => Number(a.d) - Number(b.d))
    .map((r) => ({ day: new Date(Number(r.d) * 86_400_000).toISOString().slice(0, 10), allow: Number(r.allows), deny: Number(r.denies), alert: Number(r.alerts), hold: Number(r.holds), events: Number(r.events) }));
  const weeks = rows
    .filter((r) => r.set === 6)
    .map((r) => ({ week: Number(r.w), events: Number(r.events), decisions: Number(r.decisions), denied: Number(r.denies), triggers: Number(r.triggers), dlp: Number(r.dlp), injections: Number(r.injections), costUsd: Number(r.cost) }));
  // grouping 8: the sessions of each agent.
  const sessions = new Map(rows.filter((r) => r.set === 8).map((r) => [r.agent_id, Number(r.sessions)]));
  const risks = rows
    .filter((r) => r.set === 5 && r.agent_id !== null)
    .map((r) => riskOf({ ...r, sessions: sessions.get(r.agent_id) ?? 0 }))
    .sort((a, b) => b.risk - a.risk || a.agentId.localeCompare(b.agentId));
  return {
    counts,
    scalars: { cost_usd: round(Number(total.cost), 6), personal_data_cost_usd: round(Number(total.personal_cost), 6) },
    activity: { uniqueAgents: risks.length, uniqueSessions: Number(total.sessions), risks },
    days,
    weeks,
  };
}

export interface DayCounts {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  allow: number;
  deny: number;
  alert: number;
  hold: number;
  events: number;
}

/** One week's totals; `week` numbers Monday-to-Sunday UTC weeks, week 0 starting 1969-12-29. */
export interface WeekCounts {
  week: number;
  events: number;
  decisions: number;
  denied: number;
  triggers: number;
  dlp: number;
  injections: number;
  costUsd: number;
}

interface EventMeasures {
  counts: Partial<Record<SelectorId, number>>;
  scalars: { cost_usd: number; personal_data_cost_usd: number };
  activity: Activity;
  /** Decisions per UTC day with events, in order. */
  days: DayCounts[];
  /** Weeks with events, in no particular order. */
  weeks: WeekCounts[];
}

export interface AgentRisk {
  agentId: string;
  events: number;
  sessions: number;
  denyRate: number;
  errorRate: number;
  injections: number;
  dlpEvents: number;
  /** Events on pii-tagged tools that were not denied: the agent has access to personal data. */
  piiEvents: number;
  risk: number;
  explanation: string;
}

export interface Activity {
  uniqueAgents: number;
  uniqueSessions: number;
  risks: AgentRisk[];
}

/**
 * Per-agent risk 0–100 from points a reader can check: 2 per percent of
 * denied decisions (at most 40), 1 per percent of failed actions (at most
 * 20), 10 per injection detection per 1,000 events (at most 20), 5 per DLP
 * event per 1,000 events (at most 20).
 */
function riskOf(r: Record<string, unknown>): AgentRisk {
  const events = Number(r.events);
  const denyRate = Number(r.decisions) ? (100 * Number(r.denies)) / Number(r.decisions) : 0;
  const errorRate = events ? (100 * Number(r.errors)) / events : 0;
  const injectionsPerK = events ? (1000 * Number(r.injections)) / events : 0;
  const dlpPerK = events ? (1000 * Number(r.dlp)) / events : 0;
  const parts = [
    { points: Math.min(40, 2 * denyRate), text: `deny rate ${denyRate.toFixed(1)}%` },
    { points: Math.min(20, errorRate), text: `error rate ${errorRate.toFixed(1)}%` },
    { points: Math.min(20, 10 * injectionsPerK), text: `${Number(r.injections)} injection detections` },
    { points: Math.min(20, 5 * dlpPerK), text: `${Number(r.dlp)} DLP events` },
  ];
  const risk = Math.round(Math.min(100, parts.reduce((sum, p) => sum + p.points, 0)));
  const explanation =
    parts
      .filter((p) => p.points >= 0.5)
      .map((p) => `${p.text} (+${Math.round(p.points)})`)
      .join(', ') || 'no risk signals';
  return {
    agentId: String(r.agent_id),
    events,
    sessions: Number(r.sessions),
    denyRate: round(denyRate),
    errorRate: round(errorRate),
    injections: Number(r.injections),
    dlpEvents: Number(r.dlp),
    piiEvents: Number(r.pii),
    risk,
    explanation,
  };
}
