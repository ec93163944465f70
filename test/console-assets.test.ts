/**
 * The console's build and its GraphQL documents: every operation the page
 * sends is valid against schema.graphql, and the bundle is rebuilt only when
 * its sources change.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import * as documents from '../src/web/app/queries.ts';
import { buildConsole } from '../src/web/build.ts';

const outDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'agr-console-')), 'web');
afterAll(() => rmSync(path.dirname(outDir), { recursive: true, force: true }));

describe('console assets', () => {
  it('sends only operations valid against the published schema', () => {
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const manifest = JSON.parse(readFileSync('src/web/app/gql/persisted-documents.json', 'utf8')) as Record<string, string>;
    const operations = Object.entries(documents as Record<string, unknown>).filter((entry): entry is [string, String & { __meta__?: { hash?: string } }] => entry[1] instanceof String);
    expect(operations.length).toBeGreaterThan(15);
    for (const [name, document] of operations) {
      expect(validate(schema, parse(document.toString())).map((e) => `${name}: ${e.message}`)).toEqual([]);
      // The console sends this hash; the server runs the manifest's text for it.
      expect(manifest[document.__meta__?.hash ?? ''], name).toBeDefined();
    }
  });

  it('builds a bundle without markup injection sinks, and reuses it while the sources are unchanged', async () => {
    const first = await buildConsole(outDir);
    const js = first['app.js'].toString();
    expect(js).toContain('graphql-transport-ws');
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(first['index.html'].toString()).toContain('<script type="module" src="/app.js">');
    const builtAt = statSync(path.join(outDir, 'app.js')).mtimeMs;
    const second = await buildConsole(outDir);
    expect(second.hash).toBe(first.hash);
    expect(statSync(path.join(outDir, 'app.js')).mtimeMs).toBe(builtAt);
  });
});
