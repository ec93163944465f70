/**
 * Secrets stay secret after creation: API keys, share-link tokens and
 * passwords, and signing private keys never appear in the service's log (at
 * debug level), in error messages, or in any later GraphQL response; the
 * console and share pages send security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingKeys } from '../src/db/schema.ts';
import { completedReport } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { errorCodes, rawGql } from './support/two-orgs.ts';

let app: TestApp;
let log = '';
const write = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  // Every line the logger writes (it writes JSON lines on stderr), at the most verbose level.
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  app = await startTestApp({ jobs: 'work', env: { LOG_LEVEL: 'debug' } });
});
afterAll(async () => {
  process.stderr.write = write;
  await app.close();
});

describe('secrets', () => {
  it('API keys, share tokens, share passwords and signing keys never reach the log, errors or later responses', async () => {
    const org = await app.newOrg('Secrets');
    const reportUuid = await completedReport(app.services, org.orgId);
    const reportId = Buffer.from(`Report:${reportUuid}`).toString('base64');
    const secrets: string[] = [org.adminKey];

    // An API key: shown once on creation, used, used wrongly, revoked.
    const created = await rawGql(app, org.adminKey, 'mutation { createApiKey(input: { name: "auditor", role: AUDITOR }) { key apiKey { id } } }');
    const auditorKey = created.data.createApiKey.key as string;
    secrets.push(auditorKey);
    await rawGql(app, auditorKey, '{ reports(first: 1) { totalCount } }');
    const wrong = await rawGql(app, `${auditorKey}x`, '{ reports(first: 1) { totalCount } }');
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    const forbidden = await rawGql(app, auditorKey, 'mutation { createApiKey(input: { name: "x", role: ADMIN }) { key } }');
    expect(errorCodes(forbidden)).toEqual(['FORBIDDEN']);

    // A password-protected share link: used with the right and a wrong password.
    const shared = await rawGql(app, org.adminKey, 'mutation($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 2, passwordProtected: true }) { url password shareLink { id } } }', { id: reportId });
    const token = String(shared.data.createShareLink.url).split('/').pop()!;
    const password = shared.data.createShareLink.password as string;
    secrets.push(token, password);
    const form = (pw: string) => app.fetch(`/shared/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `password=${encodeURIComponent(pw)}` });
    expect((await form(`${password}-wrong`)).status).toBe(401);
    const unlocked = await form(password);
    expect(unlocked.status).toBe(303);
    const cookie = unlocked.headers.get('set-cookie')!.split(';')[0]!;
    const opened = await app.fetch(unlocked.headers.get('location')!.replace(/^https?:\/\/[^/]+/, ''), { headers: { cookie } });
    expect(opened.status).toBe(200);
    const openedPage = await opened.text();
    expect(openedPage).toMatch(/download/i);
    expect(openedPage).not.toContain(password);

    // The signing key: created and used when the report was signed.
    const [key] = await app.services.database.db.select().from(signingKeys);
    expect(key).toBeDefined();
    secrets.push(key!.privateKeyEncrypted);

    // Everything the API lets an admin read afterwards.
    const later = await rawGql(app, org.adminKey, `query($id: ID!) {
      viewer { organization { apiKeys { id name role lastUsedAt revokedAt } signingKeys { id publicKeyPem } } }
      shareLinks(reportId: $id) { id expiresAt passwordProtected useCount }
      report(id: $id) { integrity { signature signatureKeyId } }
    }`, { id: reportId });
    expect(later.errors).toBeUndefined();
    const everything = JSON.stringify([later, wrong, forbidden]) + log + openedPage;
    expect(log.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      const where = [['log', log], ['responses', JSON.stringify([later, wrong, forbidden])], ['shared page', openedPage]].filter(([, text]) => text!.includes(secret)).map(([name]) => name);
      // The shared page links its own downloads under its token: that is its holder's URL, not a leak.
      const allowed = secret === token ? ['shared page'] : [];
      expect(where.filter((w) => !allowed.includes(w!)), `a secret (${secret.slice(0, 6)}…) appears in`).toEqual([]);
    }
    expect(everything).not.toMatch(/PRIVATE KEY/);
    // The link's URL is shown once, on creation: later listings carry no token.
    expect(JSON.stringify(later.data.shareLinks)).not.toContain(token);
  });
});

describe('security headers', () => {
  it('the console and share pages forbid framing, sniffing, referrers and foreign scripts', async () => {
    const org = await app.newOrg('Headers');
    const reportUuid = await completedReport(app.services, org.orgId);
    const shared = await rawGql(app, org.adminKey, 'mutation($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 2 }) { url } }', { id: Buffer.from(`Report:${reportUuid}`).toString('base64') });
    const token = String(shared.data.createShareLink.url).split('/').pop()!;
    for (const path of ['/', `/shared/${token}`, '/shared/no-such-token']) {
      const response = await app.fetch(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'none'|default-src 'self'/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      await response.arrayBuffer();
    }
  });
});
