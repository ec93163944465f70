/**
 * The drill-down through GraphQL: findings, their evidence and the way back,
 * batched (a fixed number of SQL statements however many findings), exact,
 * and scoped to the organisation.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { EvidencePageQuery } from '../client/graphql.ts';
import { auditEvents, reports } from '../src/db/schema.ts';
import { buildReport } from '../src/reports/generate.ts';
import { rawGql } from './support/two-orgs.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { DAY, scenario, START } from './support/scenario.ts';

const ReportIds = graphql(`
  query FindingsReportIds {
    reports(first: 10) { edges { node { id type } } }
  }
`);

const Drilldown = graphql(`
  query Drilldown($id: ID!, $findings: Int!, $evidence: Int!) {
    report(id: $id) {
      id
      score
      grade
      summary
      stale
      integrity { eventCount timeCoverage gapCount contentSha256 watermark sampleSeed frameworkVersion }
      sections { id title metrics { id value unit } tables { id columns rows truncated { shown total } } }
      findings(first: $findings) {
        totalCount
        edges {
          cursor
          node {
            id
            ordinal
            control { id framework title }
            status
            severity
            evidenceCount
            evidence(first: $evidence) {
              totalCount
              pageInfo { hasNextPage endCursor }
              edges { node { id sequence action correlationId } }
            }
          }
        }
      }
    }
  }
`);

const FailingFindings = graphql(`
  query FailingFindings($id: ID!) {
    report(id: $id) {
      findings(first: 50, filter: { statuses: [FAIL], severities: [HIGH, CRITICAL] }) {
        totalCount
        edges { node { id control { id } status severity } }
      }
    }
  }
`);

const EvidencePage = graphql(`
  query EvidencePage($id: ID!, $after: String) {
    node(id: $id) {
      ... on Finding {
        evidenceCount
        evidence(first: 2, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { node { id sequence findings { id } } }
        }
        evidenceSample(size: 2) { sequence }
      }
    }
  }
`);

const Frameworks = graphql(`
  query FrameworkList {
    frameworks { type name version controls { id title } sections { id title controls { id title section } } }
  }
`);

let app: TestApp;
let statements = 0;
beforeAll(async () => {
  app = await startTestApp({ onQuery: () => void statements++ });
});
afterAll(() => app.close());

async function completedReport(orgId: string) {
  const id = randomUUID();
  await app.services.database.db.insert(reports).values({
    id, orgId, type: 'soc2', title: 'SOC 2', status: 'generating',
    periodStart: new Date(START), periodEnd: new Date(START + 3 * DAY), sampleSeed: 'unset', lineageId: id, createdBy: 'test',
  });
  await buildReport(app.services, id, async () => {});
  return id;
}

describe('findings and evidence over GraphQL', () => {
  let org: Awaited<ReturnType<TestApp['newOrg']>>;
  let reportId: string;

  beforeAll(async () => {
    org = await app.newOrg();
    await app.services.database.db.insert(auditEvents).values(scenario(org.orgId));
    await completedReport(org.orgId);
    const list = await app.gql(org.adminKey, ReportIds);
    reportId = list.data!.reports.edges[0]!.node.id;
  });

  it('drills from 20 findings to their evidence in a fixed number of statements', async () => {
    const measure = async (findings: number, evidence: number) => {
      statements = 0;
      const result = await app.gql(org.adminKey, Drilldown, { id: reportId, findings, evidence });
      expect(result.errors).toBeUndefined();
      return { result, statements };
    };
    const small = await measure(2, 2);
    const large = await measure(20, 10);
    // No query per finding: 20 findings take at most one statement more than 2 (their evidence
    // lookup is split over two connections, so both cores work on it).
    expect(large.statements).toBeLessThanOrEqual(small.statements + 1);
    expect(large.statements).toBeLessThanOrEqual(12);
    const report = large.result.data!.report!;
    expect(report.findings.totalCount).toBe(21); // SOC 2's 21 checks, none expanded (no agent has a baseline)
    for (const { node } of report.findings.edges) {
      expect(node.evidence.totalCount).toBe(node.evidenceCount);
      expect(node.evidence.edges.length).toBe(Math.min(10, node.evidenceCount));
      expect(node.evidence.pageInfo.hasNextPage).toBe(node.evidenceCount > 10);
    }
    expect(report.integrity?.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.stale).toBe(false);
    expect(report.sections.map((s) => s.title)).toEqual(['Control Environment', 'Risk Assessment', 'Control Activities', 'Monitoring Activities', 'Information & Communication']);
  });

  it('reads a report\'s content only for the fields that show it: the hash alone needs none', async () => {
    const count = async (query: string) => {
      statements = 0;
      const result = await rawGql(app, org.adminKey, query, { id: reportId });
      expect(result.errors).toBeUndefined();
      return { statements, integrity: result.data!.report.integrity };
    };
    const hashOnly = await count('query($id: ID!) { report(id: $id) { integrity { contentSha256 } } }');
    const withContent = await count('query($id: ID!) { report(id: $id) { integrity { contentSha256 eventCount gapCount } } }');
    expect(hashOnly.integrity.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(withContent.integrity.contentSha256).toBe(hashOnly.integrity.contentSha256);
    expect(withContent.integrity.eventCount).toBeGreaterThan(0);
    expect(withContent.statements).toBe(hashOnly.statements + 1);
  });

  it('serves first pages from the events kept at generation, identical to searching for them', async () => {
    const [kept] = await app.services.database.sql`
      select count(*)::int as n from findings where report_id = (select id from reports where org_id = ${org.orgId} limit 1)
      and evidence_count > 0 and cardinality(evidence_head) = least(evidence_count, 50)`;
    expect(kept!.n).toBeGreaterThan(0);
    const fromHead = await app.gql(org.adminKey, Drilldown, { id: reportId, findings: 20, evidence: 7 });
    statements = 0;
    await app.gql(org.adminKey, Drilldown, { id: reportId, findings: 20, evidence: 7 });
    const withHead = statements;
    // Without what generation kept, the same pages are searched with the finding's selector.
    await app.services.database.sql`update findings set evidence_head = null where org_id = ${org.orgId}`;
    statements = 0;
    const searched = await app.gql(org.adminKey, Drilldown, { id: reportId, findings: 20, evidence: 7 });
    expect(statements).toBeGreaterThan(withHead);
    expect(searched.data).toEqual(fromHead.data);
    const pages = fromHead.data!.report!.findings.edges.map((e) => e.node.evidence);
    expect(pages.some((p) => p.edges.length === 7 && p.pageInfo.hasNextPage)).toBe(true);
  });

  it('filters findings by status and severity', async () => {
    const result = await app.gql(org.adminKey, FailingFindings, { id: reportId });
    const nodes = result.data!.report!.findings.edges.map((e) => e.node);
    expect(nodes.length).toBe(result.data!.report!.findings.totalCount);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.status === 'FAIL' && ['HIGH', 'CRITICAL'].includes(n.severity))).toBe(true);
  });

  it('pages a finding\'s evidence to the end, links each event back, and samples reproducibly', async () => {
    const all = await app.gql(org.adminKey, Drilldown, { id: reportId, findings: 50, evidence: 1 });
    const leases = all.data!.report!.findings.edges.find((e) => e.node.control.id === 'CC6.2')!.node;
    const seen: number[] = [];
    let after: string | null = null;
    let sample: number[] | null = null;
    for (;;) {
      const page: { data?: EvidencePageQuery | null } = await app.gql(org.adminKey, EvidencePage, { id: leases.id, after });
      const finding = page.data!.node as Extract<NonNullable<typeof page.data>['node'], { evidenceCount: number }>;
      for (const { node } of finding.evidence.edges) {
        seen.push(node.sequence);
        expect(node.findings.map((f) => f.id)).toContain(leases.id);
      }
      const thisSample = finding.evidenceSample.map((e) => e.sequence);
      if (sample) expect(thisSample).toEqual(sample);
      sample = thisSample;
      if (!finding.evidence.pageInfo.hasNextPage) break;
      after = finding.evidence.pageInfo.endCursor!;
    }
    expect(seen).toHaveLength(leases.evidenceCount);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers NOT_FOUND for another organisation\'s report and finding, and hides evidence from viewers', async () => {
    const intruder = await app.newOrg('Intruder');
    const foreign = await app.gql(intruder.adminKey, Drilldown, { id: reportId, findings: 1, evidence: 1 });
    expect(foreign.data?.report ?? null).toBeNull();
    const all = await app.gql(org.adminKey, Drilldown, { id: reportId, findings: 1, evidence: 1 });
    const findingId = all.data!.report!.findings.edges[0]!.node.id;
    const foreignFinding = await app.gql(intruder.adminKey, EvidencePage, { id: findingId, after: null });
    expect(foreignFinding.data?.node ?? null).toBeNull();
    const viewer = await org.key('viewer');
    const asViewer = await app.gql(viewer, Drilldown, { id: reportId, findings: 1, evidence: 1 });
    expect(asViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists frameworks with real control ids', async () => {
    const result = await app.gql(org.adminKey, Frameworks);
    const soc2 = result.data!.frameworks.find((f) => f.type === 'soc2')!;
    expect(soc2.controls.map((c) => c.id)).toEqual(expect.arrayContaining(['CC6.1', 'CC6.2', 'CC7.4', 'A1.1']));
    expect(soc2.controls.find((c) => c.id === 'CC6.1')!.title).toMatch(/logical access/i);
    // Sections carry the same controls, in order, grouped as the report groups its findings.
    for (const framework of result.data!.frameworks) {
      expect(framework.sections.flatMap((s) => s.controls.map((c) => c.id))).toEqual(framework.controls.map((c) => c.id));
      for (const section of framework.sections) expect(section.controls.every((c) => c.section === section.title)).toBe(true);
    }
    const gdpr = result.data!.frameworks.find((f) => f.type === 'gdpr')!;
    expect(gdpr.sections.length).toBeGreaterThanOrEqual(5);
    expect(soc2.sections.map((s) => s.title)).toEqual(['Control Environment', 'Risk Assessment', 'Control Activities', 'Monitoring Activities', 'Information & Communication']);
  });
});
