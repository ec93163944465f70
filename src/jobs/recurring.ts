/**
 * The recurring work of worker processes, driven by pg-boss cron: the
 * schedule tick every minute, retention every hour, and notification
 * deliveries. pg-boss sends each cron job once per occurrence however many
 * processes registered it, and any worker may take it; the tick itself is
 * also safe to run concurrently (see schedules.ts).
 */
import type { Services } from '../services.ts';
import { startNotificationWorker } from './notification-worker.ts';
import type { Queue } from '../queue.ts';
import { runRetention } from './retention.ts';
import { runDueSchedules } from '../schedules/schedules.ts';

export const SCHEDULE_TICK_QUEUE = 'schedule-tick';
const RETENTION_QUEUE = 'retention-run';

interface RecurringJobOptions {
  /** The clock the tick and retention read; tests pass their own. */
  now?: () => Date;
  /** Cron of the tick and of retention (defaults: every minute, hourly at :17). */
  tickCron?: string;
  retentionCron?: string;
  /** false: register the workers only, without the cron schedules (tests send ticks themselves). */
  cron?: boolean;
}

async function ensureQueue(boss: Queue, name: string, options: Parameters<Queue['createQueue']>[1]) {
  if (await boss.getQueue(name)) return;
  await boss.createQueue(name, options).catch((error: unknown) => {
    if (!/already exists/i.test(String((error as Error).message))) throw error;
  });
}

/** Registers the cron schedules and the workers of schedules, retention and notifications in this process. */
export async function registerDeliveryJobs(boss: Queue, services: Services, options: RecurringJobOptions = {}): Promise<void> {
  const now = options.now ?? (() => new Date());
  // A tick that was missed is worthless once the next one comes: no retries, short expiry.
  await ensureQueue(boss, SCHEDULE_TICK_QUEUE, { retryLimit: 0, expireInSeconds: 300, policy: 'singleton' });
  await ensureQueue(boss, RETENTION_QUEUE, { retryLimit: 2, retryDelay: 60, expireInSeconds: 3600, policy: 'singleton' });
  if (options.cron !== false) {
    await boss.schedule(SCHEDULE_TICK_QUEUE, options.tickCron ?? '* * * * *');
    await boss.schedule(RETENTION_QUEUE, options.retentionCron ?? '17 * * * *');
  }
  await boss.work(SCHEDULE_TICK_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
    const result = await runDueSchedules(services, now());
    if (result.created.length || result.failed) services.log.info('schedule tick', { created: result.created.length, skipped: result.skipped, failed: result.failed });
  });
  await boss.work(RETENTION_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
    await runRetention(services, now());
  });
  await startNotificationWorker(boss, services);
}
