/** Report schedules: recurring reports with notifications. */
import { actorOf, orgOf } from './context.ts';
import { FREQUENCIES } from '../schedules/recurrence.ts';
import { notifyOf, type NotifySettings } from '../notifications/recipients.ts';
import { createSchedule, deleteSchedule, listSchedules, runScheduleNow, schedulePackages, scheduleReports, updateSchedule, type ScheduleRow } from '../schedules/schedules.ts';
import type { SchedulePackage as SchedulePackageRow } from '../db/schema.ts';
import { ExportFormat, ExportKind } from './exports.ts';
import { CompliancePackage } from './packages.ts';
import { builder } from './builder.ts';
import { Report } from './reports.ts';

const Frequency = builder.enumType('ScheduleFrequency', {
  description: 'WEEKLY (on dayOfWeek), MONTHLY (on dayOfMonth) or QUARTERLY (Jan 1, Apr 1, Jul 1, Oct 1, for the previous quarter); runs at 01:00 in the schedule\'s time zone.',
  values: Object.fromEntries(FREQUENCIES.map((f) => [f.toUpperCase(), { value: f }])) as Record<Uppercase<(typeof FREQUENCIES)[number]>, { value: (typeof FREQUENCIES)[number] }>,
});

export const Notify = builder.objectRef<NotifySettings>('ScheduleNotify').implement({
  description: 'Who is told when a report completes or fails (of a schedule, or of the whole organisation).',
  fields: (t) => ({
    webhooks: t.exposeStringList('webhooks', { description: 'URLs that receive a signed JSON POST (header X-Signature-256: sha256=HMAC of the body with Organization.webhookSecret).' }),
    emails: t.exposeStringList('emails', { description: 'Addresses that receive an e-mail (through SMTP_URL; kept in the notifications outbox).' }),
  }),
});

const SchedulePackage = builder.objectRef<SchedulePackageRow>('SchedulePackage').implement({
  description: 'What each run of a package schedule puts in its compliance package.',
  fields: (t) => ({
    frameworks: t.exposeStringList('frameworks', { description: 'Report types, in order.' }),
    exportKinds: t.field({ type: [ExportKind], description: 'Data exports.', resolve: (p) => p.exportKinds as Array<'audit_log'> }),
    exportFormat: t.field({ type: ExportFormat, description: 'Format of the data exports.', resolve: (p) => p.exportFormat }),
  }),
});

const SchedulePackageInput = builder.inputType('SchedulePackageInput', {
  description: 'Makes each run a compliance package: one report per framework and these data exports, over the run\'s period and the schedule\'s scope.',
  fields: (t) => ({
    frameworks: t.stringList({ required: true, description: 'Report types, 1 to 12, each once; the schedule\'s type is the first.' }),
    exportKinds: t.field({ type: [ExportKind], description: 'Data exports to include (none by default).' }),
    exportFormat: t.field({ type: ExportFormat, description: 'Format of the data exports; CSV by default.' }),
  }),
});

const Schedule = builder.objectRef<ScheduleRow>('Schedule').implement({
  description: 'A report generated on a recurring schedule.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Schedule id.' }),
    type: t.exposeString('type', { description: 'Report type, e.g. soc2.' }),
    frequency: t.field({ type: Frequency, description: 'How often it runs.', resolve: (s) => s.frequency }),
    dayOfWeek: t.int({ nullable: true, description: 'Weekly: ISO weekday, 1 = Monday … 7 = Sunday.', resolve: (s) => s.dayOfWeek }),
    dayOfMonth: t.int({ nullable: true, description: 'Monthly: day of the month, 1–28.', resolve: (s) => s.dayOfMonth }),
    periodDays: t.int({ nullable: true, description: 'Days each report covers, ending at the start of the run day; null: 7 (weekly), the previous calendar month (monthly), the previous quarter (quarterly).', resolve: (s) => s.periodDays }),
    timezone: t.exposeString('timezone', { description: 'IANA time zone of the run times and periods.' }),
    environment: t.string({ nullable: true, description: 'Only this environment; null for all.', resolve: (s) => s.environment }),
    agentIds: t.exposeStringList('agentIds', { description: 'Only these agents; empty for all.' }),
    titleTemplate: t.exposeString('titleTemplate', { description: 'Title of each report; {month} {year} {quarter} {start} {end} are filled in.' }),
    notify: t.field({ type: Notify, description: 'Notifications on completion or failure.', resolve: (s) => notifyOf(s) }),
    deliverTo: t.idList({ description: 'Storage targets each report\'s files are uploaded to.', resolve: (s) => s.deliverTo }),
    package: t.field({ type: SchedulePackage, nullable: true, description: 'Set when each run makes a compliance package instead of one report.', resolve: (s) => s.package }),
    packages: t.field({
      type: [CompliancePackage],
      description: 'Compliance packages the schedule produced, newest first (empty unless it is a package schedule).',
      args: { first: t.arg.int({ defaultValue: 10, description: 'How many, at most 100.' }) },
      resolve: async (s, { first }, ctx) => (await schedulePackages(ctx.services.database.db, orgOf(ctx), s.id, Math.min(Math.max(first ?? 10, 0), 100))).map((r) => r.id),
    }),
    paused: t.exposeBoolean('paused', { description: 'A paused schedule does not run; resuming starts from the next due time.' }),
    nextRunAt: t.expose('nextRunAt', { type: 'DateTime', description: 'Next due time.' }),
    lastRunAt: t.expose('lastRunAt', { type: 'DateTime', nullable: true, description: 'Last due time (or run-now) that ran.' }),
    reports: t.field({
      type: [Report],
      description: 'Reports the schedule produced, newest first.',
      args: { first: t.arg.int({ defaultValue: 10, description: 'How many, at most 100.' }) },
      resolve: async (s, { first }, ctx) => (await scheduleReports(ctx.services.database.db, orgOf(ctx), s.id, Math.min(Math.max(first ?? 10, 0), 100))).map((r) => r.id),
    }),
    createdBy: t.exposeString('createdBy', { description: 'Name of the API key that created it.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

export const NotifyInput = builder.inputType('ScheduleNotifyInput', {
  description: 'Who to tell when a report completes or fails (of a schedule, or of the whole organisation).',
  fields: (t) => ({
    webhooks: t.stringList({ description: 'https URLs to public addresses for signed JSON POSTs, at most 10 (plain http and private addresses only for hosts in WEBHOOK_ALLOWED_HOSTS).' }),
    emails: t.stringList({ description: 'E-mail addresses, at most 20.' }),
  }),
});

const scheduleFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0], req: { required: false }) => ({
  type: t.string({ required: req.required, description: 'Report type, e.g. soc2 (see the frameworks query).' }),
  frequency: t.field({ type: Frequency, required: req.required, description: 'WEEKLY, MONTHLY or QUARTERLY.' }),
  dayOfWeek: t.int({ description: 'Weekly: ISO weekday 1 (Monday) … 7 (Sunday); default 1.' }),
  dayOfMonth: t.int({ description: 'Monthly: 1–28; default 1.' }),
  periodDays: t.int({ description: 'Days each report covers (1–366); default 7 weekly, the previous calendar month monthly.' }),
  timezone: t.string({ description: 'IANA time zone, e.g. Europe/Berlin; default UTC.' }),
  environment: t.string({ description: 'Only this environment.' }),
  agentIds: t.stringList({ description: 'Only these agents.' }),
  titleTemplate: t.string({ description: 'Title template, e.g. "SOC 2 {month} {year}"; placeholders {month} {year} {quarter} {start} {end}.' }),
  notify: t.field({ type: NotifyInput, description: 'Webhooks and e-mails on completion or failure.' }),
  deliverTo: t.idList({ description: 'Storage targets (StorageTarget.id) each report\'s files are uploaded to once it completes.' }),
  package: t.field({ type: SchedulePackageInput, description: 'Make each run a compliance package of several frameworks and data exports instead of one report (null on update: back to one report).' }),
});

const CreateScheduleInput = builder.inputType('CreateScheduleInput', {
  description: 'A recurring report.',
  fields: (t) => ({
    ...scheduleFields(t, { required: false }),
    type: t.string({ description: 'Report type, e.g. soc2 (see the frameworks query); required unless package is given.' }),
    frequency: t.field({ type: Frequency, required: true, description: 'WEEKLY, MONTHLY or QUARTERLY.' }),
  }),
});

const UpdateScheduleInput = builder.inputType('UpdateScheduleInput', {
  description: 'Changes to a schedule; omitted fields keep their value.',
  fields: (t) => ({
    ...scheduleFields(t, { required: false }),
    paused: t.boolean({ description: 'true pauses, false resumes.' }),
  }),
});


const clean = <T extends Record<string, unknown>>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };

builder.queryField('schedules', (t) =>
  t.field({
    type: [Schedule],
    description: 'Report schedules of the organisation, oldest first.',
    authScopes: { can: 'schedule:read' },
    resolve: (_root, _args, ctx) => listSchedules(ctx.services.database.db, orgOf(ctx)),
  }),
);

builder.mutationFields((t) => ({
  createSchedule: t.field({
    type: Schedule,
    description: 'Creates a report schedule.',
    authScopes: { can: 'schedule:manage' },
    args: { input: t.arg({ type: CreateScheduleInput, required: true, description: 'What to report on and when.' }) },
    resolve: (_root, { input }, ctx) =>
      createSchedule(ctx.services, actorOf(ctx), {
        ...input,
        deliverTo: input.deliverTo?.map(String) ?? null,
        notify: input.notify ? { webhooks: input.notify.webhooks ?? [], emails: input.notify.emails ?? [] } : null,
      }),
  }),
  updateSchedule: t.field({
    type: Schedule,
    description: 'Changes a schedule, pauses it (paused: true) or resumes it (paused: false).',
    authScopes: { can: 'schedule:manage' },
    args: {
      id: t.arg.id({ required: true, description: 'Schedule id.' }),
      input: t.arg({ type: UpdateScheduleInput, required: true, description: 'The changes.' }),
    },
    resolve: (_root, { id, input }, ctx) => {
      const { notify, ...rest } = input;
      const changes = clean({ ...rest, deliverTo: rest.deliverTo?.map(String), notify: notify ? clean({ webhooks: notify.webhooks ?? undefined, emails: notify.emails ?? undefined }) : undefined });
      return updateSchedule(ctx.services, actorOf(ctx), String(id), changes);
    },
  }),
  deleteSchedule: t.field({
    type: Schedule,
    description: 'Deletes a schedule; the reports it produced stay.',
    authScopes: { can: 'schedule:manage' },
    args: { id: t.arg.id({ required: true, description: 'Schedule id.' }) },
    resolve: (_root, { id }, ctx) => deleteSchedule(ctx.services, actorOf(ctx), String(id)),
  }),
  runScheduleNow: t.field({
    type: Report,
    description: 'Runs the schedule now for the period a run now covers (e.g. the previous month); its regular runs are unchanged.',
    authScopes: { can: 'schedule:manage' },
    args: { id: t.arg.id({ required: true, description: 'Schedule id.' }) },
    resolve: (_root, { id }, ctx) => runScheduleNow(ctx.services, actorOf(ctx), String(id)),
  }),
}));
