/**
 * Hand-written fixtures per report type. The fixture's events go in through
 * the real `ingestAuditEvents` (validation, hash chain, registries), the
 * report is requested with `generateReport` and built by a real pg-boss
 * worker, and its JSON download is read back. Tests then compare every
 * metric and every finding with values written by hand from the fixture.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { graphql } from '../../client/gql.ts';
import type { AuditEventInput, GenerateReportInput } from '../../client/graphql.ts';
import { reports } from '../../src/db/schema.ts';
import { buildReport, type ReportContent } from '../../src/reports/generate.ts';
import type { Table } from '../../src/reports/tables.ts';
import type { TestApp } from './app.ts';
import { until } from './until.ts';

const IngestFixture = graphql(`
  mutation IngestFixture($events: [AuditEventInput!]!) {
    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }
  }
`);

const GenerateFixture = graphql(`
  mutation GenerateFixture($input: GenerateReportInput!) { generateReport(input: $input) { id } }
`);

const FixtureStatus = graphql(`
  query FixtureStatus($id: ID!) { report(id: $id) { status error downloads { format url } } }
`);

export interface FixtureReport {
  orgId: string;
  adminKey: string;
  reportId: string;
  content: ReportContent;
}

/**
 * A fresh organisation holding exactly `events`, and the completed report of
 * `input` over them. Fails if any event is rejected or the report does not complete.
 */
export async function reportFromFixture(app: TestApp, events: AuditEventInput[], input: GenerateReportInput): Promise<FixtureReport> {
  const org = await app.newOrg(`${input.type} fixture`);
  await ingestFixture(app, org.adminKey, events);
  return reportOf(app, { orgId: org.orgId, adminKey: org.adminKey }, input);
}

/** Ingests `events` into the key's organisation; fails if any is rejected. */
export async function ingestFixture(app: TestApp, adminKey: string, events: AuditEventInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1_000) {
    const batch = events.slice(i, i + 1_000);
    const r = await app.gql(adminKey, IngestFixture, { events: batch });
    expect(r.errors).toBeUndefined();
    expect(r.data!.ingestAuditEvents.rejected).toEqual([]);
    expect(r.data!.ingestAuditEvents.accepted).toBe(batch.length);
  }
}

/**
 * The report built once more from scratch, at the watermark (and chain link)
 * `report` fixed, as a new row: what the same report would say now. Events
 * received since must not change a word of it.
 */
export async function rebuiltAtWatermark(app: TestApp, report: FixtureReport): Promise<ReportContent> {
  const { db } = app.services.database;
  // The GraphQL id is a Relay global id: base64 of `Report:<uuid>`.
  const uuid = Buffer.from(report.reportId, 'base64').toString('utf8').replace(/^Report:/, '');
  const [row] = await db.select().from(reports).where(eq(reports.id, uuid));
  expect(row, `report ${uuid}`).toBeDefined();
  const id = randomUUID();
  await db.insert(reports).values({
    id, orgId: row!.orgId, type: row!.type, title: row!.title, status: 'generating', periodStart: row!.periodStart, periodEnd: row!.periodEnd,
    environment: row!.environment, agentIds: row!.agentIds, parameters: row!.parameters, watermark: row!.watermark, chainLink: row!.chainLink,
    chainHead: row!.chainHead, sampleSeed: row!.sampleSeed, lineageId: id, createdBy: 'test',
  });
  await buildReport(app.services, id, async () => {});
  const [rebuilt] = await db.select().from(reports).where(eq(reports.id, id));
  expect(rebuilt!.status).toBe('completed');
  return rebuilt!.content as ReportContent;
}

/** The completed report of `input` over the organisation's events as they are now. */
export async function reportOf(app: TestApp, org: { orgId: string; adminKey: string }, input: GenerateReportInput): Promise<FixtureReport> {
  const generated = await app.gql(org.adminKey, GenerateFixture, { input });
  expect(generated.errors).toBeUndefined();
  const reportId = generated.data!.generateReport.id;
  const status = await until(async () => {
    const r = await app.gql(org.adminKey, FixtureStatus, { id: reportId });
    const s = r.data?.report?.status;
    return s === 'COMPLETED' || s === 'FAILED' ? r.data!.report! : undefined;
  }, `the ${input.type} report to finish`);
  expect({ status: status.status, error: status.error }).toEqual({ status: 'COMPLETED', error: null });
  // The JSON download the report itself links to.
  const json = new URL(status.downloads.find((d) => d.format === 'JSON')!.url, 'http://test');
  const download = await app.fetch(json.pathname + json.search, { key: org.adminKey });
  expect(download.status, await download.clone().text()).toBe(200);
  const { content } = (await download.json()) as { content: ReportContent };
  return { orgId: org.orgId, adminKey: org.adminKey, reportId, content };
}

/** Every metric the report shows, by id; a metric shown in two sections must show one value. */
export function metricsOf(content: ReportContent): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const section of content.sections) {
    for (const m of section.metrics) {
      if (m.id in out) expect(m.value, `metric ${m.id} differs between sections`).toBe(out[m.id]);
      out[m.id] = m.value;
    }
  }
  return out;
}

/** Every finding as `controlId checkId` → its status and evidence count. */
export function findingsOf(content: ReportContent): Record<string, { status: string; evidenceCount: number }> {
  const out: Record<string, { status: string; evidenceCount: number }> = {};
  for (const f of content.findings) {
    const key = `${f.controlId} ${f.checkId}`;
    expect(out, `finding ${key} appears twice`).not.toHaveProperty([key]);
    out[key] = { status: f.status, evidenceCount: f.evidenceCount };
  }
  return out;
}

/** A table the report shows, by id (fails when the report has none). */
export function tableOf(content: ReportContent, id: string): Table {
  const table = content.sections.flatMap((s) => s.tables).find((t) => t.id === id);
  expect(table, `table ${id}`).toBeDefined();
  return table!;
}

/** Rows of a table as objects keyed by its columns, for readable expectations. */
export function rowsOf(content: ReportContent, id: string): Array<Record<string, unknown>> {
  const table = tableOf(content, id);
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
}

/** The score's factors (0–100, null when not counted), by id. */
export function scoreFactorsOf(content: ReportContent): Record<string, number | null> {
  return Object.fromEntries(content.scoreBreakdown.factors.map((f) => [f.id, f.value]));
}
