/**
 * The hand-written fast path of validateEvent must agree with the zod schema
 * on every input: same accepted event, or the same rejection.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, DECISIONS, validateEvent, validateWithSchema } from '../src/events/contract.ts';

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
