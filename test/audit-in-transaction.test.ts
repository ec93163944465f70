/**
 * An action and its audit event commit together or not at all: when the audit trail refuses
 * the event (here a trigger of the test's own organisation raises), the action rolls back too.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';

const doc = (text: string) => parse(text) as TypedDocumentNode<any, any>;
const Revoke = doc('mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }');
const Keys = doc('{ viewer { organization { apiKeys { id name revokedAt } } } }');
const Trail = doc('query ($filter: AuditEventFilter) { auditEvents(filter: $filter, first: 50) { edges { node { action resource } } } }');
const Reports = doc('{ reports(first: 1) { totalCount } }');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ jobs: 'none' });
});
afterAll(() => app.close());

it('leaves a key unrevoked when its revocation cannot be audited, and revokes it with its event once it can', async () => {
  const org = await app.newOrg('Audited');
  const viewerKey = await org.key('viewer');
  const viewerId = ((await app.gql(org.adminKey, Keys)).data.viewer.organization.apiKeys as Array<{ id: string; name: string }>).find((k) => k.name === 'viewer')!.id;
  const { sql } = app.services.database;
  const trigger = `refuse_audit_${org.orgId.replaceAll('-', '')}`;
  await sql.unsafe(`create function ${trigger}() returns trigger language plpgsql as $$
    begin if new.org_id = '${org.orgId}' and new.action = 'api_key.revoked' then raise exception 'audit trail refused the event'; end if; return new; end $$`);
  await sql.unsafe(`create trigger ${trigger} before insert on audit_events for each row execute function ${trigger}()`);
  try {
    const refused = await app.gql(org.adminKey, Revoke, { id: viewerId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    // The revocation rolled back with its event: the key is not revoked and still works.
    const keys = (await app.gql(org.adminKey, Keys)).data.viewer.organization.apiKeys as Array<{ id: string; revokedAt: string | null }>;
    expect(keys.find((k) => k.id === viewerId)?.revokedAt).toBeNull();
    expect((await app.gql(viewerKey, Reports)).data?.reports.totalCount).toBe(0);
  } finally {
    await sql.unsafe(`drop trigger ${trigger} on audit_events`);
    await sql.unsafe(`drop function ${trigger}()`);
  }
  const revoked = await app.gql(org.adminKey, Revoke, { id: viewerId });
  expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();
  const trail = (await app.gql(org.adminKey, Trail, { filter: { actions: ['api_key.revoked'] } })).data?.auditEvents.edges ?? [];
  expect(trail.map((e: { node: { resource: string } }) => e.node.resource)).toEqual([`api_key:${viewerId}`]);
});
