/**
 * Compliance packages: request, follow (progress subscription), list,
 * cancel, delete; the PDF and zip are downloaded over HTTP
 * (src/http/package-downloads.ts).
 */
import { notFound } from '../errors.ts';
import { orgOf, type Context } from './context.ts';
import { exportsByIds } from '../exports/exports.ts';
import {
  cancelPackage,
  deletePackage,
  FINAL_PACKAGE_STATES,
  getPackage,
  listPackages,
  packageChange,
  packagesByIds,
  requestPackage,
  type PackageRecord,
} from '../packages/packages.ts';
import type { ReportChange } from '../realtime/pubsub.ts';
import { reportsByIds } from '../reports/lifecycle.ts';
import { globalId } from '../ids.ts';
import { builder } from './builder.ts';
import { DataExport, ExportFormat, ExportKind } from './exports.ts';
import { Period, PeriodInput, Progress, Report, ReportStatus } from './reports.ts';
import { keysetConnection } from './connection.ts';

const requester = (ctx: Context) => ({ orgId: orgOf(ctx), name: ctx.principal!.keyName, actorId: ctx.principal!.keyId });

export const PackageFileKind = builder.enumType('PackageFile', {
  description: 'The two files of a compliance package.',
  values: {
    PDF: { value: 'pdf' as const, description: 'One document: cover, contents, every report, the exports and their hashes.' },
    ZIP: { value: 'zip' as const, description: 'Every report in every format, the exports with their signed manifests, the PDF, and one signed manifest of every file.' },
  },
});

const PackageDownload = builder.objectRef<{ file: 'pdf' | 'zip'; url: string; sizeBytes: number; sha256: string; pageCount: number | null }>('PackageDownload').implement({
  description: 'A file of a completed package.',
  fields: (t) => ({
    file: t.field({ type: PackageFileKind, description: 'Which file.', resolve: (d) => d.file }),
    url: t.exposeString('url', { description: 'Where to download it (API key with role admin or auditor).' }),
    sizeBytes: t.exposeFloat('sizeBytes', { description: 'Size in bytes.' }),
    sha256: t.exposeString('sha256', { description: "SHA-256 of the file's bytes (hex); the zip's manifest lists the PDF's." }),
    pageCount: t.exposeInt('pageCount', { nullable: true, description: 'Pages of the PDF; null for the zip.' }),
  }),
});

const PackageScope = builder.objectRef<PackageRecord>('PackageScope').implement({
  description: 'What every report and export of a package covers beside its period.',
  fields: (t) => ({
    environment: t.string({ nullable: true, description: 'Only this environment; null for all.', resolve: (r) => r.environment }),
    agentIds: t.stringList({ description: 'Only these agents; empty for all.', resolve: (r) => r.agentIds }),
  }),
});

export const CompliancePackage = builder.loadableNodeRef<PackageRecord, string>('CompliancePackage', {
  id: { resolve: (r) => r.id },
  load: async (ids, ctx: Context) => (await packagesByIds(ctx.services.database.db, orgOf(ctx), ids)).map((r) => r ?? notFound('Compliance package')),
});

CompliancePackage.implement({
  description: 'The reports of several frameworks and data exports over one period and scope, delivered as one PDF and one zip with one manifest and one signature.',
  authScopes: { can: 'package:read' },
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Title on the cover.' }),
    status: t.field({ type: ReportStatus, description: 'pending → generating → completed | failed | cancelled; expired once retention deleted the files.', resolve: (r) => r.status }),
    progress: t.field({ type: Progress, description: 'How far the package has come (waiting for its parts, rendering, signing).', resolve: (r) => ({ percent: r.progressPercent, stage: r.progressStage, message: r.progressMessage }) }),
    period: t.field({ type: Period, description: 'Period every part covers.', resolve: (r) => ({ start: r.periodStart, end: r.periodEnd }) }),
    scope: t.field({ type: PackageScope, description: 'Environment and agents every part covers.', resolve: (r) => r } ),
    frameworks: t.stringList({ description: 'Report types, in the order of the package.', resolve: (r) => r.frameworks }),
    exportKinds: t.field({ type: [ExportKind], description: 'Data exports it holds.', resolve: (r) => r.exportKinds as Array<'audit_log'> }),
    exportFormat: t.field({ type: ExportFormat, description: 'Format of its data exports.', resolve: (r) => r.exportFormat }),
    reports: t.field({
      type: [Report],
      description: 'Its reports, in the order of frameworks (a report deleted since is left out).',
      resolve: async (r, _args, ctx) => (await reportsByIds(ctx.services.database.db, orgOf(ctx), r.reportIds)).filter((x) => x !== null),
    }),
    dataExports: t.field({
      type: [DataExport],
      description: 'Its data exports, in the order of exportKinds (one deleted since is left out).',
      resolve: async (r, _args, ctx) => (await exportsByIds(ctx.services.database.db, orgOf(ctx), r.exportIds)).filter((x) => x !== null),
    }),
    downloads: t.field({
      type: [PackageDownload],
      description: 'The PDF and the zip, once completed; empty before and after retention.',
      resolve: (r, _args, ctx) => {
        if (r.status !== 'completed') return [];
        const base = `${(ctx.services.config.PUBLIC_URL ?? '').replace(/\/+$/, '')}/packages/${r.id}/download`;
        return [
          { file: 'pdf' as const, url: `${base}?file=pdf`, sizeBytes: r.pdfSizeBytes!, sha256: r.pdfSha256!, pageCount: r.pdfPageCount },
          { file: 'zip' as const, url: `${base}?file=zip`, sizeBytes: r.zipSizeBytes!, sha256: r.zipSha256!, pageCount: null },
        ];
      },
    }),
    signature: t.string({ nullable: true, description: "Ed25519 signature (base64) of the zip's manifest.json.", resolve: (r) => r.signature }),
    signatureKeyId: t.string({ nullable: true, description: 'Id of the signing key (Organization.signingKeys).', resolve: (r) => r.signatureKeyId }),
    error: t.string({ nullable: true, description: 'Why it failed (which part).', resolve: (r) => r.error }),
    createdBy: t.exposeString('createdBy', { description: 'Name of the API key (or schedule) that requested it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was requested.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When a worker started it.' }),
    completedAt: t.expose('completedAt', { type: 'DateTime', nullable: true, description: 'When it finished.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: "When retention deletes the files (the organisation's retention period after completion)." }),
  }),
});

const RequestCompliancePackageInput = builder.inputType('RequestCompliancePackageInput', {
  description: 'What a package holds: one report per framework and the data exports, all over the same period and scope.',
  fields: (t) => ({
    frameworks: t.stringList({ required: true, description: 'Report types (as for generateReport), 1 to 12, each once; the package keeps this order.' }),
    period: t.field({ type: PeriodInput, description: 'Period; defaults to the last 30 days.' }),
    environment: t.string({ description: 'Only this environment.' }),
    agentIds: t.stringList({ description: 'Only these agents.' }),
    exportKinds: t.field({ type: [ExportKind], description: 'Data exports to include (none by default).' }),
    exportFormat: t.field({ type: ExportFormat, description: 'Format of the data exports; CSV by default.' }),
    title: t.string({ description: 'Title on the cover; defaults to the frameworks and the period.' }),
    deliverTo: t.idList({ description: 'Storage targets (StorageTarget.id) the PDF, the zip and the signed manifest are uploaded to once the package completes.' }),
  }),
});

builder.mutationFields((t) => ({
  requestCompliancePackage: t.field({
    type: CompliancePackage,
    description: 'Requests a package: its reports and exports are requested at once (they appear in reports and dataExports too), and a worker assembles the package when they are done. Follow it with compliancePackageProgress.',
    authScopes: { can: 'package:create' },
    args: { input: t.arg({ type: RequestCompliancePackageInput, required: true, description: 'Frameworks, period, scope and exports.' }) },
    resolve: (_root, { input }, ctx) => requestPackage(ctx.services, requester(ctx), { ...input, deliverTo: input.deliverTo?.map(String) ?? null }),
  }),
  cancelCompliancePackage: t.field({
    type: CompliancePackage,
    description: 'Cancels a pending or generating package, and with it its reports and exports still pending or generating (finished ones stay).',
    authScopes: { can: 'package:manage' },
    args: { id: t.arg.globalID({ required: true, description: 'Package id.' }) },
    resolve: (_root, { id }, ctx) => cancelPackage(ctx.services, requester(ctx), id.typename === 'CompliancePackage' ? id.id : ''),
  }),
  deleteCompliancePackage: t.field({
    type: CompliancePackage,
    description: 'Deletes a package and its files; its finished reports and exports stay, those still running are cancelled (the audit trail records it).',
    authScopes: { can: 'package:manage' },
    args: { id: t.arg.globalID({ required: true, description: 'Package id.' }) },
    resolve: (_root, { id }, ctx) => deletePackage(ctx.services, requester(ctx), id.typename === 'CompliancePackage' ? id.id : ''),
  }),
}));

builder.queryField('compliancePackages', (t) =>
  t.connection(
    {
      type: CompliancePackage,
      description: 'Compliance packages of the organisation, newest first.',
      authScopes: { can: 'package:read' },
      resolve: async (_root, args, ctx) => {
        const page = await listPackages(ctx.services.database.db, orgOf(ctx), args);
        for (const r of page.nodes) CompliancePackage.getDataloader(ctx).prime(r.id, r);
        return keysetConnection(page);
      },
    },
    {
      description: 'A page of compliance packages.',
      fields: (c) => ({ totalCount: c.int({ description: 'Packages of the organisation.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }),
    },
  ),
);

const CompliancePackageEvent = builder.objectRef<ReportChange>('CompliancePackageEvent').implement({
  description: 'A change of a compliance package: status and progress, as it happened.',
  fields: (t) => ({
    packageId: t.field({ type: 'ID', description: 'Global id of the package.', resolve: (c) => globalId('CompliancePackage', c.reportId) }),
    status: t.field({ type: ReportStatus, description: 'Status after the change.', resolve: (c) => c.status as PackageRecord['status'] }),
    percent: t.exposeInt('percent', { description: '0–100.' }),
    stage: t.exposeString('stage', { description: 'queued, waiting (for its reports and exports), assembling, rendering, signing, completed, failed or cancelled.' }),
    message: t.exposeString('message', { description: 'What is happening.' }),
    at: t.field({ type: 'DateTime', description: 'When it happened.', resolve: (c) => c.at }),
    compliancePackage: t.field({ type: CompliancePackage, nullable: true, description: 'The package as it is now; null once deleted.', resolve: (c) => (c.deleted ? null : c.reportId) }),
  }),
});

builder.subscriptionField('compliancePackageProgress', (t) =>
  t.field({
    type: CompliancePackageEvent,
    description: 'Every status and progress change of one package: the current state first, then each change; ends when it completes, fails, is cancelled or deleted.',
    authScopes: { can: 'package:read' },
    args: { id: t.arg.globalID({ required: true, description: 'Package id.' }) },
    subscribe: (_root, { id }, ctx) => packageProgressStream(ctx, id.typename === 'CompliancePackage' ? id.id : ''),
    resolve: (change) => change,
  }),
);

async function* packageProgressStream(ctx: Context, packageId: string): AsyncGenerator<ReportChange> {
  const changes = ctx.services.realtime.subscribe({ orgId: orgOf(ctx), reportId: packageId, subject: 'package' });
  try {
    const current = await getPackage(ctx.services.database.db, orgOf(ctx), packageId);
    yield packageChange(current);
    if (FINAL_PACKAGE_STATES.has(current.status)) return;
    for await (const change of changes) {
      yield change;
      if (FINAL_PACKAGE_STATES.has(change.status) || change.deleted) return;
    }
  } finally {
    await changes.return?.();
  }
}
