/**
 * Runs a plan (plan.ts) over a scope: one pass over the rollups and the
 * edge days (metrics.ts), the requests and their first answers
 * (correlated.ts), monitoring coverage, drift, the score's other factors and
 * the SQL tables, all at once. The result knows no framework: evaluate.ts
 * judges any framework's checks from it, so a posture that follows several
 * frameworks measures once.
 */
import { slaTargets, type SlaTargets } from '../accounts/sla-targets.ts';
import type { Services } from '../services.ts';
import { currentStatements, type ControlStatement } from './applicability.ts';
import { measureRequests } from './correlated.ts';
import { assessDrift, type AgentDrift, type DriftAssessment } from './drift.ts';
import { measureCoverage, type Coverage } from './integrity.ts';
import type { MetricValues } from '../library/metrics.ts';
import { measureEvents, type AgentRisk, type DayCounts, type WeekCounts } from './counts.ts';
import type { MeasurementPlan } from './plan.ts';
import { rollupPlan } from './rollups.ts';
import { runScalarQueries } from './scalars.ts';
import { policyCurrency, securitySettings, slaCompliance, type PolicyCurrency, type SecuritySetting, type SlaCompliance } from './score-factors.ts';
import type { ReportScope } from './scope.ts';
import { CORRELATED, type RequestKindId } from '../library/selectors.ts';
import { buildSqlTables, type TableFinisher } from './tables.ts';

/** The kinds whose response times a metric reads (approval_*, hold_*, breach_* below) or the SLA factor counts within target. */
const RESPONSE_TIMED: readonly RequestKindId[] = ['approvals', 'holds', 'breaches'];

export interface Progress {
  percent: number;
  stage: 'collecting' | 'evaluating' | 'scoring' | 'writing';
  message: string;
}

export interface Measurements {
  /** Every metric's inputs: selector counts and scalars. */
  values: MetricValues;
  eventCount: number;
  coverage: Coverage;
  /** Agents by risk, riskiest first. */
  risks: AgentRisk[];
  days: DayCounts[];
  weeks: WeekCounts[];
  drift: DriftAssessment | null;
  /** The agent metrics beyond their baseline. */
  drifts: AgentDrift[];
  sla: SlaCompliance;
  targets: SlaTargets;
  currency: PolicyCurrency;
  security: SecuritySetting[];
  /** The SQL tables' finishers, by table id. */
  sqlTables: Map<string, TableFinisher>;
  /** The organisation's statements of applicability (only when a table shows them). */
  statements: ControlStatement[];
}

/**
 * Measures `plan` over `scope`. `asOf`: the statements of applicability as
 * they stood then (the report's request time, so a rebuild reads the same).
 */
export async function measure(
  services: Services,
  scope: ReportScope,
  plan: MeasurementPlan,
  options: { asOf: Date; onProgress?: (p: Progress) => Promise<void> },
): Promise<Measurements> {
  const { sql, db } = services.database;
  const onProgress = options.onProgress ?? (async () => {});
  await onProgress({ percent: 15, stage: 'collecting', message: 'Counting events, decisions and evidence' });
  const targets = await slaTargets(db, scope.orgId);
  let landed = 0;
  // Progress is chained so subscribers see percentages rise in order.
  let reported = Promise.resolve();
  const step = async <T>(work: Promise<T>, done: string): Promise<T> => {
    const result = await work;
    landed += 1;
    const progress: Progress = { percent: 15 + landed * 12, stage: landed < 3 ? 'collecting' : 'evaluating', message: done };
    reported = reported.then(() => onProgress(progress));
    await reported;
    return result;
  };
  // One boundary for the whole measurement: the one pass and the shared tables read the same rollups.
  const rollup = await rollupPlan(sql, scope);
  const statements = plan.tables.has('statement_of_applicability') ? currentStatements(db, scope.orgId, options.asOf) : Promise.resolve([]);
  // The queries are independent: run them together, and report progress as each lands.
  const [counted, coverage, requests, queried, sqlTables, drift, currency, security, soaStatements] = await Promise.all([
    step(measureEvents(sql, scope, [...plan.selectors], rollup), 'Counted events, decisions and evidence, and scored agent risk'),
    step(measureCoverage(sql, scope, services.config.MONITORING_GAP_MINUTES), 'Measured monitoring coverage and gaps'),
    // Approvals and holds always: the score's SLA factor is counted from the same rows.
    step(measureRequests(sql, scope, rollup, [...new Set([...plan.requestKinds, 'approvals', 'holds'] as const)], targets, RESPONSE_TIMED), 'Counted requests and their answers, and measured response times'),
    runScalarQueries(sql, scope, plan.scalarQueries, rollup),
    buildSqlTables(sql, scope, plan.tables, rollup),
    plan.drift ? assessDrift(sql, scope) : Promise.resolve(null),
    policyCurrency(sql, scope),
    securitySettings(sql, scope.orgId),
    statements,
  ]);
  const drifts = drift?.assessed.filter((a) => a.drifted) ?? [];
  for (const id of plan.selectors) {
    const correlated = CORRELATED[id];
    if (correlated) counted.counts[id] = requests[correlated.kind][correlated.outcome];
  }
  const { activity } = counted;
  const risks = activity.risks;
  const values: MetricValues = {
    counts: counted.counts,
    scalars: {
      ...counted.scalars,
      time_coverage: coverage.timeCoverage,
      approval_mean: requests.approvals.mean,
      approval_p50: requests.approvals.p50,
      approval_p95: requests.approvals.p95,
      hold_mean: requests.holds.mean,
      hold_p50: requests.holds.p50,
      hold_p95: requests.holds.p95,
      breach_p50: requests.breaches.p50,
      breach_p95: requests.breaches.p95,
      unique_agents: activity.uniqueAgents,
      unique_sessions: activity.uniqueSessions,
      max_agent_risk: risks.length ? risks[0]!.risk : null,
      elevated_risk_agents: risks.filter((r) => r.risk >= 50).length,
      pii_agents: risks.filter((r) => r.piiEvents > 0).length,
      baselined_agents: drift ? drift.baselinedAgents : null,
      drifting_agents: drift ? new Set(drifts.map((d) => d.agentId)).size : null,
      behaviour_drifts: drift ? drifts.length : null,
      max_drift_z: drift?.assessed.length ? Math.max(...drift.assessed.map((a) => Math.abs(a.z))) : null,
      ...queried,
    },
  };
  return {
    values,
    eventCount: counted.counts.all_events ?? 0,
    coverage,
    risks,
    days: counted.days,
    weeks: counted.weeks,
    drift,
    drifts,
    sla: slaCompliance(requests),
    targets,
    currency,
    security,
    sqlTables,
    statements: soaStatements,
  };
}
