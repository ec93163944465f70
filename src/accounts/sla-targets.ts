/**
 * An organisation's service-level targets: how soon approval requests and
 * held actions must be answered. The score's SLA factor measures the
 * period's requests against them (reports/scoring.ts).
 */
import type { Actor } from '../access.ts';
import { eq } from 'drizzle-orm';
import { organizations } from '../db/schema.ts';
import { retryTransient } from '../db/transient.ts';
import { badInput, notFound } from '../errors.ts';
import { auditedTransaction } from '../events/ingest.ts';
import type { Db } from '../db/client.ts';
import type { Services } from '../services.ts';

export interface SlaTargets {
  approvalMinutes: number;
  holdMinutes: number;
}

/** A week: a target beyond it measures nothing an approver would call service. */
export const MAX_SLA_MINUTES = 10_080;

export async function slaTargets(db: Db, orgId: string): Promise<SlaTargets> {
  const [row] = await db
    .select({ approvalMinutes: organizations.approvalSlaMinutes, holdMinutes: organizations.holdSlaMinutes })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!row) throw notFound('Organization');
  return row;
}

/** Sets the targets given (the others stay), and records the change in the service's own trail. */
export async function updateSlaTargets(services: Services, requester: Actor, input: Partial<SlaTargets>): Promise<SlaTargets> {
  const before = await slaTargets(services.database.db, requester.orgId);
  const after = { approvalMinutes: input.approvalMinutes ?? before.approvalMinutes, holdMinutes: input.holdMinutes ?? before.holdMinutes };
  for (const field of ['approvalMinutes', 'holdMinutes'] as const) {
    const v = after[field];
    if (!Number.isInteger(v) || v < 1 || v > MAX_SLA_MINUTES) {
      throw badInput(field, `${field} must be a whole number of minutes from 1 to ${MAX_SLA_MINUTES} (one week); got ${v}`);
    }
  }
  await retryTransient(() =>
    auditedTransaction(
      services,
      requester.orgId,
      (tx) => tx.update(organizations).set({ approvalSlaMinutes: after.approvalMinutes, holdSlaMinutes: after.holdMinutes }).where(eq(organizations.id, requester.orgId)),
      () => ({
        action: 'organization.sla_targets_changed',
        actorId: requester.actorId,
        resource: `organization:${requester.orgId}`,
        attributes: {
          approvalMinutes: { from: before.approvalMinutes, to: after.approvalMinutes },
          holdMinutes: { from: before.holdMinutes, to: after.holdMinutes },
        },
      }),
    ),
  );
  return after;
}
