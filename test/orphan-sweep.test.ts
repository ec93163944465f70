/**
 * Exports and packages whose job is gone are failed by the sweep, as reports
 * are (test/report-given-up.test.ts): a job whose every attempt failed before
 * it could mark its row left that row pending for ever. This process only
 * enqueues, so every job stays queued until the test removes it.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compliancePackages, dataExports } from '../src/db/schema.ts';
import { EXPORT_QUEUE, requestExport } from '../src/exports/exports.ts';
import { sweepOrphanedExports, sweepOrphanedPackages } from '../src/jobs/orphans.ts';
import { PACKAGE_QUEUE, requestPackage } from '../src/packages/packages.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ownTestDatabase } from './support/databases.ts';
import { PERIOD } from './support/completed-report.ts';

let app: TestApp;
let database: Awaited<ReturnType<typeof ownTestDatabase>>;
let orgId: string;
const actor = () => ({ orgId, name: 'sweep test', actorId: 'sweep-test' });
const hourAgo = () => new Date(Date.now() - 3_600_000);

beforeAll(async () => {
  // A database of its own: another file's worker sweeping the shared one would fail this file's old rows first.
  database = await ownTestDatabase();
  app = await startTestApp({ jobs: 'enqueue', env: { DATABASE_URL: database.url } });
  ({ orgId } = await app.newOrg('Orphans'));
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** The sweep covers every organisation: only this file's organisation counts here. */
async function ownExports(ids: string[]) {
  const rows = await app.services.database.db.select({ id: dataExports.id }).from(dataExports).where(eq(dataExports.orgId, orgId));
  return ids.filter((id) => rows.some((r) => r.id === id));
}
async function ownPackages(ids: string[]) {
  const rows = await app.services.database.db.select({ id: compliancePackages.id }).from(compliancePackages).where(eq(compliancePackages.orgId, orgId));
  return ids.filter((id) => rows.some((r) => r.id === id));
}

async function dropJobs(queue: string, data: Record<string, string>) {
  const boss = app.services.queue!;
  const jobs = await boss.findJobs(queue, { data });
  expect(jobs.length).toBeGreaterThan(0);
  for (const job of jobs) await boss.deleteJob(queue, job.id);
}

it('fails old exports whose job is gone, and leaves young ones and those with a live job alone', async () => {
  const request = () => requestExport(app.services, actor(), { kind: 'decisions', format: 'ndjson', period: PERIOD });
  const [orphan, queued, young] = [await request(), await request(), await request()];
  await dropJobs(EXPORT_QUEUE, { exportId: orphan.id });
  await dropJobs(EXPORT_QUEUE, { exportId: young.id });
  await app.services.database.db.update(dataExports).set({ createdAt: hourAgo() }).where(and(eq(dataExports.orgId, orgId), eq(dataExports.id, orphan.id)));
  await app.services.database.db.update(dataExports).set({ createdAt: hourAgo() }).where(and(eq(dataExports.orgId, orgId), eq(dataExports.id, queued.id)));

  expect(await ownExports(await sweepOrphanedExports(app.services, app.services.queue!))).toEqual([orphan.id]);
  const rows = await app.services.database.db.select().from(dataExports).where(eq(dataExports.orgId, orgId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get(orphan.id)).toMatchObject({ status: 'failed', progressStage: 'failed', error: 'Export stopped: its job no longer exists. Request the export again.' });
  expect(byId.get(queued.id)!.status).toBe('pending');
  expect(byId.get(young.id)!.status).toBe('pending');
  // A second sweep finds nothing more to do.
  expect(await ownExports(await sweepOrphanedExports(app.services, app.services.queue!))).toEqual([]);
});

it('fails an old package whose job is gone', async () => {
  const request = () => requestPackage(app.services, actor(), { frameworks: ['governance'], period: PERIOD, exportKinds: ['decisions'], exportFormat: 'ndjson' });
  const [orphan, queued] = [await request(), await request()];
  await dropJobs(PACKAGE_QUEUE, { packageId: orphan.id });
  for (const id of [orphan.id, queued.id]) {
    await app.services.database.db.update(compliancePackages).set({ createdAt: hourAgo() }).where(and(eq(compliancePackages.orgId, orgId), eq(compliancePackages.id, id)));
  }

  expect(await ownPackages(await sweepOrphanedPackages(app.services, app.services.queue!))).toEqual([orphan.id]);
  const rows = await app.services.database.db.select().from(compliancePackages).where(eq(compliancePackages.orgId, orgId));
  expect(rows.find((r) => r.id === orphan.id)).toMatchObject({ status: 'failed', error: 'Package stopped: its job no longer exists. Request the package again.' });
  expect(rows.find((r) => r.id === queued.id)!.status).toBe('pending');
});
