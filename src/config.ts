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
  /** Public base URL used in download and share links. */
  PUBLIC_URL: z.string().url().optional(),
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
