/**
 * Tenant isolation, generated from the schema: every root field of the
 * served schema (queries, mutations, subscriptions) must have a case here,
 * so a new field cannot escape the suite. Organisation A's admin key is used
 * with organisation B's ids: the answer is exactly what a never-existing id
 * gets (NOT_FOUND for an explicit id), never B's data; lists never show B's
 * objects; writes never touch B. The HTTP routes are covered the same way.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePosture } from '../src/reports/posture.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { errorCodes, populateOrg, rawGql, readSse, rootFields, type OrgFixture, type Raw } from './support/two-orgs.ts';
import { until } from './support/until.ts';

let app: TestApp;
let a: OrgFixture;
let b: OrgFixture;
/** B's data export (pending: this suite's jobs are only enqueued). */
let bExport: string;
/** B's storage target. */
let bTarget: string;
/** B's compliance package (pending, like its export). */
let bPackage: string;
/** B's reports once set up (its own and its package's): writes of A's must leave that many. */
let bReportCount: number;

beforeAll(async () => {
  app = await startTestApp({ jobs: 'enqueue' });
  b = await populateOrg(app, 'b');
  a = await populateOrg(app, 'a');
  // Both follow SOC 2 and their own framework, over a window that holds their events, evaluated now.
  for (const org of [b, a]) {
    const r = await rawGql(app, org.adminKey, 'mutation($f: [String!]) { updatePostureSettings(input: { frameworks: $f, windowDays: 120 }) { windowDays } }', { f: ['soc2', org.framework] });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    // A first evaluation over nothing is the baseline; the next, over the trail, moves checks: changes to isolate.
    await evaluatePosture(app.services, org.orgId, { upto: 0 });
    await evaluatePosture(app.services, org.orgId);
  }
  const requested = await rawGql(app, b.adminKey, 'mutation { requestDataExport(input: { kind: DECISIONS, format: CSV }) { id } }');
  if (requested.errors) throw new Error(JSON.stringify(requested.errors));
  bExport = requested.data.requestDataExport.id;
  const created = await rawGql(app, b.adminKey, 'mutation { createStorageTarget(input: { name: "b archive", bucket: "b-bucket", accessKeyId: "AKIAB", secretAccessKey: "b-secret" }) { id } }');
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  bTarget = created.data.createStorageTarget.id;
  const packaged = await rawGql(app, b.adminKey, 'mutation { requestCompliancePackage(input: { frameworks: ["soc2"], exportKinds: [AUDIT_LOG] }) { id } }');
  if (packaged.errors) throw new Error(JSON.stringify(packaged.errors));
  bPackage = packaged.data.requestCompliancePackage.id;
  bReportCount = (await app.services.database.sql`select count(*)::int as n from reports where org_id = ${b.orgId}`)[0]!.n;
});

/** B's package is as it was: pending, not deleted. */
async function bPackageUnchanged() {
  const [row] = await app.services.database.sql`select status, deleted_at from compliance_packages where org_id = ${b.orgId} and id = ${Buffer.from(bPackage, 'base64').toString('utf8').split(':')[1]!}`;
  expect(row).toMatchObject({ status: 'pending', deleted_at: null });
}

/** B's export is as it was: pending, not deleted. */
async function bExportUnchanged() {
  const [row] = await app.services.database.sql`select status, deleted_at from data_exports where org_id = ${b.orgId} and id = ${Buffer.from(bExport, 'base64').toString('utf8').split(':')[1]!}`;
  expect(row).toMatchObject({ status: 'pending', deleted_at: null });
}
afterAll(() => app.close());

const asA = (query: string, variables: Record<string, unknown> = {}) => rawGql(app, a.adminKey, query, variables);

/** An id of the same kind as `id` that exists nowhere. */
function nonexistent(id: string): string {
  const decoded = Buffer.from(id, 'base64').toString('utf8');
  const match = /^([A-Za-z]+):(.+)$/.exec(decoded);
  if (match) {
    const local = /^\d+$/.test(match[2]!) ? '999999999999' : randomUUID();
    return Buffer.from(`${match[1]}:${local}`).toString('base64');
  }
  return randomUUID();
}

/** B's id must get exactly the answer of an id that never existed, and that answer is NOT_FOUND. */
async function sameAsNonexistent(query: string, variable: string, foreignId: string, extra: Record<string, unknown> = {}, expectNotFound = true) {
  const foreign = await asA(query, { ...extra, [variable]: foreignId });
  const missing = await asA(query, { ...extra, [variable]: nonexistent(foreignId) });
  const shape = (r: Raw) => ({ status: r.status, codes: errorCodes(r), data: r.data ?? null, messages: (r.errors ?? []).map((e) => e.message.replace(foreignId, 'ID').replace(/[0-9a-f-]{36}/g, 'UUID')) });
  const missingShape = shape(missing);
  missingShape.messages = missingShape.messages.map((m) => m.replace(nonexistent(foreignId), 'ID'));
  expect(shape(foreign).codes).toEqual(missingShape.codes);
  expect(JSON.stringify(foreign.data ?? null)).toBe(JSON.stringify(missing.data ?? null));
  if (expectNotFound) expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
  return foreign;
}

/** B's framework type gets exactly what a type nobody has gets: NOT_FOUND. */
async function sameAsNonexistentType(query: string) {
  const foreign = await asA(query, { t: b.framework });
  const never = await asA(query, { t: 'never_framework' });
  expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
  expect(JSON.stringify(foreign).replaceAll(b.framework, 'T')).toBe(JSON.stringify(never).replaceAll('never_framework', 'T'));
}

/** B's identifying strings must not appear anywhere in a response. */
function expectNothingOfB(response: unknown) {
  const text = JSON.stringify(response);
  for (const needle of [b.agent, b.environment, `${b.tag}-tool`, b.framework, `${b.tag} framework`, b.reportUuid, b.ids.report, b.ids.schedule, b.ids.shareLink, b.ids.apiKey, b.ids.notification, `${b.tag} report`, `${b.tag} secret body`]) {
    expect(text, `response leaks ${needle}`).not.toContain(needle);
  }
}

const sse = (query: string, variables: Record<string, unknown>, key: string, until: (text: string) => boolean, timeoutMs = 4_000) =>
  readSse(app, key, query, variables, { until, timeoutMs });

/** What an SSE stream answered, without its keep-alive comments (how many depends on timing) and with ids made alike. */
const answerOf = (text: string) => text.replace(/^:\n\n/gm, '').replace(/[0-9a-f-]{36}/g, 'UUID');

type Case = () => Promise<void>;

const QUERIES: Record<string, Case> = {
  viewer: async () => {
    const r = await asA('{ viewer { organization { id name } role } }');
    expect(r.data.viewer.organization.id).toBe(a.orgId);
    expectNothingOfB(r);
  },
  agents: async () => {
    const r = await asA('{ agents { agentId } }');
    expect(r.data.agents.map((x: any) => x.agentId)).toContain(a.agent);
    expectNothingOfB(r);
  },
  environments: async () => {
    const r = await asA('{ environments { name } }');
    expect(r.data.environments.map((x: any) => x.name)).toContain(a.environment);
    expectNothingOfB(r);
  },
  tools: async () => {
    const r = await asA('{ tools { name } }');
    expect(r.data.tools.map((x: any) => x.name)).toContain(`${a.tag}-tool`);
    expectNothingOfB(r);
  },
  auditEvents: async () => {
    const all = await asA('{ auditEvents(first: 500) { totalCount edges { node { id agentId environment } } } }');
    expect(all.data.auditEvents.totalCount).toBeGreaterThan(0);
    expectNothingOfB(all);
    // Filtering by B's names finds nothing, exactly like names that never existed.
    const filtered = await asA('query($f: AuditEventFilter) { auditEvents(first: 10, filter: $f) { totalCount edges { node { id } } } }', { f: { agentIds: [b.agent], environment: b.environment } });
    const never = await asA('query($f: AuditEventFilter) { auditEvents(first: 10, filter: $f) { totalCount edges { node { id } } } }', { f: { agentIds: ['never-agent'], environment: 'never-env' } });
    expect(filtered.data).toEqual(never.data);
    expect(filtered.data.auditEvents.totalCount).toBe(0);
  },
  storageTargets: async () => {
    const r = await asA('{ storageTargets { id name bucket } }');
    expect(r.data.storageTargets).toEqual([]);
    expect(JSON.stringify(r)).not.toContain('b-bucket');
  },
  dataExports: async () => {
    const r = await asA('{ dataExports(first: 50) { totalCount edges { node { id filters { environment agentIds } } } } }');
    expect(JSON.stringify(r)).not.toContain(bExport);
    expect(r.data.dataExports.totalCount).toBe(0);
    expectNothingOfB(r);
  },
  compliancePackages: async () => {
    const r = await asA('{ compliancePackages(first: 50) { totalCount edges { node { id title frameworks reports { id } dataExports { id } scope { environment agentIds } } } } }');
    expect(JSON.stringify(r)).not.toContain(bPackage);
    expect(r.data.compliancePackages.totalCount).toBe(0);
    expectNothingOfB(r);
  },
  framework: async () => {
    expect((await asA('query($t: String!) { framework(type: $t) { type } }', { t: 'soc2' })).data.framework.type).toBe('soc2');
    expect((await asA('query($t: String!) { framework(type: $t) { type } }', { t: a.framework })).data.framework.type).toBe(a.framework);
    // B's own framework is no type of A's: the same answer as a type nobody has.
    const foreign = await asA('query($t: String!) { framework(type: $t) { type name } }', { t: b.framework });
    const never = await asA('query($t: String!) { framework(type: $t) { type name } }', { t: 'never_framework' });
    expect(foreign).toEqual(never);
    expect(foreign.data.framework).toBeNull();
  },
  frameworks: async () => {
    const r = await asA('{ frameworks { type name } }');
    expect(r.data.frameworks.map((f: any) => f.type)).toContain(a.framework);
    expectNothingOfB(r);
  },
  node: async () => {
    // Relay's node answers null for an id it cannot resolve: B's ids get that same answer.
    for (const id of [b.ids.report, b.ids.finding, b.ids.event, bPackage, bExport]) {
      const r = await sameAsNonexistent('query($id: ID!) { node(id: $id) { id } }', 'id', id, {}, false);
      expect(r.data?.node ?? null).toBeNull();
    }
  },
  nodes: async () => {
    const r = await asA('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [b.ids.report, b.ids.finding, b.ids.event, a.ids.report] });
    const missing = await asA('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [nonexistent(b.ids.report), nonexistent(b.ids.finding), nonexistent(b.ids.event), a.ids.report] });
    expect(r.data.nodes).toEqual(missing.data.nodes);
    expect(r.data.nodes.slice(0, 3)).toEqual([null, null, null]);
    expect(r.data.nodes[3].id).toBe(a.ids.report);
  },
  notifications: async () => {
    const r = await asA('{ notifications(first: 100) { edges { node { id target body } } } }');
    expect(r.data.notifications.edges.map((e: any) => e.node.id)).toContain(a.ids.notification);
    expectNothingOfB(r);
  },
  posture: async () => {
    const r = await asA('{ posture { windowDays frameworks { framework name watermark controls { checkId status evidenceCount } } recentChanges(first: 200) { framework checkId } } }');
    expect(r.data.posture.frameworks.map((f: any) => f.framework)).toEqual(expect.arrayContaining(['soc2', a.framework]));
    expectNothingOfB(r);
    // A's numbers are A's: its watermark is its own newest event, its changes its own rows.
    const [own] = await app.services.database.sql`select max(seq)::int as seq from audit_events where org_id = ${a.orgId}`;
    for (const f of r.data.posture.frameworks) expect(f.watermark).toBeLessThanOrEqual(own!.seq);
    const [changes] = await app.services.database.sql`select count(*)::int as n from posture_changes where org_id = ${a.orgId}`;
    expect(r.data.posture.recentChanges).toHaveLength(Math.min(200, changes!.n));
    expect(changes!.n).toBeGreaterThan(0);
  },
  postureControl: async () => {
    // B's own framework is no framework of A's posture: the answer of a type nobody has.
    await sameAsNonexistentType('query($t: String!) { postureControl(framework: $t, controlId: "ACME-AI-1", checkId: "policy-coverage") { status value } }');
    const own = await asA('query($t: String!) { postureControl(framework: $t, controlId: "ACME-AI-1", checkId: "policy-coverage") { status } }', { t: a.framework });
    expect(own.errors).toBeUndefined();
  },
  report: async () => {
    await sameAsNonexistent('query($id: ID!) { report(id: $id) { id title } }', 'id', b.ids.report);
  },
  reports: async () => {
    const r = await asA('{ reports(first: 100) { totalCount edges { node { id title } } } }');
    expect(r.data.reports.edges.map((e: any) => e.node.id)).toContain(a.ids.report);
    expectNothingOfB(r);
  },
  schedules: async () => {
    const r = await asA('{ schedules { id } }');
    expect(r.data.schedules.map((s: any) => s.id)).toContain(a.ids.schedule);
    expectNothingOfB(r);
  },
  shareLinks: async () => {
    await sameAsNonexistent('query($id: ID!) { shareLinks(reportId: $id) { id } }', 'id', b.ids.report);
    await sameAsNonexistent('query($id: ID!) { shareLinks(dataExportId: $id) { id } }', 'id', bExport);
    await sameAsNonexistent('query($id: ID!) { shareLinks(compliancePackageId: $id) { id } }', 'id', bPackage);
  },
  statementOfApplicability: async () => {
    // B states a control; A's statement of it stays the default, with B's justification nowhere.
    const justification = `${b.tag} secret body: excluded by B`;
    const stated = await rawGql(app, b.adminKey, 'mutation($s: [ControlApplicabilityInput!]!) { recordControlApplicability(statements: $s) { recorded { revision } rejected { index } } }', {
      s: [{ controlId: 'A.5.16', applicable: false, justification, implementation: 'NOT_IMPLEMENTED' }],
    });
    expect(stated.data.recordControlApplicability.rejected).toEqual([]);
    const r = await asA('{ statementOfApplicability { controlId applicable justification revision history { justification } } }');
    const control = r.data.statementOfApplicability.find((c: any) => c.controlId === 'A.5.16');
    expect(control).toMatchObject({ applicable: true, revision: 0, history: [] });
    expect(JSON.stringify(r)).not.toContain(justification);
    expectNothingOfB(r);
  },
};

/** After a write attempt: B's objects are as they were. */
async function bUnchanged() {
  const r = await rawGql(app, b.adminKey, `query($id: ID!) { report(id: $id) { status } schedules { id paused } shareLinks(reportId: $id) { id revokedAt } viewer { organization { retentionDays } } }`, { id: b.ids.report });
  expect(r.errors).toBeUndefined();
  expect(r.data.report.status).toBe('COMPLETED');
  expect(r.data.schedules).toEqual([{ id: b.ids.schedule, paused: false }]);
  expect(r.data.shareLinks).toEqual([{ id: b.ids.shareLink, revokedAt: null }]);
  expect(r.data.viewer.organization.retentionDays).toBe(90);
}

/** No link was made to B's export or package: B still has its one report link. */
async function bHasNoNewShareLink() {
  const [row] = await app.services.database.sql`select count(*)::int as n from share_links where org_id = ${b.orgId}`;
  expect(row!.n).toBe(1);
  await bUnchanged();
}

const MUTATIONS: Record<string, Case> = {
  recordControlApplicability: async () => {
    // A's statement is A's alone: B's statement of the same control is unchanged.
    const r = await asA('mutation($s: [ControlApplicabilityInput!]!) { recordControlApplicability(statements: $s) { recorded { controlId } rejected { index } } }', {
      s: [{ controlId: 'A.8.12', applicable: true, justification: 'A protects data', implementation: 'IMPLEMENTED' }],
    });
    expect(r.data.recordControlApplicability.recorded).toEqual([{ controlId: 'A.8.12' }]);
    const [rows] = await app.services.database.sql`select count(*)::int as n from control_statements where org_id = ${b.orgId} and control_id = 'A.8.12'`;
    expect(rows!.n).toBe(0);
    const own = await rawGql(app, b.adminKey, '{ statementOfApplicability { controlId revision } }');
    expect(own.data.statementOfApplicability.find((c: any) => c.controlId === 'A.8.12').revision).toBe(0);
  },
  reproduceReport: async () => {
    await sameAsNonexistent('mutation($id: ID!) { reproduceReport(id: $id) { identical } }', 'id', b.ids.report);
    const [row] = await app.services.database.sql`select reproduction from reports where org_id = ${b.orgId}`;
    expect(row!.reproduction ?? null).toBeNull();
    await bUnchanged();
  },
  updateSlaTargets: async () => {
    const r = await asA('mutation { updateSlaTargets(input: { approvalMinutes: 17 }) { approvalMinutes } }');
    expect(r.data.updateSlaTargets).toEqual({ approvalMinutes: 17 });
    const own = await rawGql(app, b.adminKey, '{ viewer { organization { slaTargets { approvalMinutes } } } }');
    expect(own.data.viewer.organization.slaTargets.approvalMinutes).not.toBe(17);
    await bUnchanged();
  },
  cancelReport: async () => {
    await sameAsNonexistent('mutation($id: ID!) { cancelReport(id: $id) { id status } }', 'id', b.ids.report);
    await bUnchanged();
  },
  deleteReport: async () => {
    await sameAsNonexistent('mutation($id: ID!) { deleteReport(id: $id) { id } }', 'id', b.ids.report);
    await bUnchanged();
  },
  regenerateReport: async () => {
    await sameAsNonexistent('mutation($id: ID!) { regenerateReport(id: $id) { id } }', 'id', b.ids.report);
    const [row] = await app.services.database.sql`select count(*)::int as n from reports where org_id = ${b.orgId}`;
    expect(row!.n).toBe(bReportCount);
  },
  createShareLink: async () => {
    await sameAsNonexistent('mutation($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 1 }) { url } }', 'id', b.ids.report);
    await bUnchanged();
  },
  createDataExportShareLink: async () => {
    await sameAsNonexistent('mutation($id: ID!) { createDataExportShareLink(input: { dataExportId: $id, expiresInHours: 1 }) { url } }', 'id', bExport);
    await bHasNoNewShareLink();
  },
  createCompliancePackageShareLink: async () => {
    await sameAsNonexistent('mutation($id: ID!) { createCompliancePackageShareLink(input: { compliancePackageId: $id, expiresInHours: 1 }) { url } }', 'id', bPackage);
    await bHasNoNewShareLink();
  },
  revokeShareLink: async () => {
    await sameAsNonexistent('mutation($id: ID!) { revokeShareLink(id: $id) { id } }', 'id', b.ids.shareLink);
    await bUnchanged();
  },
  deleteSchedule: async () => {
    await sameAsNonexistent('mutation($id: ID!) { deleteSchedule(id: $id) { id } }', 'id', b.ids.schedule);
    await bUnchanged();
  },
  updateSchedule: async () => {
    await sameAsNonexistent('mutation($id: ID!) { updateSchedule(id: $id, input: { paused: true }) { id } }', 'id', b.ids.schedule);
    await bUnchanged();
  },
  runScheduleNow: async () => {
    await sameAsNonexistent('mutation($id: ID!) { runScheduleNow(id: $id) { id } }', 'id', b.ids.schedule);
    const [row] = await app.services.database.sql`select count(*)::int as n from reports where org_id = ${b.orgId}`;
    expect(row!.n).toBe(bReportCount);
  },
  revokeApiKey: async () => {
    await sameAsNonexistent('mutation($id: ID!) { revokeApiKey(id: $id) { id } }', 'id', b.ids.apiKey);
    const [row] = await app.services.database.sql`select count(*)::int as n from api_keys where org_id = ${b.orgId} and revoked_at is null`;
    expect(row!.n).toBe(2);
  },
  createApiKey: async () => {
    const r = await asA('mutation { createApiKey(input: { name: "isolation", role: VIEWER }) { key } }');
    const who = await rawGql(app, r.data.createApiKey.key, '{ viewer { organization { id } } }');
    expect(who.data.viewer.organization.id).toBe(a.orgId);
  },
  createSchedule: async () => {
    // B's agent and environment names are unknown here, worded exactly as names that never existed.
    const foreign = await asA('mutation($e: String, $ag: [String!]) { createSchedule(input: { type: "soc2", frequency: WEEKLY, dayOfWeek: 1, environment: $e, agentIds: $ag }) { id } }', { e: b.environment, ag: [b.agent] });
    const never = await asA('mutation($e: String, $ag: [String!]) { createSchedule(input: { type: "soc2", frequency: WEEKLY, dayOfWeek: 1, environment: $e, agentIds: $ag }) { id } }', { e: 'never-env', ag: ['never-agent'] });
    expect(errorCodes(foreign)).toEqual(errorCodes(never));
    expect(foreign.data ?? null).toEqual(never.data ?? null);
    await bUnchanged();
  },
  generateReport: async () => {
    const input = (environment: string, agent: string) => ({ input: { type: 'soc2', environment, agentIds: [agent] } });
    const foreign = await asA('mutation($input: GenerateReportInput!) { generateReport(input: $input) { id } }', input(b.environment, b.agent));
    const never = await asA('mutation($input: GenerateReportInput!) { generateReport(input: $input) { id } }', input('never-env', 'never-agent'));
    expect(errorCodes(foreign)).toEqual(errorCodes(never));
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(foreign.errors).replaceAll(b.environment, 'X').replaceAll(b.agent, 'Y')).toBe(JSON.stringify(never.errors).replaceAll('never-env', 'X').replaceAll('never-agent', 'Y'));
  },
  createStorageTarget: async () => {
    const r = await asA('mutation { createStorageTarget(input: { name: "a archive", bucket: "a-bucket", accessKeyId: "AKIAA", secretAccessKey: "a-secret" }) { id } }');
    expect(r.errors).toBeUndefined();
    const [row] = await app.services.database.sql`select count(*)::int as n from storage_targets where org_id = ${b.orgId}`;
    expect(row!.n).toBe(1);
  },
  deleteStorageTarget: async () => {
    const foreign = await asA('mutation($id: ID!) { deleteStorageTarget(id: $id) { id } }', { id: bTarget });
    const never = await asA('mutation($id: ID!) { deleteStorageTarget(id: $id) { id } }', { id: randomUUID() });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(foreign.errors)).toBe(JSON.stringify(never.errors));
    const [row] = await app.services.database.sql`select count(*)::int as n from storage_targets where org_id = ${b.orgId}`;
    expect(row!.n).toBe(1);
  },
  requestDataExport: async () => {
    const input = (environment: string, agent: string) => ({ input: { kind: 'DECISIONS', format: 'CSV', environment, agentIds: [agent] } });
    const query = 'mutation($input: RequestDataExportInput!) { requestDataExport(input: $input) { id } }';
    const foreign = await asA(query, input(b.environment, b.agent));
    const never = await asA(query, input('never-env', 'never-agent'));
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(foreign.errors).replaceAll(b.environment, 'X').replaceAll(b.agent, 'Y')).toBe(JSON.stringify(never.errors).replaceAll('never-env', 'X').replaceAll('never-agent', 'Y'));
  },
  requestCompliancePackage: async () => {
    const input = (environment: string, agent: string, framework: string) => ({ input: { frameworks: ['soc2', framework], environment, agentIds: [agent] } });
    const query = 'mutation($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id } }';
    // B's environment and agent are unknown here, as are names that never existed; so is B's own framework.
    const foreign = await asA(query, input(b.environment, b.agent, 'governance'));
    const never = await asA(query, input('never-env', 'never-agent', 'governance'));
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(foreign.errors).replaceAll(b.environment, 'X').replaceAll(b.agent, 'Y')).toBe(JSON.stringify(never.errors).replaceAll('never-env', 'X').replaceAll('never-agent', 'Y'));
    const foreignType = await asA(query, { input: { frameworks: [b.framework] } });
    const neverType = await asA(query, { input: { frameworks: ['never_framework'] } });
    expect(errorCodes(foreignType)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(foreignType.errors).replaceAll(b.framework, 'T')).toBe(JSON.stringify(neverType.errors).replaceAll('never_framework', 'T'));
  },
  cancelCompliancePackage: async () => {
    await sameAsNonexistent('mutation($id: ID!) { cancelCompliancePackage(id: $id) { id status } }', 'id', bPackage);
    await bPackageUnchanged();
  },
  deleteCompliancePackage: async () => {
    await sameAsNonexistent('mutation($id: ID!) { deleteCompliancePackage(id: $id) { id } }', 'id', bPackage);
    await bPackageUnchanged();
  },
  cancelDataExport: async () => {
    await sameAsNonexistent('mutation($id: ID!) { cancelDataExport(id: $id) { id status } }', 'id', bExport);
    await bExportUnchanged();
  },
  deleteDataExport: async () => {
    await sameAsNonexistent('mutation($id: ID!) { deleteDataExport(id: $id) { id } }', 'id', bExport);
    await bExportUnchanged();
  },
  ingestAuditEvents: async () => {
    // B's client ids are new ids here: nothing of B's idempotency keys is visible.
    const r = await asA('mutation($events: [AuditEventInput!]!) { ingestAuditEvents(events: $events) { accepted duplicates } }', {
      events: [{ id: 'shared-1', occurredAt: '2026-10-05T00:00:00Z', category: 'admin', action: 'isolation.probe' }],
    });
    // A holds shared-1 already (its own ingest), so it is A's duplicate; a B-only id is accepted.
    expect(r.data.ingestAuditEvents).toEqual({ accepted: 0, duplicates: 1 });
    await app.services.database.sql`insert into audit_events (org_id, client_id, occurred_at, category, action) values (${b.orgId}, 'only-in-b', now(), 'admin', 'x')`;
    const onlyB = await asA('mutation($events: [AuditEventInput!]!) { ingestAuditEvents(events: $events) { accepted duplicates } }', {
      events: [{ id: 'only-in-b', occurredAt: '2026-10-05T00:00:00Z', category: 'admin', action: 'isolation.probe' }],
    });
    expect(onlyB.data.ingestAuditEvents).toEqual({ accepted: 1, duplicates: 0 });
    await app.services.database.sql`delete from audit_events where org_id = ${b.orgId} and client_id = 'only-in-b'`;
  },
  createFramework: async () => {
    // B's type is free in A: each organisation's frameworks are its own.
    const own = (await rawGql(app, b.adminKey, 'query($t: String!) { framework(type: $t) { type } }', { t: b.framework })).data.framework;
    expect(own.type).toBe(b.framework);
    const r = await asA('mutation($d: JSON!) { createFramework(definition: $d) { type } }', {
      d: { ...JSON.parse(JSON.stringify((await import('../examples/frameworks/ai-oversight.json', { with: { type: 'json' } })).default)), type: b.framework },
    });
    expect(r.errors).toBeUndefined();
    await asA('mutation($t: String!) { deleteFramework(type: $t) { type } }', { t: b.framework });
    expect((await rawGql(app, b.adminKey, 'query($t: String!) { framework(type: $t) { type } }', { t: b.framework })).data.framework.type).toBe(b.framework);
  },
  updateFramework: async () => {
    const foreign = await asA('mutation($t: String!) { updateFramework(type: $t, definition: {}) { type } }', { t: b.framework });
    const never = await asA('mutation($t: String!) { updateFramework(type: $t, definition: {}) { type } }', { t: 'never_framework' });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    expect(errorCodes(foreign)).toEqual(errorCodes(never));
  },
  deleteFramework: async () => {
    await sameAsNonexistentType('mutation($t: String!) { deleteFramework(type: $t) { type } }');
    expect((await rawGql(app, b.adminKey, 'query($t: String!) { framework(type: $t) { type } }', { t: b.framework })).data.framework.type).toBe(b.framework);
  },
  updatePostureSettings: async () => {
    // B's framework is unknown here, worded exactly as a type that never existed; B's settings stay.
    const query = 'mutation($f: [String!]) { updatePostureSettings(input: { frameworks: $f }) { windowDays } }';
    const foreign = await asA(query, { f: ['soc2', b.framework] });
    const never = await asA(query, { f: ['soc2', 'never_framework'] });
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(foreign.errors).replaceAll(b.framework, 'T')).toBe(JSON.stringify(never.errors).replaceAll('never_framework', 'T'));
    const own = await rawGql(app, b.adminKey, '{ posture { windowDays frameworks { framework } } }');
    expect(own.data.posture).toEqual({ windowDays: 120, frameworks: [{ framework: 'soc2' }, { framework: b.framework }] });
  },
  updateOrganizationSettings: async () => {
    const r = await asA('mutation { updateOrganizationSettings(input: { retentionDays: 30 }) { retentionDays } }');
    expect(r.data.updateOrganizationSettings).toEqual({ retentionDays: 30 });
    const [row] = await app.services.database.sql`select retention_days from organizations where id = ${a.orgId}`;
    expect(row!.retention_days).toBe(30);
    await bUnchanged();
  },
};

const SUBSCRIPTIONS: Record<string, Case> = {
  postureChanges: async () => {
    const query = 'subscription { postureChanges { framework checkId to } }';
    const listening = sse(query, {}, a.adminKey, (t) => t.includes('"framework":"governance"'), 10_000);
    await until(() => app.services.posture.subscriberCount === 1, 'the subscription', 5_000);
    // B starts following ISO 27001, then A governance; each framework's first evaluation (over nothing) is its
    // baseline, the next (over the trail) moves its checks: every such move is a change, and A hears only its own.
    for (const [org, framework] of [[b, 'iso27001'], [a, 'governance']] as const) {
      await app.services.database.sql`update posture_settings set frameworks = frameworks || ${framework}::text where org_id = ${org.orgId}`;
      await evaluatePosture(app.services, org.orgId, { upto: 0 });
      await evaluatePosture(app.services, org.orgId);
    }
    const text = await listening;
    expect(text).toContain('"framework":"governance"');
    expect(text).not.toContain('iso27001');
    expectNothingOfB(text);
  },
  reportProgress: async () => {
    const query = 'subscription($id: ID!) { reportProgress(id: $id) { reportId status } }';
    const done = (t: string) => t.includes('event: complete');
    const foreign = await sse(query, { id: b.ids.report }, a.adminKey, done);
    const never = await sse(query, { id: nonexistent(b.ids.report) }, a.adminKey, done);
    expect(foreign).toContain('NOT_FOUND');
    expect(answerOf(foreign)).toBe(answerOf(never));
    expect(foreign).not.toContain(b.reportUuid);
  },
  compliancePackageProgress: async () => {
    const query = 'subscription($id: ID!) { compliancePackageProgress(id: $id) { packageId status } }';
    const done = (t: string) => t.includes('event: complete');
    const foreign = await sse(query, { id: bPackage }, a.adminKey, done);
    const never = await sse(query, { id: nonexistent(bPackage) }, a.adminKey, done);
    expect(foreign).toContain('NOT_FOUND');
    expect(answerOf(foreign)).toBe(answerOf(never));
  },
  dataExportProgress: async () => {
    const query = 'subscription($id: ID!) { dataExportProgress(id: $id) { exportId status } }';
    const done = (t: string) => t.includes('event: complete');
    const foreign = await sse(query, { id: bExport }, a.adminKey, done);
    const never = await sse(query, { id: nonexistent(bExport) }, a.adminKey, done);
    expect(foreign).toContain('NOT_FOUND');
    expect(answerOf(foreign)).toBe(answerOf(never));
  },
  reportUpdates: async () => {
    const query = 'subscription { reportUpdates { reportId status } }';
    // NOTIFY keeps order: once A's change arrived, a leaked earlier change of B's would be here too.
    const listening = sse(query, {}, a.adminKey, (t) => t.includes('PENDING'), 6_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // A change of B's, then one of A's: A's subscriber hears only its own.
    await rawGql(app, b.adminKey, 'mutation($id: ID!) { regenerateReport(id: $id) { id } }', { id: b.ids.report });
    await rawGql(app, a.adminKey, 'mutation($id: ID!) { regenerateReport(id: $id) { id } }', { id: a.ids.report });
    const text = await listening;
    expect(text).toContain('PENDING');
    const reportIds = [...text.matchAll(/"reportId":"([^"]+)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
    expect(reportIds.length).toBeGreaterThan(0);
    const bReports = (await app.services.database.sql`select id from reports where org_id = ${b.orgId}`).map((r) => `Report:${r.id}`);
    for (const id of reportIds) expect(bReports).not.toContain(id);
  },
};

describe('tenant isolation', () => {
  it('has a case for every root field of the served schema', async () => {
    const fields = await rootFields(app, a.adminKey);
    expect(Object.keys(QUERIES).sort()).toEqual(fields.query);
    expect(Object.keys(MUTATIONS).sort()).toEqual(fields.mutation);
    expect(Object.keys(SUBSCRIPTIONS).sort()).toEqual(fields.subscription);
  });

  for (const [name, run] of Object.entries(QUERIES)) it(`query ${name}`, run);
  for (const [name, run] of Object.entries(MUTATIONS)) it(`mutation ${name}`, run);
  for (const [name, run] of Object.entries(SUBSCRIPTIONS)) it(`subscription ${name}`, run);

  describe('HTTP routes', () => {
    it('GET /reports/:id/download answers B\'s report exactly like one that never existed', async () => {
      for (const format of ['json', 'csv', 'pdf', 'bundle']) {
        const foreign = await app.fetch(`/reports/${b.ids.report}/download?format=${format}`, { key: a.adminKey });
        const never = await app.fetch(`/reports/${nonexistent(b.ids.report)}/download?format=${format}`, { key: a.adminKey });
        const foreignUuid = await app.fetch(`/reports/${b.reportUuid}/download?format=${format}`, { key: a.adminKey });
        expect(foreign.status).toBe(404);
        expect(foreignUuid.status).toBe(404);
        expect(never.status).toBe(404);
        const [fb, nb] = [await foreign.text(), await never.text()];
        // The message echoes the id that was asked for, nothing else.
        expect(fb.replace(b.ids.report, 'ID')).toBe(nb.replace(/Report \S+ was/, 'Report ID was'));
        expect(fb).not.toContain(`${b.tag} report`);
      }
    });

    it('GET /exports/:id/download and /manifest answer B\'s export exactly like one that never existed', async () => {
      for (const path of ['download', 'download?as=bundle', 'manifest']) {
        const foreign = await app.fetch(`/exports/${encodeURIComponent(bExport)}/${path}`, { key: a.adminKey });
        const never = await app.fetch(`/exports/${encodeURIComponent(nonexistent(bExport))}/${path}`, { key: a.adminKey });
        expect(foreign.status).toBe(404);
        expect(never.status).toBe(404);
        expect(await foreign.text()).toBe(await never.text());
      }
    });

    it("GET /packages/:id/download answers B's package exactly like one that never existed", async () => {
      for (const file of ['pdf', 'zip']) {
        const foreign = await app.fetch(`/packages/${encodeURIComponent(bPackage)}/download?file=${file}`, { key: a.adminKey });
        const never = await app.fetch(`/packages/${encodeURIComponent(nonexistent(bPackage))}/download?file=${file}`, { key: a.adminKey });
        const foreignUuid = await app.fetch(`/packages/${Buffer.from(bPackage, 'base64').toString('utf8').split(':')[1]}/download?file=${file}`, { key: a.adminKey });
        expect(foreign.status).toBe(404);
        expect(foreignUuid.status).toBe(404);
        expect(never.status).toBe(404);
        expect(await foreign.text()).toBe(await never.text());
      }
    });

    it('POST /ingest stores into the key\'s organisation only, and B\'s client ids are new there', async () => {
      const line = JSON.stringify({ id: 'only-b-http', occurredAt: '2026-10-06T00:00:00Z', category: 'admin', action: 'isolation.http' });
      await app.services.database.sql`insert into audit_events (org_id, client_id, occurred_at, category, action) values (${b.orgId}, 'only-b-http', now(), 'admin', 'x')`;
      const response = await app.fetch('/ingest', { method: 'POST', key: a.adminKey, body: line, headers: { 'content-type': 'application/x-ndjson' } });
      expect(await response.json()).toMatchObject({ accepted: 1, duplicates: 0 });
      const rows = await app.services.database.sql`select org_id from audit_events where client_id = 'only-b-http' order by org_id`;
      expect(rows.map((r) => r.org_id).sort()).toEqual([a.orgId, b.orgId].sort());
    });

    it('/shared/:token serves only its own report, whatever key is sent', async () => {
      const page = await app.fetch(`/shared/${b.shareToken}`, { key: a.adminKey });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`${b.tag} report`);
      expect(html).not.toContain(`${a.tag} report`);
      const unknown = await app.fetch(`/shared/${'x'.repeat(b.shareToken.length)}`);
      expect(unknown.status).toBe(404);
    });
  });
});
