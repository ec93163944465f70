import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the operations the tests, examples and benchmark use. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', '!client/**'],
  ignoreNoDocuments: false,
  generates: {
    'client/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Node runs the TypeScript directly, so relative imports carry .ts. The preset reads
      // the option at both levels (gql.ts and index.ts); the output level is missing from its types.
      ...({ importExtension: '.ts' } as object),
      config: {
        importExtension: '.ts',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        strictScalars: true,
      },
    },
  },
};

export default config;
