/**
 * Rare-action lookups (approval requests, leases, injections, their answers…)
 * keep their index. `audit_events_rare_action_time_idx` leaves out the bulk of
 * the trail (BULK_ACTIONS), so a selector that looked events up by one of those
 * would scan the period, and one whose condition stopped implying the index's
 * predicate would silently lose it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BULK_ACTIONS } from '../src/db/schema.ts';
import { CONFIG_CHANGE_ACTIONS, prefilterOf, selectorSql, selectors, type SelectorId } from '../src/library/selectors.ts';
import { startTestApp, type TestApp } from './support/app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Every action a selector compares an event's `action` with, by `=` or `in (…)`, its own or an answering event's. */
function actionsLookedUp(): Map<string, SelectorId[]> {
  const found = new Map<string, SelectorId[]>();
  for (const id of Object.keys(selectors) as SelectorId[]) {
    const text = `${selectorSql(id, '0', "'00000000-0000-0000-0000-000000000000'::uuid")} ${prefilterOf(id) ?? ''}`;
    for (const m of text.matchAll(/\b[a-z]\.action\s*(?:=\s*'([^']+)'|in\s*\(([^)]*)\))/g)) {
      const literals = m[1] !== undefined ? [m[1]] : [...m[2]!.matchAll(/'([^']+)'/g)].map((l) => l[1]!);
      for (const action of literals) found.set(action, [...(found.get(action) ?? []), id]);
    }
  }
  return found;
}

it('no selector looks events up by a bulk action, which the rare-action index leaves out', () => {
  const actions = actionsLookedUp();
  // The extraction finds the lookups it guards (requests, answers, leases, injections…).
  expect(actions.size).toBeGreaterThan(20);
  expect([...actions.keys()]).toEqual(expect.arrayContaining(['approval.requested', 'approval.granted', 'lease.issued', 'injection.detected']));
  expect(BULK_ACTIONS.filter((a) => actions.has(a))).toEqual([]);
});

it('PostgreSQL looks up each of those actions through the rare-action index or a narrower one', async () => {
  const org = await app.newOrg();
  const actions = [...actionsLookedUp().keys()];
  const plans = await app.services.database.sql.begin(async (tx) => {
    // A table like audit_events with only the indexes in question: the choice then depends on
    // whether the planner may use them, not on statistics other test files' events keep changing.
    await tx`create temp table probe_events (like audit_events) on commit drop`;
    for (const index of ['audit_events_rare_action_time_idx', 'audit_events_config_changes_idx']) {
      const [{ def }] = (await tx`select pg_get_indexdef(${index}::regclass) as def`) as unknown as [{ def: string }];
      await tx.unsafe(def.replace(/ ON \S+ /, ' ON probe_events '));
    }
    // With the other paths priced out, the index is chosen exactly when the planner may use it.
    await tx`set local enable_seqscan = off`;
    await tx`set local enable_bitmapscan = off`;
    const out: Record<string, string> = {};
    const plan = async (condition: string) =>
      (await tx.unsafe(`explain select count(*) from probe_events e where e.org_id = $1 and ${condition}`, [org.orgId])).map((r) => r['QUERY PLAN'] as string).join('\n');
    // A literal, as in the selectors: a parameter's generic plan could not prove the predicate.
    for (const action of actions) out[action] = await plan(`e.action = '${action.replaceAll("'", "''")}'`);
    out['in (…)'] = await plan(`e.action in ('lease.returned', 'lease.revoked')`);
    out['tool.invoke'] = await plan(`e.action = 'tool.invoke'`);
    return out;
  });
  // The rare-action index; for the configuration-change actions (which have a partial index of
  // their own) the planner may prefer that index (PostgreSQL 18 does). Never the period's time index or a scan.
  const served = (action: string, plan: string) =>
    plan.includes('audit_events_rare_action_time_idx') || (CONFIG_CHANGE_ACTIONS.includes(action) && plan.includes('audit_events_config_changes_idx'));
  const without = Object.entries(plans)
    .filter(([action, plan]) => action !== 'tool.invoke' && !served(action, plan))
    .map(([action]) => action);
  expect(without).toEqual([]);
  // And the index really is partial: a bulk action cannot use it.
  expect(plans['tool.invoke']).not.toContain('audit_events_rare_action_time_idx');
});
