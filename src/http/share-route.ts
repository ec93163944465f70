/**
 * `GET /shared/:token` (the page), `POST /shared/:token` (the password form)
 * and `GET /shared/:token/download?format=` for share-link holders, who have
 * no API key. A link only ever reaches its own report in its own
 * organisation; every use and every wrong password is recorded.
 */
import { Readable } from 'node:stream';
import { and, eq, isNull } from 'drizzle-orm';
import { organizations, reports } from '../db/schema.ts';
import { artifactChunks, ensureArtifact, renderFormat } from '../render/artifacts.ts';
import { bundleStream, type BundleRedaction } from '../render/bundle.ts';
import { CONTENT_TYPES, fileName, isFormat, loadRenderable, type Format, type ReportRow } from '../render/model.ts';
import type { ReportContent } from '../reports/generate.ts';
import type { Services } from '../services.ts';
import { pseudonymiseEvent, pseudonymisedRenderable, pseudonymiser, textRedactor } from '../sharing/pseudonymise.ts';
import { checkPassword, findByToken, pseudonymKey, recordUse, sessionValue, stateOf, validSession, type ShareLinkRow } from '../sharing/share-links.ts';
import { htmlResponse, messagePage, passwordPage, reportPage, SHARED_PAGE_HEADERS } from '../sharing/shared-page.ts';
import { contentDisposition } from './downloads.ts';
import { addRoute, BodyTooLarge, CLOSE_AFTER, readLimited } from './routes.ts';

const COOKIE = 'share_session';
const MAX_FORM_BYTES = 4096;

type Resolved = { link: ShareLinkRow; report: ReportRow } | { response: Response };

/** The link and its report, or the page saying why it cannot be used. */
async function resolve(services: Services, token: string, now: Date): Promise<Resolved> {
  const link = await findByToken(services.database.db, token);
  if (!link) return { response: htmlResponse(404, messagePage('Link not found', 'This share link does not exist. Check that you copied the whole link, or ask the sender for a new one.')) };
  const state = stateOf(link, now);
  if (state === 'revoked') return { response: htmlResponse(410, messagePage('Link revoked', 'The sender has revoked this share link. Ask them for a new one if you still need the report.')) };
  if (state === 'expired') return { response: htmlResponse(410, messagePage('Link expired', `This share link expired on ${link.expiresAt.toISOString()}. Ask the sender for a new one.`)) };
  if (state === 'locked') {
    return { response: htmlResponse(423, messagePage('Link locked', `Too many wrong passwords were entered. The link is locked until ${link.lockedUntil!.toISOString()}; try again after that.`)) };
  }
  const [report] = await services.database.db.select().from(reports).where(and(eq(reports.id, link.reportId), eq(reports.orgId, link.orgId), isNull(reports.deletedAt)));
  if (!report) return { response: htmlResponse(410, messagePage('Report withdrawn', 'The shared report has been deleted by its owner.')) };
  if (report.status === 'expired') {
    return { response: htmlResponse(410, messagePage('Report files expired', 'The files of this report were deleted under the owner\'s retention policy. Ask the sender to regenerate and share it again.')) };
  }
  if (report.status !== 'completed') return { response: htmlResponse(410, messagePage('Report unavailable', `The shared report is ${report.status} and has no files.`)) };
  return { link, report };
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
  handler: async ({ request, params, services }) => {
    const now = new Date();
    const resolved = await resolve(services, params.token!, now);
    if ('response' in resolved) return resolved.response;
    const { link, report } = resolved;
    if (!unlocked(services, request, link, now)) return htmlResponse(200, passwordPage(params.token!, null));
    await recordUse(services, link, { what: 'page' }, now);
    const [org] = await services.database.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, link.orgId));
    const pseudonymised = link.redaction === 'pseudonymise';
    const redact = pseudonymised ? textRedactor(report.content as ReportContent, pseudonymiser(pseudonymKey(services.config, link))) : (t: string) => t;
    return htmlResponse(
      200,
      reportPage({
        token: params.token!,
        title: redact(report.title),
        organizationName: org?.name ?? '',
        type: report.type,
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
        score: report.score,
        grade: report.grade,
        // A pseudonymised copy has its own hash, shown in its files; the original's would identify nothing useful here.
        contentSha256: pseudonymised ? null : report.contentSha256,
        formats: link.formats.filter(isFormat),
        expiresAt: link.expiresAt,
        pseudonymised,
      }),
    );
  },
});

addRoute({
  method: 'POST',
  path: '/shared/:token',
  handler: async ({ request, url, params, services }) => {
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
    const check = await checkPassword(services, link, password, now);
    if (check.ok) {
      const session = sessionValue(services.config, link, now);
      const secure = url.protocol === 'https:' || services.config.PUBLIC_URL?.startsWith('https:') ? '; Secure' : '';
      return new Response(null, {
        status: 303,
        headers: { location: back, 'set-cookie': `${COOKIE}=${session.value}; Path=${back}; Max-Age=${session.maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`, ...SHARED_PAGE_HEADERS },
      });
    }
    if (check.locked) {
      return htmlResponse(423, messagePage('Link locked', `Too many wrong passwords were entered. The link is locked until ${check.until.toISOString()}; try again after that.`));
    }
    return htmlResponse(401, passwordPage(params.token!, `That password is not right. ${check.remaining} attempt${check.remaining === 1 ? '' : 's'} left before the link is locked for a while.`));
  },
});

addRoute({
  method: 'GET',
  path: '/shared/:token/download',
  handler: async ({ request, url, params, services }) => {
    const now = new Date();
    const resolved = await resolve(services, params.token!, now);
    if ('response' in resolved) return resolved.response;
    const { link, report } = resolved;
    if (!unlocked(services, request, link, now)) return htmlResponse(401, passwordPage(params.token!, 'Enter the password to download the files.'));
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
  const redact = textRedactor(original.content as ReportContent, pseudonym);
  return { profile: 'pseudonymise', renderable, originalContentSha256: original.contentSha256, event: (event) => pseudonymiseEvent(event, pseudonym, redact) };
}

/** Pseudonymised files are rendered per request from the redacted content (they are not stored). */
async function renderRedacted(services: Services, link: ShareLinkRow, report: ReportRow, format: Exclude<Format, 'bundle'>): Promise<Buffer> {
  const original = await loadRenderable(services, report);
  const redacted = await pseudonymisedRenderable(services, original, pseudonymiser(pseudonymKey(services.config, link)));
  return (await renderFormat(services, redacted, format)).data;
}
