/**
 * Delivery of files to S3-compatible storage (the targets themselves, their
 * encrypted credentials included, are accounts/storage-targets.ts). When an export, report or package that names targets
 * completes, one outbox row per file (channel `s3`) is written with its
 * delivery job in the same transaction; the notification worker uploads it
 * with the AWS SDK's S3 client, sends the file's MD5 and SHA-256 for the
 * server to check, reads the object back (size and ETag) before calling it
 * delivered, and pg-boss retries a failed attempt with backoff.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openSecret } from '../accounts/secrets.ts';
import { CREDENTIALS_PURPOSE, PUBLIC_COLUMNS } from '../accounts/storage-targets.ts';
import { notifications, reportArtifacts, reports, storageTargets } from '../db/schema.ts';
import { MEDIA_TYPES } from '../exports/encode.ts';
import { exportFileChunks, exportManifest, fileNameOf, type ExportRecord } from '../exports/exports.ts';
import { enqueueDelivery } from '../notifications/outbox.ts';
import { packageFileChunks, packageFileName, packageManifest, type PackageRecord } from '../packages/packages.ts';
import { artifactChunks } from '../render/artifacts.ts';
import { CONTENT_TYPES, fileName } from '../render/model.ts';
import type { Services } from '../services.ts';

/** What an `s3` outbox row's body says: which file goes where. */
interface S3Delivery {
  targetId: string;
  key: string;
  source:
    | { exportId: string; part: 'file' | 'manifest' | 'signature' }
    | { packageId: string; part: 'pdf' | 'zip' | 'manifest' | 'signature' }
    | { reportId: string; format: string };
  sizeBytes: number | null;
  sha256: string | null;
  contentType: string;
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

/**
 * Outbox rows for a completed package's PDF and zip, and its signed manifest
 * beside them (it lists the PDF and every file in the zip), to each of its targets.
 */
export async function deliverPackage(services: Services, row: PackageRecord): Promise<number> {
  if (!row.deliverTo.length || row.status !== 'completed') return 0;
  const base = packageFileName(row, 'zip').replace(/\.zip$/, '');
  const files: Array<Omit<S3Delivery, 'targetId' | 'key'> & { name: string }> = [
    { name: packageFileName(row, 'pdf'), source: { packageId: row.id, part: 'pdf' }, sizeBytes: row.pdfSizeBytes, sha256: row.pdfSha256, contentType: 'application/pdf' },
    { name: packageFileName(row, 'zip'), source: { packageId: row.id, part: 'zip' }, sizeBytes: row.zipSizeBytes, sha256: row.zipSha256, contentType: 'application/zip' },
    { name: `${base}.manifest.json`, source: { packageId: row.id, part: 'manifest' }, sizeBytes: null, sha256: null, contentType: 'application/json' },
    { name: `${base}.manifest.sig`, source: { packageId: row.id, part: 'signature' }, sizeBytes: null, sha256: null, contentType: 'application/octet-stream' },
  ];
  return enqueue(services, row.orgId, null, `package:${row.id}`, row.deliverTo, files);
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
  const targets = await db.select(PUBLIC_COLUMNS).from(storageTargets).where(and(eq(storageTargets.orgId, orgId), inArray(storageTargets.id, targetIds)));
  if (!targets.length) return 0;
  const event = `${subject.slice(0, subject.indexOf(':'))}.delivered`;
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
class UploadFailed extends Error {
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
  const credentials = JSON.parse(openSecret(services, row.orgId, CREDENTIALS_PURPOSE, target.id, target.credentialsEncrypted).toString('utf8')) as { accessKeyId: string; secretAccessKey: string };
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
  if ('packageId' in d.source) {
    const { packageId, part } = d.source;
    if (part === 'pdf' || part === 'zip') return packageFileChunks(services, orgId, packageId, part);
    return (async function* () {
      const signed = await packageManifest(services.database.db, orgId, packageId);
      if (!signed) throw new UploadFailed('the package has no signed manifest (expired or deleted)');
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
