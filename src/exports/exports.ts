/**
 * Data exports: request (validated, inserted pending with its job in one
 * transaction), generation (rows streamed from PostgreSQL through the
 * format's encoder into ~1 MiB chunks, hashed on the way, then a signed
 * manifest), listing, cancellation, deletion and reading the file back.
 * Every function is scoped to the caller's organisation.
 */
import type { Actor } from '../access.ts';
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, getTableColumns, inArray, isNull, lt, sql as dsql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { fromDrizzle } from 'pg-boss';
import type { Db, Tx } from '../db/client.ts';
import { dataExports, exportChunks, type ExportFilters } from '../db/schema.ts';
import { badInput, notFound } from '../errors.ts';
import { CATEGORIES, DECISIONS, SEVERITIES } from '../events/contract.ts';
import { byOrg, recordServiceEventIn } from '../events/ingest.ts';
import { checkTargets } from '../accounts/storage-targets.ts';
import { isUuid } from '../ids.ts';
import { listNewestFirst, type KeysetRequest } from '../db/keyset.ts';
import { expiryFor, organizationSettings } from '../accounts/settings.ts';
import { notifyReportChange, type ReportChange } from '../realtime/pubsub.ts';
import { canonicalJson } from '../reports/integrity.ts';
import { checkScopeNames } from '../reports/lifecycle.ts';
import { signBytes } from '../reports/signing.ts';
import type { Services } from '../services.ts';
import { encoderFor, MEDIA_TYPES, type ExportRow } from './encode.ts';
import { EXPORT_MANIFEST_SCHEMA } from './manifest.ts';

export { EXPORT_MANIFEST_SCHEMA };
import { EXPORT_FORMATS, EXPORT_KINDS, exportQuery, KINDS, type ExportFormat, type ExportKind } from './kinds.ts';

export type ExportRecord = Omit<typeof dataExports.$inferSelect, 'manifest'>;
const { manifest: _manifest, ...ROW } = getTableColumns(dataExports);

export const EXPORT_QUEUE = 'export-generate';
const DAY = 86_400_000;
const ACTIVE = ['pending', 'generating'] as const;
export const FINAL_EXPORT_STATES = new Set(['completed', 'failed', 'cancelled', 'expired']);
/** Rows fetched per round trip from the cursor. */
const FETCH_ROWS = 5_000;
/** Bytes per stored chunk. */
export const CHUNK_BYTES = 1024 * 1024;
const MAX_FILTER_VALUES = 100;

interface RequestExportInput {
  kind: string;
  format: string;
  period?: { start?: Date | null; end?: Date | null } | null;
  environment?: string | null;
  agentIds?: string[] | null;
  severities?: string[] | null;
  decisions?: string[] | null;
  categories?: string[] | null;
  sources?: string[] | null;
  deliverTo?: string[] | null;
  scheduleId?: string | null;
}

export function fileNameOf(row: Pick<ExportRecord, 'kind' | 'format' | 'periodStart' | 'periodEnd'>): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `${row.kind.replace(/_/g, '-')}-${day(row.periodStart)}-to-${day(row.periodEnd)}.${row.format}`;
}

/** Validates the request, inserts the pending export and enqueues its job in one transaction. */
export async function requestExport(services: Services, requester: Actor, input: RequestExportInput, now = new Date()): Promise<ExportRecord> {
  const values = await validateRequest(services, requester.orgId, input, now);
  const queue = services.queue;
  if (!queue) throw new Error('this process cannot enqueue jobs (no job queue started)');
  const row = await services.database.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(dataExports)
      .values({ ...values, id: randomUUID(), orgId: requester.orgId, status: 'pending', createdBy: requester.name, scheduleId: input.scheduleId ?? null })
      .returning(ROW);
    await queue.send(EXPORT_QUEUE, { orgId: requester.orgId, exportId: inserted!.id }, { db: fromDrizzle(tx, dsql) });
    await notifyReportChange(tx, exportChange(inserted!));
    // Last, in the same transaction (a schedule's run holds the organisation's event lock until its commit).
    await recordServiceEventIn(tx, requester.orgId, {
      action: 'export.requested',
      actorId: requester.actorId,
      resource: `export:${inserted!.id}`,
      attributes: { kind: inserted!.kind, format: inserted!.format, periodStart: inserted!.periodStart.toISOString(), periodEnd: inserted!.periodEnd.toISOString() },
    });
    return inserted!;
  });
  await services.eventsStored(requester.orgId);
  return row;
}

async function validateRequest(services: Services, orgId: string, input: RequestExportInput, now: Date) {
  if (!(EXPORT_KINDS as readonly string[]).includes(input.kind)) throw badInput('kind', `Unknown export kind "${input.kind}". Use one of: ${EXPORT_KINDS.join(', ')}.`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(input.format)) throw badInput('format', `Unknown export format "${input.format}". Use one of: ${EXPORT_FORMATS.join(', ')}.`);
  const end = input.period?.end ?? now;
  const start = input.period?.start ?? new Date(end.getTime() - 30 * DAY);
  if (start.getTime() >= end.getTime()) throw badInput('period.start', 'period.start must be before period.end');
  if (start.getUTCFullYear() < 1970 || end.getUTCFullYear() > 9999) throw badInput('period', 'The period must lie between 1970 and 9999 (the dates events may carry).');
  const maxDays = services.config.MAX_REPORT_PERIOD_DAYS;
  if (end.getTime() - start.getTime() > maxDays * DAY) throw badInput('period', `The period is longer than the maximum of ${maxDays} days; split it into shorter exports.`);
  const { environment, agentIds } = await checkScopeNames(services.database.db, orgId, input);
  const filters: ExportFilters = {};
  if (environment) filters.environment = environment;
  if (agentIds.length) filters.agentIds = agentIds;
  const listed = (field: 'severities' | 'decisions' | 'categories' | 'sources', allowed: readonly string[] | null) => {
    const values = [...new Set((input[field] ?? []).map((v) => v.trim()).filter(Boolean))].sort();
    if (values.length > MAX_FILTER_VALUES) throw badInput(field, `${field} may name at most ${MAX_FILTER_VALUES} values`);
    const index = values.findIndex((v) => (allowed ? !allowed.includes(v) : v.length > 128 || v.includes('\u0000')));
    if (index >= 0) {
      throw badInput(field, allowed ? `${field}: "${values[index]}" is not one of ${allowed.join(', ')}` : `${field}: each source is a non-empty name of at most 128 characters without NUL`);
    }
    if (values.length) filters[field] = values;
  };
  listed('severities', SEVERITIES);
  listed('decisions', DECISIONS);
  listed('categories', CATEGORIES);
  listed('sources', null);
  const deliverTo = await checkTargets(services.database.db, orgId, input.deliverTo);
  return { kind: input.kind as ExportKind, format: input.format as ExportFormat, periodStart: start, periodEnd: end, filters, deliverTo };
}

export function exportChange(row: Pick<ExportRecord, 'id' | 'orgId' | 'status' | 'progressPercent' | 'progressStage' | 'progressMessage' | 'deletedAt'>, progressOnly = false): ReportChange {
  return {
    orgId: row.orgId,
    reportId: row.id,
    status: row.status,
    percent: row.progressPercent,
    stage: row.progressStage,
    message: row.progressMessage,
    deleted: row.deletedAt !== null,
    at: new Date().toISOString(),
    subject: 'export',
    ...(progressOnly ? { progressOnly: true as const } : {}),
  };
}

export async function getExport(db: Db, orgId: string, id: string): Promise<ExportRecord> {
  const [row] = isUuid(id) ? await db.select(ROW).from(dataExports).where(and(eq(dataExports.orgId, orgId), eq(dataExports.id, id), isNull(dataExports.deletedAt))) : [];
  if (!row) throw notFound('Data export');
  return row;
}

export async function exportsByIds(db: Db, orgId: string, ids: readonly string[]): Promise<Array<ExportRecord | null>> {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await db.select(ROW).from(dataExports).where(and(eq(dataExports.orgId, orgId), inArray(dataExports.id, valid), isNull(dataExports.deletedAt))) : [];
  return ids.map((id) => rows.find((r) => r.id === id) ?? null);
}

const MAX_EXPORT_PAGE = 200;

/** Newest first (see listNewestFirst). */
export const listExports = (db: Db, orgId: string, page: KeysetRequest) =>
  listNewestFirst<ExportRecord>(db, { table: dataExports, columns: ROW, max: MAX_EXPORT_PAGE, where: and(eq(dataExports.orgId, orgId), isNull(dataExports.deletedAt)) }, page);

/**
 * Changes an export if `where` still holds, announcing its new state in the same transaction;
 * `alsoInTx` writes what must commit with the change (the audit event last: it holds the chain head to the commit).
 */
export function updateExport(
  services: Services, orgId: string, id: string, where: SQL | undefined, set: PgUpdateSetSource<typeof dataExports>,
  progressOnly = false, alsoInTx?: (tx: Tx, row: ExportRecord) => Promise<void>,
) {
  return services.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(dataExports)
      .set(set)
      .where(and(eq(dataExports.orgId, orgId), eq(dataExports.id, id), where))
      .returning(ROW);
    if (row) await notifyReportChange(tx, exportChange(row, progressOnly));
    if (row && alsoInTx) await alsoInTx(tx, row);
    return row;
  });
}

/** The file goes and the audit event is written with the change that removes it. */
const dropFileAndAudit = (requester: Actor, action: string) => async (tx: Tx, row: ExportRecord) => {
  await tx.delete(exportChunks).where(and(eq(exportChunks.orgId, row.orgId), eq(exportChunks.exportId, row.id)));
  await recordServiceEventIn(tx, row.orgId, { action, actorId: requester.actorId, resource: `export:${row.id}` });
};

/**
 * Cancels those of `ids` still pending or generating and drops what they
 * wrote, inside the caller's transaction (a compliance package cancelling the
 * exports it started); returns the ids cancelled. The caller records the audit events.
 */
export async function cancelActiveExportsIn(tx: Tx, orgId: string, ids: readonly string[], progressMessage: string): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tx
    .update(dataExports)
    .set({ status: 'cancelled', progressStage: 'cancelled', progressMessage, completedAt: new Date() })
    .where(and(eq(dataExports.orgId, orgId), inArray(dataExports.id, [...ids]), inArray(dataExports.status, [...ACTIVE])))
    .returning(ROW);
  for (const row of rows) {
    await notifyReportChange(tx, exportChange(row));
    await tx.delete(exportChunks).where(and(eq(exportChunks.orgId, orgId), eq(exportChunks.exportId, row.id)));
  }
  return rows.map((r) => r.id);
}

export async function cancelExport(services: Services, requester: Actor, id: string): Promise<ExportRecord> {
  const current = await getExport(services.database.db, requester.orgId, id);
  const row = await updateExport(services, requester.orgId, current.id, inArray(dataExports.status, [...ACTIVE]), {
    status: 'cancelled',
    progressStage: 'cancelled',
    progressMessage: 'Cancelled on request',
    completedAt: new Date(),
  }, false, dropFileAndAudit(requester, 'export.cancelled'));
  if (!row) throw badInput('id', `Only a pending or generating export can be cancelled; this one is ${current.status}.`);
  await services.eventsStored(requester.orgId);
  return row;
}

export async function deleteExport(services: Services, requester: Actor, id: string): Promise<ExportRecord> {
  const current = await getExport(services.database.db, requester.orgId, id);
  const active = (ACTIVE as readonly string[]).includes(current.status);
  const row = await updateExport(services, requester.orgId, current.id, isNull(dataExports.deletedAt), {
    deletedAt: new Date(),
    ...(active ? { status: 'cancelled' as const, progressStage: 'cancelled', progressMessage: 'Deleted', completedAt: new Date() } : {}),
  }, false, dropFileAndAudit(requester, 'export.deleted'));
  if (!row) throw notFound('Data export');
  await services.eventsStored(requester.orgId);
  return row;
}

/** Thrown from a progress step when the export is no longer generating (cancelled or deleted). */
export class ExportCancelled extends Error {}

export interface ExportProgress {
  percent: number;
  stage: string;
  message: string;
}

/**
 * Writes the export's file: rows are read through a cursor in (occurred_at,
 * seq) order up to the watermark, encoded batch by batch and stored in
 * chunks as they fill, the SHA-256 taken on the way; then the manifest is
 * signed and the row completed. A retried job starts over (its chunks are
 * replaced), so the result is the same file.
 */
export async function buildExport(services: Services, orgId: string, exportId: string, onProgress: (p: ExportProgress) => Promise<void>): Promise<ExportRecord> {
  const { db, sql } = services.database;
  const row = await getExport(db, orgId, exportId);
  await db.delete(exportChunks).where(and(eq(exportChunks.orgId, orgId), eq(exportChunks.exportId, exportId)));
  // The watermark is fixed once: a retry reads exactly the rows the first attempt did.
  let watermark = row.watermark;
  if (watermark === null) {
    const [max] = await sql`select coalesce(max(seq), 0)::float8 as w from audit_events where org_id = ${orgId}::uuid`;
    watermark = Number(max!.w);
    await db.update(dataExports).set({ watermark }).where(and(eq(dataExports.orgId, orgId), eq(dataExports.id, exportId)));
  }
  const kind = KINDS[row.kind];
  const query = exportQuery(row.kind, row.format, { orgId, start: row.periodStart, end: row.periodEnd, watermark, filters: row.filters });
  const encoder = encoderFor(row.format, kind.columns);
  const hash = createHash('sha256');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let part = 0;
  let size = 0;
  let rows = 0;
  const store = async (final: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (final && pendingBytes > 0)) {
      const all = Buffer.concat(pending, pendingBytes);
      const take = Math.min(CHUNK_BYTES, all.length);
      const chunk = all.subarray(0, take);
      pending = take < all.length ? [all.subarray(take)] : [];
      pendingBytes = all.length - take;
      await db.insert(exportChunks).values({ orgId, exportId, part: part++, content: chunk });
    }
  };
  const take = async (buffers: Buffer[]) => {
    for (const b of buffers) {
      if (!b.length) continue;
      hash.update(b);
      size += b.length;
      pending.push(b);
      pendingBytes += b.length;
    }
    await store(false);
  };
  const span = row.periodEnd.getTime() - row.periodStart.getTime();
  let lastProgress = Date.now();
  await onProgress({ percent: 2, stage: 'exporting', message: `Reading ${kind.title.toLowerCase()}` });
  for await (const batch of sql.unsafe(query.text, query.params as never[]).cursor(FETCH_ROWS)) {
    rows += batch.length;
    await take(encoder.write(batch as unknown as ExportRow[]));
    if (Date.now() - lastProgress >= 500) {
      lastProgress = Date.now();
      const at = Number((batch[batch.length - 1] as ExportRow).__at);
      const percent = Math.max(2, Math.min(95, Math.floor(2 + (93 * (at - row.periodStart.getTime())) / span)));
      await onProgress({ percent, stage: 'exporting', message: `${rows.toLocaleString('en')} rows written (${(size / 1048576).toFixed(1)} MiB)` });
    }
  }
  await take(encoder.end());
  await store(true);
  const sha256 = hash.digest('hex');
  await onProgress({ percent: 97, stage: 'signing', message: `${rows.toLocaleString('en')} rows; signing the manifest` });
  const completedAt = new Date();
  const manifest = canonicalJson({
    schema: EXPORT_MANIFEST_SCHEMA,
    export: {
      id: row.id,
      organizationId: orgId,
      kind: row.kind,
      format: row.format,
      period: { start: row.periodStart.toISOString(), end: row.periodEnd.toISOString() },
      filters: row.filters,
      watermark,
      rowCount: rows,
      columns: kind.columns.map((c) => ({ name: c.name, type: c.type })),
      completedAt: completedAt.toISOString(),
    },
    files: [{ path: fileNameOf(row), sha256, sizeBytes: size, mediaType: MEDIA_TYPES[row.format], description: kind.description }],
  });
  const signed = await signBytes(services, orgId, Buffer.from(manifest, 'utf8'));
  const done = await updateExport(services, orgId, exportId, eq(dataExports.status, 'generating'), {
    status: 'completed',
    progressPercent: 100,
    progressStage: 'completed',
    progressMessage: `${rows.toLocaleString('en')} rows exported`,
    rowCount: rows,
    sizeBytes: size,
    sha256,
    manifest,
    signature: signed.signature.toString('base64'),
    signatureKeyId: signed.keyId,
    completedAt,
    expiresAt: expiryFor((await organizationSettings(db, orgId)).retentionDays, completedAt),
  });
  if (!done) {
    await db.delete(exportChunks).where(and(eq(exportChunks.orgId, orgId), eq(exportChunks.exportId, exportId)));
    throw new ExportCancelled();
  }
  return done;
}

/** The manifest and its signature of a completed export. */
export async function exportManifest(db: Db, orgId: string, id: string): Promise<{ manifest: string; signature: string; keyId: string } | null> {
  const [row] = await db
    .select({ manifest: dataExports.manifest, signature: dataExports.signature, keyId: dataExports.signatureKeyId })
    .from(dataExports)
    .where(and(eq(dataExports.orgId, orgId), eq(dataExports.id, id)));
  return row?.manifest && row.signature && row.keyId ? { manifest: row.manifest, signature: row.signature, keyId: row.keyId } : null;
}

/** The file's bytes chunk by chunk, in order: a file of any size streams with the memory of one chunk. */
export async function* exportFileChunks(services: Services, orgId: string, id: string): AsyncGenerator<Buffer> {
  for (let part = 0; ; part++) {
    const [row] = await services.database.db
      .select({ content: exportChunks.content })
      .from(exportChunks)
      .where(and(eq(exportChunks.orgId, orgId), eq(exportChunks.exportId, id), eq(exportChunks.part, part)));
    if (!row) return;
    yield row.content;
  }
}

/** Exports whose retention has passed lose their file (the row, hash and signature stay). */
export async function expireExports(services: Services, now = new Date()): Promise<number> {
  // One transaction: an export is expired, its file gone and its audit event written, or none of it.
  const expired = await services.database.db.transaction(async (tx) => {
    const rows = await tx
      .update(dataExports)
      .set({ status: 'expired', progressStage: 'expired', progressMessage: 'The file was deleted by the retention policy' })
      .where(and(eq(dataExports.status, 'completed'), lt(dataExports.expiresAt, now)))
      .returning({ orgId: dataExports.orgId, id: dataExports.id });
    for (const e of rows) await tx.delete(exportChunks).where(and(eq(exportChunks.orgId, e.orgId), eq(exportChunks.exportId, e.id)));
    for (const e of byOrg(rows)) await recordServiceEventIn(tx, e.orgId, { action: 'export.expired', actorId: 'retention', resource: `export:${e.id}` });
    return rows;
  });
  for (const orgId of new Set(expired.map((e) => e.orgId))) await services.eventsStored(orgId);
  return expired.length;
}
