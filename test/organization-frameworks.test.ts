/**
 * An organisation's own frameworks through GraphQL: validated with errors
 * that name the path, a report type of that organisation only (generated end
 * to end by the worker), revised by updateFramework while earlier reports
 * keep the definition they were built with, and removed by deleteFramework.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { auditEvents } from '../src/db/schema.ts';
import { events } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/until.ts';

const Create = graphql(`
  mutation CreateOwnFramework($definition: JSON!) {
    createFramework(definition: $definition) { type name version custom sections { id title controls { id title } } }
  }
`);
const Update = graphql(`
  mutation UpdateOwnFramework($type: String!, $definition: JSON!) {
    updateFramework(type: $type, definition: $definition) { type name version }
  }
`);
const Delete = graphql(`
  mutation DeleteOwnFramework($type: String!) { deleteFramework(type: $type) { type } }
`);
const List = graphql(`
  query OwnFrameworks { frameworks { type custom version } }
`);
const Generate = graphql(`
  mutation GenerateOwnFramework($input: GenerateReportInput!) { generateReport(input: $input) { id } }
`);
const Report = graphql(`
  query OwnFrameworkReport($id: ID!) {
    report(id: $id) { status integrity { frameworkVersion } findings(first: 20) { edges { node { status control { id framework } evidenceCount } } } }
  }
`);

const example = () => JSON.parse(readFileSync(new URL('../examples/frameworks/ai-oversight.json', import.meta.url), 'utf8')) as Record<string, any>;
const definition = (): Record<string, any> => ({ ...example(), type: 'acme_oversight_api' });

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'work' });
  org = await app.newOrg('Own frameworks');
  await app.services.database.db.insert(auditEvents).values(events(org.orgId, 200));
});
afterAll(() => app.close());

async function completed(id: string) {
  return until(async () => {
    const r = (await app.gql(org.adminKey, Report, { id })).data?.report;
    return r?.status === 'COMPLETED' ? r : undefined;
  }, 'the report to complete');
}

describe('organisation frameworks', () => {
  it('validates a definition and names the path of what is wrong', async () => {
    const cases: Array<[(d: Record<string, any>) => void, RegExp, string]> = [
      [(d) => (d.sections[0].controls[0].checks[0].metric = 'no_such_metric'), /unknown metric 'no_such_metric'/, 'definition.sections.0.controls.0.checks.0.metric'],
      [(d) => (d.sections[1].controls[0].id = d.sections[0].controls[0].id), /duplicate control id/, 'definition'],
      [(d) => (d.sections[0].controls[0].checks[0].thresholds = { direction: 'min', pass: 80, warn: 90 }), /pass \(80\) must be at least warn \(90\)/, 'definition'],
      [(d) => (d.sections = []), /section/, 'definition.sections'],
      [(d) => (d.catalog = 'soc2'), /catalog/, 'definition'],
      [(d) => (d.type = 'soc2'), /built-in report type/, 'definition.type'],
      [(d) => (d.name = 'nul\u0000name'), /NUL/, 'definition'],
    ];
    for (const [change, message, field] of cases) {
      const d = definition();
      change(d);
      const result = await app.gql(org.adminKey, Create, { definition: d });
      expect(result.errors?.[0]?.extensions?.code, String(message)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
      expect(String(result.errors?.[0]?.extensions?.field)).toContain(field);
    }
    expect((await app.gql(org.adminKey, List)).data!.frameworks.some((f) => f.type === 'acme_oversight_api')).toBe(false);
  });

  it('is a report type of its organisation: generated end to end, revised, invisible to others, removed', async () => {
    const created = await app.gql(org.adminKey, Create, { definition: definition() });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createFramework).toMatchObject({ type: 'acme_oversight_api', version: '1', custom: true });
    expect(created.data!.createFramework.sections.map((s) => s.id)).toEqual(['policy', 'oversight']);
    const again = await app.gql(org.adminKey, Create, { definition: definition() });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const listed = (await app.gql(org.adminKey, List)).data!.frameworks;
    expect(listed.find((f) => f.type === 'acme_oversight_api')).toEqual({ type: 'acme_oversight_api', custom: true, version: '1' });
    expect(listed.find((f) => f.type === 'soc2')!.custom).toBe(false);

    const period = { start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z' };
    const first = (await app.gql(org.adminKey, Generate, { input: { type: 'acme_oversight_api', period } })).data!.generateReport.id;
    const report = await completed(first);
    expect(report.integrity!.frameworkVersion).toBe('1');
    const findings = report.findings.edges.map((e) => e.node);
    expect(findings.map((f) => f.control.id)).toEqual(expect.arrayContaining(['ACME-AI-1']));
    expect(findings.every((f) => f.control.framework === 'acme_oversight_api')).toBe(true);

    // A new revision: a renamed framework, one section fewer. The first report keeps revision 1.
    const revised = { ...definition(), name: 'Acme oversight, revised', sections: [definition().sections[0]] };
    const updated = await app.gql(org.adminKey, Update, { type: 'acme_oversight_api', definition: revised });
    expect(updated.data!.updateFramework).toEqual({ type: 'acme_oversight_api', name: 'Acme oversight, revised', version: '2' });
    const renamed = await app.gql(org.adminKey, Update, { type: 'acme_oversight_api', definition: { ...revised, type: 'other_type' } });
    expect(renamed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const second = (await app.gql(org.adminKey, Generate, { input: { type: 'acme_oversight_api', period } })).data!.generateReport.id;
    expect((await completed(second)).integrity!.frameworkVersion).toBe('2');
    expect((await completed(first)).integrity!.frameworkVersion).toBe('1');

    // Another organisation neither sees nor uses it, nor can change it.
    const other = await app.newOrg('Someone else');
    expect((await app.gql(other.adminKey, List)).data!.frameworks.some((f) => f.type === 'acme_oversight_api')).toBe(false);
    const refused = await app.gql(other.adminKey, Generate, { input: { type: 'acme_oversight_api', period } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/Unknown report type "acme_oversight_api"/);
    expect((await app.gql(other.adminKey, Update, { type: 'acme_oversight_api', definition: revised })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql(other.adminKey, Delete, { type: 'acme_oversight_api' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A type no framework could have (capitals) is simply not found; a NUL is refused as input, naming the argument.
    expect((await app.gql(org.adminKey, Delete, { type: 'Not_A_Type' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const nul = await app.gql(org.adminKey, Delete, { type: 'nul\u0000type' });
    expect(nul.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nul.errors?.[0]?.message).toMatch(/deleteFramework\.type/);
    for (const type of ['nul\u0000type', 'Not_A_Type']) {
      expect((await app.gql(org.adminKey, Generate, { input: { type, period } })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    // The same type name is free for the other organisation's own framework.
    expect((await app.gql(other.adminKey, Create, { definition: definition() })).errors).toBeUndefined();

    // Only admins manage frameworks.
    const auditor = await org.key('auditor');
    expect((await app.gql(auditor, Delete, { type: 'acme_oversight_api' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const deleted = await app.gql(org.adminKey, Delete, { type: 'acme_oversight_api' });
    expect(deleted.data!.deleteFramework.type).toBe('acme_oversight_api');
    expect((await app.gql(org.adminKey, List)).data!.frameworks.some((f) => f.type === 'acme_oversight_api')).toBe(false);
    expect((await completed(first)).findings.edges.length).toBeGreaterThan(0);
  }, 90_000);
});
