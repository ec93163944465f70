/**
 * A real API server on the run's database, driven through `yoga.fetch`
 * with the codegen-typed documents.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { inject } from 'vitest';
import { createOrganization } from '../../src/accounts/organizations.ts';
import { createApiKey } from '../../src/accounts/api-keys.ts';
import type { Role } from '../../src/access.ts';
import { loadConfig } from '../../src/config.ts';
import { connect, type DatabaseOptions } from '../../src/db/client.ts';
import { createApiServer, type ApiServer } from '../../src/http/server.ts';
import { startJobRuntime } from '../../src/jobs/runtime.ts';
import { createLogger } from '../../src/log.ts';
import { createServices, type Services } from '../../src/services.ts';

export interface TestApp {
  services: Services;
  api: ApiServer;
  /** Sends a typed GraphQL operation with an API key. */
  gql<R, V>(key: string | null, document: TypedDocumentNode<R, V>, ...variables: V extends Record<string, never> ? [] : [V]): Promise<ExecutionResult<R> & { status: number }>;
  fetch(path: string, init?: RequestInit & { key?: string }): Promise<Response>;
  /** A fresh organisation with an admin key: each test isolates itself this way. */
  newOrg(name?: string): Promise<{ orgId: string; adminKey: string; key(role: Role): Promise<string> }>;
  close(): Promise<void>;
}

/**
 * A generated document travels as its persisted hash (as the server's manifest knows it), so every
 * test also runs the persisted path; a document built in a test (no hash) travels as text.
 */
export function operationBody(document: TypedDocumentNode<any, any> & { __meta__?: { hash?: string } }, variables: unknown) {
  const hash = document.__meta__?.hash;
  return hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables } : { query: print(document), variables };
}

export const databaseUrl = () => inject('databaseUrl');

export function testConfig(overrides: Record<string, string> = {}) {
  // Each test app gets its own job queue, so one file's workers never take another file's jobs.
  const jobSchema = `pgboss_${Math.random().toString(36).slice(2, 10)}`;
  return loadConfig({ DATABASE_URL: databaseUrl(), LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PORT: '0', JOB_SCHEMA: jobSchema, ...overrides });
}

export async function startTestApp(options: DatabaseOptions & { env?: Record<string, string>; jobs?: 'none' | 'enqueue' | 'work' } = {}): Promise<TestApp> {
  const config = testConfig(options.env);
  const database = connect(config.DATABASE_URL!, options);
  const services = createServices(config, database, createLogger(config.LOG_LEVEL));
  // Real pg-boss: 'enqueue' lets generateReport queue jobs; 'work' also runs them in this process.
  const jobs = options.jobs ?? 'work';
  const stopJobs = jobs === 'none' ? async () => {} : await startJobRuntime(services, { work: jobs === 'work', listen: true });
  const api = createApiServer(services);
  const fetch = (path: string, init: RequestInit & { key?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.key) headers.set('authorization', `Bearer ${init.key}`);
    return Promise.resolve(api.yoga.fetch(`http://test${path}`, { ...init, headers }));
  };
  return {
    services,
    api,
    fetch,
    async gql(key, document, ...variables) {
      const response = await fetch('/graphql', {
        method: 'POST',
        key: key ?? undefined,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(operationBody(document, variables[0] ?? {})),
      });
      return { ...((await response.json()) as ExecutionResult<any>), status: response.status };
    },
    async newOrg(name = 'Test org') {
      const { organization, apiKey } = await createOrganization(database.db, name);
      return {
        orgId: organization.id,
        adminKey: apiKey,
        key: async (role: Role) => (await createApiKey(database.db, organization.id, { name: role, role })).key,
      };
    },
    async close() {
      await api.close();
      await stopJobs();
      await database.close();
    },
  };
}
