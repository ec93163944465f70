/**
 * The notification-deliver queue: one attempt per job, through the channel
 * of the outbox row (webhook, e-mail, S3); pg-boss retries with backoff.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Job } from 'pg-boss';
import { notifications } from '../db/schema.ts';
import { uploadToS3 } from '../delivery/s3.ts';
import { postWebhook, sendEmail } from '../notifications/channels.ts';
import { createNotificationQueue, NOTIFICATION_QUEUE, type DeliveryJob } from '../notifications/outbox.ts';
import type { Services } from '../services.ts';
import type { Queue } from '../queue.ts';

export async function startNotificationWorker(boss: Queue, services: Services): Promise<string> {
  await createNotificationQueue(boss);
  // NOTIFY wakes workers for new jobs only; a retry becomes due silently, so poll about as often as the shortest retry delay.
  const poll = Math.max(0.5, Math.min(30, services.config.NOTIFICATION_RETRY_DELAY_SECONDS));
  return boss.work<DeliveryJob>(NOTIFICATION_QUEUE, { batchSize: 1, localConcurrency: 4, includeMetadata: true, pollingIntervalSeconds: poll, notifyPollingIntervalSeconds: poll }, async (jobs) => {
    for (const job of jobs) await deliverNotification(services, job as Job<DeliveryJob> & { retryLimit: number });
  });
}

/** One delivery attempt. Throws to have pg-boss retry; the last failed attempt marks the row failed. */
export async function deliverNotification(services: Services, job: Job<DeliveryJob> & { retryLimit: number }): Promise<void> {
  const { db } = services.database;
  const { notificationId, orgId } = job.data;
  const [row] = await db
    .update(notifications)
    .set({ attempts: sql`${notifications.attempts} + 1` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.orgId, orgId), eq(notifications.status, 'pending')))
    .returning();
  if (!row) return; // delivered already (a retried job after a lost acknowledgement) or removed
  let responseStatus: number | null = null;
  try {
    if (row.channel === 'webhook') responseStatus = await postWebhook(services, row);
    else if (row.channel === 's3') responseStatus = await uploadToS3(services, row);
    else await sendEmail(services, row);
  } catch (error) {
    const last = job.retryCount >= job.retryLimit;
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(notifications)
      .set({ lastError: message.slice(0, 1000), responseStatus: (error as { status?: number }).status ?? null, ...(last ? { status: 'failed' } : {}) })
      .where(and(eq(notifications.id, row.id), eq(notifications.orgId, orgId)));
    services.log.warn('notification delivery failed', { notificationId: row.id, channel: row.channel, attempt: row.attempts, last, reason: message });
    if (!last) throw error;
    return;
  }
  await db
    .update(notifications)
    .set({ status: 'delivered', deliveredAt: new Date(), responseStatus, lastError: null })
    .where(and(eq(notifications.id, row.id), eq(notifications.orgId, orgId)));
}
