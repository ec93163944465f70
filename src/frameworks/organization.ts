/**
 * Frameworks of one organisation, managed through the API: the same
 * definitions as CUSTOM_FRAMEWORKS_DIR's files, validated the same way, but
 * stored per organisation, so they are report types of that organisation
 * only. Updating one makes a new revision; reports keep the definition they
 * were built with (it is in their content and hash).
 */
import type { Actor } from '../access.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { customFrameworks } from '../db/schema.ts';
import { badInput, DomainError, notFound } from '../errors.ts';
import { auditedTransaction } from '../events/ingest.ts';
import type { Services } from '../services.ts';
import { parseFrameworkDefinition, REPORT_TYPE } from './custom.ts';
import { getFramework, reportTypes } from './index.ts';
import type { FrameworkDefinition } from './types.ts';

/** A report type as the organisation sees it: a shared definition, or one of its own. */
export async function frameworkOf(db: Db, orgId: string, type: string): Promise<FrameworkDefinition | undefined> {
  const shared = getFramework(type);
  if (shared) return shared;
  // Only a well-formed type can be stored (and PostgreSQL text refuses NUL): anything else is no type.
  if (!REPORT_TYPE.test(type)) return undefined;
  const [row] = await db.select({ definition: customFrameworks.definition }).from(customFrameworks).where(and(eq(customFrameworks.orgId, orgId), eq(customFrameworks.type, type)));
  return row ? (row.definition as FrameworkDefinition) : undefined;
}

/** Every report type the organisation can generate: the shared ones, then its own by type. */
export async function frameworksOf(db: Db, orgId: string): Promise<FrameworkDefinition[]> {
  const own = await db.select({ definition: customFrameworks.definition }).from(customFrameworks).where(eq(customFrameworks.orgId, orgId)).orderBy(asc(customFrameworks.type));
  return [...reportTypes(), ...own.map((r) => r.definition as FrameworkDefinition)];
}

/** The types an error message offers when a type is unknown. */
export async function typeList(db: Db, orgId: string): Promise<string> {
  return (await frameworksOf(db, orgId)).map((f) => f.type).join(', ');
}

function validated(input: unknown, revision: number): FrameworkDefinition {
  // jsonb cannot store NUL: say so instead of failing inside PostgreSQL.
  if (JSON.stringify(input ?? null).includes('\\u0000')) throw badInput('definition', 'must not contain NUL characters (\\u0000)');
  const definition = parseFrameworkDefinition(input);
  if (definition.catalog !== 'custom') throw badInput('definition.catalog', 'an organisation\'s framework uses catalog "custom" (its control ids are its own)');
  // The revision is the version: it names exactly which definition a report used.
  return { ...definition, version: String(revision) };
}

export async function createFramework(services: Services, requester: Actor, input: unknown): Promise<FrameworkDefinition> {
  const definition = validated(input, 1);
  if (getFramework(definition.type)) throw badInput('definition.type', `"${definition.type}" is a built-in report type; choose another type`);
  return audited(services, requester, 'framework.created', async (tx) => {
    const inserted = await tx
      .insert(customFrameworks)
      .values({ orgId: requester.orgId, type: definition.type, revision: 1, definition })
      .onConflictDoNothing()
      .returning({ type: customFrameworks.type });
    if (!inserted.length) {
      throw new DomainError('CONFLICT', `A framework of type "${definition.type}" exists already; change it with updateFramework`, 'definition.type');
    }
    return definition;
  });
}

export async function updateFramework(services: Services, requester: Actor, type: string, input: unknown): Promise<FrameworkDefinition> {
  const { db } = services.database;
  if (!REPORT_TYPE.test(type)) throw notFound('Framework');
  const [current] = await db.select().from(customFrameworks).where(and(eq(customFrameworks.orgId, requester.orgId), eq(customFrameworks.type, type)));
  if (!current) throw notFound('Framework');
  const definition = validated(input, current.revision + 1);
  if (definition.type !== type) throw badInput('definition.type', `the definition's type must stay "${type}" (a new type is a new framework: createFramework)`);
  return audited(services, requester, 'framework.updated', async (tx) => {
    const [updated] = await tx
      .update(customFrameworks)
      .set({ definition, revision: current.revision + 1, updatedAt: sql`now()` })
      // Two concurrent updates of one revision: the second finds it changed and says so.
      .where(and(eq(customFrameworks.orgId, requester.orgId), eq(customFrameworks.type, type), eq(customFrameworks.revision, current.revision)))
      .returning({ revision: customFrameworks.revision });
    if (!updated) throw new DomainError('CONFLICT', `Framework "${type}" changed meanwhile; read it again and retry`);
    return definition;
  });
}

/** Removes the type; its reports keep their content, and regenerating them is refused. */
export async function deleteFramework(services: Services, requester: Actor, type: string): Promise<FrameworkDefinition> {
  if (!REPORT_TYPE.test(type)) throw notFound('Framework');
  return audited(services, requester, 'framework.deleted', async (tx) => {
    const [deleted] = await tx
      .delete(customFrameworks)
      .where(and(eq(customFrameworks.orgId, requester.orgId), eq(customFrameworks.type, type)))
      .returning({ definition: customFrameworks.definition });
    if (!deleted) throw notFound('Framework');
    return deleted.definition as FrameworkDefinition;
  });
}

/** A change to a framework and its audit event, in one transaction. */
function audited(services: Services, requester: Actor, action: string, write: (tx: Tx) => Promise<FrameworkDefinition>) {
  return auditedTransaction(services, requester.orgId, write, (definition) => ({
    action,
    actorId: requester.actorId,
    resource: `framework:${definition.type}`,
    attributes: { version: definition.version },
  }));
}
