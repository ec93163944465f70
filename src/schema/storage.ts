/** Storage targets (S3-compatible buckets) files are delivered to; their credentials never leave the service. */
import { actorOf, orgOf } from './context.ts';
import { createStorageTarget, deleteStorageTarget, listStorageTargets, type StorageTargetRow } from '../accounts/storage-targets.ts';
import { builder } from './builder.ts';


const StorageTarget = builder.objectRef<StorageTargetRow>('StorageTarget').implement({
  description: 'An S3-compatible bucket and prefix that schedules, reports and exports deliver files to. Its credentials are stored encrypted and never returned.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id to name in deliverTo.' }),
    name: t.exposeString('name', { description: 'Name.' }),
    endpoint: t.string({ nullable: true, description: 'Endpoint of an S3-compatible service; null for AWS S3.', resolve: (s) => s.endpoint }),
    region: t.exposeString('region', { description: 'Region.' }),
    bucket: t.exposeString('bucket', { description: 'Bucket.' }),
    prefix: t.exposeString('prefix', { description: 'Key prefix ("" for the bucket root).' }),
    forcePathStyle: t.exposeBoolean('forcePathStyle', { description: 'Path-style addressing (endpoint/bucket/key), as most S3-compatible services need.' }),
    accessKeyHint: t.exposeString('accessKeyHint', { description: 'Last characters of the access key id, to tell targets apart.' }),
    createdBy: t.exposeString('createdBy', { description: 'API key that created it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

const StorageTargetInput = builder.inputType('StorageTargetInput', {
  description: 'A bucket to deliver to, with credentials that may write to it (stored encrypted, never shown again).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Name, e.g. "audit archive".' }),
    endpoint: t.string({ description: 'Endpoint URL of an S3-compatible service (MinIO, Ceph, R2…); leave out for AWS S3.' }),
    region: t.string({ description: 'Region; default us-east-1.' }),
    bucket: t.string({ required: true, description: 'Bucket name.' }),
    prefix: t.string({ description: 'Key prefix, e.g. "compliance/2026"; default the bucket root.' }),
    forcePathStyle: t.boolean({ description: 'Path-style addressing; default true with an endpoint, false for AWS S3.' }),
    accessKeyId: t.string({ required: true, description: 'Access key id.' }),
    secretAccessKey: t.string({ required: true, description: 'Secret access key.' }),
  }),
});

builder.queryField('storageTargets', (t) =>
  t.field({
    type: [StorageTarget],
    description: 'Storage targets of the organisation, oldest first.',
    authScopes: { can: 'storage:manage' },
    resolve: (_root, _args, ctx) => listStorageTargets(ctx.services.database.db, orgOf(ctx)),
  }),
);

builder.mutationFields((t) => ({
  createStorageTarget: t.field({
    type: StorageTarget,
    description: 'Adds a storage target. Nothing is uploaded until a report, schedule or export names it in deliverTo.',
    authScopes: { can: 'storage:manage' },
    args: { input: t.arg({ type: StorageTargetInput, required: true, description: 'Bucket, prefix and credentials.' }) },
    resolve: (_root, { input }, ctx) => createStorageTarget(ctx.services, actorOf(ctx), input),
  }),
  deleteStorageTarget: t.field({
    type: StorageTarget,
    description: 'Deletes a storage target and its credentials; schedules stop naming it, uploads still waiting for it fail.',
    authScopes: { can: 'storage:manage' },
    args: { id: t.arg.id({ required: true, description: 'Storage target id.' }) },
    resolve: (_root, { id }, ctx) => deleteStorageTarget(ctx.services, actorOf(ctx), String(id)),
  }),
}));
