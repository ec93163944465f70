/** Agent spans received over OTLP end up as evidence in a generated report. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reports } from '../src/db/schema.ts';
import { evidencePages, listFindings, toSelector } from '../src/reports/evidence.ts';
import { buildReport, type ReportContent } from '../src/reports/generate.ts';
import { startTestApp, type TestApp } from './support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
});
afterAll(() => app.close());

const START_NS = 1_772_442_000_000_000_000n; // 2026-03-02T09:00:00Z

it('counts OTLP governance decisions in the governance report and links them as evidence', async () => {
  const org = await app.newOrg();
  const span = (i: number, attributes: Record<string, string>) => ({
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: (0x1000 + i).toString(16).padStart(16, '0'),
    name: `execute_tool crm.lookup`,
    kind: 1,
    startTimeUnixNano: String(START_NS + BigInt(i) * 60_000_000_000n),
    endTimeUnixNano: String(START_NS + BigInt(i) * 60_000_000_000n + 1_000_000_000n),
    attributes: Object.entries(attributes).map(([key, value]) => ({ key, value: { stringValue: value } })),
    status: {},
  });
  const decisions = ['allow', 'allow', 'deny', 'allow', 'deny', 'hold'];
  const body = {
    resourceSpans: [{
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'gateway' } }, { key: 'deployment.environment.name', value: { stringValue: 'production' } }] },
      scopeSpans: [{
        scope: { name: 'gateway' },
        spans: decisions.map((decision, i) =>
          span(i, { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.agent.id': 'otel-agent', 'gen_ai.tool.name': 'crm.lookup', 'governance.decision': decision, 'governance.policy.id': 'pii-guard' }),
        ),
      }],
    }],
  };
  const response = await app.fetch('/v1/traces', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);

  const id = randomUUID();
  const start = new Date(Number(START_NS / 1_000_000n) - 3_600_000);
  const end = new Date(Number(START_NS / 1_000_000n) + 3_600_000);
  await app.services.database.db.insert(reports).values({ id, orgId: org.orgId, type: 'governance', title: 'otel', status: 'generating', periodStart: start, periodEnd: end, sampleSeed: 'x', lineageId: id, createdBy: 'test' });
  await buildReport(app.services, id, async () => {});
  const [row] = await app.services.database.sql`select content, watermark from reports where id = ${id}`;
  const content = row!.content as ReportContent;
  const metric = (m: string) => content.sections.flatMap((s) => s.metrics).find((x) => x.id === m)?.value;
  expect(metric('decisions_deny')).toBe(2);
  expect(metric('policy_coverage')).toBe(100);
  const findings = await listFindings(app.services.database.sql, org.orgId, id, {}, { first: 50 });
  const coverage = findings.nodes.find((f) => f.metric === 'policy_coverage')!;
  const [page] = await evidencePages(app.services.database.sql, [{
    source: { findingId: coverage.id, selector: toSelector(coverage.evidence_selector), scope: { orgId: org.orgId, start, end, watermark: Number(row!.watermark), environment: null, agentIds: [] }, sampleSeed: 'x' },
    first: 10,
  }]);
  const ids = await app.services.database.sql`select client_id from audit_events where seq = any(${page!.seqs}::bigint[]) order by seq`;
  expect(ids.map((r) => r.client_id)).toEqual(decisions.map((_d, i) => `otel:4bf92f3577b34da6a3ce929d0e0e4736:${(0x1000 + i).toString(16).padStart(16, '0')}`));
});
