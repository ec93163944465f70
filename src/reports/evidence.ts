/**
 * Findings and the evidence behind them. Evidence is never copied: it is the
 * report's scope, up to its watermark, matched by the finding's selector, in
 * (occurred_at, seq) order with keyset cursors, so paging deep into a
 * million events costs the same as the first page.
 */
import type { Sql } from '../db/client.ts';
import { badInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { ORG_PARAM, scopeWhere, WATERMARK_PARAM, type ReportScope } from './scope.ts';
import { isSelectorId, selectorSql, selectors, type SelectorId } from '../library/selectors.ts';

export const MAX_PAGE = 500;

export interface FindingRow {
  id: string;
  report_id: string;
  org_id: string;
  ordinal: number;
  framework: string;
  control_id: string;
  control_title: string;
  section: string;
  status: 'pass' | 'warn' | 'fail' | 'not_applicable';
  severity: 'info' | 'low' | 'medium' | 'high' | 'critical';
  category: string;
  title: string;
  description: string;
  recommendation: string | null;
  metric: string | null;
  value: number | null;
  evidence_selector: string | null;
  /** Narrows the evidence to one agent's events (scope.ts evidenceScope). */
  evidence_agent: string | null;
  evidence_count: number;
  /** The first events of the evidence, kept at generation (null for reports made before it was kept). */
  evidence_head: number[] | null;
}

/** What a finding needs to find its evidence: its selector and its report's scope. */
export interface EvidenceSource {
  findingId: string;
  selector: SelectorId;
  scope: ReportScope;
  sampleSeed: string;
}

const FINDING_COLUMNS = `f.id, f.report_id, f.org_id, f.ordinal, f.framework, f.control_id, f.control_title, f.section, f.status,
  f.severity, f.category, f.title, f.description, f.recommendation, f.metric, f.value, f.evidence_selector, f.evidence_agent, f.evidence_count::float8 as evidence_count,
  f.evidence_head::float8[] as evidence_head`;

export interface FindingFilter {
  statuses?: string[];
  severities?: string[];
  controlIds?: string[];
}

export async function listFindings(sql: Sql, orgId: string, reportId: string, filter: FindingFilter, page: { first: number; after?: string | null }) {
  const first = pageSize(page.first);
  const after = page.after ? decodeOrdinalCursor(page.after) : 0;
  const conditions = ['f.org_id = $1', 'f.report_id = $2'];
  const params: unknown[] = [orgId, reportId];
  const add = (column: string, values?: string[]) => {
    if (!values?.length) return;
    params.push(values);
    conditions.push(`${column} = any($${params.length}::text[])`);
  };
  add('f.status', filter.statuses);
  add('f.severity', filter.severities);
  add('f.control_id', filter.controlIds);
  const where = conditions.join(' and ');
  const [rows, [total]] = await Promise.all([
    sql.unsafe<FindingRow[]>(`select ${FINDING_COLUMNS} from findings f where ${where} and f.ordinal > ${after} order by f.ordinal limit ${first + 1}`, params as never[]),
    sql.unsafe(`select count(*)::int as n from findings f where ${where}`, params as never[]),
  ]);
  return {
    nodes: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hasPreviousPage: after > 0,
    totalCount: Number(total!.n),
    cursorOf: (f: FindingRow) => encodeCursor([f.ordinal]),
  };
}

/** Findings by id for DataLoader: one statement for any number of ids, org scoped. */
export async function findingsByIds(sql: Sql, orgId: string, ids: readonly string[]): Promise<Array<FindingRow | null>> {
  const valid = ids.filter(isUuid);
  const rows = valid.length
    ? await sql.unsafe<FindingRow[]>(`select ${FINDING_COLUMNS} from findings f where f.org_id = $1 and f.id = any($2::uuid[])`, [orgId, valid] as never[])
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

export interface EvidencePage {
  seqs: number[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * First pages of many findings' evidence in ONE statement: a UNION ALL of
 * one index-ordered, limited subquery per finding.
 */
export async function evidencePages(sql: Sql, requests: EvidenceRequest[]): Promise<EvidencePage[]> {
  // A statement runs on one core: many findings are split in two statements on two connections.
  if (requests.length >= PARALLEL_FROM) {
    const half = Math.ceil(requests.length / 2);
    const [a, b] = await Promise.all([evidencePagesInOneStatement(sql, requests.slice(0, half)), evidencePagesInOneStatement(sql, requests.slice(half))]);
    return [...a, ...b];
  }
  return evidencePagesInOneStatement(sql, requests);
}

type EvidenceRequest = { source: EvidenceSource; first: number; after?: string | null };
const PARALLEL_FROM = 8;

async function evidencePagesInOneStatement(sql: Sql, requests: EvidenceRequest[]): Promise<EvidencePage[]> {
  if (!requests.length) return [];
  const params: unknown[] = [];
  const parts = requests.map((request, i) => {
    const first = pageSize(request.first);
    const { where, params: scopeParams } = scopeWhere(request.source.scope);
    // Renumber this subquery's placeholders after the ones already taken.
    const offset = params.length;
    const renumber = (text: string) => text.replace(/\$(\d+)/g, (_m, n) => `$${Number(n) + offset}`);
    params.push(...scopeParams);
    let keyset = '';
    if (request.after) {
      const [occurredAt, seq] = decodeEvidenceCursor(request.after);
      params.push(occurredAt, seq);
      keyset = ` and (e.occurred_at, e.seq) > ($${params.length - 1}::timestamptz, $${params.length}::bigint)`;
    }
    const selector = renumber(selectorSql(request.source.selector, WATERMARK_PARAM, ORG_PARAM));
    return `(select ${i} as k, e.seq, e.occurred_at from audit_events e where ${renumber(where)} and ${selector}${keyset}
             order by e.occurred_at, e.seq limit ${first + 1})`;
  });
  const rows = await sql.unsafe(parts.join(' union all '), params as never[]);
  const grouped = requests.map(() => [] as Array<{ seq: number; occurredAt: Date }>);
  for (const r of rows) grouped[Number(r.k)]!.push({ seq: Number(r.seq), occurredAt: new Date(r.occurred_at as string) });
  return grouped.map((items, i) => {
    const first = pageSize(requests[i]!.first);
    // UNION ALL keeps no order across parts: sort each part again.
    items.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.seq - b.seq);
    const page = items.slice(0, first);
    return {
      seqs: page.map((p) => p.seq),
      cursors: page.map((p) => encodeCursor([p.occurredAt.toISOString(), p.seq])),
      hasNextPage: items.length > first,
      hasPreviousPage: Boolean(requests[i]!.after),
    };
  });
}

/**
 * A reproducible random sample for auditors who test by sampling: ordered by
 * a hash of the report's recorded seed and each event's sequence number.
 */
export async function evidenceSample(sql: Sql, source: EvidenceSource, size: number): Promise<number[]> {
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw badInput('size', `size must be between 1 and ${MAX_PAGE}`);
  const { where, params } = scopeWhere(source.scope);
  params.push(source.sampleSeed);
  const rows = await sql.unsafe(
    `select e.seq from audit_events e where ${where} and ${selectorSql(source.selector, WATERMARK_PARAM, ORG_PARAM)}
     order by md5($${params.length} || ':' || e.seq::text), e.seq limit ${size}`,
    params as never[],
  );
  return rows.map((r) => Number(r.seq));
}

/**
 * The reverse link: which completed findings each event is evidence of. One
 * statement for a batch of events; each candidate finding's selector is
 * evaluated on the event with its report's watermark.
 */
export async function findingIdsForEvents(sql: Sql, orgId: string, seqs: readonly number[]): Promise<string[][]> {
  if (!seqs.length) return [];
  const cases = Object.keys(selectors)
    .map((id) => `when '${id}' then ${selectorSql(id as SelectorId, 'r.watermark', ORG_PARAM)}`)
    .join(' ');
  const rows = await sql.unsafe(
    `select e.seq, f.id
     from audit_events e
     join reports r on r.org_id = e.org_id and r.status = 'completed' and r.deleted_at is null
       and e.occurred_at >= r.period_start and e.occurred_at < r.period_end and e.seq <= r.watermark
       and (r.environment is null or r.environment = e.environment)
       and (cardinality(r.agent_ids) = 0 or e.agent_id = any(r.agent_ids))
       and (r.parameters->>'dataSubject' is null or e.data_subjects @> array[r.parameters->>'dataSubject'])
     join findings f on f.org_id = r.org_id and f.report_id = r.id and f.evidence_count > 0 and (f.evidence_agent is null or f.evidence_agent = e.agent_id)
     where e.org_id = $1 and e.seq = any($2::bigint[])
       and case f.evidence_selector ${cases} else false end
     order by e.seq, r.created_at, f.ordinal`,
    [orgId, seqs.map(Number)] as never[],
  );
  const byEvent = new Map<number, string[]>();
  for (const r of rows) {
    const list = byEvent.get(Number(r.seq)) ?? [];
    list.push(String(r.id));
    byEvent.set(Number(r.seq), list);
  }
  return seqs.map((s) => byEvent.get(Number(s)) ?? []);
}

/** For each report scope: did events for it arrive after its watermark? One statement for many reports. */
export async function staleReports(sql: Sql, scopes: ReportScope[]): Promise<boolean[]> {
  if (!scopes.length) return [];
  const params: unknown[] = [];
  const parts = scopes.map((scope, i) => {
    const { where, params: scopeParams } = scopeWhere({ ...scope, watermark: Number.MAX_SAFE_INTEGER });
    const offset = params.length;
    params.push(...scopeParams, scope.watermark);
    const renumbered = where.replace(/\$(\d+)/g, (_m, n) => `$${Number(n) + offset}`);
    return `select ${i} as k, exists (select 1 from audit_events e where ${renumbered} and e.seq > $${params.length}::bigint) as stale`;
  });
  const rows = await sql.unsafe(parts.join(' union all '), params as never[]);
  const byIndex = new Map(rows.map((r) => [Number(r.k), Boolean(r.stale)]));
  return scopes.map((_s, i) => byIndex.get(i) ?? false);
}

export function toSelector(id: string | null): SelectorId {
  if (!id || !isSelectorId(id)) throw new Error(`finding has an unknown evidence selector ${id}`);
  return id;
}

function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE) throw badInput('first', `first must be between 0 and ${MAX_PAGE}`);
  return first;
}

const encodeCursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

/** The keyset cursor of an evidence event, as the evidence pages write it. */
export const evidenceCursor = (occurredAt: Date, seq: number) => encodeCursor([occurredAt.toISOString(), seq]);

/**
 * The first page of a finding's evidence from what generation kept, when it
 * covers the page asked for; null when the page must be searched.
 */
export function pageFromHead(finding: FindingRow, first: number, after: string | null | undefined): { seqs: number[]; hasNextPage: boolean } | null {
  const head = finding.evidence_head;
  if (after || !head || (head.length < first && head.length < finding.evidence_count)) return null;
  const seqs = head.slice(0, first).map(Number);
  return { seqs, hasNextPage: finding.evidence_count > seqs.length };
}

function decodeCursor(cursor: string): unknown[] {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts)) return parts;
  } catch {
    // fall through
  }
  throw badInput('after', 'after must be a cursor returned by this API (pageInfo.endCursor)');
}

function decodeEvidenceCursor(cursor: string): [string, number] {
  const [occurredAt, seq] = decodeCursor(cursor);
  if (typeof occurredAt !== 'string' || Number.isNaN(Date.parse(occurredAt)) || !Number.isSafeInteger(seq)) {
    throw badInput('after', 'after must be a cursor returned by this API (pageInfo.endCursor)');
  }
  return [occurredAt, seq as number];
}

function decodeOrdinalCursor(cursor: string): number {
  const [ordinal] = decodeCursor(cursor);
  if (!Number.isSafeInteger(ordinal)) throw badInput('after', 'after must be a cursor returned by this API (pageInfo.endCursor)');
  return ordinal as number;
}
