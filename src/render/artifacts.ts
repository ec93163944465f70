/**
 * Rendered files of completed reports, kept in report_artifacts until
 * retention removes them. The worker renders them all after completion
 * (`renderArtifacts`); a download renders a missing one on first request,
 * so neither depends on the other having run.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { reportArtifacts, reports } from '../db/schema.ts';
import type { Services } from '../services.ts';
import { renderCsvZip } from './csv.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { downloadPath, FORMATS, loadRenderable, STORED_FORMATS, type Format, type RenderableReport, type StoredFormat } from './model.ts';
import type { ReportRow } from '../reports/store.ts';
import { renderOscal } from './oscal.ts';
import { renderPdf } from './pdf.ts';

export interface ArtifactMeta {
  format: StoredFormat;
  sizeBytes: number;
  sha256: string;
  pageCount: number | null;
}

export interface Download {
  format: Format;
  url: string;
  /** Null until the file is rendered, and always for the bundle, which is assembled when downloaded. */
  sizeBytes: number | null;
  sha256: string | null;
  pageCount: number | null;
}

const CHUNK_BYTES = 1024 * 1024;
/**
 * Files are written in slices of this size: postgres.js sends a bytea as hex text, so one INSERT
 * of a 1.4 MB PDF held the file about six times over in the worker (hex string, query buffer and
 * its copies; +15 MB of RSS), and its grown query buffer stayed for good.
 */
const WRITE_CHUNK_BYTES = 256 * 1024;

export async function renderFormat(services: Services, report: RenderableReport, format: StoredFormat): Promise<{ data: Buffer; pageCount: number | null }> {
  switch (format) {
    case 'json':
      return { data: renderJson(report), pageCount: null };
    case 'csv':
      return { data: await renderCsvZip(report), pageCount: null };
    case 'md':
      return { data: renderMarkdown(report), pageCount: null };
    case 'oscal':
      return { data: renderOscal(report), pageCount: null };
    case 'pdf': {
      const { pdf, pageCount } = await renderPdf(services.config, report);
      return { data: pdf, pageCount };
    }
  }
}

/** Renders and stores every format of a completed report; formats already stored are kept as they are. */
export async function renderArtifacts(services: Services, reportId: string, orgId?: string): Promise<ArtifactMeta[]> {
  const [row] = await services.database.db.select().from(reports).where(and(eq(reports.id, reportId), orgId ? eq(reports.orgId, orgId) : undefined));
  if (!row) throw new Error(`report ${reportId} does not exist`);
  const renderable = lazy(() => loadRenderable(services, row));
  const out: ArtifactMeta[] = [];
  for (const format of STORED_FORMATS) out.push(await ensureArtifact(services, row, format, renderable));
  return out;
}

/** The stored artifact of one format, rendered now if missing. The report must be completed. */
export async function ensureArtifact(services: Services, row: ReportRow, format: StoredFormat, renderable = lazy(() => loadRenderable(services, row))): Promise<ArtifactMeta> {
  const existing = await artifactMeta(services, row.orgId, row.id, format);
  if (existing) return existing;
  const report = await renderable();
  const { data, pageCount } = await renderFormat(services, report, format);
  // A concurrent render of the same format may have won: the first stored file stays, so its hash (the ETag) never changes.
  // The slices after the first are appended in the same transaction: no reader sees a partial file.
  const sha256 = createHash('sha256').update(data).digest('hex');
  const stale = await services.database.db.transaction(async (tx) => {
    // A reproduction recorded since this file was rendered (its integrity section states it) makes it
    // stale: the row lock orders this with reproduceReport, which deletes the files it finds.
    const [current] = await tx.select({ reproduction: reports.reproduction }).from(reports).where(and(eq(reports.orgId, row.orgId), eq(reports.id, row.id))).for('share');
    if ((current?.reproduction as { checkedAt?: string } | null)?.checkedAt !== report.reproduction?.checkedAt) return true;
    const inserted = await tx
      .insert(reportArtifacts)
      .values({ reportId: row.id, orgId: row.orgId, format, content: data.subarray(0, WRITE_CHUNK_BYTES), sizeBytes: data.length, sha256, pageCount })
      .onConflictDoNothing()
      .returning({ format: reportArtifacts.format });
    if (!inserted.length) return false;
    for (let offset = WRITE_CHUNK_BYTES; offset < data.length; offset += WRITE_CHUNK_BYTES) {
      await tx
        .update(reportArtifacts)
        .set({ content: sql`${reportArtifacts.content} || ${data.subarray(offset, offset + WRITE_CHUNK_BYTES)}` })
        .where(and(eq(reportArtifacts.orgId, row.orgId), eq(reportArtifacts.reportId, row.id), eq(reportArtifacts.format, format)));
    }
    return false;
  });
  if (stale) {
    const [fresh] = await services.database.db.select().from(reports).where(and(eq(reports.orgId, row.orgId), eq(reports.id, row.id)));
    return ensureArtifact(services, fresh ?? row, format);
  }
  const stored = await artifactMeta(services, row.orgId, row.id, format);
  if (!stored) throw new Error(`artifact ${format} of report ${row.id} vanished after being stored`);
  return stored;
}

async function artifactMeta(services: Services, orgId: string, reportId: string, format: StoredFormat): Promise<ArtifactMeta | null> {
  const [row] = await services.database.db
    .select({ format: reportArtifacts.format, sizeBytes: reportArtifacts.sizeBytes, sha256: reportArtifacts.sha256, pageCount: reportArtifacts.pageCount })
    .from(reportArtifacts)
    .where(and(eq(reportArtifacts.orgId, orgId), eq(reportArtifacts.reportId, reportId), eq(reportArtifacts.format, format)));
  return row ? { ...row, format: row.format as StoredFormat } : null;
}

/** The artifact's bytes in 1 MiB slices, so a large file never sits whole in memory. */
export async function* artifactChunks(services: Services, orgId: string, reportId: string, format: StoredFormat, sizeBytes: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < sizeBytes; offset += CHUNK_BYTES) {
    const [row] = await services.database.sql`
      select substring(content from ${offset + 1}::int for ${CHUNK_BYTES}::int) as chunk
      from report_artifacts where org_id = ${orgId} and report_id = ${reportId} and format = ${format}`;
    if (!row) throw new Error(`artifact ${format} of report ${reportId} was deleted while being read`);
    yield row.chunk as Buffer;
  }
}

export async function readArtifact(services: Services, orgId: string, reportId: string, format: StoredFormat): Promise<Buffer> {
  const [row] = await services.database.db
    .select({ content: reportArtifacts.content })
    .from(reportArtifacts)
    .where(and(eq(reportArtifacts.orgId, orgId), eq(reportArtifacts.reportId, reportId), eq(reportArtifacts.format, format)));
  if (!row) throw new Error(`artifact ${format} of report ${reportId} is missing`);
  return row.content;
}

/** `Report.downloads` of one report. */
export async function listDownloads(services: Services, orgId: string, reportId: string): Promise<Download[]> {
  return (await listDownloadsMany(services, orgId, [reportId]))[0]!;
}

/** Downloads of many reports in two statements (for a DataLoader). Only completed reports have downloads. */
export async function listDownloadsMany(services: Services, orgId: string, reportIds: readonly string[]): Promise<Download[][]> {
  const ids = [...new Set(reportIds)];
  if (!ids.length) return [];
  const { db } = services.database;
  const [rows, artifacts] = await Promise.all([
    db.select({ id: reports.id, status: reports.status }).from(reports).where(and(eq(reports.orgId, orgId), inArray(reports.id, ids))),
    db
      .select({ reportId: reportArtifacts.reportId, format: reportArtifacts.format, sizeBytes: reportArtifacts.sizeBytes, sha256: reportArtifacts.sha256, pageCount: reportArtifacts.pageCount })
      .from(reportArtifacts)
      .where(and(eq(reportArtifacts.orgId, orgId), inArray(reportArtifacts.reportId, ids))),
  ]);
  const completed = new Set(rows.filter((r) => r.status === 'completed').map((r) => r.id));
  const base = (services.config.PUBLIC_URL ?? '').replace(/\/+$/, '');
  return reportIds.map((id) => {
    if (!completed.has(id)) return [];
    return FORMATS.map((format) => {
      const a = artifacts.find((x) => x.reportId === id && x.format === format);
      return { format, url: `${base}${downloadPath(id, format)}`, sizeBytes: a?.sizeBytes ?? null, sha256: a?.sha256 ?? null, pageCount: a?.pageCount ?? null };
    });
  });
}

function lazy<T>(fn: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | null = null;
  return () => (value ??= fn());
}
