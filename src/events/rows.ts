/**
 * What a batch keeps of a valid event: its content line (`eventContent`, the
 * COPY text its hash covers) and the few fields the duplicate check and the
 * registries need. Bulk ingest builds the line straight from the parsed JSON
 * in the same pass that validates it; every other event goes through
 * `validateEvent` and `eventContent`, and both ways give the same row (a test
 * compares them).
 */
import { eventContent } from './chain.ts';
import {
  ACTOR_SET, CATEGORY_SET, dayExists, DECISION_SET, isObject, ISO_WITH_OFFSET, MAX_ATTRIBUTES_BYTES,
  MAX_ATTRIBUTES_DEPTH, nestingExceeds, OUTCOME_SET, SEVERITY_SET, validateEvent, type NormalizedEvent, type Rejection,
} from './contract.ts';

export interface EventRow {
  content: string;
  clientId: string | null;
  occurredAtMs: number;
  environment: string;
  agentId: string | null;
  toolName: string | null;
  /** Null exactly when `toolName` is. */
  toolTags: readonly string[] | null;
  /** Whether the content ends with the source column (see eventContent). */
  sourced: boolean;
}

export function rowOf(event: NormalizedEvent): EventRow {
  return {
    content: eventContent(event),
    clientId: event.clientId,
    occurredAtMs: event.occurredAt.getTime(),
    environment: event.environment,
    agentId: event.agentId,
    toolName: event.toolName,
    toolTags: event.toolTags,
    sourced: event.source !== null,
  };
}

/**
 * Validates one event into its row, or names what is wrong. `plain` says the
 * event was parsed from JSON text without a backslash: none of its strings can
 * then hold a NUL, a lone surrogate, a quote or anything COPY must escape, so
 * this fast path takes them as they are. Anything it doubts goes through
 * `validateEvent`, whose schema decides and words the rejection.
 */
export function validateRow(raw: unknown, plain: boolean): EventRow | Rejection {
  if (plain && isObject(raw)) {
    const row = plainRow(raw);
    if (row) return row;
  }
  const validated = validateEvent(raw);
  return validated.ok ? rowOf(validated.event) : validated.rejection;
}

export const isRow = (result: EventRow | Rejection): result is EventRow => 'content' in result;

const NULL = '\\N';
/** 10000-01-01T00:00:00Z: the first instant past the contract's year 9999. */
const YEAR_10000 = 253_402_300_800_000;

/**
 * Whether a valid time is already written as toISOString writes it (what most
 * clients send), which spares formatting it again; hour 24 is the next day's 00.
 */
const isCanonicalTime = (s: string) =>
  s.length === 24 && s.charCodeAt(23) === 0x5a /* Z */ && s.charCodeAt(10) === 0x54 /* T */ && s.charCodeAt(19) === 0x2e /* . */ && s.charCodeAt(4) === 0x2d && (s.charCodeAt(11) < 0x32 || s.charCodeAt(12) < 0x34);

// Each returns the field's COPY text (`\N` when absent), or undefined when the fast path cannot accept it.
const text = (v: unknown, max: number) => (v === undefined || v === null ? NULL : typeof v === 'string' && v.length <= max ? v : undefined);
const identifier = (v: unknown, max: number) => (v === undefined || v === null ? NULL : typeof v === 'string' && v.length <= max && v.length > 0 ? v : undefined);
const oneOf = (v: unknown, set: Set<string>) => (v === undefined || v === null ? NULL : typeof v === 'string' && set.has(v) ? v : undefined);
const number = (v: unknown, max: number, integer: boolean) =>
  v === undefined || v === null ? NULL : typeof v === 'number' && v >= 0 && v <= max && (!integer || Number.isInteger(v)) ? (integer ? String(v) : v.toFixed(8)) : undefined;

function list(v: unknown): string | undefined {
  if (v === undefined || v === null) return NULL;
  if (!Array.isArray(v) || v.length > 100) return undefined;
  for (const item of v) if (typeof item !== 'string' || item.length > 256) return undefined;
  return v.length ? '{"' + v.join('","') + '"}' : '{}';
}

/**
 * The fast path for a plain event: what the schema surely accepts, as the
 * same row `rowOf(validateEvent(raw))` gives; null for anything else.
 */
function plainRow(r: Record<string, unknown>): EventRow | null {
  const occurredAt = r.occurredAt;
  if (typeof occurredAt !== 'string' || !ISO_WITH_OFFSET.test(occurredAt)) return null;
  const date = new Date(occurredAt);
  const ms = date.getTime();
  // Years 1970 to 9999 (NaN fails both).
  if (!(ms >= 0 && ms < YEAR_10000) || !dayExists(occurredAt)) return null;
  const category = oneOf(r.category, CATEGORY_SET);
  if (category === undefined || category === NULL) return null;
  const action = identifier(r.action, 128);
  if (action === undefined || action === NULL) return null;
  const id = identifier(r.id, 256);
  const environment = r.environment === undefined || r.environment === null || r.environment === '' ? 'default' : text(r.environment, 128);
  const source = identifier(r.source, 128);
  const agentId = identifier(r.agentId, 256);
  const sessionId = identifier(r.sessionId, 256);
  if (id === undefined || environment === undefined || source === undefined || agentId === undefined || sessionId === undefined) return null;
  let actorType = NULL;
  let actorId: string | undefined = NULL;
  let actorEmail: string | undefined = NULL;
  const actor = r.actor;
  if (actor !== undefined && actor !== null) {
    if (!isObject(actor) || typeof actor.type !== 'string' || !ACTOR_SET.has(actor.type)) return null;
    actorType = actor.type;
    actorId = identifier(actor.id, 256);
    actorEmail = text(actor.email, 320);
    if (actorId === undefined || actorId === NULL || actorEmail === undefined) return null;
  }
  const decision = oneOf(r.decision, DECISION_SET);
  const policyId = identifier(r.policyId, 256);
  const policyVersion = text(r.policyVersion, 64);
  if (decision === undefined || policyId === undefined || policyVersion === undefined) return null;
  let toolName: string | undefined = NULL;
  let toolTags: string | undefined = NULL;
  const tool = r.tool;
  if (tool !== undefined && tool !== null) {
    if (!isObject(tool)) return null;
    toolName = identifier(tool.name, 256);
    toolTags = tool.tags === undefined || tool.tags === null ? '{}' : list(tool.tags);
    if (toolName === undefined || toolName === NULL || toolTags === undefined) return null;
  }
  const resource = text(r.resource, 1024);
  const severity = oneOf(r.severity, SEVERITY_SET);
  const outcome = oneOf(r.outcome, OUTCOME_SET);
  const correlationId = identifier(r.correlationId, 256);
  const dataSubjects = list(r.dataSubjects);
  const personalData = list(r.personalData);
  const legalBasis = text(r.legalBasis, 128);
  const recipient = text(r.recipient, 256);
  const region = text(r.region, 64);
  const ttlSeconds = number(r.ttlSeconds, 2_147_483_647, true);
  const costUsd = number(r.costUsd, 1e9, false);
  if (
    resource === undefined || severity === undefined || outcome === undefined || correlationId === undefined || dataSubjects === undefined ||
    personalData === undefined || legalBasis === undefined || recipient === undefined || region === undefined || ttlSeconds === undefined || costUsd === undefined
  ) return null;
  let attributes = NULL;
  const raw = r.attributes;
  if (raw !== undefined && raw !== null) {
    if (!isObject(raw) || nestingExceeds(raw, MAX_ATTRIBUTES_DEPTH)) return null;
    const json = plainCanonical(raw);
    if (json === undefined || (json.length * 3 > MAX_ATTRIBUTES_BYTES && Buffer.byteLength(json) > MAX_ATTRIBUTES_BYTES)) return null;
    attributes = json;
  }
  // The columns in eventContent's order; one join builds the line flat, where `+` would build a rope to flatten.
  const columns = [
    id, isCanonicalTime(occurredAt) ? occurredAt : date.toISOString(), environment, agentId, sessionId, actorType, actorId, actorEmail, category, action, decision, policyId, policyVersion,
    toolName, toolTags, resource, severity, outcome, correlationId, dataSubjects, personalData, legalBasis, recipient, region, ttlSeconds, costUsd,
    attributes,
  ];
  if (source !== NULL) columns.push(source);
  const content = columns.join('\t');
  return {
    content,
    clientId: id === NULL ? null : id,
    occurredAtMs: ms,
    environment,
    agentId: agentId === NULL ? null : agentId,
    toolName: toolName === NULL ? null : toolName,
    toolTags: toolTags === NULL ? null : (tool as { tags?: string[] | null }).tags ?? [],
    sourced: source !== NULL,
  };
}

/**
 * The canonical JSON (RFC 8785, as `canonicalAttributes` writes it) of a value
 * parsed from plain JSON text, whose strings need no escaping; undefined for a
 * number JSON.parse made infinite, which the schema's path words.
 */
function plainCanonical(v: unknown): string | undefined {
  if (typeof v === 'string') return '"' + v + '"';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (v === null || typeof v !== 'object') return String(v);
  let out: string;
  if (Array.isArray(v)) {
    out = '[';
    for (let i = 0; i < v.length; i++) {
      const item = plainCanonical(v[i]);
      if (item === undefined) return undefined;
      out += (i ? ',' : '') + item;
    }
    return out + ']';
  }
  // Sorted by UTF-16 code units, as RFC 8785 orders members.
  const keys = Object.keys(v).sort();
  out = '{';
  for (let i = 0; i < keys.length; i++) {
    const item = plainCanonical((v as Record<string, unknown>)[keys[i]!]);
    if (item === undefined) return undefined;
    out += (i ? ',"' : '"') + keys[i] + '":' + item;
  }
  return out + '}';
}
