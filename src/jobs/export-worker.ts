/**
 * The export job: mark generating, stream the file with progress published
 * to every API process, finish as completed or failed. pg-boss retries with
 * backoff; a retry rewrites the file from the same watermark.
 */
import { randomUUID } from 'node:crypto';
import { inArray, isNull, and, eq, sql } from 'drizzle-orm';
import type { JobWithMetadata } from 'pg-boss';
import { dataExports } from '../db/schema.ts';
import { buildExport, EXPORT_QUEUE, ExportCancelled, updateExport, type ExportProgress, type ExportRecord } from '../exports/exports.ts';
import type { Services } from '../services.ts';
import type { Queue } from '../queue.ts';

interface ExportJobData {
  orgId: string;
  exportId: string;
}

interface ExportJobHooks {
  /** After an export completed: deliveries. Errors are logged, never fail the export. */
  afterComplete?: (row: ExportRecord) => Promise<void>;
}

export async function createExportQueue(boss: Queue): Promise<void> {
  if (await boss.getQueue(EXPORT_QUEUE)) return;
  await boss
    .createQueue(EXPORT_QUEUE, { retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: 60 * 60, heartbeatSeconds: 10, notify: true })
    .catch((error: unknown) => {
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    });
}

export async function startExportWorker(boss: Queue, services: Services, hooks: ExportJobHooks = {}): Promise<string> {
  await createExportQueue(boss);
  return boss.work<ExportJobData>(EXPORT_QUEUE, { batchSize: 1, localConcurrency: 1, includeMetadata: true, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs as Array<JobWithMetadata<ExportJobData>>) await runExportJob(services, job, hooks);
  });
}

async function runExportJob(services: Services, job: { data: ExportJobData; retryCount: number; retryLimit: number }, hooks: ExportJobHooks = {}): Promise<void> {
  const { orgId, exportId } = job.data;
  const attempt = job.retryCount + 1;
  const started = await updateExport(services, orgId, exportId, and(inArray(dataExports.status, ['pending', 'generating']), isNull(dataExports.deletedAt)), {
    status: 'generating',
    // A value, not now(): Citus refuses a non-immutable function inside coalesce in an UPDATE.
    startedAt: sql`coalesce(${dataExports.startedAt}, ${new Date().toISOString()}::timestamptz)`,
    progressStage: 'exporting',
    progressPercent: 1,
    progressMessage: attempt > 1 ? `Resuming (attempt ${attempt})` : 'Started',
  });
  if (!started) return;
  const generating = eq(dataExports.status, 'generating');
  const onProgress = async (p: ExportProgress) => {
    const row = await updateExport(services, orgId, exportId, generating, { progressPercent: p.percent, progressStage: p.stage, progressMessage: p.message }, true);
    if (!row) throw new ExportCancelled();
    const delay = services.config.REPORT_STEP_DELAY_MS;
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  };
  let done: ExportRecord;
  try {
    done = await buildExport(services, orgId, exportId, onProgress);
  } catch (error) {
    if (error instanceof ExportCancelled) return;
    const errorId = randomUUID().slice(0, 8);
    services.log.error('export failed', { exportId, errorId, attempt, err: error instanceof Error ? error : new Error(String(error)) });
    if (job.retryCount < job.retryLimit) {
      await updateExport(services, orgId, exportId, generating, { progressMessage: `Attempt ${attempt} failed (error ${errorId}); retrying` }, true);
      throw error;
    }
    const message = `Export failed after ${attempt} attempt${attempt > 1 ? 's' : ''} (error ${errorId}); the service log has the details.`;
    await updateExport(services, orgId, exportId, generating, { status: 'failed', error: message, progressStage: 'failed', progressMessage: message, completedAt: new Date() });
    return;
  }
  services.log.info('export completed', { exportId, rows: done.rowCount, bytes: done.sizeBytes });
  try {
    await hooks.afterComplete?.(done);
  } catch (error) {
    services.log.error('after-export hook failed', { exportId, err: error instanceof Error ? error : new Error(String(error)) });
  }
}
