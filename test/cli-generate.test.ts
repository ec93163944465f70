/**
 * `generate` as a cron job runs it: a separate process on the run's
 * database, progress on stderr, the file written, the exit code telling.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema.ts';
import { verifyReportFile } from '../src/render/verify.ts';
import { events } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { runCli } from './support/cli.ts';

let app: TestApp;
let dir: string;

beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'agr-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await app.close();
});

const cli = (args: string[]) => runCli(args);

it('generates a report, shows progress, writes the file and exits 0', async () => {
  const { orgId } = await app.newOrg('CLI');
  await app.services.database.db.insert(auditEvents).values(events(orgId, 200));
  const out = path.join(dir, 'soc2.json');
  const result = await cli(['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--format', 'json', '--out', out, '--org', orgId, '--json']);
  expect(result.stderr).toMatch(/\[100%\] completed/);
  // Not a terminal: plain lines, no cursor control.
  expect(result.stderr).not.toContain('\x1b[');
  expect(result.code).toBe(0);
  const summary = JSON.parse(result.stdout) as { reportId: string; status: string; sizeBytes: number; sha256: string };
  expect(summary.status).toBe('completed');
  const file = readFileSync(out);
  expect(file.length).toBe(summary.sizeBytes);
  const verified = verifyReportFile(file, 'soc2.json');
  expect(verified.ok).toBe(true);
  expect((JSON.parse(file.toString('utf8')) as { content: { scope: { period: { start: string } } } }).content.scope.period.start).toBe('2026-10-01T00:00:00.000Z');
}, 120_000);

it('exits non-zero with the reason on bad input', async () => {
  const { orgId } = await app.newOrg('CLI failures');
  const out = path.join(dir, 'never.pdf');
  const unknown = await cli(['generate', '--type', 'nonsense', '--from', '2026-10-01', '--to', '2026-11-01', '--out', out, '--org', orgId]);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('Unknown report type "nonsense"');
  const backwards = await cli(['generate', '--type', 'soc2', '--from', '2026-11-01', '--to', '2026-10-01', '--out', out, '--org', orgId]);
  expect(backwards.code).toBe(1);
  expect(backwards.stderr).toContain('period.start must be before period.end');
  const usage = await cli(['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--org', orgId]);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('--out FILE is required');
  // Several organisations exist in the test database: the org must be named.
  const noOrg = await cli(['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--out', out]);
  expect(noOrg.code).toBe(2);
  expect(noOrg.stderr).toContain('pass --org ID');
}, 120_000);
