import { issueApiKey, listApiKeys, revokeApiKey, type ApiKeyRow } from '../accounts/api-keys.ts';
import { ROLES } from '../access.ts';
import { actorOf } from './context.ts';
import { builder } from './builder.ts';

export const Role = builder.enumType('Role', {
  description: 'What an API key may do: admin (everything), auditor (read reports, findings, evidence, downloads), ingest (write events), viewer (read reports).',
  values: Object.fromEntries(ROLES.map((r) => [r.toUpperCase(), { value: r }])) as Record<Uppercase<(typeof ROLES)[number]>, { value: (typeof ROLES)[number] }>,
});

const ApiKey = builder.objectRef<ApiKeyRow>('ApiKey').implement({
  description: 'An API key of the organisation. The key itself is shown only once, when created.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id of the key (not the key).' }),
    name: t.exposeString('name', { description: 'Name given at creation.' }),
    role: t.field({ type: Role, description: 'Role granted by the key.', resolve: (k) => k.role }),
    prefix: t.exposeString('prefix', { description: 'First characters of the key, to tell keys apart.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the key was created.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last use, to the minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When the key was revoked, if it was.' }),
  }),
});

interface OrganizationShape {
  id: string;
  name: string;
}

export const Organization = builder.objectRef<OrganizationShape>('Organization').implement({
  description: 'The organisation an API key belongs to; everything is scoped to it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Organisation id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    apiKeys: t.field({
      type: [ApiKey],
      description: 'The organisation\'s API keys (admin only).',
      authScopes: { can: 'apiKey:manage' },
      resolve: (org, _args, ctx) => listApiKeys(ctx.services.database.db, org.id),
    }),
  }),
});

const Viewer = builder.objectRef<{ orgId: string; orgName: string; keyName: string; role: (typeof ROLES)[number] }>('Viewer').implement({
  description: 'The caller: the API key in use and its organisation.',
  fields: (t) => ({
    organization: t.field({ type: Organization, description: 'The key\'s organisation.', resolve: (v) => ({ id: v.orgId, name: v.orgName }) }),
    role: t.field({ type: Role, description: 'The key\'s role.', resolve: (v) => v.role }),
    keyName: t.exposeString('keyName', { description: 'Name of the key in use.' }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    description: 'Who is calling: organisation and role of the API key.',
    authScopes: { can: 'organization:read' },
    resolve: (_root, _args, ctx) => ctx.principal!,
  }),
);

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'A name to recognise the key by, 1–100 characters.' }),
    role: t.field({ type: Role, required: true, description: 'The role the key grants.' }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<{ key: string; apiKey: ApiKeyRow }>('CreateApiKeyPayload').implement({
  description: 'The new key, in clear this once: store it now.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The secret key. It is not stored and cannot be shown again.' }),
    apiKey: t.field({ type: ApiKey, description: 'The key\'s record.', resolve: (p) => p.apiKey }),
  }),
});

builder.mutationField('createApiKey', (t) =>
  t.field({
    type: CreateApiKeyPayload,
    description: 'Creates an API key for the caller\'s organisation (admin only).',
    authScopes: { can: 'apiKey:manage' },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'Name and role.' }) },
    resolve: async (_root, { input }, ctx) => {
      return issueApiKey(ctx.services, actorOf(ctx), input);
    },
  }),
);

builder.mutationField('revokeApiKey', (t) =>
  t.field({
    type: ApiKey,
    description: 'Revokes an API key of the caller\'s organisation at once (admin only).',
    authScopes: { can: 'apiKey:manage' },
    args: { id: t.arg.id({ required: true, description: 'The key\'s id (ApiKey.id).' }) },
    resolve: async (_root, { id }, ctx) => {
      const key = await revokeApiKey(ctx.services, actorOf(ctx), String(id));
      ctx.services.auth.revoked(key.id);
      return key;
    },
  }),
);
