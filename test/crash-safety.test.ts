/**
 * Crash and restart safety with real faults: PostgreSQL (a dedicated
 * embedded server) stopped and restarted in the middle of a 200,000-event
 * NDJSON upload; report workers killed with SIGKILL at two stages of one
 * report; and SIGTERM to an API process with an upload in flight and to a
 * worker whose job outlasts the shutdown grace. Nothing is lost, nothing is
 * stored twice, no client waits forever, and stopped processes exit 0.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createOrganization } from '../src/accounts/organizations.ts';
import { loadConfig } from '../src/config.ts';
import { connect, type Database } from '../src/db/client.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { reports } from '../src/db/schema.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { createApiServer, type ApiServer } from '../src/http/server.ts';
import { REPORT_QUEUE } from '../src/queue.ts';
import { createLogger } from '../src/log.ts';
import { createServices } from '../src/services.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { testEvent } from './support/events.ts';
import { killAllProcesses, killProcess, spawnProcess, stopProcess } from './support/processes.ts';

/** Faults injected and survived, printed at the end for the hardening report. */
const faults: Array<{ fault: string; survived: boolean }> = [];
const inject = (fault: string) => faults.push({ fault, survived: false }) - 1;
const survived = (index: number) => (faults[index]!.survived = true);

afterAll(() => {
  killAllProcesses();
  console.log(`faults injected: ${faults.length}, survived: ${faults.filter((f) => f.survived).length}\n${faults.map((f) => `  ${f.survived ? 'ok  ' : 'FAIL'} ${f.fault}`).join('\n')}`);
});

interface IngestAnswer {
  status: number;
  body: { accepted?: number; duplicates?: number; rejected?: number; confirmedThroughLine?: number; error?: { code: string; message: string } };
  /** Lines the producer had written when the answer came. */
  linesSent: number;
}

/**
 * Streams `lines` to POST /ingest as a slow producer: `perChunk` lines, then a
 * pause. `onProgress(linesSent)` runs after each chunk (to inject a fault).
 * Writing stops as soon as the server answers, so an early error is never
 * hidden behind the rest of the upload.
 */
function streamIngest(baseUrl: string, key: string, lines: string[], options: { perChunk: number; pauseMs: number; onProgress?: (sent: number) => void | Promise<void> }): Promise<IngestAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(`${baseUrl}/ingest`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' } });
    req.on('response', (res) => {
      answered = true;
      const linesSent = sent;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        req.destroy();
        try {
          resolve({ status: res.statusCode!, body: JSON.parse(text), linesSent });
        } catch {
          reject(new Error(`not JSON (${res.statusCode}): ${text.slice(0, 200)}`));
        }
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    (async () => {
      while (sent < lines.length && !answered) {
        const chunk = lines.slice(sent, sent + options.perChunk).join('\n') + '\n';
        sent = Math.min(lines.length, sent + options.perChunk);
        if (!req.write(chunk)) await new Promise<void>((r) => req.once('drain', () => r()));
        await options.onProgress?.(sent);
        await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      if (!answered) req.end();
    })().catch(reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => (port === 5432 ? freePort().then(resolve, reject) : resolve(port)));
    });
  });
}

describe('PostgreSQL restarted during a large NDJSON ingest', () => {
  const TOTAL = 200_000;
  let dataDir: string;
  let port: number;
  let pg: EmbeddedServer;
  let database: Database;
  let api: ApiServer;
  let baseUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'agr-crash-pg-'));
    port = await freePort();
    pg = await startEmbeddedPostgres(dataDir, port);
    const admin = connect(pg.adminUrl, { max: 1 });
    await admin.sql.unsafe('create database crash_safety');
    await admin.close();
    const url = pg.adminUrl.replace(/\/postgres$/, '/crash_safety');
    database = connect(url);
    await migrateDatabase(database);
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PORT: '0', RATE_LIMIT_PER_MINUTE: '0' });
    api = createApiServer(createServices(config, database, createLogger(config.LOG_LEVEL)));
    baseUrl = await api.listen(0, '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await api?.close(1000);
    await database?.close();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 naming the confirmed lines, keeps them, and a full resend stores every event exactly once', async () => {
    const { organization, apiKey } = await createOrganization(database.db, 'Crash org');
    // Every 500th line repeats the line before it: the file holds TOTAL - 400 distinct events.
    const lines = Array.from({ length: TOTAL }, (_, i) => JSON.stringify(testEvent(i % 500 === 499 ? i - 1 : i, 'crash')));
    const distinct = new Set(lines).size;
    const stored = async () => Number((await database.sql`select count(*)::int as n from audit_events where org_id = ${organization.id}`)[0]!.n);

    const fault = inject('PostgreSQL stopped and restarted mid-upload (200,000 events)');
    let restarted: Promise<void> | null = null;
    const started = Date.now();
    const answer = await streamIngest(baseUrl, apiKey, lines, {
      perChunk: 2_000,
      pauseMs: 20,
      onProgress: (sent) => {
        if (sent >= 60_000 && !restarted) {
          restarted = (async () => {
            await pg.stop();
            await new Promise((r) => setTimeout(r, 500));
            pg = await startEmbeddedPostgres(dataDir, port);
          })();
        }
      },
    });
    const answeredAfterMs = Date.now() - started;
    await restarted;

    // A clear error for the unconfirmed part, well before the upload would have ended.
    expect(answer.status, JSON.stringify(answer.body)).toBe(503);
    expect(answer.body.error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/database became unavailable.*send/i) });
    expect(answer.linesSent).toBeLessThan(TOTAL);
    expect(answeredAfterMs).toBeLessThan(60_000);
    const confirmed = answer.body.confirmedThroughLine!;
    expect(confirmed).toBeGreaterThanOrEqual(0);
    expect(confirmed).toBeLessThan(TOTAL);

    // Everything confirmed is stored (and possibly more, from a batch that committed as the server went down).
    const confirmedIds = [...new Set(lines.slice(0, confirmed).map((l) => (JSON.parse(l) as { id: string }).id))];
    const [{ n: confirmedStored }] = (await database.sql`select count(*)::int as n from audit_events where org_id = ${organization.id} and client_id = any(${confirmedIds}::text[])`) as unknown as [{ n: number }];
    expect(confirmedStored).toBe(confirmedIds.length);
    expect(answer.body.accepted).toBe(confirmedIds.length);
    const afterFault = await stored();
    expect(afterFault).toBeGreaterThanOrEqual(confirmedIds.length);
    expect(afterFault).toBeLessThan(distinct);

    // The client sends the whole file again, at full speed.
    const again = await streamIngest(baseUrl, apiKey, lines, { perChunk: 20_000, pauseMs: 0 });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.accepted! + again.body.duplicates!).toBe(TOTAL);
    expect(again.body.accepted).toBe(distinct - afterFault);
    expect(await stored()).toBe(distinct);
    const [{ ids }] = (await database.sql`select count(distinct client_id)::int as ids from audit_events where org_id = ${organization.id}`) as unknown as [{ ids: number }];
    expect(ids).toBe(distinct);
    survived(fault);
  }, 180_000);
});

describe('processes killed or stopped', () => {
  let app: TestApp;
  let org: Awaited<ReturnType<TestApp['newOrg']>>;
  const JOB_SCHEMA = 'pgboss_crash';
  const END = new Date('2026-11-01T00:00:00Z');

  beforeAll(async () => {
    app = await startTestApp({ jobs: 'enqueue', env: { JOB_SCHEMA } });
    org = await app.newOrg('Crash processes');
    await seedDemoData(app.services, org.orgId, { events: 20_000, seed: 5, end: END });
  }, 120_000);
  afterAll(async () => {
    killAllProcesses();
    await app.close();
  });

  async function queuedReport(): Promise<string> {
    const id = randomUUID();
    await app.services.database.db.insert(reports).values({
      id, orgId: org.orgId, type: 'soc2', title: 'crash', status: 'pending', periodStart: new Date(END.getTime() - 90 * 86_400_000), periodEnd: END,
      sampleSeed: 'x', lineageId: id, createdBy: 'test',
    });
    await app.services.queue!.send(REPORT_QUEUE, { reportId: id });
    return id;
  }

  async function waitFor(id: string, done: (row: { status: string; progress_percent: number }) => boolean, timeoutMs = 90_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await app.services.database.sql`select status, progress_percent from reports where id = ${id}`;
      if (done(row as never)) return row as unknown as { status: string; progress_percent: number };
      if (Date.now() > deadline) throw new Error(`report ${id} still ${row!.status} at ${row!.progress_percent} %`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Findings stored once each: as many rows as the content lists, no ordinal twice. */
  async function expectFindingsOnce(id: string) {
    const [row] = await app.services.database.sql`
      select (select count(*)::int from findings where report_id = ${id}) as rows,
             (select count(distinct ordinal)::int from findings where report_id = ${id}) as ordinals,
             jsonb_array_length(content->'findings') as listed
      from reports where id = ${id}`;
    expect(row!.rows).toBeGreaterThan(0);
    expect(row).toEqual({ rows: row!.listed, ordinals: row!.listed, listed: row!.listed });
  }

  it('a report whose workers are SIGKILLed early and then late completes on a third worker, each finding stored once', async () => {
    // (report-processes.test.ts kills one worker early and compares the content hash; here two die, one just before writing.)
    const id = await queuedReport();
    const first = spawnProcess('worker', { JOB_SCHEMA, REPORT_STEP_DELAY_MS: '300' });
    await first.ready;
    const early = inject('report worker SIGKILLed while collecting');
    await waitFor(id, (r) => r.status === 'generating');
    await killProcess(first.child);

    const second = spawnProcess('worker', { JOB_SCHEMA, REPORT_STEP_DELAY_MS: '1500' });
    await second.ready;
    const late = inject('report worker SIGKILLed at the writing step (95 %)');
    // The dead worker's job comes back after its heartbeat lapses; this worker resumes it.
    await waitFor(id, (r) => r.status === 'generating' && r.progress_percent >= 95);
    await killProcess(second.child);
    const [midway] = await app.services.database.sql`select status, (select count(*)::int from findings where report_id = ${id}) as findings from reports where id = ${id}`;
    expect(midway).toMatchObject({ status: 'generating', findings: 0 });

    const third = spawnProcess('worker', { JOB_SCHEMA });
    await third.ready;
    const done = await waitFor(id, (r) => r.status === 'completed' || r.status === 'failed', 120_000);
    expect(done.status).toBe('completed');
    await expectFindingsOnce(id);
    survived(early);
    survived(late);
    expect(await stopProcess(third.child)).toBe(0);
  }, 240_000);

  it('an API process given SIGTERM during a slow upload finishes it, stores all of it, then exits 0', async () => {
    const server = spawnProcess('serve', { JOB_SCHEMA, SHUTDOWN_GRACE_SECONDS: '60' });
    const url = (await server.ready).replace(/\/graphql$/, '');
    const lines = Array.from({ length: 6_000 }, (_, i) => JSON.stringify(testEvent(i, 'drain')));
    const fault = inject('SIGTERM to the API process with an NDJSON upload in flight');
    let signalled = false;
    const exit = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    const answer = await streamIngest(url, org.adminKey, lines, {
      perChunk: 200,
      pauseMs: 50,
      onProgress: (sent) => {
        if (sent >= 1_000 && !signalled) {
          signalled = true;
          server.child.kill('SIGTERM');
        }
      },
    });
    expect(signalled).toBe(true);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ accepted: 6_000, rejected: 0 });
    expect(await exit).toBe(0);
    const [{ n }] = (await app.services.database.sql`select count(*)::int as n from audit_events where org_id = ${org.orgId} and client_id like 'drain-%'`) as unknown as [{ n: number }];
    expect(n).toBe(6_000);
    survived(fault);
  }, 60_000);

  it('a worker given SIGTERM the moment it says it runs, on busy cores, drains and exits 0 every time', async () => {
    // Two busy loops stand in for a loaded machine: the signal used to land between the
    // "running" line and the handlers being installed, and the default action killed the worker.
    const hogs = [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    // Ended with the test even when it times out (its body then runs on, unawaited, in the background).
    onTestFinished(() => {
      for (const hog of hogs) hog.kill('SIGKILL');
    });
    const fault = inject('SIGTERM to a worker as soon as it says it runs (8 times, cores busy)');
    const exits: Array<number | string | null> = [];
    for (let i = 0; i < 8; i++) {
      const worker = spawnProcess('worker', { JOB_SCHEMA });
      await worker.ready;
      worker.child.kill('SIGTERM');
      exits.push(await new Promise((resolve) => worker.child.once('exit', (code, signal) => resolve(code ?? signal))));
    }
    expect(exits).toEqual(Array(8).fill(0));
    survived(fault);
  }, 240_000);

  it('a worker given SIGTERM with a job longer than its grace exits 0 and hands the job back; another worker completes it', async () => {
    const id = await queuedReport();
    const slow = spawnProcess('worker', { JOB_SCHEMA, REPORT_STEP_DELAY_MS: '2000', SHUTDOWN_GRACE_SECONDS: '2' });
    await slow.ready;
    await waitFor(id, (r) => r.status === 'generating');
    const fault = inject('SIGTERM to a worker whose report outlasts the shutdown grace');
    const stoppedAt = Date.now();
    expect(await stopProcess(slow.child)).toBe(0);
    // Bounded by the grace (2 s) plus closing, not by the report.
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    const [left] = await app.services.database.sql`select status from reports where id = ${id}`;
    expect(left!.status).toBe('generating');

    const next = spawnProcess('worker', { JOB_SCHEMA });
    await next.ready;
    const done = await waitFor(id, (r) => r.status === 'completed' || r.status === 'failed', 120_000);
    expect(done.status).toBe('completed');
    await expectFindingsOnce(id);
    expect(await stopProcess(next.child)).toBe(0);
    survived(fault);
  }, 180_000);
});
