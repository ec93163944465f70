/**
 * Retention: a completed report's files are kept `organizations.retention_days`
 * (90 by default) after completion; then the recurring job deletes its
 * report_artifacts and marks it `expired`. Metadata, findings, content and
 * the content hash stay, so the report can still be read, verified and
 * regenerated; downloads answer 410.
 */
import { expireExports } from '../exports/exports.ts';
import { expirePackages } from '../packages/packages.ts';
import { recordServiceEvent } from '../events/ingest.ts';
import { changeOf } from '../realtime/pubsub.ts';
import type { Services } from '../services.ts';

const BATCH = 200;

export interface RetentionResult {
  expiredReports: number;
  deletedArtifacts: number;
  /** Data exports whose files were deleted. */
  expiredExports?: number;
  /** Compliance packages whose files were deleted. */
  expiredPackages?: number;
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
  for (;;) {
    const expired = await pg.begin(async (tx) => {
      // The batch is chosen first and updated only while still completed: a concurrent run that took
      // the same rows updates none of them twice. (No FOR UPDATE: Citus locks rows only within one shard.)
      const due = await tx`
        select id from reports where status = 'completed' and expires_at <= ${now.toISOString()}::timestamptz
        order by expires_at limit ${BATCH}`;
      if (!due.length) return due;
      const rows = await tx`
        update reports r set status = 'expired'
        where r.status = 'completed' and r.id = any(${due.map((r) => r.id as string)}::uuid[])
        returning r.id, r.org_id, r.title, r.expires_at, r.status, r.progress_percent, r.progress_stage, r.progress_message, r.deleted_at`;
      if (rows.length) {
        const deleted = await tx`
          delete from report_artifacts a using reports r
          where a.report_id = r.id and a.org_id = r.org_id and r.id = any(${rows.map((r) => r.id as string)}::uuid[])`;
        result.deletedArtifacts += deleted.count;
      }
      return rows;
    });
    result.expiredReports += expired.length;
    for (const row of expired) {
      // Subscribers and the API's response cache hear of the new status like any other change.
      await services.realtime.publish(
        changeOf({
          id: row.id as string,
          orgId: row.org_id as string,
          status: row.status as 'expired',
          progressPercent: row.progress_percent as number,
          progressStage: row.progress_stage as string,
          progressMessage: row.progress_message as string,
          deletedAt: row.deleted_at as Date | null,
        }),
      );
      await recordServiceEvent(services.database, row.org_id as string, {
        action: 'report.expired',
        actorId: 'retention',
        resource: `report:${row.id}`,
        attributes: { expiresAt: new Date(row.expires_at as string).toISOString() },
      });
    }
    if (expired.length < BATCH) break;
  }
  // A download that rendered a file between expiry and the delete must not keep it.
  const stray = await pg`
    delete from report_artifacts a using reports r
    where a.report_id = r.id and a.org_id = r.org_id and r.status = 'expired'`;
  result.deletedArtifacts += stray.count;
  result.expiredExports = await expireExports(services, now);
  result.expiredPackages = await expirePackages(services, now);
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
