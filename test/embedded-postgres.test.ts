/**
 * The embedded PostgreSQL when something goes wrong, with real processes:
 * its port already taken, a CLI command beside the running service, and the
 * server killed while the service runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllProcesses, spawnProcess } from './support/processes.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => {
  killAllProcesses();
  // A server a failed test left running (its service killed) is stopped by its own pid.
  for (const dir of dirs) {
    try {
      process.kill(Number(readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGKILL');
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

const dataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agr-embedded-'));
  dirs.push(dir);
  return dir;
};

/** A port free now, from the kernel, in the embedded range (never 5432). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port === 5432 ? freePort() : port;
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

const production = { NODE_ENV: 'production', SIGNING_KEY_SECRET: 'x'.repeat(40), DATABASE_URL: undefined, LOG_LEVEL: 'info' };

describe('embedded PostgreSQL', () => {
  it('port already taken: start says which port, which variable changes it and what holds it, and exits 1', async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      const server = spawnProcess('start', { ...production, DATA_DIR: dataDir(), EMBEDDED_PG_PORT: String(port) });
      expect(await exitOf(server.child)).toBe(1);
      const output = server.output();
      expect(output).toContain(`port ${port}, which the embedded PostgreSQL listens on, is already taken by pid ${process.pid}`);
      expect(output).toContain('Set EMBEDDED_PG_PORT to a free port');
      expect(output).not.toMatch(/^undefined$/m);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 180_000);

  it('killed while the service runs: the service says so in its log and exits 1', async () => {
    const dir = dataDir();
    const port = String(await freePort());
    const server = spawnProcess('start', { ...production, DATA_DIR: dir, EMBEDDED_PG_PORT: port });
    const url = (await server.ready).replace(/\/graphql$/, '');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const pid = Number(readFileSync(path.join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

    // A CLI command beside the running service uses its server: it neither says it started one (not even
    // asked for info logs) nor stops it when it is done.
    const env: Record<string, string | undefined> = { ...process.env, ...production, DATA_DIR: dir, EMBEDDED_PG_PORT: port };
    delete env.DATABASE_URL;
    const cli = await run(process.execPath, [path.resolve('src/main.ts'), 'org', 'create', '--name', 'Beside the service', '--json', '--verbose'], { env });
    expect(JSON.parse(cli.stdout)).toMatchObject({ name: 'Beside the service' });
    expect(cli.stderr).not.toContain('embedded PostgreSQL');
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    process.kill(pid, 'SIGKILL');
    expect(await exitOf(server.child)).toBe(1);
    expect(server.output()).toContain(`the embedded PostgreSQL (pid ${pid}, port`);
    expect(server.output()).toContain('stopped while the service was running; exiting with status 1 so a supervisor restarts the service');
  }, 300_000);
});
