/**
 * The hand-written fast paths must agree with the zod schema on every input:
 * validateEvent's (same accepted event, or the same rejection), and bulk
 * ingest's path for plain JSON lines (the same row, byte for byte, or the same
 * rejection).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, DECISIONS, validateEvent, validateWithSchema } from '../src/events/contract.ts';
import { validateRow } from '../src/events/rows.ts';
import { generateDemoEvents } from '../src/demo/generator.ts';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constant(''), fc.constant('a\u0000b'), fc.string({ minLength: 1100, maxLength: 1200 }), fc.integer(), fc.constant(null));
const timestamp = fc.oneof(
  fc.date({ min: new Date('1960-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-01-31T12:00:00+02:00', '2026-01-31T12:00:00', '2026-13-40T99:00:00Z', 'yesterday', '2026-02-30T10:00:00Z'),
  fc.integer(),
);

const event = fc.record(
  {
    id: maybe(text),
    occurredAt: timestamp,
    environment: maybe(text),
    agentId: maybe(text),
    sessionId: maybe(text),
    policyId: maybe(text),
    correlationId: maybe(text),
    category: fc.oneof(fc.constantFrom(...CATEGORIES), fc.constant('nope'), fc.integer()),
    action: fc.oneof(fc.constantFrom('tool.call', ''), text),
    decision: maybe(fc.oneof(fc.constantFrom(...DECISIONS), fc.constant('maybe'), fc.constant(null))),
    actor: maybe(fc.oneof(fc.record({ type: fc.constantFrom('user', 'agent', 'robot'), id: text, email: maybe(text) }), fc.constant('x'), fc.constant(null))),
    tool: maybe(fc.oneof(fc.record({ name: text, tags: maybe(fc.oneof(fc.array(text, { maxLength: 3 }), fc.constant('pii'))) }), fc.constant(null))),
    dataSubjects: maybe(fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.constant([1, 2]), fc.constant('x'))),
    ttlSeconds: maybe(fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double(), fc.constant('60'))),
    costUsd: maybe(fc.oneof(fc.double({ min: -1, max: 10 }), fc.constant(Number.POSITIVE_INFINITY), fc.constant('1'))),
    attributes: maybe(fc.oneof(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 })), fc.constant([1]), fc.constant('s'))),
    unknownField: maybe(fc.anything()),
  },
  { requiredKeys: [] },
);

// Strings whose JSON needs no backslash, with what COPY's text and array literals treat specially (`{`, `,`, spaces, `N`) and characters beyond ASCII.
const plainString = (max: number) => fc.string({ minLength: 1, maxLength: Math.min(max, 12), unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '{', '}', 'N', 'é', '😀', '-', ':') });
const plainList = fc.array(fc.oneof(plainString(256), fc.constant('')), { maxLength: 3 });
/** An event the contract accepts, whose JSON needs no backslash. */
const validPlainEvent = fc.record(
  {
    id: plainString(256),
    occurredAt: fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
    environment: fc.oneof(plainString(128), fc.constant('')),
    source: plainString(128),
    agentId: plainString(256),
    sessionId: plainString(256),
    actor: fc.record({ type: fc.constantFrom('user', 'agent', 'service', 'system'), id: plainString(256), email: plainString(320) }, { requiredKeys: ['type', 'id'] }),
    category: fc.constantFrom(...CATEGORIES),
    action: plainString(128),
    decision: fc.constantFrom(...DECISIONS),
    policyId: plainString(256),
    policyVersion: plainString(64),
    tool: fc.record({ name: plainString(256), tags: plainList }, { requiredKeys: ['name'] }),
    resource: plainString(1024),
    severity: fc.constantFrom('info', 'low', 'medium', 'high', 'critical'),
    outcome: fc.constantFrom('success', 'failure'),
    correlationId: plainString(256),
    dataSubjects: plainList,
    personalData: plainList,
    legalBasis: plainString(128),
    recipient: plainString(256),
    region: plainString(64),
    ttlSeconds: fc.integer({ min: 0, max: 2_147_483_647 }),
    costUsd: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(1e-9)),
    attributes: fc.dictionary(plainString(8), fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).includes('\\'))),
  },
  { requiredKeys: ['occurredAt', 'category', 'action'] },
);
/** What a plain line may carry that the contract refuses, or takes only at its limits. */
const plainOddity = fc.oneof(
  fc.constantFrom('', 'NULL', null, 0, 1.5, -1, true, [], {}, 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(128), 'x'.repeat(129), 'x'.repeat(256), 'x'.repeat(257), 'x'.repeat(1024), 'x'.repeat(1025)),
  fc.constantFrom('2026-01-31T12:00:00+02:00', '2026-01-31T12:00:00', '2026-02-30T10:00:00Z', '1969-12-31T23:59:59Z', '+010000-01-01T00:00:00Z', '2026-01-31T24:00:00Z',
    '2026-01-31T24:00:00.000Z', '2026-01-31T23:60:00.000Z', '2026-01-31T23:59:60.000Z', '2026-01-31t10:00:00.000z', '2026-01-31T10:00:00.000+00:00', '2026-01-31T10:00:00.1Z'),
  fc.constantFrom(2_147_483_648, 1e9, 1e9 + 1, 1e400, 'pii', ['a', 1], Array.from({ length: 101 }, () => 's'), Array.from({ length: 100 }, () => 's')),
  fc.constantFrom({ type: 'robot', id: 'x' }, { type: 'user', id: '' }, { type: 'user' }, { name: '' }, { name: 'n', tags: null }, { name: 'n', tags: 'pii' }),
  fc.constantFrom({ deep: JSON.parse('['.repeat(40) + ']'.repeat(40)) }, { big: 'x'.repeat(70_000) }, { big: 'é'.repeat(30_000) }, { k: 1, a: [2, { z: null, b: 'c' }] }),
  plainString(20),
);
/** A valid plain event, most often with one field replaced or removed. */
const plainEvent = fc
  .tuple(validPlainEvent, fc.option(fc.tuple(fc.constantFrom(
    'id', 'occurredAt', 'environment', 'source', 'agentId', 'sessionId', 'actor', 'category', 'action', 'decision', 'policyId', 'policyVersion', 'tool',
    'resource', 'severity', 'outcome', 'correlationId', 'dataSubjects', 'personalData', 'legalBasis', 'recipient', 'region', 'ttlSeconds', 'costUsd', 'attributes', 'unknown',
  ), fc.option(plainOddity, { nil: undefined }))))
  .map(([event, change]) => (change ? { ...event, [change[0]]: change[1] } : event));

describe('validateEvent', () => {
  it('agrees with the zod schema on every input', () => {
    fc.assert(
      fc.property(event, (raw) => {
        expect(validateEvent(raw)).toEqual(validateWithSchema(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('normalises a full event', () => {
    const result = validateEvent({
      id: 'e1', occurredAt: '2026-01-31T12:00:00+02:00', category: 'approval', action: 'approval.requested',
      actor: { type: 'user', id: 'u1', email: 'a@b.c', extra: 1 }, tool: { name: 'crm', tags: ['pii'] }, attributes: { k: 1 },
    });
    expect(result).toEqual({
      ok: true,
      event: expect.objectContaining({
        clientId: 'e1', occurredAt: new Date('2026-01-31T10:00:00Z'), environment: 'default', actorType: 'user', actorEmail: 'a@b.c',
        toolName: 'crm', toolTags: ['pii'], attributesJson: '{"k":1}', decision: null,
      }),
    });
  });

  it('refuses empty identifiers by field, so they neither count as attributed nor collapse into one idempotency key', () => {
    const base = { occurredAt: '2026-01-31T12:00:00Z', category: 'tool_call', action: 'tool.call' };
    const empty = { message: 'must not be empty; leave the field out when there is none' };
    expect(validateEvent({ ...base, id: '' })).toEqual({ ok: false, rejection: { field: 'id', ...empty } });
    expect(validateEvent({ ...base, agentId: '' })).toEqual({ ok: false, rejection: { field: 'agentId', ...empty } });
    expect(validateEvent({ ...base, sessionId: '' })).toEqual({ ok: false, rejection: { field: 'sessionId', ...empty } });
    expect(validateEvent({ ...base, actor: { type: 'user', id: '' } })).toEqual({ ok: false, rejection: { field: 'actor.id', ...empty } });
    expect(validateEvent({ ...base, tool: { name: '' } })).toEqual({ ok: false, rejection: { field: 'tool.name', ...empty } });
    expect(validateEvent({ ...base, correlationId: '' })).toEqual({ ok: false, rejection: { field: 'correlationId', ...empty } });
    expect(validateEvent({ ...base, agentId: 'a', sessionId: 's', environment: '' }).ok).toBe(true);
  });
});

describe('validateRow', () => {
  /** The row of a parsed line by the plain path, and by validateEvent (the reference). */
  const both = (line: string) => [validateRow(JSON.parse(line), !line.includes('\\')), validateRow(JSON.parse(line), false)];

  it('takes a plain JSON line to the same row as validateEvent, or the same rejection', () => {
    let plainAccepted = 0;
    let plainRejected = 0;
    fc.assert(
      fc.property(plainEvent, (raw) => {
        const line = JSON.stringify(raw);
        const [fast, reference] = both(line);
        expect(fast).toEqual(reference);
        if (!line.includes('\\')) {
          if ('content' in fast!) plainAccepted++;
          else plainRejected++;
        }
      }),
      { numRuns: 3000 },
    );
    // Many generated lines must take the plain path, accepted and rejected, or the property proves little.
    expect(plainAccepted).toBeGreaterThan(300);
    expect(plainRejected).toBeGreaterThan(300);
  });

  it('writes each time as validateEvent does, whether sent in its canonical form or not', () => {
    const times = [
      '2026-01-31T10:00:00.000Z', '2026-01-31T24:00:00.000Z', '2026-01-31T23:60:00.000Z', '2026-01-31t10:00:00.000z', '2026-01-31T10:00:00.000+00:00',
      '2026-01-31T10:00:00.1Z', '2026-01-31T10:00:00Z', '2026-01-31T10:00Z', '2028-02-29T10:00:00.000Z', '2026-02-29T10:00:00.000Z', '9999-12-31T23:59:59.999Z',
    ];
    for (const occurredAt of times) {
      const [fast, reference] = both(JSON.stringify({ occurredAt, category: 'auth', action: 'login' }));
      expect(fast).toEqual(reference);
    }
  });

  it('gives the demo trail the same rows as validateEvent', () => {
    let n = 0;
    for (const raw of generateDemoEvents({ events: 3000 })) {
      const [fast, reference] = both(JSON.stringify(raw));
      expect(fast).toEqual(reference);
      expect(fast).toHaveProperty('content');
      n++;
    }
    expect(n).toBe(3000);
  });
});
