/**
 * OTLP/HTTP trace export requests, both encodings, decoded into one plain
 * span shape; and the ExportTraceServiceResponse / google.rpc.Status
 * answers in the encoding the client sent.
 *
 * The message definitions are those of opentelemetry-proto
 * (collector/trace/v1/trace_service.proto, trace/v1/trace.proto,
 * common/v1/common.proto, resource/v1/resource.proto), reduced to the
 * fields we read: protobuf skips unknown fields, so nothing else matters.
 * @opentelemetry/otlp-transformer ships no generated root (it hand-writes
 * its encoder), hence the schema here.
 */
import protobuf from 'protobufjs';

const OTLP_PROTO = `
syntax = "proto3";
package otlp;
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
message ExportTraceServiceResponse { ExportTracePartialSuccess partial_success = 1; }
message ExportTracePartialSuccess { int64 rejected_spans = 1; string error_message = 2; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; string schema_url = 3; }
message Resource { repeated KeyValue attributes = 1; uint32 dropped_attributes_count = 2; }
message ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; string schema_url = 3; }
message InstrumentationScope { string name = 1; string version = 2; repeated KeyValue attributes = 3; }
message Span {
  bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; fixed32 flags = 16;
  string name = 5; int32 kind = 6; fixed64 start_time_unix_nano = 7; fixed64 end_time_unix_nano = 8;
  repeated KeyValue attributes = 9; uint32 dropped_attributes_count = 10;
  repeated SpanEvent events = 11; uint32 dropped_events_count = 12; Status status = 15;
}
message SpanEvent { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3; }
message Status { string message = 2; int32 code = 3; }
message AnyValue {
  oneof value {
    string string_value = 1; bool bool_value = 2; int64 int_value = 3; double double_value = 4;
    ArrayValue array_value = 5; KeyValueList kvlist_value = 6; bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValueList { repeated KeyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message RpcStatus { int32 code = 1; string message = 2; }
`;

const root = protobuf.parse(OTLP_PROTO).root;
const RequestType = root.lookupType('otlp.ExportTraceServiceRequest');
const ResponseType = root.lookupType('otlp.ExportTraceServiceResponse');
const RpcStatusType = root.lookupType('otlp.RpcStatus');

export type Encoding = 'json' | 'protobuf';

export const STATUS_CODE_ERROR = 2;

/** A span with its resource and scope, ids in lowercase hex, times as decimal nanosecond strings. */
export interface WireSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Record<string, unknown>;
  status: { code: number; message: string | null };
  events: Array<{ name: string; timeUnixNano: string; attributes: Record<string, unknown> }>;
  resource: Record<string, unknown>;
  scope: { name: string | null; version: string | null };
}

/** The body is not an OTLP trace export request; the message says why. */
export class OtlpDecodeError extends Error {
  override name = 'OtlpDecodeError';
}

export function decodeTraceRequest(body: Uint8Array, encoding: Encoding): WireSpan[] {
  let message: unknown;
  if (encoding === 'json') {
    try {
      message = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch (error) {
      throw new OtlpDecodeError(`the body is not valid JSON (${(error as Error).message})`);
    }
    if (!isObject(message)) throw new OtlpDecodeError('the body must be a JSON ExportTraceServiceRequest object with "resourceSpans"');
  } else {
    try {
      // Same field names as the OTLP JSON mapping (lowerCamelCase), bytes as base64, int64 as strings.
      message = RequestType.toObject(RequestType.decode(body), { longs: String, bytes: String, defaults: false });
    } catch (error) {
      throw new OtlpDecodeError(`the body is not a protobuf ExportTraceServiceRequest (${(error as Error).message})`);
    }
  }
  return flatten(message as Record<string, unknown>, encoding);
}

function flatten(request: Record<string, unknown>, encoding: Encoding): WireSpan[] {
  const ids = encoding === 'json' ? hexId : base64Id;
  const spans: WireSpan[] = [];
  for (const resourceSpans of list(request.resourceSpans, 'resourceSpans')) {
    const resource = attributeMap(asObject(resourceSpans.resource)?.attributes, encoding);
    for (const scopeSpans of list(resourceSpans.scopeSpans, 'resourceSpans[].scopeSpans')) {
      const scope = asObject(scopeSpans.scope);
      for (const span of list(scopeSpans.spans, 'scopeSpans[].spans')) {
        const traceId = ids(span.traceId, 16, 'traceId');
        const spanId = ids(span.spanId, 8, 'spanId');
        if (!traceId || !spanId) throw new OtlpDecodeError(`every span needs a traceId and a spanId; span "${String(span.name ?? '')}" has ${traceId ? 'no spanId' : 'no traceId'}`);
        const status = asObject(span.status);
        spans.push({
          traceId,
          spanId,
          parentSpanId: ids(span.parentSpanId, 8, 'parentSpanId'),
          name: typeof span.name === 'string' ? span.name : '',
          kind: enumNumber(span.kind, SPAN_KINDS),
          startTimeUnixNano: nanos(span.startTimeUnixNano, 'startTimeUnixNano'),
          endTimeUnixNano: nanos(span.endTimeUnixNano, 'endTimeUnixNano'),
          attributes: attributeMap(span.attributes, encoding),
          status: { code: enumNumber(status?.code, STATUS_CODES), message: typeof status?.message === 'string' && status.message ? status.message : null },
          events: list(span.events, 'spans[].events').map((event) => ({
            name: typeof event.name === 'string' ? event.name : '',
            timeUnixNano: nanos(event.timeUnixNano, 'events[].timeUnixNano'),
            attributes: attributeMap(event.attributes, encoding),
          })),
          resource,
          scope: { name: typeof scope?.name === 'string' ? scope.name : null, version: typeof scope?.version === 'string' ? scope.version : null },
        });
      }
    }
  }
  return spans;
}

const SPAN_KINDS: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0, SPAN_KIND_INTERNAL: 1, SPAN_KIND_SERVER: 2, SPAN_KIND_CLIENT: 3, SPAN_KIND_PRODUCER: 4, SPAN_KIND_CONSUMER: 5,
};
const STATUS_CODES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

/** OTLP JSON must send enums as integers; some senders use the names, which cost nothing to accept. */
function enumNumber(value: unknown, names: Record<string, number>): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') return names[value] ?? (/^\d+$/.test(value) ? Number(value) : 0);
  return 0;
}

function list(value: unknown, path: string): Array<Record<string, unknown>> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new OtlpDecodeError(`${path} must be an array`);
  return value.filter(isObject);
}

const HEX = /^[0-9a-f]*$/i;

function hexId(value: unknown, bytes: number, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !HEX.test(value) || value.length !== bytes * 2) {
    throw new OtlpDecodeError(`${field} must be ${bytes * 2} hex digits (the OTLP JSON encoding of ids), got ${JSON.stringify(value)}`);
  }
  return allZero(value) ? null : value.toLowerCase();
}

function base64Id(value: unknown, bytes: number, field: string): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const raw = Buffer.from(value, 'base64');
  if (raw.length !== bytes) throw new OtlpDecodeError(`${field} must be ${bytes} bytes, got ${raw.length}`);
  const hex = raw.toString('hex');
  return allZero(hex) ? null : hex;
}

const allZero = (hex: string) => /^0*$/.test(hex);

function nanos(value: unknown, field: string): string {
  if (value === undefined || value === null) return '0';
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value.replace(/^0+(?=\d)/, '');
  throw new OtlpDecodeError(`${field} must be an unsigned integer of nanoseconds (a decimal string in OTLP JSON), got ${JSON.stringify(value)}`);
}

function attributeMap(value: unknown, encoding: Encoding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of list(value, 'attributes')) {
    if (typeof kv.key !== 'string') continue;
    out[kv.key] = anyValue(kv.value, encoding);
  }
  return out;
}

/** AnyValue → plain JSON: int64 beyond 2^53 stays a decimal string, bytes become base64. */
function anyValue(value: unknown, encoding: Encoding): unknown {
  const v = asObject(value);
  if (!v) return null;
  if (typeof v.stringValue === 'string') return v.stringValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (v.intValue !== undefined && v.intValue !== null) {
    const n = Number(v.intValue);
    return Number.isSafeInteger(n) ? n : String(v.intValue);
  }
  if (v.doubleValue !== undefined && v.doubleValue !== null) {
    const n = Number(v.doubleValue);
    return Number.isFinite(n) ? n : String(v.doubleValue);
  }
  if (isObject(v.arrayValue)) return list(v.arrayValue.values, 'arrayValue.values').map((x) => anyValue(x, encoding));
  if (isObject(v.kvlistValue)) return attributeMap(v.kvlistValue.values, encoding);
  if (typeof v.bytesValue === 'string') return v.bytesValue;
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asObject = (v: unknown) => (isObject(v) ? v : null);

/** Full success is an empty response; otherwise `partialSuccess` (rejectedSpans 0 with a message is a warning). */
export function encodeTraceResponse(partial: { rejectedSpans: number; errorMessage: string } | null, encoding: Encoding): Uint8Array {
  if (encoding === 'json') {
    const body = partial ? { partialSuccess: { rejectedSpans: String(partial.rejectedSpans), errorMessage: partial.errorMessage } } : {};
    return new TextEncoder().encode(JSON.stringify(body));
  }
  const message = partial ? { partialSuccess: { rejectedSpans: partial.rejectedSpans, errorMessage: partial.errorMessage } } : {};
  return ResponseType.encode(ResponseType.fromObject(message)).finish();
}

/** The google.rpc.Status body OTLP/HTTP sends with a failure status. */
export function encodeRpcStatus(code: number, message: string, encoding: Encoding): Uint8Array {
  if (encoding === 'json') return new TextEncoder().encode(JSON.stringify({ code, message }));
  return RpcStatusType.encode(RpcStatusType.fromObject({ code, message })).finish();
}

/** Test and tooling helper: the protobuf bytes of a JSON-mapped request (ids in hex). */
export function encodeTraceRequestProtobuf(request: Record<string, unknown>): Uint8Array {
  const withBytes = JSON.parse(JSON.stringify(request), (key, value) =>
    (key === 'traceId' || key === 'spanId' || key === 'parentSpanId') && typeof value === 'string' ? Buffer.from(value, 'hex') : value,
  );
  return RequestType.encode(RequestType.fromObject(withBytes)).finish();
}
