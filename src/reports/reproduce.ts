/**
 * Reproducing a report: rebuild a completed version at its own watermark and
 * compare the canonical content byte for byte with what was signed. A new
 * version (regenerateReport) reads newer events and differs on purpose; this
 * answers the auditor's other question, whether this version's numbers
 * follow from the trail as it stood. The result is kept with the report and
 * shown in the integrity section of its files.
 */
import { and, eq, ne } from 'drizzle-orm';
import { reportArtifacts, reports } from '../db/schema.ts';
import { DomainError, notFound } from '../errors.ts';
import { auditedTransaction } from '../events/ingest.ts';
import { isUuid } from '../ids.ts';
import type { Services } from '../services.ts';
import { GENERATOR_VERSION, rebuildContent, type ReportContent } from './generate.ts';
import { canonicalJson } from './integrity.ts';
import type { Actor } from '../access.ts';
import { parseContent } from './content.ts';

export interface Reproduction {
  checkedAt: string;
  /** True when the rebuilt canonical content is byte-identical to the signed one. */
  identical: boolean;
  /** SHA-256 of the rebuilt canonical content. */
  sha256: string;
  /** Top-level parts of the content that differ (empty when identical), e.g. findings, sections. */
  differences: string[];
  generator: string;
}

export async function reproduceReport(services: Services, requester: Actor, reportId: string): Promise<Reproduction> {
  const { db } = services.database;
  const [row] = isUuid(reportId) ? await db.select().from(reports).where(and(eq(reports.id, reportId), eq(reports.orgId, requester.orgId))) : [];
  if (!row || row.deletedAt) throw notFound('Report');
  if (row.status !== 'completed' || !row.content || !row.contentSha256) {
    throw new DomainError('CONFLICT', `Report is ${row.status}; only a completed report can be reproduced (wait for it, or regenerate it)`);
  }
  const rebuilt = await rebuildContent(services, row);
  const stored = parseContent(row.content, `report ${row.id}`);
  const identical = rebuilt.sha256 === row.contentSha256;
  const reproduction: Reproduction = {
    checkedAt: new Date().toISOString(),
    identical,
    sha256: rebuilt.sha256,
    differences: identical ? [] : differingParts(stored, rebuilt.content),
    generator: GENERATOR_VERSION,
  };
  await auditedTransaction(services, requester.orgId, async (tx) => {
    await tx.update(reports).set({ reproduction }).where(and(eq(reports.id, row.id), eq(reports.orgId, row.orgId)));
    // The rendered files state the result in their integrity section: render them again on the next
    // download. The JSON file holds the signed content and its signature only, so it stays.
    await tx.delete(reportArtifacts).where(and(eq(reportArtifacts.orgId, row.orgId), eq(reportArtifacts.reportId, row.id), ne(reportArtifacts.format, 'json')));
  }, () => ({
    action: 'report.reproduced',
    actorId: requester.actorId,
    resource: `report:${row.id}`,
    attributes: { identical, contentSha256: row.contentSha256, reproducedSha256: rebuilt.sha256 },
  }));
  return reproduction;
}

/** The top-level members whose canonical JSON differs. */
function differingParts(a: ReportContent, b: ReportContent): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const at = a as unknown as Record<string, unknown>;
  const bt = b as unknown as Record<string, unknown>;
  const text = (v: unknown) => (v === undefined ? '' : canonicalJson(v));
  return keys.filter((k) => text(at[k]) !== text(bt[k]));
}
