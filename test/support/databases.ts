/**
 * Creating and dropping a whole test database, on a plain PostgreSQL or on a
 * Citus cluster. On a cluster every node gets the database with the citus
 * extension, and the new database's coordinator learns its workers, as the
 * cluster's own admin database knows them (Citus keeps nodes per database).
 */
import { inject } from 'vitest';
import { connect, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';

interface Node {
  url: string;
  coordinator: boolean;
}

const withDatabase = (url: string, name: string, host?: string, port?: number) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (host) u.hostname = host;
  if (port) u.port = String(port);
  return u.toString();
};

async function clusterNodes(admin: Database): Promise<Node[] | null> {
  const [citus] = await admin.sql`select 1 from pg_extension where extname = 'citus'`;
  if (!citus) return null;
  const rows = await admin.sql`select nodename, nodeport, groupid from pg_dist_node where noderole = 'primary' and isactive order by groupid`;
  const adminDb = new URL(admin.url).pathname.slice(1) || 'postgres';
  return rows
    .filter((r) => r.groupid !== 0)
    .map((r) => ({ url: withDatabase(admin.url, adminDb, r.nodename as string, r.nodeport as number), coordinator: false }));
}

/** Creates `name` on the admin URL's server (and its workers, on a Citus coordinator); returns its URL. */
export async function createTestDatabase(adminUrl: string, name: string, options: { plain?: boolean } = {}): Promise<string> {
  const admin = connect(adminUrl, { max: 1 });
  try {
    await admin.sql.unsafe(`create database ${name}`);
    const url = withDatabase(adminUrl, name);
    const workers = options.plain ? null : await clusterNodes(admin);
    if (!workers) return url;
    for (const worker of workers) {
      const node = connect(worker.url, { max: 1 });
      try {
        await node.sql.unsafe(`create database ${name}`);
      } finally {
        await node.close();
      }
      const created = connect(withDatabase(worker.url, name), { max: 1 });
      try {
        await created.sql`create extension if not exists citus`;
      } finally {
        await created.close();
      }
    }
    const coordinator = connect(url, { max: 1 });
    try {
      await coordinator.sql`create extension if not exists citus`;
      const u = new URL(adminUrl);
      await coordinator.sql`select citus_set_coordinator_host(${u.hostname}, ${Number(u.port || 5432)})`;
      for (const worker of workers) {
        const w = new URL(worker.url);
        await coordinator.sql`select citus_add_node(${w.hostname}, ${Number(w.port)})`;
      }
    } finally {
      await coordinator.close();
    }
    return url;
  } finally {
    await admin.close();
  }
}

/** Drops `name` everywhere `createTestDatabase` made it. */
export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = connect(adminUrl, { max: 1 });
  try {
    const workers = await clusterNodes(admin);
    await dropOn(adminUrl, name);
    for (const worker of workers ?? []) await dropOn(worker.url, name);
  } finally {
    await admin.close();
  }
}

/**
 * `drop database … with (force)` on one node. Force ends sessions but not a
 * prepared transaction: one Citus left behind (its recovery runs later, from
 * the coordinator's copy of the database) is rolled back first, since nothing
 * of a test database outlives it; an ending session is waited for.
 */
async function dropOn(nodeUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const node = connect(nodeUrl, { max: 1 });
    try {
      await node.sql.unsafe(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt === 10) throw error;
      const prepared = await node.sql`select gid from pg_prepared_xacts where database = ${name}`;
      if (prepared.length) {
        const inside = connect(withDatabase(nodeUrl, name), { max: 1 });
        try {
          for (const { gid } of prepared) await inside.sql.unsafe(`rollback prepared '${String(gid).replaceAll("'", "''")}'`);
        } finally {
          await inside.close();
        }
      } else await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await node.close();
    }
  }
}

/**
 * A new migrated test database on `adminUrl`'s server, named as the run's
 * cleanup of abandoned ones expects (`agr_test_<creation time in base 36>_<random>`).
 */
export async function createMigratedTestDatabase(adminUrl: string): Promise<{ url: string; name: string }> {
  const name = `agr_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const url = await createTestDatabase(adminUrl, name);
  const database = connect(url, { max: 2 });
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
  return { url, name };
}

/**
 * A migrated database of one test file's own, on the run's server, for a file whose rows other
 * files' processes must not touch: every worker's sweep fails any organisation's old report whose
 * job is not in its own job schema, and each file's workers have a schema of their own.
 */
export async function ownTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminUrl');
  const { url, name } = await createMigratedTestDatabase(adminUrl);
  return { url, drop: () => dropTestDatabase(adminUrl, name) };
}
