/**
 * Share links to data exports and compliance packages, through the real
 * server with real workers: the page and the files byte for byte as the
 * signed records name them, the password and its lock-out, expiry,
 * revocation and withdrawal, the audit trail, bad input, and isolation
 * between organisations.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { CreateDataExportShareLinkInput } from '../client/graphql.ts';
import { auditEvents, shareLinks } from '../src/db/schema.ts';
import { closePdfRenderer } from '../src/render/pdf.ts';
import { readZip } from '../src/render/zip-reader.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/until.ts';

const RequestExport = graphql(`
  mutation ShareExportRequest($input: RequestDataExportInput!) { requestDataExport(input: $input) { id } }
`);
const RequestPackage = graphql(`
  mutation SharePackageRequest($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id } }
`);
const ExportState = graphql(`
  query ShareExportState($id: ID!) { node(id: $id) { ... on DataExport { id status sha256 sizeBytes signatureKeyId } } }
`);
const PackageState = graphql(`
  query SharePackageState($id: ID!) { node(id: $id) { ... on CompliancePackage { id status error downloads { file sha256 sizeBytes } } } }
`);
const ShareExport = graphql(`
  mutation ShareExportLink($input: CreateDataExportShareLinkInput!) {
    createDataExportShareLink(input: $input) { url password shareLink { id exportFiles packageFiles formats passwordProtected state report { id } dataExport { id } compliancePackage { id } } }
  }
`);
const SharePackage = graphql(`
  mutation SharePackageLink($input: CreateCompliancePackageShareLinkInput!) {
    createCompliancePackageShareLink(input: $input) { url password shareLink { id packageFiles state compliancePackage { id } } }
  }
`);
const LinksOf = graphql(`
  query ShareLinksOfTarget($exportId: ID, $packageId: ID, $reportId: ID) {
    shareLinks(dataExportId: $exportId, compliancePackageId: $packageId, reportId: $reportId) { id useCount exportFiles packageFiles }
  }
`);
const Revoke = graphql(`
  mutation ShareExportRevoke($id: ID!) { revokeShareLink(id: $id) { id state } }
`);
const DeleteExport = graphql(`
  mutation ShareExportDelete($id: ID!) { deleteDataExport(id: $id) { id } }
`);

const PERIOD = { start: '2026-05-04T00:00:00Z', end: '2026-05-11T00:00:00Z' };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const uuidOf = (gid: string) => Buffer.from(gid, 'base64').toString('utf8').split(':')[1]!;
const pathOf = (url: string) => new URL(url).pathname;

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
let other: Awaited<ReturnType<TestApp['newOrg']>>;
let exportNode: { id: string; status: string; sha256: string; sizeBytes: number; signatureKeyId: string };
let packageNode: { id: string; status: string; downloads: Array<{ file: string; sha256: string; sizeBytes: number }> };

async function finished<T extends { status: string }>(key: string, doc: typeof ExportState | typeof PackageState, id: string): Promise<T> {
  return until(async () => {
    const node = (await app.gql(key, doc as typeof ExportState, { id })).data?.node as unknown as T | null;
    return node && ['COMPLETED', 'FAILED'].includes(node.status) ? node : undefined;
  }, 'the job to finish', 240_000);
}

async function shareExport(input: Record<string, unknown> = {}, key = org.adminKey) {
  return app.gql(key, ShareExport, { input: { dataExportId: exportNode.id, expiresInHours: 24, ...input } as CreateDataExportShareLinkInput });
}

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await app.fetch(path, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};
const post = (path: string, password: string, address: string) =>
  app.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address }, body: new URLSearchParams({ password }).toString() });

async function serviceEvents(action: string) {
  return app.services.database.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, action)));
}

beforeAll(async () => {
  // Behind a trusted proxy the client address is X-Forwarded-For's last entry: the lock-out is per address.
  app = await startTestApp({ jobs: 'work', env: { TRUST_PROXY: 'true' } });
  org = await app.newOrg('Share files');
  other = await app.newOrg('Other');
  const events = Array.from({ length: 60 }, (_, i) => ({
    id: `s-${i}`,
    occurredAt: new Date(Date.parse(PERIOD.start) + i * 3_600_000).toISOString(),
    environment: 'production',
    agentId: `agent-${i % 3}`,
    actor: { type: 'agent', id: `agent-${i % 3}` },
    category: 'policy_decision',
    action: 'tool.invoke',
    decision: ['allow', 'deny', 'hold'][i % 3],
    policyId: 'pol-1',
  }));
  const ingested = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: events.map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  expect(ingested.status).toBe(200);
  const exp = await app.gql(org.adminKey, RequestExport, { input: { kind: 'DECISIONS', format: 'CSV', period: PERIOD } });
  const pkg = await app.gql(org.adminKey, RequestPackage, { input: { frameworks: ['governance'], period: PERIOD, exportKinds: ['DECISIONS'], exportFormat: 'CSV', title: 'Shared pack' } });
  expect(exp.errors ?? pkg.errors).toBeUndefined();
  exportNode = await finished(org.adminKey, ExportState, exp.data!.requestDataExport.id);
  packageNode = await finished(org.adminKey, PackageState, pkg.data!.requestCompliancePackage.id);
  expect([exportNode.status, packageNode.status]).toEqual(['COMPLETED', 'COMPLETED']);
}, 300_000);
afterAll(async () => {
  await closePdfRenderer();
  await app.close();
});

describe('a share link to a data export', () => {
  it('serves a page naming the export and its signing key, and the file and bundle exactly as signed; every use is recorded', async () => {
    const created = await shareExport({ files: ['FILE', 'BUNDLE'] });
    expect(created.errors).toBeUndefined();
    const { url, password, shareLink } = created.data!.createDataExportShareLink;
    expect(password).toBeNull();
    expect(shareLink).toMatchObject({ exportFiles: ['FILE', 'BUNDLE'], packageFiles: [], formats: [], report: null, dataExport: { id: exportNode.id }, compliancePackage: null, state: 'ACTIVE' });

    const page = await get(pathOf(url));
    expect(page.response.status).toBe(200);
    expect(page.response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const html = page.bytes.toString('utf8');
    expect(html).toContain('Data export: Gateway decisions');
    expect(html).toContain(exportNode.sha256);
    expect(html).toContain(exportNode.signatureKeyId);
    expect(html).toContain('BEGIN PUBLIC KEY');

    const file = await get(`${pathOf(url)}/download?format=file`);
    expect(file.response.status).toBe(200);
    expect(file.response.headers.get('cache-control')).toBe('no-store');
    expect(file.response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(sha256(file.bytes)).toBe(exportNode.sha256);
    expect(file.bytes.length).toBe(exportNode.sizeBytes);

    const bundle = await get(`${pathOf(url)}/download?format=bundle`);
    const entries = await readZip(bundle.bytes);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'manifest.sig', 'signature.json']));
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data!.toString('utf8'));
    expect(JSON.stringify(manifest)).toContain(exportNode.sha256);

    // A report format, or a file this link does not share, is refused.
    expect((await get(`${pathOf(url)}/download?format=pdf`)).response.status).toBe(404);
    // An export has no findings to page through.
    expect((await get(`${pathOf(url)}/findings/1`)).response.status).toBe(404);

    const [row] = await app.services.database.db.select().from(shareLinks).where(eq(shareLinks.id, shareLink.id));
    expect(row!.useCount).toBe(3);
    const uses = (await serviceEvents('share_link.used')).filter((e) => (e.attributes as { shareLinkId?: string }).shareLinkId === shareLink.id);
    expect(uses.map((e) => e.resource)).toEqual(Array(3).fill(`export:${uuidOf(exportNode.id)}`));
    expect((await serviceEvents('export.shared')).map((e) => e.resource)).toContain(`export:${uuidOf(exportNode.id)}`);

    const listed = await app.gql(org.adminKey, LinksOf, { exportId: exportNode.id });
    expect(listed.data!.shareLinks).toContainEqual({ id: shareLink.id, useCount: 3, exportFiles: ['FILE', 'BUNDLE'], packageFiles: [] });
  });

  it('serves only the files it names', async () => {
    const { url } = (await shareExport({ files: ['BUNDLE'] })).data!.createDataExportShareLink;
    expect((await get(`${pathOf(url)}/download?format=file`)).response.status).toBe(404);
    expect((await get(`${pathOf(url)}/download?format=bundle`)).response.status).toBe(200);
  });

  it('answers 410 once revoked, expired, or the export is deleted', async () => {
    const revoked = (await shareExport()).data!.createDataExportShareLink;
    expect((await app.gql(org.adminKey, Revoke, { id: revoked.shareLink.id })).data!.revokeShareLink.state).toBe('REVOKED');
    expect((await get(pathOf(revoked.url))).response.status).toBe(410);
    expect((await get(`${pathOf(revoked.url)}/download?format=file`)).response.status).toBe(410);

    const expired = (await shareExport()).data!.createDataExportShareLink;
    await app.services.database.db.update(shareLinks).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(shareLinks.id, expired.shareLink.id));
    const page = await get(pathOf(expired.url));
    expect(page.response.status).toBe(410);
    expect(page.bytes.toString('utf8')).toContain('Link expired');

    // A second export, shared then deleted: the link tells the holder it was withdrawn.
    const second = await app.gql(org.adminKey, RequestExport, { input: { kind: 'DECISIONS', format: 'NDJSON', period: PERIOD } });
    const done = await finished<{ id: string; status: string }>(org.adminKey, ExportState, second.data!.requestDataExport.id);
    const link = (await shareExport({ dataExportId: done.id })).data!.createDataExportShareLink;
    expect((await app.gql(org.adminKey, DeleteExport, { id: done.id })).errors).toBeUndefined();
    const gone = await get(`${pathOf(link.url)}/download?format=file`);
    expect(gone.response.status).toBe(410);
    expect(gone.bytes.toString('utf8')).toContain('Data export withdrawn');
  });

  it('refuses bad input by field: redaction, a lifetime out of range, an export not completed', async () => {
    const redacted = await shareExport({ redaction: 'PSEUDONYMISE' });
    expect(redacted.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'redaction' });
    const long = await shareExport({ expiresInHours: 721 });
    expect(long.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresInHours' });
    const both = await app.gql(org.adminKey, LinksOf, { exportId: exportNode.id, packageId: packageNode.id });
    expect(both.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const [pending] = await app.services.database.sql`insert into data_exports (org_id, kind, format, status, period_start, period_end, created_by) values (${org.orgId}, 'decisions', 'csv', 'pending', ${PERIOD.start}, ${PERIOD.end}, 'test') returning id`;
    const early = await shareExport({ dataExportId: Buffer.from(`DataExport:${pending!.id}`).toString('base64') });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataExportId' });
    expect(early.errors![0]!.message).toContain('Only a completed data export can be shared; this one is pending.');
  });

  it("another organisation's export is NOT_FOUND exactly like one that does not exist, and gets no link", async () => {
    const foreign = await shareExport({}, other.adminKey);
    const missing = await shareExport({ dataExportId: Buffer.from('DataExport:00000000-0000-4000-8000-000000000000').toString('base64') }, other.adminKey);
    expect(foreign.errors!.map((e) => [e.extensions!.code, e.message])).toEqual(missing.errors!.map((e) => [e.extensions!.code, e.message]));
    expect(foreign.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const listed = await app.gql(other.adminKey, LinksOf, { exportId: exportNode.id });
    expect(listed.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const [count] = await app.services.database.sql`select count(*)::int as n from share_links where org_id = ${other.orgId}`;
    expect(count!.n).toBe(0);
  });
});

describe('a share link to a compliance package', () => {
  it('asks for the password, locks an address out after five wrong ones, and serves the PDF and zip as signed', async () => {
    const created = await app.gql(org.adminKey, SharePackage, { input: { compliancePackageId: packageNode.id, expiresInHours: 2, passwordProtected: true } });
    expect(created.errors).toBeUndefined();
    const { url, password, shareLink } = created.data!.createCompliancePackageShareLink;
    expect(shareLink).toMatchObject({ packageFiles: ['PDF', 'ZIP'], compliancePackage: { id: packageNode.id } });
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const path = pathOf(url);

    const form = await get(path);
    expect(form.bytes.toString('utf8')).toContain('protected by a password');
    expect(form.bytes.toString('utf8')).not.toContain('Shared pack');
    expect((await get(`${path}/download?format=zip`)).response.status).toBe(401);

    for (let i = 1; i <= 4; i++) expect((await post(path, 'wrong', '198.51.100.1')).status).toBe(401);
    expect((await post(path, 'wrong', '198.51.100.1')).status).toBe(423);
    expect((await post(path, password!, '198.51.100.1')).status).toBe(423);
    expect((await serviceEvents('share_link.password_failed')).filter((e) => e.resource === `package:${uuidOf(packageNode.id)}`)).toHaveLength(5);

    const opened = await post(path, password!, '198.51.100.2');
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const page = (await get(path, { cookie })).bytes.toString('utf8');
    expect(page).toContain('Shared pack');
    expect(page).toContain('governance');
    for (const d of packageNode.downloads) {
      const file = await get(`${path}/download?format=${d.file.toLowerCase()}`, { cookie });
      expect(file.response.status).toBe(200);
      expect(sha256(file.bytes)).toBe(d.sha256);
    }
    expect((await get(`${path}/download?format=file`, { cookie })).response.status).toBe(404);
    expect((await serviceEvents('package.shared')).map((e) => e.resource)).toContain(`package:${uuidOf(packageNode.id)}`);
    const listed = await app.gql(org.adminKey, LinksOf, { packageId: packageNode.id });
    expect(listed.data!.shareLinks).toEqual([{ id: shareLink.id, useCount: 3, exportFiles: [], packageFiles: ['PDF', 'ZIP'] }]);
  });

  it("another organisation's package is NOT_FOUND exactly like one that does not exist", async () => {
    const ask = (id: string) => app.gql(other.adminKey, SharePackage, { input: { compliancePackageId: id, expiresInHours: 2 } });
    const foreign = await ask(packageNode.id);
    const missing = await ask(Buffer.from('CompliancePackage:00000000-0000-4000-8000-000000000000').toString('base64'));
    expect(foreign.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(foreign.errors!.map((e) => e.message)).toEqual(missing.errors!.map((e) => e.message));
  });
});
