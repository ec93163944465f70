/**
 * Compliance packages end to end: requested over GraphQL, their reports and
 * exports built by the real pg-boss workers, the package assembled by its
 * own worker and followed live over SSE, the PDF printed by Chromium and the
 * zip checked offline (library and CLI), file by file against the parts'
 * own downloads; a tampered zip, a failed part, bad input and retention.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { getDocumentProxy } from 'unpdf';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { RequestCompliancePackageInput } from '../client/graphql.ts';
import { runPackageJob } from '../src/jobs/package-worker.ts';
import { runRetention } from '../src/jobs/retention.ts';
import { countPages } from '../src/render/pdf.ts';
import { verifyReportFile } from '../src/cli/verify.ts';
import { readZip } from '../src/render/zip-reader.ts';
import { collect } from '../src/render/zip.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { runCli } from './support/cli.ts';
import { readSse } from './support/two-orgs.ts';
import { until } from './support/until.ts';

const RequestPackage = graphql(`
  mutation PackageRequest($input: RequestCompliancePackageInput!) {
    requestCompliancePackage(input: $input) { id status title frameworks exportKinds exportFormat }
  }
`);
const GetPackage = graphql(`
  query PackageGet($id: ID!) {
    node(id: $id) {
      ... on CompliancePackage {
        id status error signature signatureKeyId expiresAt
        progress { percent stage message }
        period { start end }
        reports { id type status title downloads { format url pageCount } }
        dataExports { id kind status sha256 downloadUrl }
        downloads { file url sizeBytes sha256 pageCount }
      }
    }
  }
`);
const ListPackages = graphql(`
  query PackageList { compliancePackages(first: 10) { totalCount edges { node { id status } } } }
`);
const CreatePackageSchedule = graphql(`
  mutation PackageScheduleCreate($input: CreateScheduleInput!) {
    createSchedule(input: $input) { id type titleTemplate package { frameworks exportKinds exportFormat } }
  }
`);
const RunPackageSchedule = graphql(`
  mutation PackageScheduleRun($id: ID!) { runScheduleNow(id: $id) { id type } }
`);
const SchedulePackages = graphql(`
  query PackageSchedulePackages { schedules { id packages { id status title frameworks period { start end } reports { type } dataExports { kind format } } } }
`);
const ScheduleExportsList = graphql(`
  query ScheduleExportsList { schedules { id exports { kinds format } reports { id period { start end } } dataExports { kind format status period { start end } filters { environment } } } }
`);
const CancelPackage = graphql(`
  mutation PackageCancel($id: ID!) { cancelCompliancePackage(id: $id) { id status } }
`);
const CancelReport = graphql(`
  mutation PackagePartCancel($id: ID!) { cancelReport(id: $id) { id status } }
`);

const T0 = Date.parse('2026-05-04T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const PERIOD = { start: at(0), end: at(7 * 24 * 60) };

function events() {
  const list: Record<string, unknown>[] = [];
  const decisions = ['allow', 'deny', 'alert', 'hold'];
  for (let i = 0; i < 300; i++) {
    list.push({
      id: `p-${i}`,
      occurredAt: at(i * 30),
      environment: 'production',
      agentId: `agent-${i % 3}`,
      actor: { type: 'agent', id: `agent-${i % 3}` },
      category: 'policy_decision',
      action: 'tool.invoke',
      decision: decisions[i % 4],
      policyId: 'pol-1',
      tool: { name: `tool-${i % 5}`, tags: i % 5 ? [] : ['pii'] },
      severity: i % 7 ? 'info' : 'high',
    });
  }
  list.push({ id: 'c-1', occurredAt: at(700), environment: 'production', actor: { type: 'user', id: 'u-2' }, category: 'config_change', action: 'policy.updated', policyId: 'pol-1', resource: 'pol-1' });
  return list;
}

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
type PackageNode = {
  id: string;
  status: string;
  error: string | null;
  signatureKeyId: string;
  reports: Array<{ id: string; type: string; status: string; title: string; downloads: Array<{ format: string; url: string; pageCount: number | null }> }>;
  dataExports: Array<{ id: string; kind: string; sha256: string; downloadUrl: string }>;
  downloads: Array<{ file: string; url: string; sizeBytes: number; sha256: string; pageCount: number | null }>;
};
let pkg: PackageNode;
let zip: Buffer;
let pdf: Buffer;
let progressStream: string;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const get = async (url: string, key = org.adminKey) => {
  const response = await app.fetch(url.replace(/^https?:\/\/[^/]+/, ''), { key });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};
const node = async (id: string) => (await app.gql(org.adminKey, GetPackage, { id })).data!.node as unknown as PackageNode;

beforeAll(async () => {
  app = await startTestApp({ jobs: 'work' });
  org = await app.newOrg('Packages');
  const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: events().map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  expect(response.status).toBe(200);
  const r = await app.gql(org.adminKey, RequestPackage, {
    input: { frameworks: ['soc2', 'governance'], period: PERIOD, environment: 'production', exportKinds: ['DECISIONS', 'CONFIG_CHANGES'], exportFormat: 'NDJSON', title: 'Q2 audit pack' },
  });
  expect(r.errors).toBeUndefined();
  const id = r.data!.requestCompliancePackage.id;
  progressStream = await readSse(app, org.adminKey, 'subscription($id: ID!) { compliancePackageProgress(id: $id) { status percent stage message } }', { id }, {
    until: (text) => /COMPLETED|FAILED/.test(text),
    timeoutMs: 240_000,
  });
  pkg = await node(id);
  expect(pkg.error).toBeNull();
  zip = (await get(pkg.downloads.find((d) => d.file === 'ZIP')!.url)).bytes;
  pdf = (await get(pkg.downloads.find((d) => d.file === 'PDF')!.url)).bytes;
}, 300_000);
afterAll(() => app.close());

describe('a compliance package', () => {
  it('is built by a background job whose progress streams live, from its own reports and exports', () => {
    expect(progressStream).toContain('"stage":"waiting"');
    expect(progressStream).toContain('"stage":"rendering"');
    expect(progressStream).toContain('"status":"COMPLETED"');
    expect(pkg.status).toBe('COMPLETED');
    expect(pkg.reports.map((r) => [r.type, r.status])).toEqual([
      ['soc2', 'COMPLETED'],
      ['governance', 'COMPLETED'],
    ]);
    expect(pkg.dataExports.map((e) => e.kind)).toEqual(['DECISIONS', 'CONFIG_CHANGES']);
  });

  it('is one PDF: cover, one contents with page numbers, every report', async () => {
    const download = pkg.downloads.find((d) => d.file === 'PDF')!;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf)).toBe(download.sha256);
    expect(pdf.length).toBe(download.sizeBytes);
    expect(countPages(pdf)).toBe(download.pageCount);
    // Each report's own PDF is a cover, its contents page and its body; the package keeps one contents for all.
    const reportPages = pkg.reports.map((r) => r.downloads.find((d) => d.format === 'PDF')!.pageCount!);
    expect(download.pageCount).toBeGreaterThanOrEqual(2 + reportPages.reduce((s, n) => s + n - 1, 0));
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const text = async (n: number) => ((await (await doc.getPage(n)).getTextContent()).items as Array<{ str: string }>).map((i) => i.str).join(' ');
    expect(await text(1)).toContain('Q2 audit pack');
    const contents = await text(2);
    expect(contents).toContain('Contents');
    for (const r of pkg.reports) expect(contents).toContain(r.title);
    // The second report's entry names the page its cover is on.
    const second = new RegExp(`${pkg.reports[1]!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)`).exec(contents);
    expect(second).not.toBeNull();
    expect(await text(Number(second![1]))).toContain(pkg.reports[1]!.title);
    await doc.destroy();
  });

  it('is one zip whose signed manifest covers every report format, the exports and the PDF, each byte-identical to its own download', async () => {
    expect(sha256(zip)).toBe(pkg.downloads.find((d) => d.file === 'ZIP')!.sha256);
    const result = await verifyReportFile(zip, 'package.zip');
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, kind: 'package', keyIds: [pkg.signatureKeyId] });
    const files = new Map((await readZip(zip)).map((e) => [e.name, e.data!]));
    expect(files.get('package.pdf')!.equals(pdf)).toBe(true);
    for (const [i, r] of pkg.reports.entries()) {
      const folder = `reports/0${i + 1}-${r.type}/`;
      for (const [format, name] of [['JSON', 'report.json'], ['PDF', 'report.pdf'], ['MD', 'report.md'], ['CSV', 'report-csv.zip'], ['OSCAL', 'report-oscal.json']] as const) {
        const own = (await get(r.downloads.find((d) => d.format === format)!.url)).bytes;
        expect(files.get(`${folder}${name}`)!.equals(own), `${folder}${name}`).toBe(true);
      }
    }
    for (const e of pkg.dataExports) {
      const own = (await get(e.downloadUrl)).bytes;
      const inZip = [...files.entries()].find(([name, data]) => name.startsWith('exports/') && !name.includes('.manifest.') && data.equals(own));
      expect(inZip, e.kind).toBeTruthy();
      expect(sha256(own)).toBe(e.sha256);
    }
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest.package).toMatchObject({ title: 'Q2 audit pack', frameworks: ['soc2', 'governance'], exportKinds: ['decisions', 'config_changes'], scope: { environment: 'production', agentIds: [] } });
    expect(manifest.reports.map((r: { id: string }) => Buffer.from(`Report:${r.id}`).toString('base64'))).toEqual(pkg.reports.map((r) => r.id));
  });

  it('verify names the file that was changed, and the CLI says the same', async () => {
    const entries = await readZip(zip);
    const tampered = new yazl.ZipFile();
    for (const e of entries) {
      const data = e.name === 'reports/02-governance/report.md' ? Buffer.concat([e.data!, Buffer.from('\nedited')]) : e.data!;
      tampered.addBuffer(data, e.name, { mtime: new Date(T0) });
    }
    tampered.end();
    const bad = await collect(tampered.outputStream);
    const result = await verifyReportFile(bad, 'package.zip');
    expect(result.ok).toBe(false);
    expect(result.checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([expect.stringMatching(/^reports\/02-governance\/report\.md: SHA-256 is [0-9a-f]{64}, the manifest says/)]);

    const dir = tmpdir();
    const good = path.join(dir, `package-${process.pid}.zip`);
    const changed = path.join(dir, `package-${process.pid}-changed.zip`);
    writeFileSync(good, zip);
    writeFileSync(changed, bad);
    const ok = await runCli(['verify', good]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`verified: ${good} is intact and signed by key ${pkg.signatureKeyId}`);
    const notOk = await runCli(['verify', changed]);
    expect(notOk.code).toBe(1);
    expect(notOk.stdout).toContain('FAIL reports/02-governance/report.md: SHA-256 is');
  });

  it("an export's own bundle verifies offline too, and a changed row fails it", async () => {
    const e = pkg.dataExports[0]!;
    const bundle = (await get(`${e.downloadUrl}?as=bundle`)).bytes;
    const result = await verifyReportFile(bundle, 'export.zip');
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, kind: 'export', keyIds: [pkg.signatureKeyId] });
    const tampered = new yazl.ZipFile();
    for (const entry of await readZip(bundle)) {
      const data = entry.name.endsWith('.ndjson') ? Buffer.from(entry.data!.toString('utf8').replace('"deny"', '"allow"')) : entry.data!;
      tampered.addBuffer(data, entry.name, { mtime: new Date(T0) });
    }
    tampered.end();
    const bad = await verifyReportFile(await collect(tampered.outputStream), 'export.zip');
    expect(bad.ok).toBe(false);
    expect(bad.checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([expect.stringMatching(/^decisions-.*\.ndjson: SHA-256 is/)]);
  });

  it('is listed, and downloads are refused to viewers and to other organisations', async () => {
    const listed = await app.gql(org.adminKey, ListPackages);
    expect(listed.data!.compliancePackages.edges.map((e) => e.node.id)).toContain(pkg.id);
    const url = pkg.downloads.find((d) => d.file === 'PDF')!.url;
    expect((await get(url, await org.key('viewer'))).response.status).toBe(403);
    expect((await get(url, await org.key('auditor'))).response.status).toBe(200);
    const other = await app.newOrg('Other');
    expect((await get(url, other.adminKey)).response.status).toBe(404);
    expect((await get(url.replace('file=pdf', 'file=docx'))).response.status).toBe(400);
  });
});

describe('requests and failures', () => {
  it('bad input is refused before any report or export is created', async () => {
    const own = await app.newOrg('Bad input');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ frameworks: [] }, /at least one framework/],
      [{ frameworks: ['soc2', 'nope'] }, /Unknown report type "nope"/],
      [{ frameworks: ['soc2', 'soc2'] }, /once/],
      [{ frameworks: ['gdpr_dsar'] }, /data subject/],
      [{ frameworks: ['soc2'], environment: 'nowhere' }, /environment "nowhere"/],
      [{ frameworks: ['soc2'], period: { start: PERIOD.end, end: PERIOD.start } }, /period.start must be before period.end/],
    ];
    for (const [input, message] of cases) {
      const r = await app.gql(own.adminKey, RequestPackage, { input: input as unknown as RequestCompliancePackageInput });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(message);
    }
    const [counts] = await app.services.database.sql`
      select (select count(*) from reports where org_id = ${own.orgId})::int as reports,
             (select count(*) from data_exports where org_id = ${own.orgId})::int as exports,
             (select count(*) from compliance_packages where org_id = ${own.orgId})::int as packages`;
    expect(counts).toEqual({ reports: 0, exports: 0, packages: 0 });
  });

  it('a part that was cancelled fails the package and names it', async () => {
    // Jobs are only enqueued here, so the report is still pending when it is cancelled; the package's job then runs.
    const quiet = await startTestApp({ jobs: 'enqueue' });
    try {
      const own = await quiet.newOrg('Cancelled part');
      const r = await quiet.gql(own.adminKey, RequestPackage, { input: { frameworks: ['soc2', 'governance'], period: PERIOD } });
      expect(r.errors).toBeUndefined();
      const id = r.data!.requestCompliancePackage.id;
      const reportIds = ((await quiet.gql(own.adminKey, GetPackage, { id })).data!.node as unknown as PackageNode).reports.map((x) => x.id);
      expect((await quiet.gql(own.adminKey, CancelReport, { id: reportIds[1]! })).data!.cancelReport.status).toBe('CANCELLED');
      await runPackageJob(quiet.services, { data: { orgId: own.orgId, packageId: Buffer.from(id, 'base64').toString('utf8').split(':')[1]! }, retryCount: 0, retryLimit: 0 });
      const failed = (await quiet.gql(own.adminKey, GetPackage, { id })).data!.node as unknown as PackageNode;
      expect(failed.status).toBe('FAILED');
      expect(failed.error).toMatch(/^The package's report .+ was cancelled\.$/);
      expect(failed.downloads).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('cancelling a package cancels the reports and exports it started; the workers then leave them cancelled', async () => {
    // Jobs are only enqueued here, so every part is still pending when the package is cancelled.
    const quiet = await startTestApp({ jobs: 'enqueue' });
    let workers: TestApp | null = null;
    try {
      const own = await quiet.newOrg('Cancelled package');
      const ingested = await quiet.fetch('/ingest', { method: 'POST', key: own.adminKey, body: events().map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
      expect(ingested.status).toBe(200);
      const r = await quiet.gql(own.adminKey, RequestPackage, { input: { frameworks: ['soc2', 'governance'], period: PERIOD, exportKinds: ['DECISIONS'], exportFormat: 'CSV' } });
      expect(r.errors).toBeUndefined();
      const id = r.data!.requestCompliancePackage.id;
      const cancelled = await quiet.gql(own.adminKey, CancelPackage, { id });
      expect(cancelled.errors).toBeUndefined();
      const parts = async () => {
        const p = (await quiet.gql(own.adminKey, GetPackage, { id })).data!.node as unknown as { status: string; reports: Array<{ status: string }>; dataExports: Array<{ status: string }> };
        return [p.status, ...p.reports.map((x) => x.status), ...p.dataExports.map((x) => x.status)];
      };
      expect(await parts()).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);

      // Real workers on the same queue take the parts' jobs: each finds its part cancelled and builds nothing.
      const schema = quiet.services.config.JOB_SCHEMA;
      workers = await startTestApp({ jobs: 'work', env: { JOB_SCHEMA: schema } });
      const sql = quiet.services.database.sql;
      await until(async () => {
        const [open] = await sql`select count(*)::int as n from ${sql(schema)}.job where name in ('report-generate', 'export-generate', 'package-generate') and data->>'orgId' = ${own.orgId} and state not in ('completed', 'failed', 'cancelled')`;
        const [done] = await sql`select count(*)::int as n from ${sql(schema)}.job where name in ('report-generate', 'export-generate', 'package-generate') and data->>'orgId' = ${own.orgId}`;
        return open!.n === 0 && done!.n === 4;
      }, 'the workers to take every job', 120_000);
      expect(await parts()).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
      const [files] = await sql`select (select count(*) from report_artifacts where org_id = ${own.orgId})::int as artifacts, (select count(*) from export_chunks where org_id = ${own.orgId})::int as chunks`;
      expect(files).toEqual({ artifacts: 0, chunks: 0 });
      const [audit] = await sql`select array_agg(action order by action) as actions from audit_events where org_id = ${own.orgId} and action like '%.cancelled'`;
      expect(audit!.actions).toEqual(['export.cancelled', 'package.cancelled', 'report.cancelled', 'report.cancelled']);
    } finally {
      await workers?.close();
      await quiet.close();
    }
  });

  it('retention deletes the files; the download then answers 410', async () => {
    const uuid = Buffer.from(pkg.id, 'base64').toString('utf8').split(':')[1]!;
    await app.services.database.sql`update compliance_packages set expires_at = now() - interval '1 day' where org_id = ${org.orgId} and id = ${uuid}`;
    const result = await runRetention(app.services);
    expect(result.expiredPackages).toBe(1);
    const [files] = await app.services.database.sql`select count(*)::int as n from package_files where org_id = ${org.orgId} and package_id = ${uuid}`;
    expect(files!.n).toBe(0);
    const { response } = await get(`/packages/${encodeURIComponent(pkg.id)}/download?file=zip`);
    expect(response.status).toBe(410);
    expect((await until(async () => (await node(pkg.id)).status === 'EXPIRED', 'the package to show expired'))).toBe(true);
  });
});

describe('a package schedule', () => {
  it('makes one compliance package per run, over the run\'s period and the schedule\'s scope', async () => {
    const own = await app.newOrg('Package schedule');
    await app.fetch('/ingest', { method: 'POST', key: own.adminKey, body: events().map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    const bad = await app.gql(own.adminKey, CreatePackageSchedule, { input: { frequency: 'WEEKLY', package: { frameworks: ['soc2', 'nope'] } } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/Unknown report type "nope"/);
    const mismatch = await app.gql(own.adminKey, CreatePackageSchedule, { input: { type: 'governance', frequency: 'WEEKLY', package: { frameworks: ['soc2'] } } });
    expect(mismatch.errors?.[0]?.message).toMatch(/first framework \(soc2\)/);
    const created = await app.gql(own.adminKey, CreatePackageSchedule, {
      input: { frequency: 'WEEKLY', environment: 'production', package: { frameworks: ['soc2', 'governance'], exportKinds: ['AUDIT_LOG'], exportFormat: 'JSON' } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createSchedule).toMatchObject({ type: 'soc2', titleTemplate: 'Compliance package, {start} to {end}', package: { frameworks: ['soc2', 'governance'], exportKinds: ['AUDIT_LOG'], exportFormat: 'JSON' } });
    const run = await app.gql(own.adminKey, RunPackageSchedule, { id: created.data!.createSchedule.id });
    expect(run.errors).toBeUndefined();
    expect(run.data!.runScheduleNow.type).toBe('soc2');
    const done = await until(async () => {
      const answer = await app.gql(own.adminKey, SchedulePackages);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      const listed = answer.data!.schedules[0]!.packages;
      return listed.length === 1 && ['COMPLETED', 'FAILED'].includes(listed[0]!.status) ? listed[0] : undefined;
    }, 'the scheduled package to finish', 240_000);
    expect(done.status).toBe('COMPLETED');
    expect(done.frameworks).toEqual(['soc2', 'governance']);
    expect(done.reports.map((r) => r.type)).toEqual(['soc2', 'governance']);
    expect(done.dataExports).toEqual([{ kind: 'AUDIT_LOG', format: 'JSON' }]);
    // A weekly run covers the seven days before the day it runs.
    expect(Date.parse(done.period.end) - Date.parse(done.period.start)).toBe(7 * 86_400_000);
    expect(done.title).toMatch(/^Compliance package, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
  }, 300_000);
});

describe('a schedule with exports', () => {
  it('makes its data exports beside its report on each run, over the same period and scope', async () => {
    const own = await app.newOrg('Export schedule');
    await app.fetch('/ingest', { method: 'POST', key: own.adminKey, body: events().map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
    const bad = await app.gql(own.adminKey, CreatePackageSchedule, { input: { type: 'soc2', frequency: 'MONTHLY', exports: { kinds: [] } } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/one or more export kinds/);
    const both = await app.gql(own.adminKey, CreatePackageSchedule, { input: { frequency: 'MONTHLY', package: { frameworks: ['soc2'] }, exports: { kinds: ['DECISIONS'] } } });
    expect(both.errors?.[0]?.message).toMatch(/package.exportKinds/);
    const created = await app.gql(own.adminKey, CreatePackageSchedule, { input: { type: 'soc2', frequency: 'MONTHLY', environment: 'production', exports: { kinds: ['DECISIONS', 'AUDIT_LOG'], format: 'PARQUET' } } });
    expect(created.errors).toBeUndefined();
    expect((await app.gql(own.adminKey, RunPackageSchedule, { id: created.data!.createSchedule.id })).errors).toBeUndefined();
    const schedule = await until(async () => {
      const answer = await app.gql(own.adminKey, ScheduleExportsList);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      const s = answer.data!.schedules[0]!;
      return s.dataExports.length === 2 && s.dataExports.every((e) => e.status === 'COMPLETED') ? s : undefined;
    }, 'the scheduled exports to complete', 120_000);
    expect(schedule.exports).toEqual({ kinds: ['DECISIONS', 'AUDIT_LOG'], format: 'PARQUET' });
    expect(schedule.dataExports.map((e) => [e.kind, e.format, e.filters.environment]).sort()).toEqual([
      ['AUDIT_LOG', 'PARQUET', 'production'],
      ['DECISIONS', 'PARQUET', 'production'],
    ]);
    for (const e of schedule.dataExports) expect(e.period).toEqual(schedule.reports[0]!.period);
  }, 180_000);
});

