/**
 * Errors the domain raises on purpose. They carry a code the API shows as
 * `extensions.code`; anything else is an internal error and is masked.
 */
type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'RATE_LIMITED' | 'CONFLICT' | 'UNAVAILABLE';

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}

/** Bad input: the message says what is wrong and how to fix it; `field` names the input path. */
export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found`);
export const unauthenticated = (message = 'Send a valid API key as "Authorization: Bearer <key>"') =>
  new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);

export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  /** `operations`: the tokens asked for at once (a GraphQL batch), named when more than one. */
  constructor(retryAfterSeconds: number, operations = 1) {
    super('RATE_LIMITED', `${operations > 1 ? `Too many operations for this API key (this batch has ${operations})` : 'Too many requests for this API key'}; retry in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  CONFLICT: 409,
  UNAVAILABLE: 503,
};

/** Seconds a client should wait before retrying after `UNAVAILABLE` (a database restart takes a few). */
export const UNAVAILABLE_RETRY_SECONDS = 5;

// Socket errors, postgres.js's own connection errors, and the SQLSTATEs of a
// server that is restarting or refusing connections (class 08, 57P01-57P03, 53300).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  '57P01', '57P02', '57P03', '53300',
]);

const STATEMENT_TIMEOUT = /statement timeout/;
const CITUS_NODE_LOST = /^failure on connection marked as essential: |^connection to the remote node .* failed|^could not establish any connections to the node /;

/**
 * Whether an error (or its cause) means the database could not be reached or
 * went away: the request may succeed if retried, so it is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
    // A Citus coordinator whose open connection to a worker broke (the worker stopped) says so
    // without a connection SQLSTATE; a new connection to it fails with 08006 above.
    if (code === 'XX000' && CITUS_NODE_LOST.test((e as { message?: string }).message ?? '')) return true;
    // An API process's statement timeout (STATEMENT_TIMEOUT_SECONDS): the server or a worker did not answer in time.
    if (code === '57014' && STATEMENT_TIMEOUT.test((e as { message?: string }).message ?? '')) return true;
    // AggregateError from a connect attempt over several addresses.
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
