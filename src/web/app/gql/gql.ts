/* eslint-disable */
import * as types from './graphql.ts';



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
    "query ConsoleDataExports {\n  dataExports(first: 50) { totalCount edges { node { id kind format status period { start end } rowCount sizeBytes sha256 error createdAt progress { percent stage message } } } }\n}": typeof types.ConsoleDataExportsDocument,
    "query ConsoleCompliancePackages {\n  compliancePackages(first: 50) { totalCount edges { node { id title frameworks status period { start end } error createdAt progress { percent stage message } downloads { file sizeBytes sha256 pageCount } } } }\n}": typeof types.ConsoleCompliancePackagesDocument,
    "mutation ConsoleRequestExport($input: RequestDataExportInput!) { requestDataExport(input: $input) { id status } }": typeof types.ConsoleRequestExportDocument,
    "mutation ConsoleRequestPackage($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id status } }": typeof types.ConsoleRequestPackageDocument,
    "mutation ConsoleCancelExport($id: ID!) { cancelDataExport(id: $id) { id status } }": typeof types.ConsoleCancelExportDocument,
    "mutation ConsoleCancelPackage($id: ID!) { cancelCompliancePackage(id: $id) { id status } }": typeof types.ConsoleCancelPackageDocument,
    "subscription ConsoleExportProgress($id: ID!) { dataExportProgress(id: $id) { status percent stage message } }": typeof types.ConsoleExportProgressDocument,
    "subscription ConsolePackageProgress($id: ID!) { compliancePackageProgress(id: $id) { status percent stage message } }": typeof types.ConsolePackageProgressDocument,
    "mutation ConsoleShareExport($input: CreateDataExportShareLinkInput!) { createDataExportShareLink(input: $input) { url password } }": typeof types.ConsoleShareExportDocument,
    "mutation ConsoleSharePackage($input: CreateCompliancePackageShareLinkInput!) { createCompliancePackageShareLink(input: $input) { url password } }": typeof types.ConsoleSharePackageDocument,
    "query ConsoleViewer { viewer { keyName role organization { name } } }": typeof types.ConsoleViewerDocument,
    "query ConsoleFrameworks { frameworks { type name } }": typeof types.ConsoleFrameworksDocument,
    "query ConsoleScope { frameworks { type name description } environments { name } agents { agentId } }": typeof types.ConsoleScopeDocument,
    "query ConsoleReports($filter: ReportFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  reports(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id type title status score grade period { start end } createdBy createdAt progress { percent stage } } }\n  }\n}": typeof types.ConsoleReportsDocument,
    "subscription ConsoleReportUpdates { reportUpdates { reportId status percent stage } }": typeof types.ConsoleReportUpdatesDocument,
    "subscription ConsoleReportProgress($id: ID!) { reportProgress(id: $id) { reportId status percent stage message at } }": typeof types.ConsoleReportProgressDocument,
    "mutation ConsoleGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }": typeof types.ConsoleGenerateDocument,
    "mutation ConsoleCancel($id: ID!) { cancelReport(id: $id) { id status } }": typeof types.ConsoleCancelDocument,
    "mutation ConsoleRegenerate($id: ID!) { regenerateReport(id: $id) { id } }": typeof types.ConsoleRegenerateDocument,
    "query ConsoleReport($id: ID!) {\n  report(id: $id) {\n    id type title status score grade summary stale version error environment agents dataSubject\n    period { start end } createdBy createdAt completedAt\n    progress { percent stage message }\n    versions { id version status score grade createdAt }\n    sections { id title description metrics { id label unit value } tables { id title columns rows truncated { shown total } } }\n    integrity { eventCount timeCoverage gapCount gaps { start end seconds reason } completeness contentSha256 signature signatureKeyId watermark chainLink chainHead }\n    fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount }\n    warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }\n    pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount }\n    notApplicable: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }\n  }\n  frameworks { type name }\n}": typeof types.ConsoleReportDocument,
    "query ConsoleScoreTrend($filter: ReportFilter, $first: Int) {\n  reports(filter: $filter, first: $first) { edges { node { id score createdAt period { start end } previousVersion { id } } } }\n  frameworks { type name }\n}": typeof types.ConsoleScoreTrendDocument,
    "query ConsoleFindings($id: ID!, $filter: FindingFilter, $first: Int, $after: String) {\n  report(id: $id) {\n    id\n    findings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id ordinal status severity title description recommendation evidenceCount control { id title } } }\n    }\n  }\n}": typeof types.ConsoleFindingsDocument,
    "query ConsoleEvidence($id: ID!, $first: Int, $after: String) {\n  node(id: $id) {\n    ... on Finding {\n      id\n      evidence(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node {\n          id clientId sequence occurredAt receivedAt environment agentId sessionId category action decision policyId policyVersion\n          resource severity outcome correlationId dataSubjects personalData legalBasis recipient region ttlSeconds costUsd attributes\n          actor { type id email } tool { name tags }\n        } }\n      }\n    }\n  }\n}": typeof types.ConsoleEvidenceDocument,
    "query ConsoleShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id state expiresAt revokedAt passwordProtected formats redaction useCount lastUsedAt createdAt } }": typeof types.ConsoleShareLinksDocument,
    "mutation ConsoleCreateShareLink($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password shareLink { id } } }": typeof types.ConsoleCreateShareLinkDocument,
    "mutation ConsoleRevokeShareLink($id: ID!) { revokeShareLink(id: $id) { id state } }": typeof types.ConsoleRevokeShareLinkDocument,
    "query ConsoleSchedules { schedules { id type frequency paused nextRunAt lastRunAt titleTemplate environment } }": typeof types.ConsoleSchedulesDocument,
    "mutation ConsoleCreateSchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }": typeof types.ConsoleCreateScheduleDocument,
    "mutation ConsoleUpdateSchedule($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused } }": typeof types.ConsoleUpdateScheduleDocument,
    "mutation ConsoleRunScheduleNow($id: ID!) { runScheduleNow(id: $id) { id } }": typeof types.ConsoleRunScheduleNowDocument,
    "query ConsolePosture {\n  posture {\n    windowDays\n    frameworks {\n      framework name score grade evaluatedAt window { start end }\n      counts { pass warn fail notApplicable }\n      controls { controlId checkId title severity status value unit threshold { direction pass warn } evidenceCount changedAt }\n      history(days: 30) { day score }\n    }\n  }\n}": typeof types.ConsolePostureDocument,
    "subscription ConsolePostureChanges { postureChanges { framework controlId checkId from to at } }": typeof types.ConsolePostureChangesDocument,
    "query ConsolePostureControl($framework: String!, $controlId: String!, $checkId: String!) {\n  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {\n    framework controlId checkId title status value unit threshold { direction pass warn } evidenceSelector evidenceCount changedAt\n  }\n}": typeof types.ConsolePostureControlDocument,
    "query ConsolePostureEvidence($framework: String!, $controlId: String!, $checkId: String!, $first: Int, $after: String) {\n  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {\n    evidence(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id clientId sequence occurredAt category action decision agentId tool { name } outcome } }\n    }\n  }\n}": typeof types.ConsolePostureEvidenceDocument,
    "query ConsoleScoreBreakdown($id: ID!) {\n  report(id: $id) { id scoreBreakdown { id label value weight effectiveWeight points detail } }\n}": typeof types.ConsoleScoreBreakdownDocument,
};
const documents: Documents = {
    "query ConsoleDataExports {\n  dataExports(first: 50) { totalCount edges { node { id kind format status period { start end } rowCount sizeBytes sha256 error createdAt progress { percent stage message } } } }\n}": types.ConsoleDataExportsDocument,
    "query ConsoleCompliancePackages {\n  compliancePackages(first: 50) { totalCount edges { node { id title frameworks status period { start end } error createdAt progress { percent stage message } downloads { file sizeBytes sha256 pageCount } } } }\n}": types.ConsoleCompliancePackagesDocument,
    "mutation ConsoleRequestExport($input: RequestDataExportInput!) { requestDataExport(input: $input) { id status } }": types.ConsoleRequestExportDocument,
    "mutation ConsoleRequestPackage($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id status } }": types.ConsoleRequestPackageDocument,
    "mutation ConsoleCancelExport($id: ID!) { cancelDataExport(id: $id) { id status } }": types.ConsoleCancelExportDocument,
    "mutation ConsoleCancelPackage($id: ID!) { cancelCompliancePackage(id: $id) { id status } }": types.ConsoleCancelPackageDocument,
    "subscription ConsoleExportProgress($id: ID!) { dataExportProgress(id: $id) { status percent stage message } }": types.ConsoleExportProgressDocument,
    "subscription ConsolePackageProgress($id: ID!) { compliancePackageProgress(id: $id) { status percent stage message } }": types.ConsolePackageProgressDocument,
    "mutation ConsoleShareExport($input: CreateDataExportShareLinkInput!) { createDataExportShareLink(input: $input) { url password } }": types.ConsoleShareExportDocument,
    "mutation ConsoleSharePackage($input: CreateCompliancePackageShareLinkInput!) { createCompliancePackageShareLink(input: $input) { url password } }": types.ConsoleSharePackageDocument,
    "query ConsoleViewer { viewer { keyName role organization { name } } }": types.ConsoleViewerDocument,
    "query ConsoleFrameworks { frameworks { type name } }": types.ConsoleFrameworksDocument,
    "query ConsoleScope { frameworks { type name description } environments { name } agents { agentId } }": types.ConsoleScopeDocument,
    "query ConsoleReports($filter: ReportFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  reports(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id type title status score grade period { start end } createdBy createdAt progress { percent stage } } }\n  }\n}": types.ConsoleReportsDocument,
    "subscription ConsoleReportUpdates { reportUpdates { reportId status percent stage } }": types.ConsoleReportUpdatesDocument,
    "subscription ConsoleReportProgress($id: ID!) { reportProgress(id: $id) { reportId status percent stage message at } }": types.ConsoleReportProgressDocument,
    "mutation ConsoleGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }": types.ConsoleGenerateDocument,
    "mutation ConsoleCancel($id: ID!) { cancelReport(id: $id) { id status } }": types.ConsoleCancelDocument,
    "mutation ConsoleRegenerate($id: ID!) { regenerateReport(id: $id) { id } }": types.ConsoleRegenerateDocument,
    "query ConsoleReport($id: ID!) {\n  report(id: $id) {\n    id type title status score grade summary stale version error environment agents dataSubject\n    period { start end } createdBy createdAt completedAt\n    progress { percent stage message }\n    versions { id version status score grade createdAt }\n    sections { id title description metrics { id label unit value } tables { id title columns rows truncated { shown total } } }\n    integrity { eventCount timeCoverage gapCount gaps { start end seconds reason } completeness contentSha256 signature signatureKeyId watermark chainLink chainHead }\n    fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount }\n    warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }\n    pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount }\n    notApplicable: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }\n  }\n  frameworks { type name }\n}": types.ConsoleReportDocument,
    "query ConsoleScoreTrend($filter: ReportFilter, $first: Int) {\n  reports(filter: $filter, first: $first) { edges { node { id score createdAt period { start end } previousVersion { id } } } }\n  frameworks { type name }\n}": types.ConsoleScoreTrendDocument,
    "query ConsoleFindings($id: ID!, $filter: FindingFilter, $first: Int, $after: String) {\n  report(id: $id) {\n    id\n    findings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id ordinal status severity title description recommendation evidenceCount control { id title } } }\n    }\n  }\n}": types.ConsoleFindingsDocument,
    "query ConsoleEvidence($id: ID!, $first: Int, $after: String) {\n  node(id: $id) {\n    ... on Finding {\n      id\n      evidence(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node {\n          id clientId sequence occurredAt receivedAt environment agentId sessionId category action decision policyId policyVersion\n          resource severity outcome correlationId dataSubjects personalData legalBasis recipient region ttlSeconds costUsd attributes\n          actor { type id email } tool { name tags }\n        } }\n      }\n    }\n  }\n}": types.ConsoleEvidenceDocument,
    "query ConsoleShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id state expiresAt revokedAt passwordProtected formats redaction useCount lastUsedAt createdAt } }": types.ConsoleShareLinksDocument,
    "mutation ConsoleCreateShareLink($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password shareLink { id } } }": types.ConsoleCreateShareLinkDocument,
    "mutation ConsoleRevokeShareLink($id: ID!) { revokeShareLink(id: $id) { id state } }": types.ConsoleRevokeShareLinkDocument,
    "query ConsoleSchedules { schedules { id type frequency paused nextRunAt lastRunAt titleTemplate environment } }": types.ConsoleSchedulesDocument,
    "mutation ConsoleCreateSchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }": types.ConsoleCreateScheduleDocument,
    "mutation ConsoleUpdateSchedule($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused } }": types.ConsoleUpdateScheduleDocument,
    "mutation ConsoleRunScheduleNow($id: ID!) { runScheduleNow(id: $id) { id } }": types.ConsoleRunScheduleNowDocument,
    "query ConsolePosture {\n  posture {\n    windowDays\n    frameworks {\n      framework name score grade evaluatedAt window { start end }\n      counts { pass warn fail notApplicable }\n      controls { controlId checkId title severity status value unit threshold { direction pass warn } evidenceCount changedAt }\n      history(days: 30) { day score }\n    }\n  }\n}": types.ConsolePostureDocument,
    "subscription ConsolePostureChanges { postureChanges { framework controlId checkId from to at } }": types.ConsolePostureChangesDocument,
    "query ConsolePostureControl($framework: String!, $controlId: String!, $checkId: String!) {\n  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {\n    framework controlId checkId title status value unit threshold { direction pass warn } evidenceSelector evidenceCount changedAt\n  }\n}": types.ConsolePostureControlDocument,
    "query ConsolePostureEvidence($framework: String!, $controlId: String!, $checkId: String!, $first: Int, $after: String) {\n  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {\n    evidence(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id clientId sequence occurredAt category action decision agentId tool { name } outcome } }\n    }\n  }\n}": types.ConsolePostureEvidenceDocument,
    "query ConsoleScoreBreakdown($id: ID!) {\n  report(id: $id) { id scoreBreakdown { id label value weight effectiveWeight points detail } }\n}": types.ConsoleScoreBreakdownDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleDataExports {\n  dataExports(first: 50) { totalCount edges { node { id kind format status period { start end } rowCount sizeBytes sha256 error createdAt progress { percent stage message } } } }\n}"): typeof import('./graphql.ts').ConsoleDataExportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleCompliancePackages {\n  compliancePackages(first: 50) { totalCount edges { node { id title frameworks status period { start end } error createdAt progress { percent stage message } downloads { file sizeBytes sha256 pageCount } } } }\n}"): typeof import('./graphql.ts').ConsoleCompliancePackagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRequestExport($input: RequestDataExportInput!) { requestDataExport(input: $input) { id status } }"): typeof import('./graphql.ts').ConsoleRequestExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRequestPackage($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id status } }"): typeof import('./graphql.ts').ConsoleRequestPackageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleCancelExport($id: ID!) { cancelDataExport(id: $id) { id status } }"): typeof import('./graphql.ts').ConsoleCancelExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleCancelPackage($id: ID!) { cancelCompliancePackage(id: $id) { id status } }"): typeof import('./graphql.ts').ConsoleCancelPackageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsoleExportProgress($id: ID!) { dataExportProgress(id: $id) { status percent stage message } }"): typeof import('./graphql.ts').ConsoleExportProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsolePackageProgress($id: ID!) { compliancePackageProgress(id: $id) { status percent stage message } }"): typeof import('./graphql.ts').ConsolePackageProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleShareExport($input: CreateDataExportShareLinkInput!) { createDataExportShareLink(input: $input) { url password } }"): typeof import('./graphql.ts').ConsoleShareExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleSharePackage($input: CreateCompliancePackageShareLinkInput!) { createCompliancePackageShareLink(input: $input) { url password } }"): typeof import('./graphql.ts').ConsoleSharePackageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleViewer { viewer { keyName role organization { name } } }"): typeof import('./graphql.ts').ConsoleViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleFrameworks { frameworks { type name } }"): typeof import('./graphql.ts').ConsoleFrameworksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleScope { frameworks { type name description } environments { name } agents { agentId } }"): typeof import('./graphql.ts').ConsoleScopeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleReports($filter: ReportFilter, $first: Int, $after: String, $last: Int, $before: String) {\n  reports(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id type title status score grade period { start end } createdBy createdAt progress { percent stage } } }\n  }\n}"): typeof import('./graphql.ts').ConsoleReportsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsoleReportUpdates { reportUpdates { reportId status percent stage } }"): typeof import('./graphql.ts').ConsoleReportUpdatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsoleReportProgress($id: ID!) { reportProgress(id: $id) { reportId status percent stage message at } }"): typeof import('./graphql.ts').ConsoleReportProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }"): typeof import('./graphql.ts').ConsoleGenerateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleCancel($id: ID!) { cancelReport(id: $id) { id status } }"): typeof import('./graphql.ts').ConsoleCancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRegenerate($id: ID!) { regenerateReport(id: $id) { id } }"): typeof import('./graphql.ts').ConsoleRegenerateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleReport($id: ID!) {\n  report(id: $id) {\n    id type title status score grade summary stale version error environment agents dataSubject\n    period { start end } createdBy createdAt completedAt\n    progress { percent stage message }\n    versions { id version status score grade createdAt }\n    sections { id title description metrics { id label unit value } tables { id title columns rows truncated { shown total } } }\n    integrity { eventCount timeCoverage gapCount gaps { start end seconds reason } completeness contentSha256 signature signatureKeyId watermark chainLink chainHead }\n    fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount }\n    warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }\n    pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount }\n    notApplicable: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }\n  }\n  frameworks { type name }\n}"): typeof import('./graphql.ts').ConsoleReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleScoreTrend($filter: ReportFilter, $first: Int) {\n  reports(filter: $filter, first: $first) { edges { node { id score createdAt period { start end } previousVersion { id } } } }\n  frameworks { type name }\n}"): typeof import('./graphql.ts').ConsoleScoreTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleFindings($id: ID!, $filter: FindingFilter, $first: Int, $after: String) {\n  report(id: $id) {\n    id\n    findings(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id ordinal status severity title description recommendation evidenceCount control { id title } } }\n    }\n  }\n}"): typeof import('./graphql.ts').ConsoleFindingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleEvidence($id: ID!, $first: Int, $after: String) {\n  node(id: $id) {\n    ... on Finding {\n      id\n      evidence(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { node {\n          id clientId sequence occurredAt receivedAt environment agentId sessionId category action decision policyId policyVersion\n          resource severity outcome correlationId dataSubjects personalData legalBasis recipient region ttlSeconds costUsd attributes\n          actor { type id email } tool { name tags }\n        } }\n      }\n    }\n  }\n}"): typeof import('./graphql.ts').ConsoleEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id state expiresAt revokedAt passwordProtected formats redaction useCount lastUsedAt createdAt } }"): typeof import('./graphql.ts').ConsoleShareLinksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleCreateShareLink($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password shareLink { id } } }"): typeof import('./graphql.ts').ConsoleCreateShareLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRevokeShareLink($id: ID!) { revokeShareLink(id: $id) { id state } }"): typeof import('./graphql.ts').ConsoleRevokeShareLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleSchedules { schedules { id type frequency paused nextRunAt lastRunAt titleTemplate environment } }"): typeof import('./graphql.ts').ConsoleSchedulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleCreateSchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }"): typeof import('./graphql.ts').ConsoleCreateScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleUpdateSchedule($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused } }"): typeof import('./graphql.ts').ConsoleUpdateScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleRunScheduleNow($id: ID!) { runScheduleNow(id: $id) { id } }"): typeof import('./graphql.ts').ConsoleRunScheduleNowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsolePosture {\n  posture {\n    windowDays\n    frameworks {\n      framework name score grade evaluatedAt window { start end }\n      counts { pass warn fail notApplicable }\n      controls { controlId checkId title severity status value unit threshold { direction pass warn } evidenceCount changedAt }\n      history(days: 30) { day score }\n    }\n  }\n}"): typeof import('./graphql.ts').ConsolePostureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsolePostureChanges { postureChanges { framework controlId checkId from to at } }"): typeof import('./graphql.ts').ConsolePostureChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsolePostureControl($framework: String!, $controlId: String!, $checkId: String!) {\n  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {\n    framework controlId checkId title status value unit threshold { direction pass warn } evidenceSelector evidenceCount changedAt\n  }\n}"): typeof import('./graphql.ts').ConsolePostureControlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsolePostureEvidence($framework: String!, $controlId: String!, $checkId: String!, $first: Int, $after: String) {\n  postureControl(framework: $framework, controlId: $controlId, checkId: $checkId) {\n    evidence(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id clientId sequence occurredAt category action decision agentId tool { name } outcome } }\n    }\n  }\n}"): typeof import('./graphql.ts').ConsolePostureEvidenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleScoreBreakdown($id: ID!) {\n  report(id: $id) { id scoreBreakdown { id label value weight effectiveWeight points detail } }\n}"): typeof import('./graphql.ts').ConsoleScoreBreakdownDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
