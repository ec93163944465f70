/**
 * `POST /ingest`: NDJSON (optionally gzip), streamed line by line into
 * batched COPY. The body is never held whole: a line is parsed, validated
 * and batched as it arrives, and reading pauses while batches are stored.
 * `?format=` picks how a JSON line maps to the contract (absent = the contract itself).
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { badInput, isDatabaseUnavailable, UNAVAILABLE_RETRY_SECONDS } from '../errors.ts';
import { IngestInterrupted, ingestRecords, type IngestResult, type SourceRecord } from '../events/ingest.ts';
import { mapOcsfLine } from '../events/ocsf.ts';
import type { Services } from '../services.ts';
import { addRoute, authorize } from './routes.ts';

/** Maps one parsed JSON line to a contract-shaped event, or rejects it; `plain`: the line has no backslash. */
type LineMapper = (parsed: unknown, line: number, plain: boolean) => SourceRecord;

const lineFormats = new Map<string, LineMapper>([
  ['ndjson', (parsed, line, plain) => ({ line, event: parsed, plain })],
  ['ocsf', mapOcsfLine],
]);

const MAX_LINE_BYTES = 1024 * 1024;

addRoute({
  method: 'POST',
  path: '/ingest',
  handler: async ({ request, url, services }) => {
    const principal = await authorize(request, services, 'event:ingest');
    const format = url.searchParams.get('format') ?? 'ndjson';
    const mapper = lineFormats.get(format);
    if (!mapper) throw badInput('format', `format must be one of ${[...lineFormats.keys()].join(', ')}; got "${format}"`);
    const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== 'gzip') {
      throw badInput('Content-Encoding', `Content-Encoding must be gzip or absent; got "${encoding}"`);
    }
    if (!request.body) throw badInput('body', 'send the events as NDJSON: one JSON object per line');

    let body: AsyncIterable<Uint8Array> = uncancelledChunks(request.body);
    if (encoding === 'gzip') body = Readable.from(body, { objectMode: false }).pipe(createGunzip());
    body = countedBytes(body, (n) => services.metrics.ingestBytes.inc({ route: 'ingest' }, n));
    // Bounded after decompression: a small gzip of endless blank lines must not hold the request.
    // Reading stops at a ceiling; what came before it is stored as if the body ended there.
    const ceiling: Ceiling = { maxBytes: services.config.INGEST_MAX_BYTES, maxLines: services.config.INGEST_MAX_LINES };

    let result: IngestResult;
    try {
      result = await ingestRecords(services.database, principal.orgId, records(lineGroups(body, MAX_LINE_BYTES, ceiling), mapper));
    } catch (error) {
      if (error instanceof IngestInterrupted) {
        await services.eventsStored(principal.orgId);
        return interrupted(error, services);
      }
      throw error;
    }
    services.metrics.eventsIngested.inc({ route: 'ingest' }, result.accepted);
    services.metrics.eventsRejected.inc({ route: 'ingest' }, result.rejectedCount);
    if (result.accepted) {
      await services.eventsStored(principal.orgId);
    }
    if (ceiling.exceeded) {
      const through = ceiling.throughLine ?? 0;
      const message = `${ceiling.exceeded}; reading stopped there. Lines 1-${through} are stored (or rejected, as listed); send the lines after ${through} in another request.`;
      return Response.json({ error: { code: 'BAD_USER_INPUT', field: 'body', message }, ...summary(result), confirmedThroughLine: through }, { status: 413, headers: { connection: 'close' } });
    }
    return Response.json(summary(result));
  },
});

/** The chunks as they pass, their bytes counted (after decompression). */
async function* countedBytes(body: AsyncIterable<Uint8Array>, count: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of body) {
    count(chunk.byteLength);
    yield chunk;
  }
}

/**
 * The body's chunks, read without `Readable.fromWeb` (the server's body may be
 * a ponyfilled stream). Stopping early releases the stream instead of
 * cancelling it: cancelling destroys the socket, and the client would get a
 * connection reset instead of the error response that says what was stored.
 */
async function* uncancelledChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

const summary = (result: IngestResult) => ({
  accepted: result.accepted,
  duplicates: result.duplicates,
  rejected: result.rejectedCount,
  rejections: result.rejected,
});

/**
 * Storing stopped part-way: say why, and what is stored for sure (every
 * event up to `confirmedThroughLine`), so the client re-sends the rest; events
 * with an `id` are stored once however often they are sent.
 */
function interrupted(error: IngestInterrupted, services: Services): Response {
  const cause = error.cause;
  const line = error.confirmedThroughLine;
  const resend = line ? `Lines 1-${line} are stored; send the lines after ${line} again` : 'Nothing is confirmed stored; send the whole body again';
  let status: number;
  let problem: { code: string; message: string; field?: string };
  const headers: Record<string, string> = {};
  if (isDatabaseUnavailable(cause)) {
    status = 503;
    headers['retry-after'] = String(UNAVAILABLE_RETRY_SECONDS);
    problem = { code: 'UNAVAILABLE', message: `The database became unavailable while storing events. ${resend} (events with an id are never stored twice).` };
  } else if (isZlibError(cause)) {
    status = 400;
    problem = { code: 'BAD_USER_INPUT', field: 'body', message: `The gzip body is corrupt or truncated (${(cause as Error).message}). ${resend}.` };
  } else {
    services.log.error('ingestion stopped', { confirmedThroughLine: line, err: cause instanceof Error ? cause : new Error(String(cause)) });
    status = 500;
    problem = { code: 'INTERNAL_SERVER_ERROR', message: `Unexpected error. ${resend}.` };
  }
  return Response.json({ error: problem, ...summary(error.stored), confirmedThroughLine: line }, { status, headers });
}

/** zlib reports a bad stream with Z_* codes (Z_DATA_ERROR, Z_BUF_ERROR for a cut-off body). */
function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/** The ceilings of one body; `exceeded` says which was passed, `throughLine` the last line read whole before it. */
export interface Ceiling {
  maxBytes: number;
  maxLines: number;
  exceeded?: string;
  throughLine?: number;
}

/** The records of each group of lines, a group at a time (one await per chunk of the body, not per line). */
async function* records(groups: AsyncIterable<NumberedLine[]>, mapper: LineMapper): AsyncGenerator<SourceRecord[]> {
  for await (const group of groups) {
    const out: SourceRecord[] = new Array(group.length);
    for (let i = 0; i < group.length; i++) out[i] = record(group[i]!, mapper);
    yield out;
  }
}

function record({ line, text }: NumberedLine, mapper: LineMapper): SourceRecord {
  if (text === null) {
    return { line, rejection: { field: '', message: `line is longer than ${MAX_LINE_BYTES} bytes; split the event or move large payloads elsewhere` } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { line, rejection: { field: '', message: `is not valid JSON (${(error as Error).message})` } };
  }
  // One scan of the line spares a check of every string for NUL, lone surrogates and COPY's escapes.
  return mapper(parsed, line, !text.includes('\\'));
}

/** A line and its 1-based number; `text` is null for a line over `MAX_LINE_BYTES`. */
interface NumberedLine {
  line: number;
  text: string | null;
}

const NEWLINE = 0x0a;

/** `lineGroups`, a line at a time. */
export async function* splitLines(chunks: AsyncIterable<Buffer | Uint8Array>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<NumberedLine> {
  for await (const group of lineGroups(chunks, maxLineBytes)) yield* group;
}

/**
 * Splits a byte stream into lines, yielding the lines each chunk completes
 * together. Lines split across chunks are joined; CRLF ends a line like LF;
 * blank lines are skipped but still counted, so numbers match the client's
 * file. Each chunk is decoded once (up to its last newline), and a line over
 * the limit is skipped without being kept.
 */
async function* lineGroups(chunks: AsyncIterable<Buffer | Uint8Array>, maxLineBytes = MAX_LINE_BYTES, ceiling?: Ceiling): AsyncGenerator<NumberedLine[]> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let oversized = false;
  let lineNumber = 0;
  let group: NumberedLine[] = [];

  // Past a ceiling nothing more is read: the lines before it are yielded, and the body ends there.
  const maxLines = ceiling?.maxLines ?? Infinity;
  const maxBytes = ceiling?.maxBytes ?? Infinity;
  let bytes = 0;
  let over = false;
  const counted = () => !(over ||= ++lineNumber > maxLines);
  const stop = (why: string, throughLine: number) => {
    if (ceiling) Object.assign(ceiling, { exceeded: why, throughLine });
  };
  const emit = (text: string) => {
    if (!counted()) return;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.length > maxLineBytes / 3 && Buffer.byteLength(text) > maxLineBytes) {
      group.push({ line: lineNumber, text: null });
      return;
    }
    if (text.trim() === '') return;
    group.push({ line: lineNumber, text });
  };
  const tooLong = () => {
    if (!counted()) return;
    group.push({ line: lineNumber, text: null });
  };

  let cut = false;
  for await (const raw of chunks) {
    let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (bytes + chunk.length > maxBytes) {
      // Only the lines that end within the ceiling are read; the one it cuts is dropped.
      chunk = chunk.subarray(0, maxBytes - bytes);
      cut = true;
    }
    bytes += chunk.length;
    const first = chunk.indexOf(NEWLINE);
    if (first === -1) {
      if (cut) break;
      if (!oversized) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes > maxLineBytes) {
          oversized = true;
          pending = [];
          pendingBytes = 0;
        }
      }
      continue;
    }
    // The line that began in earlier chunks ends at `first`.
    if (oversized) {
      tooLong();
      oversized = false;
    } else if (pendingBytes + first > maxLineBytes) {
      tooLong();
    } else {
      pending.push(chunk.subarray(0, first));
      emit(Buffer.concat(pending).toString('utf8'));
    }
    pending = [];
    pendingBytes = 0;

    const last = chunk.lastIndexOf(NEWLINE);
    if (last > first) {
      for (const text of chunk.toString('utf8', first + 1, last).split('\n')) {
        if (over) break;
        emit(text);
      }
    }
    const rest = chunk.subarray(last + 1);
    if (rest.length > maxLineBytes) oversized = true;
    else if (rest.length) {
      // Copied: the chunk's memory may be reused by the stream that produced it.
      pending.push(Buffer.from(rest));
      pendingBytes = rest.length;
    }
    if (over) {
      // The line that passed the ceiling is not one of the body's.
      lineNumber = maxLines;
      stop(`The body has more than ${maxLines} lines (blank lines count; INGEST_MAX_LINES)`, maxLines);
    } else if (cut) stop(`The body is over ${maxBytes} bytes (decompressed; INGEST_MAX_BYTES)`, lineNumber);
    if (group.length) {
      yield group;
      group = [];
    }
    if (over || cut) return;
  }
  if (cut) {
    stop(`The body is over ${maxBytes} bytes (decompressed; INGEST_MAX_BYTES)`, lineNumber);
    return;
  }
  if (oversized) tooLong();
  else if (pendingBytes) emit(Buffer.concat(pending).toString('utf8'));
  if (over) stop(`The body has more than ${maxLines} lines (blank lines count; INGEST_MAX_LINES)`, maxLines);
  if (group.length) yield group;
}
