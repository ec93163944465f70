/**
 * The console's exports and packages screen in a real Chromium against the
 * real server and an in-process pg-boss worker: a data export and a
 * compliance package requested from the forms, their rows turned completed by
 * their progress subscriptions (the list is read again only when a
 * subscription reports the end), the export's file downloaded byte for byte
 * as signed, and a password-protected share link made for the package.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { graphql } from '../client/gql.ts';
import { chromiumExecutable } from '../src/render/pdf.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const LatestExport = graphql(`query ConsoleTestLatestExport { dataExports(first: 1) { edges { node { id sha256 rowCount } } } }`);
const LatestPackageLinks = graphql(`query ConsoleTestLatestPackage { compliancePackages(first: 1) { edges { node { id title } } } }`);
const PackageLinks = graphql(`query ConsoleTestPackageLinks($id: ID!) { shareLinks(compliancePackageId: $id) { passwordProtected packageFiles } }`);

let app: TestApp;
let baseUrl: string;
let browser: Browser;
let page: Page;
let org: Awaited<ReturnType<TestApp['newOrg']>>;

vi.setConfig({ expect: { poll: { timeout: 120_000, interval: 100 } } });

beforeAll(async () => {
  // Only known documents run: the screen must work where ad-hoc GraphQL is refused.
  app = await startTestApp({ jobs: 'work', env: { PERSISTED_DOCUMENTS: 'only' } });
  baseUrl = await app.api.listen(0, '127.0.0.1');
  org = await app.newOrg('Console exports');
  const events = Array.from({ length: 120 }, (_, i) => ({
    id: `ce-${i}`,
    occurredAt: new Date(Date.now() - (i + 30) * 3_600_000).toISOString(),
    agentId: `agent-${i % 3}`,
    category: 'policy_decision',
    action: 'tool.invoke',
    decision: ['allow', 'deny', 'hold'][i % 3],
    policyId: 'pol-1',
  }));
  const ingested = await app.fetch('/ingest', { method: 'POST', key: org.adminKey, body: events.map((e) => JSON.stringify(e)).join('\n'), headers: { 'content-type': 'application/x-ndjson' } });
  expect(ingested.status).toBe(200);
  browser = await chromium.launch({
    executablePath: await chromiumExecutable({ CHROMIUM_PATH: process.env.CHROMIUM_PATH }),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`unexpected dialog: ${dialog.message()}`);
  });
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('API key').fill(org.adminKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Exports' }).click();
  await page.getByRole('heading', { name: 'Exports and packages' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('the exports and packages screen', () => {
  it('requests a data export, follows it live to completed, and downloads the file as signed', async () => {
    const form = page.getByRole('form', { name: 'New data export' });
    await form.getByLabel('Kind').selectOption('DECISIONS');
    await form.getByLabel('Format').selectOption('NDJSON');
    await form.getByRole('button', { name: 'Request export' }).click();
    const row = page.locator('table').first().locator('tbody tr').first();
    await expect.poll(() => row.locator('td.status').getAttribute('data-status')).toBe('COMPLETED');

    const exported = (await app.gql(org.adminKey, LatestExport)).data!.dataExports.edges[0]!.node;
    expect(exported.rowCount).toBe(120);
    await expect.poll(() => row.locator('td.num').textContent()).toBe('120');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Download', exact: true }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect(sha256(bytes)).toBe(exported.sha256);
    expect(download.suggestedFilename()).toMatch(/^decisions-.+\.ndjson$/);
  });

  it('requests a compliance package, follows it live to completed, and shares it with a password', async () => {
    const form = page.getByRole('form', { name: 'New compliance package' });
    await form.getByLabel('Gateway decisions').check();
    await form.getByLabel('Title').fill('Console pack');
    await form.getByRole('button', { name: 'Request package' }).click();
    const row = page.locator('table').nth(1).locator('tbody tr', { hasText: 'Console pack' });
    await expect.poll(() => row.locator('td.status').getAttribute('data-status')).toBe('COMPLETED');
    // The row's buttons come with its reload after the completion, which can follow the status cell.
    await expect.poll(() => row.getByRole('button', { name: 'Download PDF' }).isVisible()).toBe(true);

    await row.getByRole('button', { name: 'Share' }).click();
    const url = (await page.locator('code.share-url').textContent())!;
    const password = (await page.locator('code.share-password').textContent())!;
    expect(url).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const shared = await app.fetch(new URL(url).pathname);
    expect(await shared.text()).toContain('protected by a password');
    const latest = (await app.gql(org.adminKey, LatestPackageLinks)).data!.compliancePackages.edges[0]!.node;
    expect(latest.title).toBe('Console pack');
    const listed = await app.gql(org.adminKey, PackageLinks, { id: latest.id });
    expect(listed.data!.shareLinks).toEqual([{ passwordProtected: true, packageFiles: ['PDF', 'ZIP'] }]);
  });
});
