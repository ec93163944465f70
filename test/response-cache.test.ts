/**
 * The response cache of report reads (src/http/response-cache.ts): a repeated
 * read costs no SQL, yet every change is visible on the next read — a status
 * changed by another process once its NOTIFY is heard, a mutation's at once,
 * late events through `stale` — and keys are still checked on every hit
 * (revocation, other keys, other organisations).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql as drizzleSql } from 'drizzle-orm';
import { auditEvents, apiKeys, reports } from '../src/db/schema.ts';
import { connect, type Database } from '../src/db/client.ts';
import { runReportJob } from '../src/jobs/report-worker.ts';
import { runRetention } from '../src/jobs/retention.ts';
import { notifyReportChange, type ReportChange } from '../src/realtime/pubsub.ts';
import { changeOf } from '../src/reports/store.ts';
import { databaseUrl, startTestApp, type TestApp } from './support/app.ts';
import { completedReport, generatingReport, PERIOD } from './support/completed-report.ts';
import { rawGql } from './support/two-orgs.ts';

let app: TestApp;
let other: Database;
let statements = 0;
/** Runs once, as the next statement that reads reports is sent. */
let onReportsRead: (() => void) | null = null;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
let reportId: string;
const globalId = (id: string) => Buffer.from(`Report:${id}`).toString('base64');

const READ = `query($id: ID!) { report(id: $id) { id status title score integrity { contentSha256 } findings(first: 50) { totalCount edges { node { id status title control { id } } } } } }`;
const LIST = `{ reports(first: 20) { totalCount edges { node { id status } } } }`;

beforeAll(async () => {
  app = await startTestApp({
    jobs: 'enqueue',
    onQuery: (query) => {
      statements++;
      if (onReportsRead && /from "reports"/.test(query)) {
        const run = onReportsRead;
        onReportsRead = null;
        run();
      }
    },
  });
  // "Another process": its own connection, as a worker would have.
  other = connect(databaseUrl(), { max: 1 });
  org = await app.newOrg('cache');
  reportId = await completedAndHeard(org.orgId);
});

/**
 * A completed fixture report, once this process has heard its completion: it is announced inside
 * its transaction and heard a moment after it returns, and a read cached before then would be
 * dropped by it.
 */
async function completedAndHeard(orgId: string, options: { count?: number } = {}): Promise<string> {
  const announced: ReportChange[] = [];
  const stop = app.services.realtime.onChange((change) => change && announced.push(change));
  try {
    const id = await completedReport(app.services, orgId, options);
    await vi.waitFor(() => expect(announced.some((c) => c.reportId === id && c.status === 'completed')).toBe(true), { timeout: 30_000 });
    return id;
  } finally {
    stop();
  }
}
afterAll(async () => {
  await other.close();
  await app.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Statements the app sent while `run` ran. */
async function counted<T>(run: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = statements;
  const value = await run();
  return { value, statements: statements - before };
}

/** Resolves once this API process has heard of a change of `id` (as it would from a worker). */
function heard(id: string): Promise<ReportChange> {
  return new Promise((resolve) => {
    const stop = app.services.realtime.onChange((change) => {
      if (change?.reportId === id) {
        stop();
        resolve(change);
      }
    });
  });
}

describe('report read cache', () => {
  it('answers a repeated read without SQL, the same answer', async () => {
    const first = await rawGql(app, org.adminKey, READ, { id: globalId(reportId) });
    expect(first.errors).toBeUndefined();
    expect(first.data!.report.findings.edges.length).toBeGreaterThan(0);
    const again = await counted(() => rawGql(app, org.adminKey, READ, { id: globalId(reportId) }));
    expect(again.statements).toBe(0);
    expect(again.value).toEqual(first);
  });

  it('shows a status changed by another process on the next read once its change is heard', async () => {
    const id = await generatingReport(app.services, org.orgId, 'cancelled elsewhere');
    expect((await rawGql(app, org.adminKey, READ, { id: globalId(id) })).data!.report.status).toBe('GENERATING');
    expect((await rawGql(app, org.adminKey, LIST)).data!.reports.edges.find((e: any) => e.node.id === globalId(id)).node.status).toBe('GENERATING');
    const told = heard(id);
    await other.db.transaction(async (tx) => {
      const [row] = await tx.update(reports).set({ status: 'cancelled', progressStage: 'cancelled' }).where(eq(reports.id, id)).returning();
      await notifyReportChange(tx, changeOf(row!));
    });
    await told;
    expect((await rawGql(app, org.adminKey, READ, { id: globalId(id) })).data!.report.status).toBe('CANCELLED');
    expect((await rawGql(app, org.adminKey, LIST)).data!.reports.edges.find((e: any) => e.node.id === globalId(id)).node.status).toBe('CANCELLED');
  });

  it('does not keep an answer read before a change that was heard while it ran', async () => {
    const id = await generatingReport(app.services, org.orgId, 'raced');
    const [row] = await other.db.select().from(reports).where(eq(reports.id, id));
    // The change is heard just as the read asks for the row (which it then reads as it was).
    onReportsRead = () => app.services.realtime.hear(JSON.stringify(changeOf({ ...row!, status: 'cancelled' })));
    expect((await rawGql(app, org.adminKey, READ, { id: globalId(id) })).data!.report.status).toBe('GENERATING');
    expect(onReportsRead).toBeNull();
    await other.db.update(reports).set({ status: 'cancelled' }).where(eq(reports.id, id));
    expect((await rawGql(app, org.adminKey, READ, { id: globalId(id) })).data!.report.status).toBe('CANCELLED');
  });

  it('on a progress step drops only the reads that show that report; other reports and status-filtered lists stay cached until a status changes', async () => {
    const fresh = await app.newOrg('progress');
    const done = await completedAndHeard(fresh.orgId, { count: 20 });
    const running = await generatingReport(app.services, fresh.orgId, 'progressing');
    const PROGRESS = `query($id: ID!) { report(id: $id) { id status progress { percent stage message } } }`;
    const ALL = `{ reports(first: 20) { totalCount edges { node { id status progress { percent } } } } }`;
    const byStatus = (status: string) => `{ reports(first: 20, filter: { status: ${status} }) { totalCount edges { node { id status } } } }`;
    const reads = {
      done: () => rawGql(app, fresh.adminKey, READ, { id: globalId(done) }),
      running: () => rawGql(app, fresh.adminKey, PROGRESS, { id: globalId(running) }),
      all: () => rawGql(app, fresh.adminKey, ALL),
      completed: () => rawGql(app, fresh.adminKey, byStatus('COMPLETED')),
      failed: () => rawGql(app, fresh.adminKey, byStatus('FAILED')),
    };
    for (const read of Object.values(reads)) expect((await read()).errors).toBeUndefined();
    for (const [name, read] of Object.entries(reads)) expect((await counted(read)).statements, name).toBe(0);

    // A progress step, as the worker announces it from its own process.
    const stepped = heard(running);
    await other.db.transaction(async (tx) => {
      const [row] = await tx.update(reports).set({ progressPercent: 42, progressStage: 'evaluating', progressMessage: 'Evaluating 12 checks' }).where(eq(reports.id, running)).returning();
      await notifyReportChange(tx, { ...changeOf(row!), progressOnly: true });
    });
    expect((await stepped).progressOnly).toBe(true);
    for (const name of ['done', 'completed', 'failed'] as const) expect((await counted(reads[name])).statements, name).toBe(0);
    const progress = await counted(reads.running);
    expect(progress.statements).toBeGreaterThan(0);
    expect(progress.value.data!.report.progress).toEqual({ percent: 42, stage: 'evaluating', message: 'Evaluating 12 checks' });
    const all = await counted(reads.all);
    expect(all.statements).toBeGreaterThan(0);
    expect(all.value.data!.reports.edges.find((e: any) => e.node.id === globalId(running)).node.progress.percent).toBe(42);

    // A status change may move the report into lists that did not show it: they are all read again.
    const failed = heard(running);
    await other.db.transaction(async (tx) => {
      const [row] = await tx.update(reports).set({ status: 'failed', progressStage: 'failed', error: 'boom' }).where(eq(reports.id, running)).returning();
      await notifyReportChange(tx, changeOf(row!));
    });
    expect((await failed).progressOnly).toBeUndefined();
    const failedList = await counted(reads.failed);
    expect(failedList.statements).toBeGreaterThan(0);
    expect(failedList.value.data!.reports.edges.map((e: any) => e.node.id)).toEqual([globalId(running)]);
    expect((await counted(reads.done)).statements).toBeGreaterThan(0);
  });

  it('does not keep an answer read before a progress step of a report it shows, heard while it ran; keeps one that does not show it', async () => {
    const fresh = await app.newOrg('progress race');
    const done = await completedAndHeard(fresh.orgId, { count: 20 });
    const running = await generatingReport(app.services, fresh.orgId, 'raced progress');
    const PROGRESS = `query($id: ID!) { report(id: $id) { id progress { percent } } }`;
    const [row] = await other.db.select().from(reports).where(eq(reports.id, running));
    const step = () => app.services.realtime.hear(JSON.stringify({ ...changeOf({ ...row!, progressPercent: 50 }), progressOnly: true }));

    onReportsRead = step;
    expect((await rawGql(app, fresh.adminKey, PROGRESS, { id: globalId(running) })).data!.report.progress.percent).toBe(row!.progressPercent);
    expect(onReportsRead).toBeNull();
    await other.db.update(reports).set({ progressPercent: 50 }).where(eq(reports.id, running));
    expect((await rawGql(app, fresh.adminKey, PROGRESS, { id: globalId(running) })).data!.report.progress.percent).toBe(50);

    onReportsRead = step;
    expect((await rawGql(app, fresh.adminKey, READ, { id: globalId(done) })).errors).toBeUndefined();
    expect(onReportsRead).toBeNull();
    expect((await counted(() => rawGql(app, fresh.adminKey, READ, { id: globalId(done) }))).statements).toBe(0);
  });

  it('hears the worker\'s progress steps as progress only, and every status change in full', async () => {
    const fresh = await app.newOrg('worker changes');
    await completedReport(app.services, fresh.orgId, { count: 50 });
    const heard: ReportChange[] = [];
    let finished!: () => void;
    const completed = new Promise<void>((resolve) => (finished = resolve));
    // The fixture report's own completion may still be on its way: only the generated report's changes count.
    let id: string | undefined;
    const stop = app.services.realtime.onChange((change) => {
      if (change?.orgId !== fresh.orgId) return;
      heard.push(change);
      if (change.reportId === id && change.status === 'completed') finished();
    });
    try {
      const created = await rawGql(app, fresh.adminKey, `mutation($input: GenerateReportInput!) { generateReport(input: $input) { id } }`, {
        input: { type: 'soc2', period: { start: PERIOD.start.toISOString(), end: PERIOD.end.toISOString() } },
      });
      expect(created.errors).toBeUndefined();
      id = Buffer.from(created.data!.generateReport.id, 'base64').toString().slice('Report:'.length);
      // The real job handler (this app only enqueues), on the connection of another process.
      await runReportJob({ ...app.services, database: other }, { data: { reportId: id }, retryCount: 0, retryLimit: 0 });
      await completed;
    } finally {
      stop();
    }
    const changes = heard.filter((c) => c.reportId === id);
    const statuses = changes.map((c) => c.status);
    expect(statuses[0]).toBe('pending');
    expect(statuses.at(-1)).toBe('completed');
    expect(changes.filter((c) => c.progressOnly).length).toBeGreaterThanOrEqual(4);
    changes.forEach((change, i) => {
      const sameStatus = i > 0 && changes[i - 1]!.status === change.status;
      if (change.progressOnly) expect(sameStatus, `change ${i} (${change.status} ${change.percent}%)`).toBe(true);
      else expect(sameStatus, `change ${i} (${change.status} ${change.percent}%)`).toBe(false);
    });
  });

  it('shows a mutation of this process at once: a deleted report is gone from reads and lists, a new one is listed', async () => {
    // Made here without the lifecycle, so announced as a worker announces a completion.
    const id = await completedReport(app.services, org.orgId, { title: 'to delete', count: 50 });
    const [row] = await other.db.select().from(reports).where(eq(reports.id, id));
    const told = heard(id);
    await app.services.realtime.publish(changeOf(row!));
    await told;
    expect((await rawGql(app, org.adminKey, READ, { id: globalId(id) })).data!.report.id).toBe(globalId(id));
    const before = (await rawGql(app, org.adminKey, LIST)).data!.reports;
    expect(before.edges.map((e: any) => e.node.id)).toContain(globalId(id));

    const deleted = await rawGql(app, org.adminKey, `mutation($id: ID!) { deleteReport(id: $id) { id } }`, { id: globalId(id) });
    expect(deleted.errors).toBeUndefined();
    expect((await rawGql(app, org.adminKey, READ, { id: globalId(id) })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const after = (await rawGql(app, org.adminKey, LIST)).data!.reports;
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(after.edges.map((e: any) => e.node.id)).not.toContain(globalId(id));

    const created = await rawGql(app, org.adminKey, `mutation($input: GenerateReportInput!) { generateReport(input: $input) { id } }`, {
      input: { type: 'soc2', period: { start: PERIOD.start.toISOString(), end: PERIOD.end.toISOString() } },
    });
    expect(created.errors).toBeUndefined();
    expect((await rawGql(app, org.adminKey, LIST)).data!.reports.edges.map((e: any) => e.node.id)).toContain(created.data!.generateReport.id);
  });

  it('shows a report expired by retention on the next read', async () => {
    const fresh = await app.newOrg('retention');
    const id = await completedReport(app.services, fresh.orgId, { count: 50 });
    await other.db.update(reports).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(reports.id, id));
    expect((await rawGql(app, fresh.adminKey, READ, { id: globalId(id) })).data!.report.status).toBe('COMPLETED');
    const told = heard(id);
    await runRetention(app.services);
    expect((await told).status).toBe('expired');
    expect((await rawGql(app, fresh.adminKey, READ, { id: globalId(id) })).data!.report.status).toBe('EXPIRED');
  });

  it('runs a read of evidence without the cache: answered afresh each time, with no cache metadata in the answer', async () => {
    const EVIDENCE = `query($id: ID!) { report(id: $id) { id findings(first: 5) { edges { node { id evidence(first: 2) { edges { node { id action } } } } } } } }`;
    const first = await rawGql(app, org.adminKey, EVIDENCE, { id: globalId(reportId) });
    expect(first.errors).toBeUndefined();
    expect(JSON.stringify(first.data)).not.toMatch(/__responseCache|__typename/);
    const again = await counted(() => rawGql(app, org.adminKey, EVIDENCE, { id: globalId(reportId) }));
    expect(again.statements).toBeGreaterThan(0);
    expect(again.value).toEqual(first);
  });

  it('never caches `stale`: late events turn it true on the next read', async () => {
    const fresh = await app.newOrg('stale');
    const id = await completedReport(app.services, fresh.orgId, { count: 50 });
    const STALE = `query($id: ID!) { report(id: $id) { id stale } }`;
    expect((await rawGql(app, fresh.adminKey, STALE, { id: globalId(id) })).data!.report.stale).toBe(false);
    await other.db.insert(auditEvents).values({ orgId: fresh.orgId, occurredAt: new Date(PERIOD.start.getTime() + 86_400_000), environment: 'production', category: 'policy_decision', action: 'tool.invoke' });
    expect((await rawGql(app, fresh.adminKey, STALE, { id: globalId(id) })).data!.report.stale).toBe(true);
  });

  it('checks the key on every hit: another key and another organisation get their own answers', async () => {
    await rawGql(app, org.adminKey, READ, { id: globalId(reportId) });
    const auditor = await org.key('auditor');
    const asAuditor = await rawGql(app, auditor, READ, { id: globalId(reportId) });
    expect(asAuditor.data!.report.id).toBe(globalId(reportId));
    const stranger = await app.newOrg('stranger');
    const foreign = await rawGql(app, stranger.adminKey, READ, { id: globalId(reportId) });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(foreign)).not.toContain('contentSha256":"');
    expect((await rawGql(app, null, READ, { id: globalId(reportId) })).status).toBe(401);
    expect((await rawGql(app, 'agr_not-a-key', READ, { id: globalId(reportId) })).status).toBe(401);
  });

  it('refuses a key revoked through the API on its next request, though its answer is cached', async () => {
    const key = await org.key('viewer');
    expect((await rawGql(app, key, READ, { id: globalId(reportId) })).status).toBe(200);
    const [row] = await other.db.select({ id: apiKeys.id }).from(apiKeys).where(drizzleSql`${apiKeys.keyHash} = encode(sha256(${key}::bytea), 'hex')`);
    const revoked = await rawGql(app, org.adminKey, `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: row!.id });
    expect(revoked.errors).toBeUndefined();
    const refused = await rawGql(app, key, READ, { id: globalId(reportId) });
    expect(refused.status).toBe(401);
    expect(refused.data ?? null).toBeNull();
  });

  it('refuses a key revoked by another process once the key lookup expires (2 s), though its answer is cached', async () => {
    const key = await org.key('viewer');
    expect((await rawGql(app, key, READ, { id: globalId(reportId) })).status).toBe(200);
    await other.db.update(apiKeys).set({ revokedAt: new Date() }).where(drizzleSql`${apiKeys.keyHash} = encode(sha256(${key}::bytea), 'hex')`);
    // The lookup is cached for 2 s; move the clock past that instead of waiting.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2_001 });
    const refused = await rawGql(app, key, READ, { id: globalId(reportId) });
    expect(refused.status).toBe(401);
    expect(refused.data ?? null).toBeNull();
  });
});
