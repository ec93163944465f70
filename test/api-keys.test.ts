import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { until } from './support/until.ts';

const Viewer = graphql(`
  query Viewer {
    viewer {
      role
      keyName
      organization { id name }
    }
  }
`);

const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id name role prefix revokedAt } }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { id revokedAt lastUsedAt }
  }
`);

const ListApiKeys = graphql(`
  query ListApiKeys {
    viewer { organization { apiKeys { id name role lastUsedAt revokedAt } } }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('API keys and roles', () => {
  it('answers viewer with the key\'s organisation and role', async () => {
    const org = await app.newOrg('Acme');
    const result = await app.gql(org.adminKey, Viewer);
    expect(result.errors).toBeUndefined();
    expect(result.data?.viewer).toMatchObject({ role: 'ADMIN', organization: { id: org.orgId, name: 'Acme' } });
  });

  it('rejects a missing or wrong key with UNAUTHENTICATED and HTTP 401', async () => {
    for (const key of [null, 'agr_not-a-real-key', 'garbage']) {
      const result = await app.gql(key, Viewer);
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    }
  });

  it('creates keys of each role, refuses key management to non-admins, and revokes', async () => {
    const org = await app.newOrg();
    const created = await app.gql(org.adminKey, CreateApiKey, { input: { name: 'ci', role: 'VIEWER' } });
    expect(created.errors).toBeUndefined();
    const viewerKey = created.data!.createApiKey.key;
    expect(viewerKey).toMatch(/^agr_/);
    expect(created.data!.createApiKey.apiKey).toMatchObject({ name: 'ci', role: 'VIEWER', prefix: viewerKey.slice(0, 10) });

    const asViewer = await app.gql(viewerKey, Viewer);
    expect(asViewer.data?.viewer.role).toBe('VIEWER');

    const forbidden = await app.gql(viewerKey, CreateApiKey, { input: { name: 'x', role: 'ADMIN' } });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forbidden.errors?.[0]?.message).toContain('admin');

    const revoked = await app.gql(org.adminKey, RevokeApiKey, { id: created.data!.createApiKey.apiKey.id });
    expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();
    const afterRevoke = await app.gql(viewerKey, Viewer);
    expect(afterRevoke.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows when each key was last used, and keeps it after the key is revoked', async () => {
    const org = await app.newOrg();
    const created = await app.gql(org.adminKey, CreateApiKey, { input: { name: 'used', role: 'VIEWER' } });
    const { key, apiKey } = created.data!.createApiKey;
    const keyOf = async (id: string) => (await app.gql(org.adminKey, ListApiKeys)).data!.viewer.organization.apiKeys.find((k) => k.id === id)!;
    expect((await keyOf(apiKey.id)).lastUsedAt).toBeNull();
    expect((await app.gql(key, Viewer)).data?.viewer.role).toBe('VIEWER');
    // The touch is not awaited by the request that used the key.
    const lastUsed = await until(async () => (await keyOf(apiKey.id)).lastUsedAt, 'the key\'s last use to be recorded');
    expect(Number.isNaN(Date.parse(lastUsed))).toBe(false);
    const revoked = await app.gql(org.adminKey, RevokeApiKey, { id: apiKey.id });
    expect(revoked.data?.revokeApiKey).toMatchObject({ lastUsedAt: lastUsed, revokedAt: expect.any(String) });
  });

  it('never reveals or revokes another organisation\'s keys', async () => {
    const a = await app.newOrg('A');
    const b = await app.newOrg('B');
    const bKeys = await app.gql(b.adminKey, ListApiKeys);
    const bKeyId = bKeys.data!.viewer.organization.apiKeys[0]!.id;
    const aKeys = await app.gql(a.adminKey, ListApiKeys);
    expect(aKeys.data!.viewer.organization.apiKeys.map((k) => k.id)).not.toContain(bKeyId);
    const attempt = await app.gql(a.adminKey, RevokeApiKey, { id: bKeyId });
    expect(attempt.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await app.gql(a.adminKey, RevokeApiKey, { id: 'not-a-uuid' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stillWorks = await app.gql(b.adminKey, Viewer);
    expect(stillWorks.data?.viewer.organization.name).toBe('B');
  });
});
