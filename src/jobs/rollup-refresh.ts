/**
 * Keeps the report engine's rollups (src/reports/rollups.ts) close behind
 * ingest: every ingest request asks for a refresh of its organisation,
 * debounced to one per slot of `ROLLUP_DEBOUNCE_SECONDS` (pg-boss puts a
 * request that finds the slot taken into the next one, so the last batch of
 * a burst is always followed by a refresh). A burst of ingest is then rolled
 * up in a few large batches instead of competing with every request, and a
 * report started afterwards finds its counts rolled up already. The job also
 * merges the batches live posture's evaluations added (they merge nothing).
 */
import type { Services } from '../services.ts';
import { refreshRollups } from '../reports/rollups.ts';
import { ROLLUP_QUEUE, type Queue } from '../queue.ts';

const ROLLUP_DEBOUNCE_SECONDS = 20;

/** After events of `orgId` were stored: a refresh soon. Never fails the ingest that asked. */
export async function requestRollupRefresh(services: Services, orgId: string): Promise<void> {
  if (!services.queue) return;
  await services.queue
    .sendDebounced(ROLLUP_QUEUE, { orgId }, null, ROLLUP_DEBOUNCE_SECONDS, orgId)
    .catch((error: unknown) => services.log.warn('could not request a rollup refresh', { orgId, err: error instanceof Error ? error : new Error(String(error)) }));
}

export async function startRollupWorker(boss: Queue, services: Services): Promise<string> {
  return boss.work<{ orgId: string }>(ROLLUP_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    const started = performance.now();
    // Another worker refreshing the same organisation does this work already.
    const result = await refreshRollups(services.database.sql, job!.data.orgId, { wait: false });
    if (result?.events) services.log.info('rolled up events', { orgId: job!.data.orgId, events: result.events, upto: result.upto, ms: Math.round(performance.now() - started) });
  });
}
