/**
 * Persisted documents: a generated document's hash (codegen's manifest) runs its text; an unknown
 * hash is PERSISTED_QUERY_NOT_FOUND; PERSISTED_DOCUMENTS=only refuses any other document's text
 * with PERSISTED_QUERY_ONLY, and by default (allow) any text still runs.
 */
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ViewerDocument } from '../client/graphql.ts';
import { ConsoleViewerDocument } from '../src/web/app/gql/graphql.ts';
import { startTestApp, type TestApp } from './support/app.ts';

type Answer = { status: number; data?: { viewer?: { keyName: string; role: string } } | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

const viewerHash = (ViewerDocument as { __meta__?: { hash?: string } }).__meta__!.hash!;
const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: {} });

async function post(app: TestApp, key: string, body: unknown): Promise<Answer> {
  const response = await app.fetch('/graphql', { method: 'POST', key, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

describe.each([['allow'], ['only']] as const)('PERSISTED_DOCUMENTS=%s', (mode) => {
  let app: TestApp;
  let key: string;
  beforeAll(async () => {
    app = await startTestApp({ jobs: 'none', env: { PERSISTED_DOCUMENTS: mode } });
    key = (await app.newOrg(`Persisted ${mode}`)).adminKey;
  });
  afterAll(() => app.close());

  it('the generated manifest holds the document under the hash the client sends', () => {
    const manifest = JSON.parse(readFileSync('client/persisted-documents.json', 'utf8')) as Record<string, string>;
    expect(viewerHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(manifest[viewerHash]).toContain('query Viewer');
  });

  it('runs a persisted document sent as its hash alone', async () => {
    const answer = await post(app, key, persisted(viewerHash));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.viewer).toMatchObject({ keyName: 'admin', role: 'ADMIN' });
  });

  it('runs the console documents sent as their hash', async () => {
    const hash = (ConsoleViewerDocument as { __meta__?: { hash?: string } }).__meta__!.hash!;
    const answer = await post(app, key, persisted(hash));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.viewer?.role).toBe('ADMIN');
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const answer = await post(app, key, persisted(`sha256:${'0'.repeat(64)}`));
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(answer.errors?.[0]?.message).toMatch(/No persisted document has this hash/);
    expect(answer.status).toBe(400);
  });

  it('a persisted document\'s own text runs in either mode (the console\'s subscriptions send text)', async () => {
    const answer = await post(app, key, { query: ConsoleViewerDocument.toString(), variables: {} });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.viewer?.role).toBe('ADMIN');
  });

  it('applies the same rule to operations sent over a WebSocket', async () => {
    const url = (await app.api.listen(0, '127.0.0.1')).replace('http', 'ws') + '/graphql';
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` }, retryAttempts: 0, lazy: true });
    const first = async (payload: { query: string; extensions?: Record<string, unknown> }) => {
      for await (const result of client.iterate(payload)) return result as Omit<Answer, 'status'>;
    };
    try {
      expect((await first({ query: '', ...persisted(viewerHash) }))?.data?.viewer?.role).toBe('ADMIN');
      const text: Omit<Answer, 'status'> | undefined = await first({ query: '{ viewer { role } }' }).catch((errors: Answer['errors']) => ({ errors }));
      if (mode === 'only') expect(text?.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
      else expect(text?.data?.viewer?.role).toBe('ADMIN');
    } finally {
      await client.dispose();
    }
  });

  if (mode === 'allow') {
    it('runs any other document sent as text', async () => {
      const answer = await post(app, key, { query: '{ viewer { role keyName } }' });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.viewer?.role).toBe('ADMIN');
    });
  } else {
    it('refuses any other document sent as text with PERSISTED_QUERY_ONLY', async () => {
      const answer = await post(app, key, { query: '{ viewer { role keyName } }' });
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
      expect(answer.errors?.[0]?.message).toMatch(/runs only persisted documents/);
      expect(answer.status).toBe(400);
    });
  }
});
