/** Domain code knows nothing of GraphQL: the schema is a thin face over it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const DOMAIN_DIRS = ['accounts', 'events', 'reports', 'frameworks', 'render', 'jobs', 'demo', 'sharing', 'realtime'];
const FORBIDDEN = /from ['"](graphql|graphql-yoga|@pothos\/[^'"]+|graphql\/[^'"]+)['"]/;

function files(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
    });
  } catch {
    return [];
  }
}

it('domain modules never import graphql, graphql-yoga or Pothos', () => {
  const checked = DOMAIN_DIRS.flatMap((d) => files(path.join('src', d)));
  expect(checked.length).toBeGreaterThan(10);
  const offenders = checked.filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
