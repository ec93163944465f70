/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** Which findings to list. */
export type FindingFilter = {
  /** Only these control ids. */
  controlIds?: Array<string> | null | undefined;
  /** Only these severities. */
  severities?: Array<FindingSeverity> | null | undefined;
  /** Only these statuses. */
  statuses?: Array<FindingStatus> | null | undefined;
};

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

export type ConsoleDataExportsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleDataExportsQuery = { dataExports: { totalCount: number, edges: Array<{ node: { id: string, kind: ExportKind, format: ExportFormat, status: ReportStatus, rowCount: number | null, sizeBytes: number | null, sha256: string | null, error: string | null, createdAt: string, period: { start: string, end: string }, progress: { percent: number, stage: string, message: string } } }> } };

export type ConsoleCompliancePackagesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCompliancePackagesQuery = { compliancePackages: { totalCount: number, edges: Array<{ node: { id: string, title: string, frameworks: Array<string>, status: ReportStatus, error: string | null, createdAt: string, period: { start: string, end: string }, progress: { percent: number, stage: string, message: string }, downloads: Array<{ file: PackageFile, sizeBytes: number, sha256: string, pageCount: number | null }> } }> } };

export type ConsoleRequestExportMutationVariables = Exact<{
  input: RequestDataExportInput;
}>;


export type ConsoleRequestExportMutation = { requestDataExport: { id: string, status: ReportStatus } };

export type ConsoleRequestPackageMutationVariables = Exact<{
  input: RequestCompliancePackageInput;
}>;


export type ConsoleRequestPackageMutation = { requestCompliancePackage: { id: string, status: ReportStatus } };

export type ConsoleCancelExportMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCancelExportMutation = { cancelDataExport: { id: string, status: ReportStatus } };

export type ConsoleCancelPackageMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCancelPackageMutation = { cancelCompliancePackage: { id: string, status: ReportStatus } };

export type ConsoleExportProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ConsoleExportProgressSubscription = { dataExportProgress: { status: ReportStatus, percent: number, stage: string, message: string } };

export type ConsolePackageProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ConsolePackageProgressSubscription = { compliancePackageProgress: { status: ReportStatus, percent: number, stage: string, message: string } };

export type ConsoleShareExportMutationVariables = Exact<{
  input: CreateDataExportShareLinkInput;
}>;


export type ConsoleShareExportMutation = { createDataExportShareLink: { url: string, password: string | null } };

export type ConsoleSharePackageMutationVariables = Exact<{
  input: CreateCompliancePackageShareLinkInput;
}>;


export type ConsoleSharePackageMutation = { createCompliancePackageShareLink: { url: string, password: string | null } };

export type ConsoleViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleViewerQuery = { viewer: { keyName: string, role: Role, organization: { name: string } } };

export type ConsoleFrameworksQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleFrameworksQuery = { frameworks: Array<{ type: string, name: string }> };

export type ConsoleScopeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleScopeQuery = { frameworks: Array<{ type: string, name: string, description: string }>, environments: Array<{ name: string }>, agents: Array<{ agentId: string }> };

export type ConsoleReportsQueryVariables = Exact<{
  filter?: ReportFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type ConsoleReportsQuery = { reports: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, type: string, title: string, status: ReportStatus, score: number | null, grade: string | null, createdBy: string, createdAt: string, period: { start: string, end: string }, progress: { percent: number, stage: string } } }> } };

export type ConsoleReportUpdatesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsoleReportUpdatesSubscription = { reportUpdates: { reportId: string, status: ReportStatus, percent: number, stage: string } };

export type ConsoleReportProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ConsoleReportProgressSubscription = { reportProgress: { reportId: string, status: ReportStatus, percent: number, stage: string, message: string, at: string } };

export type ConsoleGenerateMutationVariables = Exact<{
  input: GenerateReportInput;
}>;


export type ConsoleGenerateMutation = { generateReport: { id: string } };

export type ConsoleCancelMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCancelMutation = { cancelReport: { id: string, status: ReportStatus } };

export type ConsoleRegenerateMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRegenerateMutation = { regenerateReport: { id: string } };

export type ConsoleReportQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleReportQuery = { report: { id: string, type: string, title: string, status: ReportStatus, score: number | null, grade: string | null, summary: string | null, stale: boolean, version: number, error: string | null, environment: string | null, agents: Array<string>, dataSubject: string | null, createdBy: string, createdAt: string, completedAt: string | null, period: { start: string, end: string }, progress: { percent: number, stage: string, message: string }, versions: Array<{ id: string, version: number, status: ReportStatus, score: number | null, grade: string | null, createdAt: string }>, sections: Array<{ id: string, title: string, description: string, metrics: Array<{ id: string, label: string, unit: string, value: number | null }>, tables: Array<{ id: string, title: string, columns: Array<string>, rows: unknown, truncated: { shown: number, total: number } | null }> }>, integrity: { eventCount: number, timeCoverage: number | null, gapCount: number, completeness: Array<string>, contentSha256: string | null, signature: string | null, signatureKeyId: string | null, watermark: number | null, chainLink: number | null, chainHead: string | null, gaps: Array<{ start: string, end: string, seconds: number, reason: string }> } | null, fail: { totalCount: number }, warn: { totalCount: number }, pass: { totalCount: number }, notApplicable: { totalCount: number } } | null, frameworks: Array<{ type: string, name: string }> };

export type ConsoleScoreTrendQueryVariables = Exact<{
  filter?: ReportFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type ConsoleScoreTrendQuery = { reports: { edges: Array<{ node: { id: string, score: number | null, createdAt: string, period: { start: string, end: string }, previousVersion: { id: string } | null } }> }, frameworks: Array<{ type: string, name: string }> };

export type ConsoleFindingsQueryVariables = Exact<{
  id: string | number;
  filter?: FindingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleFindingsQuery = { report: { id: string, findings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, ordinal: number, status: FindingStatus, severity: FindingSeverity, title: string, description: string, recommendation: string | null, evidenceCount: number, control: { id: string, title: string } } }> } } | null };

export type ConsoleEvidenceQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleEvidenceQuery = { node:
    | { id: string, evidence: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, clientId: string | null, sequence: number, occurredAt: string, receivedAt: string, environment: string, agentId: string | null, sessionId: string | null, category: AuditEventCategory, action: string, decision: PolicyDecision | null, policyId: string | null, policyVersion: string | null, resource: string | null, severity: EventSeverity | null, outcome: EventOutcome | null, correlationId: string | null, dataSubjects: Array<string>, personalData: Array<string>, legalBasis: string | null, recipient: string | null, region: string | null, ttlSeconds: number | null, costUsd: number | null, attributes: unknown, actor: { type: ActorType, id: string, email: string | null } | null, tool: { name: string, tags: Array<string> } | null } }> } }
    | Record<PropertyKey, never>
   | null };

export type ConsoleShareLinksQueryVariables = Exact<{
  reportId: string | number;
}>;


export type ConsoleShareLinksQuery = { shareLinks: Array<{ id: string, state: ShareLinkState, expiresAt: string, revokedAt: string | null, passwordProtected: boolean, formats: Array<ShareLinkFormat>, redaction: ShareRedaction, useCount: number, lastUsedAt: string | null, createdAt: string }> };

export type ConsoleCreateShareLinkMutationVariables = Exact<{
  input: CreateShareLinkInput;
}>;


export type ConsoleCreateShareLinkMutation = { createShareLink: { url: string, password: string | null, shareLink: { id: string } } };

export type ConsoleRevokeShareLinkMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRevokeShareLinkMutation = { revokeShareLink: { id: string, state: ShareLinkState } };

export type ConsoleSchedulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleSchedulesQuery = { schedules: Array<{ id: string, type: string, frequency: ScheduleFrequency, paused: boolean, nextRunAt: string, lastRunAt: string | null, titleTemplate: string, environment: string | null }> };

export type ConsoleCreateScheduleMutationVariables = Exact<{
  input: CreateScheduleInput;
}>;


export type ConsoleCreateScheduleMutation = { createSchedule: { id: string } };

export type ConsoleUpdateScheduleMutationVariables = Exact<{
  id: string | number;
  input: UpdateScheduleInput;
}>;


export type ConsoleUpdateScheduleMutation = { updateSchedule: { id: string, paused: boolean } };

export type ConsoleRunScheduleNowMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRunScheduleNowMutation = { runScheduleNow: { id: string } };

export type ConsolePostureQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePostureQuery = { posture: { windowDays: number, frameworks: Array<{ framework: string, name: string, score: number | null, grade: string | null, evaluatedAt: string | null, window: { start: string, end: string } | null, counts: { pass: number, warn: number, fail: number, notApplicable: number }, controls: Array<{ controlId: string, checkId: string, title: string, severity: FindingSeverity, status: FindingStatus, value: number | null, unit: string, evidenceCount: number, changedAt: string, threshold: { direction: string, pass: number, warn: number } }>, history: Array<{ day: string, score: number | null }> }> } };

export type ConsolePostureChangesSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ConsolePostureChangesSubscription = { postureChanges: { framework: string, controlId: string, checkId: string, from: FindingStatus | null, to: FindingStatus, at: string } };

export type ConsolePostureControlQueryVariables = Exact<{
  framework: string;
  controlId: string;
  checkId: string;
}>;


export type ConsolePostureControlQuery = { postureControl: { framework: string, controlId: string, checkId: string, title: string, status: FindingStatus, value: number | null, unit: string, evidenceSelector: string, evidenceCount: number, changedAt: string, threshold: { direction: string, pass: number, warn: number } } };

export type ConsolePostureEvidenceQueryVariables = Exact<{
  framework: string;
  controlId: string;
  checkId: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsolePostureEvidenceQuery = { postureControl: { evidence: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, clientId: string | null, sequence: number, occurredAt: string, category: AuditEventCategory, action: string, decision: PolicyDecision | null, agentId: string | null, outcome: EventOutcome | null, tool: { name: string } | null } }> } } };

export type ConsoleScoreBreakdownQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleScoreBreakdownQuery = { report: { id: string, scoreBreakdown: Array<{ id: string, label: string, value: number | null, weight: number, effectiveWeight: number, points: number, detail: string }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConsoleDataExportsDocument = new TypedDocumentString(`
    query ConsoleDataExports {
  dataExports(first: 50) {
    totalCount
    edges {
      node {
        id
        kind
        format
        status
        period {
          start
          end
        }
        rowCount
        sizeBytes
        sha256
        error
        createdAt
        progress {
          percent
          stage
          message
        }
      }
    }
  }
}
    `, {"hash":"sha256:08e6191f7efce178606e7e85c418fbf001a30a6a1f550680ae58e419cacb3363"}) as unknown as TypedDocumentString<ConsoleDataExportsQuery, ConsoleDataExportsQueryVariables>;
export const ConsoleCompliancePackagesDocument = new TypedDocumentString(`
    query ConsoleCompliancePackages {
  compliancePackages(first: 50) {
    totalCount
    edges {
      node {
        id
        title
        frameworks
        status
        period {
          start
          end
        }
        error
        createdAt
        progress {
          percent
          stage
          message
        }
        downloads {
          file
          sizeBytes
          sha256
          pageCount
        }
      }
    }
  }
}
    `, {"hash":"sha256:442c1c9491f02a35f5e02f74ec3330ffed6497559eb2c8ef7fb700b6f3c79ca1"}) as unknown as TypedDocumentString<ConsoleCompliancePackagesQuery, ConsoleCompliancePackagesQueryVariables>;
export const ConsoleRequestExportDocument = new TypedDocumentString(`
    mutation ConsoleRequestExport($input: RequestDataExportInput!) {
  requestDataExport(input: $input) {
    id
    status
  }
}
    `, {"hash":"sha256:f912a56f1745cd32056d9fc1493e61a500c46eceade9fc8282c5b95f699cf3ff"}) as unknown as TypedDocumentString<ConsoleRequestExportMutation, ConsoleRequestExportMutationVariables>;
export const ConsoleRequestPackageDocument = new TypedDocumentString(`
    mutation ConsoleRequestPackage($input: RequestCompliancePackageInput!) {
  requestCompliancePackage(input: $input) {
    id
    status
  }
}
    `, {"hash":"sha256:32c9b9a607b8e7c86865a0715bccc4e591af5d9706d15fcf96810472f4986bdc"}) as unknown as TypedDocumentString<ConsoleRequestPackageMutation, ConsoleRequestPackageMutationVariables>;
export const ConsoleCancelExportDocument = new TypedDocumentString(`
    mutation ConsoleCancelExport($id: ID!) {
  cancelDataExport(id: $id) {
    id
    status
  }
}
    `, {"hash":"sha256:f7c6eaa0e7b1f3918daffab6dae1299c2f5c4c0461a9ad9a0b2cf3f7d5138cf5"}) as unknown as TypedDocumentString<ConsoleCancelExportMutation, ConsoleCancelExportMutationVariables>;
export const ConsoleCancelPackageDocument = new TypedDocumentString(`
    mutation ConsoleCancelPackage($id: ID!) {
  cancelCompliancePackage(id: $id) {
    id
    status
  }
}
    `, {"hash":"sha256:8896fd8e0a7ebdd1b46dc36b32b50180de7089c5d1a38e4b3ec69cc057bca6b6"}) as unknown as TypedDocumentString<ConsoleCancelPackageMutation, ConsoleCancelPackageMutationVariables>;
export const ConsoleExportProgressDocument = new TypedDocumentString(`
    subscription ConsoleExportProgress($id: ID!) {
  dataExportProgress(id: $id) {
    status
    percent
    stage
    message
  }
}
    `, {"hash":"sha256:dbc1b56db5b14d7e93c996d15b340f61bfd4cfd93441cf38b1ef0a3d822c6dae"}) as unknown as TypedDocumentString<ConsoleExportProgressSubscription, ConsoleExportProgressSubscriptionVariables>;
export const ConsolePackageProgressDocument = new TypedDocumentString(`
    subscription ConsolePackageProgress($id: ID!) {
  compliancePackageProgress(id: $id) {
    status
    percent
    stage
    message
  }
}
    `, {"hash":"sha256:ecf9f0402dcf5d7eb5d57025ca9552bda4e3143d88c7ee78069afe6418a694a2"}) as unknown as TypedDocumentString<ConsolePackageProgressSubscription, ConsolePackageProgressSubscriptionVariables>;
export const ConsoleShareExportDocument = new TypedDocumentString(`
    mutation ConsoleShareExport($input: CreateDataExportShareLinkInput!) {
  createDataExportShareLink(input: $input) {
    url
    password
  }
}
    `, {"hash":"sha256:ee735a91c5d28592697a11eae95662df6fe32c6eb076a54e58d66c164b873878"}) as unknown as TypedDocumentString<ConsoleShareExportMutation, ConsoleShareExportMutationVariables>;
export const ConsoleSharePackageDocument = new TypedDocumentString(`
    mutation ConsoleSharePackage($input: CreateCompliancePackageShareLinkInput!) {
  createCompliancePackageShareLink(input: $input) {
    url
    password
  }
}
    `, {"hash":"sha256:442652d560b32ae9e2713000bb5af455fe45c2b6d1faca070c240a17f29fdf3c"}) as unknown as TypedDocumentString<ConsoleSharePackageMutation, ConsoleSharePackageMutationVariables>;
export const ConsoleViewerDocument = new TypedDocumentString(`
    query ConsoleViewer {
  viewer {
    keyName
    role
    organization {
      name
    }
  }
}
    `, {"hash":"sha256:430365953f9919546275597bbe36bcf7b2e009131b9aa82ae4c8b5b36450cfb9"}) as unknown as TypedDocumentString<ConsoleViewerQuery, ConsoleViewerQueryVariables>;
export const ConsoleFrameworksDocument = new TypedDocumentString(`
    query ConsoleFrameworks {
  frameworks {
    type
    name
  }
}
    `, {"hash":"sha256:e63f34e9c8b47d8897551cc56fab648c533d3f26252ea599254fa51d96c7574e"}) as unknown as TypedDocumentString<ConsoleFrameworksQuery, ConsoleFrameworksQueryVariables>;
export const ConsoleScopeDocument = new TypedDocumentString(`
    query ConsoleScope {
  frameworks {
    type
    name
    description
  }
  environments {
    name
  }
  agents {
    agentId
  }
}
    `, {"hash":"sha256:68bddeb6977e0be8d9094780d85664c2e3bc90db3c65b8a31c346f9a413683d7"}) as unknown as TypedDocumentString<ConsoleScopeQuery, ConsoleScopeQueryVariables>;
export const ConsoleReportsDocument = new TypedDocumentString(`
    query ConsoleReports($filter: ReportFilter, $first: Int, $after: String, $last: Int, $before: String) {
  reports(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        type
        title
        status
        score
        grade
        period {
          start
          end
        }
        createdBy
        createdAt
        progress {
          percent
          stage
        }
      }
    }
  }
}
    `, {"hash":"sha256:520d164517253d8b13c85e23fdcff1381fbac91a9a14b48cc498b0d10e2b6b34"}) as unknown as TypedDocumentString<ConsoleReportsQuery, ConsoleReportsQueryVariables>;
export const ConsoleReportUpdatesDocument = new TypedDocumentString(`
    subscription ConsoleReportUpdates {
  reportUpdates {
    reportId
    status
    percent
    stage
  }
}
    `, {"hash":"sha256:2a692ba849af4e4e09c51387b22c143f232e122ee3d63a94a231f6be82da0691"}) as unknown as TypedDocumentString<ConsoleReportUpdatesSubscription, ConsoleReportUpdatesSubscriptionVariables>;
export const ConsoleReportProgressDocument = new TypedDocumentString(`
    subscription ConsoleReportProgress($id: ID!) {
  reportProgress(id: $id) {
    reportId
    status
    percent
    stage
    message
    at
  }
}
    `, {"hash":"sha256:cb7a5b5eb1d1b39409792118ca221c2ac8211917c899ca7eb8089092a59b04fb"}) as unknown as TypedDocumentString<ConsoleReportProgressSubscription, ConsoleReportProgressSubscriptionVariables>;
export const ConsoleGenerateDocument = new TypedDocumentString(`
    mutation ConsoleGenerate($input: GenerateReportInput!) {
  generateReport(input: $input) {
    id
  }
}
    `, {"hash":"sha256:b26a8a78147a789a2c264a27fc49438f0734588430fbe7c121519dbec8caaa0f"}) as unknown as TypedDocumentString<ConsoleGenerateMutation, ConsoleGenerateMutationVariables>;
export const ConsoleCancelDocument = new TypedDocumentString(`
    mutation ConsoleCancel($id: ID!) {
  cancelReport(id: $id) {
    id
    status
  }
}
    `, {"hash":"sha256:f02d160bcdb7e85ae48bd0857339e0fd8d22fe7a1cd33d81f1a9c0057ba77835"}) as unknown as TypedDocumentString<ConsoleCancelMutation, ConsoleCancelMutationVariables>;
export const ConsoleRegenerateDocument = new TypedDocumentString(`
    mutation ConsoleRegenerate($id: ID!) {
  regenerateReport(id: $id) {
    id
  }
}
    `, {"hash":"sha256:f20f38353ade95c76e222c71976043bd4aac23d36c4a24ac66d70caef0c78891"}) as unknown as TypedDocumentString<ConsoleRegenerateMutation, ConsoleRegenerateMutationVariables>;
export const ConsoleReportDocument = new TypedDocumentString(`
    query ConsoleReport($id: ID!) {
  report(id: $id) {
    id
    type
    title
    status
    score
    grade
    summary
    stale
    version
    error
    environment
    agents
    dataSubject
    period {
      start
      end
    }
    createdBy
    createdAt
    completedAt
    progress {
      percent
      stage
      message
    }
    versions {
      id
      version
      status
      score
      grade
      createdAt
    }
    sections {
      id
      title
      description
      metrics {
        id
        label
        unit
        value
      }
      tables {
        id
        title
        columns
        rows
        truncated {
          shown
          total
        }
      }
    }
    integrity {
      eventCount
      timeCoverage
      gapCount
      gaps {
        start
        end
        seconds
        reason
      }
      completeness
      contentSha256
      signature
      signatureKeyId
      watermark
      chainLink
      chainHead
    }
    fail: findings(filter: {statuses: [FAIL]}, first: 0) {
      totalCount
    }
    warn: findings(filter: {statuses: [WARN]}, first: 0) {
      totalCount
    }
    pass: findings(filter: {statuses: [PASS]}, first: 0) {
      totalCount
    }
    notApplicable: findings(filter: {statuses: [NOT_APPLICABLE]}, first: 0) {
      totalCount
    }
  }
  frameworks {
    type
    name
  }
}
    `, {"hash":"sha256:0502112c2de0d58fa4646a5e4471371fa4e502686521cd8dcdba29b1bc6a593e"}) as unknown as TypedDocumentString<ConsoleReportQuery, ConsoleReportQueryVariables>;
export const ConsoleScoreTrendDocument = new TypedDocumentString(`
    query ConsoleScoreTrend($filter: ReportFilter, $first: Int) {
  reports(filter: $filter, first: $first) {
    edges {
      node {
        id
        score
        createdAt
        period {
          start
          end
        }
        previousVersion {
          id
        }
      }
    }
  }
  frameworks {
    type
    name
  }
}
    `, {"hash":"sha256:d3e2ddee5a286fb663d8c67ba49b92e63dd42abdfa7e0dd07f1e8761da70d74e"}) as unknown as TypedDocumentString<ConsoleScoreTrendQuery, ConsoleScoreTrendQueryVariables>;
export const ConsoleFindingsDocument = new TypedDocumentString(`
    query ConsoleFindings($id: ID!, $filter: FindingFilter, $first: Int, $after: String) {
  report(id: $id) {
    id
    findings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ordinal
          status
          severity
          title
          description
          recommendation
          evidenceCount
          control {
            id
            title
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:3e08a334dfb27ace2e877fb3cadacd71726057c71b3f6cc42b33c0b10b46fdad"}) as unknown as TypedDocumentString<ConsoleFindingsQuery, ConsoleFindingsQueryVariables>;
export const ConsoleEvidenceDocument = new TypedDocumentString(`
    query ConsoleEvidence($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    ... on Finding {
      id
      evidence(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            clientId
            sequence
            occurredAt
            receivedAt
            environment
            agentId
            sessionId
            category
            action
            decision
            policyId
            policyVersion
            resource
            severity
            outcome
            correlationId
            dataSubjects
            personalData
            legalBasis
            recipient
            region
            ttlSeconds
            costUsd
            attributes
            actor {
              type
              id
              email
            }
            tool {
              name
              tags
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:71aea514f1eff15e62b9a55497a4ba4afd18fbc96cd8f632f0140d9f9533227c"}) as unknown as TypedDocumentString<ConsoleEvidenceQuery, ConsoleEvidenceQueryVariables>;
export const ConsoleShareLinksDocument = new TypedDocumentString(`
    query ConsoleShareLinks($reportId: ID!) {
  shareLinks(reportId: $reportId) {
    id
    state
    expiresAt
    revokedAt
    passwordProtected
    formats
    redaction
    useCount
    lastUsedAt
    createdAt
  }
}
    `, {"hash":"sha256:8e55d007d8fbb07e1d6ed2d87acb1da04c8b6d19000b53d1d92e2eb165076d32"}) as unknown as TypedDocumentString<ConsoleShareLinksQuery, ConsoleShareLinksQueryVariables>;
export const ConsoleCreateShareLinkDocument = new TypedDocumentString(`
    mutation ConsoleCreateShareLink($input: CreateShareLinkInput!) {
  createShareLink(input: $input) {
    url
    password
    shareLink {
      id
    }
  }
}
    `, {"hash":"sha256:3d42623dd0feec69c72286c65d4528c59bb8f6adbc959ebd4e950d7a172a2212"}) as unknown as TypedDocumentString<ConsoleCreateShareLinkMutation, ConsoleCreateShareLinkMutationVariables>;
export const ConsoleRevokeShareLinkDocument = new TypedDocumentString(`
    mutation ConsoleRevokeShareLink($id: ID!) {
  revokeShareLink(id: $id) {
    id
    state
  }
}
    `, {"hash":"sha256:6c0dc13920fea52555d30f9e52f16e12d2ea0780e756e011065ba821437e993d"}) as unknown as TypedDocumentString<ConsoleRevokeShareLinkMutation, ConsoleRevokeShareLinkMutationVariables>;
export const ConsoleSchedulesDocument = new TypedDocumentString(`
    query ConsoleSchedules {
  schedules {
    id
    type
    frequency
    paused
    nextRunAt
    lastRunAt
    titleTemplate
    environment
  }
}
    `, {"hash":"sha256:5f0530eb64777b9805956f1cc5d73d45c9108a27da5d1e6601c9f923ec49d3cc"}) as unknown as TypedDocumentString<ConsoleSchedulesQuery, ConsoleSchedulesQueryVariables>;
export const ConsoleCreateScheduleDocument = new TypedDocumentString(`
    mutation ConsoleCreateSchedule($input: CreateScheduleInput!) {
  createSchedule(input: $input) {
    id
  }
}
    `, {"hash":"sha256:2cc5ed5b7cff9bb6af38e3d22db62449fd81fd35d8196a65c1cb9f031b539860"}) as unknown as TypedDocumentString<ConsoleCreateScheduleMutation, ConsoleCreateScheduleMutationVariables>;
export const ConsoleUpdateScheduleDocument = new TypedDocumentString(`
    mutation ConsoleUpdateSchedule($id: ID!, $input: UpdateScheduleInput!) {
  updateSchedule(id: $id, input: $input) {
    id
    paused
  }
}
    `, {"hash":"sha256:738cc3b4e62339223ffa2f04ebb1e45732415f265bb02ee467c9e7a92a88a2e2"}) as unknown as TypedDocumentString<ConsoleUpdateScheduleMutation, ConsoleUpdateScheduleMutationVariables>;
export const ConsoleRunScheduleNowDocument = new TypedDocumentString(`
    mutation ConsoleRunScheduleNow($id: ID!) {
  runScheduleNow(id: $id) {
    id
  }
}
    `, {"hash":"sha256:6a59b9294681c7a246d67d5236fa59ca70b76cda0cc8cde5c742b10a0c43b8fb"}) as unknown as TypedDocumentString<ConsoleRunScheduleNowMutation, ConsoleRunScheduleNowMutationVariables>;
export const ConsolePostureDocument = new TypedDocumentString(`
    query ConsolePosture {
  posture {
    windowDays
    frameworks {
      framework
      name
      score
      grade
      evaluatedAt
      window {
        start
        end
      }
      counts {
        pass
        warn
        fail
        notApplicable
      }
      controls {
        controlId
        checkId
        title
        severity
        status
        value
        unit
        threshold {
          direction
          pass
          warn
        }
        evidenceCount
        changedAt
      }
      history(days: 30) {
        day
        score
      }
    }
  }
}
    `, {"hash":"sha256:37ae5c5c4eeb99088d5fdea550bd72d3ee23e0044af7e82f2d5865f5aed5f0c3"}) as unknown as TypedDocumentString<ConsolePostureQuery, ConsolePostureQueryVariables>;
export const ConsolePostureChangesDocument = new TypedDocumentString(`
    subscription ConsolePostureChanges {
  postureChanges {
    framework
    controlId
    checkId
    from
    to
    at
  }
}
    `, {"hash":"sha256:f1f17a8c4b5983ff5c5c9d11acc47e662a17311186e62dacf7b51dcda0197b59"}) as unknown as TypedDocumentString<ConsolePostureChangesSubscription, ConsolePostureChangesSubscriptionVariables>;
export const ConsolePostureControlDocument = new TypedDocumentString(`
    query ConsolePostureControl($framework: String!, $controlId: String!, $checkId: String!) {
  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {
    framework
    controlId
    checkId
    title
    status
    value
    unit
    threshold {
      direction
      pass
      warn
    }
    evidenceSelector
    evidenceCount
    changedAt
  }
}
    `, {"hash":"sha256:52d3d5567a583eb1aa7ab49e80071d78fd6ce92b4575f2a2d277e9fb650929be"}) as unknown as TypedDocumentString<ConsolePostureControlQuery, ConsolePostureControlQueryVariables>;
export const ConsolePostureEvidenceDocument = new TypedDocumentString(`
    query ConsolePostureEvidence($framework: String!, $controlId: String!, $checkId: String!, $first: Int, $after: String) {
  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {
    evidence(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          clientId
          sequence
          occurredAt
          category
          action
          decision
          agentId
          tool {
            name
          }
          outcome
        }
      }
    }
  }
}
    `, {"hash":"sha256:9cfbd676e21ec2ec33b73c79b2929625f63f7f3fe7d31fb70d18c4a59d584208"}) as unknown as TypedDocumentString<ConsolePostureEvidenceQuery, ConsolePostureEvidenceQueryVariables>;
export const ConsoleScoreBreakdownDocument = new TypedDocumentString(`
    query ConsoleScoreBreakdown($id: ID!) {
  report(id: $id) {
    id
    scoreBreakdown {
      id
      label
      value
      weight
      effectiveWeight
      points
      detail
    }
  }
}
    `, {"hash":"sha256:1cc5a73b5f64ebd6a3fe91b5286088539622d8682e58bc407a1ad4d61cf196bb"}) as unknown as TypedDocumentString<ConsoleScoreBreakdownQuery, ConsoleScoreBreakdownQueryVariables>;