import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = { DateTime: 'string', JSON: 'unknown' };
/** Each output also gets persisted-documents.json (SHA-256 → text), the server's list of known documents. */
const persistedDocuments = { hashAlgorithm: 'sha256' as const };

/**
 * Typed documents for the operations the tests, examples and benchmark use (client/), and for
 * the web console's own (src/web/app/gql/, as typed strings: the browser bundle carries the
 * query text it sends and no GraphQL parser).
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'src/web/app/gql/': {
      preset: 'client',
      documents: ['src/web/app/**/*.ts', '!src/web/app/gql/**'],
      presetConfig: { fragmentMasking: false, persistedDocuments },
      ...({ importExtension: '.ts' } as object),
      config: { importExtension: '.ts', useTypeImports: true, enumsAsTypes: true, scalars, strictScalars: true, documentMode: 'string' },
    },
    'client/': {
      preset: 'client',
      documents: ['test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', '!client/**'],
      presetConfig: { fragmentMasking: false, persistedDocuments },
      // Node runs the TypeScript directly, so relative imports carry .ts. The preset reads
      // the option at both levels (gql.ts and index.ts); the output level is missing from its types.
      ...({ importExtension: '.ts' } as object),
      config: {
        importExtension: '.ts',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars,
        strictScalars: true,
      },
    },
  },
};

export default config;
