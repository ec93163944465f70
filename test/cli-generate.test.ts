/**
 * `generate` as a cron job runs it: a separate process on the run's
 * database, progress on stderr, the file written, the exit code telling.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema.ts';
import { verifyReportFile } from '../src/cli/verify.ts';
import { events } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { runCli } from './support/cli.ts';
import { ingestFixture } from './support/report-fixture.ts';

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
  const verified = await verifyReportFile(file, 'soc2.json');
  expect(verified.ok).toBe(true);
  expect((JSON.parse(file.toString('utf8')) as { content: { scope: { period: { start: string } } } }).content.scope.period.start).toBe('2026-10-01T00:00:00.000Z');
}, 120_000);

it('exits non-zero with the reason on bad input', async () => {
  const { orgId } = await app.newOrg('CLI failures');
  const out = path.join(dir, 'never.pdf');
  const unknown = await cli(['generate', '--type', 'nonsense', '--from', '2026-10-01', '--to', '2026-11-01', '--out', out, '--org', orgId]);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('Unknown report type "nonsense"');
  const usage = await cli(['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--org', orgId]);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain('--out FILE is required');
  // Several organisations exist in the test database: the org must be named.
  const noOrg = await cli(['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--out', out]);
  expect(noOrg.code).toBe(2);
  expect(noOrg.stderr).toContain('pass --org ID');
}, 120_000);

it('checks its arguments before anything starts, and logs only when asked', async () => {
  // No database at this address: an argument error must come before any attempt to open one.
  const nowhere = { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', LOG_LEVEL: 'info' };
  // Configured as in production, so nothing is wrong that a warning would have to say.
  const configured = { LOG_LEVEL: 'info', SIGNING_KEY_SECRET: 'cli-test-secret-of-at-least-32-characters' };
  for (const [args, message] of [
    [['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01'], '--out FILE is required'],
    [['generate', '--type', 'soc2', '--from', 'yesterday', '--to', '2026-11-01', '--out', 'x.pdf'], '--from "yesterday" is not a date'],
    [['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--out', 'x.pdf', '--timeout', '0'], '--timeout must be a positive whole number'],
    [['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--out', 'x.pdf', '--format', 'docx'], '--format must be one of'],
    [['generate', '--type', 'soc2', '--from', '2026-11-01', '--to', '2026-10-01', '--out', 'x.pdf'], '--from 2026-11-01 must be before --to 2026-10-01'],
    [['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--out', 'x.pdf', '--org', 'acme'], '--org must be an organisation id'],
    [['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--out', '/nonexistent-dir/x.pdf'], 'cannot write into /nonexistent-dir'],
    [['generate', '--type', 'gdpr_dsar', '--from', '2026-10-01', '--to', '2026-11-01', '--out', 'x.md'], '--type gdpr_dsar needs --subject ID'],
    [['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--out', 'x.pdf', '--formt', 'md'], "Unknown option '--formt'"],
    [['reproduce'], 'reproduce needs REPORT_ID'],
  ] as const) {
    const result = await runCli([...args], 30_000, nowhere);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stderr.split('\n')[0]).toContain(message);
    // Nothing was started, so nothing was logged.
    expect(result.stderr).not.toContain('"level"');
  }

  const { orgId } = await app.newOrg('CLI logs');
  await app.services.database.db.insert(auditEvents).values(events(orgId, 50));
  const out = path.join(dir, 'quiet.json');
  const args = ['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--format', 'json', '--out', out, '--org', orgId];
  // LOG_LEVEL=info as a server's environment would set it: the one-shot command still logs only warnings and errors.
  const quiet = await runCli(args, 120_000, configured);
  expect(quiet.code).toBe(0);
  expect(quiet.stderr).toMatch(/\[100%\] completed/);
  expect(quiet.stderr).not.toContain('"level"');
  // --verbose: the logs at LOG_LEVEL, as JSON lines on stderr.
  const verbose = await runCli([...args, '--verbose'], 120_000, configured);
  expect(verbose.code).toBe(0);
  expect(verbose.stderr).toMatch(/^\{"time":.*"level":"info"/m);
  // --quiet: no progress either, only the result on stdout.
  const silent = await runCli([...args, '--quiet'], 120_000, configured);
  expect(silent.code).toBe(0);
  expect(silent.stderr).toBe('');
  expect(silent.stdout).toMatch(/quiet\.json: .*sha256 [0-9a-f]{64}/);
}, 240_000);

it('writes an evidence bundle and prints its SHA-256', async () => {
  const { orgId } = await app.newOrg('CLI bundle');
  await app.services.database.db.insert(auditEvents).values(events(orgId, 50));
  const out = path.join(dir, 'bundle.zip');
  const result = await cli(['generate', '--type', 'soc2', '--from', '2026-10-01', '--to', '2026-11-01', '--format', 'bundle', '--out', out, '--org', orgId, '--json']);
  expect(result.code, result.stderr).toBe(0);
  const summary = JSON.parse(result.stdout) as { sha256: string; sizeBytes: number };
  const file = readFileSync(out);
  expect(summary.sizeBytes).toBe(file.length);
  expect(summary.sha256).toBe(createHash('sha256').update(file).digest('hex'));
  expect((await verifyReportFile(file, 'bundle.zip')).ok).toBe(true);
}, 240_000);

it('makes a DSAR for a data subject or an agent, and reproduces a report', async () => {
  const { orgId, adminKey } = await app.newOrg('CLI DSAR');
  // Through ingest, which registers the agent the export is scoped to.
  await ingestFixture(app, adminKey, [1, 2, 3].map((d) => ({
    id: `read-${d}`, occurredAt: `2026-10-0${d}T10:00:00Z`, category: 'tool_call', action: 'ticket.read', agentId: 'helpdesk', dataSubjects: ['alice'], personalData: ['contact'],
  })));
  const subject = { s: 'alice' };
  const out = path.join(dir, 'dsar.md');
  const base = ['generate', '--type', 'gdpr_dsar', '--from', '2026-10-01', '--to', '2026-11-01', '--format', 'md', '--out', out, '--org', orgId, '--json'];
  const bySubject = await cli([...base, '--subject', String(subject!.s)]);
  expect(bySubject.code, bySubject.stderr).toBe(0);
  expect(readFileSync(out, 'utf8')).toContain(`| Data subject | ${subject!.s} |`);
  const agent = { agent_id: 'helpdesk' };
  const byAgent = await cli([...base, '--agent', String(agent!.agent_id)]);
  expect(byAgent.code, byAgent.stderr).toBe(0);
  expect(readFileSync(out, 'utf8')).toContain(`# GDPR data-subject access export for agent ${agent!.agent_id}`);

  const { reportId } = JSON.parse(byAgent.stdout) as { reportId: string };
  const reproduced = await cli(['reproduce', reportId, '--json']);
  expect(reproduced.code, reproduced.stderr).toBe(0);
  const [row] = await app.services.database.sql`select content_sha256 from reports where id = ${reportId}`;
  expect(JSON.parse(reproduced.stdout)).toMatchObject({ reportId, identical: true, sha256: row!.content_sha256 });
  const foreign = await cli(['reproduce', reportId, '--org', (await app.newOrg('CLI other')).orgId]);
  expect(foreign.code).toBe(2);
  expect(foreign.stderr).toContain(`no report ${reportId}`);
}, 240_000);
