/** Hostile GraphQL requests are refused with clear errors before they run. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LIMITS } from '../src/http/limits.ts';
import { startTestApp, type TestApp } from './support/app.ts';

let app: TestApp;
let key: string;
beforeAll(async () => {
  app = await startTestApp();
  key = (await app.newOrg()).adminKey;
});
afterAll(() => app.close());

const post = (body: unknown) =>
  app.fetch('/graphql', { method: 'POST', key, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

it('refuses too many aliases', async () => {
  const query = `{ ${Array.from({ length: LIMITS.maxAliases + 5 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`;
  const body = (await (await post({ query })).json()) as { errors: Array<{ message: string }> };
  expect(body.errors[0]!.message).toMatch(/aliases/i);
});

it('refuses documents with too many tokens', async () => {
  const query = `{ viewer { ${'role '.repeat(LIMITS.maxTokens)} } }`;
  const body = (await (await post({ query })).json()) as { errors: Array<{ message: string }> };
  expect(body.errors[0]!.message).toMatch(/token/i);
});

it('refuses request bodies over the size limit with 413', async () => {
  const response = await post({ query: '{ viewer { role } }', variables: { padding: 'x'.repeat(LIMITS.maxBodyBytes) } });
  expect(response.status).toBe(413);
  const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0]!.message).toContain('/ingest');
});

it('refuses a body sent without a length (chunked) once it streams past the size limit, and takes one within it', async () => {
  const chunked = (text: string) =>
    app.api.yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < text.length; i += 64 * 1024) controller.enqueue(new TextEncoder().encode(text.slice(i, i + 64 * 1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
  const big = await chunked(JSON.stringify({ query: '{ viewer { role } }', variables: { padding: 'x'.repeat(LIMITS.maxBodyBytes) } }));
  expect(big.status).toBe(413);
  const refused = (await big.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(refused.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  const small = await chunked(JSON.stringify({ query: '{ viewer { role } }' }));
  expect(small.status).toBe(200);
  expect(((await small.json()) as { data: { viewer: { role: string } } }).data.viewer.role).toBe('ADMIN');
});

it('limits batched operations', async () => {
  const ok = await post(Array.from({ length: LIMITS.maxBatch }, () => ({ query: '{ viewer { role } }' })));
  expect(ok.status).toBe(200);
  expect(await ok.json()).toHaveLength(LIMITS.maxBatch);
  const tooMany = await post(Array.from({ length: LIMITS.maxBatch + 1 }, () => ({ query: '{ viewer { role } }' })));
  const body = (await tooMany.json()) as { errors?: Array<{ message: string }> };
  expect(body.errors?.[0]?.message).toMatch(/batch/i);
});

it('masks internal errors and never leaks a stack trace', async () => {
  const response = await post('{ this is not json');
  const text = await response.text();
  expect(response.status).toBe(400);
  expect(text).not.toMatch(/at .*\.ts:\d+/);
});

it('lets the drill-down through and refuses findings ↔ evidence nested again', async () => {
  const drill = `{ reports(first: 8) { edges { node { findings(first: 100) { edges { node { evidence(first: 10) { edges { node { id action } } } } } } } } } }`;
  const allowed = (await (await post({ query: drill })).json()) as { errors?: unknown[] };
  expect(allowed.errors).toBeUndefined();
  const evil = `{ reports(first: 8) { edges { node { findings(first: 100) { edges { node { evidence(first: 10) { edges { node { findings { evidence(first: 10) { edges { node { findings { id } } } } } } } } } } } } } } }`;
  const refused = (await (await post({ query: evil })).json()) as { errors: Array<{ message: string }> };
  expect(refused.errors[0]!.message).toMatch(/(depth|cost) limit/i);
});

it('caps page sizes at 500 with a clear error', async () => {
  const body = (await (await post({ query: '{ reports(first: 501) { totalCount } }' })).json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  expect(body.errors[0]!.message).toMatch(/500/);
});
