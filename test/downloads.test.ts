/**
 * `GET /reports/:id/download` through the real server: formats, names,
 * ETags, roles, organisations, report states, lazy rendering, the evidence
 * bundle and the audit trail of downloads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, reportArtifacts, reports } from '../src/db/schema.ts';
import { listDownloads } from '../src/render/artifacts.ts';
import { closePdfRenderer } from '../src/render/pdf.ts';
import { readZip } from '../src/render/zip-reader.ts';
import { verifyReportFile } from '../src/cli/verify.ts';
import type { ReportContent } from '../src/reports/generate.ts';
import { completedReport, generatingReport } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { graphql } from '../client/gql.ts';

const ReportDownloads = graphql(`
  query ReportDownloads($id: ID!) {
    report(id: $id) { status downloads { format url sizeBytes sha256 pageCount } }
  }
`);

const reportGlobalId = (id: string) => Buffer.from(`Report:${id}`).toString('base64');

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
let reportId: string;
let auditorKey: string;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.newOrg('Downloads');
  auditorKey = await org.key('auditor');
  reportId = await completedReport(app.services, org.orgId);
});
afterAll(async () => {
  await closePdfRenderer();
  await app.close();
});

const download = (id: string, format: string, key?: string, headers: Record<string, string> = {}) =>
  app.fetch(`/reports/${id}/download?format=${format}`, { key: key ?? auditorKey, headers });

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const NAME = (ext: string) => new RegExp(`^attachment; filename="soc2-2026-10-01-2026-10-31-${reportId.slice(0, 8)}${ext.replace(/\./g, '\\.')}"`);

describe('downloads', () => {
  it('serves every format with its content type, file name and ETag, rendering on first request', async () => {
    // No artifact exists yet: the first request renders, nothing depends on the worker having done it.
    const [{ n: before }] = (await app.services.database.db.select({ n: sql<number>`count(*)::int` }).from(reportArtifacts).where(eq(reportArtifacts.reportId, reportId))) as [{ n: number }];
    expect(before).toBe(0);
    const expected = {
      json: ['application/json', '.json'],
      csv: ['application/zip', '-csv.zip'],
      md: ['text/markdown; charset=utf-8', '.md'],
      pdf: ['application/pdf', '.pdf'],
      oscal: ['application/json', '-oscal.json'],
    } as const;
    for (const [format, [type, ext]] of Object.entries(expected)) {
      const response = await download(reportId, format);
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-disposition')).toMatch(NAME(ext));
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('etag')).toBe(`"${sha256(body)}"`);
      expect(Number(response.headers.get('content-length'))).toBe(body.length);
    }
    const pdf = await download(reportId, 'pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    expect(Number(pdf.headers.get('x-page-count'))).toBeGreaterThan(3);

    const downloads = await listDownloads(app.services, org.orgId, reportId);
    expect(downloads.map((d) => d.format)).toEqual(['json', 'csv', 'md', 'pdf', 'oscal', 'bundle']);
    const json = downloads.find((d) => d.format === 'json')!;
    expect(json.url).toBe(`/reports/${reportId}/download?format=json`);
    expect(json.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(downloads.find((d) => d.format === 'pdf')!.pageCount).toBeGreaterThan(3);
    expect(downloads.find((d) => d.format === 'bundle')!.sha256).toBeNull();
  });

  it('answers 304 to a matching If-None-Match, and keeps the first rendering (stable ETag)', async () => {
    const first = await download(reportId, 'pdf');
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    const again = await download(reportId, 'pdf', undefined, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await download(reportId, 'pdf')).headers.get('etag')).toBe(etag);
  });

  it('records every download in the service\'s own audit trail', async () => {
    const response = await download(reportId, 'md');
    await response.arrayBuffer();
    const rows = await app.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, 'report.downloaded'), sql`${auditEvents.attributes}->>'format' = 'md'`));
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toMatchObject({ category: 'admin', actorType: 'service', attributes: expect.objectContaining({ reportId, format: 'md' }) });
  });

  it('refuses viewers and ingest keys (403) and requests without a key (401)', async () => {
    for (const role of ['viewer', 'ingest'] as const) {
      const response = await download(reportId, 'json', await org.key(role));
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe('FORBIDDEN');
    }
    expect((await app.fetch(`/reports/${reportId}/download?format=json`)).status).toBe(401);
    expect((await download(reportId, 'json', org.adminKey)).status).toBe(200);
  });

  it('answers 404 with the same body for another organisation\'s report, an unknown id and a malformed id', async () => {
    const other = await app.newOrg('Other');
    const foreign = await download(reportId, 'json', other.adminKey);
    const unknown = await download('00000000-0000-4000-8000-000000000000', 'json', other.adminKey);
    const malformed = await download('not-a-uuid', 'json', other.adminKey);
    expect([foreign.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
    const strip = (body: { error: { code: string; message: string } }) => ({ code: body.error.code, message: body.error.message.replace(/Report \S+/, 'Report X') });
    const bodies = await Promise.all([foreign.json(), unknown.json(), malformed.json()]);
    expect(strip(bodies[0])).toEqual(strip(bodies[1]));
    expect(strip(bodies[0])).toEqual(strip(bodies[2]));
    expect(JSON.stringify(bodies[0])).not.toContain('Downloads');
  });

  it('takes the report\'s global id (what Report.id answers) as well as its UUID, encoded or not', async () => {
    const byUuid = await download(reportId, 'json');
    const etag = byUuid.headers.get('etag');
    const globalId = reportGlobalId(reportId);
    expect(globalId).toMatch(/=$/); // padding, which encodeURIComponent encodes
    for (const id of [globalId, encodeURIComponent(globalId)]) {
      const response = await download(id, 'json');
      expect(response.status, id).toBe(200);
      expect(response.headers.get('etag')).toBe(etag);
    }
    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, reportId));
    const finding = (row!.content as ReportContent).findings.find((f) => f.evidenceCount > 0)!;
    const evidence = await app.fetch(`/reports/${encodeURIComponent(globalId)}/findings/${finding.ordinal}/evidence`, { key: auditorKey });
    expect(evidence.status).toBe(200);
    expect((await evidence.text()).trim().split('\n')).toHaveLength(finding.evidenceCount);
  });

  it('answers a JSON 4xx with a code, never a 500, for another type\'s global id or garbage', async () => {
    // A real AuditEvent id, as the API hands it out.
    const [event] = await app.services.database.db.select({ seq: auditEvents.seq }).from(auditEvents).where(eq(auditEvents.orgId, org.orgId)).limit(1);
    const eventId = Buffer.from(`AuditEvent:${event!.seq}`).toString('base64');
    const wrongType = await download(encodeURIComponent(eventId), 'json');
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', message: expect.stringContaining('AuditEvent, not of a report') });

    const garbage = [
      '%E0%A4%A', // malformed percent-encoding
      encodeURIComponent(Buffer.from('Report:not-a-uuid').toString('base64')),
      encodeURIComponent(Buffer.from('Report:').toString('base64')),
      encodeURIComponent('Report:' + reportId), // not base64
      'UmVwb3J0', // base64 of "Report", no colon
      '%00',
      'x'.repeat(300),
    ];
    for (const id of garbage) {
      const response = await download(id, 'json');
      expect(response.status, id).toBe(404);
      expect(response.headers.get('content-type'), id).toMatch(/^application\/json/);
      expect((await response.json()).error.code, id).toBe('NOT_FOUND');
    }
    // Another organisation's report by its global id: the same 404 as an unknown one.
    const other = await app.newOrg('Other by global id');
    const foreign = await download(encodeURIComponent(reportGlobalId(reportId)), 'json', other.adminKey);
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe('NOT_FOUND');
  });

  it('answers 400 for an unknown format, naming the valid ones', async () => {
    const response = await download(reportId, 'docx');
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format', message: expect.stringContaining('json, csv, md, pdf, oscal, bundle') });
  });

  it('answers 409 while a report is not completed and 410 once it has expired', async () => {
    const pending = await generatingReport(app.services, org.orgId, 'in progress');
    const conflict = await download(pending, 'pdf');
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.message).toMatch(/is generating .*available once it is completed/);

    const expiring = await completedReport(app.services, org.orgId, { count: 20 });
    await app.services.database.db.update(reports).set({ status: 'expired', expiresAt: new Date('2027-01-30T00:00:00Z') }).where(eq(reports.id, expiring));
    const gone = await download(expiring, 'json');
    expect(gone.status).toBe(410);
    expect((await gone.json()).error).toMatchObject({ code: 'GONE', message: expect.stringContaining('has expired') });
  });
});

/**
 * The bundle README's commands, run as written with sha256sum and openssl (when the machine has
 * them): the key's fingerprint, both signatures, every file's hash; and a changed file is caught.
 */
async function checkWithStockTools(files: Map<string, Buffer>, keyId: string) {
  const readme = files.get('README.txt')!.toString();
  const fingerprint = /Key fingerprint:\s+([0-9a-f]{64})/.exec(readme)![1]!;
  expect(fingerprint.slice(0, 16)).toBe(keyId);
  const commands = [...readme.matchAll(/^ {5}((?:openssl|sha256sum) .+)$/gm)].map((m) => m[1]!);
  expect(commands).toHaveLength(4);
  const have = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0 || spawnSync(tool, ['version'], { encoding: 'utf8' }).status === 0;
  if (!have('openssl') || !have('sha256sum')) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  try {
    for (const [name, data] of files) writeFileSync(path.join(dir, name), data);
    const run = (command: string) => spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' });
    const [keyPrint, verifySums, verifyManifest, checkFiles] = commands.map(run);
    expect(keyPrint!.stdout.trim().split(/\s+/)[0]).toBe(fingerprint);
    expect(verifySums!.stdout, verifySums!.stderr).toContain('Signature Verified Successfully');
    expect(verifyManifest!.stdout, verifyManifest!.stderr).toContain('Signature Verified Successfully');
    expect(checkFiles!.status, checkFiles!.stdout + checkFiles!.stderr).toBe(0);
    expect(checkFiles!.stdout.trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);
    expect(checkFiles!.stdout).toContain('evidence.ndjson: OK');
    // The checks can fail: one changed byte in a file, or in the signed list.
    writeFileSync(path.join(dir, 'report.md'), Buffer.concat([files.get('report.md')!, Buffer.from(' ')]));
    expect(run(commands[3]!).status).not.toBe(0);
    writeFileSync(path.join(dir, 'SHA256SUMS'), files.get('SHA256SUMS')!.toString().replace(/^./, (c) => (c === '0' ? '1' : '0')));
    expect(run(commands[1]!).stdout).not.toContain('Signature Verified Successfully');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('evidence bundle', () => {
  it('streams a zip with every format, the evidence NDJSON, a manifest of hashes and its signature', async () => {
    const response = await download(reportId, 'bundle');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(NAME('-evidence-bundle.zip'));
    const zip = Buffer.from(await response.arrayBuffer());
    const files = new Map((await readZip(zip)).map((e) => [e.name, e.data!]));
    expect([...files.keys()].sort()).toEqual(
      ['README.txt', 'evidence.ndjson', 'manifest.json', 'manifest.sig', 'report-csv.zip', 'report-oscal.json', 'report.json', 'report.md', 'report.pdf', 'signature.json', 'public-key.pem', 'SHA256SUMS', 'SHA256SUMS.sig'].sort(),
    );
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    for (const f of manifest.files) {
      expect(sha256(files.get(f.path)!), f.path).toBe(f.sha256);
      expect(files.get(f.path)!.length).toBe(f.sizeBytes);
    }
    // The report files in the bundle are the very files the single downloads serve.
    const pdfEtag = (await download(reportId, 'pdf')).headers.get('etag');
    expect(`"${manifest.files.find((f: { path: string }) => f.path === 'report.pdf').sha256}"`).toBe(pdfEtag);

    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, reportId));
    const content = row!.content as ReportContent;
    const lines = files.get('evidence.ndjson')!.toString().trim().split('\n').map((l) => JSON.parse(l));
    const expectedCount = content.findings.reduce((n, f) => n + f.evidenceCount, 0);
    expect(lines).toHaveLength(expectedCount);
    expect(manifest.evidence.events).toBe(expectedCount);
    for (const f of content.findings) expect(lines.filter((l) => l.finding === f.ordinal)).toHaveLength(f.evidenceCount);
    const sample = lines.find((l) => l.event.tool?.name?.startsWith('<img'));
    expect(sample).toMatchObject({ controlId: expect.any(String), event: { sequence: expect.any(Number), receivedAt: expect.any(String), occurredAt: expect.any(String), category: 'policy_decision' } });
    // Within a finding, events come in (occurredAt, sequence) order.
    const firstFinding = lines.filter((l) => l.finding === lines[0].finding).map((l) => `${l.event.occurredAt}|${String(l.event.sequence).padStart(12, '0')}`);
    expect(firstFinding).toEqual([...firstFinding].sort());

    expect(await verifyReportFile(zip, 'bundle.zip')).toMatchObject({ ok: true, kind: 'bundle', keyIds: [row!.signatureKeyId] });
    await checkWithStockTools(files, row!.signatureKeyId!);
  });

  it('serves one finding\'s evidence as NDJSON at the link OSCAL observations carry', async () => {
    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, reportId));
    const finding = (row!.content as ReportContent).findings.find((f) => f.evidenceCount > 0)!;
    const response = await app.fetch(`/reports/${reportId}/findings/${finding.ordinal}/evidence`, { key: auditorKey });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(finding.evidenceCount);
    expect(lines.every((l) => l.finding === finding.ordinal)).toBe(true);
    expect((await app.fetch(`/reports/${reportId}/findings/${finding.ordinal}/evidence`, { key: await org.key('viewer') })).status).toBe(403);
    expect((await app.fetch(`/reports/${reportId}/findings/9999/evidence`, { key: auditorKey })).status).toBe(404);
  });
});

describe('Report.downloads', () => {
  it('lists every format with its URL, and size and hash once rendered; empty while not completed', async () => {
    const result = await app.gql(await org.key('viewer'), ReportDownloads, { id: reportGlobalId(reportId) });
    expect(result.errors).toBeUndefined();
    const downloads = result.data!.report!.downloads;
    expect(downloads.map((d) => d.format)).toEqual(['JSON', 'CSV', 'MD', 'PDF', 'OSCAL', 'BUNDLE']);
    const json = downloads.find((d) => d.format === 'JSON')!;
    const response = await download(reportId, 'json');
    const body = Buffer.from(await response.arrayBuffer());
    expect(json).toMatchObject({ url: `/reports/${reportId}/download?format=json`, sizeBytes: body.length, sha256: sha256(body), pageCount: null });

    const pending = await generatingReport(app.services, org.orgId, 'not yet');
    const none = await app.gql(org.adminKey, ReportDownloads, { id: reportGlobalId(pending) });
    expect(none.data!.report!.downloads).toEqual([]);
  });
});
