/**
 * Every report type over a known trail: each key number is compared with an
 * expectation counted in this file from the rows it wrote, never with the
 * engine's SQL.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, reports, tools } from '../src/db/schema.ts';
import { getFramework, reportTypes, validateScope } from '../src/frameworks/index.ts';
import { buildReport, type ReportContent } from '../src/reports/generate.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { DAY, OLD_EVENT_AGE_DAYS, periodOf, privacyScenario, type EventRow } from './support/privacy-scenario.ts';

let app: TestApp;
let orgId: string;
let rows: EventRow[];
const period = periodOf();

beforeAll(async () => {
  app = await startTestApp();
  orgId = (await app.newOrg()).orgId;
  rows = privacyScenario(orgId);
  await app.services.database.db.insert(auditEvents).values(rows);
  const now = new Date();
  await app.services.database.db.insert(tools).values([
    { orgId, name: 'crm.lookup', tags: ['pii', 'crm'], firstSeenAt: now, lastSeenAt: now },
    { orgId, name: 'web.search', tags: ['search'], firstSeenAt: now, lastSeenAt: now },
  ]);
});
afterAll(() => app.close());

async function generate(type: string, extra: Partial<typeof reports.$inferInsert> = {}) {
  const id = randomUUID();
  const { db } = app.services.database;
  await db.insert(reports).values({
    id, orgId, type, title: `${type} test`, status: 'generating', periodStart: period.start, periodEnd: period.end,
    sampleSeed: 'unset', lineageId: id, createdBy: 'test', ...extra,
  });
  await buildReport(app.services, id, async () => {});
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  expect(row!.status).toBe('completed');
  return row!.content as ReportContent;
}

const metricOf = (c: ReportContent, id: string) => c.sections.flatMap((s) => s.metrics).find((m) => m.id === id)?.value;
const tableOf = (c: ReportContent, id: string) => c.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const findingOf = (c: ReportContent, control: string, check?: string) => c.findings.find((f) => f.controlId === control && (!check || f.checkId === check))!;
const pct = (part: number, whole: number) => Math.round((10_000 * part) / whole) / 100;
const inPeriod = () => rows.filter((r) => (r.occurredAt as Date) >= period.start && (r.occurredAt as Date) < period.end);
const personal = (r: EventRow) => (r.dataSubjects?.length ?? 0) > 0 || (r.personalData?.length ?? 0) > 0;
const pii = (r: EventRow) => r.toolTags?.includes('pii') ?? false;

describe('GDPR', () => {
  let c: ReportContent;
  beforeAll(async () => {
    c = await generate('gdpr');
  });

  it('counts data subjects, events per subject and personal-data processing', () => {
    const scoped = inPeriod();
    const refs = scoped.flatMap((r) => r.dataSubjects ?? []);
    const subjects = new Set(refs);
    expect(metricOf(c, 'data_subjects')).toBe(subjects.size);
    expect(metricOf(c, 'events_per_subject')).toBe(Math.round((100 * refs.length) / subjects.size) / 100);
    expect(metricOf(c, 'personal_data_events')).toBe(scoped.filter(personal).length);
    const cost = scoped.filter(personal).reduce((sum, r) => sum + Number(r.costUsd ?? 0), 0);
    expect(metricOf(c, 'personal_data_cost_usd')).toBeCloseTo(cost, 6);
  });

  it('finds the agents with access to pii tools and credential access to pii systems', () => {
    const scoped = inPeriod();
    const agents = new Set(scoped.filter((r) => pii(r) && r.agentId && r.decision !== 'deny').map((r) => r.agentId));
    expect(metricOf(c, 'pii_agents')).toBe(agents.size);
    expect(agents).toEqual(new Set(['agent-a']));
    expect(metricOf(c, 'pii_credential_access')).toBe(scoped.filter((r) => r.category === 'credential' && pii(r)).length);
  });

  it('measures legal bases, disclosures and transfers, with the Art. 30 tables', () => {
    const p = inPeriod().filter(personal);
    expect(metricOf(c, 'legal_basis_rate')).toBe(pct(p.filter((r) => r.legalBasis).length, p.length));
    expect(findingOf(c, 'Art. 5.1.a').status).toBe('fail');
    const transfers = p.filter((r) => r.region);
    expect(metricOf(c, 'cross_border_transfers')).toBe(transfers.length);
    // Art. 30 by agent: events, the distinct legal bases and recipients (sorted, as the table lists them), first and last.
    const byAgent = new Map<string, typeof p>();
    for (const r of p.filter((r) => r.agentId)) byAgent.set(r.agentId!, [...(byAgent.get(r.agentId!) ?? []), r]);
    const distinct = (xs: Array<string | null | undefined>) => [...new Set(xs.filter((x): x is string => Boolean(x)))].sort().join(', ') || null;
    const expected = [...byAgent].map(([agent, rows]) => [
      agent, rows.length, distinct(rows.map((r) => r.legalBasis)), distinct(rows.map((r) => r.recipient)),
      new Date(Math.min(...rows.map((r) => r.occurredAt.getTime()))).toISOString(), new Date(Math.max(...rows.map((r) => r.occurredAt.getTime()))).toISOString(),
    ]);
    expect(new Set(tableOf(c, 'personal_data_agents').rows.map((r) => JSON.stringify(r)))).toEqual(new Set(expected.map((r) => JSON.stringify(r))));
    const regions = tableOf(c, 'transfers_by_region');
    expect(regions.rows).toEqual([['us', transfers.length, new Set(transfers.map((r) => r.recipient).filter(Boolean)).size, transfers.filter((r) => !r.legalBasis).length]]);
    const categories = new Map<string, number>();
    for (const r of inPeriod()) for (const cat of r.personalData ?? []) categories.set(cat, (categories.get(cat) ?? 0) + 1);
    expect(new Map(tableOf(c, 'personal_data_categories').rows.map((r) => [r[0], r[1]]))).toEqual(categories);
    const recipients = inPeriod().filter((r) => r.recipient);
    expect(tableOf(c, 'recipients').rows.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(recipients.length);
    // The tags the period's events carry, sorted (not the registry row written above).
    expect(tableOf(c, 'pii_tools').rows.map((r) => [r[0], r[1]])).toEqual([['crm.lookup', 'crm, pii']]);
  });

  it('clocks breach response against 72 hours and blocks', () => {
    const leaks = inPeriod().filter((r) => r.action === 'dlp.detected' && personal(r));
    expect(metricOf(c, 'breaches_possible')).toBe(leaks.length);
    expect(metricOf(c, 'breach_response_within_72h')).toBe(50);
    expect(metricOf(c, 'breach_response_p50')).toBe(10 * 3600);
    expect(findingOf(c, 'Art. 33.1').status).toBe('fail');
    expect(findingOf(c, 'Art. 33.1').evidenceCount).toBe(1);
    const dlp = inPeriod().filter((r) => r.category === 'dlp' && personal(r));
    expect(metricOf(c, 'dlp_personal_data_block_rate')).toBe(pct(dlp.filter((r) => r.action === 'dlp.blocked').length, dlp.length));
  });

  it('measures storage limitation from the oldest kept personal data, not the period', () => {
    const old = rows.filter(personal).map((r) => (r.occurredAt as Date).getTime());
    expect(metricOf(c, 'oldest_personal_data_days')).toBe(Math.floor((period.end.getTime() - Math.min(...old)) / DAY));
    expect(metricOf(c, 'oldest_personal_data_days')).toBe(OLD_EVENT_AGE_DAYS);
    expect(findingOf(c, 'Art. 5.1.e').status).toBe('pass');
  });
});

describe('GDPR data-subject access export', () => {
  it('requires the data subject or the agent, and says so', () => {
    const dsar = getFramework('gdpr_dsar')!;
    expect(validateScope(dsar, { dataSubject: null, agentIds: [] })).toMatch(/data subject \(dataSubject\) or the agent \(agentIds\)/);
    expect(validateScope(dsar, { dataSubject: 'subject-3' })).toBeNull();
    expect(validateScope(dsar, { agentIds: ['agent-a'] })).toBeNull();
    expect(validateScope(getFramework('gdpr')!, {})).toBeNull();
  });

  it('lists every event naming one subject, their categories, recipients and agents', async () => {
    const c = await generate('gdpr_dsar', { parameters: { dataSubject: 'subject-3' } });
    const mine = inPeriod().filter((r) => r.dataSubjects?.includes('subject-3'));
    expect(mine.length).toBeGreaterThan(10);
    expect(metricOf(c, 'personal_data_events')).toBe(mine.length);
    // The other subjects named in the same events are third parties: not counted as the subject's.
    expect(mine.some((r) => r.dataSubjects!.length > 1)).toBe(true);
    expect(metricOf(c, 'data_subjects')).toBe(1);
    expect(tableOf(c, 'subject_events').rows).toHaveLength(mine.length);
    const categories = new Set(mine.flatMap((r) => r.personalData ?? []));
    expect(new Set(tableOf(c, 'personal_data_categories').rows.map((r) => r[0]))).toEqual(categories);
    expect(new Set(tableOf(c, 'personal_data_agents').rows.map((r) => r[0]))).toEqual(new Set(mine.map((r) => r.agentId).filter(Boolean)));
    expect(new Set(tableOf(c, 'recipients').rows.map((r) => r[0]))).toEqual(new Set(mine.map((r) => r.recipient).filter(Boolean)));
    expect(c.scope.dataSubject).toBe('subject-3');
  });

  it('scoped to one agent, shows the messages it sent and received', async () => {
    const c = await generate('gdpr_dsar', { agentIds: ['agent-a'] });
    const messages = inPeriod().filter((r) => r.agentId === 'agent-a' && (r.attributes as { message?: string } | undefined)?.message);
    expect(metricOf(c, 'agent_messages')).toBe(messages.length);
    const table = tableOf(c, 'agent_messages');
    expect(table.rows.map((r) => r[5])).toEqual(messages.map((r) => (r.attributes as { message: string }).message));
    expect(new Set(table.rows.map((r) => r[4]))).toEqual(new Set(['sent', 'received']));
  });
});

describe('ISO/IEC 27001:2022', () => {
  let c: ReportContent;
  beforeAll(async () => {
    c = await generate('iso27001');
  });

  it('measures logging (A.8.15) and privileged access (A.8.2) as the trail says', () => {
    const scoped = inPeriod();
    const unattributed = scoped.filter((r) => !r.agentId && !r.actorId).length;
    expect(findingOf(c, 'A.8.15', 'attribution').value).toBe(pct(scoped.length - unattributed, scoped.length));
    const actions = scoped.filter((r) => r.agentId && (r.category === 'tool_call' || r.category === 'policy_decision'));
    expect(findingOf(c, 'A.8.15', 'session-attribution').value).toBe(pct(actions.filter((r) => r.sessionId).length, actions.length));
    expect(findingOf(c, 'A.8.2').value).toBe(1);
    expect(findingOf(c, 'A.8.2').status).toBe('warn');
    const auth = scoped.filter((r) => r.category === 'auth');
    expect(findingOf(c, 'A.8.5').value).toBe(pct(auth.filter((r) => r.outcome !== 'failure').length, auth.length));
  });

  it('has a Statement of Applicability of all 93 Annex A controls with reasons', () => {
    const soa = tableOf(c, 'statement_of_applicability');
    expect(soa.rows).toHaveLength(93);
    const row = (id: string) => soa.rows.find((r) => r[0] === id)!;
    expect(row('A.8.15')[6]).toBe('yes');
    expect(row('A.8.15')[7]).toMatch(/attribution: (pass|warn|fail)/);
    expect(row('A.7.1')[6]).toBe('no');
    expect(row('A.7.1')[7]).toMatch(/Physical control/);
    expect(row('A.6.3')[7]).toMatch(/People control/);
  });
});

describe('HIPAA', () => {
  it('measures audit controls and PHI blocking', async () => {
    const c = await generate('hipaa');
    const actions = inPeriod().filter((r) => r.agentId && (r.category === 'tool_call' || r.category === 'policy_decision'));
    expect(findingOf(c, '164.312(b)', 'session-attribution').value).toBe(pct(actions.filter((r) => r.sessionId).length, actions.length));
    expect(findingOf(c, '164.312(b)', 'monitoring-coverage').value).toBe(100);
    const phi = inPeriod().filter((r) => r.category === 'dlp' && personal(r));
    expect(findingOf(c, '164.312(e)(1)').value).toBe(pct(phi.filter((r) => r.action === 'dlp.blocked').length, phi.length));
    expect(findingOf(c, '164.312(e)(1)').status).toBe('fail');
    expect(findingOf(c, '164.308(a)(1)(ii)(D)').status).toBe('not_applicable');
  });
});

describe('EU AI Act', () => {
  it('measures log retention from the oldest kept event, for Art. 19 and 26(6)', async () => {
    const c = await generate('eu_ai_act');
    const oldest = Math.min(...rows.map((r) => (r.occurredAt as Date).getTime()));
    const days = Math.floor((period.end.getTime() - oldest) / DAY);
    expect(metricOf(c, 'log_history_days')).toBe(days);
    expect(findingOf(c, 'Art. 19.1').status).toBe(days >= 183 ? 'pass' : 'warn');
    expect(findingOf(c, 'Art. 26.6').value).toBe(days);
    const holds = inPeriod().filter((r) => r.decision === 'hold');
    expect(metricOf(c, 'holds')).toBe(holds.length);
    expect(findingOf(c, 'Art. 26.2', 'holds-resolved').value).toBe(0);
  });
});

describe('ISO/IEC 42001 and NIST AI RMF', () => {
  it('evaluates every check on the shared metrics', async () => {
    for (const type of ['iso42001', 'nist_ai_rmf']) {
      const c = await generate(type);
      const errors = inPeriod().filter((r) => r.outcome === 'failure' || r.category === 'error').length;
      const control = type === 'iso42001' ? 'A.6.2.6' : 'MEASURE 2.4';
      expect(findingOf(c, control, 'error-rate').value).toBe(pct(errors, inPeriod().length));
      expect(c.findings.every((f) => ['pass', 'warn', 'fail', 'not_applicable'].includes(f.status))).toBe(true);
    }
  });
});

describe('Executive summary', () => {
  it('gives weekly trends that add up, and few findings', async () => {
    const c = await generate('executive_summary');
    const weeks = tableOf(c, 'weekly_trends');
    expect(weeks.rows.map((r) => r[0])).toEqual(['2026-09-07', '2026-09-14']);
    expect(weeks.rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(inPeriod().length);
    const firstWeek = inPeriod().filter((r) => (r.occurredAt as Date).getTime() < period.start.getTime() + 7 * DAY);
    expect(weeks.rows[0]![3]).toBe(firstWeek.filter((r) => r.decision === 'deny').length);
    expect(c.findings.length).toBeLessThanOrEqual(5);
    expect(findingOf(c, 'EXEC-2').description).toMatch(/^\d+ agents have elevated risk scores/);
  });
});

describe('Asset inventory', () => {
  it('lists agents, tools with tags, credentials and environments', async () => {
    const c = await generate('asset_inventory');
    const scoped = inPeriod();
    const agents = new Set(scoped.map((r) => r.agentId).filter(Boolean));
    expect(tableOf(c, 'agents_inventory').rows.map((r) => r[0]).sort()).toEqual([...agents].sort());
    const agentB = tableOf(c, 'agents_inventory').rows.find((r) => r[0] === 'agent-b')!;
    expect(agentB[3]).toBe('enforcing (deny/hold)');
    expect(agentB[5]).toBe(scoped.filter((r) => r.agentId === 'agent-b').length);
    const toolNames = new Set(scoped.map((r) => r.toolName).filter(Boolean));
    const toolsTable = tableOf(c, 'tools_inventory');
    expect(toolsTable.rows.map((r) => r[1]).sort()).toEqual([...toolNames].sort());
    // Category: the first tag as sent; tags: those the period's events carry, sorted.
    expect(toolsTable.rows.find((r) => r[1] === 'crm.lookup')!.slice(0, 3)).toEqual(['pii', 'crm.lookup', 'crm, pii']);
    const credential = tableOf(c, 'credentials_inventory').rows.find((r) => r[0] === 'crm-db')!;
    expect(credential.slice(1, 4)).toEqual([3, 2, 1]);
    expect(credential[5]).toBe(scoped.find((r) => r.action === 'secret.rotated')!.occurredAt!.toISOString());
    const envs = new Set(scoped.map((r) => r.environment));
    expect(tableOf(c, 'environments_inventory').rows.map((r) => r[0]).sort()).toEqual([...envs].sort());
  });
});

describe('Audit summary', () => {
  it("covers people's administrative changes and the service's own trail", async () => {
    const c = await generate('audit_summary');
    const scoped = inPeriod();
    const service = scoped.filter((r) => r.category === 'admin' && r.actorType === 'service');
    expect(metricOf(c, 'service_actions')).toBe(service.length);
    expect(tableOf(c, 'service_actions').rows.find((r) => r[0] === 'report.generated')![1]).toBe(2);
    const changes = scoped.filter((r) => r.category === 'admin' || r.category === 'config_change');
    const people = changes.filter((r) => r.actorType === 'user');
    expect(metricOf(c, 'people_admin_changes')).toBe(people.length);
    const peopleOrNobody = changes.filter((r) => r.actorType === 'user' || !r.actorId);
    expect(findingOf(c, 'AUD-1').value).toBe(pct(peopleOrNobody.filter((r) => r.actorId).length, peopleOrNobody.length));
    expect(findingOf(c, 'AUD-2').value).toBe(50);
    expect(tableOf(c, 'admin_actors').rows.find((r) => r[0] === 'admin@example.com')![2]).toBe(2);
  });
});

describe('every built-in type', () => {
  it('generates over the trail with findings only for its own catalog controls', async () => {
    for (const framework of reportTypes()) {
      if (framework.type === 'gdpr_dsar') continue; // needs a subject; covered above
      const c = await generate(framework.type);
      const controls = new Set(framework.sections.flatMap((s) => s.controls.map((ctl) => ctl.id)));
      expect(c.findings.length).toBe(framework.sections.flatMap((s) => s.controls.flatMap((ctl) => ctl.checks)).length);
      for (const f of c.findings) expect(controls.has(f.controlId)).toBe(true);
      expect(c.integrity.eventCount).toBe(inPeriod().length);
    }
  });
});
