/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    viewer {\n      role\n      keyName\n      organization { id name }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name role prefix revokedAt } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ListApiKeys {\n    viewer { organization { apiKeys { id name role lastUsedAt revokedAt } } }\n  }\n": typeof types.ListApiKeysDocument,
    "\n  query AuditEventsPage($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id sequence clientId occurredAt receivedAt environment agentId sessionId\n          actor { type id email }\n          category action decision policyId tool { name tags } severity outcome\n          dataSubjects personalData costUsd ttlSeconds attributes\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsPageDocument,
    "\n  query AuditEventNode($id: ID!) {\n    node(id: $id) { id ... on AuditEvent { clientId action } }\n  }\n": typeof types.AuditEventNodeDocument,
    "\n  query Registries {\n    agents { agentId firstSeenAt lastSeenAt }\n    environments { name firstSeenAt lastSeenAt }\n    tools { name tags firstSeenAt lastSeenAt }\n  }\n": typeof types.RegistriesDocument,
    "\n  mutation IngestAuditEvents($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n": typeof types.IngestAuditEventsDocument,
    "\n  mutation CreateKeyForTrail($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } }\n  }\n": typeof types.CreateKeyForTrailDocument,
    "\n  mutation RevokeKeyForTrail($id: ID!) {\n    revokeApiKey(id: $id) { id }\n  }\n": typeof types.RevokeKeyForTrailDocument,
    "\n  query OcsfEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt agentId sessionId\n          actor { type id }\n          category action decision tool { name } resource severity outcome correlationId region attributes\n        }\n      }\n    }\n  }\n": typeof types.OcsfEventsDocument,
    "\n  query OtlpEvents($filter: AuditEventFilter) {\n    auditEvents(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt environment agentId sessionId\n          actor { type id }\n          category action decision policyId policyVersion\n          tool { name tags }\n          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes\n        }\n      }\n    }\n  }\n": typeof types.OtlpEventsDocument,
    "\n  query RateLimitedRole {\n    viewer { role }\n  }\n": typeof types.RateLimitedRoleDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      role\n      keyName\n      organization { id name }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name role prefix revokedAt } }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ListApiKeys {\n    viewer { organization { apiKeys { id name role lastUsedAt revokedAt } } }\n  }\n": types.ListApiKeysDocument,
    "\n  query AuditEventsPage($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id sequence clientId occurredAt receivedAt environment agentId sessionId\n          actor { type id email }\n          category action decision policyId tool { name tags } severity outcome\n          dataSubjects personalData costUsd ttlSeconds attributes\n        }\n      }\n    }\n  }\n": types.AuditEventsPageDocument,
    "\n  query AuditEventNode($id: ID!) {\n    node(id: $id) { id ... on AuditEvent { clientId action } }\n  }\n": types.AuditEventNodeDocument,
    "\n  query Registries {\n    agents { agentId firstSeenAt lastSeenAt }\n    environments { name firstSeenAt lastSeenAt }\n    tools { name tags firstSeenAt lastSeenAt }\n  }\n": types.RegistriesDocument,
    "\n  mutation IngestAuditEvents($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n": types.IngestAuditEventsDocument,
    "\n  mutation CreateKeyForTrail($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } }\n  }\n": types.CreateKeyForTrailDocument,
    "\n  mutation RevokeKeyForTrail($id: ID!) {\n    revokeApiKey(id: $id) { id }\n  }\n": types.RevokeKeyForTrailDocument,
    "\n  query OcsfEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt agentId sessionId\n          actor { type id }\n          category action decision tool { name } resource severity outcome correlationId region attributes\n        }\n      }\n    }\n  }\n": types.OcsfEventsDocument,
    "\n  query OtlpEvents($filter: AuditEventFilter) {\n    auditEvents(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt environment agentId sessionId\n          actor { type id }\n          category action decision policyId policyVersion\n          tool { name tags }\n          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes\n        }\n      }\n    }\n  }\n": types.OtlpEventsDocument,
    "\n  query RateLimitedRole {\n    viewer { role }\n  }\n": types.RateLimitedRoleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      role\n      keyName\n      organization { id name }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      role\n      keyName\n      organization { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name role prefix revokedAt } }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name role prefix revokedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListApiKeys {\n    viewer { organization { apiKeys { id name role lastUsedAt revokedAt } } }\n  }\n"): (typeof documents)["\n  query ListApiKeys {\n    viewer { organization { apiKeys { id name role lastUsedAt revokedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEventsPage($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id sequence clientId occurredAt receivedAt environment agentId sessionId\n          actor { type id email }\n          category action decision policyId tool { name tags } severity outcome\n          dataSubjects personalData costUsd ttlSeconds attributes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEventsPage($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id sequence clientId occurredAt receivedAt environment agentId sessionId\n          actor { type id email }\n          category action decision policyId tool { name tags } severity outcome\n          dataSubjects personalData costUsd ttlSeconds attributes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEventNode($id: ID!) {\n    node(id: $id) { id ... on AuditEvent { clientId action } }\n  }\n"): (typeof documents)["\n  query AuditEventNode($id: ID!) {\n    node(id: $id) { id ... on AuditEvent { clientId action } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Registries {\n    agents { agentId firstSeenAt lastSeenAt }\n    environments { name firstSeenAt lastSeenAt }\n    tools { name tags firstSeenAt lastSeenAt }\n  }\n"): (typeof documents)["\n  query Registries {\n    agents { agentId firstSeenAt lastSeenAt }\n    environments { name firstSeenAt lastSeenAt }\n    tools { name tags firstSeenAt lastSeenAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IngestAuditEvents($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n"): (typeof documents)["\n  mutation IngestAuditEvents($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateKeyForTrail($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } }\n  }\n"): (typeof documents)["\n  mutation CreateKeyForTrail($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeKeyForTrail($id: ID!) {\n    revokeApiKey(id: $id) { id }\n  }\n"): (typeof documents)["\n  mutation RevokeKeyForTrail($id: ID!) {\n    revokeApiKey(id: $id) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OcsfEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt agentId sessionId\n          actor { type id }\n          category action decision tool { name } resource severity outcome correlationId region attributes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OcsfEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt agentId sessionId\n          actor { type id }\n          category action decision tool { name } resource severity outcome correlationId region attributes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OtlpEvents($filter: AuditEventFilter) {\n    auditEvents(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt environment agentId sessionId\n          actor { type id }\n          category action decision policyId policyVersion\n          tool { name tags }\n          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OtlpEvents($filter: AuditEventFilter) {\n    auditEvents(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt environment agentId sessionId\n          actor { type id }\n          category action decision policyId policyVersion\n          tool { name tags }\n          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateLimitedRole {\n    viewer { role }\n  }\n"): (typeof documents)["\n  query RateLimitedRole {\n    viewer { role }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;