/**
 * Production start and the way back from a lost admin key: `start` with
 * NODE_ENV=production on an empty database creates no demo organisation and
 * prints no key; `org key` issues a new admin key for an organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../src/db/client.ts';
import { databaseUrl, startTestApp, type TestApp } from './support/app.ts';
import { runCli } from './support/cli.ts';
import { killAllProcesses, spawnProcess, stopProcess } from './support/processes.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
});
afterAll(async () => {
  killAllProcesses();
  await app.close();
});

describe('NODE_ENV=production npm start', () => {
  it('creates no demo organisation and prints no key on an empty database', async () => {
    const name = `agr_prod_${Math.random().toString(36).slice(2, 8)}`;
    const admin = connect(databaseUrl(), { max: 1 });
    await admin.sql.unsafe(`create database ${name}`);
    const url = new URL(databaseUrl());
    url.pathname = `/${name}`;
    try {
      const server = spawnProcess('start', { DATABASE_URL: url.toString(), NODE_ENV: 'production', SIGNING_KEY_SECRET: 'x'.repeat(40), LOG_LEVEL: 'info', JOB_SCHEMA: 'pgboss' });
      await server.ready;
      expect(await stopProcess(server.child)).toBe(0);
      expect(server.output()).not.toMatch(/agr_/);
      expect(server.output()).not.toContain('Demo organization');
      expect(server.output()).toContain('org create --name NAME');
      // Links sent away would carry a base derived from HOST and PORT: the operator is told once, at start.
      expect(server.output()).toContain('PUBLIC_URL is not set: links in webhooks, e-mails and posture alerts use http://');
      const db = connect(url.toString(), { max: 1 });
      const [{ n }] = (await db.sql`select count(*)::int as n from organizations`) as unknown as [{ n: number }];
      await db.close();
      expect(n).toBe(0);
    } finally {
      await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
      await admin.close();
    }
  }, 180_000);
});

describe('org key', () => {
  it('issues a new admin key for an organisation, which works at once', async () => {
    const org = await app.newOrg('Lost key');
    const result = await runCli(['org', 'key', '--org', org.orgId, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const { apiKey, organizationId } = JSON.parse(result.stdout) as { apiKey: string; organizationId: string };
    expect(organizationId).toBe(org.orgId);
    const response = await app.fetch('/graphql', { method: 'POST', key: apiKey, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { role organization { id } } }' }) });
    expect(((await response.json()) as { data: unknown }).data).toEqual({ viewer: { role: 'ADMIN', organization: { id: org.orgId } } });
  }, 120_000);

  it('says what is wrong with a missing or unknown organisation', async () => {
    const missing = await runCli(['org', 'key']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('org key needs --org ID');
    const unknown = await runCli(['org', 'key', '--org', '5f0c4a8e-1d2b-4c3a-9e8f-7a6b5c4d3e2f']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no organisation 5f0c4a8e-1d2b-4c3a-9e8f-7a6b5c4d3e2f');
  }, 120_000);
});
