/**
 * The report's content (sections, integrity, recommendations), its findings
 * and the drill-down from a finding to the events that prove it.
 */
import { badInput, notFound } from '../errors.ts';
import { orgOf, type Context } from './context.ts';
import { evidenceCursor, evidenceSample, listFindings, MAX_PAGE, pageFromHead, toSelector, type FindingRow } from '../reports/evidence.ts';
import type { ReportContent } from '../reports/generate.ts';
import { selectors } from '../library/selectors.ts';
import { evidenceScope } from '../reports/scope.ts';
import { builder } from './builder.ts';
import { AuditEvent, AuditEventConnection, loadEventsBySeq } from './events.ts';
import { connection } from './connection.ts';
import { Report } from './reports.ts';

type Content = ReportContent;
type ReportParent = { id: string; summary: string | null; contentSha256: string | null; watermark: number | null; frameworkVersion: string | null; generatorVersion: string | null; sampleSeed: string; signature?: string | null; signatureKeyId?: string | null };
/**
 * Report rows are loaded without their content (it can be large, ~40 kB parsed per read); fields that need
 * it load it once per request, and only they: `integrity { contentSha256 }` reads none.
 */
type IntegrityParent = ReportParent;
const loadContent = async (r: ReportParent, ctx: Context): Promise<Content | null> => (await ctx.loaders.reportContent.load(r.id)) ?? null;
const integrityOf = async (r: ReportParent, ctx: Context) => (await loadContent(r, ctx))?.integrity;

export const FindingStatus = builder.enumType('FindingStatus', {
  description: 'Outcome of a check: the control met its threshold, came close, missed it, or had nothing to measure.',
  values: { PASS: { value: 'pass' }, WARN: { value: 'warn' }, FAIL: { value: 'fail' }, NOT_APPLICABLE: { value: 'not_applicable' } } as const,
});

export const FindingSeverity = builder.enumType('FindingSeverity', {
  description: 'How much a failing finding matters; weighs the score (critical 10, high 6, medium 3, low 1, info 0).',
  values: { INFO: { value: 'info' }, LOW: { value: 'low' }, MEDIUM: { value: 'medium' }, HIGH: { value: 'high' }, CRITICAL: { value: 'critical' } } as const,
});

export const Control = builder.objectRef<{ id: string; framework: string; title: string; section?: string }>('Control').implement({
  description: 'A control of a framework, with its identifier exactly as the catalog spells it.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Control identifier, e.g. CC6.1 or A.8.15.' }),
    framework: t.exposeString('framework', { description: 'Report type the control belongs to, e.g. soc2.' }),
    title: t.exposeString('title', { description: 'Title of the control in its catalog.' }),
    section: t.string({ nullable: true, description: 'Report section the control is evaluated in.', resolve: (c) => c.section ?? null }),
  }),
});

const Metric = builder.objectRef<Content['sections'][number]['metrics'][number]>('Metric').implement({
  description: 'A measured value of the report, computed in SQL over the report\'s scope.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Metric identifier from the shared metric library.' }),
    label: t.exposeString('label', { description: 'What the metric measures.' }),
    unit: t.exposeString('unit', { description: 'count, percent, seconds, usd, score (0–100) or z (a robust z-score against a baseline).' }),
    value: t.float({ nullable: true, description: 'The value; null when there was nothing to measure.', resolve: (m) => m.value }),
  }),
});

const Truncation = builder.objectRef<{ shown: number; total: number }>('Truncation').implement({
  description: 'Says that a list was cut, and by how much: nothing is capped silently.',
  fields: (t) => ({
    shown: t.exposeInt('shown', { description: 'Rows shown.' }),
    total: t.exposeInt('total', { description: 'Rows there were.' }),
  }),
});

const ReportTable = builder.objectRef<Content['sections'][number]['tables'][number]>('ReportTable').implement({
  description: 'A table of a report section (agent risk, decisions per day, …).',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Table identifier.' }),
    title: t.exposeString('title', { description: 'Table title.' }),
    columns: t.exposeStringList('columns', { description: 'Column names.' }),
    rows: t.field({ type: 'JSON', description: 'Rows, each an array of cells in column order.', resolve: (tb) => tb.rows }),
    truncated: t.field({ type: Truncation, nullable: true, description: 'Set when the table shows fewer rows than there were.', resolve: (tb) => tb.truncated }),
  }),
});

const ReportSection = builder.objectRef<Content['sections'][number]>('ReportSection').implement({
  description: 'A section of a report: its metrics, tables and the ordinals of its findings.',
  fields: (t) => ({
    id: t.exposeString('id', { description: 'Section identifier.' }),
    title: t.exposeString('title', { description: 'Section title.' }),
    description: t.exposeString('description', { description: 'What the section covers.' }),
    metrics: t.field({ type: [Metric], description: 'Metrics of the section.', resolve: (s) => s.metrics }),
    tables: t.field({ type: [ReportTable], description: 'Tables of the section.', resolve: (s) => s.tables }),
    findingOrdinals: t.intList({ description: 'Ordinals of the section\'s findings (Finding.ordinal).', resolve: (s) => s.findings }),
  }),
});

const Recommendation = builder.objectRef<Content['recommendations'][number]>('Recommendation').implement({
  description: 'What to do about a failing or warning finding, most urgent first.',
  fields: (t) => ({
    controlId: t.exposeString('controlId', { description: 'Control the recommendation concerns.' }),
    severity: t.field({ type: FindingSeverity, description: 'Severity of the finding.', resolve: (r) => r.severity }),
    status: t.field({ type: FindingStatus, description: 'Status of the finding.', resolve: (r) => r.status }),
    findingOrdinal: t.int({ description: 'Ordinal of the finding.', resolve: (r) => r.finding }),
    text: t.exposeString('text', { description: 'The recommendation.' }),
  }),
});

const Gap = builder.objectRef<Content['integrity']['gaps'][number]>('MonitoringGap').implement({
  description: 'A stretch of the period without monitoring.',
  fields: (t) => ({
    start: t.field({ type: 'DateTime', description: 'Start of the gap.', resolve: (g) => g.start }),
    end: t.field({ type: 'DateTime', description: 'End of the gap.', resolve: (g) => g.end }),
    seconds: t.exposeInt('seconds', { description: 'Length of the gap in seconds.' }),
    reason: t.exposeString('reason', { description: 'gateway_disconnected or silence (no events for longer than the threshold).' }),
  }),
});

const Integrity = builder.objectRef<IntegrityParent>('ReportIntegrity').implement({
  description: 'What the report read and how to check it: coverage, gaps, hash, signature, watermark.',
  fields: (t) => ({
    eventCount: t.float({ description: 'Events analysed.', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.eventCount ?? 0 }),
    timeCoverage: t.float({ nullable: true, description: 'Percent of the observed period with monitoring active.', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.timeCoverage ?? null }),
    observedFrom: t.field({ type: 'DateTime', nullable: true, description: 'Start of the observed period.', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.observedFrom ?? null }),
    observedUntil: t.field({ type: 'DateTime', nullable: true, description: 'End of the observed period (the period end, or when the watermark event arrived).', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.observedUntil ?? null }),
    gaps: t.field({ type: [Gap], description: 'Monitoring gaps (at most 100 listed; gapCount says how many there were).', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.gaps ?? [] }),
    gapCount: t.int({ description: 'Number of monitoring gaps.', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.gapCount ?? 0 }),
    completeness: t.stringList({ description: 'Notes on completeness.', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.completeness ?? [] }),
    contentSha256: t.string({ nullable: true, description: 'SHA-256 (hex) of the report\'s RFC 8785 canonical content: recompute it from the JSON download.', resolve: (r) => r.contentSha256 }),
    signature: t.string({ nullable: true, description: 'Ed25519 signature (base64) of the content hash.', resolve: (r) => r.signature ?? null }),
    signatureKeyId: t.string({ nullable: true, description: 'Id of the organisation signing key (Organization.signingKeys).', resolve: (r) => r.signatureKeyId ?? null }),
    watermark: t.float({ nullable: true, description: 'Highest event sequence number the report read.', resolve: (r) => r.watermark }),
    chainLink: t.float({ nullable: true, description: 'Link number (a whole number) of the organisation\'s tamper-evident event chain when the report fixed its watermark: every event it read is at or before this link.', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.chain?.link ?? null }),
    chainHead: t.string({ nullable: true, description: 'SHA-256 head (hex) of the event chain at `chainLink`; `verify events --org` recomputes the chain from the rows.', resolve: async (r, _a, ctx) => (await integrityOf(r, ctx))?.chain?.head ?? null }),
    sampleSeed: t.string({ nullable: true, description: 'Seed of the reproducible evidence samples.', resolve: (r) => (r.contentSha256 ? r.sampleSeed : null) }),
    frameworkVersion: t.string({ nullable: true, description: 'Version of the framework definition used.', resolve: (r) => r.frameworkVersion }),
    generatorVersion: t.string({ nullable: true, description: 'Version of the generator used.', resolve: (r) => r.generatorVersion }),
  }),
});

const FindingFilter = builder.inputType('FindingFilter', {
  description: 'Which findings to list.',
  fields: (t) => ({
    statuses: t.field({ type: [FindingStatus], description: 'Only these statuses.' }),
    severities: t.field({ type: [FindingSeverity], description: 'Only these severities.' }),
    controlIds: t.stringList({ description: 'Only these control ids.' }),
  }),
});

export const Finding = builder.loadableNodeRef<FindingRow, string>('Finding', {
  id: { resolve: (f) => f.id },
  load: async (ids, ctx) => (await ctx.loaders.finding.loadMany(ids)).map((f) => f ?? notFound('Finding')),
});

Finding.implement({
  description: 'The result of one check of a control, with the events that support it.',
  authScopes: { can: 'finding:read' },
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal', { description: 'Position of the finding in its report.' }),
    report: t.field({
      type: Report,
      description: 'The report the finding belongs to.',
      resolve: (f) => f.report_id,
    }),
    control: t.field({
      type: Control,
      description: 'The control the finding evaluates.',
      resolve: (f) => ({ id: f.control_id, framework: f.framework, title: f.control_title, section: f.section }),
    }),
    section: t.exposeString('section', { description: 'Report section of the finding.' }),
    status: t.field({ type: FindingStatus, description: 'pass, warn, fail or not applicable.', resolve: (f) => f.status }),
    severity: t.field({ type: FindingSeverity, description: 'Severity.', resolve: (f) => f.severity }),
    category: t.exposeString('category', { description: 'Governance category, e.g. access_control.' }),
    title: t.exposeString('title', { description: 'What the check verifies.' }),
    description: t.exposeString('description', { description: 'What was found, with the measured value.' }),
    recommendation: t.string({ nullable: true, description: 'What to do, for warn and fail.', resolve: (f) => f.recommendation }),
    metric: t.string({ nullable: true, description: 'Metric the check measured.', resolve: (f) => f.metric }),
    value: t.float({ nullable: true, description: 'Measured value of the metric.', resolve: (f) => f.value }),
    evidenceSelector: t.string({ description: 'What the evidence is, in words.', resolve: (f) => selectors[toSelector(f.evidence_selector)].label }),
    evidenceCount: t.float({ description: 'Exact number of events in the evidence (the population, however large).', resolve: (f) => Number(f.evidence_count) }),
    evidence: t.field({
      type: AuditEventConnection,
      description: 'The events that support the finding, in time order, paginated with keyset cursors.',
      authScopes: { can: 'evidence:read' },
      args: {
        first: t.arg.int({ defaultValue: 20, description: `Page size, at most ${MAX_PAGE}.` }),
        after: t.arg.string({ description: 'Cursor of the last event of the previous page.' }),
      },
      resolve: async (f, args, ctx) => {
        const first = args.first ?? 20;
        if (first < 0 || first > MAX_PAGE) throw badInput('first', `first must be between 0 and ${MAX_PAGE}`);
        // Nothing to look up for a finding without evidence (most passing controls of a report),
        // nor for a first page that generation kept; later pages are keyset searches.
        const kept = Number(f.evidence_count) === 0 || first === 0
          ? { seqs: [], hasNextPage: Number(f.evidence_count) > 0 && first === 0 }
          : pageFromHead(f, first, args.after);
        if (kept) {
          const events = await loadEventsBySeq(ctx, kept.seqs);
          const cursors = events.map((e) => evidenceCursor(e.occurredAt, e.seq));
          return connection(events, cursors, { totalCount: Number(f.evidence_count), hasNextPage: kept.hasNextPage, hasPreviousPage: false });
        }
        const page = await ctx.loaders.evidencePage.load({ findingId: f.id, first, after: args.after ?? null });
        const events = await loadEventsBySeq(ctx, page.seqs);
        return connection(events, page.cursors, { ...page, totalCount: Number(f.evidence_count) });
      },
    }),
    evidenceSample: t.field({
      type: [AuditEvent],
      description: 'A reproducible random sample of the evidence, for auditors who test by sampling; the seed is in Report.integrity.sampleSeed.',
      authScopes: { can: 'evidence:read' },
      args: { size: t.arg.int({ required: true, description: `Sample size, 1–${MAX_PAGE}.` }) },
      resolve: async (f, { size }, ctx) => {
        const report = await ctx.loaders.reportScope.load(f.report_id);
        if (!report) return [];
        const seqs = await evidenceSample(ctx.services.database.sql, { findingId: f.id, selector: toSelector(f.evidence_selector), scope: evidenceScope(report.scope, f.evidence_agent), sampleSeed: report.sampleSeed }, size);
        return loadEventsBySeq(ctx, seqs);
      },
    }),
  }),
});

builder.objectFields(Report, (t) => ({
  summary: t.string({ nullable: true, description: 'The report in plain words.', resolve: (r) => (r as ReportParent).summary }),
  sections: t.field({ type: [ReportSection], description: 'Sections with metrics and tables.', resolve: async (r, _a, ctx) => (await loadContent(r as ReportParent, ctx))?.sections ?? [] }),
  recommendations: t.field({ type: [Recommendation], description: 'Recommendations from the failing and warning findings, most urgent first.', resolve: async (r, _a, ctx) => (await loadContent(r as ReportParent, ctx))?.recommendations ?? [] }),
  integrity: t.field({
    type: Integrity,
    nullable: true,
    description: 'Data integrity: coverage, gaps, hash, signature. Null until the report completes.',
    resolve: (r) => ((r as ReportParent).contentSha256 ? (r as ReportParent) : null),
  }),
  stale: t.boolean({
    description: 'True when events for this report\'s period and scope arrived after its watermark: regenerate before handing it to an auditor.',
    resolve: (r, _args, ctx) => ((r as ReportParent).watermark === null ? false : ctx.loaders.stale.load((r as ReportParent).id)),
  }),
  findings: t.connection(
    {
      type: Finding,
      description: 'Findings in report order, filterable by status, severity and control.',
      authScopes: { can: 'finding:read' },
      args: { filter: t.arg({ type: FindingFilter, description: 'Which findings.' }) },
      resolve: async (r, args, ctx) => {
        const page = await listFindings(ctx.services.database.sql, orgOf(ctx), (r as ReportParent).id, {
          statuses: args.filter?.statuses ?? undefined,
          severities: args.filter?.severities ?? undefined,
          controlIds: args.filter?.controlIds ?? undefined,
        }, { first: args.first ?? 50, after: args.after });
        for (const f of page.nodes) ctx.loaders.finding.prime(f.id, f);
        return connection(page.nodes, page.nodes.map((node) => page.cursorOf(node)), page);
      },
    },
    {
      description: 'A page of findings.',
      fields: (c) => ({ totalCount: c.int({ description: 'Findings matching the filter.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }),
    },
  ),
}));

builder.objectField(AuditEvent, 'findings', (t) =>
  t.field({
    type: [Finding],
    description: 'Findings of completed reports this event is evidence of.',
    authScopes: { can: 'finding:read' },
    resolve: async (event, _args, ctx) => {
      const ids = await ctx.loaders.findingsOfEvent.load(Number((event as { seq: number }).seq));
      const rows = await ctx.loaders.finding.loadMany(ids);
      return rows.filter((r): r is FindingRow => r !== null && !(r instanceof Error));
    },
  }),
);
