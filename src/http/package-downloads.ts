/**
 * `GET /packages/:id/download?file=pdf|zip`: a completed compliance package's
 * PDF or zip, streamed chunk by chunk. `:id` is the package's global id
 * (CompliancePackage.id) or its UUID. Each download is recorded in the
 * service's own audit trail.
 */
import { Readable } from 'node:stream';
import { badInput, notFound } from '../errors.ts';
import { recordServiceEvent } from '../events/ingest.ts';
import { isUuid, parseGlobalId } from '../ids.ts';
import { getPackage, packageFileChunks, packageFileName, PACKAGE_FILES, type PackageFile, type PackageRecord } from '../packages/packages.ts';
import type { Services } from '../services.ts';
import { contentDisposition } from './downloads.ts';
import { addRoute, authorize } from './routes.ts';

function packageUuidOf(segment: string): string {
  let id: string;
  try {
    id = decodeURIComponent(segment);
  } catch {
    throw notFound(`Compliance package ${segment}`);
  }
  if (isUuid(id)) return id;
  const global = parseGlobalId(id);
  if (global?.typename !== 'CompliancePackage' || !isUuid(global.id)) throw notFound(`Compliance package ${id}`);
  return global.id;
}

/** 409 while not completed, 410 once retention removed the files. */
export function unavailable(row: PackageRecord): Response | null {
  if (row.status === 'completed') return null;
  if (row.status === 'expired') {
    return Response.json({ error: { code: 'GONE', message: `Compliance package ${row.id} has expired: retention deleted its files${row.expiresAt ? ` on ${row.expiresAt.toISOString()}` : ''}. Request it again.` } }, { status: 410 });
  }
  const why = row.status === 'failed' ? `failed${row.error ? ` (${row.error})` : ''}` : row.status === 'cancelled' ? 'was cancelled' : `is ${row.status} (${row.progressPercent}%)`;
  return Response.json({ error: { code: 'CONFLICT', message: `Compliance package ${row.id} ${why}: its files can be downloaded once it is completed.` } }, { status: 409 });
}

addRoute({
  method: 'GET',
  path: '/packages/:id/download',
  handler: async ({ request, url, params, services }) => {
    const principal = await authorize(request, services, 'package:download');
    const file = (url.searchParams.get('file') ?? 'zip') as PackageFile;
    if (!PACKAGE_FILES.includes(file)) throw badInput('file', `file must be ${PACKAGE_FILES.join(' or ')}; got "${String(file).slice(0, 20)}"`);
    const row = await getPackage(services.database.db, principal.orgId, packageUuidOf(params.id!));
    const gone = unavailable(row);
    if (gone) return gone;
    const etag = `"${file === 'pdf' ? row.pdfSha256! : row.zipSha256!}"`;
    if (request.headers.get('if-none-match')?.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers: { etag } });
    await recordServiceEvent(services, principal.orgId, {
      action: 'package.downloaded',
      actorId: principal.keyId,
      resource: `package:${row.id}`,
      attributes: { packageId: row.id, file, keyName: principal.keyName },
    });
    return packageFileResponse(services, request, row, file);
  },
});

/** The response serving a completed package's PDF or zip. Shared by the download and share routes. */
export function packageFileResponse(services: Services, request: Request, row: PackageRecord, file: PackageFile): Response {
  const sha256 = file === 'pdf' ? row.pdfSha256! : row.zipSha256!;
  const headers = new Headers({
    'cache-control': 'private, no-cache',
    'x-content-type-options': 'nosniff',
    'content-type': file === 'pdf' ? 'application/pdf' : 'application/zip',
    'content-disposition': contentDisposition(packageFileName(row, file)),
    'content-length': String(file === 'pdf' ? row.pdfSizeBytes : row.zipSizeBytes),
    etag: `"${sha256}"`,
    'x-content-sha256': sha256,
  });
  const body = Readable.toWeb(Readable.from(packageFileChunks(services, row.orgId, row.id, file))) as ReadableStream<Uint8Array>;
  return new Response(request.method === 'HEAD' ? null : body, { headers });
}
