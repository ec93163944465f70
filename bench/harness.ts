/**
 * What the small benches (reads, posture) share: a database of their own on
 * DATABASE_URL's server, dropped at the end unless kept; a real API process
 * and a real worker process started as `npm run serve` / `npm run worker`
 * start them; and every step undone in reverse order, whatever failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, type Database } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { graphqlCaller } from './load.ts';
import { workerFlags } from './worker-flags.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Bench {
  /** The bench's own migrated database. */
  databaseUrl: string;
  database: Database;
  /** Runs at the end, in reverse order of registration. */
  cleanup(step: () => Promise<void>): void;
  /** An API process on a free port (its extra arguments go before `serve`, e.g. profiling flags). */
  startServer(options?: { env?: Record<string, string>; nodeArgs?: string[] }): Promise<{ child: ChildProcess; url: string; port: number }>;
  /** A worker process with `npm run worker`'s flags; `stderr: 'pipe'` hands its log lines to the caller. */
  startWorker(options?: { env?: Record<string, string>; stderr?: 'inherit' | 'pipe' }): Promise<ChildProcess>;
}

/**
 * Runs `body` with a bench database named `<prefix>_<time>` on the server
 * of `DATABASE_URL`; `keep` leaves it (and says so) to inspect afterwards.
 */
export async function runBench(prefix: string, options: { keep: boolean; poolSize?: number }, body: (bench: Bench) => Promise<void>): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('set DATABASE_URL to a PostgreSQL server: the bench creates and drops its own database there');
  const cleanups: Array<() => Promise<void>> = [];
  try {
    const name = `${prefix}_${Date.now().toString(36)}`;
    const admin = connect(adminUrl, { max: 1 });
    await admin.sql.unsafe(`create database ${name}`);
    cleanups.push(async () => {
      if (options.keep) console.log(`kept database ${name}`);
      else await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
      await admin.close();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const database = connect(databaseUrl, { max: options.poolSize ?? 4 });
    cleanups.push(() => database.close());
    await migrateDatabase(database);
    const baseEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
    await body({
      databaseUrl,
      database,
      cleanup: (step) => cleanups.push(step),
      async startServer({ env = {}, nodeArgs = [] } = {}) {
        const port = await freePort();
        const child = spawn(process.execPath, ['--max-semi-space-size=8', ...nodeArgs, path.join(root, 'src/main.ts'), 'serve'], {
          env: { ...baseEnv, RATE_LIMIT_PER_MINUTE: '0', ...env, PORT: String(port) },
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        cleanups.push(() => stopChild(child));
        await waitFor(child, 'GraphQL API:');
        return { child, url: `http://127.0.0.1:${port}`, port };
      },
      async startWorker({ env = {}, stderr = 'inherit' } = {}) {
        const child = spawn(process.execPath, [...workerFlags(root), path.join(root, 'src/main.ts'), 'worker'], { env: { ...baseEnv, ...env }, stdio: ['ignore', 'pipe', stderr] });
        cleanups.push(() => stopChild(child));
        await waitFor(child, 'Report worker running');
        return child;
      },
    });
  } finally {
    for (const step of cleanups.reverse()) await step().catch((e: unknown) => console.error('cleanup:', e));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the child prints `text` on stdout; fails if it exits first or within 60 s does not. */
export function waitFor(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within 60 s`)), 60_000);
    let output = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      output += d;
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the process exited with code ${code}`));
    });
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

export interface WorkerBenchOptions {
  root: string;
  databaseUrl: string;
  apiUrl: string;
  apiKey: string;
  orgId: string;
}

/** What a half of the bench timed on a real worker process works with. */
export interface WorkerBench {
  gql: ReturnType<typeof graphqlCaller>;
  database: Database;
  worker: ChildProcess;
  /** The organisation's events: from the first to a second past the last, and the highest sequence number. */
  period: { start: Date; end: Date; watermark: number };
}

/** Starts a worker process on the bench database, runs `body` once it is ready, and stops it again. */
export async function withWorker<T>(options: WorkerBenchOptions, body: (bench: WorkerBench) => Promise<T>): Promise<T> {
  const database = connect(options.databaseUrl, { max: 2 });
  const worker = spawn(process.execPath, [...workerFlags(options.root), path.join(options.root, 'src/main.ts'), 'worker'], {
    env: { ...process.env, DATABASE_URL: options.databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await waitFor(worker, 'Report worker running');
    const [bounds] = await database.sql`select min(occurred_at) as start, max(occurred_at) as end, max(seq)::float8 as watermark from audit_events where org_id = ${options.orgId}`;
    const period = { start: new Date(bounds!.start as string), end: new Date(new Date(bounds!.end as string).getTime() + 1000), watermark: Number(bounds!.watermark) };
    return await body({ gql: graphqlCaller(options.apiUrl, options.apiKey), database, worker, period });
  } finally {
    await stopChild(worker);
    await database.close();
  }
}
