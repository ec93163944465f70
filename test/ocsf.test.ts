import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const OcsfEvents = graphql(`
  query OcsfEvents {
    auditEvents(first: 100) {
      totalCount
      edges {
        node {
          clientId occurredAt agentId sessionId
          actor { type id }
          category action decision tool { name } resource severity outcome correlationId region attributes
        }
      }
    }
  }
`);

// Copied from ../shared/standards/ocsf/samples (sources in fixtures/ocsf/SOURCES.md): a clean clone has no ../shared.
const SAMPLES = new URL('./fixtures/ocsf/', import.meta.url);
const samples = Object.fromEntries(
  readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.ocsf.json'))
    .map((f) => [f.split('.')[0]!, JSON.parse(readFileSync(new URL(f, SAMPLES), 'utf8')) as Record<string, unknown>]),
);

const authentication = {
  class_uid: 3002, category_uid: 3, activity_id: 1, type_uid: 300201, time: 1767261600000, severity_id: 1, status_id: 2,
  user: { uid: 'u-17', name: 'dana', email_addr: 'dana@example.com' }, session: { uid: 'sess-9' },
  service: { name: 'agent-console' }, is_mfa: true, metadata: { uid: 'auth-1', version: '1.8.0', product: { name: 'IdP' } },
};
const authorizeSession = {
  class_uid: 3003, category_uid: 3, activity_id: 1, type_uid: 300301, time: 1767261660000, severity_id: 3, status_id: 1,
  user: { uid: 'u-17', name: 'dana' }, privileges: ['SeDebugPrivilege'], metadata: { uid: 'authz-1', version: '1.8.0', product: { name: 'IdP' } },
};
const injectionFinding = {
  class_uid: 2004, category_uid: 2, activity_id: 1, type_uid: 200401, time: 1767261720000, severity_id: 4,
  finding_info: { uid: 'f-inj-1', title: 'Prompt injection in retrieved document', types: ['AI/Prompt Injection'] },
  ai_agent: { uid: 'agent-support', name: 'Support Bot' }, metadata: { uid: 'find-1', version: '1.9.0', product: { name: 'Guardrail' } },
};
const agentApiCall = {
  class_uid: 6003, category_uid: 6, activity_id: 3, type_uid: 600303, time: 1767261780000, severity_id: 1, status_id: 1,
  api: { operation: 'AttachRolePolicy', service: { name: 'iam.amazonaws.com' } }, actor: { app_name: 'provisioner' },
  src_endpoint: { ip: '10.0.0.1' }, metadata: { uid: 'api-2', version: '1.8.0', product: { name: 'CloudTrail' } },
};

/** Line 4 is the v1.5.0 sample's defect (a trailing comma); line 5 a class we do not map; line 9 is too big to keep whole. */
const lines = [
  JSON.stringify(samples.api_activity_6003),
  JSON.stringify(samples.account_change_3001),
  JSON.stringify(samples.detection_finding_2004),
  '{"class_uid": 6003, "api": {"operation": "GetObject", "service": {"name": "s3"},}, "time": 1}',
  JSON.stringify({ class_uid: 4001, class_name: 'Network Activity', time: 1767261600000, metadata: { uid: 'net-1' } }),
  JSON.stringify(authentication),
  JSON.stringify(authorizeSession),
  JSON.stringify(injectionFinding),
  JSON.stringify({ ...agentApiCall, metadata: { uid: 'api-big' }, raw_data: 'x'.repeat(70 * 1024) }),
  JSON.stringify(agentApiCall),
];

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function ingestOcsf(key: string, body: string) {
  const response = await app.fetch('/ingest?format=ocsf', { method: 'POST', key, body, headers: { 'content-type': 'application/x-ndjson' } });
  expect(response.status).toBe(200);
  return (await response.json()) as { accepted: number; duplicates: number; rejected: number; rejections: Array<{ line: number; field: string; message: string }> };
}

describe('POST /ingest?format=ocsf', () => {
  it('maps the five classes, keeps every original whole, rejects bad lines by number, and never stores a line twice', async () => {
    const org = await app.newOrg();
    const key = await org.key('ingest');
    const first = await ingestOcsf(key, lines.join('\n') + '\n');
    expect(first).toMatchObject({ accepted: 7, duplicates: 0, rejected: 3 });
    expect(first.rejections.map((r) => r.line)).toEqual([4, 5, 9]);
    expect(first.rejections[0]!.message).toMatch(/not valid JSON/);
    expect(first.rejections[1]).toEqual({
      line: 5,
      field: 'class_uid',
      message: 'OCSF class 4001 (Network Activity) is not supported; supported classes are 2004 Detection Finding, 3001 Account Change, 3002 Authentication, 3003 Authorize Session, 6003 API Activity',
    });
    expect(first.rejections[2]).toMatchObject({ field: 'attributes.ocsf', message: expect.stringMatching(/is kept whole in attributes\.ocsf.*trim raw_data/) });

    const result = await app.gql(org.adminKey, OcsfEvents);
    expect(result.errors).toBeUndefined();
    const events = result.data!.auditEvents.edges.map((e) => e.node);
    expect(events).toHaveLength(7);
    const byOriginal = (original: object) => {
      const found = events.filter((e) => isDeepEqual((e.attributes as { ocsf: unknown }).ocsf, original));
      expect(found, JSON.stringify(original).slice(0, 80)).toHaveLength(1);
      return found[0]!;
    };

    // Nothing lost: each original comes back deep-equal from attributes.ocsf.
    expect(byOriginal(samples.api_activity_6003!)).toMatchObject({
      clientId: 'ocsf:71c88be9-ea5c-43c7-8c82-example',
      occurredAt: '2023-09-21T22:22:52.000Z',
      actor: { type: 'USER', id: 'arn:aws:iam::1111111111111:user/Level6' },
      category: 'TOOL_CALL',
      action: 'api.read',
      tool: { name: 'DescribeDirectConnectGateways' },
      resource: 'directconnect.amazonaws.com',
      severity: 'INFO',
      outcome: 'SUCCESS',
      region: 'us-east-1',
    });
    expect(byOriginal(samples.account_change_3001!)).toMatchObject({
      clientId: 'ocsf:7dd15a89-ae0f-4340-8e6c-example',
      occurredAt: '2023-03-17T17:07:59.000Z',
      actor: { type: 'USER', id: 'arn:aws:sts::112233445566:assumed-role/Admin/Admin-user' },
      category: 'ADMIN',
      action: 'user.created',
      resource: 'arn:aws:iam::112233445566:user/test_user2',
      outcome: 'SUCCESS',
    });
    const guardDuty = byOriginal(samples.detection_finding_2004!);
    expect(guardDuty).toMatchObject({
      occurredAt: '2023-09-19T15:05:22.487Z',
      category: 'THREAT_INTEL',
      action: 'finding.created',
      severity: 'LOW',
      outcome: null,
      correlationId: 'arn:aws:guardduty:us-east-2:111111111111:detector/1ac1bfceda6679698215d5d0EXAMPLE/finding/a6c556fcbc9bea427a19f8b787099a0b',
      resource: 'AWS::IAM::AccessKey:ASIATMJPC7EXAMPLE',
      region: 'us-east-2',
    });
    // No metadata.uid: the idempotency key is the hash of the canonical original.
    expect(guardDuty.clientId).toMatch(/^ocsf:sha256:[0-9a-f]{64}$/);
    expect(byOriginal(authentication)).toMatchObject({ category: 'AUTH', action: 'auth.logon', outcome: 'FAILURE', actor: { type: 'USER', id: 'u-17' }, sessionId: 'sess-9', resource: 'agent-console' });
    expect(byOriginal(authorizeSession)).toMatchObject({ category: 'AUTH', action: 'session.privileges_assigned', severity: 'MEDIUM', resource: 'u-17' });
    expect(byOriginal(injectionFinding)).toMatchObject({ category: 'INJECTION', action: 'injection.detected', agentId: 'agent-support', actor: { type: 'AGENT', id: 'agent-support' }, severity: 'HIGH', correlationId: 'f-inj-1' });
    expect(byOriginal(agentApiCall)).toMatchObject({ category: 'ADMIN', action: 'api.update', actor: { type: 'SERVICE', id: 'provisioner' } });

    const again = await ingestOcsf(key, lines.join('\n'));
    expect(again).toMatchObject({ accepted: 0, duplicates: 7, rejected: 3 });
  });

  it('rejects a line without a class or time, and a line that is not an object, by line number', async () => {
    const org = await app.newOrg();
    const body = ['[1]', JSON.stringify({ time: 1 }), JSON.stringify({ class_uid: 3002 }), JSON.stringify({ ...authentication, metadata: { uid: 'ok' } })].join('\n');
    const result = await ingestOcsf(org.adminKey, body);
    expect(result).toMatchObject({ accepted: 1, rejected: 3 });
    expect(result.rejections).toEqual([
      { line: 1, field: '', message: 'an OCSF event must be a JSON object, got an array' },
      { line: 2, field: 'class_uid', message: expect.stringMatching(/^is required: an integer OCSF class id; supported classes are 2004 Detection Finding/) },
      { line: 3, field: 'time', message: expect.stringMatching(/^is required: the OCSF event time in epoch milliseconds/) },
    ]);
  });
});

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toStrictEqual(b);
    return true;
  } catch {
    return false;
  }
}
