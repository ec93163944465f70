/**
 * Golden content: every built-in report type, built over the hand-written
 * fixtures of test/report-fixtures/ by the real path (ingest, generateReport,
 * a pg-boss worker, the JSON download), must equal the committed file in
 * test/golden/ byte for byte. Restructuring the engine or the store must not
 * change a word of any report.
 *
 * Only what differs between runs by design is replaced, each named below: the
 * organisation's id, sequence numbers (other test files ingest into the same
 * database at the same time), and what is derived from them.
 *
 * After an intended change of content: `UPDATE_GOLDEN=1 npx vitest run test/report-golden.test.ts`
 * rewrites the files; review their diff like code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput, GenerateReportInput } from '../client/graphql.ts';
import type { ReportContent } from '../src/reports/generate.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ingestFixture, reportOf } from './support/report-fixture.ts';
import * as agentDrift from './report-fixtures/data/agent-drift.ts';
import * as assetInventory from './report-fixtures/data/asset-inventory.ts';
import * as auditSummary from './report-fixtures/data/audit-summary.ts';
import * as euAiAct from './report-fixtures/data/eu-ai-act.ts';
import * as executiveSummary from './report-fixtures/data/executive-summary.ts';
import * as gdprDsar from './report-fixtures/data/gdpr-dsar.ts';
import * as gdpr from './report-fixtures/data/gdpr.ts';
import * as governance from './report-fixtures/data/governance.ts';
import * as hipaa from './report-fixtures/data/hipaa.ts';
import * as iso27001 from './report-fixtures/data/iso27001.ts';
import * as iso42001 from './report-fixtures/data/iso42001.ts';
import * as nistAiRmf from './report-fixtures/data/nist-ai-rmf.ts';
import * as soc2 from './report-fixtures/data/soc2.ts';

const GOLDEN = path.join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Each case as its fixture test builds it (the same events and request). */
const CASES: Array<{ name: string; events: AuditEventInput[]; input: GenerateReportInput }> = [
  { name: 'soc2', events: soc2.day, input: { type: 'soc2', environment: soc2.PROD, period: { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' } } },
  { name: 'soc2-drift', events: agentDrift.events, input: { type: 'soc2', period: agentDrift.PERIOD } },
  { name: 'iso27001', events: iso27001.events, input: { type: 'iso27001', period: iso27001.PERIOD } },
  { name: 'iso42001', events: iso42001.events, input: { type: 'iso42001', period: { start: '2026-10-05T08:00:00Z', end: '2026-10-05T16:00:00Z' } } },
  { name: 'eu_ai_act', events: euAiAct.events, input: { type: 'eu_ai_act', period: euAiAct.PERIOD } },
  { name: 'nist_ai_rmf', events: nistAiRmf.events, input: { type: 'nist_ai_rmf', environment: nistAiRmf.prod, period: { start: '2026-10-12T09:00:00Z', end: '2026-10-12T13:00:00Z' } } },
  { name: 'hipaa', events: hipaa.events, input: { type: 'hipaa', environment: hipaa.P, period: hipaa.PERIOD } },
  { name: 'gdpr', events: gdpr.events, input: { type: 'gdpr', environment: gdpr.P, period: { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } } },
  { name: 'gdpr_dsar-subject', events: gdprDsar.events, input: { type: 'gdpr_dsar', dataSubject: 'alice', period: gdprDsar.period } },
  { name: 'gdpr_dsar-agent', events: gdprDsar.events, input: { type: 'gdpr_dsar', agentIds: ['helpdesk'], period: gdprDsar.period } },
  { name: 'executive_summary', events: executiveSummary.events, input: { type: 'executive_summary', period: { start: '2026-09-30T00:00:00Z', end: '2026-10-22T00:00:00Z' } } },
  { name: 'audit_summary', events: auditSummary.events, input: { type: 'audit_summary', period: { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } } },
  { name: 'asset_inventory', events: assetInventory.events, input: { type: 'asset_inventory', period: { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' } } },
  { name: 'governance', events: governance.events, input: { type: 'governance', agentIds: ['agent-a', 'agent-b'], period: { start: '2026-11-02T00:00:00Z', end: '2026-11-04T00:00:00Z' } } },
];

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

/**
 * The content with what varies between runs replaced by name:
 * - the organisation's id (a fresh organisation per case);
 * - the watermark, and the sample seed and sentences derived from it (sequence numbers are shared by
 *   every organisation of the database, and the request's own audit event may or may not be below it);
 * - the chain link and head (they cover that audit event too, whose id is the report's);
 * - each `seq` cell of a table, as the client id of the event it names.
 */
function normalised(content: ReportContent, orgId: string, clientIdOf: Map<number, string>): unknown {
  const watermark = String(content.watermark);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value === orgId ? '<organization id>' : value.replaceAll(`sequence number ${watermark}`, 'sequence number <watermark>');
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  const copy = walk(content) as ReportContent;
  copy.watermark = '<watermark>' as never;
  copy.sampleSeed = '<derived from the organisation id and watermark>';
  copy.integrity.chain = { link: '<chain link>', head: '<chain head>' } as never;
  for (const section of copy.sections) {
    for (const table of section.tables) {
      const at = table.columns.indexOf('seq');
      if (at < 0) continue;
      for (const row of table.rows) row[at] = `seq of ${clientIdOf.get(Number(row[at])) ?? `unknown ${String(row[at])}`}` as never;
    }
  }
  return copy;
}

describe('report content against the golden files', () => {
  it.each(CASES)('$name', async ({ name, events, input }) => {
    const org = await app.newOrg(`${name} golden`);
    await ingestFixture(app, org.adminKey, events);
    const { content } = await reportOf(app, org, input);
    const seqs = await app.services.database.sql`select seq, client_id from audit_events where org_id = ${org.orgId}`;
    const clientIdOf = new Map(seqs.map((r) => [Number(r.seq), String(r.client_id)]));
    const actual = `${JSON.stringify(normalised(content, org.orgId, clientIdOf), null, 2)}\n`;
    const file = path.join(GOLDEN, `${name}.json`);
    if (UPDATE) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});
