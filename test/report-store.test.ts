/**
 * The report store: every status change goes through `transition`, which
 * announces it inside its own transaction (heard at commit, never on
 * rollback) and refuses what the state machine does not allow; a report a
 * worker completes enqueues its follow-up job in the completing transaction,
 * and that job has retries of its own.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportArtifacts, reports } from '../src/db/schema.ts';
import { REPORT_FINISHED_QUEUE } from '../src/queue.ts';
import { createReport } from '../src/reports/lifecycle.ts';
import { changeOf, transition, type ReportRef } from '../src/reports/store.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { generatingReport } from './support/completed-report.ts';
import { until } from './support/until.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

/** The report's status as the database says it now, from a connection of its own. */
async function statusOf(ref: ReportRef): Promise<string> {
  const [row] = await app.services.database.sql`select status from reports where org_id = ${ref.orgId} and id = ${ref.reportId}`;
  return String(row!.status);
}

/** A committed announcement for the report, heard in commit order with every other: what came before it was announced before it. */
async function marker(ref: ReportRef, message: string) {
  await app.services.realtime.publish({ orgId: ref.orgId, reportId: ref.reportId, status: 'generating', percent: 50, stage: 'marker', message, deleted: false, at: new Date().toISOString() });
}

describe('transition', () => {
  it('announces a completion at its commit, not before, and a rolled-back completion not at all', async () => {
    const { orgId } = await app.newOrg('store notify');
    const ref = { orgId, reportId: await generatingReport(app.services, orgId) };
    const changes = app.services.realtime.subscribe({ orgId, reportId: ref.reportId });
    const { db } = app.services.database;

    // Rolled back: nothing is heard, and the row is still generating.
    await expect(db.transaction(async (tx) => {
      expect(await transition(tx, ref, ['generating'], 'completed', { summary: 'rolled back' })).toMatchObject({ status: 'completed' });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    await marker(ref, 'after the rollback');
    expect((await changes.next()).value).toMatchObject({ stage: 'marker', message: 'after the rollback' });
    expect(await statusOf(ref)).toBe('generating');

    // Committed: a change committed while the completion's transaction is open is heard first.
    await db.transaction(async (tx) => {
      await transition(tx, ref, ['generating'], 'completed', { summary: 'done' });
      await marker(ref, 'while completing');
      expect((await changes.next()).value).toMatchObject({ stage: 'marker', message: 'while completing' });
      expect(await statusOf(ref)).toBe('generating');
    });
    const completed = (await changes.next()).value!;
    expect({ status: completed.status, rowSays: await statusOf(ref) }).toEqual({ status: 'completed', rowSays: 'completed' });
    await changes.return!();

    // Completion stamped what the state needs: its time, and the retention expiry (90 days by default).
    const [row] = await db.select({ completedAt: reports.completedAt, expiresAt: reports.expiresAt, percent: reports.progressPercent }).from(reports).where(eq(reports.id, ref.reportId));
    expect(row!.percent).toBe(100);
    expect(row!.expiresAt!.getTime() - row!.completedAt!.getTime()).toBe(90 * 86_400_000);
  });

  it('refuses a move the state machine does not allow, and moves nothing when the report is no longer where it was', async () => {
    const { orgId } = await app.newOrg('store refusals');
    const ref = { orgId, reportId: await generatingReport(app.services, orgId) };
    const { db } = app.services.database;
    await expect(db.transaction((tx) => transition(tx, ref, ['completed'], 'generating'))).rejects.toThrow(/no transition from completed to generating/);
    await expect(db.transaction((tx) => transition(tx, ref, ['failed'], 'completed'))).rejects.toThrow(/no transition from failed to completed/);
    await expect(db.transaction((tx) => transition(tx, ref, ['pending'], 'expired'))).rejects.toThrow(/no transition from pending to expired/);
    // Legal, but the report is generating, not pending: nothing changes.
    expect(await db.transaction((tx) => transition(tx, ref, ['pending'], 'cancelled'))).toBeUndefined();
    expect(await statusOf(ref)).toBe('generating');
    expect(changeOf({ id: ref.reportId, orgId, status: 'generating', progressPercent: 0, progressStage: 's', progressMessage: 'm', deletedAt: null })).toMatchObject({ reportId: ref.reportId, deleted: false });
  });
});

describe('a report a worker completes', () => {
  it('is heard completed only when the row says so, with its follow-up job already enqueued', async () => {
    const { orgId } = await app.newOrg('store worker');
    const requester = { orgId, name: 'test', actorId: 'test' };
    const changes = app.services.realtime.subscribe({ orgId });
    const report = await createReport(app.services, requester, { type: 'governance', period: { start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-10-02T00:00:00Z') } });
    for (;;) {
      const change = (await changes.next()).value!;
      if (change.reportId !== report.id || change.status !== 'completed') continue;
      expect(await statusOf({ orgId, reportId: report.id })).toBe('completed');
      // Enqueued by the transaction that completed it: it exists as soon as the completion is heard.
      const jobs = await app.services.queue!.findJobs(REPORT_FINISHED_QUEUE, { data: { reportId: report.id } });
      expect(jobs).toHaveLength(1);
      break;
    }
    await changes.return!();
  });

  it('has its files rendered by a follow-up job that is retried when it fails', async () => {
    const { orgId } = await app.newOrg('store retry');
    const { sql } = app.services.database;
    // A real fault, once: the organisation's first file insert fails in the database (a sequence is not rolled back).
    const name = `fail_once_${randomUUID().replaceAll('-', '')}`;
    await sql.unsafe(`create sequence ${name}`);
    await sql.unsafe(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if new.org_id = '${orgId}' then
          if nextval('${name}') = 1 then raise exception 'injected fault: the first file of this organisation fails'; end if;
        end if;
        return new;
      end $$`);
    await sql.unsafe(`create trigger ${name} before insert on report_artifacts for each row execute function ${name}()`);
    try {
      const report = await createReport(app.services, { orgId, name: 'test', actorId: 'test' }, { type: 'governance', period: { start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-10-02T00:00:00Z') } });
      const job = await until(async () => {
        const [found] = await app.services.queue!.findJobs(REPORT_FINISHED_QUEUE, { data: { reportId: report.id } });
        return found?.state === 'completed' || found?.state === 'failed' ? found : undefined;
      }, 'the follow-up job to end', 60_000);
      expect({ state: job.state, retryCount: job.retryCount }).toEqual({ state: 'completed', retryCount: 1 });
      const [fault] = await sql.unsafe(`select last_value::int as tries from ${name}`);
      expect(fault!.tries).toBeGreaterThanOrEqual(2);
      expect(await app.services.database.db.$count(reportArtifacts, and(eq(reportArtifacts.orgId, orgId), eq(reportArtifacts.reportId, report.id)))).toBe(5);
      expect(await statusOf({ orgId, reportId: report.id })).toBe('completed');
    } finally {
      await sql.unsafe(`drop trigger if exists ${name} on report_artifacts`);
      await sql.unsafe(`drop function if exists ${name}()`);
      await sql.unsafe(`drop sequence if exists ${name}`);
    }
  });
});

describe('the audit event of a request', () => {
  it('commits with the report it records, or neither does', async () => {
    const { orgId } = await app.newOrg('store audit');
    const { db, sql } = app.services.database;
    const input = { type: 'governance', period: { start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-10-02T00:00:00Z') } };
    const audited = async (reportId: string) => (await sql`select count(*)::int as n from audit_events where org_id = ${orgId} and action = 'report.requested' and resource = ${`report:${reportId}`}`)[0]!.n as number;

    // Requested inside a caller's transaction (as a schedule's run does) that then rolls back: no report, no audit event.
    let requested = '';
    await expect(db.transaction(async (tx) => {
      const inTx = { ...app.services, database: { ...app.services.database, db: tx as unknown as typeof db } };
      requested = (await createReport(inTx, { orgId, name: 'test', actorId: 'key-1' }, input)).id;
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await db.$count(reports, eq(reports.id, requested))).toBe(0);
    expect(await audited(requested)).toBe(0);

    // Committed: both, and the event names who asked.
    const report = await createReport(app.services, { orgId, name: 'test', actorId: 'key-1' }, input);
    expect(await audited(report.id)).toBe(1);
    const [event] = await sql`select actor_type, actor_id, category from audit_events where org_id = ${orgId} and resource = ${`report:${report.id}`}`;
    expect(event).toEqual({ actor_type: 'service', actor_id: 'key-1', category: 'admin' });
  });
});
