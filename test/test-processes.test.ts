/**
 * A test that times out must still stop the processes it started: a worker
 * left running by one test takes the next test's jobs. Runs a fixture test
 * that times out in a vitest of its own and looks for the worker it started.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const sockets = new Set<Socket>();
// Accepts connections and never answers: a PostgreSQL that hangs.
const silent = createServer((socket) => sockets.add(socket));
let port: number;
const dir = mkdtempSync(path.join(os.tmpdir(), 'agr-timeout-'));

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
});
afterAll(() => {
  for (const socket of sockets) socket.destroy();
  silent.close();
  rmSync(dir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it('ends the worker process of a test that timed out', async () => {
  const pidFile = path.join(dir, 'pid');
  const vitest = spawn(process.execPath, [path.resolve('node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/fixtures/timeout/vitest.config.ts'], {
    env: { ...process.env, PID_FILE: pidFile, SILENT_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/none` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  vitest.stdout.on('data', (chunk) => (output += chunk));
  vitest.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => vitest.once('exit', resolve));
  expect(output).toMatch(/Test timed out in 1500ms/);
  expect(code).toBe(1);
  const pid = Number(readFileSync(pidFile, 'utf8'));
  expect(pid).toBeGreaterThan(0);
  // Killed by the time the run is over; a worker left behind would still be waiting on the silent database.
  expect(alive(pid)).toBe(false);
}, 120_000);
