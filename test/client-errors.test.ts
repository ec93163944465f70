/**
 * A client's mistakes are answered with their code and logged as what they
 * are: NUL characters in any string argument are BAD_USER_INPUT naming the
 * argument (never a failed query), `node(id:)` of a type that cannot be
 * loaded by id is NOT_FOUND, and NOT_FOUND, BAD_USER_INPUT, FORBIDDEN and
 * UNAUTHENTICATED are logged at info without the document, never at error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app.ts';

let app: TestApp;
let org: Awaited<ReturnType<TestApp['newOrg']>>;
/** The service's own log lines (JSON on stderr), captured while the app runs at debug level. */
const lines: Array<{ level: string; msg: string; [key: string]: unknown }> = [];
const realWrite = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.startsWith('{"time"')) continue;
      lines.push(JSON.parse(line));
      return true;
    }
    return (realWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  app = await startTestApp({ jobs: 'none', env: { LOG_LEVEL: 'debug' } });
  org = await app.newOrg('Client errors');
});
afterAll(async () => {
  process.stderr.write = realWrite;
  await app.close();
});

async function send(query: string, variables: Record<string, unknown> = {}, key: string | null = org.adminKey) {
  const response = await app.fetch('/graphql', { method: 'POST', key: key ?? undefined, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> };
}

/** Runs `fn` and returns the log lines it wrote. */
async function logged(fn: () => Promise<unknown>) {
  const from = lines.length;
  await fn();
  return lines.slice(from);
}

const gid = (text: string) => Buffer.from(text).toString('base64');
const UUID = '5f0c4a8e-1d2b-4c3a-9e8f-7a6b5c4d3e2f';

describe('NUL characters', () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ['auditEvents agentIds, inline', 'query { auditEvents(filter: {agentIds: ["\\u0000"]}, first: 1) { totalCount } }', {}, 'auditEvents.filter.agentIds'],
    ['reports type, inline', 'query { reports(filter: {type: "\\u0000"}) { totalCount } }', {}, 'reports.filter.type'],
    ['createApiKey name, inline', 'mutation { createApiKey(input: {name: "\\u0000", role: VIEWER}) { key } }', {}, 'createApiKey.input.name'],
    ['reports type, in a variable', 'query($f: ReportFilter) { reports(filter: $f) { totalCount } }', { f: { type: 'soc2\u0000' } }, 'reports.filter.type'],
    ['createApiKey name, in a variable', 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }', { input: { name: 'a\u0000b', role: 'VIEWER' } }, 'createApiKey.input.name'],
    ['auditEvents agentIds, in a variable list', 'query($ids: [String!]) { auditEvents(filter: {agentIds: $ids}, first: 1) { totalCount } }', { ids: ['ok', '\u0000'] }, 'auditEvents.filter.agentIds[1]'],
  ];
  for (const [what, query, variables, field] of cases) {
    it(`answers BAD_USER_INPUT naming ${field} (${what}) and logs no error`, async () => {
      let result!: Awaited<ReturnType<typeof send>>;
      const during = await logged(async () => (result = await send(query, variables)));
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0]?.message).toContain('NUL');
      expect(during.filter((l) => l.level === 'error')).toEqual([]);
    });
  }

  it('stores nothing from a mutation refused for a NUL', async () => {
    await send('mutation { createApiKey(input: {name: "nul\\u0000key", role: VIEWER}) { key } }');
    const rows = await app.services.database.sql`select 1 from api_keys where org_id = ${org.orgId} and name like 'nul%'`;
    expect(rows).toHaveLength(0);
  });
});

describe('node(id:)', () => {
  for (const id of [`Schedule:${UUID}`, `ShareLink:${UUID}`, 'Foo:1', `Report:${UUID}`]) {
    it(`answers NOT_FOUND for ${id} and logs no error`, async () => {
      let result!: Awaited<ReturnType<typeof send>>;
      const during = await logged(async () => (result = await send('query($id: ID!) { node(id: $id) { id } }', { id: gid(id) })));
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(result.data).toEqual({ node: null });
      expect(during.filter((l) => l.level === 'error')).toEqual([]);
    });
  }

  it('answers each id of nodes(ids:) on its own', async () => {
    const result = await send('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [gid(`Schedule:${UUID}`), gid('Foo:1')] });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
  });
});

describe('log levels', () => {
  it('logs NOT_FOUND, BAD_USER_INPUT, FORBIDDEN and UNAUTHENTICATED at info, without the document', async () => {
    const viewer = await org.key('viewer');
    const marker = 'documentMarker';
    const during = await logged(async () => {
      expect((await send(`query ${marker}($id: ID!) { report(id: $id) { id } }`, { id: gid(`Report:${UUID}`) })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await send(`mutation ${marker} { createApiKey(input: {name: "", role: VIEWER}) { key } }`)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await send(`mutation ${marker} { createApiKey(input: {name: "x", role: VIEWER}) { key } }`, {}, viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await send(`query ${marker} { viewer { role } }`, {}, 'agr_wrong')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
    expect(during.filter((l) => l.level === 'error')).toEqual([]);
    expect(JSON.stringify(during)).not.toContain(marker);
    const refused = during.filter((l) => l.msg === 'request refused').map((l) => l.code);
    expect(refused).toEqual(expect.arrayContaining(['NOT_FOUND', 'BAD_USER_INPUT', 'FORBIDDEN']));
  });
});

describe('HTTP routes', () => {
  it('answers GET /ingest 405 naming POST', async () => {
    const response = await app.fetch('/ingest', { key: org.adminKey });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('/ingest takes POST, not GET');
  });
});
