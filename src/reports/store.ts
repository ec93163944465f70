/**
 * The report store: the one row type, the scope a row reads, and the one way
 * a report's status changes. `transition` refuses what the state machine
 * does not allow, sets what the new state needs, announces the change in the
 * same transaction (subscribers hear it at commit, never on rollback) and,
 * when a report finishes, enqueues its follow-up job in that transaction too,
 * so a finished report without its files and notifications cannot commit.
 */
import { and, eq, getTableColumns, inArray, isNull } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { expiryFor } from '../accounts/settings.ts';
import type { Tx } from '../db/client.ts';
import { organizations, reports } from '../db/schema.ts';
import { enqueueReportFinished, type Queue } from '../queue.ts';
import { notifyReportChange, type ReportChange } from '../realtime/pubsub.ts';
import type { ReportScope } from './scope.ts';

/**
 * A report's row. `content` is there only where it was loaded (it can be
 * large): unchecked jsonb until read through `reports/content.ts`.
 */
export type ReportRow = Omit<typeof reports.$inferSelect, 'content'> & { content?: unknown };
export type ReportStatus = ReportRow['status'];

/** Every column but the content. */
const { content: _content, ...columns } = getTableColumns(reports);
export const REPORT_COLUMNS = columns;

/** A report and its organisation: every statement about a report names both, so it reaches one shard. */
export interface ReportRef {
  reportId: string;
  orgId: string;
}

/** The events a report reads: its organisation, period, environment, agents and data subject, up to its watermark. */
export function scopeOf(row: Pick<ReportRow, 'id' | 'orgId' | 'periodStart' | 'periodEnd' | 'environment' | 'agentIds' | 'parameters'> & { watermark: number | null }): ReportScope {
  if (row.watermark === null) throw new Error(`report ${row.id} has no watermark`);
  return {
    orgId: row.orgId,
    start: row.periodStart,
    end: row.periodEnd,
    watermark: row.watermark,
    environment: row.environment,
    agentIds: row.agentIds,
    dataSubject: (row.parameters as { dataSubject?: string } | null)?.dataSubject ?? null,
  };
}

/** The change a report row is in now, as subscribers hear it. */
export function changeOf(row: Pick<ReportRow, 'id' | 'orgId' | 'status' | 'progressPercent' | 'progressStage' | 'progressMessage' | 'deletedAt'>): ReportChange {
  return {
    orgId: row.orgId,
    reportId: row.id,
    status: row.status,
    percent: row.progressPercent,
    stage: row.progressStage,
    message: row.progressMessage,
    deleted: row.deletedAt !== null,
    at: new Date().toISOString(),
  };
}

/**
 * Where each status may go. `generating → generating` is a retried or
 * resumed attempt claiming the report again; a finished report never runs
 * again (regenerating makes a new version).
 */
const NEXT: Record<ReportStatus, readonly ReportStatus[]> = {
  pending: ['generating', 'failed', 'cancelled'],
  generating: ['generating', 'completed', 'failed', 'cancelled'],
  completed: ['expired'],
  failed: [],
  cancelled: [],
  expired: [],
};

/** Statuses a report is still being worked on in. */
export const ACTIVE: readonly ReportStatus[] = ['pending', 'generating'];

export type ReportChanges = PgUpdateSetSource<typeof reports>;

/**
 * Moves a report from one of `from` to `to` inside `tx`, with `extra`
 * columns, and announces it in `tx`. Returns the new row, or undefined when
 * the report was no longer in any of `from` (another process moved it first:
 * cancelled, finished, deleted). An illegal move is a programming error and
 * throws. Completion stamps `completedAt` and the retention expiry; a
 * finished report (completed or failed) gets its `report-finished` job when
 * `queue` is given.
 */
export async function transition(
  tx: Tx,
  ref: ReportRef,
  from: readonly ReportStatus[],
  to: ReportStatus,
  extra: ReportChanges = {},
  queue?: Queue | null,
): Promise<ReportRow | undefined> {
  const illegal = from.filter((status) => !NEXT[status].includes(to));
  if (illegal.length || !from.length) throw new Error(`report ${ref.reportId}: no transition from ${illegal.join(', ') || 'nothing'} to ${to}`);
  const set: ReportChanges = { ...needs(to), ...extra, status: to };
  if (to === 'completed') {
    // The time as a value, not now(): Citus refuses STABLE arithmetic on columns in an UPDATE.
    const completedAt = new Date();
    const [org] = await tx.select({ days: organizations.retentionDays }).from(organizations).where(eq(organizations.id, ref.orgId));
    Object.assign(set, { completedAt, expiresAt: org ? expiryFor(org.days, completedAt) : null });
  }
  const [row] = await tx
    .update(reports)
    .set(set)
    .where(and(eq(reports.orgId, ref.orgId), eq(reports.id, ref.reportId), inArray(reports.status, [...from])))
    .returning(REPORT_COLUMNS);
  if (!row) return undefined;
  await notifyReportChange(tx, changeOf(row));
  if (queue && (to === 'completed' || to === 'failed')) await enqueueReportFinished(queue, tx, ref);
  return row;
}

/** What entering a status implies, unless the caller says otherwise. */
function needs(to: ReportStatus): ReportChanges {
  switch (to) {
    case 'completed':
      return { progressPercent: 100, progressStage: 'completed', error: null };
    case 'failed':
      return { progressStage: 'failed', completedAt: new Date() };
    case 'cancelled':
      return { progressStage: 'cancelled', completedAt: new Date() };
    default:
      return {};
  }
}

/**
 * Progress of a generating report (percent, stage, message): not a status
 * change, announced as progress only. Undefined when it is no longer
 * generating (cancelled or deleted meanwhile).
 */
export async function recordProgress(tx: Tx, ref: ReportRef, progress: Pick<ReportChanges, 'progressPercent' | 'progressStage' | 'progressMessage'>): Promise<ReportRow | undefined> {
  const [row] = await tx
    .update(reports)
    .set(progress)
    .where(and(eq(reports.orgId, ref.orgId), eq(reports.id, ref.reportId), eq(reports.status, 'generating')))
    .returning(REPORT_COLUMNS);
  if (row) await notifyReportChange(tx, { ...changeOf(row), progressOnly: true });
  return row;
}

/** A new report, pending, announced in `tx` (its job is the caller's, in the same transaction). */
export async function insertReport(tx: Tx, values: Omit<typeof reports.$inferInsert, 'status'>): Promise<ReportRow> {
  const [row] = await tx.insert(reports).values({ ...values, status: 'pending' }).returning(REPORT_COLUMNS);
  await notifyReportChange(tx, changeOf(row!));
  return row!;
}

/** Marks a report deleted (a running one is cancelled with it, through `transition`), announced in `tx`. */
export async function markDeleted(tx: Tx, ref: ReportRef, current: Pick<ReportRow, 'status'>): Promise<ReportRow | undefined> {
  const deletedAt = new Date();
  if (ACTIVE.includes(current.status)) {
    // A running report stops with it: its worker finds it no longer generating.
    const cancelled = await transition(tx, ref, ACTIVE, 'cancelled', { deletedAt, progressMessage: 'Deleted' });
    if (cancelled) return cancelled;
  }
  const [row] = await tx
    .update(reports)
    .set({ deletedAt })
    .where(and(eq(reports.orgId, ref.orgId), eq(reports.id, ref.reportId), isNull(reports.deletedAt)))
    .returning(REPORT_COLUMNS);
  if (row) await notifyReportChange(tx, changeOf(row));
  return row;
}
