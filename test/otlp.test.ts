import { gzipSync } from 'node:zlib';
import { context, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { encodeTraceRequestProtobuf } from '../src/events/otlp-wire.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const OtlpEvents = graphql(`
  query OtlpEvents($filter: AuditEventFilter) {
    auditEvents(filter: $filter, first: 100) {
      totalCount
      edges {
        node {
          clientId occurredAt environment agentId sessionId
          actor { type id }
          category action decision policyId policyVersion
          tool { name tags }
          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes
        }
      }
    }
  }
`);

let app: TestApp;
let baseUrl: string;
beforeAll(async () => {
  app = await startTestApp();
  baseUrl = await app.api.listen(0, '127.0.0.1');
});
afterAll(() => app.close());

const BASE = Date.parse('2026-03-02T09:00:00.000Z');
const at = (seconds: number) => new Date(BASE + seconds * 1000);

/** One agent run as a GenAI-instrumented agent framework would trace it. */
function emitAgentRun(tracer: Tracer) {
  const run = tracer.startSpan('invoke_agent Support Bot', {
    startTime: at(0),
    attributes: {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.id': 'agent-support',
      'gen_ai.agent.name': 'Support Bot',
      'gen_ai.conversation.id': 'conv-42',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 300,
      'governance.cost_usd': 0.042,
    },
  });
  const inRun = trace.setSpan(context.active(), run);

  tracer
    .startSpan('execute_tool crm.lookup', {
      startTime: at(1),
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'crm.lookup',
        'gen_ai.tool.type': 'function',
        'gen_ai.tool.call.id': 'call-1',
        'governance.decision': 'allow',
        'governance.policy.id': 'pii-guard',
        'governance.policy.version': '3',
        'governance.tool.tags': ['pii', 'crm'],
        'governance.data_subjects': ['customer-7'],
        'governance.personal_data': ['email', 'phone'],
        'governance.legal_basis': 'contract',
        'governance.region': 'eu-west-1',
        'governance.severity': 'low',
      },
    }, inRun)
    .end(at(2));

  const failed = tracer.startSpan('execute_tool email.send', {
    startTime: at(3),
    attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'email.send', 'gen_ai.tool.type': 'extension', 'error.type': 'timeout' },
  }, inRun);
  failed.setStatus({ code: SpanStatusCode.ERROR, message: 'SMTP timeout' });
  failed.end(at(4));

  tracer
    .startSpan('execute_tool refund.issue', {
      startTime: at(5),
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': 'refund.issue',
        'governance.decision': 'hold',
        'governance.approval.status': 'requested',
        'governance.correlation_id': 'apr-1',
        'governance.severity': 'high',
      },
    }, inRun)
    .end(at(6));

  // Plain HTTP instrumentation inside the run: not GenAI, so ignored.
  tracer.startSpan('GET /customers/7', { startTime: at(1), attributes: { 'http.request.method': 'GET' } }, inRun).end(at(2));
  run.end(at(10));
}

const resource = resourceFromAttributes({ 'service.name': 'support-gateway', 'deployment.environment.name': 'staging' });

type EventNode = NonNullable<Awaited<ReturnType<typeof eventsOf>>[number]>;

async function eventsOf(key: string) {
  const result = await app.gql(key, OtlpEvents, { filter: {} });
  expect(result.errors).toBeUndefined();
  return result.data!.auditEvents.edges.map((e) => e.node);
}

/** The four GenAI spans of `emitAgentRun`, as audit events, whichever encoding carried them. */
function expectAgentRun(events: EventNode[], traceId: string) {
  expect(events).toHaveLength(4);
  for (const event of events) expect(event.clientId).toMatch(new RegExp(`^otel:${traceId}:[0-9a-f]{16}$`));
  const byTool = (name: string) => events.find((e) => e.tool?.name === name)!;

  const run = events.find((e) => e.action === 'agent.invoked')!;
  expect(run).toMatchObject({
    occurredAt: at(0).toISOString(),
    environment: 'staging',
    agentId: 'agent-support',
    sessionId: 'conv-42',
    actor: { type: 'AGENT', id: 'agent-support' },
    category: 'MONITORING',
    outcome: 'SUCCESS',
    costUsd: 0.042,
    tool: null,
  });
  expect(run.attributes).toMatchObject({
    'gen_ai.agent.name': 'Support Bot',
    'gen_ai.usage.input_tokens': 1200,
    'gen_ai.usage.output_tokens': 300,
    'otel.span_name': 'invoke_agent Support Bot',
    'otel.duration_ms': 10_000,
    'otel.resource': { 'service.name': 'support-gateway', 'deployment.environment.name': 'staging' },
  });
  expect(run.attributes).not.toHaveProperty('governance.cost_usd');

  // Agent and conversation come from the enclosing invoke_agent span.
  expect(byTool('crm.lookup')).toMatchObject({
    occurredAt: at(1).toISOString(),
    agentId: 'agent-support',
    sessionId: 'conv-42',
    category: 'POLICY_DECISION',
    action: 'tool.invoke',
    decision: 'ALLOW',
    policyId: 'pii-guard',
    policyVersion: '3',
    tool: { name: 'crm.lookup', tags: ['pii', 'crm'] },
    dataSubjects: ['customer-7'],
    personalData: ['email', 'phone'],
    legalBasis: 'contract',
    region: 'eu-west-1',
    severity: 'LOW',
    outcome: 'SUCCESS',
  });
  expect(byTool('crm.lookup').attributes).toMatchObject({ 'gen_ai.tool.type': 'function', 'gen_ai.tool.call.id': 'call-1', 'otel.trace_id': traceId });

  expect(byTool('email.send')).toMatchObject({ category: 'TOOL_CALL', action: 'tool.call', outcome: 'FAILURE', agentId: 'agent-support', decision: null });
  expect(byTool('email.send').attributes).toMatchObject({ 'error.type': 'timeout', 'gen_ai.tool.type': 'extension', 'otel.status_code': 2, 'otel.status_message': 'SMTP timeout' });

  expect(byTool('refund.issue')).toMatchObject({ category: 'APPROVAL', action: 'approval.requested', decision: 'HOLD', correlationId: 'apr-1', severity: 'HIGH' });
}

const exportWith = (exporter: JsonExporter | ProtoExporter, spans: ReadableSpan[]) =>
  new Promise<ExportResult>((resolve) => exporter.export(spans, resolve));

describe('POST /v1/traces (OTLP/HTTP)', () => {
  it('stores the GenAI spans of an agent run sent by the SDK exporter as JSON, ignores the rest, and is idempotent on re-export', async () => {
    const org = await app.newOrg();
    const key = await org.key('ingest');
    const memory = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(memory)] });
    emitAgentRun(provider.getTracer('agent-framework', '1.0.0'));
    const spans = memory.getFinishedSpans();
    expect(spans).toHaveLength(5);

    const exporter = new JsonExporter({ url: `${baseUrl}/v1/traces`, headers: { authorization: `Bearer ${key}` } });
    expect(await exportWith(exporter, spans)).toMatchObject({ code: ExportResultCode.SUCCESS });
    const traceId = spans[0]!.spanContext().traceId;
    expectAgentRun(await eventsOf(org.adminKey), traceId);

    // An exporter retries after timeouts: the same spans again add nothing.
    expect(await exportWith(exporter, spans)).toMatchObject({ code: ExportResultCode.SUCCESS });
    expect(await eventsOf(org.adminKey)).toHaveLength(4);
    await exporter.shutdown();
    await provider.shutdown();
  });

  it('stores the same run sent as gzip protobuf through a BatchSpanProcessor', async () => {
    const org = await app.newOrg();
    const exporter = new ProtoExporter({ url: `${baseUrl}/v1/traces`, headers: { authorization: `Bearer ${org.adminKey}` }, compression: CompressionAlgorithm.GZIP });
    const memory = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter), new SimpleSpanProcessor(memory)] });
    emitAgentRun(provider.getTracer('agent-framework', '1.0.0'));
    await provider.forceFlush();
    expectAgentRun(await eventsOf(org.adminKey), memory.getFinishedSpans()[0]!.spanContext().traceId);
    await provider.shutdown();
  });

  it('answers with partial success naming the rejected span and the ignored count, and trims oversized values instead of rejecting', async () => {
    const org = await app.newOrg();
    const span = (spanId: string, attributes: Record<string, unknown>) => ({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId,
      name: `span ${spanId}`,
      kind: 1,
      startTimeUnixNano: '1772442000000000000',
      endTimeUnixNano: '1772442001500000000',
      attributes: Object.entries(attributes).map(([k, v]) => ({ key: k, value: typeof v === 'number' ? { intValue: String(v) } : { stringValue: v } })),
      status: {},
    });
    const request = {
      resourceSpans: [{
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'gw' } }] },
        scopeSpans: [{
          scope: { name: 'gw' },
          spans: [
            span('00f067aa0ba902b7', { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'x', 'governance.decision': 'maybe' }),
            span('00f067aa0ba902b8', { 'gen_ai.operation.name': 'chat', 'gen_ai.input.messages': 'p'.repeat(100 * 1024), 'gen_ai.usage.input_tokens': 25_000 }),
            span('00f067aa0ba902b9', { 'db.system.name': 'postgresql' }),
          ],
        }],
      }],
    };
    const response = await app.fetch('/v1/traces', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-otlp-ignored-spans')).toBe('1');
    const body = (await response.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    expect(body.partialSuccess.rejectedSpans).toBe('1');
    expect(body.partialSuccess.errorMessage).toMatch(/span 00f067aa0ba902b7 "span 00f067aa0ba902b7": decision must be one of allow, deny, alert, hold/);
    expect(body.partialSuccess.errorMessage).toMatch(/1 span\(s\) without gen_ai\.operation\.name or governance\.\* were ignored/);

    const [chat, ...rest] = await eventsOf(org.adminKey);
    expect(rest).toHaveLength(0);
    expect(chat).toMatchObject({ category: 'MONITORING', action: 'model.chat', occurredAt: '2026-03-02T09:00:00.000Z', actor: { type: 'SERVICE', id: 'gw' } });
    expect(chat!.attributes).not.toHaveProperty('gen_ai.input.messages');
    expect(chat!.attributes).toMatchObject({
      'gen_ai.usage.input_tokens': 25_000,
      'otel.duration_ms': 1500,
      'otel.dropped_attributes': { dropped: [{ key: 'gen_ai.input.messages' }] },
    });

    // The same request as protobuf gets a protobuf answer.
    const proto = await app.fetch('/v1/traces', { method: 'POST', key: org.adminKey, headers: { 'content-type': 'application/x-protobuf' }, body: encodeTraceRequestProtobuf(request) as Uint8Array<ArrayBuffer> });
    expect(proto.status).toBe(200);
    expect(proto.headers.get('content-type')).toBe('application/x-protobuf');
    expect(Buffer.from(await proto.arrayBuffer()).toString('latin1')).toMatch(/decision must be one of/);
    expect(await eventsOf(org.adminKey)).toHaveLength(1);
  });

  it('rejects undecodable bodies with 400 and wrong keys with 401/403, as google.rpc.Status', async () => {
    const org = await app.newOrg();
    const post = (key: string | undefined, body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      app.fetch('/v1/traces', { method: 'POST', key, headers, body });

    const notJson = await post(org.adminKey, '{"resourceSpans": [');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 3, message: expect.stringMatching(/not valid JSON/) });

    const badId = await post(org.adminKey, JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'xyz', spanId: '00f067aa0ba902b7' }] }] }] }));
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ message: expect.stringMatching(/traceId must be 32 hex digits/) });

    const badGzip = await post(org.adminKey, 'not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(badGzip.status).toBe(400);
    const gzipOk = await post(org.adminKey, gzipSync('{}'), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(gzipOk.status).toBe(200);
    expect(await gzipOk.json()).toEqual({});

    const badProto = await post(org.adminKey, new Uint8Array([0x0a, 0xff, 0xff, 0xff]), { 'content-type': 'application/x-protobuf' });
    expect(badProto.status).toBe(400);
    expect(badProto.headers.get('content-type')).toBe('application/x-protobuf');

    const unauthenticated = await post('not-a-key', '{}');
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ code: 16, message: 'The API key is not valid or has been revoked' });
    const noKey = await post(undefined, '{}');
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ message: expect.stringMatching(/Authorization: Bearer/) });
    const viewer = await post(await org.key('viewer'), '{}');
    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ code: 7, message: expect.stringMatching(/role "viewer" may not event:ingest/) });

    // The official exporter sees the 401 as a failed export.
    const exporter = new JsonExporter({ url: `${baseUrl}/v1/traces`, headers: { authorization: 'Bearer wrong' } });
    const memory = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ resource, spanProcessors: [new SimpleSpanProcessor(memory)] });
    emitAgentRun(provider.getTracer('t'));
    expect((await exportWith(exporter, memory.getFinishedSpans())).code).toBe(ExportResultCode.FAILED);
    expect(await eventsOf(org.adminKey)).toHaveLength(0);
    await provider.shutdown();
  });
});
