/**
 * Schedules: due times and periods (weekly, monthly, quarterly, time zones
 * across DST), title templates, the GraphQL surface, catch-up after
 * downtime, exactly-once with two worker processes ticking the same due
 * time, run-now, and the pg-boss tick. The clock is a parameter: no sleeps.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { CreateScheduleInput } from '../client/graphql.ts';
import { reports, scheduleRuns, schedules } from '../src/db/schema.ts';
import { registerDeliveryJobs, SCHEDULE_TICK_QUEUE } from '../src/jobs/recurring.ts';
import { nextRunAfter, periodFor, renderTitle, validateRecurrence } from '../src/schedules/recurrence.ts';
import { createSchedule, runDueSchedules } from '../src/schedules/schedules.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/until.ts';

const Create = graphql(`
  mutation ScheduleCreate($input: CreateScheduleInput!) {
    createSchedule(input: $input) { id type frequency dayOfWeek dayOfMonth periodDays timezone titleTemplate paused nextRunAt lastRunAt notify { webhooks emails } }
  }
`);
const Update = graphql(`
  mutation ScheduleUpdate($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused frequency dayOfMonth nextRunAt timezone } }
`);
const Delete = graphql(`
  mutation ScheduleDelete($id: ID!) { deleteSchedule(id: $id) { id } }
`);
const RunNow = graphql(`
  mutation ScheduleRunNow($id: ID!) { runScheduleNow(id: $id) { id title status period { start end } createdBy } }
`);
const List = graphql(`
  query ScheduleList { schedules { id nextRunAt lastRunAt paused reports { id title status } } }
`);
const ReportStatus = graphql(`
  query ScheduleReportStatus($id: ID!) { report(id: $id) { id status } }
`);

let app: TestApp;
let second: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'work' });
  // A second process on the same database: its own pool and its own pg-boss.
  second = await startTestApp({ jobs: 'enqueue' });
});
afterAll(async () => {
  await second.close();
  await app.close();
});

const requester = (orgId: string) => ({ orgId, name: 'test', actorId: 'test' });
const at = (iso: string) => new Date(iso);

async function reportsOf(scheduleId: string) {
  return app.services.database.db.select().from(reports).where(eq(reports.scheduleId, scheduleId)).orderBy(reports.periodStart);
}

/** Other tests' schedules must not run on this test's clock. */
async function removeSchedules(orgId: string) {
  await app.services.database.db.delete(schedules).where(eq(schedules.orgId, orgId));
}

describe('due times and periods', () => {
  it('weekly in New York runs Monday 01:00 local across the DST change, covering the 7 days before', () => {
    const r = validateRecurrence({ frequency: 'weekly', dayOfWeek: 1, timezone: 'America/New_York' });
    // DST starts Sunday 2026-03-08: 01:00 EST is 06:00Z before, 01:00 EDT is 05:00Z after.
    expect(nextRunAfter(r, at('2026-03-01T12:00:00Z')).toISOString()).toBe('2026-03-02T06:00:00.000Z');
    const due = nextRunAfter(r, at('2026-03-05T00:00:00Z'));
    expect(due.toISOString()).toBe('2026-03-09T05:00:00.000Z');
    expect(nextRunAfter(r, due).toISOString()).toBe('2026-03-16T05:00:00.000Z');
    const period = periodFor(r, due);
    // Local midnights: Mon 2 March EST, Mon 9 March EDT: one hour short of 7 × 24 h.
    expect(period.start.toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(period.end.getTime() - period.start.getTime()).toBe((7 * 24 - 1) * 3_600_000);
  });

  it('weekly with periodDays covers that many local days', () => {
    const r = validateRecurrence({ frequency: 'weekly', dayOfWeek: 5, periodDays: 14, timezone: 'UTC' });
    const due = nextRunAfter(r, at('2026-06-01T00:00:00Z'));
    expect(due.toISOString()).toBe('2026-06-05T01:00:00.000Z');
    expect(periodFor(r, due)).toEqual({ start: at('2026-05-22T00:00:00Z'), end: at('2026-06-05T00:00:00Z') });
  });

  it('monthly in Berlin covers the previous calendar month, whose end crosses the October DST change', () => {
    const r = validateRecurrence({ frequency: 'monthly', dayOfMonth: 5, timezone: 'Europe/Berlin' });
    const due = nextRunAfter(r, at('2026-10-20T00:00:00Z'));
    // 5 November 01:00 CET (UTC+1).
    expect(due.toISOString()).toBe('2026-11-05T00:00:00.000Z');
    const period = periodFor(r, due);
    // 1 October 00:00 CEST (UTC+2) to 1 November 00:00 CET (UTC+1).
    expect(period.start.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(renderTitle('SOC 2 {month} {year} ({quarter}, {start} to {end})', period, 'Europe/Berlin')).toBe('SOC 2 October 2026 (Q4, 2026-10-01 to 2026-10-31)');
  });

  it('monthly in January covers December of the year before', () => {
    const r = validateRecurrence({ frequency: 'monthly', timezone: 'UTC' });
    const due = nextRunAfter(r, at('2026-12-15T00:00:00Z'));
    expect(due.toISOString()).toBe('2027-01-01T01:00:00.000Z');
    const period = periodFor(r, due);
    expect(period).toEqual({ start: at('2026-12-01T00:00:00Z'), end: at('2027-01-01T00:00:00Z') });
    expect(renderTitle('{month} {year}', period, 'UTC')).toBe('December 2026');
  });

  it('quarterly runs on Jan 1, Apr 1, Jul 1 and Oct 1 for the previous quarter, in the schedule\'s zone', () => {
    const utc = validateRecurrence({ frequency: 'quarterly', timezone: 'UTC' });
    const dues: Date[] = [];
    let after = at('2026-02-10T00:00:00Z');
    for (let i = 0; i < 4; i++) dues.push((after = nextRunAfter(utc, after)));
    expect(dues.map((d) => d.toISOString())).toEqual(['2026-04-01T01:00:00.000Z', '2026-07-01T01:00:00.000Z', '2026-10-01T01:00:00.000Z', '2027-01-01T01:00:00.000Z']);
    expect(periodFor(utc, dues[0]!)).toEqual({ start: at('2026-01-01T00:00:00Z'), end: at('2026-04-01T00:00:00Z') });
    expect(periodFor(utc, dues[3]!)).toEqual({ start: at('2026-10-01T00:00:00Z'), end: at('2027-01-01T00:00:00Z') });
    expect(renderTitle('ISO 27001 {quarter} {year}', periodFor(utc, dues[3]!), 'UTC')).toBe('ISO 27001 Q4 2026');

    const tokyo = validateRecurrence({ frequency: 'quarterly', timezone: 'Asia/Tokyo' });
    const due = nextRunAfter(tokyo, at('2026-05-01T00:00:00Z'));
    expect(due.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(periodFor(tokyo, due)).toEqual({ start: at('2026-03-31T15:00:00Z'), end: at('2026-06-30T15:00:00Z') });
  });
});

describe('the schedules API', () => {
  it('validates input, naming the field', async () => {
    const { adminKey } = await app.newOrg('Schedule validation');
    const base = { type: 'soc2', frequency: 'WEEKLY' as const };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ timezone: 'Mars/Olympus' }, 'timezone'],
      [{ frequency: 'MONTHLY', dayOfMonth: 31 }, 'dayOfMonth'],
      [{ dayOfWeek: 0 }, 'dayOfWeek'],
      [{ titleTemplate: 'SOC 2 {week}' }, 'titleTemplate'],
      [{ type: 'nonsense' }, 'type'],
      [{ notify: { webhooks: ['ftp://example.com/hook'] } }, 'notify.webhooks.0'],
      [{ notify: { emails: ['not-an-address'] } }, 'notify.emails.0'],
      [{ environment: 'never-seen' }, 'environment'],
      [{ frequency: 'QUARTERLY', periodDays: 10 }, 'periodDays'],
    ];
    for (const [change, field] of cases) {
      const result = await app.gql(adminKey, Create, { input: { ...base, ...change } as unknown as CreateScheduleInput });
      expect(result.errors?.[0]?.extensions, JSON.stringify(change)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('creates, lists, pauses, resumes, changes and deletes; only admins manage', async () => {
    const { orgId, adminKey, key } = await app.newOrg('Schedule CRUD');
    try {
      const created = await app.gql(adminKey, Create, {
        input: { type: 'soc2', frequency: 'MONTHLY', dayOfMonth: 3, timezone: 'Europe/Berlin', titleTemplate: 'SOC 2 {month} {year}', notify: { emails: ['Auditor@Example.com'] } },
      });
      expect(created.errors).toBeUndefined();
      const schedule = created.data!.createSchedule;
      expect(schedule).toMatchObject({ frequency: 'MONTHLY', dayOfMonth: 3, dayOfWeek: null, timezone: 'Europe/Berlin', paused: false, lastRunAt: null, notify: { webhooks: [], emails: ['auditor@example.com'] } });
      const next = new Date(schedule.nextRunAt as string);
      expect(next.getTime()).toBeGreaterThan(Date.now());
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', day: 'numeric', hour: 'numeric', hourCycle: 'h23' }).format(next)).toBe('3, 01');

      const viewer = await key('viewer');
      expect((await app.gql(viewer, List)).data!.schedules.map((s) => s.id)).toEqual([schedule.id]);
      expect((await app.gql(viewer, Update, { id: schedule.id, input: { paused: true } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const paused = await app.gql(adminKey, Update, { id: schedule.id, input: { paused: true } });
      expect(paused.data!.updateSchedule.paused).toBe(true);
      // A paused schedule does not run, however late it is.
      await runDueSchedules(app.services, new Date(Date.now() + 400 * 86_400_000), { orgId });
      expect(await reportsOf(schedule.id)).toHaveLength(0);
      const resumed = await app.gql(adminKey, Update, { id: schedule.id, input: { paused: false, frequency: 'WEEKLY', dayOfWeek: 7 } });
      expect(resumed.data!.updateSchedule).toMatchObject({ paused: false, frequency: 'WEEKLY', dayOfMonth: null });
      expect(new Date(resumed.data!.updateSchedule.nextRunAt as string).getTime()).toBeGreaterThan(Date.now());

      const other = await app.newOrg('Schedule other org');
      expect((await app.gql(other.adminKey, Delete, { id: schedule.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await app.gql(other.adminKey, List)).data!.schedules).toEqual([]);
      expect((await app.gql(adminKey, Delete, { id: schedule.id })).data!.deleteSchedule.id).toBe(schedule.id);
      expect((await app.gql(adminKey, List)).data!.schedules).toEqual([]);
    } finally {
      await removeSchedules(orgId);
    }
  });

  it('runScheduleNow creates the report for the last period, titled by the template, and it completes', async () => {
    const { orgId, adminKey } = await app.newOrg('Schedule run now');
    try {
      const created = await app.gql(adminKey, Create, { input: { type: 'soc2', frequency: 'MONTHLY', titleTemplate: 'Monthly SOC 2: {month} {year}' } });
      const id = created.data!.createSchedule.id;
      const run = await app.gql(adminKey, RunNow, { id });
      expect(run.errors).toBeUndefined();
      const report = run.data!.runScheduleNow;
      const now = new Date();
      const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
      const firstOfPrevious = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      expect(report.period).toEqual({ start: firstOfPrevious.toISOString(), end: firstOfMonth.toISOString() });
      expect(report.title).toBe(`Monthly SOC 2: ${firstOfPrevious.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${firstOfPrevious.getUTCFullYear()}`);
      expect(report.createdBy).toBe(`schedule:${id}`);
      await until(async () => (await app.gql(adminKey, ReportStatus, { id: report.id })).data?.report?.status === 'COMPLETED', 'the scheduled report to complete');
      const listed = (await app.gql(adminKey, List)).data!.schedules[0]!;
      expect(listed.reports.map((r) => r.id)).toEqual([report.id]);
      expect(listed.lastRunAt).not.toBeNull();
      // Run-now leaves the regular due time alone.
      expect(listed.nextRunAt).toBe(created.data!.createSchedule.nextRunAt);
    } finally {
      await removeSchedules(orgId);
    }
  });
});

describe('running due schedules', () => {
  it('catches up every due time it missed, each for its own period, and only once', async () => {
    const { orgId } = await app.newOrg('Schedule catch-up');
    try {
      const created = await createSchedule(app.services, requester(orgId), { type: 'soc2', frequency: 'weekly', dayOfWeek: 1, timezone: 'UTC', titleTemplate: 'Week {start}' }, at('2026-01-01T00:00:00Z'));
      expect(created.nextRunAt.toISOString()).toBe('2026-01-05T01:00:00.000Z');
      // The worker was down for three weeks and a bit.
      const result = await runDueSchedules(app.services, at('2026-01-20T12:00:00Z'), { orgId });
      expect(result.failed).toBe(0);
      const made = await reportsOf(created.id);
      expect(made.map((r) => [r.periodStart.toISOString().slice(0, 10), r.periodEnd.toISOString().slice(0, 10), r.title])).toEqual([
        ['2025-12-29', '2026-01-05', 'Week 2025-12-29'],
        ['2026-01-05', '2026-01-12', 'Week 2026-01-05'],
        ['2026-01-12', '2026-01-19', 'Week 2026-01-12'],
      ]);
      const [after] = await app.services.database.db.select().from(schedules).where(eq(schedules.id, created.id));
      expect(after!.lastRunAt!.toISOString()).toBe('2026-01-19T01:00:00.000Z');
      expect(after!.nextRunAt.toISOString()).toBe('2026-01-26T01:00:00.000Z');
      // The same instant again: nothing is due.
      await runDueSchedules(app.services, at('2026-01-20T12:00:00Z'), { orgId });
      expect(await reportsOf(created.id)).toHaveLength(3);
    } finally {
      await removeSchedules(orgId);
    }
  });

  it('runs each due time exactly once when two worker processes tick at the same moment', async () => {
    const { orgId } = await app.newOrg('Schedule exactly once');
    try {
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        const s = await createSchedule(app.services, requester(orgId), { type: 'soc2', frequency: 'weekly', dayOfWeek: 3, timezone: 'Europe/Paris', titleTemplate: `S${i} {start}` }, at('2026-02-01T00:00:00Z'));
        ids.push(s.id);
      }
      // Two due times each (Wed 4 and Wed 11 February), ticked by both processes at once, three times over.
      const now = at('2026-02-12T00:00:00Z');
      const tick = (services: typeof app.services) => runDueSchedules(services, now, { orgId });
      const results = await Promise.all([tick(app.services), tick(second.services), tick(app.services), tick(second.services)]);
      const created = results.flatMap((r) => r.created);
      expect(new Set(created).size).toBe(created.length);
      expect(created).toHaveLength(8);
      for (const id of ids) {
        const made = await reportsOf(id);
        expect(made.map((r) => r.periodEnd.toISOString())).toEqual(['2026-02-03T23:00:00.000Z', '2026-02-10T23:00:00.000Z']);
        const runs = await app.services.database.db.select().from(scheduleRuns).where(eq(scheduleRuns.scheduleId, id));
        expect(runs).toHaveLength(2);
        expect(runs.every((r) => made.some((m) => m.id === r.reportId))).toBe(true);
      }
    } finally {
      await removeSchedules(orgId);
    }
  });

  it('is driven by the pg-boss tick job in a worker', async () => {
    const { orgId } = await app.newOrg('Schedule tick job');
    try {
      const clock = at('2026-03-02T00:00:00Z');
      const s = await createSchedule(app.services, requester(orgId), { type: 'soc2', frequency: 'monthly', dayOfMonth: 1, timezone: 'UTC' }, at('2026-02-15T00:00:00Z'));
      await registerDeliveryJobs(app.services.queue!, app.services, { now: () => clock, cron: false });
      await app.services.queue!.send(SCHEDULE_TICK_QUEUE, {});
      const [made] = await until(async () => {
        const rows = await reportsOf(s.id);
        return rows.length ? rows : undefined;
      }, 'the tick job to create the report');
      expect(made!.periodStart.toISOString()).toBe('2026-02-01T00:00:00.000Z');
      expect(made!.title).toBe('SOC 2 (Trust Services Criteria 2017), 2026-02-01 to 2026-02-28');
      const [run] = await app.services.database.db.select().from(scheduleRuns).where(and(eq(scheduleRuns.scheduleId, s.id)));
      expect(run!.dueAt.toISOString()).toBe('2026-03-01T01:00:00.000Z');
    } finally {
      await removeSchedules(orgId);
    }
  });
});
