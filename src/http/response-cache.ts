/**
 * Whole-response cache for report reads (graphql-yoga's response cache).
 * A completed report's content and findings never change, and every change
 * of a report's status or progress is announced over LISTEN/NOTIFY, so a
 * `report` or `reports` answer can be served again until a report it shows
 * makes progress, or a report of its organisation changes in any other way
 * (this process must be listening; else nothing is cached).
 *
 * What may be cached is an allowlist: the types and fields below. Anything
 * else in a response (events, organisation, keys, `stale`, which changes
 * when late events arrive, `expiresAt`, which retention re-dates silently)
 * makes it uncacheable, so a field added elsewhere is never cached by
 * accident. Entries are per API key; the key is still authenticated and
 * rate-limited on every hit (the caller's `admit`), so a revoked key is
 * refused as promptly as without the cache.
 */
import { createHash } from 'node:crypto';
import { isAbstractType, isObjectType, parse, TypeInfo, visit, visitWithTypeInfo, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { ReportPubSub } from '../realtime/pubsub.ts';
import { globalId } from '../ids.ts';

/** Cacheable types; `null` allows every field of the type. */
const CACHEABLE: Record<string, ReadonlySet<string> | null> = {
  Query: new Set(['report', 'reports', 'node', 'nodes']),
  Report: new Set([
    'id', 'type', 'title', 'status', 'progress', 'period', 'environment', 'agents', 'dataSubject', 'score', 'grade', 'version',
    'previousVersion', 'error', 'createdBy', 'createdAt', 'startedAt', 'completedAt', 'summary', 'sections', 'recommendations', 'integrity', 'findings',
  ]),
  // The signature can be filled in later for reports made before signing (render/model.ts).
  ReportIntegrity: new Set([
    'eventCount', 'timeCoverage', 'observedFrom', 'observedUntil', 'gaps', 'gapCount', 'completeness', 'contentSha256', 'watermark',
    'chainLink', 'chainHead', 'sampleSeed', 'frameworkVersion', 'generatorVersion',
  ]),
  Finding: new Set([
    'id', 'ordinal', 'report', 'control', 'section', 'status', 'severity', 'category', 'title', 'description', 'recommendation', 'metric', 'value',
    'evidenceSelector', 'evidenceCount',
  ]),
  QueryReportsConnection: null,
  QueryReportsConnectionEdge: null,
  ReportFindingsConnection: null,
  ReportFindingsConnectionEdge: null,
  PageInfo: null,
  ReportProgress: null,
  Period: null,
  Control: null,
  ReportSection: null,
  Metric: null,
  ReportTable: null,
  Truncation: null,
  Recommendation: null,
  MonitoringGap: null,
};

/**
 * Every entry also belongs to its organisation: a change of one of its reports that may change lists (a new,
 * deleted or re-statused report changes lists that did not show it) clears them all. A progress step changes
 * only percent, stage and message, which no list filters on, so it clears only the entries that show that
 * report (the plugin records every Report of an answer by its global id, lists included).
 */
const ORGANIZATION = 'ReportReadsOfOrganization';
/** A safety net only: changes invalidate entries at once. */
const TTL_MS = 60_000;
/** Reports whose last progress step is remembered (for reads still running); past it, all are forgotten at once. */
const MAX_REMEMBERED_REPORTS = 10_000;

interface ReportReadCacheOptions {
  schema: GraphQLSchema;
  realtime: ReportPubSub;
  /** The API key of the request once it is authenticated and within its rate; null otherwise (the request then runs as usual and fails there). */
  admit(request: Request): Promise<{ orgId: string; keyId: string } | null>;
  max?: number;
}

const reportGlobalId = (id: string) => globalId('Report', id);

export function useReportReadCache({ schema, realtime, admit, max = 1000 }: ReportReadCacheOptions): Plugin {
  const memory = createInMemoryCache({ max });
  // A read that began before a change may finish after it was heard, with what it read before. Changes are
  // counted as they are heard; the request's key ends with the count when the read began, and `set` refuses
  // an answer if a change that concerns it (everything, its organisation, or a report it shows) came later.
  let heard = 0;
  let everythingAt = 0;
  const organizationAt = new Map<string, number>();
  const reportAt = new Map<string, number>();
  /** Reads that began before this may have missed a forgotten progress step: they are not kept. */
  let reportsForgottenAt = 0;
  const dropOrganization = (orgId: string) => {
    organizationAt.set(orgId, ++heard);
    memory.invalidate([{ typename: ORGANIZATION, id: orgId }]);
  };
  const dropReport = (reportId: string) => {
    if (reportAt.size >= MAX_REMEMBERED_REPORTS) {
      reportAt.clear();
      reportsForgottenAt = heard;
    }
    const id = reportGlobalId(reportId);
    reportAt.set(id, ++heard);
    memory.invalidate([{ typename: 'Report', id }]);
  };
  const dropEverything = () => {
    everythingAt = ++heard;
    memory.invalidate([{ typename: ORGANIZATION }]);
  };
  /** "org.hash.count" → the stored id "org.hash" and what the read began after. */
  const parse = (key: string) => {
    const dot = key.lastIndexOf('.');
    return { stored: key.slice(0, dot), orgId: key.slice(0, key.indexOf('.')), began: Number(key.slice(dot + 1)) };
  };
  const cache: typeof memory = {
    ...memory,
    get: (key) => memory.get(parse(key).stored),
    set(key, result, entities, ttl) {
      const { stored, orgId, began } = parse(key);
      if (!Number.isSafeInteger(began) || began < everythingAt || began < reportsForgottenAt || began < (organizationAt.get(orgId) ?? 0)) return;
      const list = [...entities];
      if (list.some((e) => e.typename === 'Report' && e.id !== undefined && began < (reportAt.get(String(e.id)) ?? 0))) return;
      // Serialised once, on its first hit: yoga stringifies a result with its own `stringify` when it has one.
      let body: string | undefined;
      const serialisedOnce = { ...result, stringify: (sanitised: unknown) => (body ??= JSON.stringify(sanitised)) } as typeof result;
      return memory.set(stored, serialisedOnce, [...list, { typename: ORGANIZATION, id: orgId }], ttl);
    },
    invalidate(entities) {
      const list = [...entities];
      // A mutation of this process that returns a report (generate, cancel, delete…) may change any list; its
      // NOTIFY would clear only its organisation, a moment later.
      if (list.some((e) => e.typename === 'Report')) dropEverything();
      else memory.invalidate(list);
    },
  };
  realtime.onChange((change) => {
    if (!change) dropEverything();
    else if (change.progressOnly && !change.deleted) dropReport(change.reportId);
    else dropOrganization(change.orgId);
  });

  const ignoredTypes: string[] = [];
  const ttlPerSchemaCoordinate: Record<string, number> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = CACHEABLE[type.name];
    if (fields === undefined) {
      ignoredTypes.push(type.name);
      continue;
    }
    for (const field of Object.keys(type.getFields())) if (fields && !fields.has(field)) ttlPerSchemaCoordinate[`${type.name}.${field}`] = 0;
  }

  // Requests admitted to the cache: authenticated, within their rate, and the process hears every change.
  const admitted = new WeakSet<Request>();
  const cacheable = cacheableDocuments(schema);
  return useResponseCache({
    cache,
    ttl: TTL_MS,
    ignoredTypes,
    ttlPerSchemaCoordinate,
    includeExtensionMetadata: false,
    // The default key hashes through WebCrypto's asynchronous digest, a tenth of a cached answer's time.
    // The key starts with the organisation (the session is "org/key") and ends with the changes heard so far, so
    // `set` knows whose entry it is and from when; it is built as the request's parameters are read, before any SQL.
    buildResponseCacheKey: ({ documentString, variableValues, operationName, sessionId, request }) => {
      // A document that selects anything the cache may not keep (evidence, events…) runs without it: the
      // plugin would otherwise add and strip its metadata over the whole answer (16 ms of a drill-down's ~45).
      if (!cacheable(documentString)) admitted.delete(request);
      const orgId = (sessionId ?? '').split('/')[0]!;
      const hash = createHash('sha256').update(JSON.stringify([documentString, operationName ?? '', variableValues ?? {}, sessionId ?? ''])).digest('base64url');
      return `${orgId}.${hash}.${heard}`;
    },
    session: async (request: Request) => {
      const principal = await admit(request);
      if (!principal || !realtime.listening) return null;
      admitted.add(request);
      return `${principal.orgId}/${principal.keyId}`;
    },
    enabled: (request: Request | undefined) => request !== undefined && admitted.has(request),
  }) as Plugin;
}

/**
 * Whether a query selects only what `CACHEABLE` allows (abstract types:
 * their `id`), decided once per document text. The plugin would reach the
 * same verdict only after running the operation. Mutations stay with the
 * plugin: one returning a report clears lists at once (`invalidate`).
 */
function cacheableDocuments(schema: GraphQLSchema, max = 500): (document: string) => boolean {
  const verdicts = new Map<string, boolean>();
  const judge = (text: string): boolean => {
    let ok = true;
    let mutates = false;
    try {
      const typeInfo = new TypeInfo(schema);
      visit(
        parse(text),
        visitWithTypeInfo(typeInfo, {
          OperationDefinition(node) {
            if (node.operation !== 'query') mutates = true;
          },
          Field(node) {
            const parent = typeInfo.getParentType();
            const name = node.name.value;
            if (name === '__typename') return;
            const allowed = !parent ? false : isAbstractType(parent) ? name === 'id' : (CACHEABLE[parent.name] === null || (CACHEABLE[parent.name]?.has(name) ?? false));
            if (!allowed) ok = false;
          },
        }),
      );
    } catch {
      return false; // not a document: the request fails on its own
    }
    return ok || mutates;
  };
  return (text) => {
    let verdict = verdicts.get(text);
    if (verdict === undefined) {
      if (verdicts.size >= max) verdicts.clear();
      verdict = judge(text);
      verdicts.set(text, verdict);
    }
    return verdict;
  };
}
