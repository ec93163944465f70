/**
 * Keeps live posture (src/reports/posture.ts) within seconds of ingest:
 * every ingest request asks for a re-evaluation of its organisation,
 * debounced to one per slot of `POSTURE_DEBOUNCE_SECONDS` (pg-boss moves a
 * request that finds its slot taken to the next slot, so the last events of
 * a burst are always evaluated). Evaluations of one organisation wait for
 * each other (an advisory lock), so at most one is in flight; a worker
 * killed mid-evaluation commits nothing and its jobs are retried once its
 * heartbeat stops. Sustained ingest leaves a job due every second per
 * organisation, and a worker that was away or behind finds them queued:
 * the worker takes the due jobs in batches, back to back while batches come
 * full, and evaluates each organisation of a batch once, unless an
 * evaluation that read its watermark after the newest of them became due
 * has answered them already. One job at a time, a backlog of N jobs took N
 * polls to drain while a new job came every second. A daily job
 * re-evaluates every organisation with a posture, so the window moves and
 * the day's snapshot is taken even without events.
 */
import type { Services } from '../services.ts';
import { evaluatedSince, evaluatePosture, organisationsWithPosture } from '../reports/posture.ts';
import { POSTURE_QUEUE, type Queue } from '../queue.ts';

const POSTURE_DAILY_QUEUE = 'posture-daily';
const POSTURE_DEBOUNCE_SECONDS = 1;
/** Due jobs taken at once: a backlog drains in a few fetches, and each organisation in them is evaluated once. */
const POSTURE_BATCH = 50;

/** After events of `orgId` were stored (or its settings changed): a re-evaluation soon. Never fails the caller. */
export async function requestPostureEvaluation(services: Services, orgId: string): Promise<void> {
  if (!services.queue) return;
  await services.queue
    .sendDebounced(POSTURE_QUEUE, { orgId }, null, POSTURE_DEBOUNCE_SECONDS, orgId)
    .catch((error: unknown) => services.log.warn('could not request a posture evaluation', { orgId, err: error instanceof Error ? error : new Error(String(error)) }));
}

export async function startPostureWorker(boss: Queue, services: Services, options: { cron?: boolean } = {}): Promise<void> {
  // A debounced job becomes due without a NOTIFY: poll often, the latency target is seconds.
  await boss.work<{ orgId: string }>(POSTURE_QUEUE, { batchSize: POSTURE_BATCH, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
    // Due, not created: a request that found a job's slot taken was folded into it, and came before it was due.
    const byOrg = Map.groupBy(jobs as Array<(typeof jobs)[number] & { startAfter: Date; createdOn: Date }>, (job) => job.data.orgId);
    for (const [orgId, due] of byOrg) {
      // Requests queue up while an evaluation runs; one that read its watermark after the newest job became due answers them all.
      const newest = new Date(Math.max(...due.map((j) => j.startAfter.getTime())));
      if (await evaluatedSince(services.database.db, orgId, newest)) continue;
      const startedAt = Date.now();
      const result = await evaluatePosture(services, orgId);
      const ms = Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [k, Math.round(v)]));
      const oldest = Math.min(...due.map((j) => j.createdOn.getTime()));
      // The timings say where an evaluation's time goes under load (npm run bench:posture reads them).
      services.log.info('posture evaluated', { orgId, jobs: due.length, changes: result.changes.length, watermark: result.watermark, queuedMs: startedAt - oldest, ...ms });
    }
  });
  if (!(await boss.getQueue(POSTURE_DAILY_QUEUE))) {
    await boss.createQueue(POSTURE_DAILY_QUEUE, { retryLimit: 2, retryDelay: 60, expireInSeconds: 3600, policy: 'singleton' }).catch((error: unknown) => {
      if (!/already exists/i.test(String((error as Error).message))) throw error;
    });
  }
  if (options.cron !== false) await boss.schedule(POSTURE_DAILY_QUEUE, '5 0 * * *');
  await boss.work(POSTURE_DAILY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    for (const orgId of await organisationsWithPosture(services.database.db)) await requestPostureEvaluation(services, orgId);
  });
}
