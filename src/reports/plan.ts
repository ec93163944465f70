/**
 * What to measure: the metrics, selectors, targeted queries, request kinds
 * and tables that the sections and checks of one or more frameworks name.
 * Pure: measure.ts runs a plan once, so the frameworks a posture follows
 * share one measurement. A selector or query measured for one framework is
 * counted the same whoever else asked for it, so measuring a union changes
 * no framework's figures.
 */
import type { FrameworkDefinition } from '../frameworks/types.ts';
import { DRIFT_METRIC_IDS, metricDefinition, type MetricId } from '../library/metrics.ts';
import type { ScalarQueryId } from '../library/metrics.ts';
import { CORRELATED, type RequestKindId, type SelectorId } from '../library/selectors.ts';
import { scalarQueriesOfTables, selectorsOfTables } from './tables.ts';

export interface MeasurementPlan {
  metrics: Set<MetricId>;
  /** Every selector counted (in the one pass, or from the requests for correlated ones). */
  selectors: Set<SelectorId>;
  scalarQueries: Set<ScalarQueryId>;
  /** Request kinds whose requests and first answers are read (correlated selectors, response times). */
  requestKinds: Set<RequestKindId>;
  /** Table ids of the sections (none for a plan without tables). */
  tables: Set<string>;
  /** Whether agents' behaviour is assessed against their baselines (drift.ts). */
  drift: boolean;
}

/** The response-time metrics each request kind answers. */
const TIMED: Partial<Record<RequestKindId, MetricId[]>> = {
  approvals: ['approval_response_mean', 'approval_response_p50', 'approval_response_p95'],
  holds: ['hold_response_mean', 'hold_response_p50', 'hold_response_p95'],
  breaches: ['breach_response_p50', 'breach_response_p95'],
};

/**
 * The plan for `frameworks` over one scope. `tables: false` (live posture)
 * leaves out the sections' tables and what only they read.
 */
export function planMeasurement(frameworks: FrameworkDefinition[], options: { tables: boolean }): MeasurementPlan {
  const sections = frameworks.flatMap((f) => f.sections);
  const checks = sections.flatMap((s) => s.controls.flatMap((c) => c.checks));
  const metrics = new Set<MetricId>([...sections.flatMap((s) => s.metrics), ...checks.map((c) => c.metric), ...checks.flatMap((c) => (c.applicableWhen ? [c.applicableWhen] : []))]);
  const tables = new Set(options.tables ? sections.flatMap((s) => s.tables ?? []) : []);
  const scalarQueries = new Set<ScalarQueryId>(scalarQueriesOfTables(tables));
  for (const id of metrics) {
    const query = metricDefinition(id).query;
    if (query) scalarQueries.add(query);
  }
  const selectors = new Set<SelectorId>(['all_events', ...selectorsOfTables(tables)]);
  for (const id of metrics) for (const s of metricDefinition(id).needs) selectors.add(s);
  for (const c of checks) {
    selectors.add(c.population);
    if (c.exceptions) selectors.add(c.exceptions);
  }
  // The score's policy-coverage factor, whatever the framework shows.
  selectors.add('agent_decisions');
  selectors.add('covered_agent_decisions');
  const requestKinds = new Set<RequestKindId>([...selectors].flatMap((id) => (CORRELATED[id] ? [CORRELATED[id].kind] : [])));
  for (const [kind, ids] of Object.entries(TIMED)) if (ids.some((id) => metrics.has(id))) requestKinds.add(kind as RequestKindId);
  const drift = DRIFT_METRIC_IDS.some((id) => metrics.has(id)) || tables.has('agent_drift');
  return { metrics, selectors, scalarQueries, requestKinds, tables, drift };
}

/** The number of checks a framework evaluates (for progress messages). */
export const checkCount = (framework: FrameworkDefinition) => framework.sections.reduce((n, s) => n + s.controls.reduce((m, c) => m + c.checks.length, 0), 0);
