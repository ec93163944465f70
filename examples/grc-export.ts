/**
 * A GRC integration in one file, using only the typed client generated from
 * schema.graphql: list the completed reports of a period, and fetch each
 * report's failing findings together with their first evidence events in ONE
 * nested query (the server batches the evidence look-ups with DataLoader),
 * then write a summary a GRC tool can import. See examples/README.md.
 *
 *   npm run example:grc -- --url http://127.0.0.1:4000 --key agr_… \
 *        --from 2026-10-01T00:00:00Z --to 2026-11-01T00:00:00Z --out grc.json
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { graphql } from '../client/gql.ts';
import type { GrcCompletedReportsQuery, GrcFailingFindingsQuery } from '../client/graphql.ts';

const CompletedReports = graphql(`
  query GrcCompletedReports($after: String) {
    reports(filter: { status: COMPLETED }, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id type title score grade period { start end } completedAt integrity { contentSha256 signature signatureKeyId } } }
    }
  }
`);

// Findings and their evidence in one request: no request per finding.
const FailingFindings = graphql(`
  query GrcFailingFindings($id: ID!, $after: String, $evidence: Int!) {
    report(id: $id) {
      findings(filter: { statuses: [FAIL] }, first: 50, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id control { id framework title } title severity description recommendation evidenceCount
            evidence(first: $evidence) { edges { node { id sequence occurredAt category action decision agentId actor { type id } correlationId } } }
          }
        }
      }
    }
  }
`);

export interface GrcExportOptions {
  url: string;
  apiKey: string;
  from: Date;
  to: Date;
  /** Evidence events listed per finding (the count is always exact). */
  evidencePerFinding?: number;
}

/** A generated document travels as its persisted hash (codegen's manifest, known to the server), else as text. */
function operationBody(document: TypedDocumentNode<any, any> & { __meta__?: { hash?: string } }, variables: unknown) {
  const hash = document.__meta__?.hash;
  return hash ? { extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables } : { query: print(document), variables };
}

export async function runGrcExport(options: GrcExportOptions) {
  const request = async <R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R> => {
    const response = await fetch(`${options.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
      body: JSON.stringify(operationBody(document, variables)),
    });
    const body = (await response.json()) as { data?: R; errors?: Array<{ message: string }> };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL error: ${body.errors?.map((e) => e.message).join('; ')}`);
    return body.data;
  };

  const reports = [];
  let after: string | null = null;
  do {
    const page: GrcCompletedReportsQuery = await request(CompletedReports, { after });
    for (const { node } of page.reports.edges) {
      // A report belongs to the period when its own period lies inside it.
      if (new Date(node.period.start) >= options.from && new Date(node.period.end) <= options.to) reports.push(node);
    }
    after = page.reports.pageInfo.hasNextPage ? page.reports.pageInfo.endCursor : null;
  } while (after);

  const perFinding = options.evidencePerFinding ?? 25;
  const out = [];
  for (const report of reports) {
    const findings = [];
    let findingsAfter: string | null = null;
    do {
      const data: GrcFailingFindingsQuery = await request(FailingFindings, { id: report.id, after: findingsAfter, evidence: perFinding });
      const connection = data.report?.findings;
      if (!connection) break;
      for (const { node } of connection.edges) {
        const events = node.evidence.edges.map((e) => e.node);
        findings.push({
          controlId: node.control.id,
          framework: node.control.framework,
          controlTitle: node.control.title,
          title: node.title,
          severity: node.severity,
          description: node.description,
          recommendation: node.recommendation,
          evidenceCount: node.evidenceCount,
          evidence: events,
        });
      }
      findingsAfter = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (findingsAfter);
    out.push({ ...report, failingFindings: findings });
  }
  return { generatedAt: new Date().toISOString(), period: { from: options.from.toISOString(), to: options.to.toISOString() }, reports: out };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, key: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } });
  if (!values.url || !values.key || !values.from || !values.to) {
    console.error('usage: npm run example:grc -- --url URL --key API_KEY --from ISO --to ISO [--out FILE]');
    process.exit(2);
  }
  const summary = await runGrcExport({ url: values.url, apiKey: values.key, from: new Date(values.from), to: new Date(values.to) });
  const text = JSON.stringify(summary, null, 2) + '\n';
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
}
