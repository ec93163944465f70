/**
 * Retention: a completed report's files are kept `organizations.retention_days`
 * (90 by default) after completion; then the recurring job deletes its
 * report_artifacts and marks it `expired`. Metadata, findings, content and
 * the content hash stay, so the report can still be read, verified and
 * regenerated; downloads answer 410.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { retryTransient } from '../db/transient.ts';
import { dataExports, organizations, reports } from '../db/schema.ts';
import { expireExports } from '../exports/exports.ts';
import { badInput, notFound } from '../errors.ts';
import { recordServiceEvent } from '../events/ingest.ts';
import { changeOf } from '../realtime/pubsub.ts';
import type { Services } from '../services.ts';
import { validateNotify, type NotifySettings } from './schedules.ts';

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
const BATCH = 200;
const DAY_MS = 86_400_000;

export function expiryFor(retentionDays: number, completedAt: Date): Date {
  return new Date(completedAt.getTime() + retentionDays * DAY_MS);
}

export interface RetentionResult {
  expiredReports: number;
  deletedArtifacts: number;
  /** Data exports whose files were deleted. */
  expiredExports?: number;
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

export interface OrganizationSettings {
  retentionDays: number;
  /** Told about every report of the organisation that completes or fails (schedules add their own). */
  notify: NotifySettings;
}

export async function organizationSettings(db: Db, orgId: string): Promise<OrganizationSettings & { webhookSecret: string }> {
  const [org] = await db
    .select({ retentionDays: organizations.retentionDays, webhookSecret: organizations.webhookSecret, notify: organizations.notify })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw notFound('Organization');
  return { ...org, notify: { webhooks: org.notify.webhooks ?? [], emails: org.notify.emails ?? [] } };
}

/**
 * Changes the retention period; completed reports are re-dated to the new
 * period (the next retention run expires those now past it).
 */
export async function updateOrganizationSettings(
  services: Services,
  requester: { orgId: string; actorId: string },
  input: { retentionDays?: number; notify?: Partial<NotifySettings> },
): Promise<OrganizationSettings> {
  const { db } = services.database;
  const before = await organizationSettings(db, requester.orgId);
  const retentionDays = input.retentionDays ?? before.retentionDays;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS || retentionDays > MAX_RETENTION_DAYS) {
    throw badInput('retentionDays', `retentionDays must be a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`);
  }
  // A list given replaces the current one; a list left out stays.
  const notify = input.notify
    ? validateNotify({ webhooks: input.notify.webhooks ?? before.notify.webhooks, emails: input.notify.emails ?? before.notify.emails }, services.config.WEBHOOK_ALLOWED_HOSTS)
    : before.notify;
  await retryTransient(() => db.transaction(async (tx) => {
    await tx.update(organizations).set({ retentionDays, notify }).where(eq(organizations.id, requester.orgId));
    if (retentionDays !== before.retentionDays) {
      await tx
        .update(reports)
        .set({ expiresAt: sql`((${reports.completedAt} at time zone 'UTC') + make_interval(days => ${retentionDays}::int)) at time zone 'UTC'` })
        .where(and(eq(reports.orgId, requester.orgId), eq(reports.status, 'completed'), isNull(reports.deletedAt)));
      await tx
        .update(dataExports)
        .set({ expiresAt: sql`((${dataExports.completedAt} at time zone 'UTC') + make_interval(days => ${retentionDays}::int)) at time zone 'UTC'` })
        .where(and(eq(dataExports.orgId, requester.orgId), eq(dataExports.status, 'completed')));
    }
  }));
  await recordServiceEvent(services.database, requester.orgId, {
    action: 'organization.settings_changed',
    actorId: requester.actorId,
    resource: `organization:${requester.orgId}`,
    attributes: {
      retentionDays: { from: before.retentionDays, to: retentionDays },
      // Counts only: the URLs may carry tokens of the receiving system.
      notify: { webhooks: notify.webhooks.length, emails: notify.emails.length },
    },
  });
  return { retentionDays, notify };
}
