/**
 * OCSF 1.x events → audit events, for the five classes an agent gateway's
 * neighbours emit: API Activity 6003, Account Change 3001, Authentication
 * 3002, Authorize Session 3003, Detection Finding 2004. The whole original
 * is kept in `attributes.ocsf`, so the mapped fields are an index over it,
 * never a lossy copy; docs/interop.md has the mapping table.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { MAX_ATTRIBUTES_BYTES, type Category, type Severity } from './contract.ts';
import type { SourceRecord } from './ingest.ts';

interface ClassMapping {
  name: string;
  map(e: OcsfEvent): { category: Category; action: string };
}

type OcsfEvent = Record<string, unknown>;

const ACCOUNT_CHANGE_ACTIONS: Record<number, string> = {
  1: 'user.created', 2: 'user.enabled', 3: 'password.changed', 4: 'password.reset', 5: 'access.revoked', 6: 'user.deleted',
  7: 'role.changed', 8: 'access.revoked', 9: 'user.locked', 10: 'mfa.enabled', 11: 'mfa.disabled', 12: 'user.unlocked',
};
const AUTHENTICATION_ACTIONS: Record<number, string> = {
  1: 'auth.logon', 2: 'auth.logoff', 3: 'auth.ticket_issued', 4: 'auth.service_ticket_requested', 5: 'auth.service_ticket_renewed', 6: 'auth.preauth', 7: 'auth.account_switched',
};
const AUTHORIZE_SESSION_ACTIONS: Record<number, string> = { 1: 'session.privileges_assigned', 2: 'session.groups_assigned' };
const CRUD = ['unknown', 'create', 'read', 'update', 'delete'];
const FINDING_ACTIONS: Record<number, string> = { 1: 'finding.created', 2: 'finding.updated', 3: 'finding.closed' };

/** Writes to identity and permission objects are administration, whatever API carried them. */
const ADMIN_OPERATION = /(user|role|group|polic(y|ies)|permission|accesskey|credential|loginprofile|mfa|member|account|grant)s?$/i;
const INJECTION_FINDING = /prompt[\s_-]*injection|jailbreak|\binjection\b/i;
const DLP_FINDING = /data[\s_-]*(loss|leak|exfiltration)|\bdlp\b|exfiltrat|sensitive[\s_-]*data|\bpii\b/i;

const OCSF_CLASSES: Record<number, ClassMapping> = {
  6003: {
    name: 'API Activity',
    map(e) {
      const activity = int(e.activity_id);
      const operation = str(obj(e.api)?.operation) ?? '';
      const verb = CRUD[activity ?? 0] ?? 'other';
      const writes = activity === 1 || activity === 3 || activity === 4;
      if (writes && ADMIN_OPERATION.test(operation)) return { category: 'admin', action: `api.${verb}` };
      return { category: 'tool_call', action: `api.${verb}` };
    },
  },
  3001: {
    name: 'Account Change',
    map: (e) => ({ category: 'admin', action: ACCOUNT_CHANGE_ACTIONS[int(e.activity_id) ?? 0] ?? 'account.changed' }),
  },
  3002: {
    name: 'Authentication',
    map: (e) => ({ category: 'auth', action: AUTHENTICATION_ACTIONS[int(e.activity_id) ?? 0] ?? 'auth.other' }),
  },
  3003: {
    name: 'Authorize Session',
    map: (e) => ({ category: 'auth', action: AUTHORIZE_SESSION_ACTIONS[int(e.activity_id) ?? 0] ?? 'session.authorized' }),
  },
  2004: {
    name: 'Detection Finding',
    map(e) {
      const info = obj(e.finding_info);
      const activity = int(e.activity_id) ?? 0;
      const text = [info?.title, info?.desc, ...(Array.isArray(info?.types) ? info.types : []), str(obj(info?.analytic)?.name)].filter((x) => typeof x === 'string').join(' ');
      if (INJECTION_FINDING.test(text)) return { category: 'injection', action: activity === 1 ? 'injection.detected' : FINDING_ACTIONS[activity] ?? 'finding.other' };
      if (DLP_FINDING.test(text)) return { category: 'dlp', action: activity === 1 ? 'dlp.detected' : FINDING_ACTIONS[activity] ?? 'finding.other' };
      return { category: 'threat_intel', action: FINDING_ACTIONS[activity] ?? 'finding.other' };
    },
  },
};

const SUPPORTED = Object.entries(OCSF_CLASSES).map(([uid, c]) => `${uid} ${c.name}`).join(', ');

const SEVERITY_BY_ID: Record<number, Severity> = { 1: 'info', 2: 'low', 3: 'medium', 4: 'high', 5: 'critical', 6: 'critical' };
/** Detection Finding's status_id is a workflow state (New, Resolved…), not an outcome. */
const NO_OUTCOME_CLASSES = new Set([2004]);

/** One parsed NDJSON line of OCSF → an ingestion record (a contract-shaped event or a rejection). */
export function mapOcsfLine(parsed: unknown, line: number): SourceRecord {
  const result = mapOcsf(parsed);
  return 'rejection' in result ? { line, rejection: result.rejection } : { line, event: result.event };
}

function mapOcsf(parsed: unknown): { event: Record<string, unknown> } | { rejection: { field: string; message: string } } {
  if (!isObject(parsed)) return { rejection: { field: '', message: `an OCSF event must be a JSON object, got ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed}` } };
  const e = parsed;
  const classUid = int(e.class_uid);
  if (classUid === null) return { rejection: { field: 'class_uid', message: `is required: an integer OCSF class id; supported classes are ${SUPPORTED}` } };
  const mapping = OCSF_CLASSES[classUid];
  if (!mapping) {
    const name = str(e.class_name);
    return { rejection: { field: 'class_uid', message: `OCSF class ${classUid}${name ? ` (${name})` : ''} is not supported; supported classes are ${SUPPORTED}` } };
  }

  const occurredAt = timeOf(e);
  if (!occurredAt) return { rejection: { field: 'time', message: 'is required: the OCSF event time in epoch milliseconds (or time_dt as ISO 8601 with offset)' } };

  const originalJson = JSON.stringify(e);
  const bytes = Buffer.byteLength(originalJson);
  if (bytes > MAX_ATTRIBUTES_BYTES - 64) {
    return { rejection: { field: 'attributes.ocsf', message: `the OCSF event is ${bytes} bytes of JSON and is kept whole in attributes.ocsf, which holds at most ${MAX_ATTRIBUTES_BYTES - 64}; trim raw_data or unmapped at the source` } };
  }

  const { category, action } = mapping.map(e);
  const actorObject = obj(e.actor);
  const actorUser = obj(actorObject?.user);
  const subjectUser = obj(e.user);
  const aiAgent = obj(e.ai_agent) ?? obj(actorObject?.ai_agent);
  const agentId = clip(str(aiAgent?.uid) ?? str(aiAgent?.name), 256);
  // Authentication names who logged on in `user`; `actor` is whoever initiated it, if known.
  const person = actorUser ?? (classUid === 3002 || classUid === 3003 ? subjectUser : null);
  const actor = person && (str(person.uid) ?? str(person.name) ?? str(person.email_addr))
    ? { type: 'user', id: clip(str(person.uid) ?? str(person.name) ?? str(person.email_addr), 256), email: clip(str(person.email_addr), 320) }
    : agentId
      ? { type: 'agent', id: agentId }
      : str(actorObject?.app_name) || str(actorObject?.app_uid)
        ? { type: 'service', id: clip(str(actorObject?.app_name) ?? str(actorObject?.app_uid), 256) }
        : null;

  const api = obj(e.api);
  const firstResource = Array.isArray(e.resources) ? obj(e.resources[0]) : null;
  const finding = obj(e.finding_info);
  const policy = obj(e.policy);
  const statusId = int(e.status_id);
  const status = str(e.status)?.toLowerCase();
  const outcome = NO_OUTCOME_CLASSES.has(classUid) ? null : statusId === 1 || (statusId === null && status === 'success') ? 'success' : statusId === 2 || (statusId === null && status === 'failure') ? 'failure' : null;
  const disposition = int(e.disposition_id);

  let resource: string | null;
  if (classUid === 3001 || classUid === 3003) resource = str(subjectUser?.uid) ?? str(subjectUser?.name);
  else if (classUid === 2004) resource = str(firstResource?.uid) ?? str(firstResource?.name);
  else if (classUid === 3002) resource = str(obj(e.service)?.name) ?? str(obj(e.dst_endpoint)?.hostname) ?? str(obj(e.dst_endpoint)?.ip);
  else resource = str(obj(api?.service)?.name) ?? str(firstResource?.uid);

  return {
    event: {
      id: `ocsf:${clip(str(obj(e.metadata)?.uid), 240) ?? `sha256:${createHash('sha256').update(canonicalize(e) ?? originalJson).digest('hex')}`}`,
      occurredAt,
      agentId,
      sessionId: clip(str(obj(actorObject?.session)?.uid) ?? str(obj(e.session)?.uid), 256),
      actor,
      category,
      action,
      decision: disposition === 1 ? 'allow' : disposition === 2 ? 'deny' : null,
      policyId: clip(str(policy?.uid) ?? str(policy?.name), 256),
      policyVersion: clip(str(policy?.version), 64),
      tool: classUid === 6003 && str(api?.operation) ? { name: clip(str(api?.operation), 256), tags: [] } : null,
      resource: clip(resource, 1024),
      severity: SEVERITY_BY_ID[int(e.severity_id) ?? 0] ?? null,
      outcome,
      correlationId: classUid === 2004 ? clip(str(finding?.uid), 256) : null,
      region: clip(str(obj(e.cloud)?.region), 64),
      attributes: { ocsf: e },
    },
  };
}

function timeOf(e: OcsfEvent): string | null {
  const ms = typeof e.time === 'number' ? e.time : typeof e.time === 'string' && /^\d+$/.test(e.time) ? Number(e.time) : null;
  if (ms !== null) {
    const date = new Date(ms);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return str(e.time_dt);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown) => (isObject(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
/** Mapped summary fields are clipped to the contract's lengths: the original keeps the full value. */
const clip = (v: string | null, max: number) => (v === null ? null : v.length > max ? v.slice(0, max) : v);
