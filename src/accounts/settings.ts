/**
 * An organisation's settings: how long report and export files are kept
 * (retention) and who hears of every report (webhooks, e-mails).
 */
import type { Actor } from '../access.ts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { retryTransient } from '../db/transient.ts';
import { compliancePackages, dataExports, organizations, reports } from '../db/schema.ts';
import { badInput, notFound } from '../errors.ts';
import { auditedTransaction } from '../events/ingest.ts';
import { validateNotify, type NotifySettings } from '../notifications/recipients.ts';
import type { Services } from '../services.ts';

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;
const DAY_MS = 86_400_000;

/** When a file completed at `completedAt` expires under a retention of `retentionDays`. */
export function expiryFor(retentionDays: number, completedAt: Date): Date {
  return new Date(completedAt.getTime() + retentionDays * DAY_MS);
}

export interface OrganizationSettings {
  retentionDays: number;
  /** Told about every report of the organisation that completes or fails (schedules add their own). */
  notify: NotifySettings;
}

export async function organizationSettings(db: Db, orgId: string): Promise<OrganizationSettings & { webhookSecret: string }> {
  const [org] = await db
    .select({ retentionDays: organizations.retentionDays, webhookSecret: organizations.webhookSecret, notify: organizations.notify })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw notFound('Organization');
  return { ...org, notify: { webhooks: org.notify.webhooks ?? [], emails: org.notify.emails ?? [] } };
}

/**
 * Changes the retention period; completed reports are re-dated to the new
 * period (the next retention run expires those now past it).
 */
export async function updateOrganizationSettings(
  services: Services,
  requester: Actor,
  input: { retentionDays?: number; notify?: Partial<NotifySettings> },
): Promise<OrganizationSettings> {
  const { db } = services.database;
  const before = await organizationSettings(db, requester.orgId);
  const retentionDays = input.retentionDays ?? before.retentionDays;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS || retentionDays > MAX_RETENTION_DAYS) {
    throw badInput('retentionDays', `retentionDays must be a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}`);
  }
  // A list given replaces the current one; a list left out stays.
  const notify = input.notify
    ? validateNotify({ webhooks: input.notify.webhooks ?? before.notify.webhooks, emails: input.notify.emails ?? before.notify.emails }, services.config.WEBHOOK_ALLOWED_HOSTS)
    : before.notify;
  // The audit event names the change (counts only for notify: the URLs may carry tokens of the receiving system).
  const event = () => ({
    action: 'organization.settings_changed',
    actorId: requester.actorId,
    resource: `organization:${requester.orgId}`,
    attributes: { retentionDays: { from: before.retentionDays, to: retentionDays }, notify: { webhooks: notify.webhooks.length, emails: notify.emails.length } },
  });
  await retryTransient(() => auditedTransaction(services, requester.orgId, async (tx) => {
    await tx.update(organizations).set({ retentionDays, notify }).where(eq(organizations.id, requester.orgId));
    if (retentionDays !== before.retentionDays) {
      await tx
        .update(reports)
        .set({ expiresAt: sql`((${reports.completedAt} at time zone 'UTC') + make_interval(days => ${retentionDays}::int)) at time zone 'UTC'` })
        .where(and(eq(reports.orgId, requester.orgId), eq(reports.status, 'completed'), isNull(reports.deletedAt)));
      await tx
        .update(dataExports)
        .set({ expiresAt: sql`((${dataExports.completedAt} at time zone 'UTC') + make_interval(days => ${retentionDays}::int)) at time zone 'UTC'` })
        .where(and(eq(dataExports.orgId, requester.orgId), eq(dataExports.status, 'completed')));
      await tx
        .update(compliancePackages)
        .set({ expiresAt: sql`((${compliancePackages.completedAt} at time zone 'UTC') + make_interval(days => ${retentionDays}::int)) at time zone 'UTC'` })
        .where(and(eq(compliancePackages.orgId, requester.orgId), eq(compliancePackages.status, 'completed')));
    }
  }, event));
  return { retentionDays, notify };
}
