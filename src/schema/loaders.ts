/**
 * Per-request DataLoaders, created with the request's principal so every
 * batch is scoped to its organisation. Each says why it exists.
 */
import DataLoader from 'dataloader';
import type { Principal } from '../accounts/api-keys.ts';
import { isUuid } from '../ids.ts';
import {
  evidencePages,
  findingIdsForEvents,
  findingsByIds,
  staleReports,
  toSelector,
  type EvidencePage,
  type EvidenceSource,
  type FindingRow,
} from '../reports/evidence.ts';
import { evidenceScope, type ReportScope } from '../reports/scope.ts';
import { scopeOf } from '../reports/store.ts';
import { parseContent, type ReportContent } from '../reports/content.ts';
import type { Services } from '../services.ts';

export interface EvidenceRequest {
  findingId: string;
  first: number;
  after: string | null;
}

interface ReportScopeRow {
  scope: ReportScope;
  sampleSeed: string;
}

export interface Loaders {
  /** Findings by id: `node(id)` and `AuditEvent.findings` resolve many at once. */
  finding: DataLoader<string, FindingRow | null>;
  /** The scope (period, filters, watermark) of a report, which every evidence query needs. */
  reportScope: DataLoader<string, ReportScopeRow | null>;
  /** A page of each finding's evidence: 100 findings × their first 10 events is ONE statement. */
  evidencePage: DataLoader<EvidenceRequest, EvidencePage, string>;
  /** Which findings an event is evidence of, for a page of events at once. */
  findingsOfEvent: DataLoader<number, string[]>;
  /** Whether late events arrived after a report's watermark, for a page of reports at once. */
  stale: DataLoader<string, boolean>;
  /** A report's content (sections, integrity…), loaded only by the fields that show it: lists stay light. */
  reportContent: DataLoader<string, ReportContent | null>;
}

export function createLoaders(services: Services, principal: Principal): Loaders {
  const { sql } = services.database;
  const orgId = principal.orgId;

  const reportScope = new DataLoader<string, ReportScopeRow | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? await sql`select id, period_start, period_end, watermark, environment, agent_ids, parameters, sample_seed
                  from reports where org_id = ${orgId} and id = any(${valid}::uuid[]) and deleted_at is null`
      : [];
    const byId = new Map(
      rows.map((r) => [
        String(r.id),
        r.watermark === null
          ? null
          : {
              sampleSeed: String(r.sample_seed),
              scope: scopeOf({
                id: String(r.id),
                orgId,
                periodStart: new Date(r.period_start as string),
                periodEnd: new Date(r.period_end as string),
                watermark: Number(r.watermark),
                environment: (r.environment as string | null) ?? null,
                agentIds: (r.agent_ids as string[]) ?? [],
                parameters: r.parameters,
              }),
            },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? null);
  });

  const finding = new DataLoader<string, FindingRow | null>((ids) => findingsByIds(sql, orgId, ids));

  const evidencePage = new DataLoader<EvidenceRequest, EvidencePage, string>(
    async (requests) => {
      const sources: Array<EvidenceSource | null> = await Promise.all(
        requests.map(async (r) => {
          const f = await finding.load(r.findingId);
          const report = f ? await reportScope.load(f.report_id) : null;
          return f && report ? { findingId: f.id, selector: toSelector(f.evidence_selector), scope: evidenceScope(report.scope, f.evidence_agent), sampleSeed: report.sampleSeed } : null;
        }),
      );
      const present = requests.flatMap((r, i) => (sources[i] ? [{ source: sources[i]!, first: r.first, after: r.after }] : []));
      const pages = await evidencePages(sql, present);
      let next = 0;
      return sources.map((s) => (s ? pages[next++]! : { seqs: [], cursors: [], hasNextPage: false, hasPreviousPage: false }));
    },
    { cacheKeyFn: (r) => `${r.findingId}:${r.first}:${r.after ?? ''}` },
  );

  const findingsOfEvent = new DataLoader<number, string[]>((seqs) => findingIdsForEvents(sql, orgId, seqs));

  const stale = new DataLoader<string, boolean>(async (reportIds) => {
    const scopes = await reportScope.loadMany(reportIds);
    const present = scopes.flatMap((s) => (s && !(s instanceof Error) ? [s.scope] : []));
    const results = await staleReports(sql, present);
    let next = 0;
    return scopes.map((s) => (s && !(s instanceof Error) ? results[next++]! : false));
  });

  // Checked against the content contract: a malformed content fails its own report's fields, with a reason, not others'.
  const reportContent = new DataLoader<string, ReportContent | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await sql`select id, content from reports where org_id = ${orgId} and id = any(${valid}::uuid[])` : [];
    const byId = new Map(rows.map((r) => [String(r.id), r.content as unknown]));
    return ids.map((id) => {
      const content = byId.get(id) ?? null;
      if (content === null) return null;
      try {
        return parseContent(content, `report ${id}`);
      } catch (error) {
        return error as Error;
      }
    });
  });

  return { finding, reportScope, evidencePage, findingsOfEvent, stale, reportContent };
}
