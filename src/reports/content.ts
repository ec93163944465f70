/**
 * The content contract: what a report's canonical content is, as renderers,
 * sharing, GraphQL and `verify` read it. The engine's output is checked
 * against the type at compile time; content read back from the database (or
 * from a file `verify` is given) is checked against the schema at run time,
 * so an old or malformed content is a clear error, not a crash deep in a
 * renderer. The version is the `schema` field's URL (`…/report/1`): a change
 * of shape is a new URL, and content of another version is refused by name.
 * Parsing never rewrites the content: its hash covers the bytes as stored.
 */
import { z } from 'zod';
import type { SlaTargets } from '../accounts/sla-targets.ts';
import type { CatalogId, Severity } from '../frameworks/types.ts';
import type { FindingContent } from './evaluate.ts';
import type { Gap } from './integrity.ts';
import type { Unit } from '../library/metrics.ts';
import type { FindingStatus, ScoreFactor } from './scoring.ts';
import type { Table } from './tables.ts';

/** Bumped whenever the shape changes; the content names it in its `schema` URL. */
const CONTENT_VERSION = 1;
export const CONTENT_SCHEMA = `https://agent-reports.dev/schema/report/${CONTENT_VERSION}` as const;

export interface ContentMetric {
  id: string;
  label: string;
  unit: Unit;
  value: number | null;
  denominator: { label: string; count: number | null } | null;
}

export interface ContentSection {
  id: string;
  title: string;
  description: string;
  metrics: ContentMetric[];
  tables: Table[];
  /** Ordinals of the section's findings. */
  findings: number[];
}

export interface ContentRecommendation {
  controlId: string;
  severity: Severity;
  status: FindingStatus;
  finding: number;
  text: string;
}

export interface ReportContent {
  /** The contract's version, as a URL. */
  schema: typeof CONTENT_SCHEMA;
  framework: { type: string; name: string; version: string; catalog: CatalogId };
  generator: string;
  title: string;
  scope: {
    organizationId: string;
    period: { start: string; end: string };
    environment: string | null;
    agentIds: string[];
    dataSubject: string | null;
  };
  /** Highest event sequence number read. */
  watermark: number;
  sampleSeed: string;
  score: number | null;
  grade: string | null;
  scoreBreakdown: { factors: ScoreFactor[]; slaTargets: SlaTargets };
  summary: string;
  recommendations: ContentRecommendation[];
  sections: ContentSection[];
  findings: FindingContent[];
  /** Present when the framework judges agents against their own baseline. */
  drift?: { baseline: { start: string; end: string; days: number }; method: string; threshold: number };
  integrity: {
    eventCount: number;
    timeCoverage: number | null;
    observedFrom: string;
    observedUntil: string;
    gapThresholdMinutes: number;
    gapCount: number;
    gapSeconds: number;
    gaps: Gap[];
    completeness: string[];
    chain: { link: number | null; head: string | null };
  };
}

const num = z.number();
const nullableNum = z.number().nullable();
const cell = z.union([z.string(), z.number(), z.null()]);
const status = z.enum(['pass', 'warn', 'fail', 'not_applicable']);
const severity = z.enum(['info', 'low', 'medium', 'high', 'critical']);

/** The run-time form of `ReportContent` (ids are checked as strings: the registries may have grown since). */
const reportContentSchema = z.object({
  schema: z.literal(CONTENT_SCHEMA),
  framework: z.object({ type: z.string(), name: z.string(), version: z.string(), catalog: z.string() }),
  generator: z.string(),
  title: z.string(),
  scope: z.object({
    organizationId: z.string(),
    period: z.object({ start: z.string(), end: z.string() }),
    environment: z.string().nullable(),
    agentIds: z.array(z.string()),
    dataSubject: z.string().nullable(),
  }),
  watermark: num,
  sampleSeed: z.string(),
  score: nullableNum,
  grade: z.string().nullable(),
  scoreBreakdown: z.object({
    factors: z.array(z.object({ id: z.string(), label: z.string(), weight: num, value: nullableNum, effectiveWeight: num, points: num, detail: z.string() })),
    slaTargets: z.object({ approvalMinutes: num, holdMinutes: num }),
  }),
  summary: z.string(),
  recommendations: z.array(z.object({ controlId: z.string(), severity, status, finding: num, text: z.string() })),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      metrics: z.array(z.object({ id: z.string(), label: z.string(), unit: z.string(), value: nullableNum, denominator: z.object({ label: z.string(), count: nullableNum }).nullable() })),
      tables: z.array(z.object({ id: z.string(), title: z.string(), columns: z.array(z.string()), rows: z.array(z.array(cell)), truncated: z.object({ shown: num, total: num }).nullable() })),
      findings: z.array(num),
    }),
  ),
  findings: z.array(
    z.object({
      ordinal: num,
      framework: z.string(),
      section: z.string(),
      controlId: z.string(),
      controlTitle: z.string(),
      checkId: z.string(),
      status,
      severity,
      category: z.string(),
      title: z.string(),
      description: z.string(),
      recommendation: z.string().nullable(),
      metric: z.string(),
      value: nullableNum,
      unit: z.string(),
      evidenceSelector: z.string(),
      evidenceAgent: z.string().optional(),
      evidenceKind: z.enum(['exceptions', 'population']),
      evidenceCount: num,
      populationCount: num,
    }),
  ),
  drift: z.object({ baseline: z.object({ start: z.string(), end: z.string(), days: num }), method: z.string(), threshold: num }).optional(),
  integrity: z.object({
    eventCount: num,
    timeCoverage: nullableNum,
    observedFrom: z.string(),
    observedUntil: z.string(),
    gapThresholdMinutes: num,
    gapCount: num,
    gapSeconds: num,
    gaps: z.array(z.object({ start: z.string(), end: z.string(), seconds: num, reason: z.enum(['gateway_disconnected', 'silence']) })),
    completeness: z.array(z.string()),
    chain: z.object({ link: nullableNum, head: z.string().nullable() }),
  }),
});

// Every content the engine can produce passes the schema (a compile-time check of the two against each other).
const _fitsSchema = (content: ReportContent): z.input<typeof reportContentSchema> => content;
void _fitsSchema;

/** Content that does not follow the contract: which report or file, and where it breaks. */
class ContentError extends Error {
  readonly issues: string[];
  constructor(where: string, issues: string[]) {
    super(`${where}: the content does not follow the report content contract (${CONTENT_SCHEMA}): ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`);
    this.name = 'ContentError';
    this.issues = issues;
  }
}

/** The problems of `value` as report content, in words (empty when it follows the contract). */
export function contentProblems(value: unknown): string[] {
  if (value === null || value === undefined) return ['there is no content'];
  const declared = (value as { schema?: unknown }).schema;
  if (typeof declared === 'string' && declared !== CONTENT_SCHEMA) return [`it is of version ${declared}, this service reads ${CONTENT_SCHEMA}`];
  const parsed = reportContentSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.join('.') || '(the content)'}: ${issue.message}`);
}

/**
 * Report content read back from jsonb (or a file), checked against the
 * contract. Returns the value itself, untouched, so its canonical bytes (and
 * hash) are what was stored; throws a ContentError naming `where` otherwise.
 */
export function parseContent(value: unknown, where: string): ReportContent {
  const problems = contentProblems(value);
  if (problems.length) throw new ContentError(where, problems);
  return value as ReportContent;
}
