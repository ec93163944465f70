/**
 * Roles × operations, as one table written by hand from the design: admin
 * does everything; auditor reads reports, findings, evidence (and the events
 * behind them), downloads; ingest writes events only; viewer reads reports.
 * Every root field of the served schema and every HTTP route must have a
 * row, so a new operation cannot escape. "allow" means the answer is not
 * FORBIDDEN or UNAUTHENTICATED (a domain error such as NOT_FOUND still shows
 * the role got past authorisation); "deny" means FORBIDDEN (in the GraphQL
 * errors; HTTP 403 on the plain routes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/access.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { errorCodes, populateOrg, rawGql, readSse, rootFields, type OrgFixture } from './support/two-orgs.ts';

type Expect = 'allow' | 'deny';
type Row = [admin: Expect, auditor: Expect, ingest: Expect, viewer: Expect];
const ROLES: Role[] = ['admin', 'auditor', 'ingest', 'viewer'];

interface Operation {
  expect: Row;
  /** A GraphQL operation (query, variables), or an HTTP request. */
  graphql?: (o: OrgFixture) => [string, Record<string, unknown>];
  http?: (o: OrgFixture) => { path: string; method?: string; body?: string; headers?: Record<string, string> };
}

const A = 'allow' as const;
const D = 'deny' as const;
const everyone: Row = [A, A, A, A];
const adminOnly: Row = [A, D, D, D];
const readers: Row = [A, A, D, A]; // reports, findings, schedules: everyone but the ingest key
const auditTrail: Row = [A, A, D, D]; // evidence, raw events, downloads: admin and auditor

const QUERIES: Record<string, Operation> = {
  viewer: { expect: everyone, graphql: () => ['{ viewer { role } }', {}] },
  agents: { expect: readers, graphql: () => ['{ agents { agentId } }', {}] },
  environments: { expect: readers, graphql: () => ['{ environments { name } }', {}] },
  tools: { expect: readers, graphql: () => ['{ tools { name } }', {}] },
  storageTargets: { expect: adminOnly, graphql: () => ['{ storageTargets { id } }', {}] },
  dataExports: { expect: auditTrail, graphql: () => ['{ dataExports(first: 5) { totalCount } }', {}] },
  compliancePackages: { expect: auditTrail, graphql: () => ['{ compliancePackages(first: 5) { totalCount } }', {}] },
  auditEvents: { expect: auditTrail, graphql: () => ['{ auditEvents(first: 5) { totalCount } }', {}] },
  framework: { expect: readers, graphql: () => ['{ framework(type: "soc2") { type } }', {}] },
  frameworks: { expect: readers, graphql: () => ['{ frameworks { type } }', {}] },
  node: { expect: readers, graphql: (o) => ['query($id: ID!) { node(id: $id) { id } }', { id: o.ids.report }] },
  nodes: { expect: readers, graphql: (o) => ['query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [o.ids.report] }] },
  notifications: { expect: adminOnly, graphql: () => ['{ notifications(first: 5) { edges { node { id } } } }', {}] },
  posture: { expect: readers, graphql: () => ['{ posture { windowDays frameworks { framework counts { fail } } } }', {}] },
  postureControl: { expect: readers, graphql: () => ['{ postureControl(framework: "soc2", controlId: "CC6.1", checkId: "no-such-check") { status value } }', {}] },
  report: { expect: readers, graphql: (o) => ['query($id: ID!) { report(id: $id) { id } }', { id: o.ids.report }] },
  reports: { expect: readers, graphql: () => ['{ reports(first: 5) { totalCount } }', {}] },
  schedules: { expect: readers, graphql: () => ['{ schedules { id } }', {}] },
  statementOfApplicability: { expect: readers, graphql: () => ['{ statementOfApplicability { controlId } }', {}] },
  shareLinks: { expect: adminOnly, graphql: (o) => ['query($id: ID!) { shareLinks(reportId: $id) { id } }', { id: o.ids.report }] },
};

const MUTATIONS: Record<string, Operation> = {
  // Mutations run against a report or object each role's test cannot harm: ids that exist, with
  // inputs that fail validation after authorisation where the effect would disturb other rows.
  cancelReport: { expect: adminOnly, graphql: (o) => ['mutation($id: ID!) { cancelReport(id: $id) { id } }', { id: o.ids.report }] },
  deleteReport: { expect: adminOnly, graphql: () => ['mutation($id: ID!) { deleteReport(id: $id) { id } }', { id: Buffer.from('Report:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  regenerateReport: { expect: adminOnly, graphql: () => ['mutation($id: ID!) { regenerateReport(id: $id) { id } }', { id: Buffer.from('Report:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  generateReport: { expect: adminOnly, graphql: () => ['mutation { generateReport(input: { type: "no-such-type" }) { id } }', {}] },
  createStorageTarget: { expect: adminOnly, graphql: () => ['mutation { createStorageTarget(input: { name: "", bucket: "b", accessKeyId: "k", secretAccessKey: "s" }) { id } }', {}] },
  deleteStorageTarget: { expect: adminOnly, graphql: () => ['mutation { deleteStorageTarget(id: "00000000-0000-4000-8000-000000000000") { id } }', {}] },
  requestDataExport: { expect: adminOnly, graphql: () => ['mutation { requestDataExport(input: { kind: DECISIONS, format: CSV, period: { start: "2026-02-01T00:00:00Z", end: "2026-01-01T00:00:00Z" } }) { id } }', {}] },
  requestCompliancePackage: { expect: adminOnly, graphql: () => ['mutation { requestCompliancePackage(input: { frameworks: [] }) { id } }', {}] },
  cancelCompliancePackage: { expect: adminOnly, graphql: () => ['mutation($id: ID!) { cancelCompliancePackage(id: $id) { id } }', { id: Buffer.from('CompliancePackage:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  deleteCompliancePackage: { expect: adminOnly, graphql: () => ['mutation($id: ID!) { deleteCompliancePackage(id: $id) { id } }', { id: Buffer.from('CompliancePackage:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  cancelDataExport: { expect: adminOnly, graphql: () => ['mutation($id: ID!) { cancelDataExport(id: $id) { id } }', { id: Buffer.from('DataExport:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  deleteDataExport: { expect: adminOnly, graphql: () => ['mutation($id: ID!) { deleteDataExport(id: $id) { id } }', { id: Buffer.from('DataExport:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  createApiKey: { expect: adminOnly, graphql: () => ['mutation { createApiKey(input: { name: "", role: VIEWER }) { key } }', {}] },
  revokeApiKey: { expect: adminOnly, graphql: () => ['mutation { revokeApiKey(id: "00000000-0000-4000-8000-000000000000") { id } }', {}] },
  createSchedule: { expect: adminOnly, graphql: () => ['mutation { createSchedule(input: { type: "no-such-type", frequency: WEEKLY }) { id } }', {}] },
  updateSchedule: { expect: adminOnly, graphql: () => ['mutation { updateSchedule(id: "00000000-0000-4000-8000-000000000000", input: { paused: true }) { id } }', {}] },
  deleteSchedule: { expect: adminOnly, graphql: () => ['mutation { deleteSchedule(id: "00000000-0000-4000-8000-000000000000") { id } }', {}] },
  runScheduleNow: { expect: adminOnly, graphql: () => ['mutation { runScheduleNow(id: "00000000-0000-4000-8000-000000000000") { id } }', {}] },
  createShareLink: { expect: adminOnly, graphql: (o) => ['mutation($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 0 }) { url } }', { id: o.ids.report }] },
  createDataExportShareLink: { expect: adminOnly, graphql: () => ['mutation($id: ID!) { createDataExportShareLink(input: { dataExportId: $id, expiresInHours: 0 }) { url } }', { id: Buffer.from('DataExport:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  createCompliancePackageShareLink: { expect: adminOnly, graphql: () => ['mutation($id: ID!) { createCompliancePackageShareLink(input: { compliancePackageId: $id, expiresInHours: 0 }) { url } }', { id: Buffer.from('CompliancePackage:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  revokeShareLink: { expect: adminOnly, graphql: () => ['mutation { revokeShareLink(id: "00000000-0000-4000-8000-000000000000") { id } }', {}] },
  updatePostureSettings: { expect: adminOnly, graphql: () => ['mutation { updatePostureSettings(input: { windowDays: 0 }) { windowDays } }', {}] },
  updateOrganizationSettings: { expect: adminOnly, graphql: () => ['mutation { updateOrganizationSettings(input: { retentionDays: 0 }) { retentionDays } }', {}] },
  updateSlaTargets: { expect: adminOnly, graphql: () => ['mutation { updateSlaTargets(input: { approvalMinutes: 0 }) { approvalMinutes } }', {}] },
  ingestAuditEvents: { expect: [A, D, A, D], graphql: () => ['mutation { ingestAuditEvents(events: []) { accepted } }', {}] },
  createFramework: { expect: adminOnly, graphql: () => ['mutation { createFramework(definition: {}) { type } }', {}] },
  updateFramework: { expect: adminOnly, graphql: () => ['mutation { updateFramework(type: "no_such_type", definition: {}) { type } }', {}] },
  deleteFramework: { expect: adminOnly, graphql: () => ['mutation { deleteFramework(type: "no_such_type") { type } }', {}] },
  // A statement for no such control: rejected by its index after authorisation, nothing recorded.
  recordControlApplicability: { expect: adminOnly, graphql: () => ['mutation { recordControlApplicability(statements: [{ controlId: "A.0", applicable: true, justification: "x", implementation: UNKNOWN }]) { rejected { index } } }', {}] },
  reproduceReport: { expect: auditTrail, graphql: () => ['mutation($id: ID!) { reproduceReport(id: $id) { identical } }', { id: Buffer.from('Report:00000000-0000-4000-8000-000000000000').toString('base64') }] },
};

const SUBSCRIPTIONS: Record<string, Operation> = {
  postureChanges: { expect: readers, graphql: () => ['subscription { postureChanges { checkId to } }', {}] },
  reportProgress: { expect: readers, graphql: (o) => ['subscription($id: ID!) { reportProgress(id: $id) { status } }', { id: o.ids.report }] },
  reportUpdates: { expect: readers, graphql: () => ['subscription { reportUpdates { status } }', {}] },
  compliancePackageProgress: { expect: auditTrail, graphql: () => ['subscription($id: ID!) { compliancePackageProgress(id: $id) { status } }', { id: Buffer.from('CompliancePackage:00000000-0000-4000-8000-000000000000').toString('base64') }] },
  dataExportProgress: { expect: auditTrail, graphql: () => ['subscription($id: ID!) { dataExportProgress(id: $id) { status } }', { id: Buffer.from('DataExport:00000000-0000-4000-8000-000000000000').toString('base64') }] },
};

const ROUTES: Record<string, Operation> = {
  'GET /reports/:id/download': { expect: auditTrail, http: (o) => ({ path: `/reports/${o.ids.report}/download?format=json` }) },
  'GET /exports/:id/download': { expect: auditTrail, http: () => ({ path: '/exports/00000000-0000-4000-8000-000000000000/download' }) },
  'GET /exports/:id/manifest': { expect: auditTrail, http: () => ({ path: '/exports/00000000-0000-4000-8000-000000000000/manifest' }) },
  'GET /packages/:id/download': { expect: auditTrail, http: () => ({ path: '/packages/00000000-0000-4000-8000-000000000000/download?file=pdf' }) },
  'POST /ingest': { expect: [A, D, A, D], http: () => ({ path: '/ingest', method: 'POST', body: '', headers: { 'content-type': 'application/x-ndjson' } }) },
  'POST /v1/traces': { expect: [A, D, A, D], http: () => ({ path: '/v1/traces', method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }) },
};

let app: TestApp;
let org: OrgFixture;
const keys = {} as Record<Role, string>;

beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
  org = await populateOrg(app, 'roles');
  keys.admin = org.adminKey;
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    const r = await rawGql(app, org.adminKey, `mutation { createApiKey(input: { name: "${role}", role: ${role.toUpperCase()} }) { key } }`);
    keys[role] = r.data.createApiKey.key;
  }
});
afterAll(() => app.close());

/**
 * Subscriptions over SSE: the first event (or error) decides. A subscription that is allowed and
 * has nothing to say yet (reportUpdates) stays open: half a second of quiet ends the wait.
 */
const firstEvent = (key: string, query: string, variables: Record<string, unknown>) =>
  readSse(app, key, query, variables, { until: (text) => /data: /.test(text), timeoutMs: 3_000, quietMs: 500 });

async function outcome(role: Role, op: Operation, kind: 'query' | 'mutation' | 'subscription' | 'route'): Promise<Expect> {
  const key = keys[role];
  if (op.http) {
    const { path, method = 'GET', body, headers } = op.http(org);
    const response = await app.fetch(path, { method, key, body, headers });
    return response.status === 403 ? 'deny' : response.status === 401 ? (() => { throw new Error(`${path}: 401 for ${role}`); })() : 'allow';
  }
  const [query, variables] = op.graphql!(org);
  if (kind === 'subscription') {
    const text = await firstEvent(key, query, variables);
    if (text.includes('UNAUTHENTICATED')) throw new Error(`${query}: UNAUTHENTICATED for ${role}`);
    return text.includes('FORBIDDEN') ? 'deny' : 'allow';
  }
  const result = await rawGql(app, key, query, variables);
  const codes = errorCodes(result);
  if (codes.includes('UNAUTHENTICATED')) throw new Error(`${query}: UNAUTHENTICATED for ${role}`);
  return codes.includes('FORBIDDEN') ? 'deny' : 'allow';
}

describe('roles × operations', () => {
  it('has a row for every root field of the served schema', async () => {
    const fields = await rootFields(app, org.adminKey);
    expect(Object.keys(QUERIES).sort()).toEqual(fields.query);
    expect(Object.keys(MUTATIONS).sort()).toEqual(fields.mutation);
    expect(Object.keys(SUBSCRIPTIONS).sort()).toEqual(fields.subscription);
  });

  it('every role gets exactly what the table says, for every operation', async () => {
    const tables = { query: QUERIES, mutation: MUTATIONS, subscription: SUBSCRIPTIONS, route: ROUTES } as const;
    const mismatches: string[] = [];
    let cells = 0;
    for (const [kind, table] of Object.entries(tables) as Array<[keyof typeof tables, Record<string, Operation>]>) {
      for (const [name, op] of Object.entries(table)) {
        for (const [i, role] of ROLES.entries()) {
          cells++;
          const got = await outcome(role, op, kind);
          if (got !== op.expect[i]) mismatches.push(`${kind} ${name} as ${role}: expected ${op.expect[i]}, got ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBe(ROLES.length * (Object.keys(QUERIES).length + Object.keys(MUTATIONS).length + Object.keys(SUBSCRIPTIONS).length + Object.keys(ROUTES).length));
  });

  it('a missing, wrong or revoked key is UNAUTHENTICATED (401), never FORBIDDEN', async () => {
    for (const key of [null, 'agr_not-a-real-key']) {
      const r = await rawGql(app, key, '{ reports(first: 1) { totalCount } }');
      expect(r.status).toBe(401);
      expect(errorCodes(r)).toEqual(['UNAUTHENTICATED']);
    }
    const created = await rawGql(app, org.adminKey, 'mutation { createApiKey(input: { name: "short-lived", role: AUDITOR }) { key apiKey { id } } }');
    await rawGql(app, org.adminKey, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', { id: created.data.createApiKey.apiKey.id });
    const revoked = await rawGql(app, created.data.createApiKey.key, '{ reports(first: 1) { totalCount } }');
    expect(revoked.status).toBe(401);
    expect(errorCodes(revoked)).toEqual(['UNAUTHENTICATED']);
  });
});
