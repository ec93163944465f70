/**
 * A finished report's follow-up, a job of its own: the transaction that
 * completes or fails a report enqueues it (reports/store.ts), so a report
 * cannot finish without it, and pg-boss retries it without touching the
 * report. Notifications go first and every step is idempotent (the outbox
 * and deliveries look for their rows first; stored files are kept), so a
 * retry repeats nothing that already happened. A file that keeps failing to
 * render (no Chromium, say) is given up after the last retry rather than
 * holding back the deliveries: downloads render a missing file on request.
 */
import { and, eq } from 'drizzle-orm';
import type { JobWithMetadata } from 'pg-boss';
import { reports } from '../db/schema.ts';
import { deliverReport } from '../delivery/s3.ts';
import { notifyReportFinished } from '../notifications/outbox.ts';
import { renderArtifacts } from '../render/artifacts.ts';
import type { Services } from '../services.ts';
import { REPORT_FINISHED_QUEUE, type Queue } from '../queue.ts';

interface ReportFinishedJob {
  reportId: string;
  orgId: string;
}

export function startReportFinishedWorker(boss: Queue, services: Services, concurrency = 1): Promise<string> {
  const options = { batchSize: 1, localConcurrency: concurrency, includeMetadata: true, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 2 } as const;
  return boss.work(REPORT_FINISHED_QUEUE, options, async (jobs: JobWithMetadata<ReportFinishedJob>[]) => {
    for (const job of jobs) await runReportFinished(services, job.data, { lastAttempt: job.retryCount >= job.retryLimit });
  });
}

async function runReportFinished(services: Services, { reportId, orgId }: ReportFinishedJob, { lastAttempt }: { lastAttempt: boolean }): Promise<void> {
  const [row] = await services.database.db.select({ status: reports.status }).from(reports).where(and(eq(reports.orgId, orgId), eq(reports.id, reportId)));
  if (!row || (row.status !== 'completed' && row.status !== 'failed')) return;
  await notifyReportFinished(services, reportId, orgId);
  if (row.status !== 'completed') return;
  try {
    // Files are rendered once, right after completion, so the first download is instant.
    await renderArtifacts(services, reportId, orgId);
  } catch (error) {
    if (!lastAttempt) throw error; // retried with backoff
    services.log.error('rendering report files failed', { reportId, err: error instanceof Error ? error : new Error(String(error)) });
  }
  await deliverReport(services, reportId);
}
