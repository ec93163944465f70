/**
 * The audit-event ingestion contract (DESIGN.md), validated with zod.
 * GraphQL and NDJSON ingestion both go through `validateEvent`, so they
 * accept and reject exactly the same events with the same messages.
 */
import canonicalize from 'canonicalize';
import { z } from 'zod';

export const CATEGORIES = [
  'policy_decision', 'tool_call', 'approval', 'dlp', 'injection', 'credential', 'delegation',
  'admin', 'config_change', 'escalation', 'auth', 'monitoring', 'threat_intel', 'error',
] as const;
export const DECISIONS = ['allow', 'deny', 'alert', 'hold'] as const;
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const OUTCOMES = ['success', 'failure'] as const;
export const ACTOR_TYPES = ['user', 'agent', 'service', 'system'] as const;

export type Category = (typeof CATEGORIES)[number];
export type Decision = (typeof DECISIONS)[number];
export type Severity = (typeof SEVERITIES)[number];

export const MAX_ATTRIBUTES_BYTES = 64 * 1024;
/**
 * Deeper JSON would overflow the stack when serialised (about 5,000 levels
 * fit in 64 KiB) and PostgreSQL's jsonb refuses deep nesting too: the event
 * is rejected alone instead of failing its whole batch.
 */
export const MAX_ATTRIBUTES_DEPTH = 32;
const MAX_TEXT = 1024;
const MAX_ARRAY = 100;

/** Timestamps must carry an offset: an audit trail cannot guess the time zone. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * JavaScript reads 2026-02-30 as 2 March: an audit time must not move
 * silently, so the written day must exist in its month.
 */
export function dayExists(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// Arithmetic rather than a Date per event: this runs for every ingested event.
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) =>
  month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : DAYS_IN_MONTH[month - 1]!;

const text = (max = MAX_TEXT) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : `must be a string, got ${typeName(i.input)}`) })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((s) => !s.includes('\u0000'), { error: 'must not contain NUL characters' });

const optionalText = (max = MAX_TEXT) => text(max).nullish();

/**
 * An identifier: absent or not empty. An empty agent or session id would
 * count as attributed, and an empty `id` would make every such event a
 * duplicate of the first.
 */
const identifier = (max: number) => text(max).refine((s) => s.length > 0, { error: 'must not be empty; leave the field out when there is none' });
const optionalIdentifier = (max: number) => identifier(max).nullish();

/**
 * A number within [min, max] (whole when `unit` is given). Every failure,
 * wrong type, not finite (1e400 parses to Infinity) or out of range, names the
 * allowed range: zod applies a schema's own error to its checks' issues too.
 */
const boundedNumber = (min: number, max: number, unit?: string) => {
  const range = `must be ${unit ? `a whole number of ${unit}` : 'a number'} from ${min} to ${max}`;
  const base = z.number({ error: (i) => `${range}, got ${typeof i.input === 'number' ? String(i.input) : typeName(i.input)}` });
  return (unit ? base.int() : base).min(min).max(max);
};

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (i) => `must be one of ${values.join(', ')}; got ${JSON.stringify(i.input)}` });

const textList = z
  .array(text(256), { error: (i) => `must be an array of strings, got ${typeName(i.input)}` })
  .max(MAX_ARRAY, { error: `must have at most ${MAX_ARRAY} entries` })
  .nullish();

const eventSchema = z.object({
  id: optionalIdentifier(256),
  occurredAt: z
    .string({ error: (i) => (i.input === undefined ? 'is required (ISO 8601 with offset, e.g. 2026-01-31T12:00:00Z)' : `must be an ISO 8601 string, got ${typeName(i.input)}`) })
    .refine((s) => ISO_WITH_OFFSET.test(s), {
      error: 'must be ISO 8601 with a time-zone offset, e.g. 2026-01-31T12:00:00Z or 2026-01-31T12:00:00+02:00',
    })
    .transform((s, ctx) => {
      const date = new Date(s);
      const year = date.getUTCFullYear();
      if (Number.isNaN(date.getTime()) || year < 1970 || year > 9999 || !dayExists(s)) {
        ctx.addIssue({ code: 'custom', message: 'must be a real date between 1970 and 9999' });
        return z.NEVER;
      }
      return date;
    }),
  environment: optionalText(128),
  source: optionalIdentifier(128),
  agentId: optionalIdentifier(256),
  sessionId: optionalIdentifier(256),
  actor: z
    .object({ type: oneOf(ACTOR_TYPES), id: identifier(256), email: optionalText(320) }, { error: (i) => `must be an object, got ${typeName(i.input)}` })
    .nullish(),
  category: oneOf(CATEGORIES),
  action: text(128).refine((s) => s.length > 0, { error: 'must not be empty' }),
  decision: oneOf(DECISIONS).nullish(),
  policyId: optionalIdentifier(256),
  policyVersion: optionalText(64),
  tool: z
    .object({ name: identifier(256), tags: textList }, { error: (i) => `must be an object, got ${typeName(i.input)}` })
    .nullish(),
  resource: optionalText(),
  severity: oneOf(SEVERITIES).nullish(),
  outcome: oneOf(OUTCOMES).nullish(),
  correlationId: optionalIdentifier(256),
  dataSubjects: textList,
  personalData: textList,
  legalBasis: optionalText(128),
  recipient: optionalText(256),
  region: optionalText(64),
  ttlSeconds: boundedNumber(0, 2_147_483_647, 'seconds').nullish(),
  costUsd: boundedNumber(0, 1e9).nullish(),
  attributes: z
    .record(z.string(), z.unknown(), { error: (i) => `must be a JSON object, got ${typeName(i.input)}` })
    .nullish(),
});

export type AuditEventInput = z.input<typeof eventSchema>;

/** A validated event, shaped like its row in `audit_events`. */
export interface NormalizedEvent {
  clientId: string | null;
  occurredAt: Date;
  environment: string;
  /** The gateway or other system that sent the event. */
  source: string | null;
  agentId: string | null;
  sessionId: string | null;
  actorType: string | null;
  actorId: string | null;
  actorEmail: string | null;
  category: Category;
  action: string;
  decision: Decision | null;
  policyId: string | null;
  policyVersion: string | null;
  toolName: string | null;
  toolTags: string[] | null;
  resource: string | null;
  severity: Severity | null;
  outcome: string | null;
  correlationId: string | null;
  dataSubjects: string[] | null;
  personalData: string[] | null;
  legalBasis: string | null;
  recipient: string | null;
  region: string | null;
  ttlSeconds: number | null;
  costUsd: number | null;
  /** Serialised once here, canonically: COPY and the chain hash need the text and the size check needs the bytes. */
  attributesJson: string | null;
}

export interface Rejection {
  field: string;
  message: string;
}

type ValidationResult = { ok: true; event: NormalizedEvent } | { ok: false; rejection: Rejection };

export function validateEvent(raw: unknown): ValidationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, rejection: { field: '', message: `an event must be a JSON object, got ${typeName(raw)}` } };
  }
  // Ingestion runs at tens of thousands of events a second: well-formed events take a
  // hand-written path; anything it doubts goes through zod, which words the rejection.
  const fast = fastPath(raw as Record<string, unknown>);
  if (fast) return finish(fast);
  return validateWithSchema(raw);
}

/** The zod path alone: the reference the fast path must agree with (tests compare them). */
export function validateWithSchema(raw: unknown): ValidationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, rejection: { field: '', message: `an event must be a JSON object, got ${typeName(raw)}` } };
  }
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, rejection: { field: issue.path.join('.'), message: issue.message } };
  }
  return finish(parsed.data);
}

type ParsedEvent = z.output<typeof eventSchema>;

function finish(e: ParsedEvent): ValidationResult {
  let attributesJson: string | null = null;
  if (e.attributes) {
    if (nestingExceeds(e.attributes, MAX_ATTRIBUTES_DEPTH)) {
      return { ok: false, rejection: { field: 'attributes', message: `must nest at most ${MAX_ATTRIBUTES_DEPTH} levels of objects and arrays` } };
    }
    // Canonical (RFC 8785) and well-formed: the form jsonb gives back, so an event's hash can be recomputed from its row.
    attributesJson = canonicalAttributes(e.attributes);
    if (attributesJson === null) {
      return { ok: false, rejection: { field: 'attributes', message: 'must hold only numbers within ±1.8e308 (a larger one parses to Infinity)' } };
    }
    if (Buffer.byteLength(attributesJson) > MAX_ATTRIBUTES_BYTES) {
      return { ok: false, rejection: { field: 'attributes', message: `must be at most 64 KiB of JSON; move large payloads elsewhere and keep a reference` } };
    }
    // PostgreSQL's jsonb cannot store NUL; say so instead of failing the batch.
    if (attributesJson.includes('\\u0000')) {
      return { ok: false, rejection: { field: 'attributes', message: 'must not contain NUL characters (\\u0000)' } };
    }
  }
  return {
    ok: true,
    event: {
      clientId: wf(e.id ?? null),
      occurredAt: e.occurredAt,
      environment: wf(e.environment || 'default'),
      source: wf(e.source ?? null),
      agentId: wf(e.agentId ?? null),
      sessionId: wf(e.sessionId ?? null),
      actorType: e.actor?.type ?? null,
      actorId: wf(e.actor?.id ?? null),
      actorEmail: wf(e.actor?.email ?? null),
      category: e.category,
      action: wf(e.action),
      decision: e.decision ?? null,
      policyId: wf(e.policyId ?? null),
      policyVersion: wf(e.policyVersion ?? null),
      toolName: wf(e.tool?.name ?? null),
      toolTags: e.tool ? wfList(e.tool.tags ?? []) : null,
      resource: wf(e.resource ?? null),
      severity: e.severity ?? null,
      outcome: e.outcome ?? null,
      correlationId: wf(e.correlationId ?? null),
      dataSubjects: wfList(e.dataSubjects ?? null),
      personalData: wfList(e.personalData ?? null),
      legalBasis: wf(e.legalBasis ?? null),
      recipient: wf(e.recipient ?? null),
      region: wf(e.region ?? null),
      ttlSeconds: e.ttlSeconds ?? null,
      costUsd: e.costUsd ?? null,
      attributesJson,
    },
  };
}

export const CATEGORY_SET = new Set<string>(CATEGORIES);
export const DECISION_SET = new Set<string>(DECISIONS);
export const SEVERITY_SET = new Set<string>(SEVERITIES);
export const OUTCOME_SET = new Set<string>(OUTCOMES);
export const ACTOR_SET = new Set<string>(ACTOR_TYPES);

const okText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max && !v.includes('\u0000');
const okOptText = (v: unknown, max = MAX_TEXT) => v === undefined || v === null || okText(v, max);
const okId = (v: unknown, max: number): v is string => okText(v, max) && v.length > 0;
const okOptId = (v: unknown, max: number) => v === undefined || v === null || okId(v, max);
const okOptEnum = (v: unknown, set: Set<string>) => v === undefined || v === null || (typeof v === 'string' && set.has(v));
const okList = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length <= MAX_ARRAY && v.every((x) => okText(x, 256)));
const okNumber = (v: unknown, max: number, integer: boolean) =>
  v === undefined || v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max && (!integer || Number.isInteger(v)));
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Accepts only what the schema surely accepts, shaped as zod would return it;
 * returns null for anything else, so the schema decides and explains.
 */
function fastPath(r: Record<string, unknown>): ParsedEvent | null {
  const occurredAt = r.occurredAt;
  if (typeof occurredAt !== 'string' || !ISO_WITH_OFFSET.test(occurredAt)) return null;
  const date = new Date(occurredAt);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1970 || year > 9999 || !dayExists(occurredAt)) return null;
  if (typeof r.category !== 'string' || !CATEGORY_SET.has(r.category)) return null;
  if (!okText(r.action, 128) || r.action.length === 0) return null;
  if (!okOptId(r.id, 256) || !okOptText(r.environment, 128) || !okOptId(r.source, 128) || !okOptId(r.agentId, 256) || !okOptId(r.sessionId, 256)) return null;
  if (!okOptEnum(r.decision, DECISION_SET) || !okOptEnum(r.severity, SEVERITY_SET) || !okOptEnum(r.outcome, OUTCOME_SET)) return null;
  if (!okOptId(r.policyId, 256) || !okOptText(r.policyVersion, 64) || !okOptText(r.resource) || !okOptId(r.correlationId, 256)) return null;
  if (!okOptText(r.legalBasis, 128) || !okOptText(r.recipient, 256) || !okOptText(r.region, 64)) return null;
  if (!okList(r.dataSubjects) || !okList(r.personalData)) return null;
  if (!okNumber(r.ttlSeconds, 2_147_483_647, true) || !okNumber(r.costUsd, 1e9, false)) return null;
  const actor = r.actor;
  if (actor !== undefined && actor !== null) {
    if (!isObject(actor) || typeof actor.type !== 'string' || !ACTOR_SET.has(actor.type) || !okId(actor.id, 256) || !okOptText(actor.email, 320)) return null;
  }
  const tool = r.tool;
  if (tool !== undefined && tool !== null) {
    if (!isObject(tool) || !okId(tool.name, 256) || !okList(tool.tags)) return null;
  }
  if (r.attributes !== undefined && r.attributes !== null && !isObject(r.attributes)) return null;
  return {
    ...(r as object),
    occurredAt: date,
    actor: actor === undefined || actor === null ? actor : { type: actor.type, id: actor.id, email: actor.email },
    tool: tool === undefined || tool === null ? tool : { name: tool.name, tags: tool.tags },
  } as ParsedEvent;
}

/**
 * Text as it will be stored: a lone UTF-16 surrogate (possible in JSON, not
 * in UTF-8) becomes U+FFFD here, so what is validated, hashed and stored agree
 * and PostgreSQL never refuses the batch over it.
 */
function wf<T extends string | null>(value: T): T {
  return (value === null || value.isWellFormed() ? value : value.toWellFormed()) as T;
}

function wfList(values: string[] | null): string[] | null {
  return values === null || values.every((v) => v.isWellFormed()) ? values : values.map((v) => v.toWellFormed());
}

function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toWellFormed(), wellFormedDeep(v)]));
  }
  return value;
}

/** Whether objects and arrays nest deeper than `limit`; stops descending there, so it cannot overflow the stack. */
export function nestingExceeds(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    if (nestingExceeds(child, limit - 1)) return true;
  }
  return false;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/**
 * The canonical JSON (RFC 8785) of `attributes`. A lone UTF-16 surrogate,
 * which jsonb and the canonical form both refuse, becomes U+FFFD, as it does
 * in UTF-8 text columns, instead of failing the whole batch. Null when a
 * number is not finite (JSON.parse makes 1e400 Infinity), which JSON cannot hold.
 */
function canonicalAttributes(attributes: Record<string, unknown>): string | null {
  try {
    return canonicalize(attributes)!;
  } catch {
    try {
      return canonicalize(wellFormedDeep(attributes))!;
    } catch {
      return null;
    }
  }
}
