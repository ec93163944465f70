/**
 * Generated files are committed; these fail when one is stale, with the
 * command that regenerates it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import codegenConfig from '../codegen.ts';
import { printedSchema, SCHEMA_FILE } from '../src/schema/print.ts';

describe('generated files', () => {
  it('schema.graphql is printed from the Pothos schema (run `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printedSchema());
  });

  it('client/ is generated from schema.graphql and the documents (run `npm run codegen`)', async () => {
    const outputs = await generate({ ...codegenConfig, cwd: process.cwd(), silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const committed = readFileSync(path.resolve(output.filename), 'utf8');
      expect(committed, output.filename).toBe(output.content);
    }
  });
});
