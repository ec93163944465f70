/**
 * OpenAPI 3.1 description of the HTTP routes beside GraphQL, served at
 * GET /openapi.json (no key). GraphQL itself is described by its schema
 * (schema.graphql, introspection); the console's static files are not listed.
 * test/openapi.test.ts checks every route the server registers is here and
 * validates the server's real answers against these schemas.
 */
import { addRoute } from './routes.ts';

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, RATE_LIMITED, CONFLICT, GONE, UNAVAILABLE or INTERNAL_SERVER_ERROR.' },
        message: { type: 'string', description: 'What is wrong and how to fix it.' },
        field: { type: 'string', description: 'The input at fault, when one is.' },
      },
    },
  },
} as const;

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const bearer = [{ apiKey: [] }];
const standardErrors = {
  '400': error('Bad input: the message says what is wrong and how to fix it.'),
  '401': error('No API key, or a revoked or unknown one.'),
  '403': error("The key's role may not do this."),
  '429': { ...error('Over the API key\'s rate limit; retry after the Retry-After header\'s seconds.'), headers: { 'Retry-After': { schema: { type: 'string' } } } },
};
const reportId = { name: 'id', in: 'path', required: true, description: 'The report\'s global id (Report.id, URL-encoded) or its UUID.', schema: { type: 'string' } } as const;
const exportId = { name: 'id', in: 'path', required: true, description: 'The export\'s global id or its UUID.', schema: { type: 'string' } } as const;
const token = { name: 'token', in: 'path', required: true, description: 'The share link\'s token (the last segment of its URL).', schema: { type: 'string' } } as const;
const ordinal = { name: 'ordinal', in: 'path', required: true, description: 'The finding\'s ordinal in the report (1, 2, …).', schema: { type: 'string', pattern: '^[0-9]+$' } } as const;
const binary = (type: string) => ({ [type]: { schema: { type: 'string', contentMediaType: type } } });
const html = { description: 'An HTML page.', content: binary('text/html') };

const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Agent governance reports: HTTP routes',
    version: '1.0.0',
    summary: 'The routes beside GraphQL (POST /graphql, with its own schema).',
    description: 'Bulk ingest, OTLP traces, report and export downloads, finding evidence, share links, health and metrics. Authenticated routes take an API key as `Authorization: Bearer <key>`.',
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  components: {
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (createApiKey, or `org create`).' },
      metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN.' },
    },
    schemas: {
      Error: errorBody,
      Health: { type: 'object', required: ['ok'], properties: { ok: { type: 'boolean' }, reason: { type: 'string' } } },
      IngestSummary: {
        type: 'object',
        required: ['accepted', 'duplicates', 'rejected', 'rejections'],
        properties: {
          accepted: { type: 'integer', minimum: 0, description: 'Events stored now.' },
          duplicates: { type: 'integer', minimum: 0, description: 'Events whose id was stored before.' },
          rejected: { type: 'integer', minimum: 0, description: 'Lines rejected in all.' },
          rejections: {
            type: 'array',
            description: 'The first rejected lines, each with its line number, field and reason.',
            items: { type: 'object', required: ['line', 'field', 'message'], properties: { line: { type: 'integer', minimum: 1 }, field: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  },
  paths: {
    '/healthz': {
      get: { summary: 'Liveness: the process answers.', operationId: 'healthz', security: [], responses: { '200': { description: 'Alive.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } } } },
    },
    '/readyz': {
      get: {
        summary: 'Readiness: the database answers.',
        operationId: 'readyz',
        security: [],
        responses: {
          '200': { description: 'Ready.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } },
          '503': { description: 'The database is unreachable.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } },
        },
      },
    },
    '/ingest': {
      post: {
        summary: 'Stores audit events sent as NDJSON (one event per line; gzip allowed).',
        operationId: 'ingest',
        security: bearer,
        parameters: [{ name: 'format', in: 'query', required: false, description: 'ocsf: the lines are OCSF events, mapped to audit events.', schema: { type: 'string', enum: ['ocsf'] } }],
        requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
        responses: {
          '200': { description: 'What was stored and what was rejected, by line.', content: { 'application/json': { schema: { $ref: '#/components/schemas/IngestSummary' } } } },
          ...standardErrors,
          '413': { description: 'Over INGEST_MAX_BYTES or INGEST_MAX_LINES: the lines before the limit are stored.', content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Error' }, { $ref: '#/components/schemas/IngestSummary' }] } } } },
        },
      },
    },
    '/v1/traces': {
      post: {
        summary: 'OTLP/HTTP trace export (JSON or protobuf, gzip allowed): GenAI spans become audit events.',
        operationId: 'otlpTraces',
        security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } }, 'application/x-protobuf': { schema: { type: 'string', contentMediaType: 'application/x-protobuf' } } } },
        responses: {
          '200': { description: 'ExportTraceServiceResponse; partialSuccess names rejected spans.', content: { 'application/json': { schema: { type: 'object', properties: { partialSuccess: { type: 'object' } } } }, ...binary('application/x-protobuf') } },
          '400': { description: 'Not an OTLP trace export request (an OTLP Status).', content: { 'application/json': { schema: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'integer' }, message: { type: 'string' } } } }, ...binary('application/x-protobuf') } },
          '401': { description: 'No API key, or an unknown one (an OTLP Status).', content: { 'application/json': { schema: { type: 'object' } }, ...binary('application/x-protobuf') } },
          '403': { description: 'The key may not ingest (an OTLP Status).', content: { 'application/json': { schema: { type: 'object' } }, ...binary('application/x-protobuf') } },
          '413': { description: 'The body is too large (an OTLP Status).', content: { 'application/json': { schema: { type: 'object' } }, ...binary('application/x-protobuf') } },
          '415': { description: 'Neither JSON nor protobuf (an OTLP Status).', content: { 'application/json': { schema: { type: 'object' } } } },
          '429': { description: 'Over the rate limit.', content: { 'application/json': { schema: { type: 'object' } }, ...binary('application/x-protobuf') } },
        },
      },
    },
    '/reports/{id}/download': {
      get: {
        summary: 'A completed report as a file (auditor or admin).',
        operationId: 'downloadReport',
        security: bearer,
        parameters: [reportId, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv', 'md', 'pdf', 'oscal', 'bundle'], default: 'pdf' } }],
        responses: {
          '200': {
            description: 'The file; ETag is its SHA-256 (weak for the bundle, assembled per request).',
            headers: { ETag: { schema: { type: 'string' } }, 'Content-Disposition': { schema: { type: 'string' } } },
            content: { 'application/json': { schema: { type: 'object' } }, ...binary('application/zip'), ...binary('text/markdown'), ...binary('application/pdf') },
          },
          '304': { description: 'Not modified (If-None-Match).' },
          ...standardErrors,
          '404': error('No such report in this organisation.'),
          '409': error('The report is not completed yet.'),
          '410': error('The files were deleted by retention; the findings and hash remain.'),
        },
      },
    },
    '/reports/{id}/findings/{ordinal}/evidence': {
      get: {
        summary: 'Every evidence event of one finding, as NDJSON (auditor or admin).',
        operationId: 'findingEvidence',
        security: bearer,
        parameters: [reportId, ordinal],
        responses: {
          '200': { description: 'One audit event per line.', headers: { 'X-Evidence-Count': { schema: { type: 'string' } } }, content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
          ...standardErrors,
          '404': error('No such report or finding.'),
          '409': error('The report is not completed yet.'),
        },
      },
    },
    '/exports/{id}/download': {
      get: {
        summary: 'A completed data export (its file, or a bundle with its signed manifest).',
        operationId: 'downloadExport',
        security: bearer,
        parameters: [exportId, { name: 'as', in: 'query', required: false, schema: { type: 'string', enum: ['file', 'bundle'], default: 'file' } }],
        responses: {
          '200': { description: 'The file.', content: { 'application/x-ndjson': { schema: { type: 'string' } }, ...binary('application/zip'), ...binary('application/vnd.apache.parquet'), ...binary('application/gzip') } },
          '304': { description: 'Not modified (If-None-Match).' },
          ...standardErrors,
          '404': error('No such export in this organisation.'),
          '409': error('The export is not completed yet.'),
          '410': error('The file was deleted by retention.'),
        },
      },
    },
    '/exports/{id}/manifest': {
      get: {
        summary: 'The signed manifest of a data export; the Ed25519 signature in headers.',
        operationId: 'exportManifest',
        security: bearer,
        parameters: [exportId],
        responses: {
          '200': { description: 'The exact signed manifest bytes.', headers: { 'X-Signature-Ed25519': { schema: { type: 'string' } }, 'X-Signature-Key-Id': { schema: { type: 'string' } } }, content: { 'application/json': { schema: { type: 'object' } } } },
          ...standardErrors,
          '404': error('No such export in this organisation.'),
          '409': error('The export is not completed yet.'),
          '410': error('The export expired.'),
        },
      },
    },
    '/packages/{id}/download': {
      get: {
        summary: "A completed compliance package's PDF or zip (every report's formats, the exports, the signed manifest).",
        operationId: 'downloadPackage',
        security: bearer,
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'CompliancePackage.id (global id) or its UUID.', schema: { type: 'string' } },
          { name: 'file', in: 'query', required: false, schema: { type: 'string', enum: ['pdf', 'zip'], default: 'zip' } },
        ],
        responses: {
          '200': { description: 'The file.', content: { ...binary('application/pdf'), ...binary('application/zip') } },
          '304': { description: 'Not modified (If-None-Match).' },
          ...standardErrors,
          '404': error('No such package in this organisation.'),
          '409': error('The package is not completed yet.'),
          '410': error('The files were deleted by retention.'),
        },
      },
    },
    '/shared/{token}': {
      get: { summary: 'The shared report, read-only in the browser (or the password form).', operationId: 'sharedPage', security: [], parameters: [token], responses: { '200': html, '401': html, '404': html, '410': html, '429': html } },
      post: {
        summary: 'The password of a protected link (form post); sets the session cookie.',
        operationId: 'sharedPassword',
        security: [],
        parameters: [token],
        requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { password: { type: 'string' } } } } } },
        responses: { '303': { description: 'Right password: to the page, with the session cookie.' }, '401': html, '404': html, '410': html, '429': html },
      },
    },
    '/shared/{token}/findings/{ordinal}': {
      get: {
        summary: 'One finding of the shared report with a page of its evidence.',
        operationId: 'sharedFinding',
        security: [],
        parameters: [token, ordinal, { name: 'after', in: 'query', required: false, description: 'The next page\'s cursor, as the previous page linked it.', schema: { type: 'string' } }],
        responses: { '200': html, '400': html, '401': html, '404': html, '410': html },
      },
    },
    '/shared/{token}/download': {
      get: {
        summary: 'A file of the shared report, in the formats the link allows.',
        operationId: 'sharedDownload',
        security: [],
        parameters: [token, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv', 'md', 'pdf', 'oscal', 'bundle'] } }],
        responses: { '200': { description: 'The file.', content: { 'application/json': { schema: { type: 'object' } }, ...binary('application/zip'), ...binary('text/markdown'), ...binary('application/pdf') } }, '401': html, '404': html, '410': html },
      },
    },
    '/metrics': {
      get: {
        summary: 'Prometheus metrics, when METRICS_TOKEN is set (else not served here; see METRICS_PORT).',
        operationId: 'metrics',
        security: [{ metricsToken: [] }],
        responses: { '200': { description: 'Prometheus text exposition format.', content: { 'text/plain': { schema: { type: 'string' } } } }, '401': error('No metrics token, or a wrong one.'), '404': { description: 'Metrics are not served on this port.' } },
      },
    },
    '/openapi.json': {
      get: { summary: 'This document.', operationId: 'openapi', security: [], responses: { '200': { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } } } },
    },
  },
} as const;

addRoute({ method: 'GET', path: '/openapi.json', handler: () => Response.json(openApiDocument, { headers: { 'cache-control': 'public, max-age=300' } }) });
