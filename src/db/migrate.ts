import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client.ts';
import { distributeTables } from './distribution.ts';

const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Applies the drizzle-kit migrations, then, on a Citus coordinator only,
 * distributes the tables (src/db/distribution.ts). An advisory lock lets
 * several processes start at once.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const reserved = await database.sql.reserve();
  try {
    await reserved`select pg_advisory_lock(7263001)`;
    await migrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
    await distributeTables(database.sql);
  } finally {
    await reserved`select pg_advisory_unlock(7263001)`.catch(() => {});
    reserved.release();
  }
}
