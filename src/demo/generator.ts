/**
 * A deterministic generator of a realistic agent-governance audit trail:
 * tool calls decided by policies, approvals and holds answered by people,
 * DLP hits, prompt injections and their review, credential leases, admin and
 * config changes, escalations, auth, threat intel, errors, and gateway
 * disconnections and maintenance windows that leave monitoring gaps.
 * The same seed gives the same events, in time order, exactly as many as asked.
 */
import type { AuditEventInput } from '../events/contract.ts';
import { DemoWorld, type DemoOptions } from './world.ts';

export type { DemoOptions } from './world.ts';

export function* generateDemoEvents(options: DemoOptions): Generator<AuditEventInput> {
  const world = new DemoWorld(options);
  for (let i = 0; i < world.count; i++) yield world.eventAt(i);
}

/** The stable idempotency key of event `index` of a seed: re-seeding never duplicates. */
export function demoEventId(seed: number, index: number): string {
  return `demo-${(seed >>> 0).toString(36)}-${index}`;
}
