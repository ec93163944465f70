/**
 * The export half of `npm run bench`: gateway decisions of the whole bench
 * period exported by a real worker process in each format, in rows/s, as a
 * ratio to the floor of PostgreSQL's own `COPY (same query) TO STDOUT` read
 * by a client that discards the bytes, and the worker's peak memory.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { exportQuery, type ExportFormat } from '../src/exports/kinds.ts';
import { withWorker, type WorkerBenchOptions } from './harness.ts';

export interface ExportFigures {
  rows: number;
  /** COPY TO STDOUT of the NDJSON query: PostgreSQL producing the same lines, nothing stored. */
  copyFloor: { seconds: number; rowsPerSecond: number; mib: number };
  formats: Array<{ format: ExportFormat; seconds: number; rowsPerSecond: number; mib: number; ratioToCopy: number }>;
  workerPeakRssMiB: number;
}

const FORMATS: ExportFormat[] = ['ndjson', 'csv', 'parquet', 'json'];

/** A literal for a COPY statement (which takes no parameters): uuids, ISO times and numbers only. */
const literal = (value: unknown) => (typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`);

export function benchExports(options: WorkerBenchOptions): Promise<ExportFigures> {
  const { orgId } = options;
  return withWorker(options, async ({ gql, database, worker, period: { start, end, watermark } }) => {
    // The floor: the NDJSON query itself, its lines produced by PostgreSQL and read off the wire.
    const query = exportQuery('decisions', 'ndjson', { orgId, start, end, watermark, filters: {} });
    const inlined = query.text.replace(/\$(\d+)/g, (_m, n: string) => literal(query.params[Number(n) - 1]));
    let copyBytes = 0;
    const copyStarted = performance.now();
    const readable = await database.sql.unsafe(`copy (${inlined}) to stdout`).readable();
    await pipeline(readable, new Writable({ write: (chunk: Buffer, _e, done) => { copyBytes += chunk.length; done(); } }));
    const copySeconds = (performance.now() - copyStarted) / 1000;

    const formats: ExportFigures['formats'] = [];
    let rows = 0;
    for (const format of FORMATS) {
      const { requestDataExport } = await gql('mutation($input: RequestDataExportInput!) { requestDataExport(input: $input) { id } }', {
        input: { kind: 'DECISIONS', format: format.toUpperCase(), period: { start: start.toISOString(), end: end.toISOString() } },
      });
      const id = Buffer.from(requestDataExport.id as string, 'base64').toString('utf8').split(':')[1]!;
      for (;;) {
        const [row] = await database.sql`select status, error, row_count::float8 as rows, size_bytes::float8 as bytes,
                                           extract(epoch from completed_at - started_at)::float8 as seconds
                                         from data_exports where org_id = ${orgId} and id = ${id}`;
        if (row!.status === 'completed') {
          rows = Number(row!.rows);
          const seconds = Number(row!.seconds);
          formats.push({ format, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(rows / seconds), mib: Math.round(Number(row!.bytes) / 1048576), ratioToCopy: Number((seconds / copySeconds).toFixed(2)) });
          break;
        }
        if (row!.status === 'failed') throw new Error(`export ${format} failed: ${row!.error}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      // The bench's database keeps only the figures, not the files.
      await database.sql`delete from export_chunks where org_id = ${orgId} and export_id = ${id}`;
    }
    const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
    const workerPeakRssMiB = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    return { rows, copyFloor: { seconds: Number(copySeconds.toFixed(2)), rowsPerSecond: Math.round(rows / copySeconds), mib: Math.round(copyBytes / 1048576) }, formats, workerPeakRssMiB };
  });
}

export function exportRows(e: ExportFigures): Array<[string, string]> {
  return [
    [`export decisions: COPY TO floor (${e.rows.toLocaleString('en')} rows)`, `${e.copyFloor.seconds} s = ${e.copyFloor.rowsPerSecond.toLocaleString('en')} rows/s, ${e.copyFloor.mib} MiB`],
    ...e.formats.map((f): [string, string] => [`export decisions as ${f.format}`, `${f.seconds} s = ${f.rowsPerSecond.toLocaleString('en')} rows/s, ${f.mib} MiB, ${f.ratioToCopy}x the COPY floor`]),
    ['export worker peak RSS (VmHWM)', `${e.workerPeakRssMiB} MiB`],
  ];
}
