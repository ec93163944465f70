/**
 * The report content contract: content read back from the database is
 * checked against it, and so is the content of a file `verify` is given; an
 * old or malformed content is a clear error naming what is wrong.
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyReportFile } from '../src/cli/verify.ts';
import { reportArtifacts, reports } from '../src/db/schema.ts';
import { renderJson } from '../src/render/json.ts';
import { findReport, loadRenderable } from '../src/render/model.ts';
import { parseContent } from '../src/reports/content.ts';
import { canonicalJson } from '../src/reports/integrity.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { completedReport } from './support/completed-report.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ jobs: 'enqueue' }); });
afterAll(() => app.close());

it('refuses an old or malformed stored content on read with a clear error, and verify says what breaks the contract', async () => {
  const { orgId } = await app.newOrg('content contract');
  const id = await completedReport(app.services, orgId, { count: 40 });
  const { db } = app.services.database;
  const good = (await findReport(app.services, orgId, id))!;
  const renderable = await loadRenderable(app.services, good);
  expect(parseContent(good.content, 'stored')).toBe(good.content);

  // verify: a file whose content lacks its findings, rehashed so only the contract can catch it.
  const download = JSON.parse(renderJson(renderable).toString('utf8')) as { content: Record<string, unknown>; integrity: Record<string, unknown> };
  const { findings: _dropped, ...withoutFindings } = download.content;
  const rehashed = createHash('sha256').update(canonicalJson(withoutFindings)).digest('hex');
  const file = Buffer.from(canonicalJson({ content: withoutFindings, integrity: { ...download.integrity, contentSha256: rehashed } }));
  const failed = (await verifyReportFile(file, 'report.json')).checks.filter((c) => !c.ok).map((c) => c.message);
  expect(failed).toContainEqual(expect.stringMatching(/^report\.json: the content does not follow the report content contract \(https:\/\/agent-reports\.dev\/schema\/report\/1\): findings: /));
  expect((await verifyReportFile(renderJson(renderable), 'report.json')).ok).toBe(true);

  // Stored content of another version: reading it names the version, renders nothing.
  await db.delete(reportArtifacts).where(eq(reportArtifacts.reportId, id));
  await db.update(reports).set({ content: sql`jsonb_set(${reports.content}, '{schema}', '"https://agent-reports.dev/schema/report/0"')` }).where(eq(reports.id, id));
  const old = (await findReport(app.services, orgId, id))!;
  await expect(loadRenderable(app.services, old)).rejects.toThrow(`report ${id}: the content does not follow the report content contract (https://agent-reports.dev/schema/report/1): it is of version https://agent-reports.dev/schema/report/0, this service reads https://agent-reports.dev/schema/report/1`);

  // Malformed: a score that is not a number.
  await db.update(reports).set({ content: sql`jsonb_set(jsonb_set(${reports.content}, '{schema}', to_jsonb(${'https://agent-reports.dev/schema/report/1'}::text)), '{score}', '"high"')` }).where(eq(reports.id, id));
  const malformed = (await findReport(app.services, orgId, id))!;
  await expect(loadRenderable(app.services, malformed)).rejects.toThrow(/report [0-9a-f-]{36}: the content does not follow the report content contract .*score: /);
});
