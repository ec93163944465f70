/**
 * OpenTelemetry GenAI spans → audit events (docs/interop.md lists every
 * attribute read). A span is ours when it carries `gen_ai.operation.name`
 * (the GenAI semantic conventions) or a governance decision/approval
 * (`governance.decision`, `governance.approval.status`); any other span is
 * counted as ignored. The result is contract-shaped input for
 * `validateEvent`, which still decides: a span with, say, an unknown
 * `governance.decision` is rejected with the contract's own message.
 */
import { CATEGORIES, MAX_ATTRIBUTES_BYTES, SEVERITIES, type Category } from './contract.ts';
import { STATUS_CODE_ERROR, type WireSpan } from './otlp-wire.ts';

/** The governance.* attributes a gateway sets on its spans, each mapped to one contract field. */
const GOVERNANCE_ATTRIBUTES = {
  decision: 'governance.decision',
  policyId: 'governance.policy.id',
  policyVersion: 'governance.policy.version',
  approvalStatus: 'governance.approval.status',
  correlationId: 'governance.correlation_id',
  severity: 'governance.severity',
  dataSubjects: 'governance.data_subjects',
  personalData: 'governance.personal_data',
  legalBasis: 'governance.legal_basis',
  region: 'governance.region',
  recipient: 'governance.recipient',
  toolTags: 'governance.tool.tags',
  resource: 'governance.resource',
  category: 'governance.category',
  action: 'governance.action',
  actorType: 'governance.actor.type',
  actorId: 'governance.actor.id',
  actorEmail: 'governance.actor.email',
  costUsd: 'governance.cost_usd',
  source: 'governance.source',
} as const;

/** Read for costUsd when `governance.cost_usd` is absent (not in the GenAI conventions yet, but emitted by some SDKs). */
const GEN_AI_COST = 'gen_ai.usage.cost';

const GOVERNANCE_KEYS = new Set<string>(Object.values(GOVERNANCE_ATTRIBUTES));
const CATEGORY_SET = new Set<string>(CATEGORIES);
const SEVERITY_SET = new Set<string>(SEVERITIES);
const APPROVAL_STATUSES = new Set(['requested', 'granted', 'denied']);

export interface MappedSpan {
  span: WireSpan;
  event: Record<string, unknown>;
}

interface SpanMapping {
  events: MappedSpan[];
  /** Spans with neither a GenAI operation nor a governance decision: counted, not stored, not rejected. */
  ignored: number;
}

const spanIdempotencyId = (span: Pick<WireSpan, 'traceId' | 'spanId'>) => `otel:${span.traceId}:${span.spanId}`;

export function mapSpans(spans: WireSpan[]): SpanMapping {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const events: MappedSpan[] = [];
  let ignored = 0;
  for (const span of spans) {
    if (!isGovernedSpan(span)) {
      ignored++;
      continue;
    }
    events.push({ span, event: mapSpan(span, (id) => byId.get(id)) });
  }
  return { events, ignored };
}

function isGovernedSpan(span: WireSpan): boolean {
  const a = span.attributes;
  return typeof a['gen_ai.operation.name'] === 'string' || a[GOVERNANCE_ATTRIBUTES.decision] != null || a[GOVERNANCE_ATTRIBUTES.approvalStatus] != null;
}

/**
 * One span → one contract-shaped event. `parentOf` finds spans of the same
 * export request: a tool span usually carries no agent attributes of its
 * own, its enclosing `invoke_agent` span does.
 */
function mapSpan(span: WireSpan, parentOf: (spanId: string) => WireSpan | undefined = () => undefined): Record<string, unknown> {
  const a = span.attributes;
  const g = GOVERNANCE_ATTRIBUTES;
  const operation = str(a['gen_ai.operation.name']);
  const ancestors = ancestorsOf(span, parentOf);
  const inherited = (key: string) => str(a[key]) ?? firstOf(ancestors, (s) => str(s.attributes[key]));

  const agentId = inherited('gen_ai.agent.id') ?? inherited('gen_ai.agent.name');
  const agentName = inherited('gen_ai.agent.name');
  const sessionId = inherited('gen_ai.conversation.id');
  const environment = str(span.resource['deployment.environment.name']) ?? str(span.resource['deployment.environment']) ?? str(a['deployment.environment.name']) ?? str(a['deployment.environment']);
  const failed = span.status.code === STATUS_CODE_ERROR;

  const { category, action, delegatedBy } = classify(span, operation, agentId, ancestors);
  const decision = str(a[g.decision]);
  const severity = str(a[g.severity]);

  const actorId = str(a[g.actorId]);
  const actor = actorId
    ? { type: str(a[g.actorType]) ?? 'user', id: actorId, email: str(a[g.actorEmail]) }
    : delegatedBy
      ? { type: 'agent', id: delegatedBy }
      : agentId
        ? { type: 'agent', id: agentId }
        : str(span.resource['service.name'])
          ? { type: 'service', id: str(span.resource['service.name']) }
          : null;

  const toolName = str(a['gen_ai.tool.name']);
  const toolTags = strings(a[g.toolTags]);

  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) if (!GOVERNANCE_KEYS.has(key)) attributes[key] = value;
  if (agentName && attributes['gen_ai.agent.name'] === undefined) attributes['gen_ai.agent.name'] = agentName;
  attributes['otel.trace_id'] = span.traceId;
  attributes['otel.span_id'] = span.spanId;
  if (span.parentSpanId) attributes['otel.parent_span_id'] = span.parentSpanId;
  attributes['otel.span_name'] = span.name;
  attributes['otel.span_kind'] = span.kind;
  attributes['otel.status_code'] = span.status.code;
  if (span.status.message) attributes['otel.status_message'] = span.status.message;
  const durationMs = nanosToMs(span.endTimeUnixNano) - nanosToMs(span.startTimeUnixNano);
  if (durationMs >= 0 && span.endTimeUnixNano !== '0') attributes['otel.duration_ms'] = durationMs;
  if (span.scope.name) attributes['otel.scope'] = { name: span.scope.name, version: span.scope.version };
  if (Object.keys(span.resource).length) attributes['otel.resource'] = span.resource;
  if (span.events.length) attributes['otel.events'] = span.events;
  if (delegatedBy) attributes['governance.delegated_by'] = delegatedBy;
  // A governance.* value that is not a contract value is kept visible rather than silently lost.
  if (severity && !SEVERITY_SET.has(severity)) attributes[g.severity] = severity;

  return {
    id: spanIdempotencyId(span),
    occurredAt: nanosToIso(span.startTimeUnixNano),
    environment,
    source: str(a[g.source]),
    agentId,
    sessionId,
    actor,
    category,
    action,
    decision,
    policyId: str(a[g.policyId]),
    policyVersion: str(a[g.policyVersion]),
    tool: toolName ? { name: toolName, tags: toolTags ?? [] } : null,
    resource: str(a[g.resource]),
    severity: severity && SEVERITY_SET.has(severity) ? severity : null,
    outcome: failed ? 'failure' : 'success',
    correlationId: str(a[g.correlationId]),
    dataSubjects: strings(a[g.dataSubjects]),
    personalData: strings(a[g.personalData]),
    legalBasis: str(a[g.legalBasis]),
    recipient: str(a[g.recipient]),
    region: str(a[g.region]),
    costUsd: num(a[g.costUsd]) ?? num(a[GEN_AI_COST]),
    attributes: boundAttributes(attributes),
  };
}

function classify(span: WireSpan, operation: string | null, agentId: string | null, ancestors: WireSpan[]): { category: Category; action: string; delegatedBy: string | null } {
  const a = span.attributes;
  const g = GOVERNANCE_ATTRIBUTES;
  const explicitCategory = str(a[g.category]);
  const explicitAction = str(a[g.action]);
  const approvalStatus = str(a[g.approvalStatus]);
  const decision = str(a[g.decision]);

  let category: Category;
  let action: string;
  let delegatedBy: string | null = null;
  if (approvalStatus && APPROVAL_STATUSES.has(approvalStatus)) {
    category = 'approval';
    action = `approval.${approvalStatus}`;
  } else if (decision) {
    category = 'policy_decision';
    action = operation === 'execute_tool' ? 'tool.invoke' : `policy.${operation ?? 'evaluated'}`;
  } else {
    switch (operation) {
      case 'execute_tool':
        category = 'tool_call';
        action = 'tool.call';
        break;
      case 'invoke_agent': {
        // An agent invoked from inside another agent's run is a delegation.
        const caller = firstOf(ancestors, (s) => (str(s.attributes['gen_ai.operation.name']) === 'invoke_agent' ? str(s.attributes['gen_ai.agent.id']) ?? str(s.attributes['gen_ai.agent.name']) : null));
        if (caller && caller !== agentId) {
          category = 'delegation';
          action = 'agent.delegated';
          delegatedBy = caller;
        } else {
          category = 'monitoring';
          action = 'agent.invoked';
        }
        break;
      }
      case 'create_agent':
        category = 'config_change';
        action = 'agent.created';
        break;
      case 'invoke_workflow':
        category = 'monitoring';
        action = 'workflow.invoked';
        break;
      default:
        // chat, generate_content, text_completion, embeddings, retrieval, and names yet to come.
        category = 'monitoring';
        action = `model.${operation ?? 'call'}`;
    }
  }
  if (explicitCategory && CATEGORY_SET.has(explicitCategory)) category = explicitCategory as Category;
  if (explicitAction) action = explicitAction;
  return { category, action, delegatedBy };
}

function ancestorsOf(span: WireSpan, parentOf: (spanId: string) => WireSpan | undefined): WireSpan[] {
  const out: WireSpan[] = [];
  const seen = new Set([span.spanId]);
  let parentId = span.parentSpanId;
  while (parentId && !seen.has(parentId) && out.length < 64) {
    const parent = parentOf(parentId);
    if (!parent) break;
    seen.add(parentId);
    out.push(parent);
    parentId = parent.parentSpanId;
  }
  return out;
}

function firstOf<T>(spans: WireSpan[], pick: (span: WireSpan) => T | null): T | null {
  for (const span of spans) {
    const value = pick(span);
    if (value !== null) return value;
  }
  return null;
}

const KEPT_WHEN_TRIMMING = new Set(['otel.trace_id', 'otel.span_id', 'otel.parent_span_id', 'otel.span_name', 'gen_ai.operation.name']);
/** Room left for the note that says what was dropped. */
const TRIM_MARGIN = 2048;

/**
 * Keeps attributes within the contract's 64 KiB by dropping the largest
 * values first (prompts, tool results, events), and says what was dropped:
 * a span is evidence of an action even without its payloads.
 */
function boundAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const sizes = Object.entries(attributes).map(([key, value]) => ({ key, bytes: Buffer.byteLength(JSON.stringify(value) ?? '') + Buffer.byteLength(key) + 4 }));
  let total = sizes.reduce((sum, s) => sum + s.bytes, 2);
  if (total <= MAX_ATTRIBUTES_BYTES) return attributes;
  const out = { ...attributes };
  const dropped: Array<{ key: string; bytes: number }> = [];
  for (const { key, bytes } of sizes.filter((s) => !KEPT_WHEN_TRIMMING.has(s.key)).sort((x, y) => y.bytes - x.bytes)) {
    if (total <= MAX_ATTRIBUTES_BYTES - TRIM_MARGIN) break;
    delete out[key];
    dropped.push({ key, bytes });
    total -= bytes;
  }
  out['otel.dropped_attributes'] = { reason: `attributes are limited to ${MAX_ATTRIBUTES_BYTES} bytes of JSON; the largest values were dropped`, dropped };
  return out;
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** OTel attributes carry lists as string arrays; a comma-separated string is accepted too. */
function strings(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map((v) => str(v)).filter((v): v is string => v !== null);
  const s = str(value);
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : null;
}

function nanosToMs(nanos: string): number {
  // Milliseconds fit a double exactly; nanoseconds since 1970 do not.
  return nanos.length > 6 ? Number(nanos.slice(0, -6)) + Number(nanos.slice(-6)) / 1e6 : Number(nanos) / 1e6;
}

/** ISO 8601 in UTC (millisecond precision, like the contract's Date); null for an unset (zero) time. */
function nanosToIso(nanos: string): string | null {
  if (/^0*$/.test(nanos)) return null;
  const date = new Date(Math.floor(nanosToMs(nanos)));
  // Out of range: left for the contract to reject with its own message.
  return Number.isNaN(date.getTime()) ? `${nanos} ns since 1970` : date.toISOString();
}
