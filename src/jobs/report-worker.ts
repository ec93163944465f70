/**
 * The report job: mark generating, run the engine with progress published
 * to every API process, finish as completed or failed (cancellation is the
 * lifecycle's, which announces it). pg-boss retries with backoff; the engine
 * is idempotent per report, so a retried or resumed job yields the same
 * content.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { JobWithMetadata } from 'pg-boss';
import { reports } from '../db/schema.ts';
import { buildReport, ReportCancelled, type Progress } from '../reports/generate.ts';
import { ACTIVE, recordProgress, transition, type ReportRef } from '../reports/store.ts';
import type { Services } from '../services.ts';
import { REPORT_GIVEN_UP_QUEUE, REPORT_QUEUE, type Queue } from '../queue.ts';
import { sweepOrphanedExports, sweepOrphanedPackages } from './orphans.ts';

export type { ReportRef } from '../reports/store.ts';

/** What the handler needs of a pg-boss job; retryCount counts the earlier attempts. */
export interface ReportJob {
  /** `orgId` is missing only from jobs enqueued before it was added. */
  data: { reportId: string; orgId?: string };
  retryCount: number;
  retryLimit: number;
}

export async function startReportWorker(boss: Queue, services: Services, concurrency = 2): Promise<string> {
  const options = {
    batchSize: 1,
    localConcurrency: concurrency,
    includeMetadata: true,
    pollingIntervalSeconds: 1,
    // NOTIFY wakes workers for new jobs only: a retry falling due, or a dead worker's job put
    // back by the supervisor, waits for the next poll, which is 30 s by default under NOTIFY.
    notifyPollingIntervalSeconds: 2,
  } as const;
  // A job pg-boss gave up on arrives here once; the report fails with how its attempts ended.
  await boss.work(REPORT_GIVEN_UP_QUEUE, options, async (jobs: JobWithMetadata<ReportJob['data']>[]) => {
    for (const job of jobs) await failGivenUpReport(services, await reportRef(services, job.data), givenUpReason(job.sourceRetryCount ?? 0, job.sourceOutput));
  });
  return boss.work(REPORT_QUEUE, options, async (jobs: JobWithMetadata<ReportJob['data']>[]) => {
    for (const job of jobs) await runReportJob(services, job);
  });
}

/**
 * Why a job was given up, for a person: how many attempts there were and how
 * the last one ended. pg-boss says "job heartbeat timeout" when the worker
 * stopped answering (killed, out of memory) and "job timed out" past the
 * queue's expiry; anything else is an error our handler threw (its details
 * are in the service log, never in the report).
 */
export function givenUpReason(retryCount: number, output: unknown): string {
  const attempts = retryCount + 1;
  const said = (output as { value?: { message?: unknown }; message?: unknown } | null) ?? {};
  const message = String(said.value?.message ?? said.message ?? '');
  const ending = /heartbeat/i.test(message)
    ? 'its worker stopped answering mid-report (the process was killed or ran out of memory). If it happens again, a shorter period or a smaller scope needs less memory'
    : /timed out/i.test(message)
      ? 'it ran longer than the job time limit (30 minutes). A shorter period or a smaller scope takes less time'
      : 'it failed with an error (the service log has the details)';
  const tries = attempts === 1 ? 'its only attempt' : `${attempts} attempts`;
  return `Generation was given up after ${tries}: the last one ended because ${ending}.`;
}

/** Fails a report that is still pending or generating with `reason`; its follow-up job (notifications) commits with it. */
async function failGivenUpReport(services: Services, report: ReportRef, reason: string): Promise<boolean> {
  const failed = await services.database.db.transaction((tx) =>
    transition(tx, report, ACTIVE, 'failed', { error: reason, progressMessage: reason }, services.queue));
  if (!failed) return false; // finished, cancelled or deleted meanwhile
  services.log.warn('report given up', { reportId: report.reportId, reason });
  return true;
}

export const REPORT_SWEEP_QUEUE = 'report-sweep';

/** Runs the sweep (reports, then exports and packages: jobs/orphans.ts) every five minutes on whichever worker takes it. */
export async function scheduleReportSweep(boss: Queue, services: Services, cron = '*/5 * * * *'): Promise<void> {
  if (!(await boss.getQueue(REPORT_SWEEP_QUEUE))) {
    await boss.createQueue(REPORT_SWEEP_QUEUE, { retryLimit: 0, expireInSeconds: 600, policy: 'singleton' }).catch((error: unknown) => {
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    });
  }
  await boss.schedule(REPORT_SWEEP_QUEUE, cron);
  await boss.work(REPORT_SWEEP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, async () => {
    await sweepOrphanedReports(services, boss);
    await sweepOrphanedExports(services, boss);
    await sweepOrphanedPackages(services, boss);
  });
}

const ALIVE = new Set(['created', 'retry', 'active']);

/**
 * Fails the reports still pending or generating whose job no longer exists or
 * has ended (deleted, given up before the dead letter queue existed, or
 * completed without finishing the report). Only reports older than
 * `olderThanMs` are looked at: a report and its job are written in one
 * transaction, so a younger one without a job is one a caller runs itself.
 */
async function sweepOrphanedReports(services: Services, boss: Queue, olderThanMs = 10 * 60_000): Promise<string[]> {
  const candidates = await services.database.db
    .select({ id: reports.id, orgId: reports.orgId })
    .from(reports)
    .where(and(inArray(reports.status, ['pending', 'generating']), isNull(reports.deletedAt), lt(reports.createdAt, new Date(Date.now() - olderThanMs))))
    .limit(1000);
  const failed: string[] = [];
  for (const { id, orgId } of candidates) {
    const jobs = [
      ...(await boss.findJobs<{ reportId: string }>(REPORT_QUEUE, { data: { reportId: id } })),
      ...(await boss.findJobs<{ reportId: string }>(REPORT_GIVEN_UP_QUEUE, { data: { reportId: id } })),
    ];
    if (jobs.some((job) => ALIVE.has(job.state))) continue;
    const last = jobs.filter((job) => job.name === REPORT_QUEUE).at(-1);
    const reason = last?.state === 'failed'
      ? givenUpReason(last.retryCount, last.output)
      : `Generation stopped: the report's job ${last ? `ended (${last.state}) without finishing it` : 'no longer exists'}. Generate the report again.`;
    if (await failGivenUpReport(services, { reportId: id, orgId }, reason)) failed.push(id);
  }
  return failed;
}

export async function runReportJob(services: Services, job: ReportJob): Promise<void> {
  const report = await reportRef(services, job.data);
  const { reportId } = report;
  const attempt = job.retryCount + 1;
  const { db } = services.database;
  const started = await db.transaction((tx) =>
    transition(tx, report, ACTIVE, 'generating', {
      // The time as a value: Citus refuses now() inside coalesce in an UPDATE of a distributed table.
      startedAt: sql`coalesce(${reports.startedAt}, ${new Date().toISOString()}::timestamptz)`,
      progressStage: 'collecting',
      progressPercent: 1,
      progressMessage: attempt > 1 ? `Resuming (attempt ${attempt})` : 'Started',
    }));
  if (!started) return; // cancelled, deleted or already finished: nothing to do
  const clock = performance.now();
  const finished = (status: 'completed' | 'failed') => {
    services.metrics.reports.inc({ type: started.type, status });
    services.metrics.reportDuration.observe({ type: started.type, status }, (performance.now() - clock) / 1000);
  };

  const onProgress = async (p: Progress) => {
    const row = await db.transaction((tx) => recordProgress(tx, report, { progressPercent: p.percent, progressStage: p.stage, progressMessage: p.message }));
    if (!row) throw new ReportCancelled();
    const delay = services.config.REPORT_STEP_DELAY_MS;
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
  };

  try {
    // The engine completes the report through the store, which announces it and enqueues its follow-up in that transaction.
    await buildReport(services, reportId, onProgress, report.orgId, { queue: services.queue });
  } catch (error) {
    // Cancelled or deleted meanwhile (the lifecycle announced it), or finished by another attempt.
    if (error instanceof ReportCancelled) return;
    const errorId = randomUUID().slice(0, 8);
    services.log.error('report generation failed', { reportId, errorId, attempt, err: error instanceof Error ? error : new Error(String(error)) });
    if (job.retryCount < job.retryLimit) {
      await db.transaction((tx) => recordProgress(tx, report, { progressMessage: `Attempt ${attempt} failed (error ${errorId}); retrying` }));
      throw error; // pg-boss retries with backoff
    }
    // Internal errors stay in the log; the report says where to look, never a stack.
    const message = `Generation failed after ${attempt} attempt${attempt > 1 ? 's' : ''} (error ${errorId}); the service log has the details.`;
    const failed = await db.transaction((tx) => transition(tx, report, ['generating'], 'failed', { error: message, progressMessage: message }, services.queue));
    if (failed) finished('failed');
    return;
  }
  services.log.info('report completed', { reportId, attempt, pid: process.pid });
  finished('completed');
}

/** The job's report; a job enqueued before jobs named their organisation finds it once by the report's id. */
async function reportRef(services: Services, data: ReportJob['data']): Promise<ReportRef> {
  if (data.orgId) return { reportId: data.reportId, orgId: data.orgId };
  const [row] = await services.database.db.select({ orgId: reports.orgId }).from(reports).where(eq(reports.id, data.reportId));
  // A report that no longer exists: no update below matches a nil organisation.
  return { reportId: data.reportId, orgId: row?.orgId ?? '00000000-0000-0000-0000-000000000000' };
}
