/** JSON lines on stderr; secrets are never passed here. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type LogLevel = keyof typeof LEVELS;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** The more restrictive of two levels (a one-shot CLI command logs warnings and errors unless asked). */
export function atLeast(level: LogLevel, floor: LogLevel): LogLevel {
  return LEVELS[level] >= LEVELS[floor] ? level : floor;
}

export function createLogger(level: LogLevel, name = 'agent-reports'): Logger {
  const min = LEVELS[level];
  const write = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[lvl] < min) return;
    const line: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, name, msg, ...fields };
    if (fields?.err instanceof Error) line.err = { message: fields.err.message, stack: fields.err.stack };
    process.stderr.write(JSON.stringify(line) + '\n');
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
