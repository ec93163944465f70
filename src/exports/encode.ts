/**
 * An export's rows to bytes, batch by batch, so a file of any size is
 * written with the memory of one batch: CSV (RFC 4180, UTF-8 with BOM, cells
 * escaped against spreadsheet formula injection like the reports' CSV), a
 * JSON array, NDJSON, and Parquet through hyparquet-writer (one row group
 * per batch of rows, flushed as soon as it is encoded).
 */
import { stringify } from 'csv-stringify/sync';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { escapeCell } from '../render/csv.ts';
import type { ColumnType, ExportColumn, ExportFormat } from './kinds.ts';

export type ExportRow = Record<string, unknown>;

interface Encoder {
  /** Bytes for these rows (possibly none yet: Parquet keeps rows until a row group is full). */
  write(rows: ExportRow[]): Buffer[];
  /** The rest of the file. */
  end(): Buffer[];
}

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};

/** Rows per Parquet row group: large enough for good compression, small enough to keep a worker's memory flat. */
const PARQUET_ROW_GROUP = 20_000;

export function encoderFor(format: ExportFormat, columns: ExportColumn[]): Encoder {
  switch (format) {
    case 'csv':
      return csvEncoder(columns);
    case 'ndjson':
      return {
        write: (rows) => [Buffer.from(rows.map((r) => `${r.line as string}\n`).join(''), 'utf8')],
        end: () => [],
      };
    case 'json': {
      let first = true;
      return {
        write: (rows) => {
          if (!rows.length) return [];
          const text = (first ? '[\n' : ',\n') + rows.map((r) => r.line as string).join(',\n');
          first = false;
          return [Buffer.from(text, 'utf8')];
        },
        end: () => [Buffer.from(first ? '[]\n' : '\n]\n', 'utf8')],
      };
    }
    case 'parquet':
      return parquetEncoder(columns);
  }
}

function csvEncoder(columns: ExportColumn[]): Encoder {
  let header = true;
  const numeric = columns.map((c) => c.type === 'int' || c.type === 'float');
  const encode = (rows: unknown[][]) => Buffer.from(stringify(rows, { bom: header, record_delimiter: 'windows' }), 'utf8');
  const headerRow = () => {
    const bytes = encode([columns.map((c) => c.name)]);
    header = false;
    return bytes;
  };
  return {
    write: (rows) => {
      const out: Buffer[] = header ? [headerRow()] : [];
      if (rows.length) out.push(encode(rows.map((r) => columns.map((c, i) => (numeric[i] ? (r[c.name] ?? '') : escapeCell(r[c.name] as string | null))))));
      return out;
    },
    end: () => (header ? [headerRow()] : []),
  };
}

const PARQUET_TYPES: Record<ColumnType, { type: 'BYTE_ARRAY' | 'INT64' | 'DOUBLE'; converted_type?: 'UTF8' | 'TIMESTAMP_MILLIS' }> = {
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  // JSON values are kept as their JSON text (UTF-8), which every reader takes.
  json: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  strings: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
  int: { type: 'INT64' },
  float: { type: 'DOUBLE' },
  timestamp: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' },
};

function parquetEncoder(columns: ExportColumn[]): Encoder {
  const sink = new ByteWriter();
  const writer = new ParquetWriter({
    writer: sink,
    schema: [
      { name: 'root', num_children: columns.length },
      ...columns.map((c) => ({ name: c.name, repetition_type: 'OPTIONAL' as const, ...PARQUET_TYPES[c.type] })),
    ],
    createdBy: 'agent-reports data export',
  });
  let pending: ExportRow[] = [];
  // What the writer has produced since the last drain; the buffer is reused, so it never grows past a row group.
  const drain = (): Buffer[] => {
    if (!sink.index) return [];
    const bytes = Buffer.from(new Uint8Array(sink.buffer, 0, sink.index));
    sink.index = 0;
    return [bytes];
  };
  const flush = () => {
    if (!pending.length) return;
    const rows = pending;
    pending = [];
    const bigint = (v: unknown) => (v === null || v === undefined ? null : BigInt(Math.round(v as number)));
    void writer.write({
      columnData: columns.map((c) => ({
        name: c.name,
        data: c.type === 'int' || c.type === 'timestamp' ? rows.map((r) => bigint(r[c.name])) : rows.map((r) => (r[c.name] ?? null) as never),
      })),
      rowGroupSize: rows.length,
    });
  };
  return {
    write: (rows) => {
      for (const r of rows) pending.push(r);
      if (pending.length < PARQUET_ROW_GROUP) return [];
      flush();
      return drain();
    },
    end: () => {
      flush();
      writer.finish();
      return drain();
    },
  };
}
