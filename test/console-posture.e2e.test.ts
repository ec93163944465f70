/**
 * The console's front page in a real Chromium against the real server and
 * worker: a tile per followed framework with its grade and counts, failing
 * checks first; an ingest that tips a check updates the tile without a
 * reload; a check opens its evidence for an admin, and a viewer is told
 * evidence needs an auditor or admin.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumExecutable } from '../src/render/pdf.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { rawGql } from './support/two-orgs.ts';
import { decisions, ingestNdjson } from './support/posture.ts';
import { until } from './support/until.ts';

let app: TestApp;
let baseUrl: string;
let browser: Browser;
const SHOTS = path.resolve('.artifacts/screenshots');

/** A screenshot of the page at laptop and at phone width. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  app = await startTestApp({ jobs: 'work' });
  baseUrl = await app.api.listen(0, '127.0.0.1');
  const executablePath = await chromiumExecutable({ CHROMIUM_PATH: process.env.CHROMIUM_PATH });
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const ingest = (key: string, events: unknown[]) => ingestNdjson(app, key, events);

async function signIn(key: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

it('shows posture live on the front page and opens a check\'s evidence', async () => {
  const org = await app.newOrg('Console posture');
  await ingest(org.adminKey, decisions('base', 20, true));
  await until(async () => (await app.services.database.sql`select 1 from posture_controls where org_id = ${org.orgId} and check_id = 'policy-coverage' and status = 'pass'`).length > 0, 'the first evaluation', 30_000);

  const page = await signIn(org.adminKey);
  await page.getByRole('heading', { name: 'Compliance posture', level: 1 }).waitFor();
  const tiles = page.locator('section.posture-tile');
  await expect.poll(() => tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-framework')))).toEqual(['soc2', 'governance']);
  const governance = page.locator('section.posture-tile[data-framework="governance"]');
  const counts = async () => Number((await governance.locator('[data-count="fail"]').textContent())!.split(' ')[0]);
  const failBefore = await counts();
  const api = (await rawGql(app, org.adminKey, '{ posture { frameworks { framework grade counts { fail } } } }')).data.posture.frameworks.find((f: any) => f.framework === 'governance');
  expect(failBefore).toBe(api.counts.fail);
  expect(await governance.locator('.grade').textContent()).toBe(api.grade ?? '—');
  // The page must not reload: a marker on window survives only without one.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

  await ingest(org.adminKey, decisions('uncovered', 20, false)); // policy coverage 50%: FAIL
  await expect.poll(counts, { timeout: 30_000 }).toBe(failBefore + 1);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  // Failing checks come first, and the one that tipped names itself in the live line.
  expect(await governance.locator('li.posture-control .status').first().textContent()).toBe('FAIL');
  await expect.poll(() => page.locator('#posture-latest').textContent()).toContain('GOV-1: PASS → FAIL');
  await shoot(page, 'posture-live');

  await governance.getByRole('link', { name: /GOV-1 Explicit policies/ }).click();
  await page.getByRole('heading', { name: /^GOV-1:/, level: 1 }).waitFor();
  await expect.poll(() => page.locator('.events p.event').count()).toBe(20);
  expect(await page.locator('.events').textContent()).toContain('id uncovered-0');
  await shoot(page, 'posture-check');

  // A viewer sees the same tiles, and is told why there is no evidence.
  const viewer = await signIn(await org.key('viewer'));
  await viewer.locator('section.posture-tile[data-framework="governance"]').waitFor();
  await viewer.locator('section.posture-tile[data-framework="governance"]').getByRole('link', { name: /GOV-1 Explicit policies/ }).click();
  await expect.poll(() => viewer.getByRole('alert').textContent()).toContain('Evidence needs an auditor or admin key');
});
