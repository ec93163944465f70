/**
 * The job queue: pg-boss on the service's own PostgreSQL (schema `pgboss`),
 * its queues, and enqueueing inside a caller's transaction (the workers that
 * take the jobs are in jobs/). Report jobs are enqueued in the same
 * transaction as their report row, so a report and its job commit together
 * or not at all.
 */
import { sql as drizzleSql } from 'drizzle-orm';
import { fromDrizzle, PgBoss } from 'pg-boss';
import type { Logger } from './log.ts';

export const REPORT_QUEUE = 'report-generate';
/** Where pg-boss puts a report job it gave up on (retries spent, last attempt failed or its worker died). */
export const REPORT_GIVEN_UP_QUEUE = 'report-given-up';

/** A finished report's follow-up (files, notifications, deliveries), enqueued in the transaction that finishes it. */
export const REPORT_FINISHED_QUEUE = 'report-finished';
/** Events ingested since the last refresh are summed into the rollups (jobs/rollup-refresh.ts). */
export const ROLLUP_QUEUE = 'event-rollups';
const rollupQueueOptions = { retryLimit: 2, retryDelay: 5, expireInSeconds: 30 * 60 } as const;
/** An organisation's live posture is evaluated again (jobs/posture-refresh.ts). */
export const POSTURE_QUEUE = 'posture-evaluate';
const postureQueueOptions = { retryLimit: 5, retryDelay: 1, expireInSeconds: 10 * 60, heartbeatSeconds: 10 } as const;

export type Queue = PgBoss;

export async function startQueue(connectionString: string, log: Logger, schema = 'pgboss'): Promise<Queue> {
  const boss = new PgBoss({
    connectionString,
    schema,
    max: 4,
    application_name: 'agent-reports-jobs',
    useListenNotify: true,
    // Finds jobs whose worker died (missed heartbeats) within seconds, not the default minute.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
  });
  boss.on('error', (error) => log.error('job queue error', { err: error }));
  await boss.start();
  if (!(await boss.getQueue(REPORT_GIVEN_UP_QUEUE))) {
    await boss.createQueue(REPORT_GIVEN_UP_QUEUE, { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 }).catch((error: unknown) => {
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    });
  }
  const reportQueue = await boss.getQueue(REPORT_QUEUE);
  // A queue created before it had a dead letter queue gets one: a report whose job is given up must not stay generating.
  if (reportQueue && !reportQueue.deadLetter) await boss.updateQueue(REPORT_QUEUE, { deadLetter: REPORT_GIVEN_UP_QUEUE });
  if (!reportQueue) {
    await boss
      .createQueue(REPORT_QUEUE, {
        retryLimit: 4,
        retryDelay: 2,
        retryBackoff: true,
        expireInSeconds: 30 * 60,
        // A worker killed mid-report stops its heartbeat; the job is retried on another worker.
        heartbeatSeconds: 10,
        notify: true,
        // Given up (retries spent): the report is failed there, with how its attempts ended.
        deadLetter: REPORT_GIVEN_UP_QUEUE,
      })
      .catch((error: unknown) => {
        // Another process created it at the same moment.
        if (!/already exists/i.test(String((error as Error).message))) throw error;
      });
  }
  if (!(await boss.getQueue(REPORT_FINISHED_QUEUE))) {
    // Its own retries: a file that failed to render, or a notification that failed to enqueue, is tried again.
    await boss.createQueue(REPORT_FINISHED_QUEUE, { retryLimit: 4, retryDelay: 2, retryBackoff: true, expireInSeconds: 10 * 60 }).catch((error: unknown) => {
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    });
  }
  if (!(await boss.getQueue(ROLLUP_QUEUE))) {
    await boss.createQueue(ROLLUP_QUEUE, rollupQueueOptions).catch((error: unknown) => {
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    });
  }
  if (!(await boss.getQueue(POSTURE_QUEUE))) {
    await boss.createQueue(POSTURE_QUEUE, postureQueueOptions).catch((error: unknown) => {
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    });
  }
  return boss;
}

/**
 * Enqueues a report's job inside the caller's drizzle transaction. The job
 * names the organisation too, so every query of the job goes to that
 * organisation's shard on a Citus cluster.
 */
export function enqueueReport(boss: Queue, tx: Parameters<typeof fromDrizzle>[0], reportId: string, orgId: string) {
  return boss.send(REPORT_QUEUE, { reportId, orgId }, { db: fromDrizzle(tx, drizzleSql) });
}

/** Enqueues a finished report's follow-up job inside the caller's drizzle transaction (see report-finished.ts). */
export function enqueueReportFinished(boss: Queue, tx: Parameters<typeof fromDrizzle>[0], ref: { reportId: string; orgId: string }) {
  return boss.send(REPORT_FINISHED_QUEUE, { reportId: ref.reportId, orgId: ref.orgId }, { db: fromDrizzle(tx, drizzleSql) });
}
