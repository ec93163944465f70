import { ApiKeyAuthenticator } from './accounts/api-keys.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Logger } from './log.ts';
import { RateLimiter } from './accounts/rate-limiter.ts';
import { requestPostureEvaluation } from './jobs/posture-refresh.ts';
import { requestRollupRefresh } from './jobs/rollup-refresh.ts';
import type { Queue } from './queue.ts';
import { ReportPubSub } from './realtime/pubsub.ts';
import { PosturePubSub } from './reports/posture-pubsub.ts';
import { loadCustomFrameworks } from './frameworks/index.ts';
import { createMetrics, type Metrics } from './metrics.ts';

/** What every part of a running process shares: built once at start. */
export interface Services {
  config: Config;
  database: Database;
  log: Logger;
  auth: ApiKeyAuthenticator;
  /** Requests per API key, per process. */
  rateLimiter: RateLimiter;
  /** pg-boss: null in processes that neither enqueue nor work (CLI one-shots). */
  queue: Queue | null;
  /** Report changes over LISTEN/NOTIFY. */
  realtime: ReportPubSub;
  /** Posture changes over LISTEN/NOTIFY. */
  posture: PosturePubSub;
  /** This process's Prometheus metrics (metrics.ts). */
  metrics: Metrics;
  /**
   * After events of an organisation were stored, by ingest or by the service
   * itself: the debounced rollup refresh and posture re-evaluation (jobs/).
   * Never fails the caller; does nothing without a queue.
   */
  eventsStored(orgId: string): Promise<void>;
}

export function createServices(config: Config, database: Database, log: Logger): Services {
  // Custom report types join the registry before anything serves or generates; a bad file stops the start.
  if (config.CUSTOM_FRAMEWORKS_DIR) log.info('custom frameworks loaded', { types: loadCustomFrameworks(config.CUSTOM_FRAMEWORKS_DIR) });
  const services: Services = {
    config,
    database,
    log,
    auth: new ApiKeyAuthenticator(database.db),
    rateLimiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE),
    queue: null,
    realtime: new ReportPubSub(database.sql),
    posture: new PosturePubSub(database.sql, database.db),
    metrics: createMetrics(database.sql, config.JOB_SCHEMA),
    eventsStored: async (orgId) => {
      await requestRollupRefresh(services, orgId);
      await requestPostureEvaluation(services, orgId);
    },
  };
  return services;
}
