import os from 'node:os';
import { z } from 'zod';

/** Environment → typed configuration, validated once at start. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).refine((p) => p !== 5432, {
    message: 'must not be 5432, which a system PostgreSQL may hold',
  }).default(54329),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Longest period a report may cover, in days. */
  MAX_REPORT_PERIOD_DAYS: z.coerce.number().int().positive().default(731),
  /** A silence longer than this between events counts as a monitoring gap. */
  MONITORING_GAP_MINUTES: z.coerce.number().int().positive().default(60),
  /** Pause after each progress step of a report: for demos and fault-injection tests; 0 in production. */
  REPORT_STEP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /**
   * On SIGTERM, how long in-flight requests and report jobs may run on. A job
   * still running then is handed back to the queue (another worker resumes it)
   * and open connections are closed.
   */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * API processes (`serve`): the longest one statement of a request may run before PostgreSQL cancels
   * it and the request answers UNAVAILABLE (503). A server or Citus worker that stops answering
   * without closing its connections (a frozen host, a partition that drops packets) would otherwise
   * hold the request, and its pooled connection, for good. 0: no limit. `worker` and `start` set none:
   * a report's or an export's statements over a large trail may run for minutes.
   */
  STATEMENT_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** PostgreSQL schema of the pg-boss queue; processes that share jobs share it. */
  JOB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier' }).default('pgboss'),
  /** Requests per minute per API key (GraphQL and HTTP routes); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  /**
   * `true` when a reverse proxy of ours stands in front: the client address (share-link password
   * lockout) is then the last X-Forwarded-For entry instead of the TCP peer. Leave unset when
   * clients connect directly, or anyone could pick their address by sending the header.
   */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0', '']).default('false').transform((v) => v === 'true' || v === '1'),
  /** Ceiling of one `POST /ingest` body after decompression, in bytes: past it the request stops with 413. */
  INGEST_MAX_BYTES: z.coerce.number().int().positive().default(4 * 1024 ** 3),
  /** Ceiling of one `POST /ingest` body in lines, blank ones included: past it the request stops with 413. */
  INGEST_MAX_LINES: z.coerce.number().int().positive().default(10_000_000),
  /**
   * Public base URL of the API, e.g. https://reports.example.com: links in webhook payloads, e-mails,
   * share links, downloads and files. Unset, messages sent by the service derive it from HOST and
   * PORT (publicBaseUrl); set it whenever clients reach the API at another address (proxy, TLS).
   */
  PUBLIC_URL: z.string().url().optional(),
  /** Prometheus metrics on a port of their own (GET /metrics, no key), bound to METRICS_HOST; unset: no such port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** Prometheus metrics at /metrics on the API port, for `Authorization: Bearer <METRICS_TOKEN>`; unset: not served there. */
  METRICS_TOKEN: z.string().min(16, { message: 'must be at least 16 characters (e.g. `openssl rand -hex 16`)' }).optional(),
  /**
   * `allow`: any GraphQL document runs, and known clients may send a persisted document's hash
   * instead of its text; `only`: nothing but the persisted documents (the generated manifests) runs.
   */
  PERSISTED_DOCUMENTS: z.enum(['allow', 'only']).default('allow'),
  /** `production` makes secrets such as SIGNING_KEY_SECRET mandatory. */
  NODE_ENV: z.string().default('development'),
  /**
   * Encrypts each organisation's Ed25519 private signing key at rest (AES-256-GCM
   * under a key derived with HKDF). Required in production; elsewhere a default
   * derived from DATA_DIR is used, with a warning.
   */
  SIGNING_KEY_SECRET: z.string().min(32, { message: 'must be at least 32 characters (e.g. `openssl rand -hex 32`)' }).optional(),
  /** Chromium for PDF rendering; else /usr/bin/chromium(-browser), else the one @sparticuz/chromium ships. */
  CHROMIUM_PATH: z.string().optional(),
  /** Directory of custom framework definitions (`*.json`, see docs/frameworks.md), loaded at start; each becomes a report type. */
  CUSTOM_FRAMEWORKS_DIR: z.string().optional(),
  /** SMTP server for report e-mails, e.g. smtp://user:pass@mail.example.com:587; unset: e-mails stay in the outbox (notifications query). */
  SMTP_URL: z.string().url().optional(),
  /** Sender of report e-mails. */
  SMTP_FROM: z.string().default('Agent governance reports <reports@localhost>'),
  /** Delivery attempts after the first for a webhook or e-mail, with exponential backoff from NOTIFICATION_RETRY_DELAY_SECONDS. */
  /**
   * Webhook hosts trusted beyond the defaults (comma-separated host names or IP addresses): they
   * may use plain http and resolve to private, loopback or link-local addresses. Everyone else's
   * webhooks must be https to a public address, so a webhook cannot reach the service's own network.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean)),
  NOTIFICATION_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(8),
  NOTIFICATION_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
}).refine((c) => c.NODE_ENV !== 'production' || c.SIGNING_KEY_SECRET !== undefined, {
  message: 'is required when NODE_ENV=production (report signing keys are encrypted with it)',
  path: ['SIGNING_KEY_SECRET'],
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

/**
 * The absolute base URL for links the service sends away (webhooks, e-mails): PUBLIC_URL, else
 * http://HOST:PORT, with the machine's host name for a wildcard HOST (0.0.0.0, ::), which no
 * receiver can reach. A receiver cannot resolve a relative link, so a message never carries one.
 */
export function publicBaseUrl(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' || config.HOST === '' ? os.hostname() : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}
