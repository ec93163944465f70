import { ApiKeyAuthenticator } from './accounts/api-keys.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Logger } from './log.ts';
import { RateLimiter } from './accounts/rate-limiter.ts';

/** What every part of a running process shares: built once at start. */
export interface Services {
  config: Config;
  database: Database;
  log: Logger;
  auth: ApiKeyAuthenticator;
  /** Requests per API key, per process. */
  rateLimiter: RateLimiter;
}

export function createServices(config: Config, database: Database, log: Logger): Services {
  return { config, database, log, auth: new ApiKeyAuthenticator(database.db), rateLimiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE) };
}
