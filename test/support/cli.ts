/** The CLI as a real child process on the run's database: exit code and both streams. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { databaseUrl } from './app.ts';

const run = promisify(execFile);

/** `env` overrides the run's environment (the database, LOG_LEVEL=error). */
export async function runCli(args: string[], timeoutMs = 120_000, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['src/main.ts', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl(), LOG_LEVEL: 'error', ...env },
      timeout: timeoutMs,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
