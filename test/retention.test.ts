/**
 * Retention: per-organisation retention days, expiry dates, the job that
 * deletes files and marks reports expired (keeping findings and hash), and
 * 410 on download afterwards.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { findings, reportArtifacts, reports } from '../src/db/schema.ts';
import { expiryFor } from '../src/accounts/settings.ts';
import { runRetention, stampExpiry } from '../src/jobs/retention.ts';
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
