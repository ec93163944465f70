/** Per-key rate limits: RATE_LIMITED with HTTP 429 and Retry-After, other keys unaffected. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphql } from '../client/gql.ts';
import { RateLimiter } from '../src/accounts/rate-limiter.ts';
import { startTestApp, type TestApp } from './support/app.ts';

const Role = graphql(`
  query RateLimitedRole {
    viewer { role }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '5' } });
});
afterAll(() => app.close());

it('answers RATE_LIMITED with 429 and Retry-After once a key exceeds its rate', async () => {
  const org = await app.newOrg();
  for (let i = 0; i < 5; i++) expect((await app.gql(org.adminKey, Role)).errors).toBeUndefined();
  const response = await app.fetch('/graphql', {
    method: 'POST',
    key: org.adminKey,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  });
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
  expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
  // Another key of the same organisation has its own bucket.
  const other = await org.key('viewer');
  expect((await app.gql(other, Role)).data?.viewer.role).toBe('VIEWER');
});

it('refills over time', () => {
  const limiter = new RateLimiter(60);
  const t0 = 1_000_000;
  for (let i = 0; i < 60; i++) expect(limiter.take('k', t0)).toBe(0);
  expect(limiter.take('k', t0)).toBe(1);
  expect(limiter.take('k', t0 + 1_000)).toBe(0);
});
