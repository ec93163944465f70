/**
 * `GET /reports/:id/download?format=json|csv|md|pdf|oscal|bundle` and
 * `GET /reports/:id/findings/:ordinal/evidence` (NDJSON, the link OSCAL
 * observations carry). `:id` is the report's Relay global id (what
 * `Report.id` answers) or its UUID (what `Report.downloads` urls and signed
 * OSCAL files carry). Files are streamed; each download is recorded in the
 * service's own audit trail.
 */
import { Readable } from 'node:stream';
import type { Principal } from '../accounts/api-keys.ts';
import { badInput, notFound } from '../errors.ts';
import { isUuid, parseGlobalId } from '../ids.ts';
import { recordServiceEvent } from '../events/ingest.ts';
import { artifactChunks, ensureArtifact } from '../render/artifacts.ts';
import { bundleStream } from '../render/bundle.ts';
import { evidenceNdjson } from '../render/evidence-stream.ts';
import { CONTENT_TYPES, fileName, findReport, FORMATS, isFormat, type Format } from '../render/model.ts';
import { scopeOf, type ReportRow } from '../reports/store.ts';
import type { Services } from '../services.ts';
import { addRoute, authorize } from './routes.ts';
import { parseContent } from '../reports/content.ts';

addRoute({
  method: 'GET',
  path: '/reports/:id/download',
  handler: async ({ request, url, params, services }) => {
    const principal = await authorize(request, services, 'report:download');
    const format = url.searchParams.get('format') ?? 'pdf';
    if (!isFormat(format)) throw badInput('format', `format must be one of ${FORMATS.join(', ')}; got "${format}"`);
    const row = await findReport(services, principal.orgId, reportUuidOf(params.id!));
    if (!row) throw notFound(`Report ${params.id}`);
    const unavailable = unavailableResponse(row);
    if (unavailable) return unavailable;

    const headers = new Headers({
      'content-type': CONTENT_TYPES[format],
      'content-disposition': contentDisposition(fileName(row, format)),
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
    });
    let body: ReadableStream<Uint8Array>;
    if (format === 'bundle') {
      // Deterministic for a given report and key, so the content hash names it (weakly: it is assembled per request).
      const etag = `W/"${row.contentSha256}-bundle"`;
      headers.set('etag', etag);
      if (notModified(request, etag)) return new Response(null, { status: 304, headers });
      body = Readable.toWeb(await bundleStream(services, row)) as ReadableStream<Uint8Array>;
    } else {
      const meta = await ensureArtifact(services, row, format);
      const etag = `"${meta.sha256}"`;
      headers.set('etag', etag);
      headers.set('content-length', String(meta.sizeBytes));
      if (meta.pageCount !== null) headers.set('x-page-count', String(meta.pageCount));
      if (notModified(request, etag)) return new Response(null, { status: 304, headers });
      body = webStream(artifactChunks(services, row.orgId, row.id, format, meta.sizeBytes));
    }
    await recordDownload(services, principal, row, format);
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  },
});

addRoute({
  method: 'GET',
  path: '/reports/:id/findings/:ordinal/evidence',
  handler: async ({ request, params, services }) => {
    const principal = await authorize(request, services, 'evidence:read');
    const row = await findReport(services, principal.orgId, reportUuidOf(params.id!));
    if (!row) throw notFound(`Report ${params.id}`);
    if (row.status !== 'completed' && row.status !== 'expired') return problem(409, 'CONFLICT', notReadyMessage(row));
    const ordinal = Number(params.ordinal);
    const finding = row.content ? parseContent(row.content, `report ${row.id}`).findings.find((f) => f.ordinal === ordinal) : undefined;
    if (!finding) throw notFound(`Finding ${params.ordinal} of report ${row.id}`);
    await recordDownload(services, principal, row, 'evidence', ordinal);
    const lines = evidenceNdjson(services.database.sql, scopeOf(row), [finding]);
    return new Response(webStream(encode(lines)), {
      headers: {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': contentDisposition(`${fileName(row, 'json').replace(/\.json$/, '')}-finding-${ordinal}-evidence.ndjson`),
        'x-evidence-count': String(finding.evidenceCount),
      },
    });
  },
});

/**
 * The UUID a path's report id names. A global id of another type is a client
 * mix-up worth naming (its type is in the id, so saying it discloses nothing);
 * anything else that is not a report id is simply not found, like an unknown one.
 */
function reportUuidOf(pathSegment: string): string {
  let id: string;
  try {
    // Clients encode the `=` padding of a global id (encodeURIComponent does); the router leaves segments encoded.
    id = decodeURIComponent(pathSegment);
  } catch {
    throw notFound(`Report ${pathSegment}`);
  }
  if (isUuid(id)) return id;
  const global = parseGlobalId(id);
  if (!global) throw notFound(`Report ${id}`);
  if (global.typename !== 'Report') {
    throw badInput('id', `"${id}" is the id of a ${global.typename}, not of a report: use Report.id (or the url in Report.downloads)`);
  }
  if (!isUuid(global.id)) throw notFound(`Report ${id}`);
  return global.id;
}

/** 409 while not completed, 410 once retention removed the files. */
function unavailableResponse(row: ReportRow): Response | null {
  if (row.status === 'completed') return null;
  if (row.status === 'expired') {
    return problem(410, 'GONE', `Report ${row.id} has expired: its files were deleted by the retention policy${row.expiresAt ? ` on ${row.expiresAt.toISOString()}` : ''}. Its findings and hash remain; regenerate the report to download files again.`);
  }
  return problem(409, 'CONFLICT', notReadyMessage(row));
}

function notReadyMessage(row: ReportRow): string {
  switch (row.status) {
    case 'pending':
    case 'generating':
      return `Report ${row.id} is ${row.status} (${row.progressPercent}%): downloads are available once it is completed`;
    case 'failed':
      return `Report ${row.id} failed${row.error ? ` (${row.error})` : ''} and has no files: regenerate it`;
    case 'cancelled':
      return `Report ${row.id} was cancelled and has no files: regenerate it`;
    default:
      return `Report ${row.id} is ${row.status} and has no files`;
  }
}

function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  return header !== null && header.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

/** ASCII name for old clients, RFC 5987 for the rest. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function webStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from(chunks, { objectMode: false })) as ReadableStream<Uint8Array>;
}

async function* encode(lines: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const text of lines) yield encoder.encode(text);
}

/**
 * Recorded before the file is served: a disclosure the audit trail cannot
 * record does not happen (the request fails instead).
 */
async function recordDownload(services: Services, principal: Principal, row: ReportRow, format: Format | 'evidence', finding?: number) {
  await recordServiceEvent(services, principal.orgId, {
    action: format === 'evidence' ? 'report.evidence_downloaded' : 'report.downloaded',
    actorId: principal.keyId,
    resource: `report:${row.id}`,
    attributes: { reportId: row.id, format, keyName: principal.keyName, ...(finding !== undefined ? { finding } : {}) },
  });
}
