/**
 * Delivery to S3-compatible storage, against an s3rver started here on
 * 127.0.0.1 (and a TCP proxy in front of it that drops the first upload
 * midway): files of an export and of a report uploaded, read back and
 * compared; a wrong key, a missing bucket and a server gone mid-upload each
 * fail clearly, are retried, and are never reported delivered unless the
 * object is there with the right bytes. Credentials are never returned,
 * stored in clear or logged.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect, createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';
import { rawGql } from './support/two-orgs.ts';
import { until } from './support/until.ts';

const SECRET = 'very-secret-access-key-0123456789';
let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
let s3: S3rver;
let s3Url: string;
let dir: string;
const logged: string[] = [];

/** A proxy to s3rver that cuts the first `cut` uploads (PUT) larger than `afterBytes` after that many bytes, then passes everything. */
async function flakyProxy(target: number, cut: number, afterBytes: number) {
  let cuts = 0;
  const server: Server = createTcpServer((client: Socket) => {
    const upstream = tcpConnect(target, '127.0.0.1');
    let seen = 0;
    let cutting: boolean | null = null;
    client.on('data', (chunk: Buffer) => {
      if (cutting === null) {
        // Only an upload larger than the cut point: the small manifest uploads go through.
        const head = chunk.toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        cutting = head.startsWith('PUT ') && length > afterBytes && cuts < cut && ++cuts > 0;
      }
      seen += chunk.length;
      if (cutting && seen > afterBytes) {
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, cuts: () => cuts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const reader = () => new S3Client({ region: 'us-east-1', endpoint: s3Url, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
async function object(bucket: string, key: string): Promise<Buffer | null> {
  try {
    const r = await reader().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await r.Body!.transformToByteArray());
  } catch {
    return null;
  }
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function target(input: Record<string, unknown>): Promise<string> {
  const r = await rawGql(app, org.adminKey, 'mutation($i: StorageTargetInput!) { createStorageTarget(input: $i) { id accessKeyHint } }', {
    i: { name: 'archive', endpoint: s3Url, bucket: 'archive', accessKeyId: 'S3RVER', secretAccessKey: SECRET, ...input },
  });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.createStorageTarget.id;
}

async function exportTo(deliverTo: string[], environment = 'bulk') {
  const r = await rawGql(app, org.adminKey, 'mutation($i: RequestDataExportInput!) { requestDataExport(input: $i) { id } }', {
    i: { kind: 'DECISIONS', format: 'NDJSON', environment, period: { start: '2026-04-01T00:00:00Z', end: '2026-04-10T00:00:00Z' }, deliverTo },
  });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  const id = r.data.requestDataExport.id as string;
  return until(async () => {
    const g = await rawGql(app, org.adminKey, 'query($id: ID!) { node(id: $id) { ... on DataExport { id status sha256 sizeBytes } } }', { id });
    return g.data?.node?.status === 'COMPLETED' ? (g.data.node as { id: string; sha256: string; sizeBytes: number }) : undefined;
  }, 'the export');
}

/** The outbox rows of uploads to one bucket, once none is pending. */
async function settled(bucket: string, count: number) {
  return until(async () => {
    const r = await rawGql(app, org.adminKey, '{ notifications(first: 100) { edges { node { channel target status attempts lastError body } } } }');
    const rows = (r.data.notifications.edges as Array<{ node: { channel: string; target: string; status: string; attempts: number; lastError: string | null; body: string } }>)
      .map((e) => e.node)
      .filter((n) => n.channel === 'S3' && n.target.startsWith(`s3://${bucket}/`));
    return rows.length === count && rows.every((n) => n.status !== 'PENDING') ? rows : undefined;
  }, `uploads to ${bucket} to settle`, 60_000);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 's3rver-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'archive', configs: [] }, { name: 'flaky', configs: [] }, { name: 'packages', configs: [] }] });
  const { port } = await s3.run();
  s3Url = `http://127.0.0.1:${port}`;
  app = await startTestApp({ jobs: 'work', env: { NOTIFICATION_RETRY_LIMIT: '2', NOTIFICATION_RETRY_DELAY_SECONDS: '1' } });
  // Every log line the service writes, to prove the credentials are never in one.
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    const original = app.services.log[level].bind(app.services.log);
    app.services.log[level] = ((message: string, fields?: Record<string, unknown>) => {
      logged.push(`${message} ${JSON.stringify(fields ?? {}, (_k, v) => (v instanceof Error ? `${v.message} ${v.stack}` : v))}`);
      return original(message, fields as never);
    }) as never;
  }
  org = await app.newOrg('Delivery');
  const events = Array.from({ length: 3000 }, (_, i) => ({ id: `b-${i}`, occurredAt: new Date(Date.parse('2026-04-01T00:00:00Z') + i * 60_000).toISOString(), environment: 'bulk', category: 'policy_decision', action: 'tool.invoke', decision: 'allow', attributes: { pad: 'x'.repeat(600), i } }));
  const response = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: events.map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  expect(response.status).toBe(200);
});
afterAll(async () => {
  await app.close();
  await s3.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('delivery to S3-compatible storage', () => {
  it('uploads an export, its manifest and signature, each read back and identical', async () => {
    const id = await target({ prefix: 'compliance/2026' });
    const done = await exportTo([id]);
    const rows = await settled('archive', 3);
    expect(rows.map((r) => r.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    const name = 'decisions-2026-04-01-to-2026-04-10.ndjson';
    const file = await object('archive', `compliance/2026/${name}`);
    expect(file!.length).toBe(done.sizeBytes);
    expect(sha256(file!)).toBe(done.sha256);
    const manifest = await app.fetch(`/exports/${encodeURIComponent(done.id)}/manifest`, { key: org.adminKey });
    expect((await object('archive', `compliance/2026/${name}.manifest.json`))!.equals(Buffer.from(await manifest.arrayBuffer()))).toBe(true);
    expect((await object('archive', `compliance/2026/${name}.manifest.sig`))!.toString('base64')).toBe(manifest.headers.get('x-signature-ed25519'));
  });

  it('uploads the files of a one-off report', async () => {
    const id = await target({ bucket: 'archive', prefix: 'reports' });
    const r = await rawGql(app, org.adminKey, 'mutation($i: GenerateReportInput!) { generateReport(input: $i) { id } }', {
      i: { type: 'audit_summary', period: { start: '2026-04-01T00:00:00Z', end: '2026-04-10T00:00:00Z' }, deliverTo: [id] },
    });
    expect(r.errors).toBeUndefined();
    const rows = await until(async () => {
      const n = await rawGql(app, org.adminKey, '{ notifications(first: 100) { edges { node { channel target status } } } }');
      const s3Rows = (n.data.notifications.edges as Array<{ node: { channel: string; target: string; status: string } }>).map((e) => e.node).filter((x) => x.target.startsWith('s3://archive/reports/'));
      return s3Rows.length && s3Rows.every((x) => x.status !== 'PENDING') ? s3Rows : undefined;
    }, 'the report uploads', 90_000);
    expect(rows.every((x) => x.status === 'DELIVERED')).toBe(true);
    const jsonRow = rows.find((x) => x.target.endsWith('.json') && !x.target.includes('oscal'))!;
    const uploaded = await object('archive', jsonRow.target.replace('s3://archive/', ''));
    const downloaded = Buffer.from(await (await app.fetch(`/reports/${encodeURIComponent(r.data.generateReport.id)}/download?format=json`, { key: org.adminKey })).arrayBuffer());
    expect(uploaded!.equals(downloaded)).toBe(true);
  });

  it("uploads a package's own PDF, zip and signed manifest, each identical to its download", async () => {
    const id = await target({ bucket: 'packages', prefix: 'q2' });
    const r = await rawGql(app, org.adminKey, 'mutation($i: RequestCompliancePackageInput!) { requestCompliancePackage(input: $i) { id } }', {
      i: { frameworks: ['audit_summary'], environment: 'bulk', period: { start: '2026-04-01T00:00:00Z', end: '2026-04-10T00:00:00Z' }, deliverTo: [id] },
    });
    expect(r.errors).toBeUndefined();
    const pkg = await until(async () => {
      const g = await rawGql(app, org.adminKey, 'query($id: ID!) { node(id: $id) { ... on CompliancePackage { status signature downloads { file url sha256 sizeBytes } } } }', { id: r.data.requestCompliancePackage.id });
      return ['COMPLETED', 'FAILED'].includes(g.data?.node?.status) ? g.data.node : undefined;
    }, 'the package', 120_000);
    expect(pkg.status).toBe('COMPLETED');
    const rows = await until(async () => {
      const n = await rawGql(app, org.adminKey, '{ notifications(first: 100) { edges { node { channel target status event } } } }');
      const s3Rows = (n.data.notifications.edges as Array<{ node: { channel: string; target: string; status: string; event: string } }>).map((e) => e.node).filter((x) => x.target.startsWith('s3://packages/q2/'));
      return s3Rows.length === 4 && s3Rows.every((x) => x.status !== 'PENDING') ? s3Rows : undefined;
    }, 'the package uploads', 90_000);
    expect(rows.map((x) => [x.status, x.event])).toEqual(Array(4).fill(['DELIVERED', 'package.delivered']));
    for (const d of pkg.downloads as Array<{ file: string; url: string; sha256: string; sizeBytes: number }>) {
      const row = rows.find((x) => x.target.endsWith(`.${d.file.toLowerCase()}`))!;
      const uploaded = await object('packages', row.target.replace('s3://packages/', ''));
      expect(uploaded!.length).toBe(d.sizeBytes);
      expect(sha256(uploaded!)).toBe(d.sha256);
    }
    const manifest = await object('packages', rows.find((x) => x.target.endsWith('.manifest.json'))!.target.replace('s3://packages/', ''));
    const pdfHash = (pkg.downloads as Array<{ file: string; sha256: string }>).find((d) => d.file === 'PDF')!.sha256;
    expect(manifest!.toString('utf8')).toContain(pdfHash);
    const signature = await object('packages', rows.find((x) => x.target.endsWith('.manifest.sig'))!.target.replace('s3://packages/', ''));
    expect(signature!.toString('base64')).toBe(pkg.signature);
  });

  it('a wrong access key fails clearly after its retries, and nothing is reported delivered', async () => {
    const id = await target({ accessKeyId: 'NOT-A-KEY', bucket: 'archive', prefix: 'wrong-key' });
    await exportTo([id]);
    const rows = await settled('archive', 3 + 3 + (await countReportRows()));
    const mine = rows.filter((r) => r.target.startsWith('s3://archive/wrong-key/'));
    expect(mine.map((r) => r.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    expect(mine.every((r) => r.attempts === 3)).toBe(true);
    expect(mine[0]!.lastError).toMatch(/InvalidAccessKeyId/);
    expect(await object('archive', 'wrong-key/decisions-2026-04-01-to-2026-04-10.ndjson')).toBeNull();
  });

  it('a missing bucket fails clearly, naming the bucket error', async () => {
    const id = await target({ bucket: 'no-such-bucket' });
    await exportTo([id]);
    const rows = await settled('no-such-bucket', 3);
    expect(rows.map((r) => r.status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    expect(rows[0]!.lastError).toMatch(/NoSuchBucket/);
  });

  it('a server gone mid-upload is retried; the row stays pending until the object is there whole', async () => {
    const proxy = await flakyProxy(Number(new URL(s3Url).port), 1, 256 * 1024);
    try {
      const id = await target({ endpoint: proxy.url, bucket: 'flaky' });
      const done = await exportTo([id]);
      // Before the retry lands, the cut upload is a pending row with its error, never delivered.
      const failedOnce = await until(async () => {
        const [row] = await app.services.database.sql`select status, attempts, last_error from notifications where org_id = ${org.orgId} and target like 's3://flaky/%.ndjson'`;
        return row && row.last_error ? row : undefined;
      }, 'the first attempt to fail');
      expect(failedOnce.status).not.toBe('delivered');
      expect(failedOnce.last_error).toMatch(/upload failed|socket|ECONNRESET|EPIPE/i);
      const rows = await settled('flaky', 3);
      const file = rows.find((r) => r.target.endsWith('.ndjson'))!;
      expect(file.status).toBe('DELIVERED');
      expect(file.attempts).toBeGreaterThanOrEqual(2);
      expect(proxy.cuts()).toBe(1);
      expect(sha256((await object('flaky', 'decisions-2026-04-01-to-2026-04-10.ndjson'))!)).toBe(done.sha256);
    } finally {
      await proxy.close();
    }
  });

  it('never returns, stores in clear or logs the credentials', async () => {
    const listed = await rawGql(app, org.adminKey, '{ storageTargets { id name bucket accessKeyHint } }');
    expect(listed.data.storageTargets.length).toBeGreaterThan(0);
    const type = await rawGql(app, org.adminKey, '{ __type(name: "StorageTarget") { fields { name } } }');
    const fields = type.data.__type.fields.map((f: { name: string }) => f.name);
    expect(fields).not.toContain('secretAccessKey');
    expect(fields).not.toContain('accessKeyId');
    const stored = await app.services.database.sql`select row_to_json(t)::text as row from storage_targets t where org_id = ${org.orgId}`;
    const outbox = await app.services.database.sql`select row_to_json(n)::text as row from notifications n where org_id = ${org.orgId}`;
    const trail = await app.services.database.sql`select coalesce(attributes::text, '') as a from audit_events where org_id = ${org.orgId} and category = 'admin'`;
    for (const text of [JSON.stringify(listed), ...stored.map((r) => r.row as string), ...outbox.map((r) => r.row as string), ...trail.map((r) => r.a as string), ...logged]) {
      expect(text).not.toContain(SECRET);
    }
    expect(logged.some((l) => l.includes('notification delivery failed'))).toBe(true);
    const auditor = await org.key('auditor');
    expect((await rawGql(app, auditor, '{ storageTargets { id } }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a deliverTo that is not one of the organisation\'s targets, by index', async () => {
    const mine = await target({ prefix: 'x' });
    const other = await app.newOrg('Other');
    const theirs = await rawGql(app, other.adminKey, 'mutation($i: StorageTargetInput!) { createStorageTarget(input: $i) { id } }', { i: { name: 't', endpoint: s3Url, bucket: 'archive', accessKeyId: 'S3RVER', secretAccessKey: 's' } });
    const r = await rawGql(app, org.adminKey, 'mutation($i: RequestDataExportInput!) { requestDataExport(input: $i) { id } }', {
      i: { kind: 'DECISIONS', format: 'CSV', deliverTo: [mine, theirs.data.createStorageTarget.id] },
    });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliverTo.1' });
  });
});

async function countReportRows(): Promise<number> {
  const [row] = await app.services.database.sql`select count(*)::int as n from notifications where org_id = ${org.orgId} and target like 's3://archive/reports/%'`;
  return row!.n as number;
}
