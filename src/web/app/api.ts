/** The console's GraphQL client: fetch with the API key from session storage, typed by the generated documents. */
import type { TypedDocumentString } from './gql/graphql.ts';
const KEY = 'agr.apiKey';

export const session = {
  get key() {
    return sessionStorage.getItem(KEY);
  },
  set(key: string) {
    sessionStorage.setItem(KEY, key);
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
};

export interface ApiErrorDetail {
  message: string;
  extensions?: { code?: string; field?: string };
}

export class ApiError extends Error {
  readonly code: string;
  readonly field: string | null;
  readonly errors: ApiErrorDetail[];
  constructor(errors: ApiErrorDetail[], status?: number) {
    super(errors.map((e) => e.message).join('; ') || `Request failed (${status})`);
    this.name = 'ApiError';
    this.errors = errors;
    this.code = errors[0]?.extensions?.code ?? (status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
    this.field = errors[0]?.extensions?.field ?? null;
  }
}

/** Called when any request answers UNAUTHENTICATED: the key was revoked while signed in. */
let onUnauthenticated: (message: string) => void = () => {};
export const whenUnauthenticated = (handler: (message: string) => void) => {
  onUnauthenticated = handler;
};

export async function gql<T, V>(query: TypedDocumentString<T, V>, variables: V = {} as V, key = session.key): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      // The hash of a document codegen persisted (the server's manifest), not its text.
      body: JSON.stringify(query.__meta__?.hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: query.__meta__.hash } }, variables } : { query: query.toString(), variables }),
    });
  } catch {
    throw new ApiError([{ message: 'The service cannot be reached; check your connection and try again.', extensions: { code: 'NETWORK' } }]);
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: ApiErrorDetail[] };
  if (body.errors?.length) {
    const error = new ApiError(body.errors, response.status);
    if (error.code === 'UNAUTHENTICATED' && key === session.key) onUnauthenticated(error.message);
    throw error;
  }
  if (!response.ok || !body.data) throw new ApiError([], response.status);
  return body.data;
}

/** Downloads a route that needs the API key (a plain link cannot carry the header). */
export async function download(path: string, fallbackName: string): Promise<{ name: string; size: number }> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.key}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: ApiErrorDetail & { code?: string } } | null;
    throw new ApiError([{ message: body?.error?.message ?? `Download failed (${response.status})`, extensions: { code: body?.error?.code } }], response.status);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, size: blob.size };
}
