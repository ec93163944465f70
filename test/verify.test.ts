/**
 * `verify` on real downloads: a good JSON report and bundle pass; one
 * changed byte fails, with a message naming what failed; the CLI exits 0
 * and 1 accordingly. Also the signing keys: one per organisation, private
 * part encrypted at rest, public keys listed.
 */
import { execFile } from 'node:child_process';
import { createPublicKey, verify as edVerify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports, signingKeys } from '../src/db/schema.ts';
import { collect } from '../src/render/zip.ts';
import { readZip } from '../src/render/zip-reader.ts';
import { verifyReportFile } from '../src/cli/verify.ts';
import { closePdfRenderer } from '../src/render/pdf.ts';
import { keyIdOf, listSigningKeys, signReportHash } from '../src/reports/signing.ts';
import { completedReport } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { graphql } from '../client/gql.ts';

const run = promisify(execFile);

const SigningKeys = graphql(`
  query SigningKeys {
    viewer { organization { signingKeys { id publicKeyPem createdAt retiredAt } } }
  }
`);

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
let reportId: string;
let json: Buffer;
let bundle: Buffer;
const dir = mkdtempSync(path.join(os.tmpdir(), 'agr-verify-'));

beforeAll(async () => {
  app = await startTestApp();
  org = await app.newOrg('Verify');
  reportId = await completedReport(app.services, org.orgId, { count: 120 });
  const get = async (format: string) => Buffer.from(await (await app.fetch(`/reports/${reportId}/download?format=${format}`, { key: org.adminKey })).arrayBuffer());
  json = await get('json');
  bundle = await get('bundle');
});
afterAll(async () => {
  await closePdfRenderer();
  await app.close();
});

const failures = async (buffer: Buffer) => (await verifyReportFile(buffer, 'f')).checks.filter((c) => !c.ok).map((c) => c.message);

describe('verify a JSON report', () => {
  it('passes on the downloaded file, naming the key that signed it', async () => {
    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, reportId));
    const result = await verifyReportFile(json, 'report.json');
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result).toMatchObject({ ok: true, kind: 'json', keyIds: [row!.signatureKeyId] });
  });

  it('fails on one changed byte in the content, saying the content hash does not match', async () => {
    const tampered = Buffer.from(json);
    const at = tampered.indexOf('"score":') + 8;
    tampered[at] = tampered[at] === 0x39 ? 0x38 : tampered[at]! + 1;
    const messages = await failures(tampered);
    expect(messages.some((m) => /content hash mismatch: the content hashes to [0-9a-f]{64} but integrity.contentSha256 says/.test(m))).toBe(true);
  });

  it('fails on one changed byte in the signature, saying the signature does not verify', async () => {
    const tampered = Buffer.from(json);
    const at = tampered.indexOf('"value":"') + 12;
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    expect(await failures(tampered)).toEqual([expect.stringMatching(/Ed25519 signature of the content hash does not verify with key [0-9a-f]{16}/)]);
  });

  it('fails on a change of any single byte anywhere in the file', async () => {
    const step = Math.max(1, Math.floor(json.length / 400));
    for (let at = 0; at < json.length; at += step) {
      const tampered = Buffer.from(json);
      tampered[at] = tampered[at] === 0x20 ? 0x21 : 0x20;
      expect((await verifyReportFile(tampered)).ok, `byte ${at} (${JSON.stringify(json.subarray(Math.max(0, at - 10), at + 10).toString())})`).toBe(false);
    }
  });

  it('fails when signed by a key that is not trusted', async () => {
    const result = await verifyReportFile(json, 'report.json', { trustedKeyIds: ['0123456789abcdef'] });
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => !c.ok)!.message).toMatch(/key [0-9a-f]{16} is not among the trusted keys 0123456789abcdef/);
  });
});

describe('verify an evidence bundle', () => {
  it('passes on the downloaded bundle', async () => {
    const result = await verifyReportFile(bundle, 'bundle.zip');
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => c.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^evidence.ndjson: SHA-256 and size/), expect.stringMatching(/^manifest.sig: Ed25519 signature of manifest.json verifies/)]));
  });

  it('fails on one changed byte inside a file of the zip, naming the file', async () => {
    const nameAt = bundle.indexOf('evidence.ndjson');
    const header = nameAt - 30;
    const dataStart = nameAt + bundle.readUInt16LE(header + 26) + bundle.readUInt16LE(header + 28);
    const tampered = Buffer.from(bundle);
    tampered[dataStart + 20] = tampered[dataStart + 20]! ^ 0x01;
    const messages = await failures(tampered);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.startsWith('evidence.ndjson: '))).toBe(true);
  });

  it('fails when a file is changed and the zip rebuilt, saying which hash differs from the manifest', async () => {
    const zip = new yazl.ZipFile();
    for (const entry of await readZip(bundle)) {
      let data = entry.data!;
      if (entry.name === 'evidence.ndjson') {
        data = Buffer.from(data);
        data[5] = data[5]! + 1;
      }
      zip.addBuffer(data, entry.name);
    }
    zip.end();
    const messages = await failures(await collect(zip.outputStream));
    expect(messages).toEqual([expect.stringMatching(/^evidence.ndjson: SHA-256 is [0-9a-f]{64}, the manifest says [0-9a-f]{64}: the file was changed$/)]);
  });

  it('fails when the manifest is changed, since its signature no longer verifies', async () => {
    const zip = new yazl.ZipFile();
    for (const entry of await readZip(bundle)) {
      const data = entry.name === 'manifest.json' ? Buffer.from(entry.data!.toString().replace('"events":', '"events":1')) : entry.data!;
      zip.addBuffer(data, entry.name);
    }
    zip.end();
    expect(await failures(await collect(zip.outputStream))).toContainEqual(expect.stringMatching(/^manifest.sig: the Ed25519 signature of manifest.json does not verify/));
  });

  it('fails when a line of SHA256SUMS is changed: its signature no longer verifies and it disagrees with the manifest', async () => {
    const zip = new yazl.ZipFile();
    for (const entry of await readZip(bundle)) {
      const data = entry.name === 'SHA256SUMS' ? Buffer.from(entry.data!.toString().replace(/^(.)/, (c) => (c === '0' ? '1' : '0'))) : entry.data!;
      zip.addBuffer(data, entry.name);
    }
    zip.end();
    const messages = await failures(await collect(zip.outputStream));
    expect(messages).toContainEqual(expect.stringMatching(/^SHA256SUMS.sig: the Ed25519 signature of SHA256SUMS does not verify/));
    expect(messages).toContainEqual(expect.stringMatching(/^SHA256SUMS: disagrees with the manifest on /));
  });
});

describe('the verify command', () => {
  const cli = (...args: string[]) => run(process.execPath, ['src/main.ts', 'verify', ...args], { cwd: path.resolve(import.meta.dirname, '..') });

  it('exits 0 on a good file and 1, saying what failed, on a changed one', async () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, json);
    const ok = await cli(good);
    expect(ok.stdout).toMatch(/verified: .*good.json is intact and signed by key [0-9a-f]{16}/);

    const badFile = path.join(dir, 'bad.zip');
    const tampered = Buffer.from(bundle);
    const nameAt = tampered.indexOf('report.md');
    tampered[nameAt + 40] = tampered[nameAt + 40]! ^ 0xff;
    writeFileSync(badFile, tampered);
    const failed = await cli(badFile).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/FAIL report.md: /);
    expect(failed?.stdout).toMatch(/NOT verified/);
  });
});

describe('signing keys', () => {
  it('gives each organisation one Ed25519 key, its private part encrypted, its id from the public key', async () => {
    const other = await app.newOrg('Keys');
    const hash = 'a'.repeat(64);
    const [a, b] = await Promise.all([signReportHash(app.services, other.orgId, hash), signReportHash(app.services, other.orgId, hash)]);
    expect(a.keyId).toBe(b.keyId);
    const keys = await listSigningKeys(app.services, other.orgId);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.id).toBe(keyIdOf(keys[0]!.publicKeyPem));
    expect(edVerify(null, Buffer.from(hash), createPublicKey(keys[0]!.publicKeyPem), Buffer.from(a.signature, 'base64'))).toBe(true);
    const [stored] = await app.services.database.db.select().from(signingKeys).where(eq(signingKeys.orgId, other.orgId));
    expect(stored!.privateKeyEncrypted).toMatch(/^v1:/);
    expect(stored!.privateKeyEncrypted).not.toContain('PRIVATE KEY');
    expect((await signReportHash(app.services, org.orgId, hash)).keyId).not.toBe(a.keyId);
  });

  it('publishes the public keys as Organization.signingKeys, for every role that reads reports', async () => {
    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, reportId));
    const result = await app.gql(await org.key('viewer'), SigningKeys);
    expect(result.errors).toBeUndefined();
    const keys = result.data!.viewer.organization.signingKeys;
    expect(keys.map((k) => k.id)).toEqual([row!.signatureKeyId]);
    expect(keys[0]!.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(keys[0]!.retiredAt).toBeNull();
    const fresh = await app.newOrg('No keys yet');
    expect((await app.gql(fresh.adminKey, SigningKeys)).data!.viewer.organization.signingKeys).toEqual([]);
  });
});
