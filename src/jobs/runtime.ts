/**
 * What a process runs besides HTTP: the job queue (every process that
 * enqueues), report workers (worker and start), and the LISTEN/NOTIFY
 * listener (API processes). One place, so main.ts and the tests agree.
 */
import { closePdfRenderer } from '../render/pdf.ts';
import { registerDeliveryJobs } from './recurring.ts';
import type { Services } from '../services.ts';
import { startQueue } from '../queue.ts';
import { scheduleReportSweep, startReportWorker } from './report-worker.ts';
import { startReportFinishedWorker } from './report-finished.ts';
import { startRollupWorker } from './rollup-refresh.ts';
import { deliverExport, deliverPackage } from '../delivery/s3.ts';
import { createExportQueue, startExportWorker } from './export-worker.ts';
import { startPostureWorker } from './posture-refresh.ts';
import { createPackageQueue, startPackageWorker } from './package-worker.ts';

export interface JobRuntimeOptions {
  /** Run report jobs in this process. */
  work: boolean;
  /** Listen for report changes (API processes serving subscriptions). */
  listen: boolean;
  concurrency?: number;
  /** Register the recurring jobs (schedule tick, retention); off for one-shot CLI runs. */
  recurring?: boolean;
}

export async function startJobRuntime(services: Services, options: JobRuntimeOptions): Promise<() => Promise<void>> {
  const queue = await startQueue(services.database.url, services.log, services.config.JOB_SCHEMA);
  services.queue = queue;
  // Every process that enqueues exports needs their queue to exist.
  await createExportQueue(queue);
  await createPackageQueue(queue);
  if (options.listen) {
    await services.realtime.start();
    await services.posture.start();
  }
  if (options.work) {
    await startReportWorker(queue, services, options.concurrency);
    await startReportFinishedWorker(queue, services);
    await startRollupWorker(queue, services);
    await startExportWorker(queue, services, { afterComplete: async (row) => void (await deliverExport(services, row)) });
    await startPostureWorker(queue, services, { cron: options.recurring !== false });
    await startPackageWorker(queue, services, { afterComplete: async (row) => void (await deliverPackage(services, row)) });
    // Schedules, retention and notification deliveries run where reports run.
    if (options.recurring !== false) {
      await registerDeliveryJobs(queue, services);
      await scheduleReportSweep(queue, services);
    }
  }
  return async () => {
    // graceful: the job in hand finishes before the pool closes; past the grace
    // pg-boss fails it back to the queue (it is retried, and the engine is idempotent).
    await queue.stop({ graceful: true, timeout: services.config.SHUTDOWN_GRACE_SECONDS * 1000, close: true });
    await services.realtime.stop();
    await services.posture.stop();
    await closePdfRenderer();
    services.queue = null;
  };
}
