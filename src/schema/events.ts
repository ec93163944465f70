/**
 * Audit events over GraphQL: the ingestion mutation for small batches, the
 * `AuditEvent` node and its connection, and the registries (agents,
 * environments, tools) the events fill.
 */
import { ACTOR_TYPES, CATEGORIES, DECISIONS, OUTCOMES, SEVERITIES } from '../events/contract.ts';
import { ingestBatch, MAX_GRAPHQL_BATCH } from '../events/ingest.ts';
import {
  getEventsBySeq,
  listAgents,
  listAuditEvents,
  listEnvironments,
  listTools,
  MAX_EVENTS_PAGE,
  type AgentRecord,
  type AuditEventRecord,
  type EnvironmentRecord,
  type ToolRecord,
} from '../events/queries.ts';
import { notFound } from '../errors.ts';
import type { Context } from './context.ts';
import { orgOf } from './context.ts';
import { builder } from './builder.ts';
import { connection } from './connection.ts';

const enumOf = <T extends string>(name: string, description: string, values: readonly T[]) =>
  builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v, description: `\`${v}\` in the ingestion contract.` }])) as unknown as Record<Uppercase<T>, { value: T }>,
  });

const AuditEventCategory = enumOf('AuditEventCategory', 'What kind of governance activity an event records.', CATEGORIES);
const PolicyDecision = enumOf('PolicyDecision', 'What a gateway decided about a tool call.', DECISIONS);
const EventSeverity = enumOf('EventSeverity', 'How much an event matters.', SEVERITIES);
const EventOutcome = enumOf('EventOutcome', 'Whether the action succeeded.', OUTCOMES);
const ActorType = enumOf('ActorType', 'Who acted: a person, an agent, a service or the system.', ACTOR_TYPES);

const Actor = builder.objectRef<{ type: string; id: string; email: string | null }>('Actor').implement({
  description: 'Who acted.',
  fields: (t) => ({
    type: t.field({ type: ActorType, description: 'Kind of actor.', resolve: (a) => a.type as (typeof ACTOR_TYPES)[number] }),
    id: t.exposeString('id', { description: 'The actor\'s id in the client\'s system.' }),
    email: t.exposeString('email', { nullable: true, description: 'E-mail address, for people.' }),
  }),
});

const ToolUse = builder.objectRef<{ name: string; tags: string[] }>('ToolUse').implement({
  description: 'The tool an event concerns, with its tags as sent with the event.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Tool name.' }),
    tags: t.exposeStringList('tags', { description: 'Tags; `pii` marks tools that touch personal data.' }),
  }),
});

/** Events are nodes loaded per request in one statement per batch of ids, always within the caller's organisation. */
export const AuditEvent = builder.loadableNode('AuditEvent', {
  description: 'One entry of the audit trail, as ingested. Events are append-only: never changed or deleted through the API.',
  authScopes: { can: 'event:read' },
  id: {
    description: 'Global id of the event.',
    resolve: (e: AuditEventRecord) => e.seq,
    // A malformed id matches no event (NOT_FOUND) rather than failing to parse.
    parse: (id: string) => (/^\d{1,15}$/.test(id) ? Number(id) : 0),
  },
  load: async (seqs: number[], ctx: Context) => {
    const rows = await getEventsBySeq(ctx.services.database, orgOf(ctx), seqs);
    return rows.map((r) => r ?? notFound('Audit event'));
  },
  fields: (t) => ({
    sequence: t.float({ description: 'Ingestion sequence number (a whole number): a report records the highest it read as its watermark.', resolve: (e) => e.seq }),
    clientId: t.exposeString('clientId', { nullable: true, description: 'The client\'s idempotency key (`id` in the ingestion contract).' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When it happened.' }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime', description: 'When the service stored it.' }),
    environment: t.exposeString('environment', { description: 'Environment, e.g. production; `default` when none was sent.' }),
    source: t.exposeString('source', { nullable: true, description: 'The gateway or other system that sent the event, when it said.' }),
    agentId: t.exposeString('agentId', { nullable: true, description: 'The agent that acted, if any.' }),
    sessionId: t.exposeString('sessionId', { nullable: true, description: 'The agent\'s session.' }),
    actor: t.field({
      type: Actor,
      nullable: true,
      description: 'Who acted.',
      resolve: (e) => (e.actorType && e.actorId ? { type: e.actorType, id: e.actorId, email: e.actorEmail } : null),
    }),
    category: t.field({ type: AuditEventCategory, description: 'Kind of activity.', resolve: (e) => e.category as (typeof CATEGORIES)[number] }),
    action: t.exposeString('action', { description: 'What happened within the category, e.g. approval.granted.' }),
    decision: t.field({ type: PolicyDecision, nullable: true, description: 'Policy decision, for policy decisions.', resolve: (e) => e.decision as (typeof DECISIONS)[number] | null }),
    policyId: t.exposeString('policyId', { nullable: true, description: 'The explicit policy that decided, if any.' }),
    policyVersion: t.exposeString('policyVersion', { nullable: true, description: 'Version of that policy.' }),
    tool: t.field({ type: ToolUse, nullable: true, description: 'The tool concerned.', resolve: (e) => (e.toolName ? { name: e.toolName, tags: e.toolTags ?? [] } : null) }),
    resource: t.exposeString('resource', { nullable: true, description: 'What was touched.' }),
    severity: t.field({ type: EventSeverity, nullable: true, description: 'Severity.', resolve: (e) => e.severity as (typeof SEVERITIES)[number] | null }),
    outcome: t.field({ type: EventOutcome, nullable: true, description: 'Success or failure.', resolve: (e) => e.outcome as (typeof OUTCOMES)[number] | null }),
    correlationId: t.exposeString('correlationId', { nullable: true, description: 'Pairs a request with its resolution (approvals, leases, escalations, injection reviews).' }),
    dataSubjects: t.stringList({ description: 'Whose personal data (empty when none).', resolve: (e) => e.dataSubjects ?? [] }),
    personalData: t.stringList({ description: 'Which categories of personal data (empty when none).', resolve: (e) => e.personalData ?? [] }),
    legalBasis: t.exposeString('legalBasis', { nullable: true, description: 'GDPR processing basis.' }),
    recipient: t.exposeString('recipient', { nullable: true, description: 'Third party the data was shared with.' }),
    region: t.exposeString('region', { nullable: true, description: 'Region of processing, for cross-border flows.' }),
    ttlSeconds: t.exposeInt('ttlSeconds', { nullable: true, description: 'Lifetime of a credential lease, in seconds.' }),
    costUsd: t.exposeFloat('costUsd', { nullable: true, description: 'Processing cost in US dollars.' }),
    attributes: t.field({ type: 'JSON', nullable: true, description: 'Anything else the client sent, as JSON.', resolve: (e) => e.attributes ?? null }),
  }),
});

/** Events by sequence number through the request's loader, in order, skipping any not visible. */
export async function loadEventsBySeq(ctx: Context, seqs: readonly number[]): Promise<AuditEventRecord[]> {
  const rows = await AuditEvent.getDataloader(ctx).loadMany(seqs.map(Number));
  return rows.filter((r): r is AuditEventRecord => r !== null && !(r instanceof Error));
}

type CountSource = number | (() => Promise<number>);

export const AuditEventConnection = builder.connectionObject(
  {
    type: AuditEvent,
    name: 'AuditEventConnection',
    description: 'A page of audit events in time order (then by sequence), with keyset cursors.',
  },
  {
    name: 'AuditEventEdge',
    description: 'An audit event and its cursor.',
  },
);

builder.objectField(AuditEventConnection, 'totalCount', (t) =>
  t.float({
    description: 'How many events match in all (a whole number), counted separately from the page.',
    resolve: (conn) => {
      const total = (conn as unknown as { totalCount: CountSource }).totalCount;
      return typeof total === 'function' ? total() : total;
    },
  }),
);

const AuditEventFilter = builder.inputType('AuditEventFilter', {
  description: 'Which events; all conditions must hold. Lists match any of their values.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: 'Occurred at or after this instant.' }),
    to: t.field({ type: 'DateTime', description: 'Occurred before this instant.' }),
    environment: t.string({ description: 'Only this environment.' }),
    agentIds: t.stringList({ description: 'Only these agents.' }),
    categories: t.field({ type: [AuditEventCategory], description: 'Only these categories.' }),
    actions: t.stringList({ description: 'Only these actions, e.g. approval.granted.' }),
    decisions: t.field({ type: [PolicyDecision], description: 'Only these policy decisions.' }),
    severities: t.field({ type: [EventSeverity], description: 'Only these severities.' }),
    dataSubject: t.string({ description: 'Only events about this data subject.' }),
  }),
});

builder.queryField('auditEvents', (t) =>
  t.field({
    type: AuditEventConnection,
    description: 'The organisation\'s audit events in time order, filtered and paginated with keyset cursors.',
    authScopes: { can: 'event:read' },
    args: {
      filter: t.arg({ type: AuditEventFilter, description: 'Which events; all when absent.' }),
      first: t.arg.int({ defaultValue: 50, description: `Page size, at most ${MAX_EVENTS_PAGE}.` }),
      after: t.arg.string({ description: 'Cursor of the last event of the previous page (pageInfo.endCursor).' }),
    },
    resolve: async (_root, args, ctx) => {
      const f = args.filter;
      const page = await listAuditEvents(
        ctx.services.database,
        orgOf(ctx),
        {
          from: f?.from ?? null,
          to: f?.to ?? null,
          environment: f?.environment ?? null,
          agentIds: f?.agentIds ?? null,
          categories: f?.categories ?? null,
          actions: f?.actions ?? null,
          decisions: f?.decisions ?? null,
          severities: f?.severities ?? null,
          dataSubject: f?.dataSubject ?? null,
        },
        { first: args.first ?? 50, after: args.after ?? null },
      );
      const loader = AuditEvent.getDataloader(ctx);
      for (const node of page.nodes) loader.prime(node.seq, node);
      return connection(page.nodes, page.nodes.map((node) => page.cursorOf(node)), page);
    },
  }),
);

const ActorInput = builder.inputType('AuditActorInput', {
  description: 'Who acted. Values are checked per event, so one bad actor rejects only its event.',
  fields: (t) => ({
    type: t.string({ description: 'Required: user, agent, service or system.' }),
    id: t.string({ description: 'Required: the actor\'s id in your system.' }),
    email: t.string({ description: 'E-mail address, for people.' }),
  }),
});

const ToolInput = builder.inputType('AuditToolInput', {
  description: 'The tool an event concerns.',
  fields: (t) => ({
    name: t.string({ description: 'Required: tool name.' }),
    tags: t.stringList({ description: 'Tags; `pii` marks tools that touch personal data.' }),
  }),
});

// Enumerations and timestamps are strings here, checked by the ingestion
// contract, so that one bad event is rejected by its index instead of the
// whole request failing GraphQL validation.
const AuditEventInput = builder.inputType('AuditEventInput', {
  description: 'An audit event, exactly as in the NDJSON ingestion contract. Required fields are checked per event.',
  fields: (t) => ({
    id: t.string({ description: 'Your idempotency key: re-sending the same id never stores the event twice.' }),
    occurredAt: t.string({ description: 'Required: ISO 8601 with a time-zone offset, e.g. 2026-01-31T12:00:00Z.' }),
    environment: t.string({ description: 'Environment, e.g. production; `default` when absent.' }),
    source: t.string({ description: 'The gateway or other system that sends the event (e.g. its id), for filtering exports by source.' }),
    agentId: t.string({ description: 'The agent that acted.' }),
    sessionId: t.string({ description: 'The agent\'s session.' }),
    actor: t.field({ type: ActorInput, description: 'Who acted.' }),
    category: t.string({ description: `Required: one of ${CATEGORIES.join(', ')}.` }),
    action: t.string({ description: 'Required: what happened within the category, e.g. approval.granted.' }),
    decision: t.string({ description: `Policy decision: one of ${DECISIONS.join(', ')}.` }),
    policyId: t.string({ description: 'The explicit policy that decided, if any.' }),
    policyVersion: t.string({ description: 'Version of that policy.' }),
    tool: t.field({ type: ToolInput, description: 'The tool concerned.' }),
    resource: t.string({ description: 'What was touched.' }),
    severity: t.string({ description: `One of ${SEVERITIES.join(', ')}.` }),
    outcome: t.string({ description: `One of ${OUTCOMES.join(', ')}.` }),
    correlationId: t.string({ description: 'Pairs a request with its resolution.' }),
    dataSubjects: t.stringList({ description: 'Whose personal data.' }),
    personalData: t.stringList({ description: 'Which categories of personal data.' }),
    legalBasis: t.string({ description: 'GDPR processing basis.' }),
    recipient: t.string({ description: 'Third party the data was shared with.' }),
    region: t.string({ description: 'Region of processing.' }),
    ttlSeconds: t.int({ description: 'Lifetime of a credential lease, in seconds.' }),
    costUsd: t.float({ description: 'Processing cost in US dollars.' }),
    attributes: t.field({ type: 'JSON', description: 'Anything else, as a JSON object of at most 64 KiB.' }),
  }),
});

const IngestRejection = builder.objectRef<{ index: number; field: string; message: string }>('IngestRejection').implement({
  description: 'An event that was not stored, and why.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position of the event in the list sent, from 0.' }),
    field: t.exposeString('field', { description: 'The field at fault, e.g. occurredAt or actor.type; empty for the event as a whole.' }),
    message: t.exposeString('message', { description: 'What is wrong and how to fix it.' }),
  }),
});

const IngestResult = builder.objectRef<{ accepted: number; duplicates: number; rejected: Array<{ index: number; field: string; message: string }> }>('IngestResult').implement({
  description: 'What happened to a batch: bad events are rejected alone, the others are stored.',
  fields: (t) => ({
    accepted: t.exposeInt('accepted', { description: 'Events stored now.' }),
    duplicates: t.exposeInt('duplicates', { description: 'Events whose id was already stored, so not stored again.' }),
    rejected: t.field({ type: [IngestRejection], description: 'Events rejected, with their index and reason.', resolve: (r) => r.rejected }),
  }),
});

builder.mutationField('ingestAuditEvents', (t) =>
  t.field({
    type: IngestResult,
    description: `Stores up to ${MAX_GRAPHQL_BATCH.toLocaleString('en')} audit events; send larger volumes to POST /ingest as NDJSON.`,
    authScopes: { can: 'event:ingest' },
    args: { events: t.arg({ type: [AuditEventInput], required: true, description: `The events, at most ${MAX_GRAPHQL_BATCH.toLocaleString('en')}.` }) },
    resolve: async (_root, { events }, ctx) => {
      const result = await ingestBatch(ctx.services.database, orgOf(ctx), events);
      ctx.services.metrics.eventsIngested.inc({ route: 'graphql' }, result.accepted);
      ctx.services.metrics.eventsRejected.inc({ route: 'graphql' }, result.rejected.length);
      if (result.accepted) await ctx.services.eventsStored(orgOf(ctx));
      return result;
    },
  }),
);

const Agent = builder.objectRef<AgentRecord>('Agent').implement({
  description: 'An agent seen in the audit trail.',
  fields: (t) => ({
    agentId: t.exposeString('agentId', { description: 'The agent\'s id as sent in events.' }),
    firstSeenAt: t.expose('firstSeenAt', { type: 'DateTime', description: 'Earliest event of the agent.' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime', description: 'Latest event of the agent.' }),
  }),
});

const Environment = builder.objectRef<EnvironmentRecord>('Environment').implement({
  description: 'An environment seen in the audit trail.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Environment name, e.g. production.' }),
    firstSeenAt: t.expose('firstSeenAt', { type: 'DateTime', description: 'Earliest event in the environment.' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime', description: 'Latest event in the environment.' }),
  }),
});

const Tool = builder.objectRef<ToolRecord>('Tool').implement({
  description: 'A tool seen in the audit trail, with every tag it was ever sent with.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Tool name.' }),
    tags: t.exposeStringList('tags', { description: 'Tags, merged over all events, sorted; `pii` marks tools that touch personal data.' }),
    firstSeenAt: t.expose('firstSeenAt', { type: 'DateTime', description: 'Earliest event with the tool.' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime', description: 'Latest event with the tool.' }),
  }),
});

builder.queryField('agents', (t) =>
  t.field({
    type: [Agent],
    description: 'Agents seen in the organisation\'s events, by id.',
    authScopes: { can: 'inventory:read' },
    resolve: (_root, _args, ctx) => listAgents(ctx.services.database, orgOf(ctx)),
  }),
);

builder.queryField('environments', (t) =>
  t.field({
    type: [Environment],
    description: 'Environments seen in the organisation\'s events, by name.',
    authScopes: { can: 'inventory:read' },
    resolve: (_root, _args, ctx) => listEnvironments(ctx.services.database, orgOf(ctx)),
  }),
);

builder.queryField('tools', (t) =>
  t.field({
    type: [Tool],
    description: 'Tools seen in the organisation\'s events, by name.',
    authScopes: { can: 'inventory:read' },
    resolve: (_root, _args, ctx) => listTools(ctx.services.database, orgOf(ctx)),
  }),
);
