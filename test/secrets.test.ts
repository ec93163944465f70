/**
 * Secrets stay secret after creation: API keys, share-link tokens and
 * passwords, and signing private keys never appear in the service's log (at
 * debug level), in error messages, or in any later GraphQL response; the
 * console and share pages send security headers.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingKeys } from '../src/db/schema.ts';
import { webhookSignature } from '../src/notifications/outbox.ts';
import { completedReport } from './support/completed-report.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { errorCodes, rawGql } from './support/two-orgs.ts';
import { until } from './support/until.ts';

let app: TestApp;
let log = '';
const write = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  // Every line the logger writes (it writes JSON lines on stderr), at the most verbose level.
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  app = await startTestApp({ jobs: 'work', env: { LOG_LEVEL: 'debug', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' } });
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
    // The organisation's own audit trail records every creation and use: by ids, never by secret.
    const trail = await rawGql(app, org.adminKey, `{ auditEvents(first: 500) { edges { node { id action actor { id email type } resource sessionId correlationId attributes } } } }`);
    expect(trail.errors).toBeUndefined();
    const actions = trail.data.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions).toEqual(expect.arrayContaining(['api_key.created', 'report.shared', 'share_link.password_failed', 'share_link.used']));
    const everything = JSON.stringify([later, wrong, forbidden, trail]) + log + openedPage;
    expect(log.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      const where = [['log', log], ['responses', JSON.stringify([later, wrong, forbidden])], ['audit trail', JSON.stringify(trail)], ['shared page', openedPage]].filter(([, text]) => text!.includes(secret)).map(([name]) => name);
      // The shared page links its own downloads under its token: that is its holder's URL, not a leak.
      const allowed = secret === token ? ['shared page'] : [];
      expect(where.filter((w) => !allowed.includes(w!)), `a secret (${secret.slice(0, 6)}…) appears in`).toEqual([]);
    }
    expect(everything).not.toMatch(/PRIVATE KEY/);
    // The link's URL is shown once, on creation: later listings carry no token.
    expect(JSON.stringify(later.data.shareLinks)).not.toContain(token);
  });
});

describe('webhook secret', () => {
  it('signs webhooks without ever sending, logging or showing the secret to anyone but an admin', async () => {
    const org = await app.newOrg('Webhook secret');
    const auditorKey = await org.key('auditor');
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    try {
      // A URL with credentials is refused without echoing them back or logging them.
      const withCredentials = await rawGql(app, org.adminKey, 'mutation($u: String!) { updateOrganizationSettings(input: { notify: { webhooks: [$u] } }) { retentionDays } }', { u: 'https://ops:hunter2-pass@hooks.example.com/x' });
      expect(errorCodes(withCredentials)).toEqual(['BAD_USER_INPUT']);
      expect(withCredentials.errors![0]!.message).toMatch(/credentials/);

      const set = await rawGql(app, org.adminKey, 'mutation($u: String!) { updateOrganizationSettings(input: { notify: { webhooks: [$u] } }) { retentionDays } }', { u: hook });
      expect(set.errors).toBeUndefined();
      const generated = await rawGql(app, org.adminKey, 'mutation { generateReport(input: { type: "soc2" }) { id } }');
      expect(generated.errors).toBeUndefined();
      const [delivery] = await until(() => (received.length ? received : undefined), 'the webhook');

      const secret = (await rawGql(app, org.adminKey, '{ viewer { organization { webhookSecret } } }')).data.viewer.organization.webhookSecret as string;
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(delivery!.headers['x-signature-256']).toBe(webhookSignature(secret, delivery!.body));
      const asAuditor = await rawGql(app, auditorKey, '{ viewer { organization { webhookSecret } } }');
      expect(errorCodes(asAuditor)).toEqual(['FORBIDDEN']);
      const outbox = await rawGql(app, org.adminKey, '{ notifications(first: 10) { edges { node { target body subject lastError } } } }');
      expect(outbox.errors).toBeUndefined();

      const sent = delivery!.body + JSON.stringify({ ...delivery!.headers, 'x-signature-256': undefined });
      for (const [where, text] of [['webhook', sent], ['log', log], ['auditor response', JSON.stringify(asAuditor)], ['delivery log', JSON.stringify(outbox)]] as const) {
        expect(text.includes(secret), `the webhook secret appears in the ${where}`).toBe(false);
      }
      for (const [where, text] of [['error', JSON.stringify(withCredentials)], ['log', log]] as const) {
        expect(text.includes('hunter2-pass'), `a webhook URL's password appears in the ${where}`).toBe(false);
      }
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  }, 60_000);
});

describe('security headers', () => {
  it('the console and every share page forbid framing, sniffing, referrers and foreign scripts', async () => {
    const org = await app.newOrg('Headers');
    const reportUuid = await completedReport(app.services, org.orgId);
    const reportId = Buffer.from(`Report:${reportUuid}`).toString('base64');
    const share = async (passwordProtected: boolean) => {
      const created = await rawGql(app, org.adminKey, 'mutation($id: ID!, $p: Boolean) { createShareLink(input: { reportId: $id, expiresInHours: 2, passwordProtected: $p }) { url shareLink { id } } }', { id: reportId, p: passwordProtected });
      expect(created.errors).toBeUndefined();
      return { token: String(created.data.createShareLink.url).split('/').pop()!, id: created.data.createShareLink.shareLink.id as string };
    };
    const open = await share(false);
    const locked = await share(true);
    const revoked = await share(false);
    expect((await rawGql(app, org.adminKey, 'mutation($id: ID!) { revokeShareLink(id: $id) { id } }', { id: revoked.id })).errors).toBeUndefined();
    const wrongPassword = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'password=wrong' };

    // Each kind of page the console and a share-link holder can be shown, with the status it comes with.
    const pages: Array<[string, RequestInit, number]> = [
      ['/', {}, 200],
      ['/index.html', {}, 200],
      [`/shared/${open.token}`, {}, 200],
      [`/shared/${locked.token}`, {}, 200],
      [`/shared/${locked.token}`, wrongPassword, 401],
      [`/shared/${locked.token}/download?format=json`, {}, 401],
      [`/shared/${revoked.token}`, {}, 410],
      ['/shared/no-such-token', {}, 404],
      [`/shared/${open.token}/download?format=md`, {}, 200],
    ];
    for (const [path, init, status] of pages) {
      const response = await app.fetch(path, init);
      const what = `${init.method ?? 'GET'} ${path}`;
      expect(response.status, what).toBe(status);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, what).toMatch(/default-src 'none'|default-src 'self'/);
      expect(csp, what).toMatch(/frame-ancestors 'none'|sandbox/);
      expect(csp, what).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(response.headers.get('x-frame-options'), what).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), what).toBe('no-referrer');
      await response.arrayBuffer();
    }
    // The console's script and stylesheet are never sniffed into something else.
    for (const path of ['/app.js', '/app.css']) {
      const response = await app.fetch(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      await response.arrayBuffer();
    }
  });
});
