/**
 * `npm run bench:compare -- SINGLE.json CLUSTER.json`: two `npm run bench` results
 * (written under .bench/) side by side, typically one PostgreSQL and a Citus
 * cluster of the same size of trail: ingest as a ratio to each run's own COPY
 * floor, and the cluster's figures as ratios to the single node's, with the
 * targets of docs/citus.md.
 */
import { readFileSync } from 'node:fs';

interface Result {
  ingest: { events: number; eventsPerSecond: number; copyFloor: { eventsPerSecond: number; ingestRatio: number }; graphql: { eventsPerSecond: number } };
  reports: { generation: Array<{ type: string; seconds: number }>; rollup: { seconds: number } };
}

const [singleFile, clusterFile] = process.argv.slice(2);
if (!singleFile || !clusterFile) throw new Error('usage: npm run bench:compare -- SINGLE.json CLUSTER.json');
const [single, cluster] = [singleFile, clusterFile].map((f) => JSON.parse(readFileSync(f, 'utf8')) as Result) as [Result, Result];
if (single.ingest.events !== cluster.ingest.events) console.warn(`different sizes: ${single.ingest.events} and ${cluster.ingest.events} events`);

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const rows: Array<[string, string, string, string, string]> = [
  ['NDJSON ingest / its COPY floor', `${single.ingest.copyFloor.ingestRatio}×`, `${cluster.ingest.copyFloor.ingestRatio}×`, '', 'single ≥ 0.9×'],
  ['NDJSON ingest, events/s', String(single.ingest.eventsPerSecond), String(cluster.ingest.eventsPerSecond), ratio(cluster.ingest.eventsPerSecond, single.ingest.eventsPerSecond), '≥ 0.7×'],
  ['COPY floor, rows/s', String(single.ingest.copyFloor.eventsPerSecond), String(cluster.ingest.copyFloor.eventsPerSecond), ratio(cluster.ingest.copyFloor.eventsPerSecond, single.ingest.copyFloor.eventsPerSecond), ''],
  ['GraphQL ingest, events/s', String(single.ingest.graphql.eventsPerSecond), String(cluster.ingest.graphql.eventsPerSecond), ratio(cluster.ingest.graphql.eventsPerSecond, single.ingest.graphql.eventsPerSecond), ''],
  ['roll-up after ingest, s', String(single.reports.rollup.seconds), String(cluster.reports.rollup.seconds), ratio(cluster.reports.rollup.seconds, single.reports.rollup.seconds), ''],
  ...single.reports.generation.map((g): [string, string, string, string, string] => {
    const c = cluster.reports.generation.find((x) => x.type === g.type);
    return [`generate ${g.type}, s`, String(g.seconds), c ? String(c.seconds) : '-', c ? ratio(c.seconds, g.seconds) : '-', '≤ 1.5×'];
  }),
];
const header: [string, string, string, string, string] = ['figure', 'single', 'cluster', 'cluster / single', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const row of [header, ...rows]) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
