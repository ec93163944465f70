/**
 * Reports: the lifecycle face (status, progress, versions), listing, the
 * mutations that request and manage them, and the live subscriptions.
 */
import { actorOf, orgOf, type Context } from './context.ts';
import { notFound } from '../errors.ts';
import {
  cancelReport,
  createReport,
  deleteReport,
  getReport,
  listReports,
  regenerateReport,
  reportsByIds,
  reportVersions,
  type ReportRow,
  type ReportStatus as Status,
} from '../reports/lifecycle.ts';
import type { ReportChange } from '../realtime/pubsub.ts';
import { changeOf } from '../reports/store.ts';
import { reproduceReport, type Reproduction } from '../reports/reproduce.ts';
import { globalId } from '../ids.ts';
import { builder } from './builder.ts';
import { keysetConnection } from './connection.ts';

const STATUSES = ['pending', 'generating', 'completed', 'failed', 'cancelled', 'expired'] as const;
const FINAL = new Set<string>(['completed', 'failed', 'cancelled', 'expired']);

export const ReportStatus = builder.enumType('ReportStatus', {
  description: 'pending → generating → completed | failed | cancelled; expired once its files pass retention.',
  values: Object.fromEntries(STATUSES.map((s) => [s.toUpperCase(), { value: s }])) as Record<Uppercase<(typeof STATUSES)[number]>, { value: (typeof STATUSES)[number] }>,
});


export const Progress = builder.objectRef<{ percent: number; stage: string; message: string }>('ReportProgress').implement({
  description: 'How far generation has come.',
  fields: (t) => ({
    percent: t.exposeInt('percent', { description: '0–100.' }),
    stage: t.exposeString('stage', { description: 'queued, collecting, evaluating, scoring, writing, completed, failed or cancelled.' }),
    message: t.exposeString('message', { description: 'What is happening, in words.' }),
  }),
});

export const Period = builder.objectRef<{ start: Date; end: Date }>('Period').implement({
  description: 'A half-open interval of time [start, end).',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime', description: 'Start, included.' }),
    end: t.expose('end', { type: 'DateTime', description: 'End, excluded.' }),
  }),
});

const ReproductionRef = builder.objectRef<Reproduction>('ReportReproduction').implement({
  description: 'A rebuild of a report version at its own watermark, compared byte for byte with the signed content.',
  fields: (t) => ({
    checkedAt: t.field({ type: 'DateTime', description: 'When it was rebuilt.', resolve: (r) => new Date(r.checkedAt) }),
    identical: t.exposeBoolean('identical', { description: 'True when the rebuilt canonical content is byte-identical to the signed content.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the rebuilt canonical content (equal to the content hash when identical).' }),
    differences: t.exposeStringList('differences', { description: 'Top-level parts of the content that differ, e.g. findings; empty when identical.' }),
  }),
});

export const Report = builder.loadableNodeRef<ReportRow, string>('Report', {
  id: { resolve: (r) => r.id },
  load: async (ids, ctx: Context) => (await reportsByIds(ctx.services.database.db, orgOf(ctx), ids)).map((r) => r ?? notFound('Report')),
});

Report.implement({
  description: 'A compliance report over a period and scope, built from the audit trail.',
  authScopes: { can: 'report:read' },
  fields: (t) => ({
    type: t.exposeString('type', { description: 'Report type, e.g. soc2 (see the frameworks query).' }),
    title: t.exposeString('title', { description: 'Title.' }),
    status: t.field({ type: ReportStatus, description: 'Where the report is in its life.', resolve: (r) => r.status }),
    progress: t.field({ type: Progress, description: 'Progress of generation.', resolve: (r) => ({ percent: r.progressPercent, stage: r.progressStage, message: r.progressMessage }) }),
    period: t.field({ type: Period, description: 'Period covered.', resolve: (r) => ({ start: r.periodStart, end: r.periodEnd }) }),
    environment: t.string({ nullable: true, description: 'Environment scope; null for all.', resolve: (r) => r.environment }),
    agents: t.stringList({ description: 'Agent ids in scope; empty for all.', resolve: (r) => r.agentIds }),
    dataSubject: t.string({ nullable: true, description: 'Data subject of a DSAR export.', resolve: (r) => (r.parameters as { dataSubject?: string }).dataSubject ?? null }),
    score: t.int({ nullable: true, description: '0–100 from the findings, weighted by severity; null until completed or when nothing applied.', resolve: (r) => r.score }),
    grade: t.string({ nullable: true, description: 'Letter grade of the score (A+ … F).', resolve: (r) => r.grade }),
    version: t.exposeInt('version', { description: 'Version within its lineage (1 for the first).' }),
    previousVersion: t.field({
      type: Report,
      nullable: true,
      description: 'The version this one regenerated.',
      resolve: (r) => r.previousVersionId,
    }),
    versions: t.field({
      type: [Report],
      description: 'Every version of this report, oldest first.',
      resolve: (r, _args, ctx) => reportVersions(ctx.services.database.db, orgOf(ctx), r.lineageId),
    }),
    error: t.string({ nullable: true, description: 'Why generation failed.', resolve: (r) => r.error }),
    reproduction: t.field({
      type: ReproductionRef,
      nullable: true,
      description: 'The last rebuild of this version at its watermark (reproduceReport); null if never.',
      resolve: (r) => (r.reproduction as Reproduction | null) ?? null,
    }),
    createdBy: t.exposeString('createdBy', { description: 'Name of the API key (or schedule) that requested it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was requested.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When a worker started it.' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: 'When it finished.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When its files pass retention.' }),
  }),
});

const ReportFilter = builder.inputType('ReportFilter', {
  description: 'Which reports to list.',
  fields: (t) => ({
    type: t.string({ description: 'Only this report type.' }),
    status: t.field({ type: ReportStatus, description: 'Only this status.' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Requested after this instant.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Requested before this instant.' }),
  }),
});

builder.queryField('reports', (t) =>
  t.connection(
    {
      type: Report,
      description: 'Reports of the organisation, newest first.',
      authScopes: { can: 'report:read' },
      args: { filter: t.arg({ type: ReportFilter, description: 'Which reports.' }) },
      resolve: async (_root, args, ctx) => {
        const page = await listReports(ctx.services.database.db, orgOf(ctx), args.filter ?? {}, args);
        for (const r of page.nodes) Report.getDataloader(ctx).prime(r.id, r);
        return keysetConnection(page);
      },
    },
    {
      description: 'A page of reports.',
      fields: (c) => ({ totalCount: c.int({ description: 'Reports matching the filter.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }),
    },
  ),
);

builder.queryField('report', (t) =>
  t.field({
    type: Report,
    nullable: true,
    description: 'One report by id; NOT_FOUND when it does not exist in this organisation (another organisation\'s id answers the same).',
    authScopes: { can: 'report:read' },
    args: { id: t.arg.globalID({ required: true, description: 'Report id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const row = id.typename === 'Report' ? (await reportsByIds(ctx.services.database.db, orgOf(ctx), [id.id]))[0] : null;
      if (!row) throw notFound('Report');
      return row;
    },
  }),
);

export const PeriodInput = builder.inputType('PeriodInput', {
  description: 'A period; omitted parts default to the last 30 days ending now.',
  fields: (t) => ({
    start: t.field({ type: 'DateTime', description: 'Start, included.' }),
    end: t.field({ type: 'DateTime', description: 'End, excluded.' }),
  }),
});

const GenerateReportInput = builder.inputType('GenerateReportInput', {
  description: 'What to report on.',
  fields: (t) => ({
    type: t.string({ required: true, description: 'Report type, e.g. soc2 (see the frameworks query).' }),
    period: t.field({ type: PeriodInput, description: 'Period; defaults to the last 30 days.' }),
    environment: t.string({ description: 'Only this environment.' }),
    agentIds: t.stringList({ description: 'Only these agents.' }),
    title: t.string({ description: 'Title; a default names the framework and period.' }),
    dataSubject: t.string({ description: 'Data subject of a GDPR access export (gdpr_dsar).' }),
    deliverTo: t.idList({ description: 'Storage targets (StorageTarget.id) the report\'s files are uploaded to once it completes.' }),
  }),
});

builder.mutationField('generateReport', (t) =>
  t.field({
    type: Report,
    description: 'Requests a report; it is returned pending and a worker builds it (follow it with reportProgress).',
    authScopes: { can: 'report:create' },
    args: { input: t.arg({ type: GenerateReportInput, required: true, description: 'Type, period and scope.' }) },
    resolve: (_root, { input }, ctx) => createReport(ctx.services, actorOf(ctx), { ...input, deliverTo: input.deliverTo?.map(String) ?? null }),
  }),
);

builder.mutationFields((t) => ({
  regenerateReport: t.field({
    type: Report,
    description: 'Builds a new version of a finished report for the same scope, linked to it.',
    authScopes: { can: 'report:create' },
    args: { id: t.arg.globalID({ required: true, description: 'Report id.' }) },
    resolve: (_root, { id }, ctx) => regenerateReport(ctx.services, actorOf(ctx), id.typename === 'Report' ? id.id : ''),
  }),
  reproduceReport: t.field({
    type: ReproductionRef,
    description: 'Rebuilds a completed version at its own watermark and says whether its content is byte-identical to what was signed; the result is kept with the report and shown in the integrity section of its files (admin and auditor).',
    authScopes: { can: 'report:reproduce' },
    args: { id: t.arg.globalID({ required: true, description: 'Report id.' }) },
    resolve: (_root, { id }, ctx) => reproduceReport(ctx.services, actorOf(ctx), id.typename === 'Report' ? id.id : ''),
  }),
  cancelReport: t.field({
    type: Report,
    description: 'Cancels a pending or generating report.',
    authScopes: { can: 'report:manage' },
    args: { id: t.arg.globalID({ required: true, description: 'Report id.' }) },
    resolve: (_root, { id }, ctx) => cancelReport(ctx.services, actorOf(ctx), id.typename === 'Report' ? id.id : ''),
  }),
  deleteReport: t.field({
    type: Report,
    description: 'Deletes a report (it disappears from every list; the audit trail records it).',
    authScopes: { can: 'report:manage' },
    args: { id: t.arg.globalID({ required: true, description: 'Report id.' }) },
    resolve: (_root, { id }, ctx) => deleteReport(ctx.services, actorOf(ctx), id.typename === 'Report' ? id.id : ''),
  }),
}));

const ReportEvent = builder.objectRef<ReportChange>('ReportEvent').implement({
  description: 'A change of a report: status and progress, as it happened.',
  fields: (t) => ({
    reportId: t.field({ type: 'ID', description: 'Global id of the report.', resolve: (c) => globalId('Report', c.reportId) }),
    status: t.field({ type: ReportStatus, description: 'Status after the change.', resolve: (c) => c.status as Status }),
    percent: t.exposeInt('percent', { description: '0–100.' }),
    stage: t.exposeString('stage', { description: 'Stage of generation.' }),
    message: t.exposeString('message', { description: 'What is happening.' }),
    deleted: t.exposeBoolean('deleted', { description: 'The report was deleted by this change; no further changes follow.' }),
    at: t.field({ type: 'DateTime', description: 'When it happened.', resolve: (c) => c.at }),
    report: t.field({ type: Report, nullable: true, description: 'The report as it is now; null once deleted.', resolve: (c) => (c.deleted ? null : c.reportId) }),
  }),
});

builder.subscriptionType({ description: 'Live updates over graphql-ws (WebSocket) or SSE on /graphql.' });

builder.subscriptionFields((t) => ({
  reportProgress: t.field({
    type: ReportEvent,
    description: 'Every status and progress change of one report: the current state first, then each change; ends when the report completes, fails, is cancelled or deleted.',
    authScopes: { can: 'report:read' },
    args: { id: t.arg.globalID({ required: true, description: 'Report id.' }) },
    subscribe: (_root, { id }, ctx) => progressStream(ctx, id.typename === 'Report' ? id.id : ''),
    resolve: (change) => change,
  }),
  reportUpdates: t.field({
    type: ReportEvent,
    description: 'Every report change in the organisation.',
    authScopes: { can: 'report:read' },
    subscribe: (_root, _args, ctx) => ctx.services.realtime.subscribe({ orgId: orgOf(ctx) }),
    resolve: (change) => change,
  }),
}));

const sameState = (a: ReportChange, b: ReportChange) =>
  a.status === b.status && a.percent === b.percent && a.stage === b.stage && a.message === b.message && a.deleted === b.deleted;

async function* progressStream(ctx: Context, reportId: string): AsyncGenerator<ReportChange> {
  // Subscribe before reading the current state, so no change falls in between.
  const changes = ctx.services.realtime.subscribe({ orgId: orgOf(ctx), reportId });
  try {
    const current = await getReport(ctx.services.database.db, orgOf(ctx), reportId);
    let last = changeOf(current);
    yield last;
    if (FINAL.has(current.status)) return;
    for await (const change of changes) {
      // A change already told (the state read above, or a resync after a reconnect) is not told twice.
      if (sameState(change, last)) continue;
      last = change;
      yield change;
      if (FINAL.has(change.status) || change.deleted) return;
    }
  } finally {
    await changes.return?.();
  }
}
