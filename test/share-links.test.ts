/**
 * Share links through the real server: the page and its security headers,
 * passwords and lock-out, expiry, revocation, pseudonymised files in every
 * format, the audit trail, and isolation between organisations.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import nodePath from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { graphql } from '../client/gql.ts';
import type { CreateShareLinkInput } from '../client/graphql.ts';
import { auditEvents, reports, shareLinks, shareLinkTokens } from '../src/db/schema.ts';
import '../src/http/share-route.ts';
import { closePdfRenderer } from '../src/render/pdf.ts';
import { verifyReportFile } from '../src/cli/verify.ts';
import { readZip } from '../src/render/zip-reader.ts';
import { buildReport } from '../src/reports/generate.ts';
import { MAX_FAILED_PASSWORDS_PER_LINK } from '../src/sharing/share-links.ts';
import { completedReport, generatingReport, PERIOD } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const CreateLink = graphql(`
  mutation ShareCreate($input: CreateShareLinkInput!) {
    createShareLink(input: $input) { url password shareLink { id formats redaction passwordProtected state expiresAt useCount revoked } }
  }
`);
const Revoke = graphql(`
  mutation ShareRevoke($id: ID!) { revokeShareLink(id: $id) { id revoked state } }
`);
const Links = graphql(`
  query ShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id useCount lastUsedAt revoked state formats lockedUntil report { id } } }
`);

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
let reportId: string;
let reportGid: string;

beforeAll(async () => {
  app = await startTestApp({ jobs: 'enqueue' });
  org = await app.newOrg('Sharing');
  reportId = await completedReport(app.services, org.orgId, { title: 'Shared SOC 2' });
  reportGid = Buffer.from(`Report:${reportId}`).toString('base64');
});
afterAll(async () => {
  await closePdfRenderer();
  await app.close();
});

const pathOf = (url: string) => new URL(url).pathname;
const tokenOf = (url: string) => pathOf(url).split('/').pop()!;

async function share(input: Partial<{ expiresInHours: number; passwordProtected: boolean; formats: string[]; redaction: string; reportId: string }> = {}, key = org.adminKey) {
  const result = await app.gql(key, CreateLink, { input: { reportId: reportGid, expiresInHours: 24, ...input } as unknown as CreateShareLinkInput });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createShareLink;
}

const post = (path: string, password: string, cookie?: string) =>
  app.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) }, body: new URLSearchParams({ password }).toString() });

async function serviceEvents(orgId: string, action: string) {
  return app.services.database.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, action)));
}

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy')!;
  expect(csp).toMatch(/^default-src 'none'/);
  expect(csp).not.toContain('script-src');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

describe('share links', () => {
  it('serves the page and the chosen downloads with security headers; counts and records every use', async () => {
    const created = await share({ formats: ['JSON', 'MD'] });
    expect(created.url).toMatch(/^http:\/\/test\/shared\/[A-Za-z0-9_-]{43}$/);
    expect(created.password).toBeNull();
    const [stored] = await app.services.database.db.select().from(shareLinks).where(eq(shareLinks.id, created.shareLink.id));
    const [lookup] = await app.services.database.db.select().from(shareLinkTokens).where(eq(shareLinkTokens.linkId, created.shareLink.id));
    // Only the hash of the token is kept.
    expect(lookup!.tokenHash).toBe(createHash('sha256').update(tokenOf(created.url)).digest('hex'));
    expect(JSON.stringify([stored, lookup])).not.toContain(tokenOf(created.url));

    const page = await app.fetch(pathOf(created.url));
    expect(page.status).toBe(200);
    expectSecurityHeaders(page);
    const html = await page.text();
    expect(html).toContain('Shared SOC 2');
    expect(html).toContain(`/shared/${tokenOf(created.url)}/download?format=json`);
    expect(html).not.toContain('format=pdf');

    const file = await app.fetch(`${pathOf(created.url)}/download?format=json`);
    expect(file.status).toBe(200);
    expectSecurityHeaders(file);
    expect((await verifyReportFile(Buffer.from(await file.arrayBuffer()), 'r.json')).ok).toBe(true);
    expect((await app.fetch(`${pathOf(created.url)}/download?format=pdf`)).status).toBe(404);

    const listed = (await app.gql(org.adminKey, Links, { reportId: reportGid })).data!.shareLinks.find((l) => l.id === created.shareLink.id)!;
    expect(listed).toMatchObject({ useCount: 2, revoked: false, state: 'ACTIVE', formats: ['JSON', 'MD'], report: { id: reportGid } });
    const uses = (await serviceEvents(org.orgId, 'share_link.used')).filter((e) => (e.attributes as { shareLinkId: string }).shareLinkId === created.shareLink.id);
    expect(uses.map((e) => (e.attributes as { use: string }).use).sort()).toEqual(['download', 'page']);
  });

  it('asks for the password, refuses a wrong one with 401, and opens with the right one', async () => {
    const created = await share({ passwordProtected: true });
    expect(created.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const [stored] = await app.services.database.db.select().from(shareLinks).where(eq(shareLinks.id, created.shareLink.id));
    expect(stored!.passwordHash).toMatch(/^[0-9a-f]{32}:[0-9a-f]{64}$/);
    const path = pathOf(created.url);

    const form = await app.fetch(path);
    const formHtml = await form.text();
    expect(formHtml).toContain('type="password"');
    expect(formHtml).not.toContain('/download?format=');
    expect((await app.fetch(`${path}/download?format=json`)).status).toBe(401);

    const wrong = await post(path, 'not-it');
    expect(wrong.status).toBe(401);
    expectSecurityHeaders(wrong);
    expect(await wrong.text()).toContain('That password is not right. 4 attempts left');

    const right = await post(path, created.password!);
    expect(right.status).toBe(303);
    const setCookie = right.headers.get('set-cookie')!;
    expect(setCookie).toContain(`Path=${path}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0]!;
    expect(await (await app.fetch(path, { headers: { cookie } })).text()).toContain('/download?format=pdf');
    expect((await app.fetch(`${path}/download?format=md`, { headers: { cookie } })).status).toBe(200);

    // The session is bound to its link: another password link does not accept it.
    const other = await share({ passwordProtected: true });
    expect((await app.fetch(`${pathOf(other.url)}/download?format=md`, { headers: { cookie } })).status).toBe(401);
    expect((await serviceEvents(org.orgId, 'share_link.password_failed')).some((e) => (e.attributes as { shareLinkId: string }).shareLinkId === created.shareLink.id)).toBe(true);
  });

  it('locks one client address out after five wrong passwords, counted across API processes; the right password from another address still opens the link', async () => {
    const created = await share({ passwordProtected: true });
    const path = pathOf(created.url);
    // Real sockets from two loopback addresses: the address is the TCP peer's. A second API server on
    // the same database stands for a second process behind a load balancer: the tries alternate
    // between the two, and the address is locked after five in all, not five in each.
    const second = await startTestApp({ jobs: 'none' });
    onTestFinished(() => second.close());
    const ports = [new URL(await app.api.listen(0, '127.0.0.1')).port, new URL(await second.api.listen(0, '127.0.0.1')).port];
    let tries = 0;
    const postFrom = (localAddress: string, password: string, forwardedFor?: string, port = ports[tries++ % 2]) =>
      new Promise<{ status: number; body: string; cookie: string | undefined }>((resolve, reject) => {
        const body = new URLSearchParams({ password }).toString();
        const request = httpRequest(
          { host: '127.0.0.1', port, localAddress, path, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString('utf8'), cookie: response.headers['set-cookie']?.[0] }));
          },
        );
        request.on('error', reject);
        request.end(body);
      });

    for (let i = 1; i <= 4; i++) expect((await postFrom('127.0.0.2', `wrong-${i}`)).status).toBe(401);
    const fifth = await postFrom('127.0.0.2', 'wrong-5');
    expect(fifth.status).toBe(423);
    expect(fifth.body).toContain('from your address');
    // That address is locked out even with the right password, and a forged X-Forwarded-For does not
    // get it out (TRUST_PROXY is off here).
    expect((await postFrom('127.0.0.2', created.password!)).status).toBe(423);
    expect((await postFrom('127.0.0.2', created.password!, '198.51.100.7')).status).toBe(423);
    // The link itself is not locked: the recipient, elsewhere, still gets in.
    const [stored] = await app.services.database.db.select().from(shareLinks).where(eq(shareLinks.id, created.shareLink.id));
    expect(stored!.lockedUntil).toBeNull();
    const recipient = await postFrom('127.0.0.3', created.password!);
    expect(recipient.status).toBe(303);
    expect(recipient.cookie).toContain('share_session=');
    expect((await app.gql(org.adminKey, Links, { reportId: reportGid })).data!.shareLinks.find((l) => l.id === created.shareLink.id)!.state).toBe('ACTIVE');

    const failed = (await serviceEvents(org.orgId, 'share_link.password_failed')).filter((e) => (e.attributes as { shareLinkId: string }).shareLinkId === created.shareLink.id);
    expect(failed).toHaveLength(5);
    expect(failed.every((e) => (e.attributes as { clientAddress: string }).clientAddress === '127.0.0.2')).toBe(true);
  });

  it(`locks the link itself after ${MAX_FAILED_PASSWORDS_PER_LINK} wrong passwords from all addresses together, even against the right one`, async () => {
    // Behind a trusted proxy the address is the last X-Forwarded-For entry: here each try comes from
    // another address, as a guesser with many addresses would.
    const proxied = await startTestApp({ jobs: 'none', env: { TRUST_PROXY: 'true' } });
    try {
      const created = await share({ passwordProtected: true });
      const path = pathOf(created.url);
      const from = (address: string, password: string) =>
        proxied.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.250, ${address}` }, body: new URLSearchParams({ password }).toString() });
      for (let i = 1; i < MAX_FAILED_PASSWORDS_PER_LINK; i++) expect((await from(`10.0.${i >> 8}.${i & 255}`, `wrong-${i}`)).status).toBe(401);
      const last = await from('10.1.0.1', 'wrong-last');
      expect(last.status).toBe(423);
      const [stored] = await app.services.database.db.select().from(shareLinks).where(eq(shareLinks.id, created.shareLink.id));
      expect(stored!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(await last.text()).toContain(`for this link. It is locked until ${stored!.lockedUntil!.toISOString()}`);
      expect((await from('10.2.0.1', created.password!)).status).toBe(423);
      expect((await app.gql(org.adminKey, Links, { reportId: reportGid })).data!.shareLinks.find((l) => l.id === created.shareLink.id)!.state).toBe('LOCKED');

      // Once the lock has passed, the right password opens it.
      await app.services.database.db.update(shareLinks).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(shareLinks.id, created.shareLink.id));
      expect((await from('10.2.0.1', created.password!)).status).toBe(303);
    } finally {
      await proxied.close();
    }
    // A hundred scrypt checks, each deliberately slow: minutes when both cores are busy.
  }, 240_000);

  it('shows the key, its fingerprint and the commands to check the signature with openssl alone, which work as written', async () => {
    for (const redaction of ['NONE', 'PSEUDONYMISE']) {
      const created = await share({ redaction, formats: ['JSON'] });
      const html = await (await app.fetch(pathOf(created.url))).text();
      const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      const pre = (cls: string) => unescape(new RegExp(`<pre class="${cls}">([^<]*)</pre>`).exec(html)![1]!);
      const pem = pre('key');
      const fingerprint = /<code class="fingerprint">([0-9a-f]{64})<\/code>/.exec(html)![1]!;
      expect(fingerprint).toBe(createHash('sha256').update(createPublicKey(pem).export({ format: 'der', type: 'spki' }).subarray(-32)).digest('hex'));
      // The commands carry the very hash and signature the JSON download holds (the re-signed copy's when pseudonymised).
      const json = JSON.parse(await (await app.fetch(`${pathOf(created.url)}/download?format=json`)).text()) as { integrity: { contentSha256: string; signature: { value: string } } };
      const check = pre('check-signature');
      expect(check).toContain(`printf %s ${json.integrity.contentSha256} > hash.txt`);
      expect(check).toContain(`printf %s ${json.integrity.signature.value} | base64 -d > hash.sig`);

      const have = (tool: string, ...args: string[]) => spawnSync(tool, args, { encoding: 'utf8' }).status === 0;
      if (!have('openssl', 'version') || !have('sha256sum', '--version')) continue;
      const dir = mkdtempSync(nodePath.join(tmpdir(), 'shared-check-'));
      try {
        writeFileSync(nodePath.join(dir, 'key.pem'), pem);
        const run = (script: string) => spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' });
        expect(run(pre('check-key')).stdout.trim().split(/\s+/)[0]).toBe(fingerprint);
        const verified = run(check);
        expect(verified.stdout, verified.stderr).toContain('Signature Verified Successfully');
        // The check can fail: another hash under the same signature.
        const other = run(check.replace(json.integrity.contentSha256, createHash('sha256').update('another report').digest('hex')));
        expect(other.stdout).not.toContain('Signature Verified Successfully');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('answers 410 once expired or revoked, 404 for unknown tokens, and validates its input', async () => {
    const expiring = await share({ expiresInHours: 1 });
    expect((await app.fetch(pathOf(expiring.url))).status).toBe(200);
    // The clock moves past the link's expiry.
    await app.services.database.db.update(shareLinks).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(shareLinks.id, expiring.shareLink.id));
    const expired = await app.fetch(pathOf(expiring.url));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Link expired');
    expect((await app.fetch(`${pathOf(expiring.url)}/download?format=json`)).status).toBe(410);

    const revoking = await share();
    const revoked = await app.gql(org.adminKey, Revoke, { id: revoking.shareLink.id });
    expect(revoked.data!.revokeShareLink).toMatchObject({ revoked: true, state: 'REVOKED' });
    const gone = await app.fetch(pathOf(revoking.url));
    expect(gone.status).toBe(410);
    expectSecurityHeaders(gone);
    expect(await gone.text()).toContain('Link revoked');
    expect((await app.fetch(`${pathOf(revoking.url)}/download?format=json`)).status).toBe(410);

    const unknown = await app.fetch(`/shared/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Link not found');
    expect((await app.fetch('/shared/short')).status).toBe(404);

    for (const [input, field] of [
      [{ expiresInHours: 0 }, 'expiresInHours'],
      [{ expiresInHours: 721 }, 'expiresInHours'],
      [{ formats: [] }, 'formats'],
    ] as const) {
      const result = await app.gql(org.adminKey, CreateLink, { input: { reportId: reportGid, ...{ expiresInHours: 24 }, ...input } as unknown as CreateShareLinkInput });
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const auditor = await org.key('auditor');
    expect((await app.gql(auditor, CreateLink, { input: { reportId: reportGid, expiresInHours: 1 } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves nothing across organisations', async () => {
    const mine = await share();
    const other = await app.newOrg('Sharing intruder');
    const otherReport = await completedReport(app.services, other.orgId, { title: 'Intruder report' });
    expect((await app.gql(other.adminKey, Links, { reportId: reportGid })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql(other.adminKey, CreateLink, { input: { reportId: reportGid, expiresInHours: 1 } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql(other.adminKey, Revoke, { id: mine.shareLink.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Each organisation's link shows its own report only.
    const theirs = await share({ reportId: Buffer.from(`Report:${otherReport}`).toString('base64') }, other.adminKey);
    const theirPage = await (await app.fetch(pathOf(theirs.url))).text();
    expect(theirPage).toContain('Intruder report');
    expect(theirPage).not.toContain('Shared SOC 2');
    const myPage = await (await app.fetch(pathOf(mine.url))).text();
    expect(myPage).toContain('Shared SOC 2');
    expect(myPage).not.toContain('Intruder report');
    expect((await app.gql(org.adminKey, Links, { reportId: reportGid })).data!.shareLinks.some((l) => l.id === theirs.shareLink.id)).toBe(false);
  });
});

describe('pseudonymised share links', () => {
  const PEOPLE = ['carol.admin@example.com', 'dave@corp.example.org'];

  /** An audit summary whose tables name the people who made changes. */
  async function auditSummaryWithPeople(orgId: string): Promise<string> {
    const rows = PEOPLE.flatMap((email, p) =>
      Array.from({ length: 3 }, (_, i) => ({
        orgId,
        occurredAt: new Date(PERIOD.start.getTime() + (p * 3 + i + 1) * 86_400_000),
        category: p ? 'config_change' : 'admin',
        action: p ? 'dlp_rule.updated' : 'role.changed',
        actorType: 'user',
        actorId: `user-${p}`,
        actorEmail: email,
        resource: `contact ${email}`,
        dataSubjects: [`subject-47${p}${i}`],
      })),
    );
    await app.services.database.db.insert(auditEvents).values(rows);
    const id = await generatingReport(app.services, orgId, `Changes by ${PEOPLE[0]}`, 'audit_summary');
    await buildReport(app.services, id, async () => {});
    return id;
  }

  it('replaces people by stable pseudonyms in every format it serves', async () => {
    const people = await app.newOrg('Pseudonyms');
    const id = await auditSummaryWithPeople(people.orgId);
    const [row] = await app.services.database.db.select().from(reports).where(eq(reports.id, id));
    expect(JSON.stringify(row!.content)).toContain(PEOPLE[0]);

    const gid = Buffer.from(`Report:${id}`).toString('base64');
    const link = (await app.gql(people.adminKey, CreateLink, { input: { reportId: gid, expiresInHours: 2, redaction: 'PSEUDONYMISE', formats: ['JSON', 'MD', 'CSV', 'OSCAL', 'PDF'] } })).data!.createShareLink;
    const path = pathOf(link.url);
    const page = await (await app.fetch(path)).text();
    expect(page).not.toContain(PEOPLE[0]);
    expect(page).toMatch(/Changes by person-[0-9a-f]{10}/);

    // The read-only view: the report page and every page of every finding's evidence, walked by
    // their own links, name no person, only pseudonyms.
    const named = [...PEOPLE, ...Array.from({ length: 2 }, (_, p) => Array.from({ length: 3 }, (_, i) => `subject-47${p}${i}`)).flat(), 'user-0', 'user-1'];
    const visited: string[] = [];
    const queue = [...page.matchAll(/href="(\/shared\/[^"#]+\/findings\/\d+)"/g)].map((m) => m[1]!);
    expect(queue.length).toBeGreaterThan(0);
    while (queue.length) {
      const next = queue.shift()!.replace(/&amp;/g, '&');
      const response = await app.fetch(next);
      expect(response.status, next).toBe(200);
      const html = await response.text();
      visited.push(html);
      const more = /href="([^"]+)" rel="next"/.exec(html)?.[1];
      if (more) queue.push(more);
    }
    const evidenceHtml = visited.join('\n');
    expect(evidenceHtml).toMatch(/person-[0-9a-f]{10}/);
    for (const text of [page, evidenceHtml]) for (const person of named) expect(text).not.toContain(person);

    const get = async (format: string) => {
      const response = await app.fetch(`${path}/download?format=${format}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-disposition')).toContain('-pseudonymised');
      return Buffer.from(await response.arrayBuffer());
    };
    const json = await get('json');
    const md = (await get('md')).toString('utf8');
    const csv = (await readZip(await get('csv'))).map((e) => e.data!.toString('utf8')).join('\n');
    const oscal = (await get('oscal')).toString('utf8');
    const pdf = (await extractText(new Uint8Array(await get('pdf')), { mergePages: true })).text;
    const texts = { json: json.toString('utf8'), md, csv, oscal, pdf };
    const pseudonymOfCarol = /person-[0-9a-f]{10}/.exec(texts.json.slice(texts.json.indexOf('admin_actors')))![0];
    for (const [format, text] of Object.entries(texts)) {
      for (const person of PEOPLE) expect(text, `${format} still names ${person}`).not.toContain(person);
      expect(text, format).toContain('person-');
    }
    // Stable: the same person has the same pseudonym in every file of the link.
    expect(md).toContain(pseudonymOfCarol);
    expect(csv).toContain(pseudonymOfCarol);

    // The redacted copy is signed anew and names the original's hash.
    const verified = await verifyReportFile(json, 'shared.json');
    expect(verified.ok).toBe(true);
    const parsed = JSON.parse(texts.json) as { content: { redaction: { originalContentSha256: string } } };
    expect(parsed.content.redaction.originalContentSha256).toBe(row!.contentSha256);

    // The evidence bundle of the link: every file of the zip, the evidence events included, is redacted,
    // the manifest says so and names the original, and the whole still verifies.
    const bundleLink = (await app.gql(people.adminKey, CreateLink, { input: { reportId: gid, expiresInHours: 2, redaction: 'PSEUDONYMISE', formats: ['BUNDLE'] } })).data!.createShareLink;
    const bundleResponse = await app.fetch(`${pathOf(bundleLink.url)}/download?format=bundle`);
    expect(bundleResponse.status).toBe(200);
    expect(bundleResponse.headers.get('content-disposition')).toContain('-pseudonymised');
    const bundle = Buffer.from(await bundleResponse.arrayBuffer());
    const entries = await readZip(bundle);
    expect(entries.map((e) => e.name).sort()).toEqual(['README.txt', 'evidence.ndjson', 'manifest.json', 'manifest.sig', 'report-csv.zip', 'report-oscal.json', 'report.json', 'report.md', 'report.pdf', 'signature.json', 'public-key.pem', 'SHA256SUMS', 'SHA256SUMS.sig'].sort());
    const entryTexts: Record<string, string> = {};
    for (const entry of entries) {
      if (entry.name === 'report.pdf') entryTexts[entry.name] = (await extractText(new Uint8Array(entry.data!), { mergePages: true })).text;
      else if (entry.name === 'report-csv.zip') entryTexts[entry.name] = (await readZip(entry.data!)).map((e) => e.data!.toString('utf8')).join('\n');
      else entryTexts[entry.name] = entry.data!.toString('utf8');
    }
    const subjects = Array.from({ length: 2 }, (_, p) => Array.from({ length: 3 }, (_, i) => `subject-47${p}${i}`)).flat();
    for (const [name, text] of Object.entries(entryTexts)) {
      for (const person of [...PEOPLE, ...subjects, 'user-0', 'user-1']) expect(text, `${name} still names ${person}`).not.toContain(person);
    }
    const evidenceLines = entryTexts['evidence.ndjson']!.trim().split('\n').map((l) => JSON.parse(l) as { event: { actor?: { id: string; email?: string }; dataSubjects?: string[] } });
    const withPeople = evidenceLines.filter((l) => l.event.actor?.email);
    expect(withPeople.length).toBeGreaterThan(0);
    for (const { event } of withPeople) {
      expect(event.actor!.id).toMatch(/^person-[0-9a-f]{10}$/);
      expect(event.actor!.email).toMatch(/^person-[0-9a-f]{10}$/);
      expect(event.dataSubjects!.every((s) => /^person-[0-9a-f]{10}$/.test(s))).toBe(true);
    }
    const manifest = JSON.parse(entryTexts['manifest.json']!) as { report: { contentSha256: string }; redaction: { profile: string; originalContentSha256: string } };
    expect(manifest.redaction).toMatchObject({ profile: 'pseudonymise', originalContentSha256: row!.contentSha256 });
    expect(manifest.report.contentSha256).not.toBe(row!.contentSha256);
    const bundleVerified = await verifyReportFile(bundle, 'shared.zip');
    expect(bundleVerified.checks.filter((c) => !c.ok)).toEqual([]);
    expect(bundleVerified.ok).toBe(true);

    // Another link of the same report gives other pseudonyms.
    const second = (await app.gql(people.adminKey, CreateLink, { input: { reportId: gid, expiresInHours: 2, redaction: 'PSEUDONYMISE', formats: ['MD'] } })).data!.createShareLink;
    const md2 = await (await app.fetch(`${pathOf(second.url)}/download?format=md`)).text();
    expect(md2).not.toContain(pseudonymOfCarol);
    expect(md2).toContain('person-');
  }, 120_000);
});
