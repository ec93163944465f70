/**
 * The demo generator: deterministic, exact, valid, realistic. Every
 * expectation is counted here from the generated events themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOOLS, demoAgentIds, PII_TOOL_NAMES } from '../src/demo/catalog.ts';
import { demoEventId, generateDemoEvents } from '../src/demo/generator.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { CATEGORIES, validateEvent, type AuditEventInput } from '../src/events/contract.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const END = new Date('2026-11-01T00:00:00Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const START = END.getTime() - 90 * DAY;
const events = [...generateDemoEvents({ events: 20_000, seed: 7, end: END })];
const time = (e: AuditEventInput) => Date.parse(e.occurredAt);

/** Events sharing a correlation id, in stream order. */
function correlated(list: AuditEventInput[]) {
  const groups = new Map<string, AuditEventInput[]>();
  for (const e of list) if (e.correlationId) groups.set(e.correlationId, [...(groups.get(e.correlationId) ?? []), e]);
  return groups;
}
const groups = correlated(events);
const answerOf = (request: AuditEventInput, actions: string[]) => groups.get(request.correlationId!)!.find((e) => e !== request && actions.includes(e.action));
const delayOf = (request: AuditEventInput, actions: string[]) => {
  const answer = answerOf(request, actions);
  return answer ? time(answer) - time(request) : null;
};

describe('generateDemoEvents', () => {
  it('gives the same events for the same seed, other events for another seed, with stable unique ids', () => {
    expect([...generateDemoEvents({ events: 20_000, seed: 7, end: END })]).toEqual(events);
    expect([...generateDemoEvents({ events: 500, seed: 8, end: END })]).not.toEqual(events.slice(0, 500));
    // Without `end` the period ends at a fixed date, so defaults are reproducible too.
    expect([...generateDemoEvents({ events: 300 })]).toEqual([...generateDemoEvents({ events: 300 })]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    events.forEach((e, i) => expect(e.id).toBe(demoEventId(7, i)));
  });

  it('yields exactly the number asked for, pairs included, even when tiny', () => {
    for (const n of [0, 1, 2, 3, 17, 250, 4_999]) {
      const list = [...generateDemoEvents({ events: n, seed: n, end: END })];
      expect(list).toHaveLength(n);
      let previous = -Infinity;
      for (const e of list) {
        expect(time(e)).toBeGreaterThanOrEqual(previous);
        previous = time(e);
      }
    }
    expect(events).toHaveLength(20_000);
  });

  it('is lazy: the first events of a billion-event stream come at once', () => {
    const started = performance.now();
    const stream = generateDemoEvents({ events: 1_000_000_000, seed: 1, end: END });
    for (let i = 0; i < 1_000; i++) expect(stream.next().done).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('yields only valid events, in time order, inside the period', () => {
    let previous = 0;
    for (const e of events) {
      const validated = validateEvent(e);
      expect(validated.ok ? null : validated.rejection).toBeNull();
      expect(time(e)).toBeGreaterThanOrEqual(previous);
      expect(time(e)).toBeGreaterThanOrEqual(START);
      expect(time(e)).toBeLessThan(END.getTime());
      previous = time(e);
    }
    const other = [...generateDemoEvents({ events: 2_000, seed: 5, end: END, days: 7, agents: 3, environments: ['prod', 'dev'] })];
    expect(new Set(other.map((e) => e.environment))).toEqual(new Set(['prod', 'dev']));
    expect(new Set(other.flatMap((e) => (e.agentId ? [e.agentId] : [])))).toEqual(new Set(demoAgentIds(3)));
    expect(Math.min(...other.map(time))).toBeGreaterThanOrEqual(END.getTime() - 7 * DAY);
  });

  it('covers every category of the contract, every agent and environment, and a working-day rhythm', () => {
    const categories = new Set(events.map((e) => e.category));
    for (const c of CATEGORIES) expect(categories, c).toContain(c);
    expect(new Set(events.flatMap((e) => (e.agentId ? [e.agentId] : [])))).toEqual(new Set(demoAgentIds()));
    expect(new Set(events.map((e) => e.environment))).toEqual(new Set(['production', 'staging', 'development']));
    const weekdayNoon = events.filter((e) => ![0, 6].includes(new Date(e.occurredAt).getUTCDay()) && new Date(e.occurredAt).getUTCHours() === 12).length;
    const weekdayThree = events.filter((e) => ![0, 6].includes(new Date(e.occurredAt).getUTCDay()) && new Date(e.occurredAt).getUTCHours() === 3).length;
    expect(weekdayNoon).toBeGreaterThan(3 * weekdayThree);
  });

  it('decides tool calls mostly allow, with deny, alert and hold, mostly under an explicit policy', () => {
    const decisions = events.filter((e) => e.decision && e.agentId);
    const count = (d: string) => decisions.filter((e) => e.decision === d).length;
    expect(count('allow') / decisions.length).toBeGreaterThan(0.7);
    for (const d of ['deny', 'alert', 'hold']) expect(count(d)).toBeGreaterThan(0);
    const coverage = decisions.filter((e) => e.policyId && e.policyVersion).length / decisions.length;
    expect(coverage).toBeGreaterThan(0.8);
    expect(coverage).toBeLessThan(1);
    // Tools carry their tags; pii-tagged tools name whose data, which categories, and on what basis.
    for (const e of events.filter((x) => x.tool && x.category === 'policy_decision')) {
      expect(e.tool!.tags).toEqual(DEMO_TOOLS.find((t) => t.name === e.tool!.name)!.tags);
    }
    const pii = events.filter((e) => e.tool && PII_TOOL_NAMES.includes(e.tool.name) && e.category === 'policy_decision');
    expect(pii.length).toBeGreaterThan(1_000);
    for (const e of pii) {
      expect(e.dataSubjects![0]).toMatch(/^(customer|patient|employee):\d+$/);
      expect(e.personalData!.length).toBeGreaterThan(0);
    }
    expect(pii.filter((e) => !e.legalBasis).length).toBeGreaterThan(0);
    expect(pii.filter((e) => e.legalBasis).length).toBeGreaterThan(pii.length * 0.9);
    expect(events.filter((e) => e.recipient && e.region === 'us-east-1' && e.personalData?.length).length).toBeGreaterThan(0);
    expect(events.filter((e) => e.outcome === 'failure').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.costUsd).length).toBeGreaterThan(5_000);
    expect(new Set(events.flatMap((e) => (e.sessionId ? [e.sessionId] : []))).size).toBeGreaterThan(100);
  });

  it('keeps every correlated pair in order, the request first', () => {
    const openers = new Set(['approval.requested', 'tool.invoke', 'lease.issued', 'dlp.detected', 'injection.detected', 'escalation.opened', 'gateway.disconnected', 'delegation.granted']);
    for (const [id, group] of groups) {
      expect(openers, id).toContain(group[0]!.action);
      const times = group.map(time);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const e of group) expect(e.environment).toBe(group[0]!.environment);
    }
  });

  it('answers approvals and holds after minutes to hours, some beyond the hour, a few never', () => {
    const requests = events.filter((e) => e.action === 'approval.requested');
    const delays = requests.map((r) => delayOf(r, ['approval.granted', 'approval.denied']));
    expect(delays.filter((d) => d === null).length).toBeGreaterThan(0);
    expect(delays.filter((d) => d !== null && d > HOUR).length).toBeGreaterThan(0);
    expect(delays.filter((d) => d !== null && d <= HOUR).length).toBeGreaterThan(requests.length / 2);
    expect(events.some((e) => e.action === 'approval.denied')).toBe(true);
    const holds = events.filter((e) => e.decision === 'hold');
    const holdDelays = holds.map((h) => delayOf(h, ['approval.granted', 'approval.denied']));
    expect(holdDelays.filter((d) => d !== null).length).toBeGreaterThan(holds.length * 0.8);
    expect(holdDelays.filter((d) => d !== null && d > 4 * HOUR).length).toBeGreaterThan(0);
  });

  it('returns most credential leases within their TTL, some after it has run out, a few never', () => {
    const leases = events.filter((e) => e.action === 'lease.issued');
    expect(leases.every((l) => (l.ttlSeconds ?? 0) > 0)).toBe(true);
    const delays = leases.map((l) => ({ ttl: l.ttlSeconds! * 1000, delay: delayOf(l, ['lease.returned', 'lease.revoked']) }));
    const late = delays.filter((d) => d.delay !== null && d.delay > d.ttl).length;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(leases.length / 4);
    expect(delays.filter((d) => d.delay === null).length).toBeGreaterThan(0);
    expect(events.some((e) => e.action === 'lease.revoked')).toBe(true);
  });

  it('labels injections later as confirmed or false positive, and answers DLP detections within or beyond 72 hours', () => {
    const labels = events.filter((e) => e.action === 'injection.confirmed' || e.action === 'injection.false_positive');
    expect(labels.filter((e) => e.action === 'injection.confirmed').length).toBeGreaterThan(0);
    expect(labels.filter((e) => e.action === 'injection.false_positive').length).toBeGreaterThan(0);
    for (const label of labels) expect(groups.get(label.correlationId!)![0]!.action).toBe('injection.detected');

    expect(events.filter((e) => e.action === 'dlp.blocked' && e.personalData?.length && e.dataSubjects?.length).length).toBeGreaterThan(0);
    const detected = events.filter((e) => e.action === 'dlp.detected');
    expect(detected.every((d) => d.personalData!.length > 0)).toBe(true);
    const responses = detected.map((d) => (groups.get(d.correlationId!)!.length > 1 ? time(groups.get(d.correlationId!)![1]!) - time(d) : null));
    expect(responses.filter((r) => r !== null && r <= 72 * HOUR).length).toBeGreaterThan(0);
    expect(responses.filter((r) => r !== null && r > 72 * HOUR).length).toBeGreaterThan(0);
  });

  it('records admin and config changes, some approved and some not, and escalations some beyond 24 hours', () => {
    for (const action of ['user.created', 'user.deleted', 'access.revoked', 'role.changed', 'secret.rotated', 'dlp_rule.updated', 'policy.updated']) {
      expect(events.filter((e) => e.action === action).length, action).toBeGreaterThan(0);
    }
    const roleChanges = events.filter((e) => e.action === 'role.changed');
    expect(roleChanges.every((e) => e.attributes?.fromRole && e.attributes.toRole)).toBe(true);
    const changes = events.filter((e) => e.category === 'config_change' || e.action === 'role.changed');
    const approved = changes.filter((c) => c.correlationId && groups.get(c.correlationId)!.some((x) => x.action === 'approval.granted' && time(x) <= time(c)));
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.length).toBeLessThan(changes.length);

    const escalations = events.filter((e) => e.action === 'escalation.opened');
    const delays = escalations.map((e) => delayOf(e, ['escalation.resolved']));
    expect(delays.filter((d) => d !== null && d <= 24 * HOUR).length).toBeGreaterThan(0);
    expect(delays.filter((d) => d === null || d > 24 * HOUR).length).toBeGreaterThan(0);
  });

  it('leaves monitoring gaps: gateway disconnections of minutes to hours and quiet periods with no events', () => {
    const disconnects = events.filter((e) => e.action === 'gateway.disconnected');
    expect(disconnects.length).toBeGreaterThanOrEqual(3);
    const outages = disconnects.map((d) => delayOf(d, ['gateway.connected'])).filter((d): d is number => d !== null);
    expect(outages.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...outages)).toBeLessThan(HOUR);
    expect(Math.max(...outages)).toBeGreaterThan(HOUR);
    for (const d of disconnects) {
      const connected = answerOf(d, ['gateway.connected']);
      if (connected) expect(connected.environment).toBe(d.environment);
    }
    // Maintenance windows: at least two silences of 3 hours or more, whatever the volume.
    for (const list of [events, [...generateDemoEvents({ events: 200_000, seed: 7, end: END })]]) {
      let silences = 0;
      for (let i = 1; i < list.length; i++) if (time(list[i]!) - time(list[i - 1]!) >= 3 * HOUR) silences++;
      expect(silences).toBeGreaterThanOrEqual(2);
    }
  });

  it('also yields auth, threat intel, delegation and error events', () => {
    expect(events.filter((e) => e.category === 'auth' && e.outcome === 'failure').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.category === 'auth' && e.actor?.type === 'user' && e.actor.email).length).toBeGreaterThan(0);
    expect(events.filter((e) => e.action === 'threat_intel.match').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.action === 'delegation.granted' && e.attributes?.delegate !== e.agentId).length).toBeGreaterThan(0);
    expect(events.filter((e) => e.category === 'error' && e.outcome === 'failure').length).toBeGreaterThan(0);
  });
});

describe('seedDemoData', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ jobs: 'none' });
  });
  afterAll(() => app.close());

  it('stores every event through the ingestion pipeline, and a re-seed stores nothing twice', async () => {
    const { orgId } = await app.newOrg();
    const options = { events: 5_000, seed: 3, end: END };
    const first = await seedDemoData(app.services, orgId, options);
    expect(first).toEqual({ accepted: 5_000, duplicates: 0 });
    const again = await seedDemoData(app.services, orgId, options);
    expect(again).toEqual({ accepted: 0, duplicates: 5_000 });

    const expected = new Map<string, number>();
    for (const e of generateDemoEvents(options)) expected.set(e.category, (expected.get(e.category) ?? 0) + 1);
    const rows = await app.services.database.sql`select category, count(*)::int as n from audit_events where org_id = ${orgId} group by category`;
    expect(new Map(rows.map((r) => [r.category as string, r.n as number]))).toEqual(expected);
  });

  it('ends the demo period now unless told otherwise', async () => {
    const { orgId } = await app.newOrg();
    const before = Date.now();
    await seedDemoData(app.services, orgId, { events: 500, seed: 4 });
    const [row] = await app.services.database.sql`select min(occurred_at) as first, max(occurred_at) as last from audit_events where org_id = ${orgId}`;
    expect(new Date(row!.last as string).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(row!.last as string).getTime()).toBeGreaterThan(before - 7 * DAY);
    expect(new Date(row!.first as string).getTime()).toBeGreaterThanOrEqual(before - 90 * DAY);
  });
});
