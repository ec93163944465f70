/**
 * The report job: mark generating, run the engine with progress published
 * to every API process, finish as completed, cancelled or failed. pg-boss
 * retries with backoff; the engine is idempotent per report, so a retried
 * or resumed job yields the same content.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Job } from 'pg-boss';
import { reports } from '../db/schema.ts';
import { buildReport, ReportCancelled, type Progress } from '../reports/generate.ts';
import type { Services } from '../services.ts';
import { REPORT_QUEUE, type Queue } from './queue.ts';

export interface ReportJobHooks {
  /** After a report completed or failed: render files, notify. Errors are logged, never fail the report. */
  afterFinish?: (reportId: string, status: 'completed' | 'failed') => Promise<void>;
}

export async function startReportWorker(boss: Queue, services: Services, hooks: ReportJobHooks = {}, concurrency = 2): Promise<string> {
  return boss.work<{ reportId: string }>(REPORT_QUEUE, { batchSize: 1, localConcurrency: concurrency, includeMetadata: true, pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await runReportJob(services, job as Job<{ reportId: string }> & { retryLimit?: number }, hooks);
  });
}

export async function runReportJob(services: Services, job: Job<{ reportId: string }> & { retryLimit?: number }, hooks: ReportJobHooks) {
  const { db } = services.database;
  const reportId = job.data.reportId;
  const [started] = await db
    .update(reports)
    .set({
      status: 'generating',
      startedAt: sql`coalesce(${reports.startedAt}, now())`,
      progressStage: 'collecting',
      progressPercent: 1,
      progressMessage: job.retryCount ? `Resuming (attempt ${job.retryCount + 1})` : 'Started',
    })
    .where(and(eq(reports.id, reportId), inArray(reports.status, ['pending', 'generating']), isNull(reports.deletedAt)))
    .returning();
  if (!started) return; // cancelled, deleted or already finished: nothing to do
  await publish(services, started.orgId, reportId, 'generating', { percent: 1, stage: 'collecting', message: started.progressMessage });

  const onProgress = async (p: Progress) => {
    const [row] = await db
      .update(reports)
      .set({ progressPercent: p.percent, progressStage: p.stage, progressMessage: p.message })
      .where(and(eq(reports.id, reportId), eq(reports.status, 'generating')))
      .returning({ id: reports.id });
    if (!row) throw new ReportCancelled();
    await publish(services, started.orgId, reportId, 'generating', p);
    const delay = services.config.REPORT_STEP_DELAY_MS;
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  };

  try {
    await buildReport(services, reportId, onProgress);
  } catch (error) {
    if (error instanceof ReportCancelled) {
      await publish(services, started.orgId, reportId, 'cancelled', { percent: started.progressPercent, stage: 'cancelled', message: 'Cancelled on request' });
      return;
    }
    const last = job.retryCount >= (job.retryLimit ?? 0);
    const errorId = randomUUID().slice(0, 8);
    services.log.error('report generation failed', { reportId, errorId, attempt: job.retryCount + 1, err: error instanceof Error ? error : new Error(String(error)) });
    if (!last) {
      await db.update(reports).set({ progressMessage: `Attempt ${job.retryCount + 1} failed; retrying` }).where(eq(reports.id, reportId));
      throw error; // pg-boss retries with backoff
    }
    const message = `Generation failed after ${job.retryCount + 1} attempts (error ${errorId}); the service log has the details.`;
    await db.update(reports).set({ status: 'failed', error: message, progressStage: 'failed', progressMessage: message, completedAt: new Date() }).where(and(eq(reports.id, reportId), eq(reports.status, 'generating')));
    await publish(services, started.orgId, reportId, 'failed', { percent: started.progressPercent, stage: 'failed', message });
    await runHook(services, hooks, reportId, 'failed');
    return;
  }
  const [done] = await db.select({ summary: reports.summary }).from(reports).where(eq(reports.id, reportId));
  await publish(services, started.orgId, reportId, 'completed', { percent: 100, stage: 'completed', message: done?.summary ?? 'Completed' });
  await runHook(services, hooks, reportId, 'completed');
}

async function runHook(services: Services, hooks: ReportJobHooks, reportId: string, status: 'completed' | 'failed') {
  try {
    await hooks.afterFinish?.(reportId, status);
  } catch (error) {
    services.log.error('after-report hook failed', { reportId, err: error instanceof Error ? error : new Error(String(error)) });
  }
}

function publish(services: Services, orgId: string, reportId: string, status: string, p: { percent: number; stage: string; message: string }) {
  return services.realtime.publish({ orgId, reportId, status, percent: p.percent, stage: p.stage, message: p.message, at: new Date().toISOString() });
}
