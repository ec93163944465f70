/**
 * The report engine: framework definition → metrics (SQL) → findings →
 * score → canonical content and its hash, written in one transaction.
 * Generation is idempotent per report: the watermark is fixed on the first
 * attempt, so a retried or resumed report yields the same content.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql as dsql } from 'drizzle-orm';
import { findings as findingsTable, reports } from '../db/schema.ts';
import { frameworkOf } from '../frameworks/organization.ts';
import type { FrameworkDefinition } from '../frameworks/types.ts';
import type { Services } from '../services.ts';
import { chainLinkCovering } from '../events/chain.ts';
import { awaitIngestInFlight } from '../events/store.ts';
import { evidencePages, toSelector } from './evidence.ts';
import { evaluateChecks, metricValue, scoreOf, type FindingContent } from './evaluate.ts';
import { signReportHash } from './signing.ts';
import { canonicalJson, sha256Hex } from './integrity.ts';
import { measure, type Progress } from './measure.ts';
import { metricDefinition } from '../library/metrics.ts';
import { checkCount, planMeasurement } from './plan.ts';
import { refreshRollups } from './rollups.ts';
import { evidenceScope, type ReportScope } from './scope.ts';
import { REPORT_COLUMNS, scopeOf, transition, type ReportRow } from './store.ts';
import type { Queue } from '../queue.ts';
import { completenessNotes, recommendationsOf, summarize } from './summary.ts';
import { sectionTables } from './tables.ts';

export type { FindingContent } from './evaluate.ts';
export { CONTENT_SCHEMA, type ReportContent } from './content.ts';
import { CONTENT_SCHEMA, type ReportContent } from './content.ts';
export type { Progress } from './measure.ts';

export const GENERATOR_VERSION = 'agent-reports/1.0.0';

export class ReportCancelled extends Error {
  constructor() {
    super('The report was cancelled');
    this.name = 'ReportCancelled';
  }
}

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
const EVIDENCE_HEAD = 50;

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


/**
 * The content of a report: plan what its framework needs, measure it over
 * the scope, judge the checks, score, then lay out the sections with their
 * tables and write the summary. Every step has a file of its own.
 */
async function computeContent(
  services: Services,
  framework: FrameworkDefinition,
  row: Pick<ReportRow, 'title' | 'createdAt'>,
  scope: ReportScope,
  chain: { link: number | null; head: string | null },
  onProgress: (p: Progress) => Promise<void>,
): Promise<ReportContent> {
  const plan = planMeasurement([framework], { tables: true });
  // The organisation's statements as they stood when the report was requested: a rebuild reads the same.
  const m = await measure(services, scope, plan, { asOf: row.createdAt, onProgress });

  await onProgress({ percent: 78, stage: 'evaluating', message: `Evaluating ${checkCount(framework)} checks` });
  const findings = evaluateChecks(framework, m, { perDrift: true });

  await onProgress({ percent: 85, stage: 'scoring', message: 'Scoring and writing the summary' });
  const { breakdown, score, grade } = scoreOf(findings, m);
  const sections = framework.sections.map((section) => ({
    id: section.id,
    title: section.title,
    description: section.description,
    metrics: section.metrics.map((id) => {
      const { label, unit, per } = metricDefinition(id);
      return { id, label, unit, value: metricValue(m, id), denominator: per ? { label: per.label, count: per.count(m.values) } : null };
    }),
    tables: sectionTables(section.tables ?? [], framework, findings, m),
    findings: findings.filter((f) => f.section === section.title).map((f) => f.ordinal),
  }));

  const sampleSeed = createHash('sha256')
    .update([scope.orgId, framework.type, scope.start.toISOString(), scope.end.toISOString(), scope.environment ?? '', scope.agentIds.join(','), scope.dataSubject ?? '', scope.watermark].join('|'))
    .digest('hex')
    .slice(0, 16);
  const { eventCount, coverage, drift } = m;

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
    scoreBreakdown: { factors: breakdown.factors, slaTargets: m.targets },
    summary: summarize(framework, scope, findings, score, grade, eventCount, coverage),
    recommendations: recommendationsOf(findings),
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
