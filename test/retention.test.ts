/**
 * Retention: per-organisation retention days, expiry dates, the job that
 * deletes files and marks reports expired (keeping findings and hash), and
 * 410 on download afterwards.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { findings, postureChanges, postureSnapshots, reportArtifacts, reports } from '../src/db/schema.ts';
import { expiryFor } from '../src/accounts/settings.ts';
import { runRetention, stampExpiry } from '../src/jobs/retention.ts';
import { MAX_HISTORY_DAYS } from '../src/reports/posture.ts';
import { renderArtifacts } from '../src/render/artifacts.ts';
import { closePdfRenderer } from '../src/render/pdf.ts';
import { completedReport } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const Settings = graphql(`
  mutation RetentionSettings($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays } }
`);
const Org = graphql(`
  query RetentionOrg { viewer { organization { retentionDays } } }
`);
const ReportExpiry = graphql(`
  query RetentionReport($id: ID!) { report(id: $id) { status expiresAt completedAt integrity { contentSha256 } } }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'enqueue' });
});
afterAll(async () => {
  await closePdfRenderer();
  await app.close();
});

const DAY = 86_400_000;

it('deletes the files of reports past retention, marks them expired, keeps findings and hash, and downloads answer 410', async () => {
  const { orgId, adminKey, key } = await app.newOrg('Retention');
  const id = await completedReport(app.services, orgId);
  const gid = Buffer.from(`Report:${id}`).toString('base64');
  const { db } = app.services.database;
  await stampExpiry(app.services, id, orgId);
  const before = (await app.gql(adminKey, ReportExpiry, { id: gid })).data!.report!;
  expect(new Date(before.expiresAt as string).getTime()).toBe(expiryFor(90, new Date(before.completedAt as string)).getTime());

  expect((await app.gql(await key('viewer'), Settings, { input: { retentionDays: 5 } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await app.gql(adminKey, Settings, { input: { retentionDays: 0 } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'retentionDays' });
  expect((await app.gql(adminKey, Settings, { input: { retentionDays: 30 } })).data!.updateOrganizationSettings.retentionDays).toBe(30);
  expect((await app.gql(adminKey, Org)).data!.viewer.organization.retentionDays).toBe(30);
  const redated = (await app.gql(adminKey, ReportExpiry, { id: gid })).data!.report!;
  expect(new Date(redated.expiresAt as string).getTime()).toBe(new Date(before.completedAt as string).getTime() + 30 * DAY);

  await renderArtifacts(app.services, id);
  const findingCount = await db.$count(findings, eq(findings.reportId, id));
  expect(await db.$count(reportArtifacts, eq(reportArtifacts.reportId, id))).toBe(5);
  // Another report of the organisation, completed just now, stays.
  const recent = await completedReport(app.services, orgId, { count: 50 });

  // 29 days on, nothing is due; 31 days on, the first report is.
  const completedAt = new Date(before.completedAt as string);
  await runRetention(app.services, new Date(completedAt.getTime() + 29 * DAY));
  expect((await app.gql(adminKey, ReportExpiry, { id: gid })).data!.report!.status).toBe('COMPLETED');
  // Move the first report's completion into the past instead of the clock, so other files' reports are not touched.
  // (A value, not SQL arithmetic on the column: Citus refuses time-zone dependent functions of columns in an UPDATE.)
  await db.update(reports).set({ completedAt: new Date(completedAt.getTime() - 31 * DAY), expiresAt: null }).where(and(eq(reports.orgId, orgId), eq(reports.id, id)));
  const result = await runRetention(app.services);
  expect(result.expiredReports).toBeGreaterThanOrEqual(1);

  const after = (await app.gql(adminKey, ReportExpiry, { id: gid })).data!.report!;
  expect(after.status).toBe('EXPIRED');
  expect(after.integrity?.contentSha256).toBe(before.integrity?.contentSha256);
  expect(await db.$count(reportArtifacts, eq(reportArtifacts.reportId, id))).toBe(0);
  expect(await db.$count(findings, eq(findings.reportId, id))).toBe(findingCount);
  const [recentRow] = await db.select().from(reports).where(and(eq(reports.id, recent), eq(reports.orgId, orgId)));
  expect(recentRow!.status).toBe('completed');

  const download = await app.fetch(`/reports/${id}/download?format=json`, { key: adminKey });
  expect(download.status).toBe(410);
  expect(((await download.json()) as { error: { message: string } }).error.message).toContain('retention');
});

it("deletes posture changes older than their organisation's retention, and only those", async () => {
  const a = await app.newOrg('Posture retention');
  const b = await app.newOrg('Posture retention, default');
  expect((await app.gql(a.adminKey, Settings, { input: { retentionDays: 10 } })).data!.updateOrganizationSettings.retentionDays).toBe(10);
  const { db } = app.services.database;
  const change = (orgId: string, daysAgo: number) => ({
    orgId, framework: 'governance', checkId: 'policy-coverage', controlId: 'GOV-1', title: 'Explicit policies', fromStatus: 'pass', toStatus: 'fail',
    value: 50, unit: 'percent', thresholds: { direction: 'min' as const, pass: 95, warn: 80 }, at: new Date(Date.now() - daysAgo * DAY),
  });
  await db.insert(postureChanges).values([change(a.orgId, 11), change(a.orgId, 9), change(b.orgId, 11)]);
  const result = await runRetention(app.services);
  expect(result.prunedPostureChanges).toBeGreaterThanOrEqual(1);
  const left = await db.select({ orgId: postureChanges.orgId, at: postureChanges.at }).from(postureChanges).where(inArray(postureChanges.orgId, [a.orgId, b.orgId])).orderBy(asc(postureChanges.id));
  // Ten days for the first organisation: its 11-day-old change goes; the other keeps 90 days.
  expect(left.map((r) => [r.orgId, Math.round((Date.now() - r.at.getTime()) / DAY)])).toEqual([[a.orgId, 9], [b.orgId, 11]]);
});

it('deletes daily posture snapshots past 400 days, or past the retention when that is longer', async () => {
  const a = await app.newOrg('Snapshot retention');
  const b = await app.newOrg('Snapshot retention, long');
  expect((await app.gql(b.adminKey, Settings, { input: { retentionDays: 500 } })).data!.updateOrganizationSettings.retentionDays).toBe(500);
  const { db } = app.services.database;
  const now = new Date();
  const snapshot = (orgId: string, daysAgo: number) => ({
    orgId, framework: 'governance', day: new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10), score: 80, grade: 'B', pass: 4, warn: 1, fail: 0, notApplicable: 0,
  });
  const horizon = MAX_HISTORY_DAYS;
  await db.insert(postureSnapshots).values([snapshot(a.orgId, horizon), snapshot(a.orgId, horizon - 1), snapshot(a.orgId, 0), snapshot(b.orgId, 500), snapshot(b.orgId, 499), snapshot(b.orgId, horizon)]);
  const result = await runRetention(app.services, now);
  expect(result.prunedPostureSnapshots).toBeGreaterThanOrEqual(2);
  const left = await db.select({ orgId: postureSnapshots.orgId, day: postureSnapshots.day }).from(postureSnapshots).where(inArray(postureSnapshots.orgId, [a.orgId, b.orgId])).orderBy(asc(postureSnapshots.orgId), asc(postureSnapshots.day));
  const daysAgo = (day: string) => Math.round((Date.parse(now.toISOString().slice(0, 10)) - Date.parse(day)) / DAY);
  // The history serves the last 400 days, today included: the 400th day back goes; 500 retention days keep 500.
  expect(left.filter((r) => r.orgId === a.orgId).map((r) => daysAgo(r.day))).toEqual([horizon - 1, 0]);
  expect(left.filter((r) => r.orgId === b.orgId).map((r) => daysAgo(r.day))).toEqual([499, horizon]);
});
