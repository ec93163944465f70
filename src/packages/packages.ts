/**
 * Compliance packages: one deliverable for one period and scope that holds
 * the reports of several frameworks and data exports, with one cover, one
 * table of contents, one manifest and one signature, as a PDF and a zip.
 *
 * A request creates the parts first, as ordinary reports and exports (each
 * validated and enqueued by its own domain, so they start building at
 * once), then the package row with its job in one transaction. The job
 * (build.ts) waits for the parts and assembles the two files.
 * Every function is scoped to the caller's organisation.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, isNull, lt, sql as dsql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { fromDrizzle } from 'pg-boss';
import { checkTargets } from '../accounts/storage-targets.ts';
import type { Db, Tx } from '../db/client.ts';
import { compliancePackages, packageFiles } from '../db/schema.ts';
import { badInput, notFound } from '../errors.ts';
import { byOrg, recordServiceEventIn } from '../events/ingest.ts';
import { cancelActiveExportsIn, requestExport } from '../exports/exports.ts';
import { EXPORT_FORMATS, EXPORT_KINDS } from '../exports/kinds.ts';
import { validateScope as validateFrameworkScope } from '../frameworks/index.ts';
import { frameworkOf, typeList } from '../frameworks/organization.ts';
import { isUuid } from '../ids.ts';
import { listNewestFirst, type KeysetRequest } from '../db/keyset.ts';
import { notifyReportChange, type ReportChange } from '../realtime/pubsub.ts';
import { cancelActiveReportsIn, checkScopeNames, createReport } from '../reports/lifecycle.ts';
import type { Actor } from '../access.ts';
import type { Services } from '../services.ts';

export type PackageRecord = Omit<typeof compliancePackages.$inferSelect, 'manifest'>;
const { manifest: _manifest, ...ROW } = getTableColumns(compliancePackages);

export const PACKAGE_QUEUE = 'package-generate';
export const PACKAGE_FILES = ['pdf', 'zip'] as const;
export type PackageFile = (typeof PACKAGE_FILES)[number];
const ACTIVE = ['pending', 'generating'] as const;
export const FINAL_PACKAGE_STATES = new Set(['completed', 'failed', 'cancelled', 'expired']);
const MAX_PACKAGE_FRAMEWORKS = 12;
const DAY = 86_400_000;

export interface RequestPackageInput {
  frameworks: string[];
  period?: { start?: Date | null; end?: Date | null } | null;
  environment?: string | null;
  agentIds?: string[] | null;
  exportKinds?: string[] | null;
  exportFormat?: string | null;
  title?: string | null;
  scheduleId?: string | null;
  /** Storage targets the package's own files are uploaded to once it completes. */
  deliverTo?: string[] | null;
}

/**
 * Validates the whole request before creating anything, then creates the
 * reports and exports, then the package with its job.
 */
export async function requestPackage(services: Services, requester: Actor, input: RequestPackageInput, now = new Date()): Promise<PackageRecord> {
  const { db } = services.database;
  const orgId = requester.orgId;
  const { environment, agentIds } = await checkScopeNames(db, orgId, input);
  const { frameworks, exportKinds, exportFormat, names } = await validateParts(db, orgId, input, agentIds);
  // One period for every part, fixed here: the parts' own defaults would each take their own "now".
  const end = input.period?.end ?? now;
  const start = input.period?.start ?? new Date(end.getTime() - 30 * DAY);
  if (input.title?.includes('\u0000')) throw badInput('title', 'title must not contain NUL');
  const title = input.title?.trim() || `Compliance package: ${names.join(', ')}, ${start.toISOString().slice(0, 10)} to ${end.toISOString().slice(0, 10)}`;
  if (title.length > 300) throw badInput('title', 'title must be at most 300 characters');
  const deliverTo = await checkTargets(db, orgId, input.deliverTo);

  // Parts are validated by their own domains: a bad period or scope fails on the first, before anything is created.
  const period = { start, end };
  const scope = { period, environment, agentIds, scheduleId: input.scheduleId ?? null };
  const reportIds: string[] = [];
  for (const type of frameworks) reportIds.push((await createReport(services, requester, { ...scope, type }, now)).id);
  const exportIds: string[] = [];
  for (const kind of exportKinds) exportIds.push((await requestExport(services, requester, { ...scope, kind, format: exportFormat }, now)).id);

  const queue = services.queue;
  if (!queue) throw new Error('this process cannot enqueue jobs (no job queue started)');
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(compliancePackages)
      .values({
        orgId,
        id: randomUUID(),
        title,
        status: 'pending',
        periodStart: start,
        periodEnd: end,
        environment,
        agentIds,
        frameworks,
        exportKinds,
        exportFormat,
        reportIds,
        exportIds,
        deliverTo,
        scheduleId: input.scheduleId ?? null,
        createdBy: requester.name,
      })
      .returning(ROW);
    await queue.send(PACKAGE_QUEUE, { orgId, packageId: inserted!.id }, { db: fromDrizzle(tx, dsql) });
    await notifyReportChange(tx, packageChange(inserted!));
    // Last, in the same transaction (a schedule's run holds the organisation's event lock until its commit).
    await recordServiceEventIn(tx, orgId, {
      action: 'package.requested',
      actorId: requester.actorId,
      resource: `package:${inserted!.id}`,
      attributes: { frameworks, exportKinds, exportFormat, reportIds, exportIds, periodStart: start.toISOString(), periodEnd: end.toISOString() },
    });
    return inserted!;
  });
  await services.eventsStored(orgId);
  return row;
}

/** The frameworks, export kinds and format of a package (or of a schedule that makes packages), checked. */
export async function validateParts(db: Db, orgId: string, input: Pick<RequestPackageInput, 'frameworks' | 'exportKinds' | 'exportFormat'>, agentIds: string[]) {
  const frameworks = [...new Set(input.frameworks.map((f) => f.trim()))];
  if (!frameworks.length) throw badInput('frameworks', 'Name at least one framework (a report type, e.g. soc2).');
  if (frameworks.length > MAX_PACKAGE_FRAMEWORKS) throw badInput('frameworks', `A package holds at most ${MAX_PACKAGE_FRAMEWORKS} frameworks.`);
  if (frameworks.length !== input.frameworks.length) throw badInput('frameworks', 'Each framework may be named once.');
  const names: string[] = [];
  for (const type of frameworks) {
    if (type.includes('\u0000')) throw badInput('frameworks', 'frameworks: a type must not contain NUL');
    const framework = await frameworkOf(db, orgId, type);
    if (!framework) throw badInput('frameworks', `Unknown report type "${type.slice(0, 100)}". Use one of: ${await typeList(db, orgId)}.`);
    const problem = validateFrameworkScope(framework, { dataSubject: null, agentIds });
    if (problem) throw badInput('frameworks', `${type}: ${problem}; a package has no data subject, so request that report on its own.`);
    names.push(framework.name);
  }
  const exportKinds = [...new Set(input.exportKinds ?? [])];
  const unknownKind = exportKinds.find((k) => !(EXPORT_KINDS as readonly string[]).includes(k));
  if (unknownKind !== undefined) throw badInput('exportKinds', `Unknown export kind "${unknownKind.slice(0, 100)}". Use some of: ${EXPORT_KINDS.join(', ')}.`);
  const exportFormat = (input.exportFormat ?? 'csv') as PackageRecord['exportFormat'];
  if (!(EXPORT_FORMATS as readonly string[]).includes(exportFormat)) throw badInput('exportFormat', `Unknown export format "${exportFormat.slice(0, 100)}". Use one of: ${EXPORT_FORMATS.join(', ')}.`);
  return { frameworks, exportKinds, exportFormat, names };
}

export function packageChange(row: Pick<PackageRecord, 'id' | 'orgId' | 'status' | 'progressPercent' | 'progressStage' | 'progressMessage' | 'deletedAt'>, progressOnly = false): ReportChange {
  return {
    orgId: row.orgId,
    reportId: row.id,
    status: row.status,
    percent: row.progressPercent,
    stage: row.progressStage,
    message: row.progressMessage,
    deleted: row.deletedAt !== null,
    at: new Date().toISOString(),
    subject: 'package',
    ...(progressOnly ? { progressOnly: true as const } : {}),
  };
}

export async function getPackage(db: Db, orgId: string, id: string): Promise<PackageRecord> {
  const [row] = isUuid(id) ? await db.select(ROW).from(compliancePackages).where(and(eq(compliancePackages.orgId, orgId), eq(compliancePackages.id, id), isNull(compliancePackages.deletedAt))) : [];
  if (!row) throw notFound('Compliance package');
  return row;
}

export async function packagesByIds(db: Db, orgId: string, ids: readonly string[]): Promise<Array<PackageRecord | null>> {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await db.select(ROW).from(compliancePackages).where(and(eq(compliancePackages.orgId, orgId), inArray(compliancePackages.id, valid), isNull(compliancePackages.deletedAt))) : [];
  return ids.map((id) => rows.find((r) => r.id === id) ?? null);
}

const MAX_PACKAGE_PAGE = 200;

/** Newest first (see listNewestFirst). */
export const listPackages = (db: Db, orgId: string, page: KeysetRequest) =>
  listNewestFirst<PackageRecord>(db, { table: compliancePackages, columns: ROW, max: MAX_PACKAGE_PAGE, where: and(eq(compliancePackages.orgId, orgId), isNull(compliancePackages.deletedAt)) }, page);

/** Changes a package if `where` still holds, announcing its new state in the same transaction. */
export function updatePackage(
  services: Services, orgId: string, id: string, where: SQL | undefined, set: PgUpdateSetSource<typeof compliancePackages>,
  progressOnly = false, alsoInTx?: (tx: Tx, row: PackageRecord) => Promise<void>,
) {
  return services.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(compliancePackages)
      .set(set)
      .where(and(eq(compliancePackages.orgId, orgId), eq(compliancePackages.id, id), where))
      .returning(ROW);
    if (row) await notifyReportChange(tx, packageChange(row, progressOnly));
    // What must commit with the change (the audit event last: it holds the chain head to the commit).
    if (row && alsoInTx) await alsoInTx(tx, row);
    return row;
  });
}

export const deletePackageFiles = (db: Db | Tx, orgId: string, id: string) => db.delete(packageFiles).where(and(eq(packageFiles.orgId, orgId), eq(packageFiles.packageId, id)));

/** The files go and the audit event is written with the change that removes them. */
const dropFilesAndAudit = (requester: Actor, action: string) => async (tx: Tx, row: PackageRecord) => {
  await deletePackageFiles(tx, row.orgId, row.id);
  await recordServiceEventIn(tx, row.orgId, { action, actorId: requester.actorId, resource: `package:${row.id}` });
};

/**
 * With the package, its reports and exports still pending or generating are
 * cancelled in the same transaction: they were started for it alone, and
 * their workers stop at their next step. Parts already finished stay.
 */
const cancelPartsDropFilesAndAudit = (requester: Actor, action: string) => async (tx: Tx, row: PackageRecord) => {
  const message = 'Cancelled with its compliance package';
  const reportIds = await cancelActiveReportsIn(tx, row.orgId, row.reportIds, message);
  const exportIds = await cancelActiveExportsIn(tx, row.orgId, row.exportIds, message);
  await deletePackageFiles(tx, row.orgId, row.id);
  const attributes = { packageId: row.id };
  for (const id of reportIds) await recordServiceEventIn(tx, row.orgId, { action: 'report.cancelled', actorId: requester.actorId, resource: `report:${id}`, attributes });
  for (const id of exportIds) await recordServiceEventIn(tx, row.orgId, { action: 'export.cancelled', actorId: requester.actorId, resource: `export:${id}`, attributes });
  await recordServiceEventIn(tx, row.orgId, { action, actorId: requester.actorId, resource: `package:${row.id}`, attributes: { cancelledReports: reportIds, cancelledExports: exportIds } });
};

/** Cancels the package and the parts it started that are still running. */
export async function cancelPackage(services: Services, requester: Actor, id: string): Promise<PackageRecord> {
  const current = await getPackage(services.database.db, requester.orgId, id);
  const row = await updatePackage(services, requester.orgId, current.id, inArray(compliancePackages.status, [...ACTIVE]), {
    status: 'cancelled',
    progressStage: 'cancelled',
    progressMessage: 'Cancelled on request',
    completedAt: new Date(),
  }, false, cancelPartsDropFilesAndAudit(requester, 'package.cancelled'));
  if (!row) throw badInput('id', `Only a pending or generating package can be cancelled; this one is ${current.status}.`);
  await services.eventsStored(requester.orgId);
  return row;
}

export async function deletePackage(services: Services, requester: Actor, id: string): Promise<PackageRecord> {
  const current = await getPackage(services.database.db, requester.orgId, id);
  const active = (ACTIVE as readonly string[]).includes(current.status);
  const row = await updatePackage(services, requester.orgId, current.id, isNull(compliancePackages.deletedAt), {
    deletedAt: new Date(),
    ...(active ? { status: 'cancelled' as const, progressStage: 'cancelled', progressMessage: 'Deleted', completedAt: new Date() } : {}),
  }, false, (active ? cancelPartsDropFilesAndAudit : dropFilesAndAudit)(requester, 'package.deleted'));
  if (!row) throw notFound('Compliance package');
  await services.eventsStored(requester.orgId);
  return row;
}

/** The package's signed manifest and signature, once completed. */
export async function packageManifest(db: Db, orgId: string, id: string): Promise<{ manifest: string; signature: string; keyId: string } | null> {
  const [row] = await db
    .select({ manifest: compliancePackages.manifest, signature: compliancePackages.signature, keyId: compliancePackages.signatureKeyId })
    .from(compliancePackages)
    .where(and(eq(compliancePackages.orgId, orgId), eq(compliancePackages.id, id)));
  return row?.manifest && row.signature && row.keyId ? { manifest: row.manifest, signature: row.signature, keyId: row.keyId } : null;
}

/** One of the package's files chunk by chunk, in order: streams with the memory of one chunk. */
export async function* packageFileChunks(services: Services, orgId: string, id: string, file: PackageFile): AsyncGenerator<Buffer> {
  for (let part = 0; ; part++) {
    const [row] = await services.database.db
      .select({ content: packageFiles.content })
      .from(packageFiles)
      .where(and(eq(packageFiles.orgId, orgId), eq(packageFiles.packageId, id), eq(packageFiles.file, file), eq(packageFiles.part, part)));
    if (!row) return;
    yield row.content;
  }
}

export function packageFileName(row: Pick<PackageRecord, 'periodStart' | 'periodEnd'>, file: PackageFile): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `compliance-package-${day(row.periodStart)}-to-${day(row.periodEnd)}.${file}`;
}

/** Packages whose retention has passed lose their files (the row, manifest and signature stay). */
export async function expirePackages(services: Services, now = new Date()): Promise<number> {
  // One transaction: a package is expired, its files gone and its audit event written, or none of it.
  const expired = await services.database.db.transaction(async (tx) => {
    const rows = await tx
      .update(compliancePackages)
      .set({ status: 'expired', progressStage: 'expired', progressMessage: 'The files were deleted by the retention policy' })
      .where(and(eq(compliancePackages.status, 'completed'), lt(compliancePackages.expiresAt, now)))
      .returning({ orgId: compliancePackages.orgId, id: compliancePackages.id });
    for (const e of rows) await deletePackageFiles(tx, e.orgId, e.id);
    for (const e of byOrg(rows)) await recordServiceEventIn(tx, e.orgId, { action: 'package.expired', actorId: 'retention', resource: `package:${e.id}` });
    return rows;
  });
  for (const orgId of new Set(expired.map((e) => e.orgId))) await services.eventsStored(orgId);
  return expired.length;
}
