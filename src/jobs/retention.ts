/**
 * Retention: a completed report's files are kept `organizations.retention_days`
 * (90 by default) after completion; then the recurring job deletes its
 * report_artifacts and marks it `expired`. Metadata, findings, content and
 * the content hash stay, so the report can still be read, verified and
 * regenerated; downloads answer 410.
 */
import { and, asc, eq, lte, or } from 'drizzle-orm';
import { reportArtifacts, reports } from '../db/schema.ts';
import { expireExports } from '../exports/exports.ts';
import { expirePackages } from '../packages/packages.ts';
import { byOrg, recordServiceEventIn } from '../events/ingest.ts';
import { MAX_HISTORY_DAYS } from '../reports/posture.ts';
import { transition, type ReportRow } from '../reports/store.ts';
import type { Services } from '../services.ts';

const BATCH = 200;

export interface RetentionResult {
  expiredReports: number;
  deletedArtifacts: number;
  /** Data exports whose files were deleted. */
  expiredExports?: number;
  /** Compliance packages whose files were deleted. */
  expiredPackages?: number;
  /** Posture changes older than their organisation's retention, deleted. */
  prunedPostureChanges?: number;
  /** Daily posture snapshots older than the history horizon, deleted. */
  prunedPostureSnapshots?: number;
}

/**
 * `days` whole days of 24 hours after `at`, computed in UTC: timestamp arithmetic
 * that needs no session time zone is immutable, which Citus requires of
 * an UPDATE's expressions on a distributed table's columns.
 */
const expiry = (at: string, days: string) => `((${at} at time zone 'UTC') + make_interval(days => ${days}::int)) at time zone 'UTC'`;

/** Expires what is due at `now`, across organisations (the job runs for the whole service), in batches. */
export async function runRetention(services: Services, now = new Date()): Promise<RetentionResult> {
  const { sql: pg } = services.database;
  const result: RetentionResult = { expiredReports: 0, deletedArtifacts: 0 };
  // Reports completed before expires_at was stamped (or by an engine that does not stamp it) get their date first.
  await pg`
    update reports r set expires_at = ${pg.unsafe(expiry('r.completed_at', 'o.retention_days'))}
    from organizations o
    where o.id = r.org_id and r.status = 'completed' and r.expires_at is null and r.completed_at is not null`;
  const { db } = services.database;
  for (;;) {
    const expired = await db.transaction(async (tx) => {
      // The batch is chosen first and each report moves only while still completed: a concurrent run that took
      // the same rows moves none of them twice. (No FOR UPDATE: Citus locks rows only within one shard.)
      const due = await tx
        .select({ reportId: reports.id, orgId: reports.orgId })
        .from(reports)
        .where(and(eq(reports.status, 'completed'), lte(reports.expiresAt, now)))
        .orderBy(asc(reports.expiresAt))
        .limit(BATCH);
      const rows: ReportRow[] = [];
      // Each is announced in this transaction: subscribers and the API's response cache hear of it at commit.
      for (const ref of due) {
        const row = await transition(tx, ref, ['completed'], 'expired');
        if (row) rows.push(row);
      }
      if (rows.length) {
        const deleted = await tx.delete(reportArtifacts).where(or(...rows.map((r) => and(eq(reportArtifacts.orgId, r.orgId), eq(reportArtifacts.reportId, r.id))))).returning({ id: reportArtifacts.reportId });
        result.deletedArtifacts += deleted.length;
      }
      // Last, and with the expiry: each holds its organisation's chain head until the commit.
      for (const row of byOrg(rows)) {
        await recordServiceEventIn(tx, row.orgId, {
          action: 'report.expired',
          actorId: 'retention',
          resource: `report:${row.id}`,
          attributes: { expiresAt: row.expiresAt!.toISOString() },
        });
      }
      return { due: due.length, rows };
    });
    result.expiredReports += expired.rows.length;
    for (const orgId of new Set(expired.rows.map((r) => r.orgId))) await services.eventsStored(orgId);
    if (expired.due < BATCH) break;
  }
  // A download that rendered a file between expiry and the delete must not keep it.
  const stray = await pg`
    delete from report_artifacts a using reports r
    where a.report_id = r.id and a.org_id = r.org_id and r.status = 'expired'`;
  result.deletedArtifacts += stray.count;
  result.expiredExports = await expireExports(services, now);
  result.expiredPackages = await expirePackages(services, now);
  // The posture's change log is kept as long as the organisation keeps its reports' files; the
  // current statuses stay.
  const pruned = await pg`
    delete from posture_changes c using organizations o
    where o.id = c.org_id and ${pg.unsafe(expiry('c.at', 'o.retention_days'))} <= ${now.toISOString()}::timestamptz`;
  result.prunedPostureChanges = pruned.count;
  // Daily snapshots are kept, today included, for the longest history `postureHistory` serves, or the
  // organisation's retention when that is longer (an executive summary made again over a period still
  // retained finds its trend). A snapshot's day is a UTC date: date arithmetic with the day as a value
  // needs no time zone (Citus).
  const snapshots = await pg`
    delete from posture_snapshots s using organizations o
    where o.id = s.org_id and s.day <= ${now.toISOString().slice(0, 10)}::date - greatest(${MAX_HISTORY_DAYS}::int, o.retention_days)`;
  result.prunedPostureSnapshots = snapshots.count;
  if (result.expiredReports) services.log.info('retention expired reports', { ...result });
  return result;
}

/** Stamps `expires_at` on a completed report (call after completion so `Report.expiresAt` shows at once). */
export async function stampExpiry(services: Services, reportId: string, orgId: string): Promise<void> {
  await services.database.sql`
    update reports r set expires_at = ${services.database.sql.unsafe(expiry('r.completed_at', 'o.retention_days'))}
    from organizations o
    where o.id = r.org_id and r.org_id = ${orgId} and r.id = ${reportId} and r.status = 'completed' and r.completed_at is not null`;
}
