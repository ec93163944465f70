/**
 * The GRC integration example runs against the real server: a schema change
 * that breaks integrators fails here.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runGrcExport } from '../examples/grc-export.ts';
import { reports } from '../src/db/schema.ts';
import { buildReport } from '../src/reports/generate.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { DAY, insertScenario, START } from './support/scenario.ts';

let app: TestApp;
let url: string;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
  url = await app.api.listen(0, '127.0.0.1');
});
afterAll(() => app.close());

it('exports the failing findings of the period\'s completed reports with their evidence', async () => {
  const org = await app.newOrg('GRC');
  await insertScenario(app.services.database.sql, app.services.database.db, org.orgId);
  const made: string[] = [];
  for (const [type, offset] of [['soc2', 0], ['governance', 0], ['soc2', 40]] as const) {
    const id = randomUUID();
    await app.services.database.db.insert(reports).values({
      id, orgId: org.orgId, type, title: `${type} ${offset}`, status: 'generating', periodStart: new Date(START + offset * DAY), periodEnd: new Date(START + (offset + 3) * DAY),
      sampleSeed: 'x', lineageId: id, createdBy: 'test',
    });
    await buildReport(app.services, id, async () => {});
    made.push(id);
  }
  const auditor = await org.key('auditor');
  // Count the example's requests: one page of reports, then one nested query per report, never one per finding.
  const realFetch = globalThis.fetch;
  let requests = 0;
  globalThis.fetch = (input, init) => {
    requests++;
    return realFetch(input, init);
  };
  let summary;
  try {
    summary = await runGrcExport({ url, apiKey: auditor, from: new Date(START), to: new Date(START + 10 * DAY), evidencePerFinding: 5 });
  } finally {
    globalThis.fetch = realFetch;
  }
  expect(requests).toBe(1 + summary.reports.length);

  // The report outside the period is left out.
  expect(summary.reports.map((r) => r.title).sort()).toEqual(['governance 0', 'soc2 0']);
  const [{ n }] = (await app.services.database.sql`select count(*)::int as n from findings where report_id = any(${made.slice(0, 2)}::uuid[]) and status = 'fail'`) as unknown as [{ n: number }];
  const exported = summary.reports.flatMap((r) => r.failingFindings);
  expect(exported).toHaveLength(n);
  for (const finding of exported) {
    expect(finding.evidence.length).toBe(Math.min(5, finding.evidenceCount));
    expect(finding.controlId).toBeTruthy();
  }
  const soc2 = summary.reports.find((r) => r.type === 'soc2')!;
  expect(soc2.integrity?.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(soc2.failingFindings.map((f) => f.controlId)).toContain('CC6.2');
});
