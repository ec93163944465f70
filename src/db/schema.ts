/**
 * Every table, in one place. Queries live beside the domain that owns them,
 * and every one of them is filtered by `org_id`, so that sharding by
 * organisation (Citus) stays possible.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
/**
 * Text compared byte by byte (collation "C") whatever the database's locale:
 * the event columns are identifiers, indexed and grouped at ingest and report
 * rates, and locale-aware comparison (strcoll) made every index insert of a
 * text key several times dearer; byte order also keeps report content the
 * same on every server.
 */
const ctext = customType<{ data: string; driverData: string }>({ dataType: () => 'text collate "C"' });
const ctextArray = customType<{ data: string[]; driverData: string[] }>({ dataType: () => 'text[] collate "C"' });

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Days report files are kept before retention deletes them (metadata stays). */
  retentionDays: integer('retention_days').notNull().default(90),
  /** Webhooks and e-mails told about every report of the organisation that completes or fails. */
  notify: jsonb('notify').$type<{ webhooks?: string[]; emails?: string[] }>().notNull().default({}),
  /** Secret for the HMAC-SHA256 signature of outgoing webhooks. */
  webhookSecret: text('webhook_secret').notNull().default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
  /** The organisation's targets for answering approval requests and held actions (the score's SLA factor). */
  approvalSlaMinutes: integer('approval_sla_minutes').notNull().default(60),
  holdSlaMinutes: integer('hold_sla_minutes').notNull().default(240),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'auditor', 'ingest', 'viewer'] }).notNull(),
    /** SHA-256 of the key: keys are 256-bit random, so a slow hash buys nothing. */
    keyHash: text('key_hash').notNull(),
    /** First characters of the key, so a person can tell keys apart. */
    prefix: text('prefix').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('api_keys_key_hash_idx').on(t.keyHash), index('api_keys_org_idx').on(t.orgId)],
);

/**
 * When each key was last used (to the minute). Apart from `api_keys`, which is
 * a reference table on a cluster: requests write this, and a write to a
 * reference table locks its shard (and that of `organizations`) on every node,
 * so it would meet organisation creation in a distributed deadlock. Here it is
 * an ordinary row of the organisation's shard.
 */
export const apiKeyUses = pgTable(
  'api_key_uses',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    keyId: uuid('key_id').notNull().references(() => apiKeys.id, { onDelete: 'cascade' }),
    lastUsedAt: ts('last_used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.keyId] })],
);

export const environments = pgTable(
  'environments',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: ctext('name').notNull(),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.name] })],
);

export const agents = pgTable(
  'agents',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    agentId: ctext('agent_id').notNull(),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.agentId] })],
);

export const tools = pgTable(
  'tools',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    name: ctext('name').notNull(),
    tags: ctextArray('tags').notNull().default(sql`'{}'`),
    firstSeenAt: ts('first_seen_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.name] })],
);

/**
 * The actions that make up most of a trail (tool and model calls), left out of
 * the rare-action index: a selector that looks events up by one of them would
 * scan the period instead (test/indexes.test.ts keeps them apart).
 */
export const BULK_ACTIONS = ['tool.invoke', 'tool.executed', 'model.invoke'] as const;

/**
 * The audit trail. Append-only: nothing in the API updates or deletes a row.
 * `seq` is the ingestion sequence; a report records the highest `seq` it read
 * (its watermark) so its numbers stay reproducible while events keep arriving.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    // No foreign key: its per-row check (a locking lookup of the organisation)
    // cost more at ingest than any index. Events are only ever written under an
    // authenticated key of an existing organisation.
    orgId: uuid('org_id').notNull(),
    /** The client's idempotency key: re-sending the same id never duplicates. */
    clientId: ctext('client_id'),
    occurredAt: ts('occurred_at').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    environment: ctext('environment').notNull().default('default'),
    /** The gateway or other system that sent the event (contract field `source`). */
    source: ctext('source'),
    agentId: ctext('agent_id'),
    sessionId: ctext('session_id'),
    actorType: ctext('actor_type'),
    actorId: ctext('actor_id'),
    actorEmail: ctext('actor_email'),
    category: ctext('category').notNull(),
    action: ctext('action').notNull(),
    decision: ctext('decision'),
    policyId: ctext('policy_id'),
    policyVersion: ctext('policy_version'),
    toolName: ctext('tool_name'),
    toolTags: ctextArray('tool_tags'),
    resource: ctext('resource'),
    severity: ctext('severity'),
    outcome: ctext('outcome'),
    correlationId: ctext('correlation_id'),
    dataSubjects: ctextArray('data_subjects'),
    personalData: ctextArray('personal_data'),
    legalBasis: ctext('legal_basis'),
    recipient: ctext('recipient'),
    region: ctext('region'),
    ttlSeconds: integer('ttl_seconds'),
    costUsd: numeric('cost_usd', { precision: 20, scale: 8, mode: 'number' }),
    attributes: jsonb('attributes'),
    /** The ingest batch (one transaction) the event was stored in; its link in `event_batches`. */
    batchId: uuid('batch_id'),
    /** SHA-256 over the previous event of the batch's hash and this event's content (src/events/chain.ts). */
    hash: bytea('hash'),
    // Conditions many selectors share (src/reports/selectors.ts), computed once when the row is
    // written: re-evaluated in each of a report's counts, they cost more than the rest of its pass.
    /** The event names a data subject or a personal-data category. */
    personal: boolean('personal')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(cardinality(data_subjects), 0) > 0 or coalesce(cardinality(personal_data), 0) > 0`),
    /** The event's tool is tagged `pii`. */
    piiTool: boolean('pii_tool')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(tool_tags @> '{pii}'::text[], false)`),
  },
  (t) => [
    // The organisation first in every key, so the table can be sharded by it (src/db/distribution.ts).
    primaryKey({ columns: [t.orgId, t.seq] }),
    // Period scans by organisation; `seq` makes the order unique for keyset cursors.
    index('audit_events_org_time_idx').on(t.orgId, t.occurredAt, t.seq),
    uniqueIndex('audit_events_org_client_id_idx')
      .on(t.orgId, t.clientId)
      .where(sql`${t.clientId} is not null`),
    // Request ↔ resolution pairing (approvals, leases, escalations, injection reviews).
    index('audit_events_org_correlation_idx')
      .on(t.orgId, t.correlationId)
      .where(sql`${t.correlationId} is not null`),
    // Only events that name data subjects (`@>` implies not null, so queries can use it).
    index('audit_events_data_subjects_idx').using('gin', t.dataSubjects).where(sql`${t.dataSubjects} is not null`),
    // Narrow lookups of rare actions (approval requests, leases, injections…) and
    // of holds and config changes, so correlated evidence never scans the period.
    // Tool and model calls, nine in ten events, are left out: no query looks them up
    // by action, and keeping them cost a sixth of every COPY. `action = 'lease.issued'`
    // implies the predicate, so PostgreSQL still picks the index for rare ones.
    index('audit_events_rare_action_time_idx')
      .on(t.orgId, t.action, t.occurredAt, t.seq)
      .where(sql`${t.action} not in (${sql.raw(BULK_ACTIONS.map((a) => `'${a}'`).join(', '))})`),
    index('audit_events_holds_idx').on(t.orgId, t.occurredAt).where(sql`${t.decision} = 'hold'`),
    // Exactly the selectors' CONFIG_CHANGE condition, so PostgreSQL can prove a query implies it.
    index('audit_events_config_changes_idx')
      .on(t.orgId, t.occurredAt, t.seq)
      .where(sql`(${t.category} = 'config_change' or ${t.action} in ('policy.updated', 'dlp_rule.updated', 'secret.rotated'))`),
    // Administrative, configuration and secret events (half a percent of the trail): the audit
    // summary's tables read them without scanning the period.
    index('audit_events_admin_idx')
      .on(t.orgId, t.occurredAt, t.seq)
      .where(sql`(${t.category} in ('admin', 'config_change') or ${t.action} like 'secret.%')`),
    // Events without an actor are rare and unattributed-activity findings page through them.
    index('audit_events_unattributed_idx').on(t.orgId, t.occurredAt, t.seq).where(sql`${t.actorId} is null`),
  ],
);

/**
 * What every rollup table shares: its organisation, the batch a row belongs to
 * (the batch's `upto`, see `eventRollupBatches`) and the UTC day (whole days
 * since 1970-01-01). Reports read a period's days; refreshes merge whole batches.
 */
const rollupBatchColumns = () => ({
  orgId: uuid('org_id').notNull(),
  upto: bigint('upto', { mode: 'number' }).notNull(),
  day: integer('day').notNull(),
});
const rollupBatchIndexes = (table: string, t: { orgId: AnyPgColumn; upto: AnyPgColumn; day: AnyPgColumn }) => [
  index(`${table}_org_day_idx`).on(t.orgId, t.day),
  index(`${table}_org_upto_idx`).on(t.orgId, t.upto),
];

/**
 * The report engine's per-event counts (src/reports/rollups.ts), summed ahead
 * of time by UTC day, environment and agent: a report over whole days reads
 * these few rows instead of every event. Each refresh adds the rows of one
 * range of sequence numbers, (the previous batch's `upto`, `upto`], so a
 * report at watermark W sums the batches up to the last boundary at or
 * below W and reads only the events after it.
 */
export const eventRollups = pgTable(
  'event_rollups',
  {
    ...rollupBatchColumns(),
    environment: ctext('environment').notNull(),
    agentId: ctext('agent_id'),
    /** One count per counter, in the order of the counters in rollups.ts. */
    counts: bigint('counts', { mode: 'number' }).array().notNull(),
    cost: numeric('cost', { mode: 'number' }),
    personalCost: numeric('personal_cost', { mode: 'number' }),
  },
  (t) => rollupBatchIndexes('event_rollups', t),
);

/** The sessions each agent had per day, in the same batches: distinct sessions are counted from these. */
export const eventSessionRollups = pgTable(
  'event_session_rollups',
  {
    ...rollupBatchColumns(),
    environment: ctext('environment').notNull(),
    agentId: ctext('agent_id'),
    sessionId: ctext('session_id'),
  },
  (t) => [...rollupBatchIndexes('event_session_rollups', t), index('event_session_rollups_org_session_idx').on(t.orgId, t.sessionId)],
);

/**
 * Distinct sessions without reading them: for each session (per environment
 * and agent) and each day it is active, its previous active day, counted by
 * (day, environment, agent, previous day). The sessions active in days
 * [a, b) are the rows with a ≤ day < b whose previous day is null or before
 * a. Each batch holds the change it made (a day rolled between two known
 * ones changes the next one's previous day: -1 and +1), so the rows up to a
 * boundary sum to the counts at it. Its size follows days and agents, not
 * events.
 */
export const eventSessionCounts = pgTable(
  'event_session_counts',
  {
    ...rollupBatchColumns(),
    environment: ctext('environment').notNull(),
    agentId: ctext('agent_id'),
    prevDay: integer('prev_day'),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => rollupBatchIndexes('event_session_counts', t),
);

/**
 * Sessions seen under more than one environment or agent: their distinct
 * count is not the sum over (environment, agent), so reports count these
 * from their session rows. Never batched: a session kept here that was not
 * yet shared at a report's boundary is counted the same either way.
 */
export const eventSharedSessions = pgTable(
  'event_shared_sessions',
  {
    orgId: uuid('org_id').notNull(),
    sessionId: ctext('session_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.sessionId] })],
);

/**
 * The personal-data pass of the GDPR tables (src/reports/passes.ts), rolled
 * up by day in the same batches as `event_rollups`. `purpose` and
 * `subject_category` come from the attributes as text of the database's
 * collation, as the pass over events has them.
 */
export const eventPersonalRollups = pgTable(
  'event_personal_rollups',
  {
    ...rollupBatchColumns(),
    environment: ctext('environment').notNull(),
    agentId: ctext('agent_id'),
    legalBasis: ctext('legal_basis'),
    recipient: ctext('recipient'),
    region: ctext('region'),
    purpose: text('purpose'),
    subjectCategory: text('subject_category'),
    personalData: ctextArray('personal_data'),
    hasSubjects: boolean('has_subjects'),
    n: bigint('n', { mode: 'number' }).notNull(),
    refs: bigint('refs', { mode: 'number' }),
    first: ts('first').notNull(),
    last: ts('last').notNull(),
  },
  (t) => rollupBatchIndexes('event_personal_rollups', t),
);

/** Each agent's events per UTC day and hour of day (src/reports/passes.ts): the hour-of-day baseline of drift. */
export const eventAgentHourRollups = pgTable(
  'event_agent_hour_rollups',
  {
    ...rollupBatchColumns(),
    environment: ctext('environment').notNull(),
    agentId: ctext('agent_id').notNull(),
    d: integer('d').notNull(),
    hour: integer('hour').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => rollupBatchIndexes('event_agent_hour_rollups', t),
);

/** The activity pass of the inventory tables (src/reports/passes.ts), rolled up by day likewise. */
export const eventActivityRollups = pgTable(
  'event_activity_rollups',
  {
    ...rollupBatchColumns(),
    env: ctext('env').notNull(),
    agent: ctext('agent'),
    tool: ctext('tool'),
    tags: ctextArray('tags'),
    pii: boolean('pii').notNull(),
    policy: ctext('policy'),
    version: ctext('version'),
    credential: ctext('credential'),
    n: bigint('n', { mode: 'number' }).notNull(),
    decisions: bigint('decisions', { mode: 'number' }).notNull(),
    allow: bigint('allow', { mode: 'number' }).notNull(),
    deny: bigint('deny', { mode: 'number' }).notNull(),
    alert: bigint('alert', { mode: 'number' }).notNull(),
    hold: bigint('hold', { mode: 'number' }).notNull(),
    issued: bigint('issued', { mode: 'number' }).notNull(),
    ended: bigint('ended', { mode: 'number' }).notNull(),
    grants: bigint('grants', { mode: 'number' }).notNull(),
    rotated: ts('rotated'),
    first: ts('first').notNull(),
    last: ts('last').notNull(),
  },
  (t) => rollupBatchIndexes('event_activity_rollups', t),
);

/**
 * Every request a correlated count looks at (an approval request, a hold, a
 * lease, an injection detection, a privileged role or configuration change,
 * an escalation, a possible breach; src/reports/correlated.ts), one row each,
 * with its first answer as the trail stood at the row's batch boundary:
 * answered, unanswered and late counts and exact response-time percentiles
 * are read from these rows instead of probing the trail for each answer.
 */
export const eventRequestRollups = pgTable(
  'event_request_rollups',
  {
    ...rollupBatchColumns(),
    kind: ctext('kind').notNull(),
    /** The request event's sequence number. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    environment: ctext('environment').notNull(),
    agentId: ctext('agent_id'),
    correlationId: ctext('correlation_id'),
    occurredAt: ts('occurred_at').notNull(),
    /** When an answer is late: the request's time plus its SLA; null when the kind has none. */
    deadline: ts('deadline'),
    /** The earliest answer among the events up to the batch boundary; null when none. */
    firstAnswerAt: ts('first_answer_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq, t.kind] }),
    ...rollupBatchIndexes('event_request_rollups', t),
    // Answers arriving in a later batch find their requests by correlation id.
    index('event_request_rollups_org_correlation_idx').on(t.orgId, t.correlationId).where(sql`${t.correlationId} is not null`),
  ],
);

/**
 * An earlier first answer to a request of an older batch, found in the batch
 * `upto` (an answer that arrived later than its request, or late and dated
 * earlier than the one known): at a boundary B a request's first answer is
 * the least of its row's and of these rows' up to B. `day` is the request's.
 */
export const eventAnswerRollups = pgTable(
  'event_answer_rollups',
  {
    ...rollupBatchColumns(),
    kind: ctext('kind').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    firstAnswerAt: ts('first_answer_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.seq, t.kind, t.upto] }), ...rollupBatchIndexes('event_answer_rollups', t)],
);

/**
 * What a batch changed of each day's requests of one kind, environment and
 * agent: requests added, the change in late ones, and response times added
 * and taken away (a request answered in this batch for the first time adds
 * its time; one answered earlier than known replaces its old time), each
 * array sorted. At a boundary B a group's figures are the sums of its rows up
 * to B, its times those added less those taken away. A report reads a row
 * per group and batch, not one per request; the times are what exact
 * percentiles need. Merging leaves one row per group and batch.
 */
export const eventRequestDays = pgTable(
  'event_request_days',
  {
    ...rollupBatchColumns(),
    kind: ctext('kind').notNull(),
    environment: ctext('environment').notNull(),
    agentId: ctext('agent_id'),
    requests: bigint('requests', { mode: 'number' }).notNull(),
    /** Not answered by their deadline, the unanswered included (kinds with a deadline). */
    late: bigint('late', { mode: 'number' }).notNull(),
    /** Microseconds from request to first answer, one per request answered, ascending. */
    times: bigint('times', { mode: 'number' }).array().notNull(),
    /** Times an earlier first answer replaced, ascending: almost always empty. */
    removed: bigint('removed', { mode: 'number' }).array().notNull(),
  },
  (t) => rollupBatchIndexes('event_request_days', t),
);

/**
 * The data subjects named per day, environment and agent, with how many
 * events named each: distinct subjects are not a sum, so they are counted
 * over these rows (a few per subject-day) instead of unnesting every event.
 */
export const eventSubjectRollups = pgTable(
  'event_subject_rollups',
  {
    ...rollupBatchColumns(),
    environment: ctext('environment').notNull(),
    agentId: ctext('agent_id'),
    subject: ctext('subject').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => rollupBatchIndexes('event_subject_rollups', t),
);

/** The batches of `event_rollups`: their boundaries and the counter definition they were counted with. */
export const eventRollupBatches = pgTable(
  'event_rollup_batches',
  {
    orgId: uuid('org_id').notNull(),
    upto: bigint('upto', { mode: 'number' }).notNull(),
    /** Hash of the counters' SQL: rows counted by other code are rebuilt, never mixed. */
    definition: text('definition').notNull(),
    events: bigint('events', { mode: 'number' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.upto] })],
);

/**
 * The tamper-evident chain over ingest batches, in commit order: link N's
 * head is SHA-256(head of link N-1 ‖ the batch's last event hash). Batches
 * are stored concurrently and only this link is written one at a time.
 */
export const eventBatches = pgTable(
  'event_batches',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    linkNo: bigint('link_no', { mode: 'number' }).notNull(),
    batchId: uuid('batch_id').notNull(),
    eventCount: integer('event_count').notNull(),
    /** Every event of the batch has a higher `seq` than this (the sequence's value when its COPY began). */
    seqFloor: bigint('seq_floor', { mode: 'number' }).notNull(),
    /** The hash of the batch's last event, which covers all of its events. */
    batchHash: bytea('batch_hash').notNull(),
    head: bytea('head').notNull(),
    linkedAt: ts('linked_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.linkNo] }), uniqueIndex('event_batches_org_batch_idx').on(t.orgId, t.batchId)],
);

/** One row per organisation: the chain's latest link, locked briefly by each batch's commit. */
export const eventChainHeads = pgTable('event_chain_heads', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  linkNo: bigint('link_no', { mode: 'number' }).notNull(),
  head: bytea('head').notNull(),
});

/**
 * An organisation's own frameworks (createFramework): report types of that
 * organisation only. Each update is a new revision; a report keeps the
 * definition it was built with in its content.
 */
export const customFrameworks = pgTable(
  'custom_frameworks',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    revision: integer('revision').notNull().default(1),
    definition: jsonb('definition').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.type] })],
);

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    title: text('title').notNull(),
    status: text('status', {
      enum: ['pending', 'generating', 'completed', 'failed', 'cancelled', 'expired'],
    }).notNull(),
    progressPercent: integer('progress_percent').notNull().default(0),
    progressStage: text('progress_stage').notNull().default('queued'),
    progressMessage: text('progress_message').notNull().default('Waiting for a worker'),
    periodStart: ts('period_start').notNull(),
    periodEnd: ts('period_end').notNull(),
    environment: text('environment'),
    agentIds: text('agent_ids').array().notNull().default(sql`'{}'`),
    /** Type-specific scope, e.g. the data subject of a DSAR export. */
    parameters: jsonb('parameters').notNull().default({}),
    score: integer('score'),
    grade: text('grade'),
    summary: text('summary'),
    /** The canonical report (RFC 8785 input); the content hash covers exactly this. */
    content: jsonb('content'),
    contentSha256: text('content_sha256'),
    /** Highest `audit_events.seq` the report read. */
    watermark: bigint('watermark', { mode: 'number' }),
    /** The event chain's link number and head (hex) when the watermark was fixed: every event read is at or before it. */
    chainLink: bigint('chain_link', { mode: 'number' }),
    chainHead: text('chain_head'),
    eventCount: bigint('event_count', { mode: 'number' }),
    sampleSeed: text('sample_seed').notNull(),
    frameworkVersion: text('framework_version'),
    generatorVersion: text('generator_version'),
    version: integer('version').notNull().default(1),
    previousVersionId: uuid('previous_version_id'),
    /** First report of a version chain; versions share it. */
    lineageId: uuid('lineage_id').notNull(),
    error: text('error'),
    /** Ed25519 signature (base64) of the content hash, and the signing key's id. */
    signature: text('signature'),
    signatureKeyId: text('signature_key_id'),
    /**
     * The last rebuild of this version at its own watermark (reproduceReport): when, the hash the
     * rebuilt content had, and whether it matched content_sha256 byte for byte.
     */
    reproduction: jsonb('reproduction'),
    /** Schedule that produced the report, if any. */
    scheduleId: uuid('schedule_id'),
    /** Storage targets the report's files are uploaded to once it completes (src/delivery/). */
    deliverTo: uuid('deliver_to').array().notNull().default(sql`'{}'`),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    expiresAt: ts('expires_at'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('reports_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('reports_lineage_idx').on(t.lineageId, t.version),
  ],
);

/**
 * A finding's evidence is not copied: it is the events of the report's scope,
 * up to its watermark, matched by a named selector from the metrics library.
 * That keeps findings backed by millions of events exact and cheap to store.
 */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').notNull().defaultRandom(),
    reportId: uuid('report_id').notNull(),
    orgId: uuid('org_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    framework: text('framework').notNull(),
    controlId: text('control_id').notNull(),
    controlTitle: text('control_title').notNull(),
    section: text('section').notNull(),
    status: text('status', { enum: ['pass', 'warn', 'fail', 'not_applicable'] }).notNull(),
    severity: text('severity', { enum: ['info', 'low', 'medium', 'high', 'critical'] }).notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    recommendation: text('recommendation'),
    metric: text('metric'),
    value: doublePrecision('value'),
    evidenceSelector: text('evidence_selector'),
    /** The one agent whose events of the selector are the evidence (a drift finding); null: every event in scope. */
    evidenceAgent: text('evidence_agent'),
    evidenceCount: bigint('evidence_count', { mode: 'number' }).notNull().default(0),
    /** The first events of the evidence (sequence numbers, in page order), kept at generation: a drill-down's first page needs no search. */
    evidenceHead: bigint('evidence_head', { mode: 'number' }).array(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.reportId], foreignColumns: [reports.orgId, reports.id] }).onDelete('cascade'),
    index('findings_report_idx').on(t.reportId, t.ordinal),
  ],
);


/** Per-organisation Ed25519 keys; the private part is encrypted at rest (AES-256-GCM). */
export const signingKeys = pgTable(
  'signing_keys',
  {
    id: text('id').notNull(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    publicKeyPem: text('public_key_pem').notNull(),
    privateKeyEncrypted: text('private_key_encrypted').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    retiredAt: ts('retired_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** Rendered report files, kept until retention deletes them. */
export const reportArtifacts = pgTable(
  'report_artifacts',
  {
    reportId: uuid('report_id').notNull(),
    orgId: uuid('org_id').notNull(),
    format: text('format').notNull(),
    content: bytea('content').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    pageCount: integer('page_count'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.reportId, t.format] }),
    foreignKey({ columns: [t.orgId, t.reportId], foreignColumns: [reports.orgId, reports.id] }).onDelete('cascade'),
  ],
);

export const shareLinks = pgTable(
  'share_links',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    /** What the link shares: exactly one of a report, a data export or a compliance package. */
    reportId: uuid('report_id'),
    exportId: uuid('export_id'),
    packageId: uuid('package_id'),
    /** scrypt hash `salt:hash`, when the link is password protected. */
    passwordHash: text('password_hash'),
    formats: text('formats').array().notNull(),
    redaction: text('redaction', { enum: ['none', 'pseudonymise'] }).notNull().default('none'),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    useCount: integer('use_count').notNull().default(0),
    lastUsedAt: ts('last_used_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.reportId], foreignColumns: [reports.orgId, reports.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.exportId], foreignColumns: [dataExports.orgId, dataExports.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.packageId], foreignColumns: [compliancePackages.orgId, compliancePackages.id] }).onDelete('cascade'),
    index('share_links_report_idx').on(t.orgId, t.reportId),
    index('share_links_export_idx').on(t.orgId, t.exportId),
    index('share_links_package_idx').on(t.orgId, t.packageId),
    check('share_links_one_target', sql`num_nonnulls(${t.reportId}, ${t.exportId}, ${t.packageId}) = 1`),
  ],
);

/**
 * Wrong share-link passwords in a row from one client address. Kept in the
 * database, not in a process, so every API process behind a load balancer
 * counts the same tries: an address cannot multiply its guesses by the
 * number of processes. A right password deletes the row; the link's deletion
 * takes its rows with it.
 */
export const shareLinkAddressFailures = pgTable(
  'share_link_address_failures',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    linkId: uuid('link_id').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull(),
    lockedUntil: ts('locked_until'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.linkId, t.address] }),
    foreignKey({ columns: [t.orgId, t.linkId], foreignColumns: [shareLinks.orgId, shareLinks.id] }).onDelete('cascade'),
  ],
);

/**
 * A share link's token hash → its organisation and link. A link is opened by
 * its token alone, before the organisation is known: kept apart from the
 * link (whose counters change on every view) as a small reference table, so
 * the lookup is a local index read on every node of a cluster.
 */
export const shareLinkTokens = pgTable('share_link_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  linkId: uuid('link_id').notNull(),
});

export const schedules = pgTable(
  'schedules',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    frequency: text('frequency', { enum: ['weekly', 'monthly', 'quarterly'] }).notNull(),
    dayOfWeek: integer('day_of_week'),
    dayOfMonth: integer('day_of_month'),
    periodDays: integer('period_days'),
    timezone: text('timezone').notNull().default('UTC'),
    environment: text('environment'),
    agentIds: text('agent_ids').array().notNull().default(sql`'{}'`),
    titleTemplate: text('title_template').notNull(),
    /** `{ webhooks: string[], emails: string[] }` */
    notify: jsonb('notify').notNull().default({}),
    /** Storage targets each report's files are uploaded to (src/delivery/). */
    deliverTo: uuid('deliver_to').array().notNull().default(sql`'{}'`),
    /** Set: each run requests a compliance package of these frameworks (`type` is the first) and exports instead of one report. */
    package: jsonb('package').$type<SchedulePackage>(),
    /** Set: each run also requests these data exports over its period and scope (delivered like its report). */
    exports: jsonb('exports').$type<ScheduleExports>(),
    paused: boolean('paused').notNull().default(false),
    nextRunAt: ts('next_run_at').notNull(),
    lastRunAt: ts('last_run_at'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('schedules_due_idx').on(t.nextRunAt)],
);

export interface SchedulePackage {
  frameworks: string[];
  exportKinds: string[];
  exportFormat: 'csv' | 'json' | 'ndjson' | 'parquet';
}

export interface ScheduleExports {
  kinds: Array<'audit_log' | 'decisions' | 'escalations' | 'config_changes'>;
  format: 'csv' | 'json' | 'ndjson' | 'parquet';
}

/** One row per schedule and due time: the primary key makes each run happen exactly once. */
export const scheduleRuns = pgTable(
  'schedule_runs',
  {
    orgId: uuid('org_id').notNull(),
    scheduleId: uuid('schedule_id').notNull(),
    dueAt: ts('due_at').notNull(),
    reportId: uuid('report_id'),
    /** The compliance package of a package schedule's run (`report_id` is its first report). */
    packageId: uuid('package_id'),
    /** The data exports of a run of a schedule with exports. */
    exportIds: uuid('export_ids').array().notNull().default(sql`'{}'`),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.scheduleId, t.dueAt] }),
    foreignKey({ columns: [t.orgId, t.scheduleId], foreignColumns: [schedules.orgId, schedules.id] }).onDelete('cascade'),
  ],
);

/** Webhook and e-mail notifications, kept as an outbox so nothing is lost while a receiver is down. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id'),
    channel: text('channel', { enum: ['webhook', 'email', 's3'] }).notNull(),
    target: text('target').notNull(),
    event: text('event').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    responseStatus: integer('response_status'),
    createdAt: ts('created_at').notNull().defaultNow(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('notifications_org_idx').on(t.orgId, t.createdAt)],
);

/**
 * Data exports (src/exports/): the raw material behind reports, one kind of
 * record over a period with filters, written by a job into `export_chunks`
 * and signed once complete. Kept under the organisation's retention like
 * report files; the row stays (its hash and signature) once they are gone.
 */
export const dataExports = pgTable(
  'data_exports',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ['audit_log', 'decisions', 'escalations', 'config_changes'] }).notNull(),
    format: text('format', { enum: ['csv', 'json', 'ndjson', 'parquet'] }).notNull(),
    status: text('status', { enum: ['pending', 'generating', 'completed', 'failed', 'cancelled', 'expired'] }).notNull(),
    progressPercent: integer('progress_percent').notNull().default(0),
    progressStage: text('progress_stage').notNull().default('queued'),
    progressMessage: text('progress_message').notNull().default('Waiting for a worker'),
    periodStart: ts('period_start').notNull(),
    periodEnd: ts('period_end').notNull(),
    /** `{ environment?, agentIds?, severities?, decisions?, categories?, sources? }` */
    filters: jsonb('filters').$type<ExportFilters>().notNull().default({}),
    /** Highest `audit_events.seq` the export read: the same request at this watermark gives the same rows. */
    watermark: bigint('watermark', { mode: 'number' }),
    rowCount: bigint('row_count', { mode: 'number' }),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text('sha256'),
    /** The signed manifest (canonical JSON) and its Ed25519 signature (base64) with the key's id. */
    manifest: text('manifest'),
    signature: text('signature'),
    signatureKeyId: text('signature_key_id'),
    /** Deliveries to storage targets requested with the export (src/delivery/). */
    deliverTo: uuid('deliver_to').array().notNull().default(sql`'{}'`),
    scheduleId: uuid('schedule_id'),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    expiresAt: ts('expires_at'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('data_exports_org_created_idx').on(t.orgId, t.createdAt, t.id)],
);

export interface ExportFilters {
  environment?: string;
  agentIds?: string[];
  severities?: string[];
  decisions?: string[];
  categories?: string[];
  sources?: string[];
}

/** An export's file in slices of about 1 MiB, in order: written as the rows stream, read back slice by slice. */
export const exportChunks = pgTable(
  'export_chunks',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    exportId: uuid('export_id').notNull(),
    part: integer('part').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.exportId, t.part] })],
);

/**
 * Live posture (src/reports/posture.ts): what an organisation follows (its
 * frameworks, the window in days, the alert rules); without a row, SOC 2 and
 * governance over 30 days without alerts.
 */
export const postureSettings = pgTable('posture_settings', {
  orgId: uuid('org_id').primaryKey().references(() => organizations.id, { onDelete: 'cascade' }),
  frameworks: text('frameworks').array().notNull(),
  windowDays: integer('window_days').notNull(),
  alertRules: jsonb('alert_rules').$type<Array<{ on: 'fail' | 'change'; webhooks: string[]; emails: string[] }>>().notNull().default([]),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The latest evaluation of each framework an organisation follows: its window, watermark and score. */
export const postureFrameworks = pgTable(
  'posture_frameworks',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    framework: text('framework').notNull(),
    windowStart: ts('window_start').notNull(),
    windowEnd: ts('window_end').notNull(),
    watermark: bigint('watermark', { mode: 'number' }).notNull(),
    score: integer('score'),
    grade: text('grade'),
    evaluatedAt: ts('evaluated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.framework] })],
);

/** Every check's status now, as the latest evaluation of its framework found it (a check may serve several controls). */
export const postureControls = pgTable(
  'posture_controls',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    framework: text('framework').notNull(),
    checkId: text('check_id').notNull(),
    ordinal: integer('ordinal').notNull(),
    controlId: text('control_id').notNull(),
    title: text('title').notNull(),
    severity: text('severity').notNull(),
    status: text('status', { enum: ['pass', 'warn', 'fail', 'not_applicable'] }).notNull(),
    value: doublePrecision('value'),
    unit: text('unit').notNull(),
    thresholds: jsonb('thresholds').$type<{ direction: 'min' | 'max'; pass: number; warn: number }>().notNull(),
    evidenceSelector: text('evidence_selector').notNull(),
    evidenceCount: bigint('evidence_count', { mode: 'number' }).notNull(),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.framework, t.controlId, t.checkId] })],
);

/** Each status change of a check, in order: what subscribers are sent and alerts are made of. */
export const postureChanges = pgTable(
  'posture_changes',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    framework: text('framework').notNull(),
    checkId: text('check_id').notNull(),
    controlId: text('control_id').notNull(),
    title: text('title').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    value: doublePrecision('value'),
    unit: text('unit').notNull(),
    thresholds: jsonb('thresholds').$type<{ direction: 'min' | 'max'; pass: number; warn: number }>().notNull(),
    /** The newest event of the evidence among those the evaluation added, when it tipped the status. */
    tippingSeq: bigint('tipping_seq', { mode: 'number' }),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** One row per framework and UTC day: the day's last evaluation, for the trend. */
export const postureSnapshots = pgTable(
  'posture_snapshots',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    framework: text('framework').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    score: integer('score'),
    grade: text('grade'),
    pass: integer('pass').notNull(),
    warn: integer('warn').notNull(),
    fail: integer('fail').notNull(),
    notApplicable: integer('not_applicable').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.framework, t.day] })],
);

/**
 * S3-compatible buckets an organisation delivers files to. The credentials
 * are encrypted like signing keys (AES-256-GCM under SIGNING_KEY_SECRET, per
 * organisation) and never leave the service: the API shows the access key's
 * last characters only.
 */
export const storageTargets = pgTable(
  'storage_targets',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** Endpoint URL of an S3-compatible service; null for AWS S3 itself. */
    endpoint: text('endpoint'),
    region: text('region').notNull(),
    bucket: text('bucket').notNull(),
    prefix: text('prefix').notNull().default(''),
    forcePathStyle: boolean('force_path_style').notNull().default(false),
    accessKeyHint: text('access_key_hint').notNull(),
    credentialsEncrypted: text('credentials_encrypted').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/**
 * An organisation's Statement of Applicability, one revision per change: per
 * control, applicable or excluded, the justification and the implementation
 * status (ISO/IEC 27001:2022 6.1.3 d). Rows are only added, so the history is
 * the table; the current statement is a control's highest revision. A control
 * with no row is applicable with status unknown.
 */
export const controlStatements = pgTable(
  'control_statements',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    catalog: text('catalog').notNull(),
    controlId: text('control_id').notNull(),
    revision: integer('revision').notNull(),
    applicable: boolean('applicable').notNull(),
    justification: text('justification').notNull(),
    implementation: text('implementation', { enum: ['unknown', 'not_implemented', 'planned', 'partially_implemented', 'implemented'] }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.catalog, t.controlId, t.revision] })],
);

/**
 * Compliance packages (src/packages/): the reports of several frameworks and
 * data exports over one period and scope, delivered as one PDF and one zip
 * with one manifest and one signature. The reports and exports are ordinary
 * rows of their own tables; a package names them and holds its two files in
 * `package_files`.
 */
export const compliancePackages = pgTable(
  'compliance_packages',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    status: text('status', { enum: ['pending', 'generating', 'completed', 'failed', 'cancelled', 'expired'] }).notNull(),
    progressPercent: integer('progress_percent').notNull().default(0),
    progressStage: text('progress_stage').notNull().default('queued'),
    progressMessage: text('progress_message').notNull().default('Waiting for a worker'),
    periodStart: ts('period_start').notNull(),
    periodEnd: ts('period_end').notNull(),
    environment: text('environment'),
    agentIds: text('agent_ids').array().notNull().default(sql`'{}'`),
    /** Report types, in the package's order. */
    frameworks: text('frameworks').array().notNull(),
    exportKinds: text('export_kinds').array().notNull().default(sql`'{}'`),
    exportFormat: text('export_format', { enum: ['csv', 'json', 'ndjson', 'parquet'] }).notNull().default('csv'),
    /** The reports and exports requested for it, in the order of `frameworks` and `export_kinds`. */
    reportIds: uuid('report_ids').array().notNull(),
    exportIds: uuid('export_ids').array().notNull().default(sql`'{}'`),
    /** Storage targets its PDF, zip and signed manifest are uploaded to once it completes (src/delivery/). */
    deliverTo: uuid('deliver_to').array().notNull().default(sql`'{}'`),
    /** The signed manifest (canonical JSON) and its Ed25519 signature (base64) with the key's id. */
    manifest: text('manifest'),
    signature: text('signature'),
    signatureKeyId: text('signature_key_id'),
    pdfSha256: text('pdf_sha256'),
    pdfSizeBytes: bigint('pdf_size_bytes', { mode: 'number' }),
    pdfPageCount: integer('pdf_page_count'),
    zipSha256: text('zip_sha256'),
    zipSizeBytes: bigint('zip_size_bytes', { mode: 'number' }),
    scheduleId: uuid('schedule_id'),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    completedAt: ts('completed_at'),
    expiresAt: ts('expires_at'),
    deletedAt: ts('deleted_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('compliance_packages_org_created_idx').on(t.orgId, t.createdAt, t.id)],
);

/** A package's PDF and zip in slices of about 1 MiB, in order. */
export const packageFiles = pgTable(
  'package_files',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    packageId: uuid('package_id').notNull(),
    file: text('file', { enum: ['pdf', 'zip'] }).notNull(),
    part: integer('part').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.packageId, t.file, t.part] })],
);
