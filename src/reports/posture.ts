/**
 * Live posture: every check of the frameworks an organisation follows, over
 * a rolling window that ends now, evaluated by the report engine itself
 * (plan, measure and evaluate: the same check code over the same rollups),
 * so a report of the same window agrees with it check by check. The
 * followed frameworks are measured once together and each judged from it.
 *
 * Ingest asks for a re-evaluation (jobs/posture-refresh.ts). One evaluation
 * of an organisation runs at a time (an advisory lock held throughout); it
 * fixes a watermark, rolls up the events before it (unless another refresh
 * is running: then it reads them from the trail), evaluates each framework,
 * and in one transaction writes the new statuses, one change row per check
 * whose status moved, the alerts for those changes (the notifications
 * outbox) and the day's snapshot, and announces the changes (NOTIFY at
 * commit). A worker killed half-way commits nothing: the next evaluation
 * compares against the state last committed and finds the same changes.
 *
 * A framework's first evaluation (just followed, or the organisation's
 * first) is its baseline: its checks are stored and shown by the posture
 * query, but no change is recorded, announced or alerted, so following a
 * framework does not send a message per check. Changes start with the
 * second evaluation; a check added later to a followed framework's
 * definition is one change from nothing.
 *
 * The window is the last `windowDays` UTC days including today: it ends at
 * the coming midnight, so every event so far counts and every day of it is
 * a whole day the rollups hold.
 */
import { and, asc, desc, eq, gte, notInArray, sql as dsql } from 'drizzle-orm';
import { publicBaseUrl } from '../config.ts';
import type { Db } from '../db/client.ts';
import { notifications, postureChanges, postureControls, postureFrameworks, postureSettings, postureSnapshots } from '../db/schema.ts';
import { badInput, DomainError } from '../errors.ts';
import { awaitIngestInFlight } from '../events/store.ts';
import { auditedTransaction } from '../events/ingest.ts';
import { frameworkOf } from '../frameworks/organization.ts';
import type { FrameworkDefinition, Thresholds } from '../frameworks/types.ts';
import { createNotificationQueue, enqueueDelivery } from '../notifications/outbox.ts';
import { validateNotify } from '../notifications/recipients.ts';
import type { Services } from '../services.ts';
import { evaluateChecks, scoreOf } from './evaluate.ts';
import { measure } from './measure.ts';
import type { Unit } from '../library/metrics.ts';
import { planMeasurement } from './plan.ts';
import { refreshRollups, ROLLUP_MERGE_LOCK, unrolledExceeds } from './rollups.ts';
import { ORG_PARAM, scopeWhere, WATERMARK_PARAM, type ReportScope } from './scope.ts';
import type { FindingStatus } from './scoring.ts';
import { toSelector } from './evidence.ts';
import { selectorSql } from '../library/selectors.ts';
import { formatValue } from './summary.ts';

export const POSTURE_CHANNEL = 'posture_changes';
const DEFAULT_FRAMEWORKS = ['soc2', 'governance'];
const DEFAULT_WINDOW_DAYS = 30;
const MAX_WINDOW_DAYS = 366;
const MAX_RULES = 10;
const DAY_MS = 86_400_000;
/** Events after the rollups' boundary an evaluation reads from the trail rather than wait for a refresh in progress. */
const RAW_TAIL_EVENTS = 100_000;
/** One evaluation of an organisation at a time (pg_advisory_xact_lock's first key). */
const POSTURE_LOCK = 7_344;

export type AlertOn = 'fail' | 'change';
export interface AlertRule {
  on: AlertOn;
  webhooks: string[];
  emails: string[];
}
export interface PostureSettings {
  frameworks: string[];
  windowDays: number;
  alertRules: AlertRule[];
}

export type PostureControlRow = typeof postureControls.$inferSelect;
export type PostureFrameworkRow = typeof postureFrameworks.$inferSelect;
export type PostureChangeRow = typeof postureChanges.$inferSelect;
export type PostureSnapshotRow = typeof postureSnapshots.$inferSelect;

/** A change as NOTIFY carries it and subscribers receive it. */
export interface PostureChange {
  orgId: string;
  id: number;
  framework: string;
  checkId: string;
  controlId: string;
  title: string;
  from: FindingStatus | null;
  to: FindingStatus;
  value: number | null;
  unit: string;
  thresholds: Thresholds;
  tippingSeq: number | null;
  at: string;
}

const changeOfRow = (r: PostureChangeRow): PostureChange => ({
  orgId: r.orgId,
  id: r.id,
  framework: r.framework,
  checkId: r.checkId,
  controlId: r.controlId,
  title: r.title,
  from: r.fromStatus as FindingStatus | null,
  to: r.toStatus as FindingStatus,
  value: r.value,
  unit: r.unit,
  thresholds: r.thresholds,
  tippingSeq: r.tippingSeq,
  at: r.at.toISOString(),
});

async function postureSettingsOf(db: Db, orgId: string): Promise<PostureSettings> {
  const [row] = await db.select().from(postureSettings).where(eq(postureSettings.orgId, orgId));
  return row ? { frameworks: row.frameworks, windowDays: row.windowDays, alertRules: row.alertRules } : { frameworks: DEFAULT_FRAMEWORKS, windowDays: DEFAULT_WINDOW_DAYS, alertRules: [] };
}

export interface PostureSettingsInput {
  frameworks?: string[] | null;
  windowDays?: number | null;
  alertRules?: Array<{ on: AlertOn; webhooks?: string[] | null; emails?: string[] | null }> | null;
}

/** Changes what the organisation follows (omitted parts stay); the next evaluation uses it. */
export async function updatePostureSettings(services: Services, requester: { orgId: string; actorId: string }, input: PostureSettingsInput): Promise<PostureSettings> {
  const { db } = services.database;
  const current = await postureSettingsOf(db, requester.orgId);
  const frameworks = input.frameworks ? [...new Set(input.frameworks.map((f) => f.trim()))] : current.frameworks;
  if (!frameworks.length) throw badInput('frameworks', 'follow at least one framework (see the frameworks query for the types)');
  for (const [i, type] of frameworks.entries()) {
    const framework = await frameworkOf(db, requester.orgId, type);
    if (!framework) throw badInput(`frameworks.${i}`, `"${type}" is not a report type of this organisation (see the frameworks query)`);
    if (framework.requires) throw badInput(`frameworks.${i}`, `"${type}" needs a data subject or an agent for every report, so it has no organisation-wide posture`);
  }
  const windowDays = input.windowDays ?? current.windowDays;
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > Math.min(MAX_WINDOW_DAYS, services.config.MAX_REPORT_PERIOD_DAYS)) {
    throw badInput('windowDays', `windowDays must be a whole number from 1 to ${Math.min(MAX_WINDOW_DAYS, services.config.MAX_REPORT_PERIOD_DAYS)}`);
  }
  const rules = input.alertRules ?? current.alertRules;
  if (rules.length > MAX_RULES) throw badInput('alertRules', `at most ${MAX_RULES} alert rules`);
  const alertRules = rules.map((rule, i) => {
    try {
      const notify = validateNotify({ webhooks: rule.webhooks ?? [], emails: rule.emails ?? [] }, services.config.WEBHOOK_ALLOWED_HOSTS);
      if (!notify.webhooks.length && !notify.emails.length) throw badInput('notify', 'a rule needs at least one webhook or e-mail address');
      return { on: rule.on, ...notify };
    } catch (error) {
      if (error instanceof DomainError) throw badInput(`alertRules.${i}.${(error.field ?? '').replace(/^notify\.?/, '') || 'webhooks'}`, error.message);
      throw error;
    }
  });
  const settings = { frameworks, windowDays, alertRules };
  await auditedTransaction(
    services,
    requester.orgId,
    (tx) => tx
      .insert(postureSettings)
      .values({ orgId: requester.orgId, ...settings })
      .onConflictDoUpdate({ target: postureSettings.orgId, set: { ...settings, updatedAt: dsql`excluded.updated_at` } }), // the insert's now(): Citus takes no function in DO UPDATE
    () => ({ action: 'posture.settings_updated', actorId: requester.actorId, resource: 'posture', attributes: { frameworks, windowDays, alertRules: alertRules.length } }),
  );
  return settings;
}

/** The last `days` UTC days including today's: [start, the coming midnight). */
export function postureWindow(now: Date, days: number): { start: Date; end: Date } {
  const end = new Date((Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS);
  return { start: new Date(end.getTime() - days * DAY_MS), end };
}

export function postureScope(orgId: string, window: { start: Date; end: Date }, watermark: number): ReportScope {
  return { orgId, start: window.start, end: window.end, watermark, environment: null, agentIds: [], dataSubject: null };
}

export interface EvaluationResult {
  watermark: number;
  changes: PostureChange[];
  /** Milliseconds of the one measurement every followed framework is judged from (after the rollups were brought up to date). */
  measureMs: number;
  /** Milliseconds per framework of judging its checks and score from that measurement. */
  frameworkMs: Record<string, number>;
  refreshMs: number;
  /**
   * Where the evaluation's time went, in milliseconds: waiting for another
   * evaluation of the organisation, for its ingest batches in flight, the
   * rollup refresh, the measurement, and the writes (tipping events, alerts
   * included); the total is until the commit was asked for.
   */
  timings: { lockMs: number; ingestWaitMs: number; refreshMs: number; measureMs: number; writeMs: number; totalMs: number };
}

/**
 * Evaluates every followed framework at the current watermark and commits
 * what changed. Callers wait for an evaluation of the same organisation in
 * flight, so at most one runs, and the one that runs last sees every event.
 * `upto` evaluates at a given watermark instead of the newest event.
 */
export async function evaluatePosture(services: Services, orgId: string, options: { now?: Date; upto?: number } = {}): Promise<EvaluationResult> {
  const now = options.now ?? new Date();
  const { db, sql } = services.database;
  const started = performance.now();
  return db.transaction(async (tx) => {
    await tx.execute(dsql`select pg_advisory_xact_lock(${POSTURE_LOCK}, hashtext(${orgId}))`);
    const lockMs = performance.now() - started;
    const settings = await postureSettingsOf(db, orgId);
    // `upto` (a report's watermark, say) must be committed already, as for refreshRollups.
    // When the watermark was read (the database's clock, as pg-boss dates jobs): a request made before it is answered.
    const [max] = await sql`select coalesce(max(seq), 0)::bigint as seq, clock_timestamp() as at from audit_events where org_id = ${orgId}`;
    const readAt = new Date(max!.at as string);
    let watermark = options.upto;
    const ingestStarted = performance.now();
    if (watermark === undefined) {
      await awaitIngestInFlight(sql, orgId);
      watermark = Number(max!.seq);
    }
    const ingestWaitMs = performance.now() - ingestStarted;
    const refreshStarted = performance.now();
    // Reads rollups, not the trail: first roll up whatever ingest added since the last refresh. Not behind
    // another refresh (the job after ingest, a report's): what it has not committed yet is read from the trail,
    // as a report reads the events after its boundary. Merges, whose cost grows with the trail, are that job's.
    const refreshed = await refreshRollups(sql, orgId, { upto: watermark, wait: false, merge: false });
    // A long tail (a first roll-up, a bulk import in progress) costs less rolled up once than read on every evaluation.
    if (!refreshed && (await unrolledExceeds(sql, orgId, watermark, RAW_TAIL_EVENTS))) await refreshRollups(sql, orgId, { upto: watermark, merge: false });
    // Until commit no merge may take away the batch the measurement's boundary names (rollups.ts).
    await tx.execute(dsql`select pg_advisory_xact_lock_shared(${ROLLUP_MERGE_LOCK}, hashtext(${orgId}))`);
    const refreshMs = performance.now() - refreshStarted;
    const window = postureWindow(now, settings.windowDays);
    const scope = postureScope(orgId, window, watermark);

    const frameworks: FrameworkDefinition[] = [];
    for (const type of settings.frameworks) {
      const framework = await frameworkOf(db, orgId, type);
      if (framework) frameworks.push(framework); // an own framework deleted since it was chosen is skipped
    }
    // What the frameworks read is measured once for all of them; each then only judges its checks.
    const measureStarted = performance.now();
    const measured = await measure(services, scope, planMeasurement(frameworks, { tables: false }), { asOf: now });
    const measureMs = performance.now() - measureStarted;
    const frameworkMs: Record<string, number> = {};
    const evaluated = frameworks.map((framework) => {
      const started = performance.now();
      // One finding per check, as posture keeps one row per check: a drift check's finding judges the largest |z|.
      const findings = evaluateChecks(framework, measured, { perDrift: false });
      const { score, grade } = scoreOf(findings, measured);
      frameworkMs[framework.type] = performance.now() - started;
      return { type: framework.type, framework, findings, score, grade };
    });

    const writeStarted = performance.now();
    const previousFrameworks = await tx.select().from(postureFrameworks).where(eq(postureFrameworks.orgId, orgId));
    const previousWatermark = new Map(previousFrameworks.map((f) => [f.framework, f.watermark]));
    const previous = await tx.select().from(postureControls).where(eq(postureControls.orgId, orgId));
    const before = new Map(previous.map((c) => [`${c.framework}\u0000${c.controlId}\u0000${c.checkId}`, c]));
    const types = evaluated.map((e) => e.type);
    // Frameworks no longer followed leave the posture (their history stays).
    await tx.delete(postureControls).where(types.length ? and(eq(postureControls.orgId, orgId), notInArray(postureControls.framework, types)) : eq(postureControls.orgId, orgId));
    await tx.delete(postureFrameworks).where(types.length ? and(eq(postureFrameworks.orgId, orgId), notInArray(postureFrameworks.framework, types)) : eq(postureFrameworks.orgId, orgId));

    const changed: Array<Omit<typeof postureChanges.$inferInsert, 'id'> & { selector: string; since: number }> = [];
    const day = now.toISOString().slice(0, 10);
    for (const { type, framework, findings, score, grade } of evaluated) {
      // A framework's first evaluation sets its baseline: its checks are stored, no change is announced.
      const baseline = !previousWatermark.has(type);
      const rows = findings.map((f) => {
        const old = before.get(`${type}\u0000${f.controlId}\u0000${f.checkId}`);
        const thresholds = thresholdsOf(framework, f.checkId);
        if (!baseline && (!old || old.status !== f.status)) {
          changed.push({
            orgId,
            framework: type,
            checkId: f.checkId,
            controlId: f.controlId,
            title: f.title,
            fromStatus: old?.status ?? null,
            toStatus: f.status,
            value: f.value,
            unit: f.unit,
            thresholds,
            selector: f.evidenceSelector,
            since: previousWatermark.get(type) ?? 0,
          });
        }
        return {
          orgId,
          framework: type,
          checkId: f.checkId,
          ordinal: f.ordinal,
          controlId: f.controlId,
          title: f.title,
          severity: f.severity,
          status: f.status,
          value: f.value,
          unit: f.unit,
          thresholds,
          evidenceSelector: f.evidenceSelector,
          evidenceCount: f.evidenceCount,
          changedAt: !old || old.status !== f.status ? now : old.changedAt,
        };
      });
      // Checks gone from the framework's definition leave the posture.
      const keys = rows.map((r) => `${r.controlId} ${r.checkId}`);
      await tx.delete(postureControls).where(and(eq(postureControls.orgId, orgId), eq(postureControls.framework, type), keys.length ? notInArray(dsql`${postureControls.controlId} || ' ' || ${postureControls.checkId}`, keys) : undefined));
      if (rows.length) {
        await tx
          .insert(postureControls)
          .values(rows)
          .onConflictDoUpdate({
            target: [postureControls.orgId, postureControls.framework, postureControls.controlId, postureControls.checkId],
            set: Object.fromEntries(['ordinal', 'controlId', 'title', 'severity', 'status', 'value', 'unit', 'thresholds', 'evidenceSelector', 'evidenceCount', 'changedAt'].map((c) => [c, dsql.raw(`excluded.${snake(c)}`)])),
          });
      }
      const frameworkRow = { orgId, framework: type, windowStart: window.start, windowEnd: window.end, watermark, score, grade, evaluatedAt: readAt };
      await tx.insert(postureFrameworks).values(frameworkRow).onConflictDoUpdate({ target: [postureFrameworks.orgId, postureFrameworks.framework], set: updatable(frameworkRow) });
      const counts = countsOf(findings);
      const snapshot = { orgId, framework: type, day, score, grade, ...counts };
      await tx.insert(postureSnapshots).values(snapshot).onConflictDoUpdate({ target: [postureSnapshots.orgId, postureSnapshots.framework, postureSnapshots.day], set: updatable(snapshot) });
    }

    const tipping = await tippingEvents(sql, scope, changed);
    const inserted = changed.length
      ? await tx
          .insert(postureChanges)
          .values(changed.map(({ selector: _s, since: _w, ...c }, i) => ({ ...c, tippingSeq: tipping[i] ?? null, at: now })))
          .returning()
      : [];
    const changes = inserted.sort((a, b) => a.id - b.id).map(changeOfRow);
    await writeAlerts(services, tx, orgId, settings.alertRules, changes);
    // Delivered at commit, in commit order; one NOTIFY per change keeps each payload small.
    for (const change of changes) await tx.execute(dsql`select pg_notify(${POSTURE_CHANNEL}, ${JSON.stringify(change)})`);
    const timings = { lockMs, ingestWaitMs, refreshMs, measureMs, writeMs: performance.now() - writeStarted, totalMs: performance.now() - started };
    return { watermark, changes, measureMs, frameworkMs, refreshMs, timings };
  });
}

/**
 * Whether every followed framework was evaluated from a watermark read after
 * `since`: a request made then is answered already, and its job has nothing
 * to do (under sustained ingest, requests come faster than evaluations).
 */
export async function evaluatedSince(db: Db, orgId: string, since: Date): Promise<boolean> {
  const settings = await postureSettingsOf(db, orgId);
  const rows = await db.select({ framework: postureFrameworks.framework, at: postureFrameworks.evaluatedAt }).from(postureFrameworks).where(eq(postureFrameworks.orgId, orgId));
  return settings.frameworks.every((f) => rows.some((r) => r.framework === f && r.at.getTime() > since.getTime()));
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function thresholdsOf(framework: { sections: Array<{ controls: Array<{ checks: Array<{ id: string; thresholds: Thresholds }> }> }> }, checkId: string): Thresholds {
  for (const s of framework.sections) for (const c of s.controls) for (const k of c.checks) if (k.id === checkId) return k.thresholds;
  throw new Error(`check ${checkId} is not in its framework`);
}

export function countsOf(findings: Array<{ status: FindingStatus }>) {
  const by = (s: FindingStatus) => findings.filter((f) => f.status === s).length;
  return { pass: by('pass'), warn: by('warn'), fail: by('fail'), notApplicable: by('not_applicable') };
}

/**
 * The event that tipped each change: the newest event of its evidence among
 * those added since the framework's previous evaluation. None when the
 * status moved without new evidence (old events left the window, say).
 */
async function tippingEvents(sql: Services['database']['sql'], scope: ReportScope, changes: Array<{ selector: string; since: number }>): Promise<Array<number | null>> {
  const wanted = changes.map((c, i) => ({ ...c, i })).filter((c) => c.since > 0 && c.since < scope.watermark);
  if (!wanted.length) return changes.map(() => null);
  const { where, params } = scopeWhere(scope);
  const parts = wanted.map(
    (c) => `(select ${c.i} as k, e.seq from audit_events e where ${where} and e.seq > ${Number(c.since)} and ${selectorSql(toSelector(c.selector), WATERMARK_PARAM, ORG_PARAM)} order by e.seq desc limit 1)`,
  );
  const rows = await sql.unsafe(parts.join(' union all '), params as never[]);
  const found = new Map(rows.map((r) => [Number(r.k), Number(r.seq)]));
  return changes.map((_, i) => found.get(i) ?? null);
}

/** Where a check's evidence opens: the console's drill-down, absolute (alerts carry it to receivers that never saw the API's address). */
export function evidenceUrl(services: Pick<Services, 'config'>, framework: string, controlId: string, checkId: string): string {
  const base = publicBaseUrl(services.config);
  return `${base}/#/posture/${[framework, controlId, checkId].map(encodeURIComponent).join('/')}`;
}

/**
 * The alerts of one evaluation: per rule, the changes it asks for (turning
 * FAIL, or any), as one message per target that lists each change once, so
 * many controls changing at once make one message, not a storm.
 */
async function writeAlerts(services: Services, tx: Db, orgId: string, rules: AlertRule[], changes: PostureChange[]): Promise<void> {
  const outbox: Array<typeof notifications.$inferInsert> = [];
  for (const rule of rules) {
    const matching = changes.filter((c) => (rule.on === 'change' ? true : c.to === 'fail'));
    if (!matching.length) continue;
    const items = matching.map((c) => ({
      framework: c.framework,
      controlId: c.controlId,
      checkId: c.checkId,
      title: c.title,
      from: c.from,
      to: c.to,
      value: c.value,
      unit: c.unit,
      threshold: c.thresholds,
      evidenceUrl: evidenceUrl(services, c.framework, c.controlId, c.checkId),
      at: c.at,
    }));
    const body = JSON.stringify({ event: 'posture.changed', rule: rule.on, changes: items });
    const subject = matching.length === 1 ? `Control ${matching[0]!.controlId} (${matching[0]!.framework}) is now ${label(matching[0]!.to)}` : `${matching.length} controls changed status`;
    const text = [
      `${matching.length === 1 ? 'A control' : `${matching.length} controls`} changed status:`,
      '',
      ...items.map((c) => `- ${c.framework} ${c.controlId} ${c.title}: ${c.from ? label(c.from as FindingStatus) : 'new'} → ${label(c.to)}, value ${formatValue(c.value, c.unit as Unit)} (pass ${c.threshold.direction === 'min' ? '≥' : '≤'} ${c.threshold.pass}). Evidence: ${c.evidenceUrl}`),
    ].join('\n');
    for (const target of rule.webhooks) outbox.push({ orgId, channel: 'webhook', target, event: 'posture.changed', body });
    for (const target of rule.emails) outbox.push({ orgId, channel: 'email', target, event: 'posture.changed', subject, body: text });
  }
  if (!outbox.length) return;
  const rows = await tx.insert(notifications).values(outbox).returning();
  const queue = services.queue;
  if (!queue) return;
  await createNotificationQueue(queue);
  for (const row of rows) {
    if (row.channel === 'email' && !services.config.SMTP_URL) continue;
    await enqueueDelivery(services, queue, tx, row);
  }
}

const label = (s: FindingStatus) => (s === 'not_applicable' ? 'N/A' : s.toUpperCase());

// ── reads ─────────────────────────────────────────────────────────────────

export interface FrameworkPosture {
  framework: string;
  name: string;
  row: PostureFrameworkRow | null;
  controls: PostureControlRow[];
}

const STATUS_ORDER: Record<string, number> = { fail: 0, warn: 1, pass: 2, not_applicable: 3 };
const SEVERITY_ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

/**
 * A read of several posture rows in one snapshot: read apart, a framework's watermark and score
 * could be one evaluation's and its checks the previous one's.
 */
const ONE_SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

/** The followed frameworks as last evaluated, each with its checks failing first. */
export async function currentPosture(db: Db, orgId: string): Promise<{ settings: PostureSettings; frameworks: FrameworkPosture[] }> {
  const settings = await postureSettingsOf(db, orgId);
  const [rows, controls] = await db.transaction(
    async (tx) => [
      await tx.select().from(postureFrameworks).where(eq(postureFrameworks.orgId, orgId)),
      await tx.select().from(postureControls).where(eq(postureControls.orgId, orgId)).orderBy(asc(postureControls.framework), asc(postureControls.ordinal)),
    ] as const,
    ONE_SNAPSHOT,
  );
  const frameworks: FrameworkPosture[] = [];
  for (const type of settings.frameworks) {
    const definition = await frameworkOf(db, orgId, type);
    if (!definition) continue;
    frameworks.push({
      framework: type,
      name: definition.name,
      row: rows.find((r) => r.framework === type) ?? null,
      controls: controls
        .filter((c) => c.framework === type)
        .sort((a, b) => STATUS_ORDER[a.status]! - STATUS_ORDER[b.status]! || SEVERITY_ORDER[a.severity]! - SEVERITY_ORDER[b.severity]! || a.ordinal - b.ordinal),
    });
  }
  return { settings, frameworks };
}

export async function postureControl(db: Db, orgId: string, key: { framework: string; controlId: string; checkId: string }): Promise<{ control: PostureControlRow; row: PostureFrameworkRow } | null> {
  const { framework, controlId, checkId } = key;
  // The check's evidence is read at its own evaluation's watermark.
  return db.transaction(
    async (tx) => {
      const [control] = await tx
        .select()
        .from(postureControls)
        .where(and(eq(postureControls.orgId, orgId), eq(postureControls.framework, framework), eq(postureControls.controlId, controlId), eq(postureControls.checkId, checkId)));
      if (!control) return null;
      const [row] = await tx.select().from(postureFrameworks).where(and(eq(postureFrameworks.orgId, orgId), eq(postureFrameworks.framework, framework)));
      return row ? { control, row } : null;
    },
    ONE_SNAPSHOT,
  );
}

/** The longest history served; retention keeps daily snapshots at least this long (jobs/retention.ts). */
export const MAX_HISTORY_DAYS = 400;

/** Daily snapshots of one framework, oldest first, over the last `days` days. */
export async function postureHistory(db: Db, orgId: string, framework: string, days: number, now = new Date()): Promise<PostureSnapshotRow[]> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_HISTORY_DAYS) throw badInput('days', `days must be a whole number from 1 to ${MAX_HISTORY_DAYS}`);
  const from = new Date(now.getTime() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return db
    .select()
    .from(postureSnapshots)
    .where(and(eq(postureSnapshots.orgId, orgId), eq(postureSnapshots.framework, framework), gte(postureSnapshots.day, from)))
    .orderBy(asc(postureSnapshots.day));
}

/** Changes after `afterId`, oldest first (a subscriber catching up after a lost connection). */
export async function changesAfter(db: Db, orgId: string, afterId: number, limit = 1000): Promise<PostureChange[]> {
  const rows = await db
    .select()
    .from(postureChanges)
    .where(and(eq(postureChanges.orgId, orgId), dsql`${postureChanges.id} > ${afterId}`))
    .orderBy(asc(postureChanges.id))
    .limit(limit);
  return rows.map(changeOfRow);
}

/** The newest changes, newest first. */
export async function recentChanges(db: Db, orgId: string, limit: number): Promise<PostureChange[]> {
  const rows = await db.select().from(postureChanges).where(eq(postureChanges.orgId, orgId)).orderBy(desc(postureChanges.id)).limit(limit);
  return rows.map(changeOfRow);
}

/** Organisations that have a posture: the daily re-evaluation visits them. */
export async function organisationsWithPosture(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ orgId: postureFrameworks.orgId }).from(postureFrameworks);
  return rows.map((r) => r.orgId);
}


/** A row's columns to update on conflict: all but its organisation, which Citus will not have set (it places the row). */
function updatable<T extends { orgId: string }>(row: T): Omit<T, 'orgId'> {
  const { orgId: _orgId, ...rest } = row;
  return rest;
}
