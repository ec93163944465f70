/**
 * Live progress at scale: N graphql-ws subscribers on one report, a real
 * worker process building it. Each change is timed from the moment
 * PostgreSQL delivered its NOTIFY (this process LISTENs on the same channel,
 * as every API process does) to its receipt by each subscriber; a change a
 * subscriber never received counts as missed.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { connect } from '../src/db/client.ts';
import { CHANNEL } from '../src/realtime/pubsub.ts';
import { workerFlags } from './worker-flags.ts';

export interface ProgressFigures {
  subscribers: number;
  changes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  missed: number;
}

const SUBSCRIPTION = 'subscription($id: ID!) { reportProgress(id: $id) { status percent stage } }';

export async function benchProgress(options: { root: string; databaseUrl: string; apiUrl: string; apiKey: string; period: { start: string; end: string }; subscribers: number }): Promise<ProgressFigures> {
  const { root, databaseUrl, apiUrl, apiKey, period, subscribers } = options;
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: 'mutation($input: GenerateReportInput!) { generateReport(input: $input) { id } }', variables: { input: { type: 'soc2', period, title: 'progress bench' } } }),
  });
  const id = ((await response.json()) as { data: { generateReport: { id: string } } }).data.generateReport.id;
  const rowId = Buffer.from(id, 'base64').toString('utf8').split(':')[1]!;

  // When each change became public: the NOTIFY's arrival here.
  const database = connect(databaseUrl, { max: 1 });
  const published = new Map<string, number>();
  const key = (c: { status: string; percent: number; stage: string }) => `${c.status.toLowerCase()}|${c.percent}|${c.stage}`;
  await database.sql.listen(CHANNEL, (payload) => {
    const change = JSON.parse(payload) as { reportId: string; status: string; percent: number; stage: string };
    if (change.reportId === rowId && !published.has(key(change))) published.set(key(change), performance.now());
  });

  const received = Array.from({ length: subscribers }, () => new Map<string, number>());
  const clients: Client[] = [];
  const done: Array<Promise<void>> = [];
  const connected: Array<Promise<void>> = [];
  for (let i = 0; i < subscribers; i++) {
    let first!: () => void;
    connected.push(new Promise<void>((resolve) => (first = resolve)));
    const client = createClient({ url: apiUrl.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${apiKey}` }, retryAttempts: 0 });
    clients.push(client);
    done.push(new Promise<void>((resolve, reject) => {
      client.subscribe<{ reportProgress: { status: string; percent: number; stage: string } }>(
        { query: SUBSCRIPTION, variables: { id } },
        {
          next: (value) => {
            const change = value.data!.reportProgress;
            if (!received[i]!.has(key(change))) received[i]!.set(key(change), performance.now());
            first();
          },
          error: reject,
          complete: resolve,
        },
      );
    }));
  }
  // Every subscriber holds the current state (pending) before the worker starts.
  await Promise.all(connected);

  const worker = spawn(process.execPath, [...workerFlags(root), path.join(root, 'src/main.ts'), 'worker'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', REPORT_STEP_DELAY_MS: '50' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await Promise.all(done);
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGTERM');
  await exited;
  await Promise.all(clients.map((c) => c.dispose()));
  await database.close();

  const latencies: number[] = [];
  let missed = 0;
  for (const [change, at] of published) {
    for (const got of received) {
      const t = got.get(change);
      if (t === undefined) missed++;
      else latencies.push(t - at);
    }
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(1));
  return { subscribers, changes: published.size, p50Ms: pct(0.5), p95Ms: pct(0.95), maxMs: Number((latencies.at(-1) ?? 0).toFixed(1)), missed };
}
