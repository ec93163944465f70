/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Who acted: a person, an agent, a service or the system. */
export type ActorType =
  /** `agent` in the ingestion contract. */
  | 'AGENT'
  /** `service` in the ingestion contract. */
  | 'SERVICE'
  /** `system` in the ingestion contract. */
  | 'SYSTEM'
  /** `user` in the ingestion contract. */
  | 'USER';

/** Who acted. Values are checked per event, so one bad actor rejects only its event. */
export type AuditActorInput = {
  /** E-mail address, for people. */
  email?: string | null | undefined;
  /** Required: the actor's id in your system. */
  id?: string | null | undefined;
  /** Required: user, agent, service or system. */
  type?: string | null | undefined;
};

/** What kind of governance activity an event records. */
export type AuditEventCategory =
  /** `admin` in the ingestion contract. */
  | 'ADMIN'
  /** `approval` in the ingestion contract. */
  | 'APPROVAL'
  /** `auth` in the ingestion contract. */
  | 'AUTH'
  /** `config_change` in the ingestion contract. */
  | 'CONFIG_CHANGE'
  /** `credential` in the ingestion contract. */
  | 'CREDENTIAL'
  /** `delegation` in the ingestion contract. */
  | 'DELEGATION'
  /** `dlp` in the ingestion contract. */
  | 'DLP'
  /** `error` in the ingestion contract. */
  | 'ERROR'
  /** `escalation` in the ingestion contract. */
  | 'ESCALATION'
  /** `injection` in the ingestion contract. */
  | 'INJECTION'
  /** `monitoring` in the ingestion contract. */
  | 'MONITORING'
  /** `policy_decision` in the ingestion contract. */
  | 'POLICY_DECISION'
  /** `threat_intel` in the ingestion contract. */
  | 'THREAT_INTEL'
  /** `tool_call` in the ingestion contract. */
  | 'TOOL_CALL';

/** Which events; all conditions must hold. Lists match any of their values. */
export type AuditEventFilter = {
  /** Only these actions, e.g. approval.granted. */
  actions?: Array<string> | null | undefined;
  /** Only these agents. */
  agentIds?: Array<string> | null | undefined;
  /** Only these categories. */
  categories?: Array<AuditEventCategory> | null | undefined;
  /** Only events about this data subject. */
  dataSubject?: string | null | undefined;
  /** Only these policy decisions. */
  decisions?: Array<PolicyDecision> | null | undefined;
  /** Only this environment. */
  environment?: string | null | undefined;
  /** Occurred at or after this instant. */
  from?: string | null | undefined;
  /** Only these severities. */
  severities?: Array<EventSeverity> | null | undefined;
  /** Occurred before this instant. */
  to?: string | null | undefined;
};

/** An audit event, exactly as in the NDJSON ingestion contract. Required fields are checked per event. */
export type AuditEventInput = {
  /** Required: what happened within the category, e.g. approval.granted. */
  action?: string | null | undefined;
  /** Who acted. */
  actor?: AuditActorInput | null | undefined;
  /** The agent that acted. */
  agentId?: string | null | undefined;
  /** Anything else, as a JSON object of at most 64 KiB. */
  attributes?: unknown;
  /** Required: one of policy_decision, tool_call, approval, dlp, injection, credential, delegation, admin, config_change, escalation, auth, monitoring, threat_intel, error. */
  category?: string | null | undefined;
  /** Pairs a request with its resolution. */
  correlationId?: string | null | undefined;
  /** Processing cost in US dollars. */
  costUsd?: number | null | undefined;
  /** Whose personal data. */
  dataSubjects?: Array<string> | null | undefined;
  /** Policy decision: one of allow, deny, alert, hold. */
  decision?: string | null | undefined;
  /** Environment, e.g. production; `default` when absent. */
  environment?: string | null | undefined;
  /** Your idempotency key: re-sending the same id never stores the event twice. */
  id?: string | null | undefined;
  /** GDPR processing basis. */
  legalBasis?: string | null | undefined;
  /** Required: ISO 8601 with a time-zone offset, e.g. 2026-01-31T12:00:00Z. */
  occurredAt?: string | null | undefined;
  /** One of success, failure. */
  outcome?: string | null | undefined;
  /** Which categories of personal data. */
  personalData?: Array<string> | null | undefined;
  /** The explicit policy that decided, if any. */
  policyId?: string | null | undefined;
  /** Version of that policy. */
  policyVersion?: string | null | undefined;
  /** Third party the data was shared with. */
  recipient?: string | null | undefined;
  /** Region of processing. */
  region?: string | null | undefined;
  /** What was touched. */
  resource?: string | null | undefined;
  /** The agent's session. */
  sessionId?: string | null | undefined;
  /** One of info, low, medium, high, critical. */
  severity?: string | null | undefined;
  /** The gateway or other system that sends the event (e.g. its id), for filtering exports by source. */
  source?: string | null | undefined;
  /** The tool concerned. */
  tool?: AuditToolInput | null | undefined;
  /** Lifetime of a credential lease, in seconds. */
  ttlSeconds?: number | null | undefined;
};

/** The tool an event concerns. */
export type AuditToolInput = {
  /** Required: tool name. */
  name?: string | null | undefined;
  /** Tags; `pii` marks tools that touch personal data. */
  tags?: Array<string> | null | undefined;
};

/** The statement for one control. */
export type ControlApplicabilityInput = {
  /** True: the control is necessary; false: excluded. */
  applicable: boolean;
  /** Annex A identifier, e.g. A.5.15. */
  controlId: string;
  /** Whether it is implemented; an excluded control is NOT_IMPLEMENTED or UNKNOWN. */
  implementation: ImplementationStatus;
  /** Why it is included or excluded (required either way, at most 2000 characters). */
  justification: string;
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** A name to recognise the key by, 1–100 characters. */
  name: string;
  /** The role the key grants. */
  role: Role;
};

/** A share link to a completed compliance package: its PDF and zip. Package files are shared as signed (no redaction). */
export type CreateCompliancePackageShareLinkInput = {
  /** The package (CompliancePackage.id). */
  compliancePackageId: string | number;
  /** Hours the link works, 1–720. */
  expiresInHours: number;
  /** Files to share; defaults to both. */
  files?: Array<PackageFile> | null | undefined;
  /** Generate a password (shown once) that the holder must enter. */
  passwordProtected?: boolean | null | undefined;
  /** NONE only: a package is shared as it was signed. */
  redaction?: ShareRedaction | null | undefined;
};

/** A share link to a completed data export: its file and, if asked, its signed bundle. Export files are shared as signed (no redaction). */
export type CreateDataExportShareLinkInput = {
  /** The export (DataExport.id). */
  dataExportId: string | number;
  /** Hours the link works, 1–720. */
  expiresInHours: number;
  /** Files to share; defaults to the file and its bundle. */
  files?: Array<ExportShareFile> | null | undefined;
  /** Generate a password (shown once) that the holder must enter. */
  passwordProtected?: boolean | null | undefined;
  /** NONE only: an export is shared as it was signed. */
  redaction?: ShareRedaction | null | undefined;
};

/** A recurring report. */
export type CreateScheduleInput = {
  /** Only these agents. */
  agentIds?: Array<string> | null | undefined;
  /** Monthly: 1–28; default 1. */
  dayOfMonth?: number | null | undefined;
  /** Weekly: ISO weekday 1 (Monday) … 7 (Sunday); default 1. */
  dayOfWeek?: number | null | undefined;
  /** Storage targets (StorageTarget.id) each report's files are uploaded to once it completes. */
  deliverTo?: Array<string | number> | null | undefined;
  /** Only this environment. */
  environment?: string | null | undefined;
  /** Data exports each run makes beside its report (null on update: none). */
  exports?: ScheduleExportsInput | null | undefined;
  /** WEEKLY, MONTHLY or QUARTERLY. */
  frequency: ScheduleFrequency;
  /** Webhooks and e-mails on completion or failure. */
  notify?: ScheduleNotifyInput | null | undefined;
  /** Make each run a compliance package of several frameworks and data exports instead of one report (null on update: back to one report). */
  package?: SchedulePackageInput | null | undefined;
  /** Days each report covers (1–366); default 7 weekly, the previous calendar month monthly. */
  periodDays?: number | null | undefined;
  /** IANA time zone, e.g. Europe/Berlin; default UTC. */
  timezone?: string | null | undefined;
  /** Title template, e.g. "SOC 2 {month} {year}"; placeholders {month} {year} {quarter} {start} {end}. */
  titleTemplate?: string | null | undefined;
  /** Report type, e.g. soc2 (see the frameworks query); required unless package is given. */
  type?: string | null | undefined;
};

/** A share link to a completed report. */
export type CreateShareLinkInput = {
  /** Hours the link works, 1–720. */
  expiresInHours: number;
  /** Files to share; defaults to every format but the evidence bundle. */
  formats?: Array<ShareLinkFormat> | null | undefined;
  /** Generate a password (shown once) that the holder must enter. */
  passwordProtected?: boolean | null | undefined;
  /** NONE, or PSEUDONYMISE people in every file. */
  redaction?: ShareRedaction | null | undefined;
  /** The report (Report.id). */
  reportId: string | number;
};

/** A file a completed report can be downloaded as. */
export type DownloadFormat =
  /** Evidence bundle: every format, the evidence events as NDJSON, and a signed manifest of SHA-256 hashes. */
  | 'BUNDLE'
  /** A zip of CSV files, one per table (findings, metrics, each report table, integrity), escaped against formula injection. */
  | 'CSV'
  /** The canonical report with its content hash and Ed25519 signature; `agent-reports verify` checks it offline. */
  | 'JSON'
  /** Markdown. */
  | 'MD'
  /** OSCAL 1.2.1 assessment results (JSON) for GRC tools. */
  | 'OSCAL'
  /** PDF with cover, contents, charts, control → evidence table and the integrity section. */
  | 'PDF';

/** Whether the action succeeded. */
export type EventOutcome =
  /** `failure` in the ingestion contract. */
  | 'FAILURE'
  /** `success` in the ingestion contract. */
  | 'SUCCESS';

/** How much an event matters. */
export type EventSeverity =
  /** `critical` in the ingestion contract. */
  | 'CRITICAL'
  /** `high` in the ingestion contract. */
  | 'HIGH'
  /** `info` in the ingestion contract. */
  | 'INFO'
  /** `low` in the ingestion contract. */
  | 'LOW'
  /** `medium` in the ingestion contract. */
  | 'MEDIUM';

/** File format of an export. */
export type ExportFormat =
  /** CSV (RFC 4180, UTF-8 with BOM), cells escaped against formula injection */
  | 'CSV'
  /** One JSON array of objects */
  | 'JSON'
  /** One JSON object per line */
  | 'NDJSON'
  /** Apache Parquet (Snappy), times as UTC milliseconds */
  | 'PARQUET';

/** What an export contains. */
export type ExportKind =
  /** Audit log: The service's own actions: reports requested, downloaded and shared, share links used, schedules and keys changed, exports made. */
  | 'AUDIT_LOG'
  /** Configuration changelog: Policy, DLP-rule, secret and configuration changes: who changed what, and the value before and after. */
  | 'CONFIG_CHANGES'
  /** Gateway decisions: Every decision a gateway made (allow, deny, alert, hold) with its policy, tool and outcome. */
  | 'DECISIONS'
  /** Escalation history: Every escalation opened in the period with how and when it was resolved (open when no resolution was recorded up to the watermark). */
  | 'ESCALATIONS';

/** A file a share link to a data export serves. */
export type ExportShareFile =
  /** A zip of the file, its signed manifest, the public key and a README. */
  | 'BUNDLE'
  /** The data file itself (CSV, JSON, NDJSON or Parquet). */
  | 'FILE';

/** How much a failing finding matters; weighs the score (critical 10, high 6, medium 3, low 1, info 0). */
export type FindingSeverity =
  | 'CRITICAL'
  | 'HIGH'
  | 'INFO'
  | 'LOW'
  | 'MEDIUM';

/** Outcome of a check: the control met its threshold, came close, missed it, or had nothing to measure. */
export type FindingStatus =
  | 'FAIL'
  | 'NOT_APPLICABLE'
  | 'PASS'
  | 'WARN';

/** What to report on. */
export type GenerateReportInput = {
  /** Only these agents. */
  agentIds?: Array<string> | null | undefined;
  /** Data subject of a GDPR access export (gdpr_dsar). */
  dataSubject?: string | null | undefined;
  /** Storage targets (StorageTarget.id) the report's files are uploaded to once it completes. */
  deliverTo?: Array<string | number> | null | undefined;
  /** Only this environment. */
  environment?: string | null | undefined;
  /** Period; defaults to the last 30 days. */
  period?: PeriodInput | null | undefined;
  /** Title; a default names the framework and period. */
  title?: string | null | undefined;
  /** Report type, e.g. soc2 (see the frameworks query). */
  type: string;
};

/** Whether a control is implemented: UNKNOWN until someone states it. */
export type ImplementationStatus =
  | 'IMPLEMENTED'
  | 'NOT_IMPLEMENTED'
  | 'PARTIALLY_IMPLEMENTED'
  | 'PLANNED'
  | 'UNKNOWN';

/** How a notification is delivered. */
export type NotificationChannel =
  | 'EMAIL'
  /** An upload to an S3-compatible storage target. */
  | 'S3'
  | 'WEBHOOK';

/** PENDING (not delivered yet; retried with backoff, or waiting for SMTP to be configured), DELIVERED, FAILED (retries exhausted). */
export type NotificationStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING';

/** Organisation settings to change; omitted fields keep their value. */
export type OrganizationSettingsInput = {
  /** Who is told when any report of the organisation completes or fails (a given list replaces the current one). */
  notify?: ScheduleNotifyInput | null | undefined;
  /** Days report files are kept after completion, 1–3650. */
  retentionDays?: number | null | undefined;
};

/** The two files of a compliance package. */
export type PackageFile =
  /** One document: cover, contents, every report, the exports and their hashes. */
  | 'PDF'
  /** Every report in every format, the exports with their signed manifests, the PDF, and one signed manifest of every file. */
  | 'ZIP';

/** A period; omitted parts default to the last 30 days ending now. */
export type PeriodInput = {
  /** End, excluded. */
  end?: string | null | undefined;
  /** Start, included. */
  start?: string | null | undefined;
};

/** What a gateway decided about a tool call. */
export type PolicyDecision =
  /** `alert` in the ingestion contract. */
  | 'ALERT'
  /** `allow` in the ingestion contract. */
  | 'ALLOW'
  /** `deny` in the ingestion contract. */
  | 'DENY'
  /** `hold` in the ingestion contract. */
  | 'HOLD';

/** Which reports to list. */
export type ReportFilter = {
  /** Requested after this instant. */
  createdAfter?: string | null | undefined;
  /** Requested before this instant. */
  createdBefore?: string | null | undefined;
  /** Only this status. */
  status?: ReportStatus | null | undefined;
  /** Only this report type. */
  type?: string | null | undefined;
};

/** pending → generating → completed | failed | cancelled; expired once its files pass retention. */
export type ReportStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'FAILED'
  | 'GENERATING'
  | 'PENDING';

/** What a package holds: one report per framework and the data exports, all over the same period and scope. */
export type RequestCompliancePackageInput = {
  /** Only these agents. */
  agentIds?: Array<string> | null | undefined;
  /** Storage targets (StorageTarget.id) the PDF, the zip and the signed manifest are uploaded to once the package completes. */
  deliverTo?: Array<string | number> | null | undefined;
  /** Only this environment. */
  environment?: string | null | undefined;
  /** Format of the data exports; CSV by default. */
  exportFormat?: ExportFormat | null | undefined;
  /** Data exports to include (none by default). */
  exportKinds?: Array<ExportKind> | null | undefined;
  /** Report types (as for generateReport), 1 to 12, each once; the package keeps this order. */
  frameworks: Array<string>;
  /** Period; defaults to the last 30 days. */
  period?: PeriodInput | null | undefined;
  /** Title on the cover; defaults to the frameworks and the period. */
  title?: string | null | undefined;
};

/** What to export. Filters left out do not filter. */
export type RequestDataExportInput = {
  /** Only these agents. */
  agentIds?: Array<string> | null | undefined;
  /** Only these event categories. */
  categories?: Array<string> | null | undefined;
  /** Only these decisions (allow, deny, alert, hold). */
  decisions?: Array<string> | null | undefined;
  /** Storage targets (StorageTarget.id) the file, its manifest and signature are uploaded to once it completes. */
  deliverTo?: Array<string | number> | null | undefined;
  /** Only this environment. */
  environment?: string | null | undefined;
  /** File format. */
  format: ExportFormat;
  /** What to export. */
  kind: ExportKind;
  /** Period; defaults to the last 30 days. */
  period?: PeriodInput | null | undefined;
  /** Only these severities (info, low, medium, high, critical). */
  severities?: Array<string> | null | undefined;
  /** Only events sent by these gateways or source systems (AuditEvent.source). */
  sources?: Array<string> | null | undefined;
};

/** What an API key may do: admin (everything), auditor (read reports, findings, evidence, downloads), ingest (write events), viewer (read reports). */
export type Role =
  | 'ADMIN'
  | 'AUDITOR'
  | 'INGEST'
  | 'VIEWER';

/** Data exports each run makes beside its report, over the run's period and the schedule's scope, delivered to its storage targets like the report. */
export type ScheduleExportsInput = {
  /** File format; CSV by default. */
  format?: ExportFormat | null | undefined;
  /** Export kinds, one export each. */
  kinds: Array<ExportKind>;
};

/** WEEKLY (on dayOfWeek), MONTHLY (on dayOfMonth) or QUARTERLY (Jan 1, Apr 1, Jul 1, Oct 1, for the previous quarter); runs at 01:00 in the schedule's time zone. */
export type ScheduleFrequency =
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'WEEKLY';

/** Who to tell when a report completes or fails (of a schedule, or of the whole organisation). */
export type ScheduleNotifyInput = {
  /** E-mail addresses, at most 20. */
  emails?: Array<string> | null | undefined;
  /** https URLs to public addresses for signed JSON POSTs, at most 10 (plain http and private addresses only for hosts in WEBHOOK_ALLOWED_HOSTS). */
  webhooks?: Array<string> | null | undefined;
};

/** Makes each run a compliance package: one report per framework and these data exports, over the run's period and the schedule's scope. */
export type SchedulePackageInput = {
  /** Format of the data exports; CSV by default. */
  exportFormat?: ExportFormat | null | undefined;
  /** Data exports to include (none by default). */
  exportKinds?: Array<ExportKind> | null | undefined;
  /** Report types, 1 to 12, each once; the schedule's type is the first. */
  frameworks: Array<string>;
};

/** A file a share link serves: json, csv (zip of tables), md, pdf, oscal, bundle (evidence bundle; not with pseudonymisation). */
export type ShareLinkFormat =
  | 'BUNDLE'
  | 'CSV'
  | 'JSON'
  | 'MD'
  | 'OSCAL'
  | 'PDF';

/** Whether the link can be used now. */
export type ShareLinkState =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'LOCKED'
  | 'REVOKED';

/** What a share link hides: NONE, or PSEUDONYMISE (people's e-mails and ids replaced by stable pseudonyms in every file). */
export type ShareRedaction =
  | 'NONE'
  | 'PSEUDONYMISE';

/** SLA targets to change; omitted fields keep their value. */
export type SlaTargetsInput = {
  /** Minutes to answer an approval request, 1–10080. */
  approvalMinutes?: number | null | undefined;
  /** Minutes to decide a held action, 1–10080. */
  holdMinutes?: number | null | undefined;
};

/** Changes to a schedule; omitted fields keep their value. */
export type UpdateScheduleInput = {
  /** Only these agents. */
  agentIds?: Array<string> | null | undefined;
  /** Monthly: 1–28; default 1. */
  dayOfMonth?: number | null | undefined;
  /** Weekly: ISO weekday 1 (Monday) … 7 (Sunday); default 1. */
  dayOfWeek?: number | null | undefined;
  /** Storage targets (StorageTarget.id) each report's files are uploaded to once it completes. */
  deliverTo?: Array<string | number> | null | undefined;
  /** Only this environment. */
  environment?: string | null | undefined;
  /** Data exports each run makes beside its report (null on update: none). */
  exports?: ScheduleExportsInput | null | undefined;
  /** WEEKLY, MONTHLY or QUARTERLY. */
  frequency?: ScheduleFrequency | null | undefined;
  /** Webhooks and e-mails on completion or failure. */
  notify?: ScheduleNotifyInput | null | undefined;
  /** Make each run a compliance package of several frameworks and data exports instead of one report (null on update: back to one report). */
  package?: SchedulePackageInput | null | undefined;
  /** true pauses, false resumes. */
  paused?: boolean | null | undefined;
  /** Days each report covers (1–366); default 7 weekly, the previous calendar month monthly. */
  periodDays?: number | null | undefined;
  /** IANA time zone, e.g. Europe/Berlin; default UTC. */
  timezone?: string | null | undefined;
  /** Title template, e.g. "SOC 2 {month} {year}"; placeholders {month} {year} {quarter} {start} {end}. */
  titleTemplate?: string | null | undefined;
  /** Report type, e.g. soc2 (see the frameworks query). */
  type?: string | null | undefined;
};

export type GrcCompletedReportsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type GrcCompletedReportsQuery = { reports: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, type: string, title: string, score: number | null, grade: string | null, completedAt: string | null, period: { start: string, end: string }, integrity: { contentSha256: string | null, signature: string | null, signatureKeyId: string | null } | null } }> } };

export type GrcFailingFindingsQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
  evidence: number;
}>;


export type GrcFailingFindingsQuery = { report: { findings: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, severity: FindingSeverity, description: string, recommendation: string | null, evidenceCount: number, control: { id: string, framework: string, title: string }, evidence: { edges: Array<{ node: { id: string, sequence: number, occurredAt: string, category: AuditEventCategory, action: string, decision: PolicyDecision | null, agentId: string | null, correlationId: string | null, actor: { type: ActorType, id: string } | null } }> } } }> } } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { role: Role, keyName: string, organization: { id: string, name: string } } };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, role: Role, prefix: string, revokedAt: string | null } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string, revokedAt: string | null, lastUsedAt: string | null } };

export type ListApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ListApiKeysQuery = { viewer: { organization: { apiKeys: Array<{ id: string, name: string, role: Role, lastUsedAt: string | null, revokedAt: string | null }> } } };

export type AuditEventsPageQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditEventsPageQuery = { auditEvents: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, sequence: number, clientId: string | null, occurredAt: string, receivedAt: string, environment: string, agentId: string | null, sessionId: string | null, category: AuditEventCategory, action: string, decision: PolicyDecision | null, policyId: string | null, severity: EventSeverity | null, outcome: EventOutcome | null, dataSubjects: Array<string>, personalData: Array<string>, costUsd: number | null, ttlSeconds: number | null, attributes: unknown, actor: { type: ActorType, id: string, email: string | null } | null, tool: { name: string, tags: Array<string> } | null } }> } };

export type AuditEventNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type AuditEventNodeQuery = { node:
    | { clientId: string | null, action: string, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type RegistriesQueryVariables = Exact<{ [key: string]: never; }>;


export type RegistriesQuery = { agents: Array<{ agentId: string, firstSeenAt: string, lastSeenAt: string }>, environments: Array<{ name: string, firstSeenAt: string, lastSeenAt: string }>, tools: Array<{ name: string, tags: Array<string>, firstSeenAt: string, lastSeenAt: string }> };

export type LimitsShareMutationVariables = Exact<{
  input: CreateShareLinkInput;
}>;


export type LimitsShareMutation = { createShareLink: { url: string, password: string | null } };

export type LimitsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsViewerQuery = { viewer: { role: Role } };

export type IngestAuditEventsMutationVariables = Exact<{
  events: Array<AuditEventInput> | AuditEventInput;
}>;


export type IngestAuditEventsMutation = { ingestAuditEvents: { accepted: number, duplicates: number, rejected: Array<{ index: number, field: string, message: string }> } };

export type SoAQueryVariables = Exact<{ [key: string]: never; }>;


export type SoAQuery = { statementOfApplicability: Array<{ controlId: string, title: string, applicable: boolean, justification: string, implementation: ImplementationStatus, revision: number, recordedBy: string | null, history: Array<{ revision: number, implementation: ImplementationStatus }> }> };

export type RecordSoAMutationVariables = Exact<{
  statements: Array<ControlApplicabilityInput> | ControlApplicabilityInput;
}>;


export type RecordSoAMutation = { recordControlApplicability: { recorded: Array<{ controlId: string, applicable: boolean, justification: string, implementation: ImplementationStatus, revision: number, recordedBy: string | null }>, rejected: Array<{ index: number, field: string, message: string }> } };

export type ReproduceMutationVariables = Exact<{
  id: string | number;
}>;


export type ReproduceMutation = { reproduceReport: { identical: boolean, sha256: string, differences: Array<string>, checkedAt: string } };

export type ReproductionQueryVariables = Exact<{
  id: string | number;
}>;


export type ReproductionQuery = { report: { reproduction: { identical: boolean, sha256: string } | null } | null };

export type PackageRequestMutationVariables = Exact<{
  input: RequestCompliancePackageInput;
}>;


export type PackageRequestMutation = { requestCompliancePackage: { id: string, status: ReportStatus, title: string, frameworks: Array<string>, exportKinds: Array<ExportKind>, exportFormat: ExportFormat } };

export type PackageGetQueryVariables = Exact<{
  id: string | number;
}>;


export type PackageGetQuery = { node:
    | { id: string, status: ReportStatus, error: string | null, signature: string | null, signatureKeyId: string | null, expiresAt: string | null, progress: { percent: number, stage: string, message: string }, period: { start: string, end: string }, reports: Array<{ id: string, type: string, status: ReportStatus, title: string, downloads: Array<{ format: DownloadFormat, url: string, pageCount: number | null }> }>, dataExports: Array<{ id: string, kind: ExportKind, status: ReportStatus, sha256: string | null, downloadUrl: string | null }>, downloads: Array<{ file: PackageFile, url: string, sizeBytes: number, sha256: string, pageCount: number | null }> }
    | Record<PropertyKey, never>
   | null };

export type PackageListQueryVariables = Exact<{ [key: string]: never; }>;


export type PackageListQuery = { compliancePackages: { totalCount: number, edges: Array<{ node: { id: string, status: ReportStatus } }> } };

export type PackageScheduleCreateMutationVariables = Exact<{
  input: CreateScheduleInput;
}>;


export type PackageScheduleCreateMutation = { createSchedule: { id: string, type: string, titleTemplate: string, package: { frameworks: Array<string>, exportKinds: Array<ExportKind>, exportFormat: ExportFormat } | null } };

export type PackageScheduleRunMutationVariables = Exact<{
  id: string | number;
}>;


export type PackageScheduleRunMutation = { runScheduleNow: { id: string, type: string } };

export type PackageSchedulePackagesQueryVariables = Exact<{ [key: string]: never; }>;


export type PackageSchedulePackagesQuery = { schedules: Array<{ id: string, packages: Array<{ id: string, status: ReportStatus, title: string, frameworks: Array<string>, period: { start: string, end: string }, reports: Array<{ type: string }>, dataExports: Array<{ kind: ExportKind, format: ExportFormat }> }> }> };

export type ScheduleExportsListQueryVariables = Exact<{ [key: string]: never; }>;


export type ScheduleExportsListQuery = { schedules: Array<{ id: string, exports: { kinds: Array<ExportKind>, format: ExportFormat } | null, reports: Array<{ id: string, period: { start: string, end: string } }>, dataExports: Array<{ kind: ExportKind, format: ExportFormat, status: ReportStatus, period: { start: string, end: string }, filters: { environment: string | null } }> }> };

export type PackageCancelMutationVariables = Exact<{
  id: string | number;
}>;


export type PackageCancelMutation = { cancelCompliancePackage: { id: string, status: ReportStatus } };

export type PackagePartCancelMutationVariables = Exact<{
  id: string | number;
}>;


export type PackagePartCancelMutation = { cancelReport: { id: string, status: ReportStatus } };

export type ConsoleTestLatestExportQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTestLatestExportQuery = { dataExports: { edges: Array<{ node: { id: string, sha256: string | null, rowCount: number | null } }> } };

export type ConsoleTestLatestPackageQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTestLatestPackageQuery = { compliancePackages: { edges: Array<{ node: { id: string, title: string } }> } };

export type ConsoleTestPackageLinksQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleTestPackageLinksQuery = { shareLinks: Array<{ passwordProtected: boolean, packageFiles: Array<PackageFile> }> };

export type ConsoleTestReportQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleTestReportQuery = { report: { type: string, score: number | null, versions: Array<{ id: string, version: number, score: number | null }>, sections: Array<{ tables: Array<{ id: string, columns: Array<string>, rows: unknown }> }>, fail: { totalCount: number }, warn: { totalCount: number }, pass: { totalCount: number }, na: { totalCount: number } } | null };

export type ConsoleTestEvidenceQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type ConsoleTestEvidenceQuery = { node:
    | { evidence: { totalCount: number, edges: Array<{ node: { clientId: string | null, sequence: number, occurredAt: string } }> } }
    | Record<PropertyKey, never>
   | null };

export type ConsoleTestSoc2ReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleTestSoc2ReportsQuery = { reports: { edges: Array<{ node: { id: string, score: number | null, createdAt: string, period: { end: string } } }> } };

export type ExportRequestMutationVariables = Exact<{
  input: RequestDataExportInput;
}>;


export type ExportRequestMutation = { requestDataExport: { id: string, status: ReportStatus, kind: ExportKind, format: ExportFormat, filters: { environment: string | null, decisions: Array<string>, sources: Array<string> } } };

export type ExportGetQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportGetQuery = { node:
    | { id: string, status: ReportStatus, rowCount: number | null, sizeBytes: number | null, sha256: string | null, signature: string | null, signatureKeyId: string | null, downloadUrl: string | null, expiresAt: string | null, error: string | null, progress: { percent: number, stage: string, message: string } }
    | Record<PropertyKey, never>
   | null };

export type ExportListQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportListQuery = { dataExports: { totalCount: number, edges: Array<{ node: { id: string, kind: ExportKind } }> } };

export type ExportCancelMutationVariables = Exact<{
  id: string | number;
}>;


export type ExportCancelMutation = { cancelDataExport: { id: string, status: ReportStatus } };

export type ExportSourceEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportSourceEventsQuery = { auditEvents: { edges: Array<{ node: { clientId: string | null, source: string | null } }> } };

export type ExportKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportKeysQuery = { viewer: { organization: { signingKeys: Array<{ id: string, publicKeyPem: string }> } } };

export type ReportDownloadsQueryVariables = Exact<{
  id: string | number;
}>;


export type ReportDownloadsQuery = { report: { status: ReportStatus, downloads: Array<{ format: DownloadFormat, url: string, sizeBytes: number | null, sha256: string | null, pageCount: number | null }> } | null };

export type FindingsReportIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type FindingsReportIdsQuery = { reports: { edges: Array<{ node: { id: string, type: string } }> } };

export type DrilldownQueryVariables = Exact<{
  id: string | number;
  findings: number;
  evidence: number;
}>;


export type DrilldownQuery = { report: { id: string, score: number | null, grade: string | null, summary: string | null, stale: boolean, integrity: { eventCount: number, timeCoverage: number | null, gapCount: number, contentSha256: string | null, watermark: number | null, sampleSeed: string | null, frameworkVersion: string | null } | null, sections: Array<{ id: string, title: string, metrics: Array<{ id: string, value: number | null, unit: string }>, tables: Array<{ id: string, columns: Array<string>, rows: unknown, truncated: { shown: number, total: number } | null }> }>, findings: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, ordinal: number, status: FindingStatus, severity: FindingSeverity, evidenceCount: number, control: { id: string, framework: string, title: string }, evidence: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, sequence: number, action: string, correlationId: string | null } }> } } }> } } | null };

export type FailingFindingsQueryVariables = Exact<{
  id: string | number;
}>;


export type FailingFindingsQuery = { report: { findings: { totalCount: number, edges: Array<{ node: { id: string, status: FindingStatus, severity: FindingSeverity, control: { id: string } } }> } } | null };

export type EvidencePageQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type EvidencePageQuery = { node:
    | { evidenceCount: number, evidence: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, sequence: number, findings: Array<{ id: string }> } }> }, evidenceSample: Array<{ sequence: number }> }
    | Record<PropertyKey, never>
   | null };

export type FrameworkListQueryVariables = Exact<{ [key: string]: never; }>;


export type FrameworkListQuery = { frameworks: Array<{ type: string, name: string, version: string, controls: Array<{ id: string, title: string }>, sections: Array<{ id: string, title: string, controls: Array<{ id: string, title: string, section: string | null }> }> }> };

export type IngestHostileMutationVariables = Exact<{
  events: Array<AuditEventInput> | AuditEventInput;
}>;


export type IngestHostileMutation = { ingestAuditEvents: { accepted: number, duplicates: number, rejected: Array<{ index: number, field: string, message: string }> } };

export type GenerateHostileMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type GenerateHostileMutation = { generateReport: { id: string, status: ReportStatus, title: string } };

export type CreateKeyForTrailMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateKeyForTrailMutation = { createApiKey: { key: string, apiKey: { id: string } } };

export type RevokeKeyForTrailMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeKeyForTrailMutation = { revokeApiKey: { id: string } };

export type NotifyScheduleMutationVariables = Exact<{
  input: CreateScheduleInput;
}>;


export type NotifyScheduleMutation = { createSchedule: { id: string } };

export type NotifyRunNowMutationVariables = Exact<{
  id: string | number;
}>;


export type NotifyRunNowMutation = { runScheduleNow: { id: string } };

export type NotifyReportQueryVariables = Exact<{
  id: string | number;
}>;


export type NotifyReportQuery = { report: { id: string, status: ReportStatus, score: number | null, grade: string | null } | null };

export type NotifySecretQueryVariables = Exact<{ [key: string]: never; }>;


export type NotifySecretQuery = { viewer: { organization: { webhookSecret: string } } };

export type OrgNotifyMutationVariables = Exact<{
  input: OrganizationSettingsInput;
}>;


export type OrgNotifyMutation = { updateOrganizationSettings: { retentionDays: number, notify: { webhooks: Array<string>, emails: Array<string> } } };

export type NotifyGenerateMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type NotifyGenerateMutation = { generateReport: { id: string } };

export type NotifyOutboxQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type NotifyOutboxQuery = { notifications: { totalCount: number, edges: Array<{ node: { id: string, channel: NotificationChannel, target: string, event: string, status: NotificationStatus, attempts: number, responseStatus: number | null, lastError: string | null, body: string, subject: string | null, report: { id: string } | null } }> } };

export type OcsfEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type OcsfEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ node: { clientId: string | null, occurredAt: string, agentId: string | null, sessionId: string | null, category: AuditEventCategory, action: string, decision: PolicyDecision | null, resource: string | null, severity: EventSeverity | null, outcome: EventOutcome | null, correlationId: string | null, region: string | null, attributes: unknown, actor: { type: ActorType, id: string } | null, tool: { name: string } | null } }> } };

export type CreateOwnFrameworkMutationVariables = Exact<{
  definition: unknown;
}>;


export type CreateOwnFrameworkMutation = { createFramework: { type: string, name: string, version: string, custom: boolean, sections: Array<{ id: string, title: string, controls: Array<{ id: string, title: string }> }> } };

export type UpdateOwnFrameworkMutationVariables = Exact<{
  type: string;
  definition: unknown;
}>;


export type UpdateOwnFrameworkMutation = { updateFramework: { type: string, name: string, version: string } };

export type DeleteOwnFrameworkMutationVariables = Exact<{
  type: string;
}>;


export type DeleteOwnFrameworkMutation = { deleteFramework: { type: string } };

export type OwnFrameworksQueryVariables = Exact<{ [key: string]: never; }>;


export type OwnFrameworksQuery = { frameworks: Array<{ type: string, custom: boolean, version: string }> };

export type GenerateOwnFrameworkMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type GenerateOwnFrameworkMutation = { generateReport: { id: string } };

export type OwnFrameworkReportQueryVariables = Exact<{
  id: string | number;
}>;


export type OwnFrameworkReportQuery = { report: { status: ReportStatus, integrity: { frameworkVersion: string | null } | null, findings: { edges: Array<{ node: { status: FindingStatus, evidenceCount: number, control: { id: string, framework: string } } }> } } | null };

export type OtlpEventsQueryVariables = Exact<{
  filter?: AuditEventFilter | null | undefined;
}>;


export type OtlpEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ node: { clientId: string | null, occurredAt: string, environment: string, agentId: string | null, sessionId: string | null, category: AuditEventCategory, action: string, decision: PolicyDecision | null, policyId: string | null, policyVersion: string | null, severity: EventSeverity | null, outcome: EventOutcome | null, correlationId: string | null, dataSubjects: Array<string>, personalData: Array<string>, legalBasis: string | null, region: string | null, costUsd: number | null, attributes: unknown, actor: { type: ActorType, id: string } | null, tool: { name: string, tags: Array<string> } | null } }> } };

export type RateLimitedRoleQueryVariables = Exact<{ [key: string]: never; }>;


export type RateLimitedRoleQuery = { viewer: { role: Role } };

export type DriftEvidenceQueryVariables = Exact<{
  id: string | number;
}>;


export type DriftEvidenceQuery = { report: { findings: { edges: Array<{ node: { title: string, status: FindingStatus, value: number | null, evidenceCount: number, evidence: { totalCount: number, edges: Array<{ node: { clientId: string | null, agentId: string | null } }> } } }> } } | null };

export type GivenUpProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type GivenUpProgressSubscription = { reportProgress: { status: ReportStatus, stage: string, message: string } };

export type LifecycleGenerateMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type LifecycleGenerateMutation = { generateReport: { id: string, status: ReportStatus, type: string, title: string, environment: string | null, agents: Array<string>, version: number, createdBy: string, period: { start: string, end: string }, progress: { percent: number, stage: string } } };

export type LifecycleStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type LifecycleStatusQuery = { report: { id: string, status: ReportStatus, score: number | null, grade: string | null, error: string | null, version: number, summary: string | null, startedAt: string | null, completedAt: string | null, progress: { percent: number, stage: string, message: string }, previousVersion: { id: string } | null, versions: Array<{ id: string, version: number }>, integrity: { contentSha256: string | null, signature: string | null, signatureKeyId: string | null } | null } | null };

export type LifecycleRegenerateMutationVariables = Exact<{
  id: string | number;
}>;


export type LifecycleRegenerateMutation = { regenerateReport: { id: string, version: number, status: ReportStatus } };

export type LifecycleCancelMutationVariables = Exact<{
  id: string | number;
}>;


export type LifecycleCancelMutation = { cancelReport: { id: string, status: ReportStatus } };

export type LifecycleDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type LifecycleDeleteMutation = { deleteReport: { id: string } };

export type LifecycleListQueryVariables = Exact<{
  filter?: ReportFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type LifecycleListQuery = { reports: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, type: string, status: ReportStatus } }> } };

export type ProcessProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ProcessProgressSubscription = { reportProgress: { status: ReportStatus, percent: number, stage: string } };

export type ProgressGenerateMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type ProgressGenerateMutation = { generateReport: { id: string, status: ReportStatus } };

export type ReportProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ReportProgressSubscription = { reportProgress: { reportId: string, status: ReportStatus, percent: number, stage: string, message: string, at: string } };

export type ProgressCancelMutationVariables = Exact<{
  id: string | number;
}>;


export type ProgressCancelMutation = { cancelReport: { id: string, status: ReportStatus } };

export type ProgressDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type ProgressDeleteMutation = { deleteReport: { id: string } };

export type ReportUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReportUpdatesSubscription = { reportUpdates: { reportId: string, status: ReportStatus, percent: number, stage: string } };

export type ReportUpdatesWithDeletionSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReportUpdatesWithDeletionSubscription = { reportUpdates: { reportId: string, status: ReportStatus, deleted: boolean } };

export type RetentionSettingsMutationVariables = Exact<{
  input: OrganizationSettingsInput;
}>;


export type RetentionSettingsMutation = { updateOrganizationSettings: { retentionDays: number } };

export type RetentionOrgQueryVariables = Exact<{ [key: string]: never; }>;


export type RetentionOrgQuery = { viewer: { organization: { retentionDays: number } } };

export type RetentionReportQueryVariables = Exact<{
  id: string | number;
}>;


export type RetentionReportQuery = { report: { status: ReportStatus, expiresAt: string | null, completedAt: string | null, integrity: { contentSha256: string | null } | null } | null };

export type RevokeKeyCreateMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type RevokeKeyCreateMutation = { createApiKey: { key: string, apiKey: { id: string, name: string } } };

export type RevokeKeyRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeKeyRevokeMutation = { revokeApiKey: { id: string, revokedAt: string | null } };

export type RevokeKeyUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type RevokeKeyUpdatesSubscription = { reportUpdates: { reportId: string, status: ReportStatus } };

export type ScaleGenerateMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type ScaleGenerateMutation = { generateReport: { id: string, status: ReportStatus } };

export type ScaleUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ScaleUpdatesSubscription = { reportUpdates: { reportId: string, status: ReportStatus, percent: number, stage: string } };

export type ScheduleCreateMutationVariables = Exact<{
  input: CreateScheduleInput;
}>;


export type ScheduleCreateMutation = { createSchedule: { id: string, type: string, frequency: ScheduleFrequency, dayOfWeek: number | null, dayOfMonth: number | null, periodDays: number | null, timezone: string, titleTemplate: string, paused: boolean, nextRunAt: string, lastRunAt: string | null, notify: { webhooks: Array<string>, emails: Array<string> } } };

export type ScheduleUpdateMutationVariables = Exact<{
  id: string | number;
  input: UpdateScheduleInput;
}>;


export type ScheduleUpdateMutation = { updateSchedule: { id: string, paused: boolean, frequency: ScheduleFrequency, dayOfMonth: number | null, nextRunAt: string, timezone: string } };

export type ScheduleDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type ScheduleDeleteMutation = { deleteSchedule: { id: string } };

export type ScheduleRunNowMutationVariables = Exact<{
  id: string | number;
}>;


export type ScheduleRunNowMutation = { runScheduleNow: { id: string, title: string, status: ReportStatus, createdBy: string, period: { start: string, end: string } } };

export type ScheduleListQueryVariables = Exact<{ [key: string]: never; }>;


export type ScheduleListQuery = { schedules: Array<{ id: string, nextRunAt: string, lastRunAt: string | null, paused: boolean, reports: Array<{ id: string, title: string, status: ReportStatus }> }> };

export type ScheduleReportStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type ScheduleReportStatusQuery = { report: { id: string, status: ReportStatus } | null };

export type SetSlaTargetsMutationVariables = Exact<{
  input: SlaTargetsInput;
}>;


export type SetSlaTargetsMutation = { updateSlaTargets: { approvalMinutes: number, holdMinutes: number } };

export type SlaTargetsOfOrgQueryVariables = Exact<{ [key: string]: never; }>;


export type SlaTargetsOfOrgQuery = { viewer: { organization: { slaTargets: { approvalMinutes: number, holdMinutes: number } } } };

export type SlaTargetChangesQueryVariables = Exact<{ [key: string]: never; }>;


export type SlaTargetChangesQuery = { auditEvents: { edges: Array<{ node: { attributes: unknown, actor: { type: ActorType, id: string } | null } }> } };

export type ScoreBreakdownOfQueryVariables = Exact<{
  id: string | number;
}>;


export type ScoreBreakdownOfQuery = { report: { score: number | null, scoreBreakdown: Array<{ id: string, value: number | null, weight: number, effectiveWeight: number, points: number, detail: string }> } | null };

export type ShareForScoreMutationVariables = Exact<{
  id: string | number;
}>;


export type ShareForScoreMutation = { createShareLink: { url: string } };

export type ShareExportRequestMutationVariables = Exact<{
  input: RequestDataExportInput;
}>;


export type ShareExportRequestMutation = { requestDataExport: { id: string } };

export type SharePackageRequestMutationVariables = Exact<{
  input: RequestCompliancePackageInput;
}>;


export type SharePackageRequestMutation = { requestCompliancePackage: { id: string } };

export type ShareExportStateQueryVariables = Exact<{
  id: string | number;
}>;


export type ShareExportStateQuery = { node:
    | { id: string, status: ReportStatus, sha256: string | null, sizeBytes: number | null, signatureKeyId: string | null }
    | Record<PropertyKey, never>
   | null };

export type SharePackageStateQueryVariables = Exact<{
  id: string | number;
}>;


export type SharePackageStateQuery = { node:
    | { id: string, status: ReportStatus, error: string | null, downloads: Array<{ file: PackageFile, sha256: string, sizeBytes: number }> }
    | Record<PropertyKey, never>
   | null };

export type ShareExportLinkMutationVariables = Exact<{
  input: CreateDataExportShareLinkInput;
}>;


export type ShareExportLinkMutation = { createDataExportShareLink: { url: string, password: string | null, shareLink: { id: string, exportFiles: Array<ExportShareFile>, packageFiles: Array<PackageFile>, formats: Array<ShareLinkFormat>, passwordProtected: boolean, state: ShareLinkState, report: { id: string } | null, dataExport: { id: string } | null, compliancePackage: { id: string } | null } } };

export type SharePackageLinkMutationVariables = Exact<{
  input: CreateCompliancePackageShareLinkInput;
}>;


export type SharePackageLinkMutation = { createCompliancePackageShareLink: { url: string, password: string | null, shareLink: { id: string, packageFiles: Array<PackageFile>, state: ShareLinkState, compliancePackage: { id: string } | null } } };

export type ShareLinksOfTargetQueryVariables = Exact<{
  exportId?: string | number | null | undefined;
  packageId?: string | number | null | undefined;
  reportId?: string | number | null | undefined;
}>;


export type ShareLinksOfTargetQuery = { shareLinks: Array<{ id: string, useCount: number, exportFiles: Array<ExportShareFile>, packageFiles: Array<PackageFile> }> };

export type ShareExportRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type ShareExportRevokeMutation = { revokeShareLink: { id: string, state: ShareLinkState } };

export type ShareExportDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type ShareExportDeleteMutation = { deleteDataExport: { id: string } };

export type ShareCreateMutationVariables = Exact<{
  input: CreateShareLinkInput;
}>;


export type ShareCreateMutation = { createShareLink: { url: string, password: string | null, shareLink: { id: string, formats: Array<ShareLinkFormat>, redaction: ShareRedaction, passwordProtected: boolean, state: ShareLinkState, expiresAt: string, useCount: number, revoked: boolean } } };

export type ShareRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type ShareRevokeMutation = { revokeShareLink: { id: string, revoked: boolean, state: ShareLinkState } };

export type ShareLinksQueryVariables = Exact<{
  reportId: string | number;
}>;


export type ShareLinksQuery = { shareLinks: Array<{ id: string, useCount: number, lastUsedAt: string | null, revoked: boolean, state: ShareLinkState, formats: Array<ShareLinkFormat>, lockedUntil: string | null, report: { id: string } | null }> };

export type IngestFixtureMutationVariables = Exact<{
  events: Array<AuditEventInput> | AuditEventInput;
}>;


export type IngestFixtureMutation = { ingestAuditEvents: { accepted: number, duplicates: number, rejected: Array<{ index: number, field: string, message: string }> } };

export type GenerateFixtureMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type GenerateFixtureMutation = { generateReport: { id: string } };

export type FixtureStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type FixtureStatusQuery = { report: { status: ReportStatus, error: string | null, downloads: Array<{ format: DownloadFormat, url: string }> } | null };

export type SigningKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type SigningKeysQuery = { viewer: { organization: { signingKeys: Array<{ id: string, publicKeyPem: string, createdAt: string, retiredAt: string | null }> } } };


export const GrcCompletedReportsDocument = {"__meta__":{"hash":"sha256:9c7d7fd2e8b388f268ba193521b3b28d19960eaf22184fb4a94d17ca87974a88"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrcCompletedReports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"COMPLETED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"integrity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentSha256"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"signatureKeyId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrcCompletedReportsQuery, GrcCompletedReportsQueryVariables>;
export const GrcFailingFindingsDocument = {"__meta__":{"hash":"sha256:88bc6211ebbfa71d44c7602068b2af33eb8ad74bcc16bace396488102cdb62dc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GrcFailingFindings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"evidence"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FAIL"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"control"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"framework"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"recommendation"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceCount"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"evidence"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"correlationId"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GrcFailingFindingsQuery, GrcFailingFindingsQueryVariables>;
export const ViewerDocument = {"__meta__":{"hash":"sha256:0cc5aee39ec1dab54b657c99c4f60c31f4bb0a0656f35d5e72ddcc2540ab1175"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"keyName"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const CreateApiKeyDocument = {"__meta__":{"hash":"sha256:869cee4d2c2c36a66dd076b0079b410c17ef7e1d968324dd979a6604f43c7a21"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"__meta__":{"hash":"sha256:135dfc4e29b8a7172052397120e2cf19d75d5e94bf158b3574d6c17ee81d5d40"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ListApiKeysDocument = {"__meta__":{"hash":"sha256:a88c3ad685c16601b6c87d7b8806214ec57ab70d7ddd3dad65aafe1b58abcadd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ListApiKeysQuery, ListApiKeysQueryVariables>;
export const AuditEventsPageDocument = {"__meta__":{"hash":"sha256:ed5bb26d7b6b99f7dee24228788381fd6f9deb7a5c6d890035fcf4d7c8b96d77"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEventsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"policyId"}},{"kind":"Field","name":{"kind":"Name","value":"tool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"dataSubjects"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"ttlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventsPageQuery, AuditEventsPageQueryVariables>;
export const AuditEventNodeDocument = {"__meta__":{"hash":"sha256:b7137f0984a37b1724baa8ca581f8d7be9b329fb0e2114f44fe96a2444f1513d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEventNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]} as unknown as DocumentNode<AuditEventNodeQuery, AuditEventNodeQueryVariables>;
export const RegistriesDocument = {"__meta__":{"hash":"sha256:7edc767e992458a65e4e70c714e5b83fe1ed4a3628ca6c3bbbbfebd81f4f383c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Registries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tools"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"firstSeenAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeenAt"}}]}}]}}]} as unknown as DocumentNode<RegistriesQuery, RegistriesQueryVariables>;
export const LimitsShareDocument = {"__meta__":{"hash":"sha256:e5c2e8cd8279d57d309ff361d9a42a8e775110eba6f5d14eeaf820be270d9d86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LimitsShare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateShareLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"password"}}]}}]}}]} as unknown as DocumentNode<LimitsShareMutation, LimitsShareMutationVariables>;
export const LimitsViewerDocument = {"__meta__":{"hash":"sha256:8d335560ebdacd3a8ee3fbcf8250a5cc1f933be997263acfd6b8ac586214d2a9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LimitsViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<LimitsViewerQuery, LimitsViewerQueryVariables>;
export const IngestAuditEventsDocument = {"__meta__":{"hash":"sha256:1ded2295b72529b01021c9d08b081ea16148679c6eab71f20440e0f440df09e6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IngestAuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"events"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestAuditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"events"},"value":{"kind":"Variable","name":{"kind":"Name","value":"events"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<IngestAuditEventsMutation, IngestAuditEventsMutationVariables>;
export const SoADocument = {"__meta__":{"hash":"sha256:cc1f1513724f08003decfb0ede463d25c34e1d0f478b28641260b4ff0d7c9807"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SoA"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statementOfApplicability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"applicable"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"implementation"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"implementation"}}]}}]}}]}}]} as unknown as DocumentNode<SoAQuery, SoAQueryVariables>;
export const RecordSoADocument = {"__meta__":{"hash":"sha256:2cfce0e19932cae3e2c407667af3b698f5782634f646e6a007920e39b2449cd1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordSoA"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statements"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ControlApplicabilityInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordControlApplicability"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statements"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statements"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recorded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"controlId"}},{"kind":"Field","name":{"kind":"Name","value":"applicable"}},{"kind":"Field","name":{"kind":"Name","value":"justification"}},{"kind":"Field","name":{"kind":"Name","value":"implementation"}},{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rejected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordSoAMutation, RecordSoAMutationVariables>;
export const ReproduceDocument = {"__meta__":{"hash":"sha256:0fcdd63ff3809c783f439ac2596218eddfcdf8c060b766f043da21ed93b9452d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Reproduce"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reproduceReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identical"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"differences"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}}]}}]}}]} as unknown as DocumentNode<ReproduceMutation, ReproduceMutationVariables>;
export const ReproductionDocument = {"__meta__":{"hash":"sha256:0dff9948571ad37783943ae163c40758d46fa41d84e94898e401e82055216bf9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Reproduction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reproduction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identical"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}}]}}]}}]}}]} as unknown as DocumentNode<ReproductionQuery, ReproductionQueryVariables>;
export const PackageRequestDocument = {"__meta__":{"hash":"sha256:9753e61fc2e223c0bad74ea910bc3a4721b912b0b7c74842e593ccb26d0fea56"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PackageRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestCompliancePackageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCompliancePackage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"frameworks"}},{"kind":"Field","name":{"kind":"Name","value":"exportKinds"}},{"kind":"Field","name":{"kind":"Name","value":"exportFormat"}}]}}]}}]} as unknown as DocumentNode<PackageRequestMutation, PackageRequestMutationVariables>;
export const PackageGetDocument = {"__meta__":{"hash":"sha256:28339f5b9173b825954c06146fbf8262117e60a0a119baae7daa5923279606bb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PackageGet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CompliancePackage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"signatureKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"pageCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataExports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"pageCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PackageGetQuery, PackageGetQueryVariables>;
export const PackageListDocument = {"__meta__":{"hash":"sha256:1b90458172b1b01f611a6bfc08901a87357ae390f7073b379be0e772713f5f11"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PackageList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compliancePackages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PackageListQuery, PackageListQueryVariables>;
export const PackageScheduleCreateDocument = {"__meta__":{"hash":"sha256:600b60ca02b214e0c4bba0dc35000426b7900644aadb0c2e281122236967b32a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PackageScheduleCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateScheduleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"titleTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"package"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frameworks"}},{"kind":"Field","name":{"kind":"Name","value":"exportKinds"}},{"kind":"Field","name":{"kind":"Name","value":"exportFormat"}}]}}]}}]}}]} as unknown as DocumentNode<PackageScheduleCreateMutation, PackageScheduleCreateMutationVariables>;
export const PackageScheduleRunDocument = {"__meta__":{"hash":"sha256:458a02193ac021bea8da671a70c1229ef5f9b93e3912ecd8175a05cb8bd9ccc9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PackageScheduleRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runScheduleNow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]} as unknown as DocumentNode<PackageScheduleRunMutation, PackageScheduleRunMutationVariables>;
export const PackageSchedulePackagesDocument = {"__meta__":{"hash":"sha256:cfcd72d7b0dfe52b37b7fe206537ab64953fb848439eb1b2fd0221d6f4b26381"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PackageSchedulePackages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schedules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"packages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"frameworks"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataExports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PackageSchedulePackagesQuery, PackageSchedulePackagesQueryVariables>;
export const ScheduleExportsListDocument = {"__meta__":{"hash":"sha256:f0afecbc4efa2c034af7dbe86b2a3bbb665a6fa99a23d599176fcc561cc6f43f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScheduleExportsList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schedules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kinds"}},{"kind":"Field","name":{"kind":"Name","value":"format"}}]}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataExports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"filters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"environment"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleExportsListQuery, ScheduleExportsListQueryVariables>;
export const PackageCancelDocument = {"__meta__":{"hash":"sha256:09f516b47714df74d58efc970bda6d497e27f5619fbcfc0b34e0cf5c87d4750a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PackageCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelCompliancePackage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PackageCancelMutation, PackageCancelMutationVariables>;
export const PackagePartCancelDocument = {"__meta__":{"hash":"sha256:89e986a6034db06d668f198e3effc7621118e2228b8ad3d9437c71b7e1f53096"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PackagePartCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PackagePartCancelMutation, PackagePartCancelMutationVariables>;
export const ConsoleTestLatestExportDocument = {"__meta__":{"hash":"sha256:5e52daa125861ef738a481b25a425c9d3e1117306a382dd0a270e6af743fe6ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTestLatestExport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataExports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTestLatestExportQuery, ConsoleTestLatestExportQueryVariables>;
export const ConsoleTestLatestPackageDocument = {"__meta__":{"hash":"sha256:37ebbe4ac682b6bcfeb435005c9dfd9eda5cb6ec6cf3778507b3dbedc4208810"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTestLatestPackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"compliancePackages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTestLatestPackageQuery, ConsoleTestLatestPackageQueryVariables>;
export const ConsoleTestPackageLinksDocument = {"__meta__":{"hash":"sha256:4199169e6560bc2be07f14934007b2ee3f5d18db1fd5672c93f01fb7d0ed30d9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTestPackageLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareLinks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"compliancePackageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"passwordProtected"}},{"kind":"Field","name":{"kind":"Name","value":"packageFiles"}}]}}]}}]} as unknown as DocumentNode<ConsoleTestPackageLinksQuery, ConsoleTestPackageLinksQueryVariables>;
export const ConsoleTestReportDocument = {"__meta__":{"hash":"sha256:4f79bd8f3065d1016d09a5ecafa6d7f0addf279dcf1180464ee4a583cdcfc518"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTestReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"fail"},"name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FAIL"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"warn"},"name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"WARN"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"pass"},"name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PASS"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"na"},"name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"NOT_APPLICABLE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTestReportQuery, ConsoleTestReportQueryVariables>;
export const ConsoleTestEvidenceDocument = {"__meta__":{"hash":"sha256:04a2a596ee91b355116ef3e912a1d0d927dd109bcf87a071b410a0bae01fa2c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTestEvidence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Finding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evidence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTestEvidenceQuery, ConsoleTestEvidenceQueryVariables>;
export const ConsoleTestSoc2ReportsDocument = {"__meta__":{"hash":"sha256:ae05aca18454ae5cfca7907674b28f712ae1137be5328559349eb37649fc3935"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConsoleTestSoc2Reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"StringValue","value":"soc2","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"COMPLETED"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"12"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ConsoleTestSoc2ReportsQuery, ConsoleTestSoc2ReportsQueryVariables>;
export const ExportRequestDocument = {"__meta__":{"hash":"sha256:603570a168d43197dfc3154e9212f10cdd1387004a8064c3f2a1b30673899629"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestDataExportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestDataExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"filters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"}},{"kind":"Field","name":{"kind":"Name","value":"sources"}}]}}]}}]}}]} as unknown as DocumentNode<ExportRequestMutation, ExportRequestMutationVariables>;
export const ExportGetDocument = {"__meta__":{"hash":"sha256:ad887de8b08b3d90f5f2ab41a830989083adfb2cbcc55b3f55fcc03e8af85012"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportGet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataExport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"signatureKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportGetQuery, ExportGetQueryVariables>;
export const ExportListDocument = {"__meta__":{"hash":"sha256:bd56526260b35ac997550a65fed346e229f544343e9b09f83f826c30b0e660bf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataExports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportListQuery, ExportListQueryVariables>;
export const ExportCancelDocument = {"__meta__":{"hash":"sha256:7ebb6ce2be22f7a7095ad2af8ddfa563b6b2f03fafe9229e0a0142775c85efda"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ExportCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelDataExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ExportCancelMutation, ExportCancelMutationVariables>;
export const ExportSourceEventsDocument = {"__meta__":{"hash":"sha256:3f2889636c86e69a91086bc4e703ba7a1b036531b3dc44a04ea86b924d1e6d26"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportSourceEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportSourceEventsQuery, ExportSourceEventsQueryVariables>;
export const ExportKeysDocument = {"__meta__":{"hash":"sha256:789485a56c89e40cdded8d0404a08b2fa53038ee634eefee1972fa297d2cffc1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyPem"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ExportKeysQuery, ExportKeysQueryVariables>;
export const ReportDownloadsDocument = {"__meta__":{"hash":"sha256:3fb80c166e264688aea8fc2c5d1a3d3a783f8aac47eaf803bee4421961fddd1e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReportDownloads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"pageCount"}}]}}]}}]}}]} as unknown as DocumentNode<ReportDownloadsQuery, ReportDownloadsQueryVariables>;
export const FindingsReportIdsDocument = {"__meta__":{"hash":"sha256:c44970d40216173166366aa792ce018d2f0fe5f0a1384eb168ec824e9cb6e8b4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FindingsReportIds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FindingsReportIdsQuery, FindingsReportIdsQueryVariables>;
export const DrilldownDocument = {"__meta__":{"hash":"sha256:c234e4f4763280f2a2410167c8aa3d43b637d22c51b191e91e08bc445e2c414d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Drilldown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"findings"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"evidence"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"integrity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventCount"}},{"kind":"Field","name":{"kind":"Name","value":"timeCoverage"}},{"kind":"Field","name":{"kind":"Name","value":"gapCount"}},{"kind":"Field","name":{"kind":"Name","value":"contentSha256"}},{"kind":"Field","name":{"kind":"Name","value":"watermark"}},{"kind":"Field","name":{"kind":"Name","value":"sampleSeed"}},{"kind":"Field","name":{"kind":"Name","value":"frameworkVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tables"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shown"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"findings"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ordinal"}},{"kind":"Field","name":{"kind":"Name","value":"control"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"framework"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceCount"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"evidence"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"correlationId"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DrilldownQuery, DrilldownQueryVariables>;
export const FailingFindingsDocument = {"__meta__":{"hash":"sha256:0051d298ed0c10b25881852e5c799d47a85c8df53b1625fbb3842e684755fdff"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FailingFindings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"FAIL"}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"severities"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"HIGH"},{"kind":"EnumValue","value":"CRITICAL"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"control"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<FailingFindingsQuery, FailingFindingsQueryVariables>;
export const EvidencePageDocument = {"__meta__":{"hash":"sha256:0b84c11c34c95ae1e79cda365c9b1e45f169f0303e9889073999a8209c97affe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvidencePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Finding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evidenceCount"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidenceSample"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"size"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EvidencePageQuery, EvidencePageQueryVariables>;
export const FrameworkListDocument = {"__meta__":{"hash":"sha256:f838ec9fb469b6f7bb38c648baf8dfe7f5d0d4f69446f172aaedd57982fc2d13"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FrameworkList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frameworks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"controls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"controls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"section"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FrameworkListQuery, FrameworkListQueryVariables>;
export const IngestHostileDocument = {"__meta__":{"hash":"sha256:56b6fb2f6a8e331836a918fb3b3a4f3b97534329417aa87b96e3edae1659c6af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IngestHostile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"events"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestAuditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"events"},"value":{"kind":"Variable","name":{"kind":"Name","value":"events"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<IngestHostileMutation, IngestHostileMutationVariables>;
export const GenerateHostileDocument = {"__meta__":{"hash":"sha256:54a911b246ed8c140a19ed5ce16ca2ed601b16450ac8f12f84f98dfa1915c658"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateHostile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<GenerateHostileMutation, GenerateHostileMutationVariables>;
export const CreateKeyForTrailDocument = {"__meta__":{"hash":"sha256:f3cfdd14743f8ab272c8e6d595e2de1efe5c2ce47c73ff12b37b538209f6c96e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateKeyForTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CreateKeyForTrailMutation, CreateKeyForTrailMutationVariables>;
export const RevokeKeyForTrailDocument = {"__meta__":{"hash":"sha256:d5210e7a48624fbaee29184471bee11ea634858337d0e216b25025efb63f0018"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeKeyForTrail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<RevokeKeyForTrailMutation, RevokeKeyForTrailMutationVariables>;
export const NotifyScheduleDocument = {"__meta__":{"hash":"sha256:b258a48a49deef0b901fba51a8c104d44371b850c3e861744c9a545b1ed0c107"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NotifySchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateScheduleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NotifyScheduleMutation, NotifyScheduleMutationVariables>;
export const NotifyRunNowDocument = {"__meta__":{"hash":"sha256:004c9234ac8cb0b71d943a4963416711bf00e04d8eed0f7d0c49708d543aeeb6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NotifyRunNow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runScheduleNow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NotifyRunNowMutation, NotifyRunNowMutationVariables>;
export const NotifyReportDocument = {"__meta__":{"hash":"sha256:9d8a2467e6418a6fefe9d607574689158642fdbdd68afe256cc379a5d6807a05"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotifyReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}}]}}]}}]} as unknown as DocumentNode<NotifyReportQuery, NotifyReportQueryVariables>;
export const NotifySecretDocument = {"__meta__":{"hash":"sha256:2b7b7cee1ae7740cd325bc85f198e18846fd21daf8df07bb5de6661f21d0e437"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotifySecret"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSecret"}}]}}]}}]}}]} as unknown as DocumentNode<NotifySecretQuery, NotifySecretQueryVariables>;
export const OrgNotifyDocument = {"__meta__":{"hash":"sha256:a64b16f209ffc385ab176135e0afe16ba15594be54c4c9175108147e0865385c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrgNotify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganizationSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retentionDays"}},{"kind":"Field","name":{"kind":"Name","value":"notify"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhooks"}},{"kind":"Field","name":{"kind":"Name","value":"emails"}}]}}]}}]}}]} as unknown as DocumentNode<OrgNotifyMutation, OrgNotifyMutationVariables>;
export const NotifyGenerateDocument = {"__meta__":{"hash":"sha256:23b774759e3a81e9ae9b8f34746ac98b60c25c780a1bef79f04c8377265ceb48"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"NotifyGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NotifyGenerateMutation, NotifyGenerateMutationVariables>;
export const NotifyOutboxDocument = {"__meta__":{"hash":"sha256:efc8723704fcfcbbff06e936522904f08f76ff223497ddced08b41b2353f3185"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotifyOutbox"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"responseStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NotifyOutboxQuery, NotifyOutboxQueryVariables>;
export const OcsfEventsDocument = {"__meta__":{"hash":"sha256:61c8a7b347314a09c2c46a72dd54b37a468b61df7b5a0104f3a7fdc623423777"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OcsfEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"tool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"correlationId"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OcsfEventsQuery, OcsfEventsQueryVariables>;
export const CreateOwnFrameworkDocument = {"__meta__":{"hash":"sha256:580609258b7054819ceb5f5afa838c4403318dcf4a455a9afaf195d7a487f0b8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOwnFramework"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"definition"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createFramework"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"definition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"definition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"custom"}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"controls"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateOwnFrameworkMutation, CreateOwnFrameworkMutationVariables>;
export const UpdateOwnFrameworkDocument = {"__meta__":{"hash":"sha256:ac4ed424ae0a0cc9557528d2abe411b265f5840dde046dc8e6990f0dff3df017"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOwnFramework"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"definition"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFramework"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"Argument","name":{"kind":"Name","value":"definition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"definition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateOwnFrameworkMutation, UpdateOwnFrameworkMutationVariables>;
export const DeleteOwnFrameworkDocument = {"__meta__":{"hash":"sha256:030ffe23e2016c32f2a62a370a93cd68651b90dd11eb8ec8fd90798f4d65dcb0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteOwnFramework"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteFramework"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]} as unknown as DocumentNode<DeleteOwnFrameworkMutation, DeleteOwnFrameworkMutationVariables>;
export const OwnFrameworksDocument = {"__meta__":{"hash":"sha256:98218e472967886d3d1c203e0358fd900f1622c5a432d6e8d79b3de550ace7bf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnFrameworks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frameworks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"custom"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<OwnFrameworksQuery, OwnFrameworksQueryVariables>;
export const GenerateOwnFrameworkDocument = {"__meta__":{"hash":"sha256:edde14958434e4c94f9786c22ea5087a2166c47e64ffb4e7d9ed98cb80554b6f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateOwnFramework"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<GenerateOwnFrameworkMutation, GenerateOwnFrameworkMutationVariables>;
export const OwnFrameworkReportDocument = {"__meta__":{"hash":"sha256:5664112f70c3e9eb6c2d8e457b21813da45e320e67ee7b03121ddcb9ba15bba5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OwnFrameworkReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"integrity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"frameworkVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"control"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"framework"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidenceCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OwnFrameworkReportQuery, OwnFrameworkReportQueryVariables>;
export const OtlpEventsDocument = {"__meta__":{"hash":"sha256:bbd17f68c47db09fa3e7027ba9fbad4fcdfe18fb9426a79a838dc0f003d6e269"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OtlpEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"policyId"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"tool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"correlationId"}},{"kind":"Field","name":{"kind":"Name","value":"dataSubjects"}},{"kind":"Field","name":{"kind":"Name","value":"personalData"}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OtlpEventsQuery, OtlpEventsQueryVariables>;
export const RateLimitedRoleDocument = {"__meta__":{"hash":"sha256:8441c6dc5a17e8fa67c81fa180ec5caf8d56ff097a49d7459dba7579938980cc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RateLimitedRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<RateLimitedRoleQuery, RateLimitedRoleQueryVariables>;
export const DriftEvidenceDocument = {"__meta__":{"hash":"sha256:3f5f684b5af0e56fa54b44d5a19ffca1ba52d5ec3a8a811bf49c9529ac381304"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DriftEvidence"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"findings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"controlIds"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"CC3.2","block":false}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"evidenceCount"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"agentId"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DriftEvidenceQuery, DriftEvidenceQueryVariables>;
export const GivenUpProgressDocument = {"__meta__":{"hash":"sha256:e20c03b75582c9ed229978ea26eba6a9e68cea437ed3de7c198016b65b650446"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"GivenUpProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<GivenUpProgressSubscription, GivenUpProgressSubscriptionVariables>;
export const LifecycleGenerateDocument = {"__meta__":{"hash":"sha256:790f9750b4d72f71df834ccb435a4045884f6de1bc77d3f87d1eb2becf2fa0ee"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"environment"}},{"kind":"Field","name":{"kind":"Name","value":"agents"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleGenerateMutation, LifecycleGenerateMutationVariables>;
export const LifecycleStatusDocument = {"__meta__":{"hash":"sha256:74fd477e5f5dc89c2f284299717ffcf3cc9e77f50a8492975744f3125f813c0d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"integrity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentSha256"}},{"kind":"Field","name":{"kind":"Name","value":"signature"}},{"kind":"Field","name":{"kind":"Name","value":"signatureKeyId"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleStatusQuery, LifecycleStatusQueryVariables>;
export const LifecycleRegenerateDocument = {"__meta__":{"hash":"sha256:8c6ed0f8573bdac407db02738f7608df51b794927ecd12ca03b6ee3427b50952"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleRegenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regenerateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<LifecycleRegenerateMutation, LifecycleRegenerateMutationVariables>;
export const LifecycleCancelDocument = {"__meta__":{"hash":"sha256:349f6d6a6fb8ecee5a7988cf2a26dcc5eb6c8df8d4501fed752aa6850bccce26"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<LifecycleCancelMutation, LifecycleCancelMutationVariables>;
export const LifecycleDeleteDocument = {"__meta__":{"hash":"sha256:018a57bee2c470c323bc60903040d364311caee70195ce180ed9c940e18e6ed8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<LifecycleDeleteMutation, LifecycleDeleteMutationVariables>;
export const LifecycleListDocument = {"__meta__":{"hash":"sha256:8a3a548d59931be7abc990e7f38a6f0e5818636a5502fd81434e02f53ee44518"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleListQuery, LifecycleListQueryVariables>;
export const ProcessProgressDocument = {"__meta__":{"hash":"sha256:fdb2b466166d65430bdf591b7f6209f1b508f5ccb48a9465df49e28761d20482"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ProcessProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<ProcessProgressSubscription, ProcessProgressSubscriptionVariables>;
export const ProgressGenerateDocument = {"__meta__":{"hash":"sha256:400e78fedf12a8745e70e6979c6b8377cdb8bde6669d02ceac4e9f1c78760a89"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgressGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ProgressGenerateMutation, ProgressGenerateMutationVariables>;
export const ReportProgressDocument = {"__meta__":{"hash":"sha256:7ea5ccddda12c8de4cf212626760b4f803a12e6b52facde20890849aff460448"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReportProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<ReportProgressSubscription, ReportProgressSubscriptionVariables>;
export const ProgressCancelDocument = {"__meta__":{"hash":"sha256:a6557d39e461eedf7d10888ec49e5818e0aa3ca013d244df4e3622ba7428dadb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgressCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ProgressCancelMutation, ProgressCancelMutationVariables>;
export const ProgressDeleteDocument = {"__meta__":{"hash":"sha256:94c0a36c794612490f42b60732621ba062ede6ed5b1e4a0ef4e1cc1f61af7192"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgressDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ProgressDeleteMutation, ProgressDeleteMutationVariables>;
export const ReportUpdatesDocument = {"__meta__":{"hash":"sha256:ce15fba7c410e40725a9d699bd98113ff8c4f72cde9c0aaaab57a471df432aae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReportUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<ReportUpdatesSubscription, ReportUpdatesSubscriptionVariables>;
export const ReportUpdatesWithDeletionDocument = {"__meta__":{"hash":"sha256:c41b76cfd78154df09534f1121ec3a3ef854c13c1ad597e735d79fe08c0763fb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReportUpdatesWithDeletion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deleted"}}]}}]}}]} as unknown as DocumentNode<ReportUpdatesWithDeletionSubscription, ReportUpdatesWithDeletionSubscriptionVariables>;
export const RetentionSettingsDocument = {"__meta__":{"hash":"sha256:708938f9f05fcf0282f1ed5ceed40d5bb9460786eb24d14b142096950fbd713f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetentionSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganizationSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganizationSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retentionDays"}}]}}]}}]} as unknown as DocumentNode<RetentionSettingsMutation, RetentionSettingsMutationVariables>;
export const RetentionOrgDocument = {"__meta__":{"hash":"sha256:c5216a8c712495039c79f58626b9b1b04c699895c625fc3df9c0b41a95bbcab9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RetentionOrg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retentionDays"}}]}}]}}]}}]} as unknown as DocumentNode<RetentionOrgQuery, RetentionOrgQueryVariables>;
export const RetentionReportDocument = {"__meta__":{"hash":"sha256:0962d7dc59a96984b70ad107394349568a82d6d245bac6afa7c2a0dcdfaa0cc1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RetentionReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"integrity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentSha256"}}]}}]}}]}}]} as unknown as DocumentNode<RetentionReportQuery, RetentionReportQueryVariables>;
export const RevokeKeyCreateDocument = {"__meta__":{"hash":"sha256:145db2319734f718ebdba8bfde0772e4d46b38b0ada2e5528dd8bbb9cc8bd33b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeKeyCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeKeyCreateMutation, RevokeKeyCreateMutationVariables>;
export const RevokeKeyRevokeDocument = {"__meta__":{"hash":"sha256:19ed3b4ca1ff6b6ee3240baaf9e0687e34ac6bdf3a63e8338689c3d65602a138"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeKeyRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<RevokeKeyRevokeMutation, RevokeKeyRevokeMutationVariables>;
export const RevokeKeyUpdatesDocument = {"__meta__":{"hash":"sha256:983abc9233859c0dbcc7e81d1f9f6c0c00a35296deaa454db24c6ab2f9ee43cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RevokeKeyUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RevokeKeyUpdatesSubscription, RevokeKeyUpdatesSubscriptionVariables>;
export const ScaleGenerateDocument = {"__meta__":{"hash":"sha256:3d1cf05fdf95bfaac140fd179a9100543786cf7f8fde4dc403a7668a273eae59"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScaleGenerate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ScaleGenerateMutation, ScaleGenerateMutationVariables>;
export const ScaleUpdatesDocument = {"__meta__":{"hash":"sha256:144a97fcefa9e8c1d164794c68faf0fe85f56c53836b0eb38fa8a83cc8700031"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ScaleUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportUpdates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}}]}}]} as unknown as DocumentNode<ScaleUpdatesSubscription, ScaleUpdatesSubscriptionVariables>;
export const ScheduleCreateDocument = {"__meta__":{"hash":"sha256:216f2d88d70b96f6618933623bff14398bc9835f3df7724bd4d7021740cbc854"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateScheduleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfWeek"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"periodDays"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"titleTemplate"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"notify"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhooks"}},{"kind":"Field","name":{"kind":"Name","value":"emails"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleCreateMutation, ScheduleCreateMutationVariables>;
export const ScheduleUpdateDocument = {"__meta__":{"hash":"sha256:4ff62869f2d257c55f7559730be723ff6fb80690c1bb8930a8bbd6c398af4962"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateScheduleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"dayOfMonth"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode<ScheduleUpdateMutation, ScheduleUpdateMutationVariables>;
export const ScheduleDeleteDocument = {"__meta__":{"hash":"sha256:80cab66cfacc8bdb8cd7b922b6e75c96dfe03a87197bf1bc60b83eef4d853050"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ScheduleDeleteMutation, ScheduleDeleteMutationVariables>;
export const ScheduleRunNowDocument = {"__meta__":{"hash":"sha256:19bdbf43c4d12d77f31f6a85b2a6a7613a65ed4110a4544985e37561e607e000"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleRunNow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runScheduleNow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"period"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}}]}}]} as unknown as DocumentNode<ScheduleRunNowMutation, ScheduleRunNowMutationVariables>;
export const ScheduleListDocument = {"__meta__":{"hash":"sha256:19172df976a7c0231a96a00efa3e7b7930e4379e8d3c23fc63691718f28f5513"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScheduleList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schedules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"reports"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleListQuery, ScheduleListQueryVariables>;
export const ScheduleReportStatusDocument = {"__meta__":{"hash":"sha256:084cf68a06dacc7b6121e5cb99bf7fab0999894ab33947f8441691dd5ab3009a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScheduleReportStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ScheduleReportStatusQuery, ScheduleReportStatusQueryVariables>;
export const SetSlaTargetsDocument = {"__meta__":{"hash":"sha256:50f9148ad6e35c3981ea253b3e2ab7a80acbf3645238a1b03ae5517df60acccb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetSlaTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SlaTargetsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSlaTargets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"holdMinutes"}}]}}]}}]} as unknown as DocumentNode<SetSlaTargetsMutation, SetSlaTargetsMutationVariables>;
export const SlaTargetsOfOrgDocument = {"__meta__":{"hash":"sha256:70853ad261f7772886f9a97d93945ac9995db0792f42b2f57e7cc56c810a70b6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SlaTargetsOfOrg"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slaTargets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"holdMinutes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SlaTargetsOfOrgQuery, SlaTargetsOfOrgQueryVariables>;
export const SlaTargetChangesDocument = {"__meta__":{"hash":"sha256:4f8d7d6b5f78b5a15ef4679d2a8fd36f464e4f507879dc836c6c38d05e91bfd1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SlaTargetChanges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"actions"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"organization.sla_targets_changed","block":false}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attributes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SlaTargetChangesQuery, SlaTargetChangesQueryVariables>;
export const ScoreBreakdownOfDocument = {"__meta__":{"hash":"sha256:50ff116042d405c1ed5cf9b736861ab1ee4709aa9c08dce402472fddc234a89a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScoreBreakdownOf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"scoreBreakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"effectiveWeight"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<ScoreBreakdownOfQuery, ScoreBreakdownOfQueryVariables>;
export const ShareForScoreDocument = {"__meta__":{"hash":"sha256:2e92faca45668617c06ee612d9b077d16537808093e1bf467cd4067e74fc6982"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareForScore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"reportId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"expiresInHours"},"value":{"kind":"IntValue","value":"24"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]} as unknown as DocumentNode<ShareForScoreMutation, ShareForScoreMutationVariables>;
export const ShareExportRequestDocument = {"__meta__":{"hash":"sha256:29dffa3b98bc308d63689b8a3f42188d3cd768c680244fa701fa713f87e1664d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareExportRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestDataExportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestDataExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ShareExportRequestMutation, ShareExportRequestMutationVariables>;
export const SharePackageRequestDocument = {"__meta__":{"hash":"sha256:4c5f9acbc6812d4b9c5f81477570d683c131e91d3223626ffc60d8ea111e63bc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SharePackageRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestCompliancePackageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCompliancePackage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<SharePackageRequestMutation, SharePackageRequestMutationVariables>;
export const ShareExportStateDocument = {"__meta__":{"hash":"sha256:bf75fc37f2dbe15c6e426830daffc46d4a327b7e1d19628b56811d70570b1a7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShareExportState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataExport"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"signatureKeyId"}}]}}]}}]}}]} as unknown as DocumentNode<ShareExportStateQuery, ShareExportStateQueryVariables>;
export const SharePackageStateDocument = {"__meta__":{"hash":"sha256:3b74fc20f622d1c0d5b30487e2fb48f07ed93b79c4d1014c6733a0f19676b0ef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharePackageState"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CompliancePackage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SharePackageStateQuery, SharePackageStateQueryVariables>;
export const ShareExportLinkDocument = {"__meta__":{"hash":"sha256:4fc9d51ba53f0a62d1f0b6f5301847e3351f6d73dbcd574aed37ea6e480b9658"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareExportLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDataExportShareLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDataExportShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"password"}},{"kind":"Field","name":{"kind":"Name","value":"shareLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"exportFiles"}},{"kind":"Field","name":{"kind":"Name","value":"packageFiles"}},{"kind":"Field","name":{"kind":"Name","value":"formats"}},{"kind":"Field","name":{"kind":"Name","value":"passwordProtected"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataExport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"compliancePackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShareExportLinkMutation, ShareExportLinkMutationVariables>;
export const SharePackageLinkDocument = {"__meta__":{"hash":"sha256:19ad2adc8fe7169899cf8e737e50191785f9a72e5a63ebfff9acba37e627f649"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SharePackageLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCompliancePackageShareLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCompliancePackageShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"password"}},{"kind":"Field","name":{"kind":"Name","value":"shareLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"packageFiles"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"compliancePackage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SharePackageLinkMutation, SharePackageLinkMutationVariables>;
export const ShareLinksOfTargetDocument = {"__meta__":{"hash":"sha256:9db9a1cb9ccbf7b287a5d21f078491bb6cfcf41af7ff1124a3b98195d6a97400"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShareLinksOfTarget"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"exportId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"packageId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reportId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareLinks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"dataExportId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"exportId"}}},{"kind":"Argument","name":{"kind":"Name","value":"compliancePackageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"packageId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reportId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reportId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"useCount"}},{"kind":"Field","name":{"kind":"Name","value":"exportFiles"}},{"kind":"Field","name":{"kind":"Name","value":"packageFiles"}}]}}]}}]} as unknown as DocumentNode<ShareLinksOfTargetQuery, ShareLinksOfTargetQueryVariables>;
export const ShareExportRevokeDocument = {"__meta__":{"hash":"sha256:0d5b6a68be1b97ff15a96fbfa4868f6135796152edbbb62568a0dfeac38456fe"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareExportRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ShareExportRevokeMutation, ShareExportRevokeMutationVariables>;
export const ShareExportDeleteDocument = {"__meta__":{"hash":"sha256:1e1565ad503dc30621241c0c67268482df08a6ac00c67dfa00f19732658ae79d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareExportDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDataExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ShareExportDeleteMutation, ShareExportDeleteMutationVariables>;
export const ShareCreateDocument = {"__meta__":{"hash":"sha256:2eeecba468b957d1f205413a190bc61cbbefceae08811556732cbd8cedff643f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateShareLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"password"}},{"kind":"Field","name":{"kind":"Name","value":"shareLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"formats"}},{"kind":"Field","name":{"kind":"Name","value":"redaction"}},{"kind":"Field","name":{"kind":"Name","value":"passwordProtected"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"useCount"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}}]}}]}}]}}]} as unknown as DocumentNode<ShareCreateMutation, ShareCreateMutationVariables>;
export const ShareRevokeDocument = {"__meta__":{"hash":"sha256:f95379cb45b26a0efce2b0c99d8d0ed6f8a7e579d7ba33ba383b99774aca85c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareRevoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}}]}}]} as unknown as DocumentNode<ShareRevokeMutation, ShareRevokeMutationVariables>;
export const ShareLinksDocument = {"__meta__":{"hash":"sha256:d6fe965b6b5e41e9bab72e3670128fba7f1e1c4d1e3b6b7e6596f5b2056a636c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShareLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reportId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareLinks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reportId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reportId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"useCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"formats"}},{"kind":"Field","name":{"kind":"Name","value":"lockedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ShareLinksQuery, ShareLinksQueryVariables>;
export const IngestFixtureDocument = {"__meta__":{"hash":"sha256:54bbe159506b31e9f1bfc3b26da6d53a9ccdd6248ae659e0e5edbbd617d03179"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IngestFixture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"events"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEventInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestAuditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"events"},"value":{"kind":"Variable","name":{"kind":"Name","value":"events"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}},{"kind":"Field","name":{"kind":"Name","value":"duplicates"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<IngestFixtureMutation, IngestFixtureMutationVariables>;
export const GenerateFixtureDocument = {"__meta__":{"hash":"sha256:a8d4d119a005e6bd7d460dac644e5db28540042ae39a8cae05a388bff468c96a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GenerateFixture"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GenerateReportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"generateReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<GenerateFixtureMutation, GenerateFixtureMutationVariables>;
export const FixtureStatusDocument = {"__meta__":{"hash":"sha256:cda95a1ce59b3837ea975a1c57dd05e1d21807a0c7530a9fe1b5c3daa38943cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FixtureStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}}]}}]}}]} as unknown as DocumentNode<FixtureStatusQuery, FixtureStatusQueryVariables>;
export const SigningKeysDocument = {"__meta__":{"hash":"sha256:3d82b24e13f5679a985278ebb120051ee33047239e4441b7e921191e2b79e902"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SigningKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"publicKeyPem"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"retiredAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SigningKeysQuery, SigningKeysQueryVariables>;