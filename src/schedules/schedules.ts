/**
 * Report schedules: create, change, pause, delete, run now, and the tick
 * that runs what is due.
 *
 * Exactly once per due time, whatever the number of workers: the run is
 * claimed by inserting (schedule_id, due_at) into schedule_runs ON CONFLICT
 * DO NOTHING in the same transaction that creates the report, enqueues its
 * job and advances the schedule. A second worker ticking the same due time
 * waits on the primary key, then finds the row and does nothing.
 *
 * Catch-up: a worker that was down runs every due time it missed, oldest
 * first, each for its own period. Each run covers a different period, so
 * running only the latest would leave a hole in the evidence an auditor
 * asks about; at most MAX_CATCH_UP_PER_TICK runs per schedule and tick, so
 * a schedule that missed years cannot monopolise one tick.
 */
import type { Actor } from '../access.ts';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { compliancePackages, dataExports, reports, scheduleRuns, schedules, type ScheduleExports, type SchedulePackage } from '../db/schema.ts';
import { requestExport } from '../exports/exports.ts';
import { EXPORT_FORMATS, EXPORT_KINDS } from '../exports/kinds.ts';
import { badInput, DomainError, notFound } from '../errors.ts';
import { recordServiceEventIn } from '../events/ingest.ts';
import { frameworkOf, typeList } from '../frameworks/organization.ts';
import { isUuid } from '../ids.ts';
import { checkTargets } from '../accounts/storage-targets.ts';
import { requestPackage, validateParts } from '../packages/packages.ts';
import { checkScopeNames, createReport } from '../reports/lifecycle.ts';
import type { Services } from '../services.ts';
import { notifyOf, validateNotify, type NotifySettings } from '../notifications/recipients.ts';
import { nextRunAfter, periodFor, renderTitle, validateRecurrence, validateTitleTemplate, type Frequency, type Recurrence } from './recurrence.ts';

export type ScheduleRow = typeof schedules.$inferSelect;

interface ScheduleInput {
  /** Report type; for a package schedule, defaults to its first framework. */
  type?: string | null;
  frequency: Frequency;
  dayOfWeek?: number | null;
  dayOfMonth?: number | null;
  periodDays?: number | null;
  timezone?: string | null;
  environment?: string | null;
  agentIds?: string[] | null;
  titleTemplate?: string | null;
  notify?: Partial<NotifySettings> | null;
  /** Storage targets each report's files are uploaded to. */
  deliverTo?: string[] | null;
  /** Each run makes a compliance package of these frameworks and exports instead of one report. */
  package?: { frameworks: string[]; exportKinds?: string[] | null; exportFormat?: string | null } | null;
  /** Each run also makes these data exports (a package schedule names its exports in `package`). */
  exports?: { kinds: string[]; format?: string | null } | null;
}

/** Omitted (undefined) fields keep their value; null clears the optional ones. */
type ScheduleChanges = { [K in keyof ScheduleInput]?: ScheduleInput[K] | null } & { paused?: boolean | null };

const MAX_CATCH_UP_PER_TICK = 24;

const recurrenceOf = (s: ScheduleRow): Recurrence => ({
  frequency: s.frequency,
  dayOfWeek: s.dayOfWeek,
  dayOfMonth: s.dayOfMonth,
  periodDays: s.periodDays,
  timezone: s.timezone,
});

export async function createSchedule(services: Services, requester: Actor, input: ScheduleInput, now = new Date()): Promise<ScheduleRow> {
  const fields = await validateFields(services.database.db, requester.orgId, input, services.config.WEBHOOK_ALLOWED_HOSTS);
  return audited(services, requester, async (tx) => {
    const [inserted] = await tx
      .insert(schedules)
      .values({ ...fields, orgId: requester.orgId, createdBy: requester.name, nextRunAt: nextRunAfter(fields, now) })
      .returning();
    return { row: inserted!, action: 'schedule.created' };
  });
}

export async function updateSchedule(services: Services, requester: Actor, id: string, changes: ScheduleChanges, now = new Date()): Promise<ScheduleRow> {
  const current = await getSchedule(services.database.db, requester.orgId, id);
  const merged: ScheduleInput = {
    // New frameworks bring their own type (the first of them).
    type: changes.type ?? (changes.package ? null : current.type),
    frequency: changes.frequency ?? current.frequency,
    // A new frequency brings its own day fields; otherwise unspecified fields keep their value.
    dayOfWeek: changes.dayOfWeek !== undefined || changes.frequency ? changes.dayOfWeek : current.dayOfWeek,
    dayOfMonth: changes.dayOfMonth !== undefined || changes.frequency ? changes.dayOfMonth : current.dayOfMonth,
    periodDays: changes.periodDays !== undefined || changes.frequency ? changes.periodDays : current.periodDays,
    timezone: changes.timezone ?? current.timezone,
    environment: changes.environment !== undefined ? changes.environment : current.environment,
    agentIds: changes.agentIds ?? current.agentIds,
    titleTemplate: changes.titleTemplate ?? current.titleTemplate,
    notify: changes.notify ? { ...notifyOf(current), ...changes.notify } : notifyOf(current),
    deliverTo: changes.deliverTo ?? current.deliverTo,
    package: changes.package !== undefined ? changes.package : current.package,
    exports: changes.exports !== undefined ? changes.exports : current.exports,
  };
  const fields = await validateFields(services.database.db, requester.orgId, merged, services.config.WEBHOOK_ALLOWED_HOSTS);
  const paused = changes.paused ?? current.paused;
  const timingChanged = (['frequency', 'dayOfWeek', 'dayOfMonth', 'timezone'] as const).some((k) => fields[k] !== current[k]);
  // Resuming starts from now: the runs missed while paused were not wanted.
  const resumed = current.paused && !paused;
  return audited(services, requester, async (tx) => {
    const [row] = await tx
      .update(schedules)
      .set({ ...fields, paused, ...(timingChanged || resumed ? { nextRunAt: nextRunAfter(fields, now) } : {}) })
      .where(and(eq(schedules.id, current.id), eq(schedules.orgId, requester.orgId)))
      .returning();
    return { row: row!, action: paused !== current.paused ? (paused ? 'schedule.paused' : 'schedule.resumed') : 'schedule.updated' };
  });
}

export async function deleteSchedule(services: Services, requester: Actor, id: string): Promise<ScheduleRow> {
  const current = await getSchedule(services.database.db, requester.orgId, id);
  await audited(services, requester, async (tx) => {
    await tx.delete(schedules).where(and(eq(schedules.id, current.id), eq(schedules.orgId, requester.orgId)));
    return { row: current, action: 'schedule.deleted' };
  });
  return current;
}

async function getSchedule(db: Db, orgId: string, id: string): Promise<ScheduleRow> {
  const [row] = isUuid(id) ? await db.select().from(schedules).where(and(eq(schedules.id, id), eq(schedules.orgId, orgId))) : [];
  if (!row) throw notFound('Schedule');
  return row;
}

export function listSchedules(db: Db, orgId: string): Promise<ScheduleRow[]> {
  return db.select().from(schedules).where(eq(schedules.orgId, orgId)).orderBy(asc(schedules.createdAt), asc(schedules.id));
}

/** Compliance packages a package schedule produced, newest first. */
export function schedulePackages(db: Db, orgId: string, scheduleId: string, limit = 20) {
  return db
    .select({ id: compliancePackages.id })
    .from(compliancePackages)
    .where(and(eq(compliancePackages.orgId, orgId), eq(compliancePackages.scheduleId, scheduleId), sql`${compliancePackages.deletedAt} is null`))
    .orderBy(desc(compliancePackages.createdAt), desc(compliancePackages.id))
    .limit(limit);
}

/** Data exports a schedule with exports produced, newest first. */
export function scheduleExports(db: Db, orgId: string, scheduleId: string, limit = 20) {
  return db
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(and(eq(dataExports.orgId, orgId), eq(dataExports.scheduleId, scheduleId), sql`${dataExports.deletedAt} is null`))
    .orderBy(desc(dataExports.createdAt), desc(dataExports.id))
    .limit(limit);
}

/** Reports a schedule produced, newest first. */
export function scheduleReports(db: Db, orgId: string, scheduleId: string, limit = 20) {
  return db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.scheduleId, scheduleId), sql`${reports.deletedAt} is null`))
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit);
}

/**
 * Runs the schedule at once for the period a run now would cover (e.g. the
 * previous month of a monthly schedule); its regular due times are unchanged.
 */
export async function runScheduleNow(services: Services, requester: Actor, id: string, now = new Date()): Promise<string> {
  const schedule = await getSchedule(services.database.db, requester.orgId, id);
  const reportId = await runOnce(services, schedule, now, { advance: false, actorId: requester.actorId });
  if (!reportId) throw new DomainError('CONFLICT', 'The schedule already ran at this instant; try again.');
  return reportId;
}

interface TickResult {
  /** Reports this tick created. */
  created: string[];
  /** Due times another worker had already claimed. */
  skipped: number;
  /** Due times whose report could not be requested (e.g. an environment that no longer exists). */
  failed: number;
}

/**
 * Runs every due time up to `now` of every unpaused schedule (all
 * organisations: it is the system's clock, not a request; `orgId` limits it
 * to one, for operators and tests). Safe to call from any number of workers at once.
 */
export async function runDueSchedules(services: Services, now = new Date(), options: { orgId?: string } = {}): Promise<TickResult> {
  const result: TickResult = { created: [], skipped: 0, failed: 0 };
  const due = await services.database.db
    .select({ id: schedules.id, orgId: schedules.orgId })
    .from(schedules)
    .where(and(eq(schedules.paused, false), lte(schedules.nextRunAt, now), options.orgId ? eq(schedules.orgId, options.orgId) : undefined))
    .orderBy(asc(schedules.nextRunAt))
    .limit(500);
  for (const { id, orgId } of due) {
    for (let i = 0; i < MAX_CATCH_UP_PER_TICK; i++) {
      const [schedule] = await services.database.db.select().from(schedules).where(and(eq(schedules.id, id), eq(schedules.orgId, orgId)));
      if (!schedule || schedule.paused || schedule.nextRunAt > now) break;
      try {
        const reportId = await runOnce(services, schedule, schedule.nextRunAt, { advance: true, actorId: `schedule:${schedule.id}` });
        if (reportId) result.created.push(reportId);
        else result.skipped++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.failed++;
        await recordFailedRun(services, schedule, error);
      }
    }
  }
  return result;
}

/**
 * One run: claim (schedule, dueAt), create the report with its job, advance
 * the schedule, all in one transaction. Null when another worker claimed it.
 */
async function runOnce(services: Services, schedule: ScheduleRow, dueAt: Date, options: { advance: boolean; actorId: string }): Promise<string | null> {
  const recurrence = recurrenceOf(schedule);
  const period = periodFor(recurrence, dueAt);
  const title = renderTitle(schedule.titleTemplate, period, schedule.timezone);
  return services.database.db.transaction(async (tx) => {
    const claimed = await tx.insert(scheduleRuns).values({ orgId: schedule.orgId, scheduleId: schedule.id, dueAt }).onConflictDoNothing().returning({ dueAt: scheduleRuns.dueAt });
    if (!claimed.length) return null;
    // createReport runs on this transaction (its own becomes a savepoint): report, job and claim commit together.
    const inTx: Services = { ...services, database: { ...services.database, db: tx as unknown as Db } };
    const requester = { orgId: schedule.orgId, name: `schedule:${schedule.id}`, actorId: options.actorId };
    const scope = { period, environment: schedule.environment, agentIds: schedule.agentIds, title, scheduleId: schedule.id };
    // A package schedule's run is one package (its reports name the schedule too, so they notify as its reports do).
    const made = schedule.package
      ? await requestPackage(inTx, requester, { ...scope, ...schedule.package, deliverTo: schedule.deliverTo }, dueAt).then((p) => ({ reportId: p.reportIds[0]!, packageId: p.id }))
      : { reportId: (await createReport(inTx, requester, { ...scope, type: schedule.type, deliverTo: schedule.deliverTo }, dueAt)).id, packageId: null };
    const report = { id: made.reportId };
    const exportIds: string[] = [];
    for (const kind of schedule.exports?.kinds ?? []) {
      exportIds.push((await requestExport(inTx, requester, { ...scope, kind, format: schedule.exports!.format, deliverTo: schedule.deliverTo }, dueAt)).id);
    }
    await tx.update(scheduleRuns).set({ reportId: report.id, packageId: made.packageId, exportIds }).where(and(eq(scheduleRuns.orgId, schedule.orgId), eq(scheduleRuns.scheduleId, schedule.id), eq(scheduleRuns.dueAt, dueAt)));
    await tx
      .update(schedules)
      .set(options.advance ? { lastRunAt: dueAt, nextRunAt: nextRunAfter(recurrence, dueAt) } : { lastRunAt: sql`greatest(${schedules.lastRunAt}, ${dueAt.toISOString()}::timestamptz)` })
      .where(and(eq(schedules.id, schedule.id), eq(schedules.orgId, schedule.orgId)));
    return report.id;
  });
}

/** A due time whose report was refused: claimed without a report, so it is not retried every minute, and recorded. */
async function recordFailedRun(services: Services, schedule: ScheduleRow, error: DomainError) {
  const dueAt = schedule.nextRunAt;
  const claimed = await services.database.db.transaction(async (tx) => {
    const [claim] = await tx.insert(scheduleRuns).values({ orgId: schedule.orgId, scheduleId: schedule.id, dueAt }).onConflictDoNothing().returning({ dueAt: scheduleRuns.dueAt });
    if (!claim) return false;
    await tx
      .update(schedules)
      .set({ lastRunAt: dueAt, nextRunAt: nextRunAfter(recurrenceOf(schedule), dueAt) })
      .where(and(eq(schedules.id, schedule.id), eq(schedules.orgId, schedule.orgId)));
    // Recorded by the run that claimed the due time, with the claim.
    await recordServiceEventIn(tx, schedule.orgId, {
      action: 'schedule.run_failed',
      actorId: `schedule:${schedule.id}`,
      resource: `schedule:${schedule.id}`,
      attributes: { dueAt: dueAt.toISOString(), field: error.field ?? null, reason: error.message },
    });
    return true;
  });
  services.log.warn('scheduled report refused', { scheduleId: schedule.id, dueAt: dueAt.toISOString(), reason: error.message });
  if (claimed) await services.eventsStored(schedule.orgId);
}

async function validateFields(db: Db, orgId: string, input: ScheduleInput, allowedHosts: readonly string[]) {
  const { environment, agentIds } = await checkScopeNames(db, orgId, input);
  let pkg: SchedulePackage | null = null;
  if (input.package) {
    const parts = await validateParts(db, orgId, input.package, agentIds);
    pkg = { frameworks: parts.frameworks, exportKinds: parts.exportKinds, exportFormat: parts.exportFormat };
  }
  const type = input.type ?? pkg?.frameworks[0];
  if (!type) throw badInput('type', 'Name the report type (or a package of frameworks).');
  if (pkg && type !== pkg.frameworks[0]) throw badInput('type', `A package schedule's type is its first framework (${pkg.frameworks[0]}); leave type out.`);
  const framework = await frameworkOf(db, orgId, type);
  if (!framework) throw badInput('type', `Unknown report type "${type}". Use one of: ${await typeList(db, orgId)}.`);
  const recurrence = validateRecurrence({
    frequency: input.frequency,
    dayOfWeek: input.dayOfWeek ?? null,
    dayOfMonth: input.dayOfMonth ?? null,
    periodDays: input.periodDays ?? null,
    timezone: input.timezone ?? 'UTC',
  });
  let exports: ScheduleExports | null = null;
  if (input.exports) {
    const kinds = [...new Set(input.exports.kinds)];
    const unknown = kinds.find((k) => !(EXPORT_KINDS as readonly string[]).includes(k));
    if (!kinds.length || unknown !== undefined) throw badInput('exports.kinds', `Name one or more export kinds of: ${EXPORT_KINDS.join(', ')}.`);
    const format = input.exports.format ?? 'csv';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw badInput('exports.format', `Unknown export format "${format.slice(0, 100)}". Use one of: ${EXPORT_FORMATS.join(', ')}.`);
    if (pkg) throw badInput('exports', "A package schedule names its exports in package.exportKinds.");
    exports = { kinds: kinds as ScheduleExports['kinds'], format: format as ScheduleExports['format'] };
  }
  const titleTemplate = validateTitleTemplate(input.titleTemplate ?? `${pkg ? 'Compliance package' : framework.name}, {start} to {end}`);
  const deliverTo = await checkTargets(db, orgId, input.deliverTo);
  return { type, ...recurrence, environment, agentIds, titleTemplate, notify: validateNotify(input.notify, allowedHosts), deliverTo, package: pkg, exports };
}

/** A change to a schedule and its audit event, in one transaction. */
async function audited(services: Services, requester: Actor, write: (tx: Tx) => Promise<{ row: ScheduleRow; action: string }>): Promise<ScheduleRow> {
  const row = await services.database.db.transaction(async (tx) => {
    const { row, action } = await write(tx);
    await recordServiceEventIn(tx, requester.orgId, {
      action,
      actorId: requester.actorId,
      resource: `schedule:${row.id}`,
      attributes: { type: row.type, frequency: row.frequency, timezone: row.timezone, paused: row.paused },
    });
    return row;
  });
  await services.eventsStored(requester.orgId);
  return row;
}
