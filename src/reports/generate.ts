/**
 * The report engine: framework definition → metrics (SQL) → findings →
 * score → canonical content and its hash, written in one transaction.
 * Generation is idempotent per report: the watermark is fixed on the first
 * attempt, so a retried or resumed report yields the same content.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql as dsql } from 'drizzle-orm';
import { findings as findingsTable, reports } from '../db/schema.ts';
import { controlTitle } from '../frameworks/index.ts';
import { frameworkOf } from '../frameworks/organization.ts';
import type { CheckDefinition, FrameworkDefinition } from '../frameworks/types.ts';
import type { Services } from '../services.ts';
import { chainLinkCovering } from '../events/chain.ts';
import { awaitIngestInFlight } from '../events/store.ts';
import { evidencePages, toSelector } from './evidence.ts';
import { signReportHash } from './signing.ts';
import { canonicalJson, measureCoverage, sha256Hex, type Coverage } from './integrity.ts';
import { measureRequests } from './correlated.ts';
import {
  measureEvents,
  metricDefinition,
  DRIFT_METRIC_IDS,
  type AgentRisk,
  type DayCounts,
  type MetricId,
  type MetricValues,
  type Unit,
} from './metrics.ts';
import { assessDrift, DRIFT_METHOD, type AgentDrift, type DriftAssessment } from './drift.ts';
import { refreshRollups, rollupPlan } from './rollups.ts';
import { policyCurrency, POLICY_MAX_AGE_DAYS, securitySettings, slaCompliance, type PolicyCurrency, type SecuritySetting, type SlaCompliance } from './score-factors.ts';
import { slaTargets, type SlaTargets } from '../accounts/sla-targets.ts';
import { runScalarQueries, type ScalarQueryId } from './scalars.ts';
import { evidenceScope, type ReportScope } from './scope.ts';
import { REPORT_COLUMNS, scopeOf, transition, type ReportRow } from './store.ts';
import type { Queue } from '../jobs/queue.ts';
import { currentStatements, statementOfApplicability } from './applicability.ts';
import { buildSqlTables, scalarQueriesOfTables, selectorsOfTables, type Table } from './tables.ts';
import { composeScore, controlsValue, evaluate, grade as gradeOf, SEVERITY_WEIGHT, type FindingStatus, type ScoreFactorId } from './scoring.ts';
import { CORRELATED, type RequestKindId, type SelectorId } from './selectors.ts';

export const GENERATOR_VERSION = 'agent-reports/1.0.0';
export const CONTENT_SCHEMA = 'https://agent-reports.dev/schema/report/1';

export interface Progress {
  percent: number;
  stage: 'collecting' | 'evaluating' | 'scoring' | 'writing';
  message: string;
}

export class ReportCancelled extends Error {
  constructor() {
    super('The report was cancelled');
    this.name = 'ReportCancelled';
  }
}

const AGENT_TABLE_ROWS = 25;

/**
 * Builds a generating report and completes it through the store. With a
 * `queue` (the report worker's), completing enqueues the report's follow-up
 * job (files, notifications) in the same transaction.
 */
export async function buildReport(services: Services, reportId: string, onProgress: (p: Progress) => Promise<void>, orgId?: string, options: { queue?: Queue | null } = {}): Promise<void> {
  const { db, sql } = services.database;
  // With the organisation (as a job has it) the row is read from its one shard on a Citus cluster.
  const [row] = await db.select(REPORT_COLUMNS).from(reports).where(and(eq(reports.id, reportId), orgId ? eq(reports.orgId, orgId) : undefined, isNull(reports.deletedAt)));
  if (!row) throw new Error(`report ${reportId} does not exist`);
  const framework = await frameworkOf(db, row.orgId, row.type);
  if (!framework) throw new Error(`report type ${row.type} has no framework definition`);

  await onProgress({ percent: 5, stage: 'collecting', message: 'Fixing the watermark of events to read' });
  await ensureEventStatistics(services);
  const { watermark, chainLink, chainHead: coveredHead } = await fixWatermark(services, row);
  // Usually a no-op: the refresh after ingest has rolled these events up already.
  await refreshRollups(sql, row.orgId, { upto: watermark });
  const scope = scopeOf({ ...row, watermark });

  const content = await computeContent(services, framework, row, scope, { link: chainLink, head: coveredHead }, onProgress);

  await onProgress({ percent: 95, stage: 'writing', message: `Writing ${content.findings.length} findings` });
  const canonical = canonicalJson(content);
  const contentSha256 = sha256Hex(canonical);
  const signed = await signReportHash(services, row.orgId, contentSha256);
  const heads = await evidenceHeads(services, row, scope, content.findings);
  await db.transaction(async (tx) => {
    // A previous attempt may have died before committing; nothing of it is visible, but be explicit.
    await tx.delete(findingsTable).where(and(eq(findingsTable.orgId, row.orgId), eq(findingsTable.reportId, row.id)));
    if (content.findings.length) {
      await tx.insert(findingsTable).values(
        content.findings.map((f) => ({
          reportId: row.id,
          orgId: row.orgId,
          ordinal: f.ordinal,
          framework: f.framework,
          controlId: f.controlId,
          controlTitle: f.controlTitle,
          section: f.section,
          status: f.status,
          severity: f.severity,
          category: f.category,
          title: f.title,
          description: f.description,
          recommendation: f.recommendation,
          metric: f.metric,
          value: f.value,
          evidenceSelector: f.evidenceSelector,
          evidenceAgent: f.evidenceAgent ?? null,
          evidenceCount: f.evidenceCount,
          evidenceHead: heads.get(f.ordinal) ?? [],
        })),
      );
    }
    const completed = await transition(tx, { reportId: row.id, orgId: row.orgId }, ['generating'], 'completed', {
      progressMessage: content.summary,
      // The canonical text itself, cast by PostgreSQL: parsing it back into a second object tree
      // for drizzle to stringify again held the content three times over.
      content: dsql`${canonical}::jsonb`,
      contentSha256,
      signature: signed.signature,
      signatureKeyId: signed.keyId,
      score: content.score,
      grade: content.grade,
      summary: content.summary,
      eventCount: content.integrity.eventCount,
      sampleSeed: content.sampleSeed,
      frameworkVersion: framework.version,
      generatorVersion: GENERATOR_VERSION,
    }, options.queue);
    // Cancelled (or deleted) while we computed: throwing rolls the findings back too.
    if (!completed) throw new ReportCancelled();
  });
}

/**
 * The content of a completed report computed once more at its own watermark
 * and chain link, with the definition of its type as it is now: the same
 * canonical bytes when nothing it read has changed (reproduce.ts says so).
 */
export async function rebuildContent(services: Services, row: ReportRow): Promise<{ canonical: string; sha256: string; content: ReportContent }> {
  const scope = scopeOf(row);
  const framework = await frameworkOf(services.database.db, row.orgId, row.type);
  if (!framework) throw new Error(`report type ${row.type} has no framework definition`);
  const content = await computeContent(services, framework, row, scope, { link: row.chainLink, head: row.chainHead }, async () => {});
  const canonical = canonicalJson(content);
  return { canonical, sha256: sha256Hex(canonical), content };
}

/** Events kept per finding for the first page of its evidence. */
export const EVIDENCE_HEAD = 50;

/** The first `EVIDENCE_HEAD` events of every finding's evidence, by ordinal: the same pages the API would search for. */
async function evidenceHeads(services: Services, row: ReportRow, scope: ReportScope, findings: FindingContent[]): Promise<Map<number, number[]>> {
  const withEvidence = findings.filter((f) => f.evidenceCount > 0 && f.evidenceSelector);
  const pages = await evidencePages(
    services.database.sql,
    withEvidence.map((f) => ({ source: { findingId: String(f.ordinal), selector: toSelector(f.evidenceSelector), scope: evidenceScope(scope, f.evidenceAgent), sampleSeed: row.sampleSeed }, first: EVIDENCE_HEAD })),
  );
  return new Map(withEvidence.map((f, i) => [f.ordinal, pages[i]!.seqs]));
}

/**
 * The highest event sequence of the organisation, fixed once per report,
 * with the chain head that covers it. Sequence numbers are taken when a
 * batch starts writing, so a batch still in flight may hold numbers below
 * the highest visible one: wait for the organisation's batches in flight,
 * after which no event at or below it can still appear.
 */
async function fixWatermark(services: Services, row: ReportRow): Promise<{ watermark: number; chainLink: number | null; chainHead: string | null }> {
  if (row.watermark !== null && row.chainLink !== null) return { watermark: row.watermark, chainLink: row.chainLink, chainHead: row.chainHead };
  const { sql } = services.database;
  let watermark = row.watermark;
  if (watermark === null) {
    const [max] = await sql`select coalesce(max(seq), 0)::bigint as seq from audit_events where org_id = ${row.orgId}`;
    await awaitIngestInFlight(sql, row.orgId);
    watermark = Number(max!.seq);
  }
  const link = await chainLinkCovering(sql, row.orgId, watermark);
  const [fixed] = await sql`
    update reports set watermark = coalesce(watermark, ${watermark}),
      chain_link = coalesce(chain_link, ${link?.linkNo ?? 0}), chain_head = coalesce(chain_head, ${link?.head ?? null})
    where org_id = ${row.orgId} and id = ${row.id} returning watermark, chain_link, chain_head`;
  return { watermark: Number(fixed!.watermark), chainLink: Number(fixed!.chain_link), chainHead: fixed!.chain_head };
}

/**
 * The planner needs statistics on `audit_events`: a report over a freshly
 * bulk-loaded table that was never analysed ran 100× slower here (plans for
 * an empty table). Autovacuum normally keeps them fresh, but may be off or
 * not have run yet after a large ingest, so analyse when a fifth of the
 * table changed since the last time; one worker at a time.
 */
async function ensureEventStatistics(services: Services) {
  const { sql } = services.database;
  const [stats] = await sql`
    select n_mod_since_analyze::float8 as changed, greatest(n_live_tup, 1)::float8 as live,
           coalesce(last_analyze, last_autoanalyze) is null as never
    from pg_stat_user_tables where relid = 'audit_events'::regclass`;
  if (!stats || stats.changed < 10_000 || (!stats.never && stats.changed < 0.2 * stats.live)) return;
  await sql.begin(async (tx) => {
    const [lock] = await tx`select pg_try_advisory_xact_lock(${ANALYZE_LOCK}) as got`;
    if (lock!.got) await tx`analyze audit_events`;
  });
}

const ANALYZE_LOCK = 7_342;

export interface FindingContent {
  ordinal: number;
  framework: string;
  section: string;
  controlId: string;
  controlTitle: string;
  checkId: string;
  status: FindingStatus;
  severity: CheckDefinition['severity'];
  category: string;
  title: string;
  description: string;
  recommendation: string | null;
  metric: MetricId;
  value: number | null;
  unit: Unit;
  evidenceSelector: SelectorId;
  /** The one agent whose events of the selector are the evidence (a drift finding); absent: every event in scope. */
  evidenceAgent?: string;
  evidenceKind: 'exceptions' | 'population';
  evidenceCount: number;
  populationCount: number;
}

export type ReportContent = Awaited<ReturnType<typeof computeContent>>;

/**
 * A framework's findings, score and grade over a scope, by the very code that
 * builds reports, without their tables: live posture (posture.ts) reads it.
 */
export function evaluateFramework(services: Services, framework: FrameworkDefinition, scope: ReportScope): Promise<ReportContent> {
  // One finding per check, as posture keeps one row per check: a drift check's finding judges the largest |z|.
  return computeContent(services, framework, { title: framework.name, createdAt: new Date() }, scope, { link: null, head: null }, async () => {}, { tables: false, perDrift: false });
}

async function computeContent(
  services: Services,
  framework: FrameworkDefinition,
  row: Pick<ReportRow, 'title' | 'createdAt'>,
  scope: ReportScope,
  chain: { link: number | null; head: string | null },
  onProgress: (p: Progress) => Promise<void>,
  options: { tables?: boolean; perDrift?: boolean } = {},
) {
  const { sql } = services.database;
  const withTables = options.tables !== false;
  const checks = framework.sections.flatMap((s) => s.controls.flatMap((c) => c.checks));
  const metricIds = new Set<MetricId>([
    ...framework.sections.flatMap((s) => s.metrics),
    ...checks.map((c) => c.metric),
    ...checks.flatMap((c) => (c.applicableWhen ? [c.applicableWhen] : [])),
  ]);
  const tables = new Set(withTables ? framework.sections.flatMap((s) => s.tables ?? []) : []);
  const scalarQueryIds = new Set<ScalarQueryId>(scalarQueriesOfTables(tables));
  for (const id of metricIds) {
    const query = metricDefinition(id).query;
    if (query) scalarQueryIds.add(query);
  }
  const selectorIds = new Set<SelectorId>(['all_events', ...selectorsOfTables(tables)]);
  for (const id of metricIds) for (const s of metricDefinition(id).needs) selectorIds.add(s);
  for (const c of checks) {
    selectorIds.add(c.population);
    if (c.exceptions) selectorIds.add(c.exceptions);
  }

  // The queries are independent: run them together, and report progress as each lands.
  await onProgress({ percent: 15, stage: 'collecting', message: 'Counting events, decisions and evidence' });
  // The score's policy-coverage factor, whatever the framework shows.
  selectorIds.add('agent_decisions');
  selectorIds.add('covered_agent_decisions');
  const targets = await slaTargets(services.database.db, scope.orgId);
  // The correlated selectors and the response times come from the requests and their first answers.
  const timed: Partial<Record<RequestKindId, MetricId[]>> = {
    approvals: ['approval_response_mean', 'approval_response_p50', 'approval_response_p95'],
    holds: ['hold_response_mean', 'hold_response_p50', 'hold_response_p95'],
    breaches: ['breach_response_p50', 'breach_response_p95'],
  };
  const kinds = new Set<RequestKindId>([...selectorIds].flatMap((id) => (CORRELATED[id] ? [CORRELATED[id].kind] : [])));
  for (const [kind, ids] of Object.entries(timed)) if (ids.some((id) => metricIds.has(id))) kinds.add(kind as RequestKindId);
  let landed = 0;
  // Reports are chained so subscribers see percentages rise in order.
  let reported = Promise.resolve();
  const step = async <T>(work: Promise<T>, done: string): Promise<T> => {
    const result = await work;
    landed += 1;
    const progress: Progress = { percent: 15 + landed * 12, stage: landed < 3 ? 'collecting' : 'evaluating', message: done };
    reported = reported.then(() => onProgress(progress));
    await reported;
    return result;
  };
  // One boundary for the whole report: the one pass and the shared tables read the same rollups.
  const rollup = await rollupPlan(sql, scope);
  // The organisation's statements as they stood when the report was requested: a rebuild reads the same.
  const statements = tables.has('statement_of_applicability') ? currentStatements(services.database.db, scope.orgId, row.createdAt) : Promise.resolve([]);
  const needsDrift = DRIFT_METRIC_IDS.some((id) => metricIds.has(id)) || tables.has('agent_drift');
  const [counted, coverage, requests, queried, sqlTables, drift, sla, currency, security, soaStatements] = await Promise.all([
    step(measureEvents(sql, scope, [...selectorIds], rollup), 'Counted events, decisions and evidence, and scored agent risk'),
    step(measureCoverage(sql, scope, services.config.MONITORING_GAP_MINUTES), 'Measured monitoring coverage and gaps'),
    step(measureRequests(sql, scope, rollup, [...kinds]), 'Counted requests and their answers, and measured response times'),
    runScalarQueries(sql, scope, scalarQueryIds, rollup),
    buildSqlTables(sql, scope, tables, rollup),
    needsDrift ? assessDrift(sql, scope) : Promise.resolve(null),
    slaCompliance(sql, scope, rollup, targets),
    policyCurrency(sql, scope),
    securitySettings(sql, scope.orgId),
    statements,
  ]);
  const drifts = drift?.assessed.filter((a) => a.drifted) ?? [];
  for (const id of selectorIds) {
    const correlated = CORRELATED[id];
    if (correlated) counted.counts[id] = requests[correlated.kind][correlated.outcome];
  }
  const { activity, days: timeline } = counted;
  const eventCount = counted.counts.all_events ?? 0;
  const risks: AgentRisk[] = activity.risks;
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

  await onProgress({ percent: 78, stage: 'evaluating', message: `Evaluating ${checks.length} checks` });
  const metricValue = (id: MetricId) => metricDefinition(id).value(values);
  const findings: FindingContent[] = [];
  for (const section of framework.sections) {
    for (const control of section.controls) {
      for (const check of control.checks) {
        const value = metricValue(check.metric);
        const applicable = eventCount > 0 && (!check.applicableWhen || (metricValue(check.applicableWhen) ?? 0) > 0);
        const status = applicable ? evaluate(value, check.thresholds) : 'not_applicable';
        const exceptionCount = check.exceptions ? (values.counts[check.exceptions] ?? 0) : 0;
        const useExceptions = check.exceptions !== undefined && exceptionCount > 0;
        const evidenceSelector = useExceptions ? check.exceptions! : check.population;
        const unit = metricDefinition(check.metric).unit;
        if (check.perDrift && options.perDrift !== false && status !== 'not_applicable' && drifts.length) {
          for (const d of drifts) findings.push(driftFinding(findings.length + 1, framework, section.title, control.id, check, d));
          continue;
        }
        findings.push({
          ordinal: findings.length + 1,
          framework: framework.type,
          section: section.title,
          controlId: control.id,
          controlTitle: controlTitle(framework, control.id, check.title),
          checkId: check.id,
          status,
          severity: check.severity,
          category: check.category,
          title: check.title,
          description:
            status === 'not_applicable'
              ? `Not applicable: ${eventCount === 0 ? 'no events in this period and scope' : 'nothing of this kind happened in this period and scope'}.`
              : check.description.replace('{value}', formatValue(value, unit)),
          recommendation: status === 'pass' || status === 'not_applicable' ? null : check.recommendation,
          metric: check.metric,
          value,
          unit,
          evidenceSelector,
          evidenceKind: useExceptions ? 'exceptions' : 'population',
          evidenceCount: values.counts[evidenceSelector] ?? 0,
          populationCount: values.counts[check.population] ?? 0,
        });
      }
    }
  }

  await onProgress({ percent: 85, stage: 'scoring', message: 'Scoring and writing the summary' });
  const breakdown = composeScore(scoreFactors(findings, values, sla, targets, currency, security));
  const score = breakdown.score;
  const grade = gradeOf(score);
  const sections = framework.sections.map((section) => ({
    id: section.id,
    title: section.title,
    description: section.description,
    metrics: section.metrics.map((id) => {
      const { label, unit, per } = metricDefinition(id);
      return { id, label, unit, value: metricValue(id), denominator: per ? { label: per.label, count: per.count(values) } : null };
    }),
    tables: (withTables ? (section.tables ?? []) : []).map((id) => buildTable(id, risks, timeline, drift, () => {
      const finish = sqlTables.get(id);
      if (id === 'statement_of_applicability') return statementOfApplicability(framework, findings, soaStatements);
      if (!finish) throw new Error(`unknown table ${id}`);
      return finish({ risks, weeks: counted.weeks, scalars: values.scalars, counts: values.counts });
    })),
    findings: findings.filter((f) => f.section === section.title).map((f) => f.ordinal),
  }));
  const recommendations = findings
    .filter((f) => f.status === 'fail' || f.status === 'warn')
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1) || SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] || a.ordinal - b.ordinal)
    .map((f) => ({ controlId: f.controlId, severity: f.severity, status: f.status, finding: f.ordinal, text: f.recommendation! }));

  const sampleSeed = createHash('sha256')
    .update([scope.orgId, framework.type, scope.start.toISOString(), scope.end.toISOString(), scope.environment ?? '', scope.agentIds.join(','), scope.dataSubject ?? '', scope.watermark].join('|'))
    .digest('hex')
    .slice(0, 16);

  return {
    schema: CONTENT_SCHEMA,
    framework: { type: framework.type, name: framework.name, version: framework.version, catalog: framework.catalog },
    generator: GENERATOR_VERSION,
    title: row.title,
    scope: {
      organizationId: scope.orgId,
      period: { start: scope.start.toISOString(), end: scope.end.toISOString() },
      environment: scope.environment,
      agentIds: [...scope.agentIds].sort(),
      dataSubject: scope.dataSubject ?? null,
    },
    watermark: scope.watermark,
    sampleSeed,
    score,
    grade,
    scoreBreakdown: { factors: breakdown.factors, slaTargets: targets },
    summary: summarize(framework, findings, score, grade, eventCount, coverage),
    recommendations,
    sections,
    findings,
    ...(drift ? { drift: { baseline: drift.baseline, method: drift.method, threshold: drift.threshold } } : {}),
    integrity: {
      eventCount,
      timeCoverage: coverage.timeCoverage,
      observedFrom: coverage.observedFrom,
      observedUntil: coverage.observedUntil,
      gapThresholdMinutes: services.config.MONITORING_GAP_MINUTES,
      gapCount: coverage.gapCount,
      gapSeconds: coverage.gapSeconds,
      gaps: coverage.gaps,
      completeness: completenessNotes(eventCount, coverage, scope),
      // The tamper-evident chain as it stood when the watermark was fixed: `verify events` checks every event up to it.
      chain: { link: chain.link, head: chain.head },
    },
  };
}

/** A finding for one agent metric beyond its baseline, judged by the check's thresholds on |z|. */
function driftFinding(ordinal: number, framework: FrameworkDefinition, section: string, controlId: string, check: CheckDefinition, d: AgentDrift): FindingContent {
  const status = evaluate(Math.abs(d.z), check.thresholds);
  return {
    ordinal,
    framework: framework.type,
    section,
    controlId,
    controlTitle: controlTitle(framework, controlId, check.title),
    checkId: check.id,
    status,
    severity: check.severity,
    category: check.category,
    title: `${d.agentId}: ${d.label} ${d.z > 0 ? 'rose above' : 'fell below'} its baseline`,
    description: d.explanation,
    recommendation: status === 'pass' ? null : check.recommendation,
    metric: check.metric,
    value: d.z,
    unit: 'z',
    evidenceSelector: d.evidenceSelector,
    evidenceAgent: d.agentId,
    evidenceKind: 'population',
    evidenceCount: d.evidenceCount,
    populationCount: d.evidenceCount,
  };
}

/** What each factor of the score measured (scoring.ts), in numbers and words. */
function scoreFactors(
  findings: FindingContent[],
  values: MetricValues,
  sla: SlaCompliance,
  targets: SlaTargets,
  currency: PolicyCurrency,
  security: SecuritySetting[],
): Record<ScoreFactorId, { value: number | null; detail: string }> {
  const applicable = findings.filter((f) => f.status !== 'not_applicable');
  const decisions = values.counts.agent_decisions ?? 0;
  const covered = values.counts.covered_agent_decisions ?? 0;
  const { approvals, holds } = sla;
  const approvalRequests = approvals.requests;
  const holdRequests = holds.requests;
  const requests = approvalRequests + holdRequests;
  const counted = security.filter((s) => s.met !== null);
  const met = counted.filter((s) => s.met);
  return {
    controls: {
      value: controlsValue(findings),
      detail: `${applicable.length} applicable findings: ${applicable.filter((f) => f.status === 'pass').length} passed, ${applicable.filter((f) => f.status === 'warn').length} warned (half credit), ${applicable.filter((f) => f.status === 'fail').length} failed; weighted by severity.`,
    },
    policy_coverage: {
      value: decisions ? (100 * covered) / decisions : null,
      detail: decisions ? `${covered} of ${decisions} agent decisions were made by an explicit policy.` : 'No agent decisions in the period.',
    },
    sla_compliance: {
      value: requests ? (100 * (approvals.withinTarget + holds.withinTarget)) / requests : null,
      detail: requests
        ? `${approvals.withinTarget} of ${approvalRequests} approval requests answered within ${targets.approvalMinutes} minutes, ${holds.withinTarget} of ${holdRequests} held actions within ${targets.holdMinutes} minutes.`
        : 'No approval requests or held actions in the period.',
    },
    configuration_currency: {
      value: currency.policies ? (100 * currency.current) / currency.policies : null,
      detail: currency.policies
        ? `${currency.current} of ${currency.policies} policies in use in the period (events naming them) run a version at most ${POLICY_MAX_AGE_DAYS} days old` +
          (currency.stale.length ? `; stale: ${currency.stale.slice(0, 5).map((p) => `${p.policy}${p.version ? ` ${p.version}` : ''} (${p.ageDays} days)`).join(', ')}.` : '.')
        : 'No policy decided in the period.',
    },
    security_settings: {
      value: counted.length ? (100 * met.length) / counted.length : null,
      detail: counted.length
        ? `${met.length} of ${counted.length} settings met (as of generation): ${counted.map((s) => `${s.label}: ${s.met ? 'yes' : 'no'}`).join('; ')}.`
        : 'No keys, share links or webhooks to assess.',
    },
  };
}

const DRIFT_TABLE_ROWS = 100;

function buildTable(id: string, risks: AgentRisk[], timeline: DayCounts[], drift: DriftAssessment | null, other: () => Table): Table {
  switch (id) {
    case 'agent_drift': {
      const assessed = drift?.assessed ?? [];
      return {
        id,
        title: `Agent behaviour against its baseline (${DRIFT_METHOD})`,
        columns: ['agent', 'metric', 'unit', 'baselineDays', 'baselineMedian', 'baselineMad', 'periodValue', 'robustZ', 'drifted', 'evidenceEvents'],
        rows: assessed.slice(0, DRIFT_TABLE_ROWS).map((a) => [a.agentId, a.metric, a.unit, a.baselineDays, a.median, a.mad, a.value, a.z, a.drifted ? 'yes' : 'no', a.evidenceCount]),
        truncated: assessed.length > DRIFT_TABLE_ROWS ? { shown: DRIFT_TABLE_ROWS, total: assessed.length } : null,
      };
    }
    case 'agent_risk':
      return {
        id,
        title: 'Agent risk scores',
        columns: ['agent', 'events', 'sessions', 'denyRatePercent', 'errorRatePercent', 'injections', 'dlpEvents', 'risk', 'explanation'],
        rows: risks.slice(0, AGENT_TABLE_ROWS).map((r) => [r.agentId, r.events, r.sessions, r.denyRate, r.errorRate, r.injections, r.dlpEvents, r.risk, r.explanation]),
        truncated: risks.length > AGENT_TABLE_ROWS ? { shown: AGENT_TABLE_ROWS, total: risks.length } : null,
      };
    case 'risk_distribution': {
      const buckets = [
        { label: 'low (0–24)', min: 0, max: 24 },
        { label: 'medium (25–49)', min: 25, max: 49 },
        { label: 'high (50–74)', min: 50, max: 74 },
        { label: 'critical (75–100)', min: 75, max: 100 },
      ];
      return {
        id,
        title: 'Risk distribution of agents',
        columns: ['band', 'agents'],
        rows: buckets.map((b) => [b.label, risks.filter((r) => r.risk >= b.min && r.risk <= b.max).length]),
        truncated: null,
      };
    }
    case 'decisions_by_day':
      return {
        id,
        title: 'Decisions per day (UTC)',
        columns: ['day', 'allow', 'deny', 'alert', 'hold', 'events'],
        rows: timeline.map((d) => [d.day, d.allow, d.deny, d.alert, d.hold, d.events]),
        truncated: null,
      };
    default:
      return other();
  }
}

/** A rate's denominator in words, e.g. "of 1,234 Decisions (…)"; empty for a metric that is no rate. */
export function formatDenominator(denominator: { label: string; count: number | null } | null | undefined): string {
  if (!denominator) return '';
  return `of ${denominator.count === null ? '' : `${denominator.count.toLocaleString('en-US')} `}${denominator.label}`;
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return 'n/a';
  switch (unit) {
    case 'percent':
      return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
    case 'usd':
      return `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'seconds':
      return formatDuration(value);
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return `${hours}h ${minutes % 60}m`;
}

function summarize(framework: FrameworkDefinition, findings: FindingContent[], score: number | null, grade: string | null, eventCount: number, coverage: Coverage): string {
  if (eventCount === 0) {
    return `${framework.name}: no events were recorded in this period and scope, so every control is not applicable. Check that the gateways send their audit events.`;
  }
  const by = (s: FindingStatus) => findings.filter((f) => f.status === s).length;
  const failing = findings
    .filter((f) => f.status === 'fail')
    .sort((a, b) => SEVERITY_WEIGHT[b.severity] - SEVERITY_WEIGHT[a.severity] || a.ordinal - b.ordinal)
    .slice(0, 3)
    .map((f) => `${f.controlId} ${f.title.toLowerCase()}`);
  return [
    `${framework.name}: score ${score ?? 'n/a'}${grade ? ` (${grade})` : ''} over ${eventCount.toLocaleString('en-US')} events.`,
    `${by('pass')} checks passed, ${by('warn')} warned, ${by('fail')} failed, ${by('not_applicable')} not applicable.`,
    coverage.timeCoverage !== null ? `Monitoring covered ${coverage.timeCoverage}% of the period with ${coverage.gapCount} gap${coverage.gapCount === 1 ? '' : 's'}.` : '',
    failing.length ? `Most urgent: ${failing.join('; ')}.` : 'No check failed.',
  ]
    .filter(Boolean)
    .join(' ');
}

function completenessNotes(eventCount: number, coverage: Coverage, scope: ReportScope): string[] {
  const notes = [`The report read events up to sequence number ${scope.watermark}; events that arrive later do not change it (see Report.stale).`];
  if (eventCount === 0) notes.push('No events were recorded in this period and scope.');
  if (coverage.gapCount > coverage.gaps.length) notes.push(`${coverage.gapCount} monitoring gaps were found; the first ${coverage.gaps.length} are listed.`);
  if (coverage.gapCount) notes.push(`Monitoring gaps total ${Math.round(coverage.gapSeconds / 60).toLocaleString('en-US')} minutes of the observed period.`);
  if (scope.agentIds.length) notes.push(`Scoped to ${scope.agentIds.length} agent(s); monitoring coverage is measured for the whole gateway.`);
  return notes;
}
