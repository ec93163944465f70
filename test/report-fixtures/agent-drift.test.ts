/**
 * Agent drift against a hand-written trail: two agents with ten days of
 * baseline each, one of which drifts in the period and one of which does
 * not, an agent with too short a baseline and one with none. Every median,
 * MAD, z-score and finding below was worked out by hand from the events and
 * the method in src/reports/drift.ts: z = (x − median) / max(1.4826 · MAD,
 * floor), floor √max(median, 1) for counts per day and 2 points for rates,
 * flagged when |z| > 3.5.
 *
 * Period: 2026-10-29 (one UTC day). Baseline: the 28 days before it,
 * 2026-10-01 → 2026-10-29; the agents were active on 2026-10-19 … 10-28.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../client/gql.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { findingsOf, metricsOf, reportOf, ingestFixture, rowsOf } from '../support/report-fixture.ts';
import { events, PERIOD } from './data/agent-drift.ts';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(() => app.close());

const DriftEvidence = graphql(`
  query DriftEvidence($id: ID!) {
    report(id: $id) {
      findings(filter: { controlIds: ["CC3.2"] }, first: 10) {
        edges { node { title status value evidenceCount evidence(first: 10) { totalCount edges { node { clientId agentId } } } } }
      }
    }
  }
`);

describe('agent drift fixture', () => {
  it('flags the agent that drifts, metric by metric, and not the one that does not', async () => {
    const org = await app.newOrg('drift fixture');
    await ingestFixture(app, org.adminKey, events);
    const { content, reportId } = await reportOf(app, org, { type: 'soc2', period: PERIOD });

    const metrics = metricsOf(content);
    expect({ baselined_agents: metrics.baselined_agents, drifting_agents: metrics.drifting_agents, behaviour_drifts: metrics.behaviour_drifts }).toEqual({
      baselined_agents: 2, // steady-bot and drift-bot; young-bot has 5 active baseline days, new-bot none
      drifting_agents: 1, // drift-bot
      behaviour_drifts: 3, // its denial rate, error rate and pii-tool events
    });

    // The one drift check becomes one finding per drift, in |z| order, each judged on |z| (pass ≤ 3.5, warn ≤ 6).
    const drift = content.findings.filter((f) => f.checkId === 'agent-drift');
    expect(drift.map((f) => ({ controlId: f.controlId, title: f.title, status: f.status, value: f.value, evidenceSelector: f.evidenceSelector, evidenceAgent: f.evidenceAgent, evidenceCount: f.evidenceCount }))).toEqual([
      { controlId: 'CC3.2', title: 'drift-bot: denial rate rose above its baseline', status: 'fail', value: 20.83, evidenceSelector: 'denied_decisions', evidenceAgent: 'drift-bot', evidenceCount: 4 },
      { controlId: 'CC3.2', title: 'drift-bot: error rate rose above its baseline', status: 'warn', value: 5, evidenceSelector: 'error_events', evidenceAgent: 'drift-bot', evidenceCount: 1 },
      { controlId: 'CC3.2', title: 'drift-bot: events on pii-tagged tools per day rose above its baseline', status: 'warn', value: 4, evidenceSelector: 'pii_tool_events', evidenceAgent: 'drift-bot', evidenceCount: 4 },
    ]);
    expect(drift[0]!.description).toBe("drift-bot's denial rate was 66.67% in the period against a median of 25% (MAD 0) over 10 baseline days: robust z 20.83, above its baseline.");
    expect(drift[0]!.recommendation).toMatch(/^Ask the agent's owner what changed/);

    // Every metric of both baselined agents, drifts first; the rows carry the numbers the z-scores come from.
    expect(rowsOf(content, 'agent_drift')).toEqual([
      { agent: 'drift-bot', metric: 'denial_rate', unit: 'percent', baselineDays: 10, baselineMedian: 25, baselineMad: 0, periodValue: 66.67, robustZ: 20.83, drifted: 'yes', evidenceEvents: 4 },
      { agent: 'drift-bot', metric: 'error_rate', unit: 'percent', baselineDays: 10, baselineMedian: 0, baselineMad: 0, periodValue: 10, robustZ: 5, drifted: 'yes', evidenceEvents: 1 },
      { agent: 'drift-bot', metric: 'data_access', unit: 'per_day', baselineDays: 10, baselineMedian: 0, baselineMad: 0, periodValue: 4, robustZ: 4, drifted: 'yes', evidenceEvents: 4 },
      // Hour of day: every event is at 10:00 UTC, so hour 10 is the volume again and the other hours are 0 against 0.
      { agent: 'drift-bot', metric: 'hour_of_day', unit: 'per_day', baselineDays: 10, baselineMedian: 6, baselineMad: 2, periodValue: 10, robustZ: 1.35, drifted: 'no', evidenceEvents: 10 },
      { agent: 'drift-bot', metric: 'tool_use', unit: 'per_day', baselineDays: 10, baselineMedian: 6, baselineMad: 2, periodValue: 10, robustZ: 1.35, drifted: 'no', evidenceEvents: 10 },
      { agent: 'drift-bot', metric: 'volume', unit: 'per_day', baselineDays: 10, baselineMedian: 6, baselineMad: 2, periodValue: 10, robustZ: 1.35, drifted: 'no', evidenceEvents: 10 },
      { agent: 'steady-bot', metric: 'hour_of_day', unit: 'per_day', baselineDays: 10, baselineMedian: 4, baselineMad: 0, periodValue: 5, robustZ: 0.5, drifted: 'no', evidenceEvents: 5 },
      { agent: 'steady-bot', metric: 'tool_use', unit: 'per_day', baselineDays: 10, baselineMedian: 4, baselineMad: 0, periodValue: 5, robustZ: 0.5, drifted: 'no', evidenceEvents: 5 },
      { agent: 'steady-bot', metric: 'volume', unit: 'per_day', baselineDays: 10, baselineMedian: 4, baselineMad: 0, periodValue: 5, robustZ: 0.5, drifted: 'no', evidenceEvents: 5 },
      { agent: 'steady-bot', metric: 'data_access', unit: 'per_day', baselineDays: 10, baselineMedian: 0, baselineMad: 0, periodValue: 0, robustZ: 0, drifted: 'no', evidenceEvents: 0 },
      { agent: 'steady-bot', metric: 'denial_rate', unit: 'percent', baselineDays: 10, baselineMedian: 0, baselineMad: 0, periodValue: 0, robustZ: 0, drifted: 'no', evidenceEvents: 0 },
      { agent: 'steady-bot', metric: 'error_rate', unit: 'percent', baselineDays: 10, baselineMedian: 0, baselineMad: 0, periodValue: 0, robustZ: 0, drifted: 'no', evidenceEvents: 0 },
    ]);
    expect(content.drift).toMatchObject({ baseline: { start: '2026-10-01T00:00:00.000Z', end: '2026-10-29T00:00:00.000Z', days: 28 }, threshold: 3.5 });

    // The drill-down of each drift shows that agent's events only: not the denial no agent made.
    const r = await app.gql(org.adminKey, DriftEvidence, { id: reportId });
    expect(r.errors).toBeUndefined();
    const byTitle = Object.fromEntries(r.data!.report!.findings.edges.map((e) => [e.node.title, e.node]));
    const ids = (title: string) => byTitle[title]!.evidence.edges.map((e) => e.node.clientId);
    expect(ids('drift-bot: denial rate rose above its baseline')).toEqual(['p-d3', 'p-d4', 'p-d5', 'p-d6']);
    expect(byTitle['drift-bot: denial rate rose above its baseline']!.evidence.totalCount).toBe(4);
    expect(ids('drift-bot: error rate rose above its baseline')).toEqual(['p-d10']);
    expect(ids('drift-bot: events on pii-tagged tools per day rose above its baseline')).toEqual(['p-d7', 'p-d8', 'p-d9', 'p-d10']);

    // The executive summary shows the same drifts under its risk dashboard.
    const exec = await reportOf(app, org, { type: 'executive_summary', period: PERIOD });
    expect(exec.content.findings.filter((f) => f.checkId === 'agent-drift').map((f) => [f.controlId, f.title, f.status])).toEqual([
      ['EXEC-2', 'drift-bot: denial rate rose above its baseline', 'fail'],
      ['EXEC-2', 'drift-bot: error rate rose above its baseline', 'warn'],
      ['EXEC-2', 'drift-bot: events on pii-tagged tools per day rose above its baseline', 'warn'],
    ]);
    expect(rowsOf(exec.content, 'agent_drift')).toEqual(rowsOf(content, 'agent_drift'));
  });

  it('passes when the baselined agents keep to their baseline, and is not applicable without a baseline', async () => {
    const steady = events.filter((e) => e.agentId === 'steady-bot' || e.agentId === 'young-bot');
    const org = await app.newOrg('steady fixture');
    await ingestFixture(app, org.adminKey, steady);
    const { content } = await reportOf(app, org, { type: 'soc2', period: PERIOD });
    // steady-bot's largest |z| is 0.5 (volume and agent actions): one passing finding.
    expect(findingsOf(content)['CC3.2 agent-drift']).toEqual({ status: 'pass', evidenceCount: 17 }); // agent events: steady-bot 5 + young-bot 12
    expect(content.findings.find((f) => f.checkId === 'agent-drift')!.value).toBe(0.5);

    // The first baseline day alone: nobody has a baseline yet.
    const early = await reportOf(app, org, { type: 'soc2', period: { start: '2026-10-19T00:00:00Z', end: '2026-10-20T00:00:00Z' } });
    // Not applicable; its evidence is still its population, steady-bot's 4 events of the day.
    expect(findingsOf(early.content)['CC3.2 agent-drift']).toEqual({ status: 'not_applicable', evidenceCount: 4 });
    expect(rowsOf(early.content, 'agent_drift')).toEqual([]);
  });
});
