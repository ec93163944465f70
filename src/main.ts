#!/usr/bin/env node
/**
 * The CLI: start | serve | worker | migrate | seed | org create | generate | verify.
 * `start` runs API + worker in one process; production runs `serve` and
 * `worker` processes, any number of each, on one PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createOrganization, countOrganizations } from './accounts/organizations.ts';
import { loadConfig, publicBaseUrl, type Config } from './config.ts';
import { openDatabase, type OpenedDatabase } from './db/open.ts';
import { startJobRuntime } from './jobs/runtime.ts';
import { atLeast, createLogger, type Logger } from './log.ts';
import { isUuid, parseGlobalId } from './ids.ts';
import { createServices, type Services } from './services.ts';

const USAGE = `Usage: agent-reports <command> [options]

Commands:
  start                    API + worker in one process (default); demo data on an empty database
  serve                    API only
  worker                   report jobs only
  migrate                  apply database migrations and exit
  seed [--events N] [--org ID] [--json]
                           add N demo events (default 100000) to an organisation (a new one without --org)
  org create --name NAME [--json]
                           create an organisation and print its admin API key
  org key --org ID [--name NAME] [--json]
                           issue a new admin API key for an organisation (a lost key's way back)
  generate --type TYPE --from DATE --to DATE --out FILE [--format pdf|json|csv|md|oscal|bundle]
           [--environment ENV] [--agent ID]... [--subject ID] [--org ID] [--timeout SECONDS] [--json] [--quiet]
                           generate a report (works its job in this process), wait for it and write
                           the file; progress on stderr (--quiet: none); exit 1 if it fails (for cron).
                           gdpr_dsar needs --subject (a data subject) or --agent (the agents)
  reproduce REPORT_ID [--org ID] [--json]
                           rebuild a completed report at its own watermark and compare its content with
                           what was signed; exit 0 if byte-identical, 1 if not
  verify FILE [--key-id ID]... [--json]
                           check a downloaded JSON report, evidence bundle, compliance package
                           or export bundle offline (hashes and Ed25519 signatures); exit 1 if anything fails
  verify events --org ID [--json]
                           recompute the organisation's tamper-evident event chain from the
                           database and name the first broken link; exit 1 if any

Options of every command: --verbose logs at LOG_LEVEL (commands other than start, serve and worker
log only warnings and errors unless asked), --help.

Environment: PORT, HOST, DATABASE_URL (unset: embedded PostgreSQL under DATA_DIR), DATA_DIR, LOG_LEVEL.`;

/** Commands that run until stopped: they log at LOG_LEVEL. The others print their result and log only what went wrong. */
const LONG_RUNNING = new Set(['start', 'serve', 'worker']);

/** Every command's options; parseArgs refuses any other. */
const OPTIONS = {
  name: { type: 'string' },
  events: { type: 'string' },
  org: { type: 'string' },
  json: { type: 'boolean', default: false },
  'key-id': { type: 'string', multiple: true },
  type: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  environment: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  timeout: { type: 'string' },
  subject: { type: 'string' },
  agent: { type: 'string', multiple: true },
  quiet: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    // An unknown option or a missing value is a usage error like any other: exit 2, nothing started.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) return usageError((error as Error).message);
    throw error;
  }
  const { positionals, values } = parsed;
  const [command = 'start', sub] = positionals;
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  // Offline: needs neither configuration nor a database.
  if (command === 'verify' && sub !== 'events') return verify(sub, values.json, values['key-id']);
  // The commands' own code is imported where they run, so a long-lived worker or API process
  // never holds the demo generator, the CLI generate loop or the offline verifier.
  const config = loadConfig();
  const log = createLogger(LONG_RUNNING.has(command) || values.verbose ? config.LOG_LEVEL : atLeast(config.LOG_LEVEL, 'warn'));

  switch (command) {
    case 'start':
    case 'serve':
    case 'worker':
      return run(command, config, log);
    case 'migrate': {
      const opened = await openDatabase(config, log);
      await opened.close();
      console.log('migrations applied');
      return 0;
    }
    case 'seed': {
      const events = Number(values.events ?? 100_000);
      if (!Number.isInteger(events) || events < 1) return usageError('--events must be a positive whole number');
      const { seedDemoData, DEMO_ORGANIZATION_NAME } = await import('./demo/seed.ts');
      return withServices(config, log, async (services) => {
        const orgId = values.org ?? (await createOrganization(services.database.db, DEMO_ORGANIZATION_NAME)).organization.id;
        const result = await seedDemoData(services, orgId, { events });
        if (values.json) console.log(JSON.stringify({ organizationId: orgId, ...result }));
        else console.log(`seeded ${result.accepted} events into organisation ${orgId}`);
        return 0;
      });
    }
    case 'org': {
      if (sub === 'key') return orgKey(config, log, values.org, values.name, values.json);
      if (sub !== 'create') return usageError('org takes the subcommand "create" or "key"');
      if (!values.name) return usageError('org create needs --name NAME');
      const name = values.name;
      return withServices(config, log, async (services) => {
        const { organization, apiKey } = await createOrganization(services.database.db, name);
        if (values.json) console.log(JSON.stringify({ organizationId: organization.id, name: organization.name, apiKey }));
        else console.log(`organization ${organization.name} (${organization.id})\nadmin API key: ${apiKey}\n(store it now: it is not shown again)`);
        return 0;
      });
    }
    case 'generate': {
      const { generateCommand, parseGenerateArgs, UsageError } = await import('./cli/generate.ts');
      let options;
      // The command line is checked before anything starts: no database for a missing --out.
      try {
        options = parseGenerateArgs(values);
      } catch (error) {
        if (error instanceof UsageError) return usageError(error.message);
        throw error;
      }
      return withServices(config, log, async (services) => {
        try {
          return await generateCommand(services, options, { out: (line) => console.log(line), progress: process.stderr });
        } catch (error) {
          if (error instanceof UsageError) return usageError(error.message);
          throw error;
        }
      });
    }
    case 'reproduce': {
      // The id as the API shows it (a Relay global id) or the bare UUID.
      const global = sub && !isUuid(sub) ? parseGlobalId(sub) : null;
      const decoded = global ? (global.typename === 'Report' ? global.id : undefined) : sub;
      if (!decoded || !isUuid(decoded)) return usageError('reproduce needs REPORT_ID (the report\'s id, as the API or `generate --json` prints it)');
      const reportId = decoded;
      if (values.org && !isUuid(values.org)) return usageError('--org must be an organisation id (a UUID, as printed by org create)');
      return withServices(config, log, async (services) => {
        const [row] = await services.database.sql`select org_id from reports where id = ${reportId} and deleted_at is null ${values.org ? services.database.sql`and org_id = ${values.org}::uuid` : services.database.sql``}`;
        if (!row) {
          console.error(`error: no report ${reportId}${values.org ? ` in organisation ${values.org}` : ''}`);
          return 2;
        }
        const { reproduceReport } = await import('./reports/reproduce.ts');
        const { DomainError } = await import('./errors.ts');
        try {
          const result = await reproduceReport(services, { orgId: String(row.org_id), name: 'cli', actorId: 'cli' }, reportId);
          if (values.json) console.log(JSON.stringify({ reportId, ...result }));
          else console.log(result.identical ? `reproduced: report ${reportId} rebuilt at its watermark is byte-identical (sha256 ${result.sha256})` : `NOT reproduced: report ${reportId} rebuilt at its watermark hashes to ${result.sha256}; differs in ${result.differences.join(', ')}`);
          return result.identical ? 0 : 1;
        } catch (error) {
          if (error instanceof DomainError) {
            console.error(`error: ${error.message}`);
            return 2;
          }
          throw error;
        }
      });
    }
    case 'verify': {
      const orgId = values.org;
      if (!orgId) return usageError('verify events needs --org ID (to check a file named "events", write ./events)');
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orgId)) return usageError('--org must be an organisation id (a UUID, as printed by org create)');
      const { verifyEventChain } = await import('./events/chain.ts');
      return withServices(config, log, async (services) => {
        const [org] = await services.database.sql`select 1 from organizations where id = ${orgId}::uuid`;
        if (!org) {
          console.error(`error: no organisation ${orgId}`);
          return 2;
        }
        const result = await verifyEventChain(services.database, orgId);
        if (values.json) console.log(JSON.stringify(result));
        else {
          console.log(`${result.events} events in ${result.links} chain links${result.unchained ? ` (${result.unchained} stored before the chain existed, not verifiable)` : ''}; head ${result.head ?? 'none'}`);
          console.log(`the chain covers these columns of each event: ${result.columns.chained.join(', ')}; not ${result.columns.notChained.join(', ')}`);
          for (const p of result.problems) console.log(`FAIL ${p.problem}`);
          console.log(result.ok ? 'verified: the event chain is intact' : `NOT verified: first broken link is ${result.problems[0]!.linkNo ?? 'unknown'}`);
        }
        return result.ok ? 0 : 1;
      });
    }
    default:
      return usageError(`unknown command "${command}"`);
  }
}

async function verify(file: string | undefined, json: boolean, trustedKeyIds: string[] | undefined): Promise<number> {
  if (!file) return usageError('verify needs a FILE (a JSON report, an evidence bundle, a compliance package zip or an export bundle)');
  const { verifyReportFile } = await import('./cli/verify.ts');
  const result = await verifyReportFile(readFileSync(file), path.basename(file), { trustedKeyIds });
  if (json) console.log(JSON.stringify(result));
  else {
    for (const check of result.checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.message}`);
    console.log(result.ok ? `\nverified: ${file} is intact and signed by key ${result.keyIds.join(', ')}` : `\nNOT verified: ${result.checks.filter((c) => !c.ok).length} check(s) failed`);
  }
  return result.ok ? 0 : 1;
}

/** A new admin key for an organisation, recorded in its audit trail (by key id, never the key). */
async function orgKey(config: Config, log: Logger, orgId: string | undefined, name = 'recovered admin', json: boolean): Promise<number> {
  if (!orgId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orgId)) return usageError('org key needs --org ID (the organisation\'s UUID, as printed by org create)');
  const { issueApiKey } = await import('./accounts/api-keys.ts');
  return withServices(config, log, async (services) => {
    const [org] = await services.database.sql`select name from organizations where id = ${orgId}::uuid`;
    if (!org) {
      console.error(`error: no organisation ${orgId}`);
      return 2;
    }
    const { key, apiKey } = await issueApiKey(services, { orgId, actorId: 'cli' }, { name, role: 'admin' }, 'org key');
    if (json) console.log(JSON.stringify({ organizationId: orgId, apiKeyId: apiKey.id, apiKey: key }));
    else console.log(`new admin API key for ${org.name as string} (${orgId}): ${key}\n(store it now: it is not shown again; revoke the lost one with revokeApiKey)`);
    return 0;
  });
}

function usageError(message: string): number {
  console.error(`error: ${message}\n\n${USAGE}`);
  return 2;
}

async function withServices(config: Config, log: Logger, fn: (services: Services) => Promise<number>): Promise<number> {
  const opened = await openDatabase(config, log);
  try {
    return await fn(createServices(config, opened.database, log));
  } finally {
    await opened.close();
  }
}

async function run(mode: 'start' | 'serve' | 'worker', config: Config, log: Logger): Promise<number> {
  // Without its database the service can do nothing: exit non-zero so a supervisor restarts it,
  // and the restart starts the embedded PostgreSQL again.
  const opened: OpenedDatabase = await openDatabase(config, log, {
    ...(mode === 'serve' && config.STATEMENT_TIMEOUT_SECONDS ? { settings: { statement_timeout: `${config.STATEMENT_TIMEOUT_SECONDS}s` } } : {}),
    onEmbeddedLost: (message) => {
      log.error(`${message}; exiting with status 1 so a supervisor restarts the service (which starts the embedded PostgreSQL again)`);
      process.exit(1);
    },
  });
  const services = createServices(config, opened.database, log);
  const stops: Array<() => Promise<void>> = [];

  // Production never seeds demo data nor prints a key into a log: the first organisation comes from `org create`.
  if (mode === 'start' && config.NODE_ENV === 'production' && (await countOrganizations(services.database.db)) === 0) {
    log.info('no organisation yet: create the first one with `org create --name NAME` (it prints its admin API key)');
  } else if (mode === 'start' && (await countOrganizations(services.database.db)) === 0) {
    const { seedDemoData, DEMO_ORGANIZATION_NAME } = await import('./demo/seed.ts');
    const { organization, apiKey } = await createOrganization(services.database.db, DEMO_ORGANIZATION_NAME);
    log.info('empty database: creating demo data');
    await seedDemoData(services, organization.id, { events: 50_000 });
    console.log(`\nDemo organization "${organization.name}" created.\nAdmin API key: ${apiKey}\n(store it now: it is not shown again)\n`);
  }

  // Listening for the signals before anything says it runs: a SIGTERM that comes right after
  // "Report worker running" must drain, not meet the default action and kill the process.
  const stopSignal = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('shutting down', { signal });
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

  // The worker sends the links; a base derived from HOST and PORT is seldom what receivers reach in production.
  if (mode !== 'serve' && config.NODE_ENV === 'production' && !config.PUBLIC_URL) {
    log.warn(`PUBLIC_URL is not set: links in webhooks, e-mails and posture alerts use ${publicBaseUrl(config)}; set PUBLIC_URL to the address their receivers reach the API at`);
  }
  stops.push(await startJobRuntime(services, { work: mode !== 'serve', listen: mode !== 'worker' }));
  if (config.METRICS_PORT !== undefined) {
    const { serveMetrics } = await import('./metrics.ts');
    const metrics = await serveMetrics(services.metrics, config.METRICS_PORT, config.METRICS_HOST);
    stops.push(metrics.close);
    console.log(`Metrics: ${metrics.url}`);
  }
  if (mode !== 'serve') console.log('Report worker running');

  if (mode !== 'worker') {
    // Loaded only where it serves: a worker process never holds the GraphQL stack in memory.
    const { createApiServer } = await import('./http/server.ts');
    const api = createApiServer(services);
    const url = await api.listen(config.PORT, config.HOST);
    stops.push(() => api.close(config.SHUTDOWN_GRACE_SECONDS * 1000));
    console.log(`GraphQL API: ${url}/graphql`);
  }

  await stopSignal;
  for (const stop of stops.reverse()) await stop();
  await opened.close();
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/agent-reports')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? `error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
