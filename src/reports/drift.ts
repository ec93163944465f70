/**
 * Agent drift: each agent's behaviour in the report's period against its
 * own baseline, the 28 whole UTC days before the period's first day. Read
 * from the rollups through the one pass's source (rollups.ts), so the cost
 * follows agents × days, not events.
 *
 * The measure is the robust (modified) z-score of Iglewicz and Hoaglin:
 * z = (period value − baseline median) / (1.4826 · MAD), flagged beyond
 * 3.5. Median and MAD rather than mean and standard deviation because the
 * baseline days may hold an incident of their own, and daily counts are
 * skewed: one wild day moves a mean and inflates a standard deviation until
 * nothing looks unusual, while it barely moves a median (breakdown point 50%).
 * When most baseline days are alike the MAD is 0 and any change would be
 * infinite, so the scale has a floor: the day-to-day noise of a count with
 * that median if events came independently (√median, Poisson), and 2
 * percentage points for a rate.
 */
import type { Sql } from '../db/client.ts';
import { agentHoursPass, passOverEvents } from './passes.ts';
import { passOverRollups, passSource, rollupPlan, type CounterId, type PassColumn } from './rollups.ts';
import { ALL_SUBJECT_REFERENCES, scopeWhere, type ReportScope } from './scope.ts';
import type { SelectorId } from '../library/selectors.ts';

const BASELINE_DAYS = 28;
/** An agent (or a rate) needs this many baseline days to have a baseline at all. */
const MIN_BASELINE_DAYS = 7;
const DRIFT_THRESHOLD = 3.5;
const MAD_TO_SD = 1.4826;
const RATE_FLOOR = 2;
const DAY_MS = 86_400_000;

interface DriftMetricDefinition {
  label: string;
  /** `count`: events per day; `rate`: percent of `of` that is `counter`, per day with any `of`. */
  kind: 'count' | 'rate';
  counter: CounterId & SelectorId;
  of?: CounterId;
  /** The events a drift of the metric is shown by. */
  evidence: SelectorId;
}

/**
 * Hour of day: for each UTC hour, the agent's events in that hour per day
 * against the same hour of its baseline days (quiet days 0), z as for a
 * count; the metric is the hour whose |z| is largest. An agent that works at
 * night is measured against its nights, so its usual nights pass and the
 * same volume moved to the afternoon does not.
 */
const HOUR_METRIC = { evidence: 'all_events' } as const;

const DRIFT_METRICS = {
  volume: { label: 'events per day', kind: 'count', counter: 'all_events', evidence: 'all_events' },
  tool_use: { label: 'tool calls and decisions per day', kind: 'count', counter: 'agent_actions', evidence: 'agent_actions' },
  data_access: { label: 'events on pii-tagged tools per day', kind: 'count', counter: 'pii_tool_events', evidence: 'pii_tool_events' },
  denial_rate: { label: 'denial rate', kind: 'rate', counter: 'denied_decisions', of: 'decisions', evidence: 'denied_decisions' },
  error_rate: { label: 'error rate', kind: 'rate', counter: 'error_events', of: 'all_events', evidence: 'error_events' },
} as const satisfies Record<string, DriftMetricDefinition>;
type DriftMetricId = keyof typeof DRIFT_METRICS | 'hour_of_day';
const METRIC_IDS = Object.keys(DRIFT_METRICS) as Array<keyof typeof DRIFT_METRICS>;

export interface AgentDrift {
  agentId: string;
  metric: DriftMetricId;
  label: string;
  unit: 'per_day' | 'percent';
  /** Baseline days the metric had a value on. */
  baselineDays: number;
  median: number;
  mad: number;
  /** The z-score's denominator: 1.4826 · MAD, or the floor. */
  scale: number;
  /** The period's value: events per day of the period, or the rate over the whole period. */
  value: number;
  z: number;
  drifted: boolean;
  evidenceSelector: SelectorId;
  /** The agent's events of `evidenceSelector` in the period. */
  evidenceCount: number;
  explanation: string;
}

export interface DriftAssessment {
  baseline: { start: string; end: string; days: number };
  method: string;
  threshold: number;
  /** Agents active in the period with at least MIN_BASELINE_DAYS active baseline days. */
  baselinedAgents: number;
  /** Every metric of every baselined agent, drifts first (largest |z| first). */
  assessed: AgentDrift[];
}

export const DRIFT_METHOD = `robust z-score (x − median) / (${MAD_TO_SD} · MAD) against each agent's ${BASELINE_DAYS} whole UTC days before the period, flagged when |z| > ${DRIFT_THRESHOLD}`;

type Counts = Record<CounterId, number>;
const COUNTERS = [...new Set(METRIC_IDS.flatMap((id) => { const m: DriftMetricDefinition = DRIFT_METRICS[id]; return m.of ? [m.counter, m.of] : [m.counter]; }))];
const COLUMNS: PassColumn[] = COUNTERS.map((counter, i) => ({ name: `k${i}`, counter }));

/** Per agent and UTC day, the counters of the scope, from rollups for the plan's days. */
async function dailyCounts(sql: Sql, scope: ReportScope): Promise<Map<string, Map<number, Counts>>> {
  const scoped = scopeWhere(scope);
  const source = passSource(scoped, await rollupPlan(sql, scope), COLUMNS, 'g');
  const rows = await sql.unsafe(
    `with g as materialized (${source.rows})
     select d, agent_id, ${COLUMNS.map((c) => `sum(${c.name})::float8 as ${c.name}`).join(', ')}
     from g where agent_id is not null group by 1, 2`,
    scoped.params as never[],
  );
  const byAgent = new Map<string, Map<number, Counts>>();
  for (const r of rows) {
    const days = byAgent.get(String(r.agent_id)) ?? new Map<number, Counts>();
    days.set(Number(r.d), Object.fromEntries(COLUMNS.map((c) => [(c as { counter: CounterId }).counter, Number(r[c.name])])) as Counts);
    byAgent.set(String(r.agent_id), days);
  }
  return byAgent;
}

/** Per agent, UTC day and hour of day, the agent's events in scope: the hour-of-day pass, from its rollups for the plan's days. */
async function hourlyCounts(sql: Sql, scope: ReportScope): Promise<Map<string, Map<number, number[]>>> {
  const scoped = scopeWhere(scope);
  const plan = await rollupPlan(sql, scope);
  const rows = await sql.unsafe(
    plan ? passOverRollups(agentHoursPass, scoped, plan) : passOverEvents(agentHoursPass, scoped.where, ALL_SUBJECT_REFERENCES),
    scoped.params as never[],
  );
  const byAgent = new Map<string, Map<number, number[]>>();
  for (const r of rows) {
    const days = byAgent.get(String(r.agent_id)) ?? new Map<number, number[]>();
    const hours = days.get(Number(r.d)) ?? Array<number>(24).fill(0);
    hours[Number(r.hour)]! += Number(r.n);
    days.set(Number(r.d), hours);
    byAgent.set(String(r.agent_id), days);
  }
  return byAgent;
}

/** Median, MAD, the scale with its floor, and z of `value` against `series`. */
function robustZ(series: number[], value: number, floorOf: (median: number) => number) {
  const sorted = sortedOf(series);
  const med = median(sorted);
  const mad = median(sortedOf(sorted.map((x) => Math.abs(x - med))));
  const scale = Math.max(MAD_TO_SD * mad, floorOf(med));
  return { med, mad, scale, z: (value - med) / scale };
}
const countFloor = (med: number) => Math.sqrt(Math.max(med, 1));

const median = (sorted: number[]) => {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
};
const sortedOf = (xs: number[]) => [...xs].sort((a, b) => a - b);
const round2 = (n: number) => Math.round(n * 100) / 100;

export async function assessDrift(sql: Sql, scope: ReportScope): Promise<DriftAssessment> {
  const firstDay = Math.floor(scope.start.getTime() / DAY_MS);
  const baselineScope: ReportScope = { ...scope, start: new Date((firstDay - BASELINE_DAYS) * DAY_MS), end: new Date(firstDay * DAY_MS) };
  const [baseline, period, baselineHours, periodHours] = await Promise.all([dailyCounts(sql, baselineScope), dailyCounts(sql, scope), hourlyCounts(sql, baselineScope), hourlyCounts(sql, scope)]);
  const periodDays = (scope.end.getTime() - scope.start.getTime()) / DAY_MS;
  const assessed: AgentDrift[] = [];
  let baselinedAgents = 0;
  for (const [agentId, periodByDay] of period) {
    const days = baseline.get(agentId);
    if (!days || days.size < MIN_BASELINE_DAYS) continue;
    baselinedAgents += 1;
    const total = (counter: CounterId) => [...periodByDay.values()].reduce((s, c) => s + c[counter], 0);
    // Counts: every day from the agent's first baseline day on, a quiet day counting 0.
    const first = Math.min(...days.keys());
    const span = Array.from({ length: firstDay - first }, (_, i) => days.get(first + i));
    for (const id of METRIC_IDS) {
      const m: DriftMetricDefinition = DRIFT_METRICS[id];
      let series: number[];
      let value: number | null;
      if (m.kind === 'count') {
        series = span.map((c) => c?.[m.counter] ?? 0);
        value = total(m.counter) / periodDays;
      } else {
        series = [...days.values()].filter((c) => c[m.of!] > 0).map((c) => (100 * c[m.counter]) / c[m.of!]);
        const whole = total(m.of!);
        value = whole > 0 ? (100 * total(m.counter)) / whole : null;
      }
      if (value === null || series.length < MIN_BASELINE_DAYS) continue;
      const { med, mad, scale, z } = robustZ(series, value, m.kind === 'count' ? countFloor : () => RATE_FLOOR);
      const unit = m.kind === 'count' ? 'per_day' : 'percent';
      const show = (n: number) => (unit === 'percent' ? `${round2(n)}%` : `${round2(n)}`);
      assessed.push({
        ...driftRow({ agentId, metric: id, label: m.label, unit, baselineDays: series.length, evidenceSelector: m.evidence, value }, { med, mad, scale, z }),
        evidenceCount: total(m.evidence as CounterId),
        explanation:
          `${agentId}'s ${m.label} was ${show(value)} in the period against a median of ${show(med)} ` +
          `(MAD ${round2(mad)}) over ${series.length} baseline days: robust z ${round2(z)}` +
          (Math.abs(z) > DRIFT_THRESHOLD ? `, ${z > 0 ? 'above' : 'below'} its baseline.` : ', within its baseline.'),
      });
    }
    const hourly = hourOfDay(agentId, firstDay, first, baselineHours.get(agentId), periodHours.get(agentId), periodDays);
    if (hourly) assessed.push({ ...hourly, evidenceCount: total('all_events') });
  }
  assessed.sort((a, b) => Number(b.drifted) - Number(a.drifted) || Math.abs(b.z) - Math.abs(a.z) || a.agentId.localeCompare(b.agentId) || a.metric.localeCompare(b.metric));
  return {
    baseline: { start: baselineScope.start.toISOString(), end: baselineScope.end.toISOString(), days: BASELINE_DAYS },
    method: DRIFT_METHOD,
    threshold: DRIFT_THRESHOLD,
    baselinedAgents,
    assessed,
  };
}

/** A metric's row: what it is, and its robust z against the baseline, rounded as reports show them. */
function driftRow(
  about: Pick<AgentDrift, 'agentId' | 'metric' | 'label' | 'unit' | 'baselineDays' | 'evidenceSelector' | 'value'>,
  { med, mad, scale, z }: { med: number; mad: number; scale: number; z: number },
): Omit<AgentDrift, 'evidenceCount' | 'explanation'> {
  return { ...about, median: round2(med), mad: round2(mad), scale: round2(scale), value: round2(about.value), z: round2(z), drifted: Math.abs(z) > DRIFT_THRESHOLD };
}

/** The hour-of-day metric of one agent: the hour whose count per day moved most against the same hour of its baseline days. */
function hourOfDay(agentId: string, firstDay: number, first: number, baseline: Map<number, number[]> | undefined, period: Map<number, number[]> | undefined, periodDays: number): Omit<AgentDrift, 'evidenceCount'> | null {
  if (!baseline || !period) return null;
  const span = Array.from({ length: firstDay - first }, (_, i) => baseline.get(first + i));
  if (span.length < MIN_BASELINE_DAYS) return null;
  let worst: (ReturnType<typeof robustZ> & { hour: number; value: number }) | null = null;
  for (let hour = 0; hour < 24; hour++) {
    const value = [...period.values()].reduce((sum, hours) => sum + hours[hour]!, 0) / periodDays;
    const result = robustZ(span.map((hours) => hours?.[hour] ?? 0), value, countFloor);
    // Ties keep the earliest hour, so the finding names the same hour every time.
    if (!worst || Math.abs(result.z) > Math.abs(worst.z)) worst = { ...result, hour, value };
  }
  const { med, mad, scale, z, hour, value } = worst!;
  const drifted = Math.abs(z) > DRIFT_THRESHOLD;
  const at = `${String(hour).padStart(2, '0')}:00`;
  return {
    ...driftRow({ agentId, metric: 'hour_of_day', label: `events per day at ${at} UTC`, unit: 'per_day', baselineDays: span.length, evidenceSelector: HOUR_METRIC.evidence, value }, { med, mad, scale, z }),
    explanation:
      `${agentId}'s events per day at ${at}–${String(hour).padStart(2, '0')}:59 UTC were ${round2(value)} in the period against a median of ${round2(med)} ` +
      `(MAD ${round2(mad)}) for that hour over ${span.length} baseline days: robust z ${round2(z)}, the largest of its 24 hours` +
      (drifted ? `, ${z > 0 ? 'above' : 'below'} its baseline: its hours of activity moved.` : ', within its baseline.'),
  };
}
