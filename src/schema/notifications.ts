/** The notification outbox, and the organisation settings behind retention and webhook signatures. */
import { actorOf, orgOf } from './context.ts';
import { listNotifications, type NotificationRow } from '../notifications/outbox.ts';
import { organizationSettings, updateOrganizationSettings, MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type OrganizationSettings } from '../accounts/settings.ts';
import { Notify, NotifyInput } from './schedules.ts';
import { builder } from './builder.ts';
import { Organization } from './organization.ts';
import { Report } from './reports.ts';
import { keysetConnection } from './connection.ts';

const Channel = builder.enumType('NotificationChannel', {
  description: 'How a notification is delivered.',
  values: { WEBHOOK: { value: 'webhook' as const }, EMAIL: { value: 'email' as const }, S3: { value: 's3' as const, description: 'An upload to an S3-compatible storage target.' } },
});

const DeliveryStatus = builder.enumType('NotificationStatus', {
  description: 'PENDING (not delivered yet; retried with backoff, or waiting for SMTP to be configured), DELIVERED, FAILED (retries exhausted).',
  values: { PENDING: { value: 'pending' as const }, DELIVERED: { value: 'delivered' as const }, FAILED: { value: 'failed' as const } },
});

const Notification = builder.objectRef<NotificationRow>('Notification').implement({
  description: 'A webhook call or e-mail about a report, or an upload of a file to a storage target, kept whether or not it was delivered.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Notification id; webhooks carry it as X-Delivery-Id.' }),
    channel: t.field({ type: Channel, description: 'Webhook or e-mail.', resolve: (n) => n.channel }),
    target: t.exposeString('target', { description: 'The webhook URL, e-mail address, or s3://bucket/key of an upload.' }),
    event: t.exposeString('event', { description: 'report.completed or report.failed; for an upload to storage, report.delivered, export.delivered or package.delivered.' }),
    report: t.field({ type: Report, nullable: true, description: 'The report it is about.', resolve: (n) => n.reportId }),
    subject: t.string({ nullable: true, description: 'E-mail subject.', resolve: (n) => n.subject }),
    body: t.exposeString('body', { description: 'The exact webhook body (JSON) or e-mail text.' }),
    status: t.field({ type: DeliveryStatus, description: 'Delivery status.', resolve: (n) => n.status }),
    attempts: t.exposeInt('attempts', { description: 'Delivery attempts so far.' }),
    responseStatus: t.int({ nullable: true, description: 'HTTP status of the last webhook attempt.', resolve: (n) => n.responseStatus }),
    lastError: t.string({ nullable: true, description: 'Why the last attempt failed.', resolve: (n) => n.lastError }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written to the outbox.' }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true, description: 'When it was delivered.' }),
  }),
});

builder.queryField('notifications', (t) =>
  t.connection(
    {
      type: Notification,
      description: 'The notification outbox and delivery log, newest first (admin only).',
      authScopes: { can: 'notification:read' },
      resolve: async (_root, args, ctx) => {
        const page = await listNotifications(ctx.services.database.db, orgOf(ctx), args);
        return keysetConnection(page);
      },
    },
    {
      description: 'A page of notifications.',
      fields: (c) => ({ totalCount: c.int({ description: 'All notifications of the organisation.', resolve: (conn) => (conn as unknown as { totalCount: number }).totalCount }) }),
    },
  ),
);

builder.objectFields(Organization, (t) => ({
  retentionDays: t.int({
    description: 'Days a completed report\'s files are kept before retention deletes them (the report\'s metadata, findings and hash stay).',
    authScopes: { can: 'report:read' },
    resolve: async (org, _args, ctx) => (await organizationSettings(ctx.services.database.db, org.id)).retentionDays,
  }),
  notify: t.field({
    type: Notify,
    description: 'Who is told when any report of the organisation completes or fails (admin only).',
    authScopes: { can: 'organization:manage' },
    resolve: async (org, _args, ctx) => (await organizationSettings(ctx.services.database.db, org.id)).notify,
  }),
  webhookSecret: t.string({
    description: 'Secret of the HMAC-SHA256 signature in the X-Signature-256 header of webhooks (admin only).',
    authScopes: { can: 'organization:manage' },
    resolve: async (org, _args, ctx) => (await organizationSettings(ctx.services.database.db, org.id)).webhookSecret,
  }),
}));

const SettingsInput = builder.inputType('OrganizationSettingsInput', {
  description: 'Organisation settings to change; omitted fields keep their value.',
  fields: (t) => ({
    retentionDays: t.int({ description: `Days report files are kept after completion, ${MIN_RETENTION_DAYS}–${MAX_RETENTION_DAYS}.` }),
    notify: t.field({ type: NotifyInput, description: 'Who is told when any report of the organisation completes or fails (a given list replaces the current one).' }),
  }),
});

const Settings = builder.objectRef<OrganizationSettings>('OrganizationSettings').implement({
  description: 'Settings of the organisation.',
  fields: (t) => ({
    retentionDays: t.exposeInt('retentionDays', { description: 'Days report files are kept after completion.' }),
    notify: t.field({ type: Notify, description: 'Who is told when any report of the organisation completes or fails; schedules add their own.', resolve: (s) => s.notify }),
  }),
});

builder.mutationField('updateOrganizationSettings', (t) =>
  t.field({
    type: Settings,
    description: 'Changes organisation settings (admin only). A new retention period re-dates completed reports; the hourly retention job expires those now past it.',
    authScopes: { can: 'organization:manage' },
    args: { input: t.arg({ type: SettingsInput, required: true, description: 'The settings to change.' }) },
    resolve: (_root, { input }, ctx) =>
      updateOrganizationSettings(ctx.services, actorOf(ctx), {
        retentionDays: input.retentionDays ?? undefined,
        notify: input.notify ? { webhooks: input.notify.webhooks ?? undefined, emails: input.notify.emails ?? undefined } : undefined,
      }),
  }),
);
