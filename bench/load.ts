/** What the benchmarks share: the read loads, one autocannon run with its p95, and a process's CPU time. */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** A GraphQL caller with an API key, for the benchmarks' setup; errors throw. */
export function graphqlCaller(apiUrl: string, apiKey: string) {
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  };
}

/** The two 50-client read loads of `npm run bench` and `npm run bench:reads`. */
export const readLoads = (soc2ReportId: string) => ({
  list: { name: 'reports list', query: '{ reports(first: 20) { totalCount edges { node { id type status score grade createdAt } } } }' },
  report: {
    name: 'report(id) with findings',
    query: `{ report(id: "${soc2ReportId}") { id score grade summary integrity { contentSha256 } findings(first: 50) { edges { node { id status severity title evidenceCount control { id title } } } } } }`,
  },
});

export interface LoadFigures {
  requestsPerSecond: number;
  requests: number;
  p50: number;
  p95: number;
  p97_5: number;
  max: number;
  errors: number;
}

/** One autocannon load of 50 clients for 8 s; p95 from the response times it emits (its summary stops at p90 and p97.5). */
export async function readLoad(apiUrl: string, apiKey: string, query: string): Promise<LoadFigures> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: `${apiUrl}/graphql`,
      method: 'POST',
      connections: 50,
      duration: 8,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query }),
    }, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const at = (p: number) => Number((times[Math.min(times.length - 1, Math.floor(times.length * p))] ?? 0).toFixed(1));
  return {
    requestsPerSecond: Math.round(result.requests.average),
    requests: result.requests.total,
    p50: result.latency.p50,
    p95: at(0.95),
    p97_5: result.latency.p97_5,
    max: result.latency.max,
    errors: result.errors + result.non2xx,
  };
}

/** User + system CPU time of a process so far, in ms (Linux /proc; 0 elsewhere). */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}
