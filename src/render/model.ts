/**
 * What every renderer reads: the canonical content of a completed report,
 * its hash and signature, and the names its files go by. Renderers are pure
 * functions of this, so a share link can hand them a redacted copy.
 */
import { publicBaseUrl } from '../config.ts';
import { and, eq, isNull } from 'drizzle-orm';
import { organizations, reports } from '../db/schema.ts';
import { isUuid } from '../ids.ts';
import type { ReportContent } from '../reports/generate.ts';
import { canonicalJson, sha256Hex } from '../reports/integrity.ts';
import type { Reproduction } from '../reports/reproduce.ts';
import type { ReportRow } from '../reports/store.ts';
import { keyFingerprint, keyIdOf, publicKeyById, signReportHash } from '../reports/signing.ts';
import type { Services } from '../services.ts';
import { parseContent } from '../reports/content.ts';

export const FORMATS = ['json', 'csv', 'md', 'pdf', 'oscal', 'bundle'] as const;
export type Format = (typeof FORMATS)[number];
/** Formats stored in report_artifacts; the bundle is assembled on the fly because its evidence can be huge. */
export const STORED_FORMATS = ['json', 'csv', 'md', 'pdf', 'oscal'] as const;
export type StoredFormat = (typeof STORED_FORMATS)[number];

export const isFormat = (value: string): value is Format => (FORMATS as readonly string[]).includes(value);

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json',
  csv: 'application/zip',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  oscal: 'application/json',
  bundle: 'application/zip',
};

const SUFFIXES: Record<Format, string> = {
  json: '.json',
  csv: '-csv.zip',
  md: '.md',
  pdf: '.pdf',
  oscal: '-oscal.json',
  bundle: '-evidence-bundle.zip',
};

export interface Signature {
  algorithm: 'Ed25519';
  /** Base64 Ed25519 signature of the UTF-8 bytes of `contentSha256`. */
  value: string;
  keyId: string;
  publicKeyPem: string;
}

export interface RenderableReport {
  id: string;
  orgId: string;
  organizationName: string;
  type: string;
  title: string;
  version: number;
  createdAt: Date;
  completedAt: Date;
  content: ReportContent;
  contentSha256: string;
  signature: Signature | null;
  /** Base for links inside files (evidence API, downloads): PUBLIC_URL, or '' for relative links. */
  baseUrl: string;
  /** The last rebuild of this version at its watermark (reproduce.ts), shown in the integrity section; null if never. */
  reproduction: Reproduction | null;
}


/** The report row of an organisation, or null (unknown, foreign, deleted or malformed id). */
export async function findReport(services: Services, orgId: string, reportId: string): Promise<ReportRow | null> {
  if (!isUuid(reportId) || !isUuid(orgId)) return null;
  const [row] = await services.database.db
    .select()
    .from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.orgId, orgId), isNull(reports.deletedAt)));
  return row ?? null;
}

/**
 * The renderable form of a completed report. Signs it first when the engine
 * has not (yet), so downloads never depend on the order things were wired in.
 */
export async function loadRenderable(services: Services, row: ReportRow): Promise<RenderableReport> {
  if (row.status !== 'completed' || !row.content || !row.contentSha256 || !row.completedAt) {
    throw new Error(`report ${row.id} is ${row.status}, not completed`);
  }
  const content = parseContent(row.content, `report ${row.id}`);
  // The stored jsonb must still canonicalise to the hashed bytes; if not, no file may claim that hash.
  const recomputed = sha256Hex(canonicalJson(content));
  if (recomputed !== row.contentSha256) {
    throw new Error(`report ${row.id}: stored content hashes to ${recomputed}, not to its recorded content_sha256 ${row.contentSha256}`);
  }
  const [org] = await services.database.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, row.orgId));
  return {
    id: row.id,
    orgId: row.orgId,
    organizationName: org?.name ?? '',
    type: row.type,
    title: row.title,
    version: row.version,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    content,
    contentSha256: row.contentSha256,
    signature: await ensureSignature(services, row),
    // Absolute, as in every message the service sends: a file's links must resolve wherever it is read.
    baseUrl: publicBaseUrl(services.config),
    reproduction: (row.reproduction as Reproduction | null) ?? null,
  };
}

async function ensureSignature(services: Services, row: ReportRow): Promise<Signature> {
  let { signature, signatureKeyId } = row;
  if (!signature || !signatureKeyId) {
    const signed = await signReportHash(services, row.orgId, row.contentSha256!);
    // Only fill in a missing signature: a concurrent signer's value wins and is read back.
    const [stored] = await services.database.sql`
      update reports set signature = coalesce(signature, ${signed.signature}), signature_key_id = coalesce(signature_key_id, ${signed.keyId})
      where id = ${row.id} and org_id = ${row.orgId}
      returning signature, signature_key_id`;
    signature = String(stored!.signature);
    signatureKeyId = String(stored!.signature_key_id);
  }
  const publicKeyPem = await publicKeyById(services, row.orgId, signatureKeyId);
  if (!publicKeyPem || keyIdOf(publicKeyPem) !== signatureKeyId) throw new Error(`report ${row.id} is signed with unknown key ${signatureKeyId}`);
  return { algorithm: 'Ed25519', value: signature, keyId: signatureKeyId, publicKeyPem };
}

/**
 * `soc2-2026-10-01-2026-10-31-1a2b3c4d.pdf`: type, first and last day of the
 * period (its end is exclusive, so the last day is the one before), short id.
 */
export function fileName(report: { id: string; type: string; periodStart: Date; periodEnd: Date }, format: Format): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lastDay = new Date(Math.max(report.periodStart.getTime(), report.periodEnd.getTime() - 1));
  const type = report.type.toLowerCase().replace(/[^a-z0-9_-]+/g, '-') || 'report';
  return `${type}-${day(report.periodStart)}-${day(lastDay)}-${report.id.slice(0, 8)}${SUFFIXES[format]}`;
}

export function downloadPath(reportId: string, format: Format): string {
  return `/reports/${reportId}/download?format=${format}`;
}

export function evidencePath(reportId: string, ordinal: number): string {
  return `/reports/${reportId}/findings/${ordinal}/evidence`;
}

/** The reproduction in words, the same in every format. */
export function reproductionText(report: Pick<RenderableReport, 'reproduction' | 'contentSha256'>): string {
  const r = report.reproduction;
  if (!r) return 'not checked yet (reproduceReport, or `agent-reports reproduce`, rebuilds this version at its watermark and compares)';
  return r.identical
    ? `byte-identical: rebuilt at its watermark on ${r.checkedAt}, the canonical content hashes to ${r.sha256}, as signed`
    : `NOT identical: rebuilt at its watermark on ${r.checkedAt}, the canonical content hashes to ${r.sha256}, not ${report.contentSha256}; differs in ${r.differences.join(', ') || 'its bytes'}`;
}

/**
 * How to check a report's signature with standard tools alone (OpenSSL 3 and coreutils), so an
 * auditor trusts nothing of ours: the key's fingerprint, then the signature over the hash's 64
 * characters. The same commands in every format and on the shared page; the key is saved as key.pem.
 */
export function standardToolsCheck(report: Pick<RenderableReport, 'signature' | 'contentSha256'>) {
  if (!report.signature) return null;
  return {
    fingerprint: keyFingerprint(report.signature.publicKeyPem),
    keyCommand: 'openssl pkey -pubin -in key.pem -outform DER | tail -c 32 | sha256sum',
    signatureCommands: [
      `printf %s ${report.contentSha256} > hash.txt`,
      `printf %s ${report.signature.value} | base64 -d > hash.sig`,
      'openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in hash.txt -sigfile hash.sig',
    ].join('\n'),
  };
}

export const STATUS_LABEL = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', not_applicable: 'N/A' } as const;
