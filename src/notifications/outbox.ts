/**
 * Notifications when a report completes or fails: webhooks (JSON, signed
 * with HMAC-SHA256 of the body under the organisation's webhook secret) and
 * e-mail over SMTP. Every message is first written to the `notifications`
 * outbox, with its delivery job enqueued in the same transaction, so nothing
 * is lost while a receiver or the SMTP server is down: pg-boss retries with
 * exponential backoff, and each attempt updates the row (attempts, response
 * status, last error) that the `notifications` query shows.
 */
import { createHmac } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { Db } from '../db/client.ts';
import { notifications, organizations, reports, schedules } from '../db/schema.ts';
import { listNewestFirst, type KeysetRequest } from '../db/keyset.ts';
import { publicBaseUrl } from '../config.ts';
import type { Services } from '../services.ts';
import type { Queue } from '../queue.ts';
import { globalId } from '../ids.ts';
import { notifyOf } from './recipients.ts';

export const NOTIFICATION_QUEUE = 'notification-deliver';
export const SIGNATURE_HEADER = 'x-signature-256';

export type NotificationRow = typeof notifications.$inferSelect;
type ReportEventName = 'report.completed' | 'report.failed';

export interface DeliveryJob {
  notificationId: string;
  orgId: string;
}

/** `sha256=<hex HMAC-SHA256 of the exact body bytes>`, as GitHub-style receivers expect. */
export function webhookSignature(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function createNotificationQueue(boss: Queue): Promise<void> {
  if (await boss.getQueue(NOTIFICATION_QUEUE)) return;
  await boss.createQueue(NOTIFICATION_QUEUE, { expireInSeconds: 120, notify: true }).catch((error: unknown) => {
    if (!/already exists/i.test(String((error as Error).message))) throw error;
  });
}

/**
 * Called once a report completed or failed (the report worker's after-finish
 * hook): writes the outbox rows for the organisation's webhooks and e-mails
 * and its schedule's, and enqueues their deliveries. Idempotent: a retried hook finds the
 * rows of the same report and event and adds none.
 */
export async function notifyReportFinished(services: Services, reportId: string, orgId?: string): Promise<NotificationRow[]> {
  const { db } = services.database;
  const [report] = await db.select().from(reports).where(and(eq(reports.id, reportId), orgId ? eq(reports.orgId, orgId) : undefined));
  if (!report || (report.status !== 'completed' && report.status !== 'failed')) return [];
  const event: ReportEventName = report.status === 'completed' ? 'report.completed' : 'report.failed';
  // The organisation's own recipients for every report, and the schedule's for its reports.
  const [org] = await db.select({ notify: organizations.notify }).from(organizations).where(eq(organizations.id, report.orgId));
  const [schedule] = report.scheduleId
    ? await db.select().from(schedules).where(and(eq(schedules.id, report.scheduleId), eq(schedules.orgId, report.orgId)))
    : [];
  const fromSchedule = schedule ? notifyOf(schedule) : { webhooks: [], emails: [] };
  const webhooks = [...new Set([...(org?.notify.webhooks ?? []), ...fromSchedule.webhooks])];
  const emails = [...new Set([...(org?.notify.emails ?? []), ...fromSchedule.emails])];
  if (!webhooks.length && !emails.length) return [];

  // Absolute: a receiver cannot resolve a link relative to an address it never saw.
  const base = publicBaseUrl(services.config);
  const url = report.status === 'completed' ? `${base}/reports/${report.id}/download?format=pdf` : null;
  const body = JSON.stringify({
    event,
    report: {
      id: globalId('Report', report.id),
      type: report.type,
      title: report.title,
      status: report.status,
      score: report.score,
      grade: report.grade,
      period: { start: report.periodStart.toISOString(), end: report.periodEnd.toISOString() },
      url,
    },
  });
  const subject = `Report ${report.status}: ${report.title}`;
  const text = [
    `The ${schedule ? 'scheduled ' : ''}report "${report.title}" ${report.status === 'completed' ? 'is ready' : 'failed'}.`,
    '',
    `Type: ${report.type}`,
    `Period: ${report.periodStart.toISOString()} to ${report.periodEnd.toISOString()}`,
    ...(report.status === 'completed' ? [`Score: ${report.score ?? 'n/a'} (${report.grade ?? 'n/a'})`, `Summary: ${report.summary ?? ''}`, `Download (API key needed): ${url}`] : [`Error: ${report.error ?? 'unknown'}`]),
  ].join('\n');
  const smtp = Boolean(services.config.SMTP_URL);
  const queue = services.queue;

  return db.transaction(async (tx) => {
    // One hook at a time per report, so a retried hook sees the rows of the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`notify:${report.id}`}, 0))`);
    const existing = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.orgId, report.orgId), eq(notifications.reportId, report.id), eq(notifications.event, event)))
      .limit(1);
    if (existing.length) return [];
    const rows = await tx
      .insert(notifications)
      .values([
        ...webhooks.map((target) => ({ orgId: report.orgId, reportId: report.id, channel: 'webhook' as const, target, event, body })),
        ...emails.map((target) => ({ orgId: report.orgId, reportId: report.id, channel: 'email' as const, target, event, subject, body: text })),
      ])
      .returning();
    if (queue) {
      for (const row of rows) {
        // Without SMTP the e-mail waits in the outbox; nothing would deliver it.
        if (row.channel === 'email' && !smtp) continue;
        await enqueueDelivery(services, queue, tx, row);
      }
    }
    return rows;
  });
}

/** Enqueues a row's delivery inside the caller's drizzle transaction (the row commits with its job). */
export function enqueueDelivery(services: Services, boss: Queue, tx: Db, row: NotificationRow) {
  const data: DeliveryJob = { notificationId: row.id, orgId: row.orgId };
  return boss.send(NOTIFICATION_QUEUE, data, {
    db: fromDrizzle(tx as never, sql),
    retryLimit: services.config.NOTIFICATION_RETRY_LIMIT,
    retryDelay: services.config.NOTIFICATION_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    retryDelayMax: 6 * 3600,
  });
}

const MAX_NOTIFICATION_PAGE = 200;

/** The outbox, newest first (see listNewestFirst), of one report when `reportId` is given. */
export function listNotifications(db: Db, orgId: string, page: KeysetRequest & { reportId?: string | null }) {
  const where = and(eq(notifications.orgId, orgId), page.reportId ? eq(notifications.reportId, page.reportId) : undefined);
  return listNewestFirst<NotificationRow>(db, { table: notifications, max: MAX_NOTIFICATION_PAGE, where }, page);
}
