/**
 * Delivery of files to S3-compatible storage. A storage target is a bucket
 * and prefix with credentials kept encrypted (sealSecret, like signing keys)
 * and never returned or logged. When an export or report that names targets
 * completes, one outbox row per file (channel `s3`) is written with its
 * delivery job in the same transaction; the notification worker uploads it
 * with the AWS SDK's S3 client, sends the file's MD5 and SHA-256 for the
 * server to check, reads the object back (size and ETag) before calling it
 * delivered, and pg-boss retries a failed attempt with backoff.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notifications, reportArtifacts, reports, schedules, storageTargets } from '../db/schema.ts';
import { badInput, notFound } from '../errors.ts';
import { recordServiceEvent } from '../events/ingest.ts';
import { MEDIA_TYPES } from '../exports/encode.ts';
import { exportFileChunks, exportManifest, fileNameOf, type ExportRecord } from '../exports/exports.ts';
import { isUuid } from '../ids.ts';
import { enqueueDelivery } from '../notifications/outbox.ts';
import { artifactChunks } from '../render/artifacts.ts';
import { CONTENT_TYPES, fileName } from '../render/model.ts';
import type { Requester } from '../reports/lifecycle.ts';
import { openSecret, sealSecret } from '../reports/signing.ts';
import type { Services } from '../services.ts';

const PURPOSE = 'storage-credentials';
const MAX_TARGETS = 50;

export type StorageTargetRow = Omit<typeof storageTargets.$inferSelect, 'credentialsEncrypted'>;
const { credentialsEncrypted: _secret, ...PUBLIC } = getTableColumns(storageTargets);

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

/** What an `s3` outbox row's body says: which file goes where. */
interface S3Delivery {
  targetId: string;
  key: string;
  source: { exportId: string; part: 'file' | 'manifest' | 'signature' } | { reportId: string; format: string };
  sizeBytes: number | null;
  sha256: string | null;
  contentType: string;
}

export async function createStorageTarget(services: Services, requester: Requester, input: StorageTargetInput): Promise<StorageTargetRow> {
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
  const [row] = await services.database.db
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
      credentialsEncrypted: sealSecret(services, requester.orgId, PURPOSE, id, credentials),
      createdBy: requester.name,
    })
    .returning(PUBLIC);
  await recordServiceEvent(services, requester.orgId, { action: 'storage_target.created', actorId: requester.actorId, resource: `storage_target:${id}`, attributes: { bucket, endpoint } });
  return row!;
}

export function listStorageTargets(db: Db, orgId: string): Promise<StorageTargetRow[]> {
  return db.select(PUBLIC).from(storageTargets).where(eq(storageTargets.orgId, orgId)).orderBy(asc(storageTargets.createdAt), asc(storageTargets.id));
}

export async function deleteStorageTarget(services: Services, requester: Requester, id: string): Promise<StorageTargetRow> {
  const [row] = isUuid(id) ? await services.database.db.delete(storageTargets).where(and(eq(storageTargets.orgId, requester.orgId), eq(storageTargets.id, id))).returning(PUBLIC) : [];
  if (!row) throw notFound('Storage target');
  // Schedules stop naming it, so their next runs are not refused over a target that is gone.
  await services.database.db
    .update(schedules)
    .set({ deliverTo: sql`array_remove(${schedules.deliverTo}, ${id}::uuid)` })
    .where(and(eq(schedules.orgId, requester.orgId), sql`${id}::uuid = any(${schedules.deliverTo})`));
  await recordServiceEvent(services, requester.orgId, { action: 'storage_target.deleted', actorId: requester.actorId, resource: `storage_target:${id}` });
  return row;
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

const keyOf = (prefix: string, name: string) => (prefix ? `${prefix.replace(/\/+$/, '')}/${name}` : name);

/** Outbox rows (and their jobs) for a completed export's file, manifest and signature, to each of its targets. */
export async function deliverExport(services: Services, row: ExportRecord): Promise<number> {
  if (!row.deliverTo.length || row.status !== 'completed') return 0;
  const name = fileNameOf(row);
  const files: Array<Omit<S3Delivery, 'targetId' | 'key'> & { name: string }> = [
    { name, source: { exportId: row.id, part: 'file' }, sizeBytes: row.sizeBytes, sha256: row.sha256, contentType: MEDIA_TYPES[row.format] },
    { name: `${name}.manifest.json`, source: { exportId: row.id, part: 'manifest' }, sizeBytes: null, sha256: null, contentType: 'application/json' },
    { name: `${name}.manifest.sig`, source: { exportId: row.id, part: 'signature' }, sizeBytes: null, sha256: null, contentType: 'application/octet-stream' },
  ];
  return enqueue(services, row.orgId, null, `export:${row.id}`, row.deliverTo, files);
}

/** Outbox rows for a completed report's stored files (every format rendered), to each of its targets. */
export async function deliverReport(services: Services, reportId: string): Promise<number> {
  const [report] = await services.database.db.select().from(reports).where(eq(reports.id, reportId));
  if (!report || report.status !== 'completed' || !report.deliverTo.length) return 0;
  const artifacts = await services.database.db
    .select({ format: reportArtifacts.format, sizeBytes: reportArtifacts.sizeBytes, sha256: reportArtifacts.sha256 })
    .from(reportArtifacts)
    .where(and(eq(reportArtifacts.orgId, report.orgId), eq(reportArtifacts.reportId, report.id)));
  const files = artifacts.map((a) => ({
    name: fileName(report, a.format as never),
    source: { reportId: report.id, format: a.format },
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    contentType: CONTENT_TYPES[a.format as keyof typeof CONTENT_TYPES] ?? 'application/octet-stream',
  }));
  return enqueue(services, report.orgId, report.id, `report:${report.id}`, report.deliverTo, files);
}

async function enqueue(services: Services, orgId: string, reportId: string | null, subject: string, targetIds: string[], files: Array<Omit<S3Delivery, 'targetId' | 'key'> & { name: string }>): Promise<number> {
  const queue = services.queue;
  const { db } = services.database;
  const targets = await db.select(PUBLIC).from(storageTargets).where(and(eq(storageTargets.orgId, orgId), inArray(storageTargets.id, targetIds)));
  if (!targets.length) return 0;
  const event = subject.startsWith('export:') ? 'export.delivered' : 'report.delivered';
  return db.transaction(async (tx) => {
    // One hook at a time per subject, so a retried hook finds the rows of the first.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`deliver:${subject}`}, 0))`);
    const existing = await tx.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.orgId, orgId), eq(notifications.channel, 's3'), eq(notifications.subject, subject))).limit(1);
    if (existing.length) return 0;
    const rows = await tx
      .insert(notifications)
      .values(
        targets.flatMap((t) =>
          files.map((f) => {
            const key = keyOf(t.prefix, f.name);
            const body: S3Delivery = { targetId: t.id, key, source: f.source, sizeBytes: f.sizeBytes, sha256: f.sha256, contentType: f.contentType };
            return { orgId, reportId, channel: 's3' as const, target: `s3://${t.bucket}/${key}`, event, subject, body: JSON.stringify(body) };
          }),
        ),
      )
      .returning();
    if (queue) for (const row of rows) await enqueueDelivery(services, queue, tx as never, row);
    return rows.length;
  });
}

/** A clear reason for a failed upload: S3's error code and message, or the network error; never a credential. */
export class UploadFailed extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/** One upload attempt of one outbox row: put, then read back and compare before it counts as delivered. */
export async function uploadToS3(services: Services, row: { orgId: string; body: string }): Promise<number> {
  const delivery = JSON.parse(row.body) as S3Delivery;
  const [target] = await services.database.db.select().from(storageTargets).where(and(eq(storageTargets.orgId, row.orgId), eq(storageTargets.id, delivery.targetId)));
  if (!target) throw new UploadFailed('the storage target was deleted');
  const credentials = JSON.parse(openSecret(services, row.orgId, PURPOSE, target.id, target.credentialsEncrypted).toString('utf8')) as { accessKeyId: string; secretAccessKey: string };
  const client = new S3Client({
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    forcePathStyle: target.forcePathStyle,
    credentials,
    // pg-boss retries with backoff and records each attempt; the SDK's own retries would hide them.
    maxAttempts: 1,
    // The checksums are computed here, over the stored bytes, and sent as headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { requestTimeout: 60_000, connectionTimeout: 10_000 },
  });
  try {
    // First pass: size and hashes of exactly what will be sent; second pass: the upload itself.
    const md5 = createHash('md5');
    const sha = createHash('sha256');
    let size = 0;
    for await (const chunk of chunksOf(services, row.orgId, delivery)) {
      md5.update(chunk);
      sha.update(chunk);
      size += chunk.length;
    }
    const md5Hex = md5.digest('hex');
    const sha256 = sha.digest();
    if (delivery.sha256 && sha256.toString('hex') !== delivery.sha256) throw new UploadFailed(`the stored file no longer matches its SHA-256 ${delivery.sha256}; not uploaded`);
    await client.send(
      new PutObjectCommand({
        Bucket: target.bucket,
        Key: delivery.key,
        Body: Readable.from(chunksOf(services, row.orgId, delivery)),
        ContentLength: size,
        ContentType: delivery.contentType,
        ContentMD5: Buffer.from(md5Hex, 'hex').toString('base64'),
        ChecksumSHA256: sha256.toString('base64'),
        Metadata: { sha256: sha256.toString('hex') },
      }),
    );
    // Read back: the object must be there with our size and (single-part PUT) our MD5 as its ETag.
    const head = await client.send(new HeadObjectCommand({ Bucket: target.bucket, Key: delivery.key }));
    const etag = head.ETag?.replace(/"/g, '');
    if (head.ContentLength !== size || etag !== md5Hex) {
      throw new UploadFailed(`the uploaded object does not match: ${head.ContentLength} bytes with ETag ${etag}, expected ${size} bytes with MD5 ${md5Hex}`);
    }
    return 200;
  } catch (error) {
    throw describe(error);
  } finally {
    client.destroy();
  }
}

function chunksOf(services: Services, orgId: string, d: S3Delivery): AsyncIterable<Buffer> {
  if ('exportId' in d.source) {
    const { exportId, part } = d.source;
    if (part === 'file') return exportFileChunks(services, orgId, exportId);
    return (async function* () {
      const signed = await exportManifest(services.database.db, orgId, exportId);
      if (!signed) throw new UploadFailed('the export has no signed manifest (expired or deleted)');
      yield part === 'manifest' ? Buffer.from(signed.manifest, 'utf8') : Buffer.from(signed.signature, 'base64');
    })();
  }
  return artifactChunks(services, orgId, d.source.reportId, d.source.format as never, d.sizeBytes ?? 0);
}

function describe(error: unknown): UploadFailed {
  if (error instanceof UploadFailed) return error;
  if (error instanceof S3ServiceException) {
    const status = error.$metadata?.httpStatusCode;
    return new UploadFailed(`S3 answered ${error.name}${status ? ` (HTTP ${status})` : ''}: ${error.message}`, status);
  }
  const e = error as { code?: string; message?: string; name?: string };
  return new UploadFailed(`upload failed: ${e.code ?? e.name ?? 'error'}${e.message ? ` (${e.message})` : ''}`);
}
