/**
 * A report's life: requested (pending, with its job), generating, then
 * completed, failed or cancelled; regenerated as a new version; deleted
 * softly. Every function is scoped to the caller's organisation.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../access.ts';
import { and, asc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { checkTargets } from '../accounts/storage-targets.ts';
import { agents, environments, reports } from '../db/schema.ts';
import { badInput, notFound } from '../errors.ts';
import { recordServiceEventIn, type ServiceEvent } from '../events/ingest.ts';
import { validateScope as validateFrameworkScope } from '../frameworks/index.ts';
import { frameworkOf, typeList } from '../frameworks/organization.ts';
import { isUuid } from '../ids.ts';
import { listNewestFirst, type KeysetRequest } from '../db/keyset.ts';
import { enqueueReport } from '../queue.ts';
import type { Services } from '../services.ts';
import { aboutWhom } from './summary.ts';
import { ACTIVE, insertReport, markDeleted, REPORT_COLUMNS as ROW, transition, type ReportRow, type ReportStatus } from './store.ts';

export type { ReportRow, ReportStatus } from './store.ts';

const DAY = 86_400_000;

export interface GenerateReportInput {
  type: string;
  period?: { start?: Date | null; end?: Date | null } | null;
  environment?: string | null;
  agentIds?: string[] | null;
  title?: string | null;
  dataSubject?: string | null;
  scheduleId?: string | null;
  /** Storage targets to upload the files to once the report completes. */
  deliverTo?: string[] | null;
}

/** Validates the request, inserts the pending report and enqueues its job in one transaction. */
export async function createReport(services: Services, requester: Actor, input: GenerateReportInput, now = new Date()): Promise<ReportRow> {
  const scope = await validateScope(services, requester.orgId, input, now);
  const id = randomUUID();
  const row = await insertWithJob(services, {
    id,
    lineageId: id,
    version: 1,
    previousVersionId: null,
    orgId: requester.orgId,
    createdBy: requester.name,
    scheduleId: input.scheduleId ?? null,
    ...scope,
  }, (row) => ({
    action: 'report.requested',
    actorId: requester.actorId,
    resource: `report:${row.id}`,
    attributes: { type: row.type, periodStart: row.periodStart.toISOString(), periodEnd: row.periodEnd.toISOString() },
  }));
  return row;
}

/** The widest period a report may cover: the dates an event may carry. */
const PERIOD_EARLIEST = new Date('1970-01-01T00:00:00Z');
const PERIOD_LATEST = new Date('9999-12-31T23:59:59.999Z');

async function validateScope(services: Services, orgId: string, input: GenerateReportInput, now: Date) {
  const framework = await frameworkOf(services.database.db, orgId, input.type);
  if (!framework) {
    throw badInput('type', `Unknown report type "${input.type}". Use one of: ${await typeList(services.database.db, orgId)}.`);
  }
  const end = input.period?.end ?? now;
  const start = input.period?.start ?? new Date(end.getTime() - 30 * DAY);
  // Events exist from 1970 to 9999 (the ingestion contract); outside that a period reports on nothing, and a
  // defaulted start before year 1 (end 0000-01-01) was a date PostgreSQL refused, answered as an internal error.
  if (end.getTime() > PERIOD_LATEST.getTime()) throw badInput('period.end', `period.end must be at most ${PERIOD_LATEST.toISOString()} (events are dated 1970 to 9999)`);
  if (start.getTime() < PERIOD_EARLIEST.getTime()) {
    throw badInput('period.start', `period.start must be at least ${PERIOD_EARLIEST.toISOString()} (events are dated 1970 to 9999)${input.period?.start ? '' : '; without a start the period is the 30 days before period.end'}`);
  }
  if (start.getTime() >= end.getTime()) throw badInput('period.start', 'period.start must be before period.end');
  const maxDays = services.config.MAX_REPORT_PERIOD_DAYS;
  if (end.getTime() - start.getTime() > maxDays * DAY) {
    throw badInput('period', `The period is longer than the maximum of ${maxDays} days; split it into shorter reports.`);
  }
  const db = services.database.db;
  const { environment, agentIds } = await checkScopeNames(db, orgId, input);
  refuseNul('dataSubject', input.dataSubject);
  refuseNul('title', input.title);
  const dataSubject = input.dataSubject?.trim() || null;
  const problem = validateFrameworkScope(framework, { dataSubject, agentIds });
  if (problem) throw badInput('dataSubject', problem);
  const about = aboutWhom(framework, { dataSubject, agentIds });
  const title = input.title?.trim() || `${framework.name}${about}, ${start.toISOString().slice(0, 10)} to ${end.toISOString().slice(0, 10)}`;
  if (title.length > 200) throw badInput('title', 'title must be at most 200 characters');
  const deliverTo = await checkTargets(db, orgId, input.deliverTo);
  return { type: framework.type, title, periodStart: start, periodEnd: end, environment, agentIds, parameters: dataSubject ? { dataSubject } : {}, deliverTo };
}

/** Environment and agents must be ones this organisation has sent events for: typos fail loudly. */
export async function checkScopeNames(db: Db, orgId: string, input: { environment?: string | null; agentIds?: string[] | null }) {
  refuseNul('environment', input.environment);
  for (const agentId of input.agentIds ?? []) refuseNul('agentIds', agentId);
  const environment = input.environment?.trim() || null;
  if (environment) {
    const [known] = await db.select({ name: environments.name }).from(environments).where(and(eq(environments.orgId, orgId), eq(environments.name, environment)));
    if (!known) throw badInput('environment', `No events were ever received for environment "${environment}" in this organisation; check the name (see the environments query).`);
  }
  const agentIds = [...new Set((input.agentIds ?? []).map((a) => a.trim()).filter(Boolean))].sort();
  if (agentIds.length) {
    const known = await db.select({ agentId: agents.agentId }).from(agents).where(and(eq(agents.orgId, orgId), inArray(agents.agentId, agentIds)));
    const missing = agentIds.filter((a) => !known.some((k) => k.agentId === a));
    if (missing.length) throw badInput('agentIds', `Unknown agent${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} in this organisation (see the agents query).`);
  }
  return { environment, agentIds };
}

/** PostgreSQL text cannot hold NUL: such a name can match nothing, and would fail the query. */
function refuseNul(field: string, value: string | null | undefined) {
  if (value?.includes('\u0000')) throw badInput(field, `${field} must not contain NUL characters (\\u0000)`);
}

/** Inserts the pending report with its job and its audit event, in one transaction (a schedule's run: a savepoint of its own). */
async function insertWithJob(services: Services, values: Omit<typeof reports.$inferInsert, 'status' | 'sampleSeed'>, audit: (row: ReportRow) => ServiceEvent): Promise<ReportRow> {
  const queue = services.queue;
  if (!queue) throw new Error('this process cannot enqueue jobs (no job queue started)');
  const row = await services.database.db.transaction(async (tx) => {
    const inserted = await insertReport(tx, { ...values, sampleSeed: randomBytes(8).toString('hex') });
    await enqueueReport(queue, tx, inserted.id, inserted.orgId);
    // Last: it locks the organisation's event chain head until the commit that follows.
    await recordServiceEventIn(tx, inserted.orgId, audit(inserted));
    return inserted;
  });
  await services.eventsStored(row.orgId);
  return row;
}

export async function getReport(db: Db, orgId: string, id: string): Promise<ReportRow> {
  const [row] = isUuid(id) ? await db.select(ROW).from(reports).where(and(eq(reports.id, id), eq(reports.orgId, orgId), isNull(reports.deletedAt))) : [];
  if (!row) throw notFound('Report');
  return row;
}

export async function reportsByIds(db: Db, orgId: string, ids: readonly string[]): Promise<Array<ReportRow | null>> {
  const valid = ids.filter(isUuid);
  const rows = valid.length ? await db.select(ROW).from(reports).where(and(eq(reports.orgId, orgId), inArray(reports.id, valid), isNull(reports.deletedAt))) : [];
  return ids.map((id) => rows.find((r) => r.id === id) ?? null);
}

export async function cancelReport(services: Services, requester: Actor, id: string): Promise<ReportRow> {
  const current = await getReport(services.database.db, requester.orgId, id);
  // A generating report's worker sees the status at its next progress step and stops.
  const row = await services.database.db.transaction(async (tx) => {
    const cancelled = await transition(tx, { reportId: current.id, orgId: current.orgId }, ACTIVE, 'cancelled', { progressMessage: 'Cancelled on request' });
    if (cancelled) await recordServiceEventIn(tx, requester.orgId, { action: 'report.cancelled', actorId: requester.actorId, resource: `report:${cancelled.id}` });
    return cancelled;
  });
  if (!row) throw badInput('id', `Only a pending or generating report can be cancelled; this one is ${(await getReport(services.database.db, requester.orgId, id)).status}.`);
  await services.eventsStored(requester.orgId);
  return row;
}

/**
 * Cancels those of `ids` still pending or generating, inside the caller's
 * transaction (a compliance package cancelling the reports it started);
 * returns the ids cancelled. The caller records the audit events.
 */
export async function cancelActiveReportsIn(tx: Tx, orgId: string, ids: readonly string[], progressMessage: string): Promise<string[]> {
  const cancelled: string[] = [];
  for (const reportId of ids) {
    const row = await transition(tx, { reportId, orgId }, ACTIVE, 'cancelled', { progressMessage });
    if (row) cancelled.push(row.id);
  }
  return cancelled;
}

export async function deleteReport(services: Services, requester: Actor, id: string): Promise<ReportRow> {
  const current = await getReport(services.database.db, requester.orgId, id);
  const row = await services.database.db.transaction(async (tx) => {
    const deleted = await markDeleted(tx, { reportId: current.id, orgId: current.orgId }, current);
    if (deleted) await recordServiceEventIn(tx, requester.orgId, { action: 'report.deleted', actorId: requester.actorId, resource: `report:${current.id}` });
    return deleted;
  });
  if (!row) throw notFound('Report');
  await services.eventsStored(requester.orgId);
  return row;
}

/** A new version of a report for the same scope, linked to the one before. */
export async function regenerateReport(services: Services, requester: Actor, id: string): Promise<ReportRow> {
  const previous = await getReport(services.database.db, requester.orgId, id);
  if (ACTIVE.includes(previous.status)) {
    throw badInput('id', `The report is still ${previous.status}; wait for it to finish (or cancel it) before regenerating.`);
  }
  const [latest] = await services.database.db
    .select({ version: sql<number>`max(${reports.version})` })
    .from(reports)
    .where(and(eq(reports.orgId, requester.orgId), eq(reports.lineageId, previous.lineageId)));
  const row = await insertWithJob(services, {
    id: randomUUID(),
    orgId: requester.orgId,
    type: previous.type,
    title: previous.title,
    periodStart: previous.periodStart,
    periodEnd: previous.periodEnd,
    environment: previous.environment,
    agentIds: previous.agentIds,
    parameters: previous.parameters,
    scheduleId: previous.scheduleId,
    lineageId: previous.lineageId,
    version: Number(latest?.version ?? previous.version) + 1,
    previousVersionId: previous.id,
    createdBy: requester.name,
  }, (row) => ({ action: 'report.regenerated', actorId: requester.actorId, resource: `report:${row.id}`, attributes: { previous: previous.id } }));
  return row;
}

export function reportVersions(db: Db, orgId: string, lineageId: string) {
  return db
    .select(ROW)
    .from(reports)
    .where(and(eq(reports.orgId, orgId), eq(reports.lineageId, lineageId), isNull(reports.deletedAt)))
    .orderBy(asc(reports.version));
}

export interface ReportFilter {
  type?: string | null;
  status?: ReportStatus | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

const MAX_REPORT_PAGE = 500;

/** Newest first (see listNewestFirst). */
export function listReports(db: Db, orgId: string, filter: ReportFilter, page: KeysetRequest) {
  const where = and(
    eq(reports.orgId, orgId),
    isNull(reports.deletedAt),
    filter.type ? eq(reports.type, filter.type) : undefined,
    filter.status ? eq(reports.status, filter.status) : undefined,
    filter.createdAfter ? gt(reports.createdAt, filter.createdAfter) : undefined,
    filter.createdBefore ? lt(reports.createdAt, filter.createdBefore) : undefined,
  );
  return listNewestFirst<ReportRow>(db, { table: reports, columns: ROW, max: MAX_REPORT_PAGE, where }, page);
}
