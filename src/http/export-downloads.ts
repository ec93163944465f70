/**
 * `GET /exports/:id/download` (the file; `?as=bundle` a zip of the file, its
 * signed manifest and the public key) and `GET /exports/:id/manifest`.
 * `:id` is the export's global id (DataExport.id) or its UUID. Files stream
 * chunk by chunk; each download is recorded in the service's own audit trail.
 */
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Principal } from '../accounts/api-keys.ts';
import { badInput, notFound } from '../errors.ts';
import { recordServiceEvent } from '../events/ingest.ts';
import { MEDIA_TYPES } from '../exports/encode.ts';
import { exportFileChunks, exportManifest, fileNameOf, getExport, type ExportRecord } from '../exports/exports.ts';
import { isUuid, parseGlobalId } from '../ids.ts';
import { publicKeyById } from '../reports/signing.ts';
import type { Services } from '../services.ts';
import { contentDisposition } from './downloads.ts';
import { addRoute, authorize } from './routes.ts';

const EXPORT_BUNDLE_README = `A data export with its signed manifest.

manifest.json   the export (kind, period, filters, watermark, row count, columns) and the file's SHA-256 and size
manifest.sig    Ed25519 signature of manifest.json's exact bytes (64 raw bytes)
signature.json  signature algorithm, key id and public key (PEM)

Check by hand:  openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in manifest.json -sigfile manifest.sig
(key.pem: signature.json's publicKeyPem), then sha256sum the data file against manifest.json.
Compare the key id with Organization.signingKeys of the organisation that issued the export.
`;

function exportUuidOf(segment: string): string {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw notFound(`Data export ${segment}`);
  }
  if (isUuid(id)) return id;
  const global = parseGlobalId(id);
  if (global?.typename !== 'DataExport' || !isUuid(global.id)) throw notFound(`Data export ${id}`);
  return global.id;
}

/** 409 while not completed, 410 once retention removed the file. */
export function unavailable(row: ExportRecord): Response | null {
  if (row.status === 'completed') return null;
  if (row.status === 'expired') {
    return Response.json({ error: { code: 'GONE', message: `Data export ${row.id} has expired: retention deleted its file${row.expiresAt ? ` on ${row.expiresAt.toISOString()}` : ''}. Request the export again.` } }, { status: 410 });
  }
  const why = row.status === 'failed' ? `failed${row.error ? ` (${row.error})` : ''}` : row.status === 'cancelled' ? 'was cancelled' : `is ${row.status} (${row.progressPercent}%)`;
  return Response.json({ error: { code: 'CONFLICT', message: `Data export ${row.id} ${why}: its file can be downloaded once it is completed.` } }, { status: 409 });
}

/** The response serving a completed export's file, or its bundle. Shared by the download and share routes. */
export async function exportFileResponse(services: Services, request: Request, row: ExportRecord, asBundle: boolean): Promise<Response> {
  const headers = new Headers({ 'cache-control': 'private, no-cache', 'x-content-type-options': 'nosniff' });
  if (asBundle) {
    const signed = await exportManifest(services.database.db, row.orgId, row.id);
    if (!signed) throw new Error(`export ${row.id} is completed without a signed manifest`);
    const publicKeyPem = await publicKeyById(services, row.orgId, signed.keyId);
    const zip = new yazl.ZipFile();
    const mtime = row.completedAt ?? row.createdAt;
    const add = (data: Buffer | string, path: string) => zip.addBuffer(Buffer.from(data), path, { mtime, mode: 0o100644 });
    zip.addReadStreamLazy(fileNameOf(row), { mtime, mode: 0o100644 }, (cb) => cb(null, Readable.from(exportFileChunks(services, row.orgId, row.id))));
    add(signed.manifest, 'manifest.json');
    add(Buffer.from(signed.signature, 'base64'), 'manifest.sig');
    add(`${JSON.stringify({ algorithm: 'Ed25519', signedFile: 'manifest.json', signatureFile: 'manifest.sig', keyId: signed.keyId, publicKeyPem }, null, 2)}\n`, 'signature.json');
    add(EXPORT_BUNDLE_README, 'README.txt');
    zip.end();
    headers.set('content-type', 'application/zip');
    headers.set('content-disposition', contentDisposition(`${fileNameOf(row)}.zip`));
    headers.set('etag', `W/"${row.sha256}-bundle"`);
    return new Response(request.method === 'HEAD' ? null : (Readable.toWeb(zip.outputStream as Readable) as ReadableStream<Uint8Array>), { headers });
  }
  headers.set('content-type', MEDIA_TYPES[row.format]);
  headers.set('content-disposition', contentDisposition(fileNameOf(row)));
  headers.set('content-length', String(row.sizeBytes));
  headers.set('etag', `"${row.sha256}"`);
  headers.set('x-content-sha256', row.sha256!);
  const body = Readable.toWeb(Readable.from(exportFileChunks(services, row.orgId, row.id))) as ReadableStream<Uint8Array>;
  return new Response(request.method === 'HEAD' ? null : body, { headers });
}

addRoute({
  method: 'GET',
  path: '/exports/:id/download',
  handler: async ({ request, url, params, services }) => {
    const principal = await authorize(request, services, 'export:download');
    const as = url.searchParams.get('as') ?? 'file';
    if (as !== 'file' && as !== 'bundle') throw badInput('as', `as must be file or bundle; got "${as}"`);
    const row = await getExport(services.database.db, principal.orgId, exportUuidOf(params.id!));
    const gone = unavailable(row);
    if (gone) return gone;
    const etag = as === 'bundle' ? `W/"${row.sha256}-bundle"` : `"${row.sha256}"`;
    if (request.headers.get('if-none-match')?.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers: { etag } });
    await recordDownload(services, principal, row, as);
    return exportFileResponse(services, request, row, as === 'bundle');
  },
});

addRoute({
  method: 'GET',
  path: '/exports/:id/manifest',
  handler: async ({ request, params, services }) => {
    const principal = await authorize(request, services, 'export:read');
    const row = await getExport(services.database.db, principal.orgId, exportUuidOf(params.id!));
    const gone = unavailable(row);
    if (gone && row.status !== 'expired') return gone;
    const signed = await exportManifest(services.database.db, principal.orgId, row.id);
    if (!signed) return unavailable(row)!;
    // The exact signed bytes, with the signature beside them in headers.
    return new Response(signed.manifest, {
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signed.signature, 'x-signature-key-id': signed.keyId, 'cache-control': 'private, no-cache' },
    });
  },
});

async function recordDownload(services: Services, principal: Principal, row: ExportRecord, as: string) {
  await recordServiceEvent(services, principal.orgId, {
    action: 'export.downloaded',
    actorId: principal.keyId,
    resource: `export:${row.id}`,
    attributes: { exportId: row.id, kind: row.kind, format: row.format, as, keyName: principal.keyName },
  });
}
