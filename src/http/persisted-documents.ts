/**
 * Persisted documents: the generated client (client/) and the console (src/web/app/gql/) send the
 * SHA-256 hash of a document codegen wrote to their manifests instead of its text. With
 * PERSISTED_DOCUMENTS=only nothing else runs: a document's text is accepted only when it is one of
 * those documents (the console's SSE and WebSocket subscriptions send text), anything else is refused.
 * yoga's persisted operations plugin does the HTTP side; WebSockets ask `resolve` directly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { parse, type GraphQLError } from 'graphql';

/** The manifests codegen writes (`npm run codegen`), hash → document text. */
const MANIFESTS = [new URL('../../client/persisted-documents.json', import.meta.url), new URL('../web/app/gql/persisted-documents.json', import.meta.url)];

type PersistedMode = 'allow' | 'only';

export class PersistedDocuments {
  /** Hash (`sha256:<hex>`, as codegen writes it and clients send it) → document text. */
  readonly documents = new Map<string, string>();
  readonly mode: PersistedMode;
  constructor(mode: PersistedMode, manifests: URL[] = MANIFESTS) {
    this.mode = mode;
    for (const manifest of manifests) {
      for (const [hash, text] of Object.entries(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>)) this.documents.set(hash, text);
    }
  }

  /** The hash a request names in `extensions.persistedQuery.sha256Hash` (the APQ shape), if any. */
  static hashOf(params: Pick<GraphQLParams, 'extensions'>): string | null {
    const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
    return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : null;
  }

  /**
   * The hash of the persisted document this text is, or null; only `only` mode asks. Codegen hashes
   * a normalised print (fields sorted, spacing dropped), and so does this.
   */
  hashOfText(query: string): string | null {
    let printed;
    try {
      printed = printExecutableGraphQLDocument(parse(query));
    } catch {
      return null;
    }
    const hash = `sha256:${createHash('sha256').update(printed).digest('hex')}`;
    return this.documents.has(hash) ? hash : null;
  }

  /** The text to run for a request, or why it may not run (WebSocket subscriptions, which bypass yoga's HTTP plugins). */
  resolve(params: { query?: string; extensions?: Record<string, unknown> | null }): { query: string } | { error: GraphQLError } {
    const hash = PersistedDocuments.hashOf({ extensions: params.extensions ?? undefined });
    if (!params.query && hash) {
      const text = this.documents.get(hash);
      return text ? { query: text } : { error: notFound() };
    }
    if (!params.query) return { error: missing() };
    if (this.mode === 'only' && !this.hashOfText(params.query)) return { error: onlyPersisted() };
    return { query: params.query };
  }

  plugins(): Plugin[] {
    return [
      {
        // A persisted document's own text is that document: sent as its hash, it passes in `only` mode.
        onParams: ({ params, setParams }) => {
          if (this.mode !== 'only' || !params.query) return;
          const hash = this.hashOfText(params.query);
          if (hash) setParams({ ...params, query: undefined, extensions: { ...params.extensions, persistedQuery: { version: 1, sha256Hash: hash } } });
        },
      },
      usePersistedOperations({
        getPersistedOperation: (hash: string) => this.documents.get(hash) ?? null,
        allowArbitraryOperations: this.mode === 'allow',
        customErrors: {
          notFound: { message: notFound().message, extensions: notFound().extensions },
          persistedQueryOnly: { message: onlyPersisted().message, extensions: onlyPersisted().extensions },
          keyNotFound: { message: missing().message, extensions: missing().extensions },
        },
      }),
    ];
  }
}

function missing() {
  return createGraphQLError('Send a GraphQL document as "query", or a persisted document\'s hash as extensions.persistedQuery.sha256Hash', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

function notFound() {
  return createGraphQLError('No persisted document has this hash; send the document\'s text, or regenerate the client (`npm run codegen`) against this server', {
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
  });
}

function onlyPersisted() {
  return createGraphQLError('This server runs only persisted documents (PERSISTED_DOCUMENTS=only); send a known document\'s hash as extensions.persistedQuery.sha256Hash', {
    extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
  });
}
