/**
 * Every operation the console sends: exactly the fields it shows. `npm run codegen` types them
 * (src/web/app/gql/) from schema.graphql, so a field the schema lacks fails the type check.
 */
import { graphql } from './gql/index.ts';

export const Viewer = graphql(`query ConsoleViewer { viewer { keyName role organization { name } } }`);

export const Frameworks = graphql(`query ConsoleFrameworks { frameworks { type name } }`);

export const Scope = graphql(`query ConsoleScope { frameworks { type name description } environments { name } agents { agentId } }`);

export const Reports = graphql(`query ConsoleReports($filter: ReportFilter, $first: Int, $after: String, $last: Int, $before: String) {
  reports(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id type title status score grade period { start end } createdBy createdAt progress { percent stage } } }
  }
}`);

export const ReportUpdates = graphql(`subscription ConsoleReportUpdates { reportUpdates { reportId status percent stage } }`);

export const ReportProgress = graphql(`subscription ConsoleReportProgress($id: ID!) { reportProgress(id: $id) { reportId status percent stage message at } }`);

export const Generate = graphql(`mutation ConsoleGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }`);

export const Cancel = graphql(`mutation ConsoleCancel($id: ID!) { cancelReport(id: $id) { id status } }`);

export const Regenerate = graphql(`mutation ConsoleRegenerate($id: ID!) { regenerateReport(id: $id) { id } }`);

export const Report = graphql(`query ConsoleReport($id: ID!) {
  report(id: $id) {
    id type title status score grade summary stale version error environment agents dataSubject
    period { start end } createdBy createdAt completedAt
    progress { percent stage message }
    versions { id version status score grade createdAt }
    sections { id title description metrics { id label unit value } tables { id title columns rows truncated { shown total } } }
    integrity { eventCount timeCoverage gapCount gaps { start end seconds reason } completeness contentSha256 signature signatureKeyId watermark chainLink chainHead }
    fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount }
    warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }
    pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount }
    notApplicable: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }
  }
  frameworks { type name }
}`);

export const ScoreTrend = graphql(`query ConsoleScoreTrend($filter: ReportFilter, $first: Int) {
  reports(filter: $filter, first: $first) { edges { node { id score createdAt period { start end } previousVersion { id } } } }
  frameworks { type name }
}`);

export const Findings = graphql(`query ConsoleFindings($id: ID!, $filter: FindingFilter, $first: Int, $after: String) {
  report(id: $id) {
    id
    findings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id ordinal status severity title description recommendation evidenceCount control { id title } } }
    }
  }
}`);

export const Evidence = graphql(`query ConsoleEvidence($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    ... on Finding {
      id
      evidence(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node {
          id clientId sequence occurredAt receivedAt environment agentId sessionId category action decision policyId policyVersion
          resource severity outcome correlationId dataSubjects personalData legalBasis recipient region ttlSeconds costUsd attributes
          actor { type id email } tool { name tags }
        } }
      }
    }
  }
}`);

/** Formats the download route serves; Report.downloads lists them once it is in the schema. */
export const FORMATS: Array<[format: string, label: string]> = [
  ['pdf', 'PDF'],
  ['json', 'JSON'],
  ['csv', 'CSV (zip of tables)'],
  ['md', 'Markdown'],
  ['oscal', 'OSCAL assessment results'],
  ['bundle', 'Evidence bundle (zip)'],
];

export const STATIC_TYPES: Array<[string, string]> = [
  ['soc2', 'SOC 2'],
  ['gdpr', 'GDPR'],
  ['iso27001', 'ISO/IEC 27001:2022'],
  ['hipaa', 'HIPAA'],
  ['eu_ai_act', 'EU AI Act'],
  ['iso42001', 'ISO/IEC 42001'],
  ['nist_ai_rmf', 'NIST AI RMF'],
  ['governance', 'Governance'],
  ['executive_summary', 'Executive summary'],
  ['asset_inventory', 'Asset inventory'],
  ['audit_summary', 'Audit summary'],
];

export const STATUSES = ['PENDING', 'GENERATING', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'];

export const ShareLinks = graphql(`query ConsoleShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id state expiresAt revokedAt passwordProtected formats redaction useCount lastUsedAt createdAt } }`);

export const CreateShareLink = graphql(`mutation ConsoleCreateShareLink($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password shareLink { id } } }`);

export const RevokeShareLink = graphql(`mutation ConsoleRevokeShareLink($id: ID!) { revokeShareLink(id: $id) { id state } }`);

export const Schedules = graphql(`query ConsoleSchedules { schedules { id type frequency paused nextRunAt lastRunAt titleTemplate environment } }`);

export const CreateSchedule = graphql(`mutation ConsoleCreateSchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }`);

export const UpdateSchedule = graphql(`mutation ConsoleUpdateSchedule($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused } }`);

export const RunScheduleNow = graphql(`mutation ConsoleRunScheduleNow($id: ID!) { runScheduleNow(id: $id) { id } }`);

export const Posture = graphql(`query ConsolePosture {
  posture {
    windowDays
    frameworks {
      framework name score grade evaluatedAt window { start end }
      counts { pass warn fail notApplicable }
      controls { controlId checkId title severity status value unit threshold { direction pass warn } evidenceCount changedAt }
      history(days: 30) { day score }
    }
  }
}`);

export const PostureChanges = graphql(`subscription ConsolePostureChanges { postureChanges { framework controlId checkId from to at } }`);

export const PostureControl = graphql(`query ConsolePostureControl($framework: String!, $controlId: String!, $checkId: String!) {
  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {
    framework controlId checkId title status value unit threshold { direction pass warn } evidenceSelector evidenceCount changedAt
  }
}`);

export const PostureEvidence = graphql(`query ConsolePostureEvidence($framework: String!, $controlId: String!, $checkId: String!, $first: Int, $after: String) {
  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {
    evidence(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id clientId sequence occurredAt category action decision agentId tool { name } outcome } }
    }
  }
}`);
