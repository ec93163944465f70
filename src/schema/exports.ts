/**
 * Data exports: request, follow (progress subscription), list, cancel,
 * delete; the file itself is downloaded over HTTP (src/http/export-downloads.ts).
 */
import { notFound } from '../errors.ts';
import { actorOf, orgOf, type Context } from './context.ts';
import {
  cancelExport,
  deleteExport,
  exportChange,
  exportsByIds,
  FINAL_EXPORT_STATES,
  getExport,
  listExports,
  requestExport,
  type ExportRecord,
} from '../exports/exports.ts';
import { EXPORT_FORMATS, EXPORT_KINDS, KINDS } from '../exports/kinds.ts';
import type { ReportChange } from '../realtime/pubsub.ts';
import { globalId } from '../ids.ts';
import { builder } from './builder.ts';
import { Period, PeriodInput, Progress, ReportStatus } from './reports.ts';
import { keysetConnection } from './connection.ts';


const enumOf = <T extends string>(name: string, description: string, values: readonly T[], describe: (v: T) => string) =>
  builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v, description: describe(v) }])) as Record<Uppercase<T>, { value: T; description: string }>,
  });

export const ExportKind = enumOf('ExportKind', 'What an export contains.', EXPORT_KINDS, (k) => `${KINDS[k].title}: ${KINDS[k].description}.`);
export const ExportFormat = enumOf('ExportFormat', 'File format of an export.', EXPORT_FORMATS, (f) =>
  ({ csv: 'CSV (RFC 4180, UTF-8 with BOM), cells escaped against formula injection', json: 'One JSON array of objects', ndjson: 'One JSON object per line', parquet: 'Apache Parquet (Snappy), times as UTC milliseconds' })[f],
);

const ExportFiltersRef = builder.objectRef<ExportRecord['filters']>('ExportFilters').implement({
  description: 'The filters an export applied beside its period (empty lists: no filter).',
  fields: (t) => ({
    environment: t.string({ nullable: true, description: 'Only this environment.', resolve: (f) => f.environment ?? null }),
    agentIds: t.stringList({ description: 'Only these agents.', resolve: (f) => f.agentIds ?? [] }),
    severities: t.stringList({ description: 'Only these severities.', resolve: (f) => f.severities ?? [] }),
    decisions: t.stringList({ description: 'Only these decisions.', resolve: (f) => f.decisions ?? [] }),
    categories: t.stringList({ description: 'Only these categories.', resolve: (f) => f.categories ?? [] }),
    sources: t.stringList({ description: 'Only events from these gateways or source systems.', resolve: (f) => f.sources ?? [] }),
  }),
});

export const DataExport = builder.loadableNodeRef<ExportRecord, string>('DataExport', {
  id: { resolve: (r) => r.id },
  load: async (ids, ctx: Context) => (await exportsByIds(ctx.services.database.db, orgOf(ctx), ids)).map((r) => r ?? notFound('Data export')),
});

DataExport.implement({
  description: 'A file of raw audit records (audit log, gateway decisions, escalations, configuration changes) over a period, signed and hashed.',
  authScopes: { can: 'export:read' },
  fields: (t) => ({
    kind: t.field({ type: ExportKind, description: 'What it contains.', resolve: (r) => r.kind }),
    format: t.field({ type: ExportFormat, description: 'File format.', resolve: (r) => r.format }),
    status: t.field({ type: ReportStatus, description: 'pending → generating → completed | failed | cancelled; expired once retention deleted the file.', resolve: (r) => r.status }),
    progress: t.field({ type: Progress, description: 'How far the export has come.', resolve: (r) => ({ percent: r.progressPercent, stage: r.progressStage, message: r.progressMessage }) }),
    period: t.field({ type: Period, description: 'Period covered (by the time each record occurred).', resolve: (r) => ({ start: r.periodStart, end: r.periodEnd }) }),
    filters: t.field({ type: ExportFiltersRef, description: 'Filters applied.', resolve: (r) => r.filters }),
    rowCount: t.int({ nullable: true, description: 'Records in the file, once completed.', resolve: (r) => r.rowCount }),
    sizeBytes: t.float({ nullable: true, description: 'Size of the file in bytes, once completed.', resolve: (r) => r.sizeBytes }),
    sha256: t.string({ nullable: true, description: "SHA-256 of the file's bytes (hex), as listed in the signed manifest.", resolve: (r) => r.sha256 }),
    signature: t.string({ nullable: true, description: "Ed25519 signature (base64) of the manifest's bytes (GET /exports/:id/manifest).", resolve: (r) => r.signature }),
    signatureKeyId: t.string({ nullable: true, description: 'Id of the signing key (Organization.signingKeys).', resolve: (r) => r.signatureKeyId }),
    downloadUrl: t.string({
      nullable: true,
      description: 'Where to download the file (API key with role admin or auditor); `?as=bundle` gives a zip with the signed manifest. Null until completed.',
      resolve: (r, _args, ctx) => (r.status === 'completed' ? `${(ctx.services.config.PUBLIC_URL ?? '').replace(/\/+$/, '')}/exports/${r.id}/download` : null),
    }),
    error: t.string({ nullable: true, description: 'Why it failed.', resolve: (r) => r.error }),
    createdBy: t.exposeString('createdBy', { description: 'Name of the API key (or schedule) that requested it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was requested.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When a worker started it.' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: 'When it finished.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When retention deletes the file (the organisation\'s retention period after completion).' }),
  }),
});

const RequestDataExportInput = builder.inputType('RequestDataExportInput', {
  description: 'What to export. Filters left out do not filter.',
  fields: (t) => ({
    kind: t.field({ type: ExportKind, required: true, description: 'What to export.' }),
    format: t.field({ type: ExportFormat, required: true, description: 'File format.' }),
    period: t.field({ type: PeriodInput, description: 'Period; defaults to the last 30 days.' }),
    environment: t.string({ description: 'Only this environment.' }),
    agentIds: t.stringList({ description: 'Only these agents.' }),
    severities: t.stringList({ description: 'Only these severities (info, low, medium, high, critical).' }),
    decisions: t.stringList({ description: 'Only these decisions (allow, deny, alert, hold).' }),
    categories: t.stringList({ description: 'Only these event categories.' }),
    sources: t.stringList({ description: 'Only events sent by these gateways or source systems (AuditEvent.source).' }),
    deliverTo: t.idList({ description: 'Storage targets (StorageTarget.id) the file, its manifest and signature are uploaded to once it completes.' }),
  }),
});

builder.mutationFields((t) => ({
  requestDataExport: t.field({
    type: DataExport,
    description: 'Requests an export; it is returned pending and a worker writes it (follow it with dataExportProgress).',
    authScopes: { can: 'export:create' },
    args: { input: t.arg({ type: RequestDataExportInput, required: true, description: 'Kind, format, period and filters.' }) },
    resolve: (_root, { input }, ctx) => requestExport(ctx.services, actorOf(ctx), { ...input, deliverTo: input.deliverTo?.map(String) ?? null }),
  }),
  cancelDataExport: t.field({
    type: DataExport,
    description: 'Cancels a pending or generating export.',
    authScopes: { can: 'export:manage' },
    args: { id: t.arg.globalID({ required: true, description: 'Export id.' }) },
    resolve: (_root, { id }, ctx) => cancelExport(ctx.services, actorOf(ctx), id.typename === 'DataExport' ? id.id : ''),
  }),
  deleteDataExport: t.field({
    type: DataExport,
    description: 'Deletes an export and its file (the audit trail records it).',
    authScopes: { can: 'export:manage' },
    args: { id: t.arg.globalID({ required: true, description: 'Export id.' }) },
    resolve: (_root, { id }, ctx) => deleteExport(ctx.services, actorOf(ctx), id.typename === 'DataExport' ? id.id : ''),
  }),
}));

builder.queryField('dataExports', (t) =>
  t.connection(
    {
      type: DataExport,
      description: 'Data exports of the organisation, newest first.',
      authScopes: { can: 'export:read' },
      resolve: async (_root, args, ctx) => {
        const page = await listExports(ctx.services.database.db, orgOf(ctx), args);
        for (const r of page.nodes) DataExport.getDataloader(ctx).prime(r.id, r);
        return keysetConnection(page);
      },
    },
    {
      description: 'A page of data exports.',
      fields: (c) => ({ totalCount: c.int({ description: 'Exports of the organisation.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }),
    },
  ),
);

const DataExportEvent = builder.objectRef<ReportChange>('DataExportEvent').implement({
  description: 'A change of a data export: status and progress, as it happened.',
  fields: (t) => ({
    exportId: t.field({ type: 'ID', description: 'Global id of the export.', resolve: (c) => globalId('DataExport', c.reportId) }),
    status: t.field({ type: ReportStatus, description: 'Status after the change.', resolve: (c) => c.status as ExportRecord['status'] }),
    percent: t.exposeInt('percent', { description: '0–100.' }),
    stage: t.exposeString('stage', { description: 'queued, exporting, signing, completed, failed or cancelled.' }),
    message: t.exposeString('message', { description: 'What is happening (rows and bytes written so far).' }),
    at: t.field({ type: 'DateTime', description: 'When it happened.', resolve: (c) => c.at }),
    dataExport: t.field({ type: DataExport, nullable: true, description: 'The export as it is now; null once deleted.', resolve: (c) => (c.deleted ? null : c.reportId) }),
  }),
});

builder.subscriptionField('dataExportProgress', (t) =>
  t.field({
    type: DataExportEvent,
    description: 'Every status and progress change of one export: the current state first, then each change; ends when it completes, fails, is cancelled or deleted.',
    authScopes: { can: 'export:read' },
    args: { id: t.arg.globalID({ required: true, description: 'Export id.' }) },
    subscribe: (_root, { id }, ctx) => exportProgressStream(ctx, id.typename === 'DataExport' ? id.id : ''),
    resolve: (change) => change,
  }),
);

async function* exportProgressStream(ctx: Context, exportId: string): AsyncGenerator<ReportChange> {
  const changes = ctx.services.realtime.subscribe({ orgId: orgOf(ctx), reportId: exportId, subject: 'export' });
  try {
    const current = await getExport(ctx.services.database.db, orgOf(ctx), exportId);
    yield exportChange(current);
    if (FINAL_EXPORT_STATES.has(current.status)) return;
    for await (const change of changes) {
      yield change;
      if (FINAL_EXPORT_STATES.has(change.status) || change.deleted) return;
    }
  } finally {
    await changes.return?.();
  }
}
