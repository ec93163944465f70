/**
 * `GET /shared/:token` (the page), `POST /shared/:token` (the password form)
 * and `GET /shared/:token/download?format=` for share-link holders, who have
 * no API key. A link only ever reaches its own report in its own
 * organisation; every use and every wrong password is recorded.
 */
import { Readable } from 'node:stream';
import { and, eq, isNull } from 'drizzle-orm';
import { compliancePackages, dataExports, organizations, reports } from '../db/schema.ts';
import { exportsByIds, fileNameOf, type ExportRecord } from '../exports/exports.ts';
import { packageFileName, type PackageFile, type PackageRecord } from '../packages/packages.ts';
import { reportsByIds } from '../reports/lifecycle.ts';
import { publicKeyById } from '../reports/signing.ts';
import { sharedExportPage, sharedPackagePage } from '../sharing/shared-files.ts';
import { exportFileResponse } from './export-downloads.ts';
import { packageFileResponse } from './package-downloads.ts';
import { artifactChunks, ensureArtifact, renderFormat } from '../render/artifacts.ts';
import { bundleStream, type BundleRedaction } from '../render/bundle.ts';
import { CONTENT_TYPES, fileName, isFormat, loadRenderable, type Format } from '../render/model.ts';
import { scopeOf, type ReportRow } from '../reports/store.ts';
import type { Services } from '../services.ts';
import { pseudonymiseEvent, pseudonymisedRenderable, pseudonymiser, textRedactor } from '../sharing/pseudonymise.ts';
import { checkPassword, findByToken, pseudonymKey, recordUse, sessionValue, stateOf, targetOf, validSession, type ShareLinkRow } from '../sharing/share-links.ts';
import { htmlResponse, messagePage, passwordPage, SHARED_PAGE_HEADERS } from '../sharing/shared-page.ts';
import { auditorPage, evidencePage, findingQuery } from '../sharing/shared-report.ts';
import { evidenceEvents, eventJson } from '../render/evidence-stream.ts';
import { contentDisposition } from './downloads.ts';
import { addRoute, BodyTooLarge, CLOSE_AFTER, readLimited } from './routes.ts';
import { parseContent } from '../reports/content.ts';

const COOKIE = 'share_session';
const MAX_FORM_BYTES = 4096;

type Resolved = { link: ShareLinkRow; report: ReportRow } | { link: ShareLinkRow; dataExport: ExportRecord } | { link: ShareLinkRow; pkg: PackageRecord } | { response: Response };

/** Why a shared report, export or package has no files to serve, as the page the holder sees; null when it has them. */
function withdrawn(what: string, row: { status: string } | undefined): Response | null {
  if (!row) return htmlResponse(410, messagePage(`${cap(what)} withdrawn`, `The shared ${what} has been deleted by its owner.`));
  if (row.status === 'expired') {
    return htmlResponse(410, messagePage(`${cap(what)} files expired`, `The files of this ${what} were deleted under the owner's retention policy. Ask the sender to make it again and share it anew.`));
  }
  if (row.status !== 'completed') return htmlResponse(410, messagePage(`${cap(what)} unavailable`, `The shared ${what} is ${row.status} and has no files.`));
  return null;
}
const cap = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** The link and what it shares, or the page saying why it cannot be used. */
async function resolve(services: Services, token: string, now: Date): Promise<Resolved> {
  const link = await findByToken(services.database.db, token);
  if (!link) return { response: htmlResponse(404, messagePage('Link not found', 'This share link does not exist. Check that you copied the whole link, or ask the sender for a new one.')) };
  const state = stateOf(link, now);
  if (state === 'revoked') return { response: htmlResponse(410, messagePage('Link revoked', 'The sender has revoked this share link. Ask them for a new one if you still need it.')) };
  if (state === 'expired') return { response: htmlResponse(410, messagePage('Link expired', `This share link expired on ${link.expiresAt.toISOString()}. Ask the sender for a new one.`)) };
  if (state === 'locked') {
    return { response: htmlResponse(423, messagePage('Link locked', `Too many wrong passwords were entered for this link. It is locked until ${link.lockedUntil!.toISOString()}; try again after that.`)) };
  }
  const { db } = services.database;
  const target = targetOf(link);
  if (target.kind === 'export') {
    const [row] = await db.select().from(dataExports).where(and(eq(dataExports.id, target.id), eq(dataExports.orgId, link.orgId), isNull(dataExports.deletedAt)));
    const gone = withdrawn('data export', row);
    return gone ? { response: gone } : { link, dataExport: row! };
  }
  if (target.kind === 'package') {
    const [row] = await db.select().from(compliancePackages).where(and(eq(compliancePackages.id, target.id), eq(compliancePackages.orgId, link.orgId), isNull(compliancePackages.deletedAt)));
    const gone = withdrawn('compliance package', row);
    return gone ? { response: gone } : { link, pkg: row! };
  }
  const [report] = await db.select().from(reports).where(and(eq(reports.id, target.id), eq(reports.orgId, link.orgId), isNull(reports.deletedAt)));
  const gone = withdrawn('report', report);
  return gone ? { response: gone } : { link, report: report! };
}

function cookieOf(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return null;
}

const unlocked = (services: Services, request: Request, link: ShareLinkRow, now: Date) => !link.passwordHash || validSession(services.config, link, cookieOf(request), now);

addRoute({
  method: 'GET',
  path: '/shared/:token',
  handler: async ({ request, url, params, services }) => {
    const now = new Date();
    const resolved = await resolve(services, params.token!, now);
    if ('response' in resolved) return resolved.response;
    const { link } = resolved;
    if (!unlocked(services, request, link, now)) return htmlResponse(200, passwordPage(params.token!, null));
    await recordUse(services, link, { what: 'page' }, now);
    const [org] = await services.database.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, link.orgId));
    if (!('report' in resolved)) return htmlResponse(200, await filesPage(services, params.token!, resolved, org?.name ?? ''));
    const { report } = resolved;
    const { renderable, original } = await sharedRenderable(services, link, report);
    return htmlResponse(
      200,
      auditorPage(
        {
          token: params.token!,
          report: renderable,
          organizationName: org?.name ?? '',
          formats: link.formats.filter(isFormat),
          expiresAt: link.expiresAt,
          pseudonymised: link.redaction === 'pseudonymise',
          originalContentSha256: renderable === original ? null : original.contentSha256,
        },
        findingQuery(url.searchParams),
      ),
    );
  },
});

/** Evidence events shown per page of the auditor's view. */
const EVIDENCE_PAGE = 25;

addRoute({
  method: 'GET',
  path: '/shared/:token/findings/:ordinal',
  handler: async ({ request, url, params, services }) => {
    const now = new Date();
    const resolved = await resolve(services, params.token!, now);
    if ('response' in resolved) return resolved.response;
    if (!('report' in resolved)) return htmlResponse(404, messagePage('Finding not found', 'This link shares files, not a report: it has no findings. Go back to the link itself.'));
    const { link, report } = resolved;
    if (!unlocked(services, request, link, now)) return htmlResponse(401, passwordPage(params.token!, 'Enter the password to read the evidence.'));
    const { renderable, original } = await sharedRenderable(services, link, report);
    const finding = renderable.content.findings.find((f) => String(f.ordinal) === params.ordinal);
    if (!finding) return htmlResponse(404, messagePage('Finding not found', `This report has no finding ${params.ordinal}. Go back to the report and follow a finding's evidence link.`));
    const after = evidenceCursor(url.searchParams.get('after'));
    if (after === 'invalid') return htmlResponse(400, messagePage('Bad page link', 'The "after" part of this link is not one the page wrote. Go back to the report and page from the first events.'));
    const from = Math.max(1, Math.min(Number.MAX_SAFE_INTEGER, Math.trunc(Number(url.searchParams.get('from'))) || 1));
    await recordUse(services, link, { what: 'page' }, now);
    const pseudonym = link.redaction === 'pseudonymise' ? pseudonymiser(pseudonymKey(services.config, link)) : null;
    const redact = pseudonym ? textRedactor(parseContent(original.content, `report ${original.id}`), pseudonym) : null;
    // One more than a page: whether a next page exists without counting.
    const pages = evidenceEvents(services.database.sql, scopeOf(report), finding.evidenceSelector, EVIDENCE_PAGE + 1, after);
    const rows: Array<Record<string, unknown>> = (await pages.next()).value ?? [];
    await pages.return(undefined);
    const events = rows.slice(0, EVIDENCE_PAGE).map((r) => {
      const event = eventJson(r);
      return (pseudonym && redact ? pseudonymiseEvent(event, pseudonym, redact) : event) as Record<string, unknown>;
    });
    const last = rows[EVIDENCE_PAGE - 1];
    const next = rows.length > EVIDENCE_PAGE && last ? `${new Date(last.occurred_at as string).toISOString()}_${Number(last.seq)}` : null;
    return htmlResponse(200, evidencePage({ token: params.token!, reportTitle: renderable.content.title, finding, events, from, next, pseudonymised: Boolean(pseudonym) }));
  },
});

/** `<ISO instant>_<sequence>`, as the evidence page writes it into its "next" link. */
function evidenceCursor(value: string | null): [string, number] | null | 'invalid' {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(\d{1,18})$/.exec(value);
  if (!match || Number.isNaN(Date.parse(match[1]!)) || !Number.isSafeInteger(Number(match[2]))) return 'invalid';
  return [match[1]!, Number(match[2])];
}

/** The report as this link shares it: the pseudonymised, re-signed copy when the link redacts. */
async function sharedRenderable(services: Services, link: ShareLinkRow, report: ReportRow) {
  const original = await loadRenderable(services, report);
  if (link.redaction !== 'pseudonymise') return { renderable: original, original };
  return { renderable: await pseudonymisedRenderable(services, original, pseudonymiser(pseudonymKey(services.config, link))), original };
}

addRoute({
  method: 'POST',
  path: '/shared/:token',
  handler: async ({ request, url, params, services, clientAddress }) => {
    const now = new Date();
    const resolved = await resolve(services, params.token!, now);
    if ('response' in resolved) return resolved.response;
    const { link } = resolved;
    const back = `/shared/${params.token}`;
    if (!link.passwordHash) return new Response(null, { status: 303, headers: { location: back, ...SHARED_PAGE_HEADERS } });
    let form: Buffer;
    try {
      form = await readLimited(request, MAX_FORM_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      return htmlResponse(413, messagePage('Form too large', `The form sent more than ${MAX_FORM_BYTES} bytes; a password needs far fewer. Go back and enter only the password.`), CLOSE_AFTER);
    }
    const password = new URLSearchParams(form.toString('utf8')).get('password') ?? '';
    const check = await checkPassword(services, link, password, clientAddress, now);
    if (check.ok) {
      const session = sessionValue(services.config, link, now);
      const secure = url.protocol === 'https:' || services.config.PUBLIC_URL?.startsWith('https:') ? '; Secure' : '';
      return new Response(null, {
        status: 303,
        headers: { location: back, 'set-cookie': `${COOKIE}=${session.value}; Path=${back}; Max-Age=${session.maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`, ...SHARED_PAGE_HEADERS },
      });
    }
    if (check.locked) {
      const who = check.scope === 'address' ? 'from your address' : 'for this link';
      return htmlResponse(423, messagePage('Link locked', `Too many wrong passwords were entered ${who}. It is locked until ${check.until.toISOString()}; try again after that.`));
    }
    return htmlResponse(401, passwordPage(params.token!, `That password is not right. ${check.remaining} attempt${check.remaining === 1 ? '' : 's'} left before you are locked out for a while.`));
  },
});

addRoute({
  method: 'GET',
  path: '/shared/:token/download',
  handler: async ({ request, url, params, services }) => {
    const now = new Date();
    const resolved = await resolve(services, params.token!, now);
    if ('response' in resolved) return resolved.response;
    const { link } = resolved;
    if (!unlocked(services, request, link, now)) return htmlResponse(401, passwordPage(params.token!, 'Enter the password to download the files.'));
    if (!('report' in resolved)) {
      const file = url.searchParams.get('format') ?? link.formats[0]!;
      if (!link.formats.includes(file)) return htmlResponse(404, messagePage('File not shared', `This link shares ${link.formats.join(', ')}; "${file}" is not one of them.`));
      await recordUse(services, link, { what: 'download', format: file }, now);
      const response =
        'dataExport' in resolved
          ? await exportFileResponse(services, request, resolved.dataExport, file === 'bundle')
          : packageFileResponse(services, request, resolved.pkg, file as PackageFile);
      for (const [name, value] of Object.entries(SHARED_PAGE_HEADERS)) response.headers.set(name, value);
      response.headers.set('content-security-policy', "default-src 'none'; sandbox");
      return response;
    }
    const { report } = resolved;
    const format = url.searchParams.get('format') ?? link.formats[0] ?? 'pdf';
    if (!isFormat(format) || !link.formats.includes(format)) {
      return htmlResponse(404, messagePage('Format not shared', `This link shares ${link.formats.join(', ')}; "${format}" is not one of them.`));
    }
    // Recorded before the file is served: a disclosure the audit trail cannot record does not happen.
    await recordUse(services, link, { what: 'download', format }, now);
    const headers = {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': contentDisposition(fileName(report, format).replace(/(\.[a-z]+)$/, link.redaction === 'pseudonymise' ? '-pseudonymised$1' : '$1')),
      ...SHARED_PAGE_HEADERS,
      // Files are not pages: nothing in them may run or load anything.
      'content-security-policy': "default-src 'none'; sandbox",
    };
    if (link.redaction === 'pseudonymise' && format !== 'bundle') {
      const data = await renderRedacted(services, link, report, format);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), { status: 200, headers: { ...headers, 'content-length': String(data.length) } });
    }
    if (format === 'bundle') {
      const redaction = link.redaction === 'pseudonymise' ? await bundleRedaction(services, link, report) : undefined;
      return new Response(request.method === 'HEAD' ? null : (Readable.toWeb(await bundleStream(services, report, redaction)) as ReadableStream<Uint8Array>), { status: 200, headers });
    }
    const meta = await ensureArtifact(services, report, format);
    const body = Readable.toWeb(Readable.from(artifactChunks(services, report.orgId, report.id, format, meta.sizeBytes))) as ReadableStream<Uint8Array>;
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers, 'content-length': String(meta.sizeBytes) } });
  },
});

/** A pseudonymised bundle: the redacted report in every format and each evidence event redacted the same way. */
async function bundleRedaction(services: Services, link: ShareLinkRow, report: ReportRow): Promise<BundleRedaction> {
  const original = await loadRenderable(services, report);
  const pseudonym = pseudonymiser(pseudonymKey(services.config, link));
  const renderable = await pseudonymisedRenderable(services, original, pseudonym);
  const redact = textRedactor(parseContent(original.content, `report ${original.id}`), pseudonym);
  return { profile: 'pseudonymise', renderable, originalContentSha256: original.contentSha256, event: (event) => pseudonymiseEvent(event, pseudonym, redact) };
}

/** Pseudonymised files are rendered per request from the redacted content (they are not stored). */
async function renderRedacted(services: Services, link: ShareLinkRow, report: ReportRow, format: Exclude<Format, 'bundle'>): Promise<Buffer> {
  const original = await loadRenderable(services, report);
  const redacted = await pseudonymisedRenderable(services, original, pseudonymiser(pseudonymKey(services.config, link)));
  return (await renderFormat(services, redacted, format)).data;
}

/** The page of a link to a data export or a compliance package: what it is, its files and how to check them. */
async function filesPage(services: Services, token: string, resolved: { link: ShareLinkRow; dataExport: ExportRecord } | { link: ShareLinkRow; pkg: PackageRecord }, organizationName: string): Promise<string> {
  const { link } = resolved;
  if ('dataExport' in resolved) {
    const row = resolved.dataExport;
    const publicKeyPem = row.signatureKeyId ? await publicKeyById(services, row.orgId, row.signatureKeyId) : null;
    return sharedExportPage({ token, row, fileName: fileNameOf(row), organizationName, files: link.formats, expiresAt: link.expiresAt, publicKeyPem });
  }
  const row = resolved.pkg;
  const { db } = services.database;
  const publicKeyPem = row.signatureKeyId ? await publicKeyById(services, row.orgId, row.signatureKeyId) : null;
  const parts = (await reportsByIds(db, row.orgId, row.reportIds)).filter((r) => r !== null);
  const exports = (await exportsByIds(db, row.orgId, row.exportIds)).filter((e) => e !== null);
  return sharedPackagePage({
    token,
    row,
    reports: parts,
    exports,
    fileNames: { pdf: packageFileName(row, 'pdf'), zip: packageFileName(row, 'zip') },
    organizationName,
    files: link.formats,
    expiresAt: link.expiresAt,
    publicKeyPem,
  });
}
