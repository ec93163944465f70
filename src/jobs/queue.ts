/**
 * pg-boss on the service's own PostgreSQL (schema `pgboss`): report jobs are
 * enqueued in the same transaction as their report row, so a report and its
 * job commit together or not at all.
 */
import { sql as drizzleSql } from 'drizzle-orm';
import { fromDrizzle, PgBoss } from 'pg-boss';
import type { Logger } from '../log.ts';
import { POSTURE_QUEUE, postureQueueOptions } from './posture-refresh.ts';
import { ROLLUP_QUEUE, rollupQueueOptions } from './rollup-refresh.ts';

export const REPORT_QUEUE = 'report-generate';

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
  if (!(await boss.getQueue(REPORT_QUEUE))) {
    await boss
      .createQueue(REPORT_QUEUE, {
        retryLimit: 4,
        retryDelay: 2,
        retryBackoff: true,
        expireInSeconds: 30 * 60,
        // A worker killed mid-report stops its heartbeat; the job is retried on another worker.
        heartbeatSeconds: 10,
        notify: true,
      })
      .catch((error: unknown) => {
        // Another process created it at the same moment.
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

/** Enqueues a report's job inside the caller's drizzle transaction. */
export function enqueueReport(boss: Queue, tx: Parameters<typeof fromDrizzle>[0], reportId: string) {
  return boss.send(REPORT_QUEUE, { reportId }, { db: fromDrizzle(tx, drizzleSql) });
}
