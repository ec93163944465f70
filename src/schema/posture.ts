/**
 * Live posture: every followed framework's checks now, their daily trend,
 * the settings and alert rules, and the subscription to status changes.
 * Statuses and values are for every reader; evidence needs evidence:read.
 */
import { badInput, notFound } from '../errors.ts';
import { actorOf, orgOf, type Context } from './context.ts';
import { evidencePages, MAX_PAGE, toSelector } from '../reports/evidence.ts';
import {
  countsOf,
  currentPosture,
  evidenceUrl,
  postureControl,
  postureHistory,
  postureScope,
  recentChanges,
  updatePostureSettings,
  type AlertRule,
  type FrameworkPosture,
  type PostureChange as Change,
  type PostureControlRow,
  type PostureFrameworkRow,
  type PostureSettings,
  type PostureSnapshotRow,
} from '../reports/posture.ts';
import { selectors } from '../library/selectors.ts';
import { builder } from './builder.ts';
import { AuditEvent, AuditEventConnection, loadEventsBySeq } from './events.ts';
import { connection } from './connection.ts';
import { FindingSeverity, FindingStatus } from './findings.ts';

const AlertOn = builder.enumType('PostureAlertOn', {
  description: 'When an alert rule sends: a control turning FAIL, or any status change.',
  values: { FAIL: { value: 'fail' as const }, CHANGE: { value: 'change' as const } },
});

const Threshold = builder.objectRef<{ direction: 'min' | 'max'; pass: number; warn: number }>('PostureThreshold').implement({
  description: 'What decides a check: with direction min, PASS at or above `pass`, WARN at or above `warn`, else FAIL; with max the other way round.',
  fields: (t) => ({
    direction: t.exposeString('direction', { description: 'min (higher is better) or max (lower is better).' }),
    pass: t.exposeFloat('pass', { description: 'Bound of PASS.' }),
    warn: t.exposeFloat('warn', { description: 'Bound of WARN.' }),
  }),
});

type ControlParent = { control: PostureControlRow; frameworkRow: PostureFrameworkRow };

const PostureControl = builder.objectRef<ControlParent>('PostureControl').implement({
  description: 'One check of a control as the latest evaluation found it, over the framework\'s window.',
  fields: (t) => ({
    framework: t.string({ description: 'Report type, e.g. soc2.', resolve: (p) => p.control.framework }),
    controlId: t.string({ description: 'Control identifier as the catalog spells it.', resolve: (p) => p.control.controlId }),
    checkId: t.string({ description: 'The check of the control (a report\'s finding has the same).', resolve: (p) => p.control.checkId }),
    title: t.string({ description: 'What the check verifies.', resolve: (p) => p.control.title }),
    severity: t.field({ type: FindingSeverity, description: 'Severity.', resolve: (p) => p.control.severity as never }),
    status: t.field({ type: FindingStatus, description: 'PASS, WARN, FAIL or NOT_APPLICABLE.', resolve: (p) => p.control.status }),
    value: t.float({ nullable: true, description: 'Measured value.', resolve: (p) => p.control.value }),
    unit: t.string({ description: 'count, percent, seconds, usd or score.', resolve: (p) => p.control.unit }),
    threshold: t.field({ type: Threshold, description: 'Thresholds of the check.', resolve: (p) => p.control.thresholds }),
    evidenceSelector: t.string({ description: 'What the evidence is, in words.', resolve: (p) => selectors[toSelector(p.control.evidenceSelector)].label }),
    evidenceCount: t.float({ description: 'Events in the evidence.', resolve: (p) => p.control.evidenceCount }),
    evidenceUrl: t.string({ description: 'Absolute link to the evidence in the console.', resolve: (p, _a, ctx) => evidenceUrl(ctx.services, p.control.framework, p.control.controlId, p.control.checkId) }),
    changedAt: t.field({ type: 'DateTime', description: 'When the status last changed (or was first evaluated).', resolve: (p) => p.control.changedAt }),
    evidence: t.field({
      type: AuditEventConnection,
      description: 'The events behind the status, in time order (the same drill-down as a finding\'s), paginated with keyset cursors.',
      authScopes: { can: 'evidence:read' },
      args: {
        first: t.arg.int({ defaultValue: 20, description: `Page size, at most ${MAX_PAGE}.` }),
        after: t.arg.string({ description: 'Cursor of the last event of the previous page.' }),
      },
      resolve: async (p, args, ctx) => {
        const first = args.first ?? 20;
        if (first < 0 || first > MAX_PAGE) throw badInput('first', `first must be between 0 and ${MAX_PAGE}`);
        const scope = postureScope(orgOf(ctx), { start: p.frameworkRow.windowStart, end: p.frameworkRow.windowEnd }, p.frameworkRow.watermark);
        const [page] = await evidencePages(ctx.services.database.sql, [
          { source: { findingId: 'posture', selector: toSelector(p.control.evidenceSelector), scope, sampleSeed: '' }, first, after: args.after ?? null },
        ]);
        const events = await loadEventsBySeq(ctx, page!.seqs);
        return connection(events, page!.cursors, { ...page!, totalCount: p.control.evidenceCount });
      },
    }),
  }),
});

const Counts = builder.objectRef<{ pass: number; warn: number; fail: number; notApplicable: number }>('PostureCounts').implement({
  description: 'Checks by status.',
  fields: (t) => ({
    pass: t.exposeInt('pass', { description: 'Checks that pass.' }),
    warn: t.exposeInt('warn', { description: 'Checks that warn.' }),
    fail: t.exposeInt('fail', { description: 'Checks that fail.' }),
    notApplicable: t.exposeInt('notApplicable', { description: 'Checks with nothing to measure.' }),
  }),
});

const Snapshot = builder.objectRef<PostureSnapshotRow>('PostureSnapshot').implement({
  description: 'A framework\'s posture at the end of one UTC day (its last evaluation that day).',
  fields: (t) => ({
    day: t.exposeString('day', { description: 'The UTC day, YYYY-MM-DD.' }),
    score: t.int({ nullable: true, description: 'Score 0–100; null when nothing applied.', resolve: (s) => s.score }),
    grade: t.string({ nullable: true, description: 'Letter grade.', resolve: (s) => s.grade }),
    counts: t.field({ type: Counts, description: 'Checks by status.', resolve: (s) => ({ pass: s.pass, warn: s.warn, fail: s.fail, notApplicable: s.notApplicable }) }),
  }),
});

const Window = builder.objectRef<{ start: Date; end: Date }>('PostureWindow').implement({
  description: 'The rolling window evaluated: the last N UTC days including today, [start, end).',
  fields: (t) => ({
    start: t.expose('start', { type: 'DateTime', description: 'Start, included.' }),
    end: t.expose('end', { type: 'DateTime', description: 'End, excluded: the coming midnight (UTC).' }),
  }),
});

const FrameworkPostureRef = builder.objectRef<FrameworkPosture>('FrameworkPosture').implement({
  description: 'A followed framework now: score, grade, counts and every check, failing first.',
  fields: (t) => ({
    framework: t.exposeString('framework', { description: 'Report type, e.g. soc2.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    evaluatedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was last evaluated; null until the first evaluation.', resolve: (f) => f.row?.evaluatedAt ?? null }),
    window: t.field({ type: Window, nullable: true, description: 'The window of the last evaluation.', resolve: (f) => (f.row ? { start: f.row.windowStart, end: f.row.windowEnd } : null) }),
    watermark: t.float({ nullable: true, description: 'Highest event sequence number the last evaluation read.', resolve: (f) => f.row?.watermark ?? null }),
    score: t.int({ nullable: true, description: 'Score 0–100, weighted by severity as reports are; null when nothing applied.', resolve: (f) => f.row?.score ?? null }),
    grade: t.string({ nullable: true, description: 'Letter grade of the score.', resolve: (f) => f.row?.grade ?? null }),
    counts: t.field({ type: Counts, description: 'Checks by status.', resolve: (f) => countsOf(f.controls) }),
    controls: t.field({
      type: [PostureControl],
      description: 'Every check: FAIL first, then WARN, PASS, N/A; by severity within each.',
      args: { statuses: t.arg({ type: [FindingStatus], description: 'Only these statuses.' }) },
      resolve: (f, { statuses }) => (f.row ? f.controls.filter((c) => !statuses?.length || statuses.includes(c.status)).map((control) => ({ control, frameworkRow: f.row! })) : []),
    }),
    history: t.field({
      type: [Snapshot],
      description: 'Daily snapshots, oldest first: the trend.',
      args: { days: t.arg.int({ defaultValue: 30, description: 'How many days back, 1–400.' }) },
      resolve: (f, { days }, ctx) => postureHistory(ctx.services.database.db, orgOf(ctx), f.framework, days ?? 30),
    }),
  }),
});

const AlertRuleRef = builder.objectRef<AlertRule>('PostureAlertRule').implement({
  description: 'Who is told of status changes: through the notifications outbox, as webhooks (signed) and e-mails.',
  fields: (t) => ({
    on: t.field({ type: AlertOn, description: 'FAIL: a control turning FAIL; CHANGE: any status change.', resolve: (r) => r.on }),
    webhooks: t.exposeStringList('webhooks', { description: 'Webhook URLs (signed JSON POST, X-Signature-256).' }),
    emails: t.exposeStringList('emails', { description: 'E-mail addresses.' }),
  }),
});

const PostureChangeRef = builder.objectRef<Change>('PostureChange').implement({
  description: 'A check whose status changed, with the event that tipped it where there is one.',
  fields: (t) => ({
    framework: t.exposeString('framework', { description: 'Report type, e.g. soc2.' }),
    controlId: t.exposeString('controlId', { description: 'Control identifier.' }),
    checkId: t.exposeString('checkId', { description: 'The check that changed.' }),
    title: t.exposeString('title', { description: 'What the check verifies.' }),
    from: t.field({ type: FindingStatus, nullable: true, description: 'Status before; null when first evaluated.', resolve: (c) => c.from }),
    to: t.field({ type: FindingStatus, description: 'Status now.', resolve: (c) => c.to }),
    value: t.float({ nullable: true, description: 'Measured value now.', resolve: (c) => c.value }),
    unit: t.exposeString('unit', { description: 'Unit of the value.' }),
    threshold: t.field({ type: Threshold, description: 'Thresholds of the check.', resolve: (c) => c.thresholds }),
    at: t.field({ type: 'DateTime', description: 'When the evaluation that found it ran.', resolve: (c) => c.at }),
    evidenceUrl: t.string({ description: 'Absolute link to the evidence in the console.', resolve: (c, _a, ctx) => evidenceUrl(ctx.services, c.framework, c.controlId, c.checkId) }),
    tippingEvent: t.field({
      type: AuditEvent,
      nullable: true,
      description: 'The newest event of the evidence among those that arrived since the previous evaluation; null when the status moved without one (events leaving the window).',
      authScopes: { can: 'evidence:read' },
      resolve: async (c, _a, ctx) => (c.tippingSeq === null ? null : ((await loadEventsBySeq(ctx, [c.tippingSeq]))[0] ?? null)),
    }),
  }),
});

const PostureRef = builder.objectRef<{ orgId: string; settings: PostureSettings; frameworks: FrameworkPosture[] }>('Posture').implement({
  description: 'The organisation\'s compliance posture now.',
  fields: (t) => ({
    windowDays: t.int({ description: 'Length of the rolling window in days.', resolve: (p) => p.settings.windowDays }),
    frameworks: t.field({ type: [FrameworkPostureRef], description: 'Each followed framework, in the order chosen.', resolve: (p) => p.frameworks }),
    alertRules: t.field({ type: [AlertRuleRef], description: 'Alert rules (admin only: they name the recipients).', authScopes: { can: 'posture:manage' }, resolve: (p) => p.settings.alertRules }),
    recentChanges: t.field({
      type: [PostureChangeRef],
      description: 'The latest status changes, newest first.',
      args: { first: t.arg.int({ defaultValue: 20, description: 'How many, 1–200.' }) },
      resolve: (p, { first }, ctx) => {
        const n = first ?? 20;
        if (!Number.isInteger(n) || n < 1 || n > 200) throw badInput('first', 'first must be between 1 and 200');
        return recentChanges(ctx.services.database.db, p.orgId, n);
      },
    }),
  }),
});

const loadPosture = async (ctx: Context) => ({ orgId: orgOf(ctx), ...(await currentPosture(ctx.services.database.db, orgOf(ctx))) });

builder.queryFields((t) => ({
  posture: t.field({
    type: PostureRef,
    description: 'Every followed framework\'s checks now, over the rolling window, kept within seconds of ingest (subscribe to postureChanges).',
    authScopes: { can: 'posture:read' },
    resolve: (_root, _args, ctx) => loadPosture(ctx),
  }),
  postureControl: t.field({
    type: PostureControl,
    description: 'One check of the posture, with its evidence; NOT_FOUND when the organisation has no such check in its posture.',
    authScopes: { can: 'posture:read' },
    args: {
      framework: t.arg.string({ required: true, description: 'Report type, e.g. soc2.' }),
      controlId: t.arg.string({ required: true, description: 'Control id (PostureControl.controlId).' }),
      checkId: t.arg.string({ required: true, description: 'Check id (PostureControl.checkId).' }),
    },
    resolve: async (_root, args, ctx) => {
      const found = await postureControl(ctx.services.database.db, orgOf(ctx), args);
      if (!found) throw notFound('Posture control');
      return { control: found.control, frameworkRow: found.row };
    },
  }),
}));

const AlertRuleInput = builder.inputType('PostureAlertRuleInput', {
  description: 'An alert rule: when, and whom to tell.',
  fields: (t) => ({
    on: t.field({ type: AlertOn, required: true, description: 'FAIL or CHANGE.' }),
    webhooks: t.stringList({ description: 'https URLs (plain http and private addresses only for WEBHOOK_ALLOWED_HOSTS), at most 10.' }),
    emails: t.stringList({ description: 'E-mail addresses, at most 20.' }),
  }),
});

const PostureSettingsInput = builder.inputType('PostureSettingsInput', {
  description: 'What the organisation follows live; omitted fields stay as they are.',
  fields: (t) => ({
    frameworks: t.stringList({ description: 'Report types to follow (default soc2 and governance).' }),
    windowDays: t.int({ description: 'Rolling window in days (default 30).' }),
    alertRules: t.field({ type: [AlertRuleInput], description: 'Replaces the alert rules (at most 10).' }),
  }),
});

builder.mutationField('updatePostureSettings', (t) =>
  t.field({
    type: PostureRef,
    description: 'Chooses the frameworks followed, the window and the alert rules (admin only); a re-evaluation follows within seconds.',
    authScopes: { can: 'posture:manage' },
    args: { input: t.arg({ type: PostureSettingsInput, required: true, description: 'What to change.' }) },
    resolve: async (_root, { input }, ctx) => {
      // The settings change is a service event, and like any event it asks for a re-evaluation.
      await updatePostureSettings(ctx.services, actorOf(ctx), input);
      return loadPosture(ctx);
    },
  }),
);

builder.subscriptionField('postureChanges', (t) =>
  t.field({
    type: PostureChangeRef,
    description: 'Each status change of a check of the organisation\'s posture, as the evaluation after ingest commits it.',
    authScopes: { can: 'posture:read' },
    subscribe: (_root, _args, ctx) => ctx.services.posture.subscribe(orgOf(ctx)),
    resolve: (change) => change,
  }),
);
