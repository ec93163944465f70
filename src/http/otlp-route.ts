/**
 * `POST /v1/traces`: the OTLP/HTTP trace receiver, so an OpenTelemetry SDK
 * exporter pointed at us (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the API key in
 * OTEL_EXPORTER_OTLP_HEADERS) needs no glue. Answers follow the OTLP/HTTP
 * spec: ExportTraceServiceResponse on 200 (partial success names rejected
 * spans), google.rpc.Status on failures, in the encoding of the request.
 */
import { gunzipSync } from 'node:zlib';
import { DomainError, httpStatusOf, RateLimitedError } from '../errors.ts';
import { ingestRecords, type SourceRecord } from '../events/ingest.ts';
import { mapSpans, type MappedSpan } from '../events/otlp.ts';
import { decodeTraceRequest, encodeRpcStatus, encodeTraceResponse, OtlpDecodeError, type Encoding } from '../events/otlp-wire.ts';
import { addRoute, authorize, BodyTooLarge, CLOSE_AFTER, errorResponse, readLimited } from './routes.ts';

/** OTLP exporters batch at most a few thousand spans; a body beyond this is not one export. */
export const MAX_OTLP_BODY_BYTES = 16 * 1024 * 1024;
const MAX_ERROR_MESSAGE_CHARS = 4096;
const IGNORED_SPANS_HEADER = 'x-otlp-ignored-spans';

/** google.rpc.Code values that OTLP clients read from the Status body. */
const RPC_CODE: Record<string, number> = { BAD_USER_INPUT: 3, UNAUTHENTICATED: 16, FORBIDDEN: 7, NOT_FOUND: 5, RATE_LIMITED: 8, CONFLICT: 6 };

const CONTENT_TYPES: Record<string, Encoding> = { 'application/json': 'json', 'application/x-protobuf': 'protobuf', 'application/protobuf': 'protobuf' };

addRoute({
  method: 'POST',
  path: '/v1/traces',
  handler: async ({ request, services }) => {
    const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const encoding = CONTENT_TYPES[mediaType];
    const reply = (status: number, body: Uint8Array, headers: Record<string, string> = {}) =>
      new Response(body as Uint8Array<ArrayBuffer>, { status, headers: { 'content-type': encoding === 'protobuf' ? 'application/x-protobuf' : 'application/json', ...headers } });
    const fail = (status: number, code: number, message: string, headers: Record<string, string> = {}) =>
      reply(status, encodeRpcStatus(code, message, encoding ?? 'json'), headers);

    try {
      const principal = await authorize(request, services, 'event:ingest');
      if (!encoding) {
        return fail(415, 3, `Content-Type must be application/json or application/x-protobuf (an OTLP/HTTP trace export); got "${mediaType || 'none'}"`);
      }
      const contentEncoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
      if (contentEncoding !== 'identity' && contentEncoding !== 'gzip') {
        return fail(415, 3, `Content-Encoding must be gzip or absent; got "${contentEncoding}"`);
      }
      let body: Buffer;
      try {
        body = await readLimited(request, MAX_OTLP_BODY_BYTES);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        return fail(413, 3, `the request body is over ${MAX_OTLP_BODY_BYTES} bytes; export smaller batches (OTEL_BSP_MAX_EXPORT_BATCH_SIZE)`, CLOSE_AFTER);
      }
      if (contentEncoding === 'gzip') {
        try {
          body = gunzipSync(body, { maxOutputLength: MAX_OTLP_BODY_BYTES });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
            return fail(413, 3, `the decompressed body is over ${MAX_OTLP_BODY_BYTES} bytes; export smaller batches`);
          }
          return fail(400, 3, `the body is not valid gzip (${(error as Error).message})`);
        }
      }

      services.metrics.ingestBytes.inc({ route: 'otlp' }, body.length);
      const spans = decodeTraceRequest(body, encoding);
      const { events, ignored } = mapSpans(spans);
      const records: SourceRecord[] = events.map(({ event }, index) => ({ line: index + 1, event }));
      const result = await ingestRecords(services.database, principal.orgId, records);
      services.metrics.eventsIngested.inc({ route: 'otlp' }, result.accepted);
      services.metrics.eventsRejected.inc({ route: 'otlp' }, result.rejectedCount);
      if (result.accepted) {
        await services.eventsStored(principal.orgId);
      }

      const problems = result.rejected.map((r) => describeRejection(events[r.line - 1]!, r.field, r.message));
      if (result.rejectedCount > result.rejected.length) problems.push(`and ${result.rejectedCount - result.rejected.length} more`);
      if (ignored) problems.push(`${ignored} span(s) without gen_ai.operation.name or governance.* were ignored (not GenAI spans)`);
      const partial = problems.length ? { rejectedSpans: result.rejectedCount, errorMessage: truncate(problems.join('; ')) } : null;
      return reply(200, encodeTraceResponse(partial, encoding), { [IGNORED_SPANS_HEADER]: String(ignored) });
    } catch (error) {
      if (error instanceof OtlpDecodeError) return fail(400, 3, `not an OTLP trace export request: ${error.message}`);
      if (error instanceof DomainError) {
        const headers: Record<string, string> = error instanceof RateLimitedError ? { 'retry-after': String(error.retryAfterSeconds) } : {};
        return fail(httpStatusOf[error.code], RPC_CODE[error.code] ?? 2, error.message, headers);
      }
      return errorResponse(error, services);
    }
  },
});

function describeRejection(mapped: MappedSpan, field: string, message: string): string {
  return `span ${mapped.span.spanId} "${mapped.span.name}": ${field ? `${field} ` : ''}${message}`;
}

const truncate = (text: string) => (text.length > MAX_ERROR_MESSAGE_CHARS ? `${text.slice(0, MAX_ERROR_MESSAGE_CHARS - 1)}…` : text);
