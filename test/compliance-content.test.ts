/**
 * What an auditor reads, through the real API and worker: the Statement of
 * Applicability with the organisation's own statements (and their history),
 * a DSAR that names whom it is about in every format, decisions told apart
 * by source with every rate's denominator named, and a report rebuilt at its
 * own watermark, byte for byte, with the result in its integrity section.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { AuditEventInput } from '../client/graphql.ts';
import { metricDefinition, metrics, type MetricId } from '../src/library/metrics.ts';
import { readZip } from '../src/render/zip-reader.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { ingestFixture, reportOf, tableOf, rowsOf } from './support/report-fixture.ts';
import { errorCodes, rawGql } from './support/two-orgs.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

const SoA = graphql(`
  query SoA { statementOfApplicability { controlId title applicable justification implementation revision recordedBy history { revision implementation } } }
`);

const RecordSoA = graphql(`
  mutation RecordSoA($statements: [ControlApplicabilityInput!]!) {
    recordControlApplicability(statements: $statements) {
      recorded { controlId applicable justification implementation revision recordedBy }
      rejected { index field message }
    }
  }
`);

const Reproduce = graphql(`
  mutation Reproduce($id: ID!) { reproduceReport(id: $id) { identical sha256 differences checkedAt } }
`);

const Reproduction = graphql(`
  query Reproduction($id: ID!) { report(id: $id) { reproduction { identical sha256 } } }
`);

const PROD = 'production';
const PERIOD = { start: '2026-10-01T00:00:00Z', end: '2026-10-02T00:00:00Z' };

/** Decisions from all three sources: the tool-call policy (3 allow, 2 deny, 1 hold), the injection detector (2 deny, 1 alert), DLP (1 deny, 1 alert). */
const decisions: AuditEventInput[] = [
  ...[1, 2, 3].map((i): AuditEventInput => ({ id: `p-allow-${i}`, occurredAt: `2026-10-01T0${i}:00:00Z`, environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'allow', agentId: 'agent-a', sessionId: 's1', policyId: 'p1', tool: { name: 'crm.read' } })),
  ...[1, 2].map((i): AuditEventInput => ({ id: `p-deny-${i}`, occurredAt: `2026-10-01T0${3 + i}:10:00Z`, environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-a', sessionId: 's1', policyId: 'p1', tool: { name: 'crm.write' } })),
  { id: 'p-hold', occurredAt: '2026-10-01T06:00:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'hold', agentId: 'agent-b', sessionId: 's2', tool: { name: 'pay.send' } },
  ...[1, 2].map((i): AuditEventInput => ({ id: `inj-deny-${i}`, occurredAt: `2026-10-01T0${6 + i}:30:00Z`, environment: PROD, category: 'injection', action: 'injection.detected', decision: 'deny', agentId: 'agent-b', sessionId: 's2', severity: 'high' })),
  { id: 'inj-alert', occurredAt: '2026-10-01T09:00:00Z', environment: PROD, category: 'injection', action: 'injection.detected', decision: 'alert', agentId: 'agent-b', sessionId: 's2', severity: 'high' },
  { id: 'dlp-deny', occurredAt: '2026-10-01T10:00:00Z', environment: PROD, category: 'dlp', action: 'dlp.blocked', decision: 'deny', agentId: 'agent-a', sessionId: 's1', tool: { name: 'mail.send' } },
  { id: 'dlp-alert', occurredAt: '2026-10-01T11:00:00Z', environment: PROD, category: 'dlp', action: 'dlp.detected', decision: 'alert', agentId: 'agent-a', sessionId: 's1', tool: { name: 'mail.send' } },
  { id: 'read', occurredAt: '2026-10-01T12:00:00Z', environment: PROD, category: 'tool_call', action: 'ticket.read', agentId: 'helpdesk', sessionId: 's3', tool: { name: 'ticket.read', tags: ['pii'] }, dataSubjects: ['alice', 'bob'], personalData: ['contact'], legalBasis: 'contract' },
  { id: 'read-2', occurredAt: '2026-10-01T13:00:00Z', environment: PROD, category: 'tool_call', action: 'ticket.read', agentId: 'helpdesk', sessionId: 's3', tool: { name: 'ticket.read', tags: ['pii'] }, dataSubjects: ['alice'], personalData: ['contact'], legalBasis: 'contract' },
];

const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').replace(/^Report:/, '');

async function download(key: string, globalId: string, format: string): Promise<Buffer> {
  const response = await app.fetch(`/reports/${uuidOf(globalId)}/download?format=${format}`, { key });
  expect(response.status, format).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function pdfText(pdf: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  return (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })).text;
}

const csvFile = async (zip: Buffer, name: string) => parseCsv((await readZip(zip)).find((e) => e.name === name)!.data!.toString('utf8'), { bom: true }) as string[][];

describe('Statement of Applicability', () => {
  it('defaults to applicable and unknown, records statements with history, and shows them beside the evidence in every format', async () => {
    const org = await app.newOrg('SoA');
    const auditor = await org.key('auditor');
    const ingest = await org.key('ingest');

    // Nobody has stated anything: every control applicable, status unknown, revision 0. Auditors read it.
    const fresh = await app.gql(auditor, SoA);
    expect(fresh.errors).toBeUndefined();
    const soa = fresh.data!.statementOfApplicability;
    expect(soa).toHaveLength(93);
    expect(soa.every((c) => c.applicable && c.implementation === 'UNKNOWN' && c.revision === 0 && c.history.length === 0)).toBe(true);
    expect(soa[0]).toMatchObject({ controlId: 'A.5.1', title: 'Policies for information security', justification: expect.stringMatching(/^Not stated yet/) });
    expect(errorCodes(await rawGql(app, ingest, '{ statementOfApplicability { controlId } }'))).toEqual(['FORBIDDEN']);
    // Only an admin records statements.
    const byAuditor = await rawGql(app, auditor, 'mutation { recordControlApplicability(statements: []) { rejected { index } } }');
    expect(errorCodes(byAuditor)).toEqual(['FORBIDDEN']);

    // A batch: good statements are recorded, each bad one is rejected by its index.
    const recorded = await app.gql(org.adminKey, RecordSoA, {
      statements: [
        { controlId: 'A.7.1', applicable: false, justification: 'No premises: staff work remotely and the service runs in a cloud provider\'s data centres.', implementation: 'NOT_IMPLEMENTED' },
        { controlId: 'A.5.15', applicable: true, justification: 'Agents act on customer data.', implementation: 'IMPLEMENTED' },
        { controlId: 'A.99.1', applicable: true, justification: 'x', implementation: 'IMPLEMENTED' },
        { controlId: 'A.5.16', applicable: true, justification: '   ', implementation: 'PLANNED' },
        { controlId: 'A.7.1', applicable: false, justification: 'twice', implementation: 'UNKNOWN' },
        { controlId: 'A.7.2', applicable: false, justification: 'No premises.', implementation: 'IMPLEMENTED' },
      ],
    });
    expect(recorded.errors).toBeUndefined();
    const result = recorded.data!.recordControlApplicability;
    expect(result.recorded.map((r) => [r.controlId, r.applicable, r.implementation, r.revision])).toEqual([['A.7.1', false, 'NOT_IMPLEMENTED', 1], ['A.5.15', true, 'IMPLEMENTED', 1]]);
    expect(result.recorded[0]!.recordedBy).toBe('admin');
    expect(result.rejected.map((r) => [r.index, r.field])).toEqual([
      [2, 'statements[2].controlId'],
      [3, 'statements[3].justification'],
      [4, 'statements[4].controlId'],
      [5, 'statements[5].implementation'],
    ]);
    expect(result.rejected[0]!.message).toContain('not an ISO/IEC 27001:2022 Annex A control');
    expect(result.rejected[2]!.message).toContain('more than once');

    // A second statement for A.5.15 is its revision 2; the history keeps both.
    await app.gql(org.adminKey, RecordSoA, { statements: [{ controlId: 'A.5.15', applicable: true, justification: 'Agents act on customer data; two tools still lack a policy.', implementation: 'PARTIALLY_IMPLEMENTED' }] });
    const now = (await app.gql(auditor, SoA)).data!.statementOfApplicability;
    const a515 = now.find((c) => c.controlId === 'A.5.15')!;
    expect(a515).toMatchObject({ revision: 2, implementation: 'PARTIALLY_IMPLEMENTED' });
    expect(a515.history).toEqual([{ revision: 1, implementation: 'IMPLEMENTED' }, { revision: 2, implementation: 'PARTIALLY_IMPLEMENTED' }]);

    await ingestFixture(app, org.adminKey, decisions);
    const report = await reportOf(app, org, { type: 'iso27001', period: PERIOD });
    const table = tableOf(report.content, 'statement_of_applicability');
    expect(table.title).toBe('Statement of Applicability (93 controls: 92 applicable, 1 excluded, 91 not stated yet)');
    const rows = rowsOf(report.content, 'statement_of_applicability');
    expect(rows.find((r) => r.control === 'A.7.1')).toMatchObject({
      applicability: 'excluded',
      justification: expect.stringMatching(/^No premises/),
      implementation: 'not_implemented',
      statedIn: expect.stringMatching(/^revision 1, 20\d\d-.* by admin$/),
      evidencedByAgentEvents: 'no',
      evidence: expect.stringMatching(/^Physical control/),
    });
    expect(rows.find((r) => r.control === 'A.5.15')).toMatchObject({ applicability: 'applicable', implementation: 'partially_implemented', statedIn: expect.stringMatching(/^revision 2,/), evidencedByAgentEvents: 'yes' });
    expect(rows.find((r) => r.control === 'A.5.1')).toMatchObject({ applicability: 'applicable', implementation: 'unknown', statedIn: 'not stated (default)', evidencedByAgentEvents: 'no' });

    const md = (await download(org.adminKey, report.reportId, 'md')).toString('utf8');
    expect(md).toContain('| Control | Title | Applicability | Justification | Implementation | Stated in | Evidenced by agent events | Evidence |');
    expect(md).toMatch(/\| A\.7\.1 \| Physical security perimeters \| excluded \| No premises: .* \| not\\_implemented \| revision 1, .* \| no \| Physical control/);
    const csv = await csvFile(await download(org.adminKey, report.reportId, 'csv'), 'table-statement_of_applicability.csv');
    expect(csv[0]).toEqual(['control', 'title', 'applicability', 'justification', 'implementation', 'statedIn', 'evidencedByAgentEvents', 'evidence']);
    expect(csv.find((r) => r[0] === 'A.7.1')!.slice(2, 5)).toEqual(['excluded', expect.stringMatching(/^No premises/), 'not_implemented']);
    const oscal = JSON.parse((await download(org.adminKey, report.reportId, 'oscal')).toString('utf8'));
    const observation = oscal['assessment-results'].results[0].observations.find((o: { title: string }) => o.title.startsWith('Statement of Applicability A.7.1'));
    expect(Object.fromEntries(observation.props.map((p: { name: string; value: string }) => [p.name, p.value]))).toEqual({
      'control-id': 'A.7.1', applicability: 'excluded', 'implementation-status': 'not_implemented', 'evidenced-by-agent-events': 'no',
    });
    expect(observation.description).toMatch(/^Excluded: No premises/);
    const text = await pdfText(await download(org.adminKey, report.reportId, 'pdf'));
    expect(text.replace(/\s+/g, ' ')).toContain('Stated in Evidenced by agent events');
    const a71 = text.slice(text.indexOf('A.7.1 '), text.indexOf('A.7.2 '));
    expect(a71.replace(/\s+/g, " ")).toMatch(/^A\.7\.1 Physical security perimeters excluded No premises: staff work remotely/);
    expect(a71).toContain('not_implemented');

    // A statement recorded after the report was requested is not in it: rebuilding the report gives the same bytes.
    await app.gql(org.adminKey, RecordSoA, { statements: [{ controlId: 'A.5.1', applicable: true, justification: 'Policies exist.', implementation: 'IMPLEMENTED' }] });
    const again = await app.gql(auditor, Reproduce, { id: report.reportId });
    expect(again.errors).toBeUndefined();
    expect(again.data!.reproduceReport).toMatchObject({ identical: true, differences: [] });
  }, 180_000);
});

describe('DSAR', () => {
  it('names the data subject in the title, in every format and on every row', async () => {
    const org = await app.newOrg('DSAR subject');
    await ingestFixture(app, org.adminKey, decisions);
    const report = await reportOf(app, org, { type: 'gdpr_dsar', period: PERIOD, dataSubject: 'alice' });
    expect(report.content.title).toBe('GDPR data-subject access export for data subject alice, 2026-10-01 to 2026-10-02');
    // Both events concern alice; the first names bob too, who is a third party here (Art. 15(4)).
    expect(rowsOf(report.content, 'subject_events').map((r) => r.dataSubjects)).toEqual(['alice', 'alice']);

    const md = (await download(org.adminKey, report.reportId, 'md')).toString('utf8');
    expect(md).toContain('# GDPR data-subject access export for data subject alice');
    expect(md).toContain('| Data subject | alice |');
    expect(md).not.toContain('bob');
    const zip = await download(org.adminKey, report.reportId, 'csv');
    expect((await csvFile(zip, 'summary.csv')).find((r) => r[0] === 'dataSubject')).toEqual(['dataSubject', 'alice']);
    const events = await csvFile(zip, 'table-subject_events.csv');
    expect(events[0]![2]).toBe('dataSubjects');
    expect(events.slice(1).map((r) => r[2])).toEqual(['alice', 'alice']);
    const oscal = JSON.parse((await download(org.adminKey, report.reportId, 'oscal')).toString('utf8'));
    const metadata = oscal['assessment-results'].metadata;
    expect(metadata.title).toContain('for data subject alice');
    expect(metadata.props).toContainEqual(expect.objectContaining({ name: 'data-subject', value: 'alice' }));
    const pdf = (await pdfText(await download(org.adminKey, report.reportId, 'pdf'))).replace(/\s+/g, ' ');
    expect(pdf).toContain('GDPR data-subject access export for data subject alice, 2026-10-01 to 2026-10-02');
    expect(pdf).toContain('Data subject: alice');
  }, 120_000);

  it('names the agent in the title and every subject on every row of an agent\'s export', async () => {
    const org = await app.newOrg('DSAR agent');
    await ingestFixture(app, org.adminKey, decisions);
    const report = await reportOf(app, org, { type: 'gdpr_dsar', period: PERIOD, agentIds: ['helpdesk'] });
    expect(report.content.title).toBe('GDPR data-subject access export for agent helpdesk, 2026-10-01 to 2026-10-02');
    expect(rowsOf(report.content, 'subject_events').map((r) => r.dataSubjects)).toEqual(['alice, bob', 'alice']);
    const oscal = JSON.parse((await download(org.adminKey, report.reportId, 'oscal')).toString('utf8'));
    expect(oscal['assessment-results'].metadata.props).toContainEqual(expect.objectContaining({ name: 'agent', value: 'helpdesk' }));
    const md = (await download(org.adminKey, report.reportId, 'md')).toString('utf8');
    expect(md).toContain('# GDPR data-subject access export for agent helpdesk, 2026-10-01 to 2026-10-02');
    expect(md).toContain('| Agents | helpdesk |');
    expect(md).toMatch(/\| \d{4}-[^|]+ \| \d+ \| alice, bob \| helpdesk \|/);
    const zip = await download(org.adminKey, report.reportId, 'csv');
    expect((await csvFile(zip, 'summary.csv')).find((r) => r[0] === 'title')![1]).toContain('for agent helpdesk');
    const events = await csvFile(zip, 'table-subject_events.csv');
    expect(events.slice(1).map((r) => r[2])).toEqual(['alice, bob', 'alice']);
  }, 120_000);
});

describe('decisions by source and denominators', () => {
  it('tells the policy\'s decisions from the detectors\' and names what each rate divides by, in every format', async () => {
    const org = await app.newOrg('Decisions');
    await ingestFixture(app, org.adminKey, decisions);
    const report = await reportOf(app, org, { type: 'soc2', period: PERIOD });
    expect(tableOf(report.content, 'decisions_by_category').rows).toEqual([
      ['policy on tool calls', 6, 3, 2, 0, 1],
      ['injection detector', 3, 0, 2, 1, 0],
      ['DLP detector', 2, 0, 1, 1, 0],
      ['all decisions', 11, 3, 5, 2, 1],
    ]);
    const metric = (id: string) => report.content.sections.flatMap((s) => s.metrics).find((m) => m.id === id)!;
    // 5 denials of 11 decisions, the detectors' included, and the denominator says so.
    expect(metric('denial_rate')).toMatchObject({ value: 45.45, denominator: { label: 'Decisions (tool-call policy, injection and DLP detectors)', count: 11 } });
    expect(metric('policy_coverage').denominator).toEqual({ label: 'Decisions on agent actions (tool-call policy and detectors)', count: 11 });
    expect(metric('decisions_deny')).toMatchObject({ value: 5, denominator: null });

    const md = (await download(org.adminKey, report.reportId, 'md')).toString('utf8');
    expect(md).toContain('| Denial rate (denials of the policy and detectors) | 45.45% | of 11 Decisions (tool-call policy, injection and DLP detectors) |');
    expect(md).toContain('| injection detector | 3 | 0 | 2 | 1 | 0 |');
    const zip = await download(org.adminKey, report.reportId, 'csv');
    const metricsCsv = await csvFile(zip, 'metrics.csv');
    expect(metricsCsv[0]).toEqual(['section', 'metric', 'label', 'value', 'unit', 'denominator', 'denominatorCount']);
    expect(metricsCsv.find((r) => r[1] === 'denial_rate')!.slice(3)).toEqual(['45.45', 'percent', 'Decisions (tool-call policy, injection and DLP detectors)', '11']);
    expect((await csvFile(zip, 'table-decisions_by_category.csv'))[3]).toEqual(['DLP detector', '2', '0', '1', '1', '0']);
    const oscal = JSON.parse((await download(org.adminKey, report.reportId, 'oscal')).toString('utf8'));
    const props = Object.fromEntries(oscal['assessment-results'].results[0].props.map((p: { name: string; value: string }) => [p.name, p.value]));
    expect(props['decisions-policy']).toBe('6 decisions (allow 3, deny 2, alert 0, hold 1)');
    expect(props['decisions-injection-detector']).toBe('3 decisions (allow 0, deny 2, alert 1, hold 0)');
    const coverage = oscal['assessment-results'].results[0].observations.find((o: { description: string }) => o.description.includes('Measured policy_coverage'));
    expect(coverage.description).toContain('The rate is a share of: Decisions on agent actions (tool-call policy and detectors).');
    const pdf = (await pdfText(await download(org.adminKey, report.reportId, 'pdf'))).replace(/\s+/g, ' ');
    expect(pdf).toContain('Decisions by source: the tool-call policy and the two detectors (each decision counted once) Source Decisions Allowed Denied Alerted Held policy on tool calls 6 3 2 0 1 injection detector 3 0 2 1 0 DLP detector 2 0 1 1 0 all decisions 11 3 5 2 1');
    expect(pdf).toContain('Denial rate (denials of the policy and detectors) 45.45% of 11 Decisions (tool-call policy, injection and DLP detectors)');
    expect(pdf).toContain('of 11 Decisions on agent actions (tool-call policy and detectors)');
  }, 120_000);

  it('every rate in the library names its denominator', () => {
    const rates = (Object.keys(metrics) as MetricId[]).filter((id) => metricDefinition(id).unit === 'percent');
    expect(rates.length).toBeGreaterThan(20);
    expect(rates.filter((id) => !metricDefinition(id).per)).toEqual([]);
  });
});

describe('reproducing a report at its watermark', () => {
  it('rebuilds the version byte for byte, says so in the integrity section, and says where it differs when it does', async () => {
    const org = await app.newOrg('Reproduce');
    const auditor = await org.key('auditor');
    const viewer = await org.key('viewer');
    await ingestFixture(app, org.adminKey, decisions);
    const report = await reportOf(app, org, { type: 'soc2', period: PERIOD });
    const before = (await download(org.adminKey, report.reportId, 'md')).toString('utf8');
    expect(before).toContain('| Reproduced at its watermark | not checked yet');
    // Events after the watermark (the service's own audit events among them) change nothing.
    await ingestFixture(app, org.adminKey, [{ id: 'late', occurredAt: '2026-10-01T15:00:00Z', environment: PROD, category: 'policy_decision', action: 'tool.invoke', decision: 'deny', agentId: 'agent-a', sessionId: 's1', tool: { name: 'crm.write' } }]);

    expect(errorCodes(await rawGql(app, viewer, 'mutation($id: ID!) { reproduceReport(id: $id) { identical } }', { id: report.reportId }))).toEqual(['FORBIDDEN']);
    const reproduced = await app.gql(auditor, Reproduce, { id: report.reportId });
    expect(reproduced.errors).toBeUndefined();
    const [row] = await app.services.database.sql`select content_sha256 from reports where id = ${uuidOf(report.reportId)}`;
    expect(reproduced.data!.reproduceReport).toMatchObject({ identical: true, sha256: row!.content_sha256, differences: [] });
    expect((await app.gql(auditor, Reproduction, { id: report.reportId })).data!.report!.reproduction).toEqual({ identical: true, sha256: row!.content_sha256 });
    const after = (await download(org.adminKey, report.reportId, 'md')).toString('utf8');
    expect(after).toContain(`| Reproduced at its watermark | byte-identical: rebuilt at its watermark on `);
    expect(after).toContain(`the canonical content hashes to ${row!.content_sha256}, as signed |`);
    const integrity = await csvFile(await download(org.adminKey, report.reportId, 'csv'), 'integrity.csv');
    expect(integrity.find((r) => r[0] === 'reproducedIdentical')).toEqual(['reproducedIdentical', 'true']);
    const oscal = JSON.parse((await download(org.adminKey, report.reportId, 'oscal')).toString('utf8'));
    expect(oscal['assessment-results'].results[0].props).toContainEqual(expect.objectContaining({ name: 'reproduced-at-watermark', value: 'identical' }));

    // An event inside the watermark goes missing (as if deleted behind the service's back): the rebuild differs and says where.
    await app.services.database.sql`delete from audit_events where org_id = ${org.orgId} and client_id = 'p-hold'`;
    const differs = await app.gql(org.adminKey, Reproduce, { id: report.reportId });
    expect(differs.data!.reproduceReport.identical).toBe(false);
    expect(differs.data!.reproduceReport.differences).toEqual(expect.arrayContaining(['findings', 'integrity', 'sections', 'summary']));
    expect((await download(org.adminKey, report.reportId, 'md')).toString('utf8')).toContain('| Reproduced at its watermark | NOT identical: ');

    // Only a completed report can be rebuilt; an unknown one is not found.
    const missing = await rawGql(app, org.adminKey, 'mutation($id: ID!) { reproduceReport(id: $id) { identical } }', { id: Buffer.from('Report:00000000-0000-4000-8000-000000000000').toString('base64') });
    expect(errorCodes(missing)).toEqual(['NOT_FOUND']);
  }, 180_000);
});
