/**
 * Storage targets: S3-compatible buckets (with a prefix) an organisation
 * delivers report and export files to. Credentials are kept encrypted
 * (sealSecret) and never returned or logged; delivery/s3.ts uploads.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../access.ts';
import type { Db } from '../db/client.ts';
import { schedules, storageTargets } from '../db/schema.ts';
import { badInput, notFound } from '../errors.ts';
import { auditedTransaction } from '../events/ingest.ts';
import { isUuid } from '../ids.ts';
import type { Services } from '../services.ts';
import { sealSecret } from './secrets.ts';

/** The purpose storage credentials are sealed for (delivery/s3.ts opens them with it). */
export const CREDENTIALS_PURPOSE = 'storage-credentials';
const MAX_TARGETS = 50;

export type StorageTargetRow = Omit<typeof storageTargets.$inferSelect, 'credentialsEncrypted'>;
/** Every column but the credentials: what may be read back. */
export const { credentialsEncrypted: _secret, ...PUBLIC_COLUMNS } = getTableColumns(storageTargets);

export interface StorageTargetInput {
  name: string;
  endpoint?: string | null;
  region?: string | null;
  bucket: string;
  prefix?: string | null;
  forcePathStyle?: boolean | null;
  accessKeyId: string;
  secretAccessKey: string;
}

export async function createStorageTarget(services: Services, requester: Actor, input: StorageTargetInput): Promise<StorageTargetRow> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw badInput('name', 'name must be 1 to 100 characters');
  let endpoint: string | null = null;
  if (input.endpoint?.trim()) {
    try {
      const url = new URL(input.endpoint.trim());
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
      endpoint = url.toString().replace(/\/+$/, '');
    } catch {
      throw badInput('endpoint', 'endpoint must be an http(s) URL, e.g. https://s3.example.com (leave it out for AWS S3)');
    }
  }
  const bucket = input.bucket.trim();
  // The S3 bucket naming rules: 3-63 lowercase letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw badInput('bucket', 'bucket must be an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens');
  const prefix = (input.prefix ?? '').trim().replace(/^\/+/, '');
  if (prefix.length > 512 || /[\u0000-\u001f]/.test(prefix)) throw badInput('prefix', 'prefix must be at most 512 characters without control characters');
  const region = input.region?.trim() || 'us-east-1';
  if (!input.accessKeyId.trim() || !input.secretAccessKey) throw badInput('accessKeyId', 'accessKeyId and secretAccessKey are both required');
  const [count] = await services.database.db.select({ n: sql<number>`count(*)::int` }).from(storageTargets).where(eq(storageTargets.orgId, requester.orgId));
  if ((count?.n ?? 0) >= MAX_TARGETS) throw badInput('name', `An organisation may have at most ${MAX_TARGETS} storage targets; delete one first.`);
  const id = randomUUID();
  const credentials = Buffer.from(JSON.stringify({ accessKeyId: input.accessKeyId.trim(), secretAccessKey: input.secretAccessKey }), 'utf8');
  const [row] = await auditedTransaction(services, requester.orgId, (tx) => tx
    .insert(storageTargets)
    .values({
      orgId: requester.orgId,
      id,
      name,
      endpoint,
      region,
      bucket,
      prefix,
      forcePathStyle: input.forcePathStyle ?? endpoint !== null,
      accessKeyHint: `…${input.accessKeyId.trim().slice(-4)}`,
      credentialsEncrypted: sealSecret(services, requester.orgId, CREDENTIALS_PURPOSE, id, credentials),
      createdBy: requester.name,
    })
    .returning(PUBLIC_COLUMNS), () => ({ action: 'storage_target.created', actorId: requester.actorId, resource: `storage_target:${id}`, attributes: { bucket, endpoint } }));
  return row!;
}

export function listStorageTargets(db: Db, orgId: string): Promise<StorageTargetRow[]> {
  return db.select(PUBLIC_COLUMNS).from(storageTargets).where(eq(storageTargets.orgId, orgId)).orderBy(asc(storageTargets.createdAt), asc(storageTargets.id));
}

export async function deleteStorageTarget(services: Services, requester: Actor, id: string): Promise<StorageTargetRow> {
  if (!isUuid(id)) throw notFound('Storage target');
  return auditedTransaction(services, requester.orgId, async (tx) => {
    const [row] = await tx.delete(storageTargets).where(and(eq(storageTargets.orgId, requester.orgId), eq(storageTargets.id, id))).returning(PUBLIC_COLUMNS);
    if (!row) throw notFound('Storage target');
    // Schedules stop naming it, so their next runs are not refused over a target that is gone.
    await tx
      .update(schedules)
      .set({ deliverTo: sql`array_remove(${schedules.deliverTo}, ${id}::uuid)` })
      .where(and(eq(schedules.orgId, requester.orgId), sql`${id}::uuid = any(${schedules.deliverTo})`));
    return row;
  }, () => ({ action: 'storage_target.deleted', actorId: requester.actorId, resource: `storage_target:${id}` }));
}

/** Target ids a request names must be the organisation's own (an unknown or foreign id is refused, by index). */
export async function checkTargets(db: Db, orgId: string, ids: readonly string[] | null | undefined, field = 'deliverTo'): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (!unique.length) return [];
  const known = unique.some((id) => !isUuid(id)) ? [] : await db.select({ id: storageTargets.id }).from(storageTargets).where(and(eq(storageTargets.orgId, orgId), inArray(storageTargets.id, unique)));
  const index = unique.findIndex((id) => !known.some((k) => k.id === id));
  if (index >= 0) throw badInput(`${field}.${index}`, `${field}[${index}]: no storage target "${unique[index]}" in this organisation (see the storageTargets query)`);
  return unique;
}
