/**
 * The service as real OS processes (`node src/main.ts serve|worker|start`) on
 * the run's database, for tests that kill, stop and restart them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { databaseUrl } from './app.ts';

export interface ServiceProcess {
  child: ChildProcess;
  /** The API's base URL once it listens ('' for a worker, once it runs). */
  ready: Promise<string>;
  /** Everything the process printed so far. */
  output(): string;
}

const children: ChildProcess[] = [];

/** `env` values of `undefined` remove the variable (e.g. DATABASE_URL, for the embedded PostgreSQL). */
export function spawnProcess(mode: 'serve' | 'worker' | 'start', env: Record<string, string | undefined> = {}): ServiceProcess {
  const merged: Record<string, string | undefined> = { ...process.env, DATABASE_URL: databaseUrl(), PORT: '0', LOG_LEVEL: 'warn', JOB_SCHEMA: 'pgboss_processes', ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, ['--max-semi-space-size=8', path.resolve('src/main.ts'), mode], {
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  endWithTheTest(child);
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const url = /GraphQL API: (\S+)/.exec(output)?.[1];
      if (url) resolve(url);
      else if (mode === 'worker' && output.includes('Report worker running')) resolve('');
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`${mode} exited with ${code}: ${output}`)));
  });
  // A process that exits after it became ready must not leave an unhandled rejection behind.
  ready.catch(() => {});
  return { child, ready, output: () => output };
}

/**
 * A process started inside a test ends with that test, passed, failed or timed
 * out: one left behind by a test that timed out would take the next test's
 * jobs. A process started in a hook is the file's, ended by `killAllProcesses`.
 */
function endWithTheTest(child: ChildProcess) {
  try {
    onTestFinished(() => killProcess(child));
  } catch {
    // Not inside a test (vitest refuses the hook there): the file's afterAll ends it.
  }
}

/** SIGTERM, then the exit code once the process has drained and exited. */
export function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

/** SIGKILL, resolved once the process is gone. */
export async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

/** Kills whatever a test file left running. */
export function killAllProcesses() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
