/**
 * The `pseudonymise` redaction profile: people's e-mails and ids (actors of
 * administrative tables, the data subject of a DSAR export, any e-mail
 * address anywhere in the text) become stable pseudonyms, `person-` and the
 * first hex digits of an HMAC of the value under the link's key. The same
 * person is the same pseudonym everywhere in a link's files, so an auditor
 * can still follow them; another link gives other pseudonyms.
 *
 * The redacted copy is a new document: its content records the profile and
 * the original report's hash, and it is hashed and signed anew with the
 * organisation's key, so `verify` checks it like any report.
 */
import { createHmac } from 'node:crypto';
import type { RenderableReport } from '../render/model.ts';
import type { ReportContent } from '../reports/generate.ts';
import { canonicalJson, sha256Hex } from '../reports/integrity.ts';
import { publicKeyById, signReportHash } from '../reports/signing.ts';
import type { Services } from '../services.ts';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Table columns that name people (when the row's actorType is not an agent, service or system). */
const PERSON_COLUMNS = new Set(['actor', 'actorId', 'actorEmail', 'user', 'email', 'dataSubject', 'subject', 'approver', 'person']);
const NOT_PEOPLE = new Set(['agent', 'service', 'system']);

type Pseudonymiser = (value: string) => string;

export function pseudonymiser(key: Buffer): Pseudonymiser {
  return (value) => `person-${createHmac('sha256', key).update(value.trim().toLowerCase()).digest('hex').slice(0, 10)}`;
}

/** Replaces, in any text, the identifiers the content names as people and every e-mail address. */
export function textRedactor(content: ReportContent, pseudonym: Pseudonymiser): (text: string) => string {
  // Identifiers known to name people are replaced wherever they occur, also inside sentences.
  const known = new Set<string>();
  const subject = (content.scope as { dataSubject?: string | null }).dataSubject;
  if (subject) known.add(subject);
  for (const section of content.sections) {
    for (const table of section.tables) {
      const typeColumn = table.columns.indexOf('actorType');
      table.columns.forEach((column, i) => {
        if (!PERSON_COLUMNS.has(column)) return;
        for (const row of table.rows as unknown[][]) {
          const value = row[i];
          if (typeof value !== 'string' || !value || value.startsWith('(')) continue;
          if (typeColumn >= 0 && NOT_PEOPLE.has(String(row[typeColumn]))) continue;
          known.add(value);
        }
      });
    }
  }
  const ordered = [...known].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const value of ordered) if (out.includes(value)) out = out.split(value).join(pseudonym(value));
    return out.replace(EMAIL, (email) => pseudonym(email));
  };
}

/**
 * An evidence event with its people replaced: the actor's id and e-mail when
 * the actor is a person, every data subject, and in every other text the
 * identifiers the report names as people and any e-mail address.
 */
export function pseudonymiseEvent<E extends { actor?: { type: unknown; id: unknown; email?: unknown }; dataSubjects?: unknown }>(
  event: E,
  pseudonym: Pseudonymiser,
  redact: (text: string) => string,
): E {
  const personal = new Set<string>();
  if (event.actor && !NOT_PEOPLE.has(String(event.actor.type)) && typeof event.actor.id === 'string') personal.add(event.actor.id);
  if (Array.isArray(event.dataSubjects)) for (const s of event.dataSubjects) if (typeof s === 'string') personal.add(s);
  // The event's own people are replaced wherever they occur in it, also inside sentences.
  const own = [...personal].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length);
  const text = (value: string) => {
    let out = value;
    for (const person of own) if (out.includes(person)) out = out.split(person).join(pseudonym(person));
    return redact(out);
  };
  const copy = deepMap(event, text) as E;
  if (copy.actor && event.actor && personal.has(String(event.actor.id))) copy.actor.id = pseudonym(String(event.actor.id));
  if (Array.isArray(event.dataSubjects)) (copy as { dataSubjects?: unknown }).dataSubjects = event.dataSubjects.map((s) => pseudonym(String(s)));
  return copy;
}

function deepMap(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => deepMap(v, fn));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, fn)]));
  }
  return value;
}

/** The renderable report of a pseudonymised share: redacted content, its own hash, signed by the organisation. */
export async function pseudonymisedRenderable(services: Services, report: RenderableReport, pseudonym: Pseudonymiser): Promise<RenderableReport> {
  const redact = textRedactor(report.content, pseudonym);
  const redacted = deepMap(report.content, redact) as ReportContent;
  const content = {
    ...redacted,
    title: `${redacted.title} (pseudonymised)`,
    redaction: {
      profile: 'pseudonymise',
      description: "People's e-mail addresses and ids are replaced by pseudonyms that are stable within this shared copy.",
      originalContentSha256: report.contentSha256,
    },
  } as ReportContent;
  const contentSha256 = sha256Hex(canonicalJson(content));
  const signed = await signReportHash(services, report.orgId, contentSha256);
  const publicKeyPem = await publicKeyById(services, report.orgId, signed.keyId);
  return {
    ...report,
    title: `${redact(report.title)} (pseudonymised)`,
    content,
    contentSha256,
    signature: publicKeyPem ? { algorithm: 'Ed25519', value: signed.signature, keyId: signed.keyId, publicKeyPem } : null,
  };
}
