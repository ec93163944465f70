/**
 * One fresh database per test run: on DATABASE_URL's server when set, else on
 * an embedded PostgreSQL started for this run. Migrated once, dropped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/db/client.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { createMigratedTestDatabase, dropTestDatabase } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The server's own database, where a test may create another database. */
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let dataDir: string | null = null;
  if (!adminUrl) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'agr-test-pg-'));
    // Below the ephemeral range (32768 and up), where an outgoing connection can hold the port.
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = await startEmbeddedPostgres(dataDir, port);
    adminUrl = server.adminUrl;
    stopEmbedded = server.stop;
  }
  await dropAbandonedDatabases(adminUrl);
  const { url, name } = await createMigratedTestDatabase(adminUrl);
  project.provide('databaseUrl', url);
  project.provide('adminUrl', adminUrl);

  return async () => {
    await dropTestDatabase(adminUrl, name);
    if (stopEmbedded) await stopEmbedded();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * Test databases are named `agr_<kind>_<creation time in base 36>_<random>`; one
 * older than a run can last was left by a run that was killed, and is dropped.
 */
async function dropAbandonedDatabases(adminUrl: string) {
  const admin = connect(adminUrl, { max: 1 });
  const rows = await admin.sql<{ datname: string }[]>`select datname from pg_database where datname ~ '^agr_(test|cluster|plain)_[0-9a-z]+_[0-9a-z]+$'`.finally(() => admin.close());
  const cutoff = Date.now() - 6 * 3_600_000;
  for (const { datname } of rows) {
    if (parseInt(datname.split('_')[2]!, 36) < cutoff) await dropTestDatabase(adminUrl, datname);
  }
}
