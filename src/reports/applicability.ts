/**
 * Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d): every control of
 * the catalog, whether the organisation applies or excludes it and why,
 * whether it is implemented, and, in a separate column, whether the agent
 * governance trail evidences it and with which findings.
 *
 * Applicability, justification and implementation status are the
 * organisation's statements, recorded by an admin and kept with their
 * history (one row per revision). Until someone states otherwise a control is
 * applicable with status unknown, so a new organisation's SoA says honestly
 * that nobody has stated anything yet.
 */
import type { Actor } from '../access.ts';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { controlStatements } from '../db/schema.ts';
import { catalogControls, catalogTitle } from '../frameworks/catalog.ts';
import type { FrameworkDefinition } from '../frameworks/types.ts';
import { auditedTransaction } from '../events/ingest.ts';
import type { Services } from '../services.ts';
import type { Table } from './tables.ts';

/** The catalog whose controls an organisation states applicability for. */
const SOA_CATALOG = 'iso27001' as const;
export const IMPLEMENTATION_STATUSES = ['unknown', 'not_implemented', 'planned', 'partially_implemented', 'implemented'] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];
const MAX_JUSTIFICATION = 2000;
const MAX_BATCH = 200;

export const NOT_STATED = 'Not stated yet: applicable by default until the organisation records its applicability and justification.';

export interface ControlStatement {
  controlId: string;
  title: string;
  applicable: boolean;
  justification: string;
  implementation: ImplementationStatus;
  /** 0 while nothing was stated (the defaults). */
  revision: number;
  recordedBy: string | null;
  recordedAt: Date | null;
}

interface StatementInput {
  controlId: string;
  applicable: boolean;
  justification: string;
  implementation: ImplementationStatus;
}

export interface StatementRejection {
  index: number;
  field: string;
  message: string;
}

type Row = typeof controlStatements.$inferSelect;

const defaults = (controlId: string, title: string): ControlStatement => ({
  controlId, title, applicable: true, justification: NOT_STATED, implementation: 'unknown', revision: 0, recordedBy: null, recordedAt: null,
});

const toStatement = (r: Row): ControlStatement => ({
  controlId: r.controlId,
  title: catalogTitle(SOA_CATALOG, r.controlId) ?? r.controlId,
  applicable: r.applicable,
  justification: r.justification,
  implementation: r.implementation,
  revision: r.revision,
  recordedBy: r.recordedBy,
  recordedAt: r.recordedAt,
});

/**
 * The current statement of every control in catalog order; `asOf` reads them
 * as they stood at that instant (a report reads them as of its request, so
 * rebuilding it later gives the same content).
 */
export async function currentStatements(db: Db, orgId: string, asOf?: Date): Promise<ControlStatement[]> {
  const rows = await db
    .selectDistinctOn([controlStatements.controlId])
    .from(controlStatements)
    .where(and(eq(controlStatements.orgId, orgId), eq(controlStatements.catalog, SOA_CATALOG), asOf ? lte(controlStatements.recordedAt, asOf) : undefined))
    .orderBy(controlStatements.controlId, desc(controlStatements.revision));
  const byControl = new Map(rows.map((r) => [r.controlId, toStatement(r)]));
  return catalogControls(SOA_CATALOG).map((c) => byControl.get(c.id) ?? defaults(c.id, c.title));
}

/** Every revision of one control, oldest first (empty while nothing was stated). */
export async function statementHistory(db: Db, orgId: string, controlId: string): Promise<ControlStatement[]> {
  const rows = await db
    .select()
    .from(controlStatements)
    .where(and(eq(controlStatements.orgId, orgId), eq(controlStatements.catalog, SOA_CATALOG), eq(controlStatements.controlId, controlId)))
    .orderBy(asc(controlStatements.revision));
  return rows.map(toStatement);
}

function check(input: StatementInput, index: number, seen: Set<string>): StatementRejection | null {
  const reject = (field: string, message: string) => ({ index, field: `statements[${index}].${field}`, message });
  if (!catalogTitle(SOA_CATALOG, input.controlId)) return reject('controlId', `"${input.controlId}" is not an ISO/IEC 27001:2022 Annex A control; use its identifier as the standard spells it, e.g. A.5.1 or A.8.15`);
  if (seen.has(input.controlId)) return reject('controlId', `${input.controlId} appears more than once in this batch; send one statement per control`);
  const justification = input.justification.trim();
  if (!justification) {
    return reject('justification', input.applicable ? 'say why the control is included (6.1.3 d asks for the justification of every necessary control)' : 'say why the control is excluded (6.1.3 d asks for the justification of every exclusion)');
  }
  if (justification.length > MAX_JUSTIFICATION) return reject('justification', `must be at most ${MAX_JUSTIFICATION} characters`);
  if (justification.includes('\u0000')) return reject('justification', 'must not contain NUL characters');
  if (!input.applicable && input.implementation !== 'not_implemented' && input.implementation !== 'unknown') {
    return reject('implementation', `an excluded control cannot be ${input.implementation}; state it as NOT_IMPLEMENTED, or mark it applicable`);
  }
  return null;
}

/**
 * Records a batch of statements, each as its control's next revision. A bad
 * statement is rejected by its index; the others are recorded. One audit
 * event names the controls changed.
 */
export async function recordStatements(
  services: Services,
  requester: Actor,
  inputs: StatementInput[],
): Promise<{ recorded: ControlStatement[]; rejected: StatementRejection[] }> {
  if (inputs.length > MAX_BATCH) {
    return { recorded: [], rejected: [{ index: MAX_BATCH, field: 'statements', message: `at most ${MAX_BATCH} statements per call; send the rest in another` }] };
  }
  const rejected: StatementRejection[] = [];
  const good: StatementInput[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const problem = check(input, index, seen);
    seen.add(input.controlId);
    if (problem) rejected.push(problem);
    else good.push({ ...input, justification: input.justification.trim() });
  });
  if (!good.length) return { recorded: [], rejected };
  const rows = await auditedTransaction(services, requester.orgId, async (tx) => {
    // One writer per organisation at a time, so two batches never take the same revision.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`soa:${requester.orgId}`}))`);
    const latest = await tx
      .select({ controlId: controlStatements.controlId, revision: sql<number>`max(${controlStatements.revision})`.mapWith(Number) })
      .from(controlStatements)
      .where(and(eq(controlStatements.orgId, requester.orgId), eq(controlStatements.catalog, SOA_CATALOG)))
      .groupBy(controlStatements.controlId);
    const revisionOf = new Map(latest.map((r) => [r.controlId, r.revision]));
    return tx
      .insert(controlStatements)
      .values(good.map((s) => ({
        orgId: requester.orgId,
        catalog: SOA_CATALOG,
        controlId: s.controlId,
        revision: (revisionOf.get(s.controlId) ?? 0) + 1,
        applicable: s.applicable,
        justification: s.justification,
        implementation: s.implementation,
        recordedBy: requester.name,
      })))
      .returning();
  }, () => ({ action: 'soa.updated', actorId: requester.actorId, resource: `soa:${SOA_CATALOG}`, attributes: { controls: good.map((s) => s.controlId) } }));
  return { recorded: rows.map(toStatement), rejected };
}

interface FindingLike {
  ordinal: number;
  controlId: string;
  checkId: string;
  status: string;
}

/**
 * A.6 controls whose purpose is not an HR process: the theme's reason would
 * send the auditor to the wrong records.
 */
const OWN_REASONS: Record<string, string> = {
  'A.6.7': 'Remote working: the security of people working away from the premises (remote-working policy, protected remote access and devices) leaves no trace in agent governance events; evidence it from the remote-working policy and the remote-access and endpoint records.',
  'A.6.8': 'Information security event reporting: whether personnel report observed or suspected events through the designated channel is not recorded in agent governance events (the gateway\'s own detections are assessed under A.5.25 and A.8.16); evidence it from the reporting channel and its records.',
};

/** Why the trail of AI agent governance events cannot evidence a control, by ISO 27001 theme. */
function reasonNotEvidenced(controlId: string): string {
  const own = OWN_REASONS[controlId];
  if (own) return own;
  if (controlId.startsWith('A.6.')) {
    return 'People control (screening, terms of employment, awareness and training, discipline, duties after termination, confidentiality agreements): leaves no trace in agent governance events; evidence it from HR records.';
  }
  if (controlId.startsWith('A.7.')) return 'Physical control: facilities and equipment are outside the agent governance trail; evidence it from physical-security records.';
  return 'Not evidenced by agent governance events; assess it with the ISMS\'s other records.';
}

const SOA_COLUMNS = ['control', 'title', 'applicability', 'justification', 'implementation', 'statedIn', 'evidencedByAgentEvents', 'evidence'];

/** The SoA table of a report: the organisation's statements beside what the trail evidenced. */
export function statementOfApplicability(framework: FrameworkDefinition, findings: FindingLike[], statements: ControlStatement[]): Table {
  if (framework.catalog !== SOA_CATALOG) return { id: 'statement_of_applicability', title: 'Statement of Applicability', columns: SOA_COLUMNS, rows: [], truncated: null };
  const byControl = new Map<string, FindingLike[]>();
  for (const f of findings) byControl.set(f.controlId, [...(byControl.get(f.controlId) ?? []), f]);
  const rows = statements.map((s) => {
    const own = byControl.get(s.controlId) ?? [];
    const evidence = own.length
      ? `${own.some((f) => f.status !== 'not_applicable') ? 'Measured from the agent governance trail' : 'Nothing of this kind happened in the period and scope'}: ${own.map((f) => `finding ${f.ordinal} ${f.checkId}: ${f.status}`).join('; ')}`
      : reasonNotEvidenced(s.controlId);
    return [
      s.controlId,
      s.title,
      s.applicable ? 'applicable' : 'excluded',
      s.justification,
      s.implementation,
      s.revision ? `revision ${s.revision}, ${s.recordedAt!.toISOString()} by ${s.recordedBy}` : 'not stated (default)',
      own.length ? 'yes' : 'no',
      evidence,
    ];
  });
  const excluded = statements.filter((s) => !s.applicable).length;
  const unstated = statements.filter((s) => !s.revision).length;
  return {
    id: 'statement_of_applicability',
    title: `Statement of Applicability (${rows.length} controls: ${rows.length - excluded} applicable, ${excluded} excluded, ${unstated} not stated yet)`,
    columns: SOA_COLUMNS,
    rows,
    truncated: null,
  };
}
