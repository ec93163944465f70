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
    "\n  query GrcCompletedReports($after: String) {\n    reports(filter: { status: COMPLETED }, first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type title score grade period { start end } completedAt integrity { contentSha256 signature signatureKeyId } } }\n    }\n  }\n": typeof types.GrcCompletedReportsDocument,
    "\n  query GrcFailingFindings($id: ID!, $after: String, $evidence: Int!) {\n    report(id: $id) {\n      findings(filter: { statuses: [FAIL] }, first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id control { id framework title } title severity description recommendation evidenceCount\n            evidence(first: $evidence) { edges { node { id sequence occurredAt category action decision agentId actor { type id } correlationId } } }\n          }\n        }\n      }\n    }\n  }\n": typeof types.GrcFailingFindingsDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      keyName\n      organization { id name }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name role prefix revokedAt } }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt lastUsedAt }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ListApiKeys {\n    viewer { organization { apiKeys { id name role lastUsedAt revokedAt } } }\n  }\n": typeof types.ListApiKeysDocument,
    "\n  query AuditEventsPage($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id sequence clientId occurredAt receivedAt environment agentId sessionId\n          actor { type id email }\n          category action decision policyId tool { name tags } severity outcome\n          dataSubjects personalData costUsd ttlSeconds attributes\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsPageDocument,
    "\n  query AuditEventNode($id: ID!) {\n    node(id: $id) { id ... on AuditEvent { clientId action } }\n  }\n": typeof types.AuditEventNodeDocument,
    "\n  query Registries {\n    agents { agentId firstSeenAt lastSeenAt }\n    environments { name firstSeenAt lastSeenAt }\n    tools { name tags firstSeenAt lastSeenAt }\n  }\n": typeof types.RegistriesDocument,
    "\n  mutation LimitsShare($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password } }\n": typeof types.LimitsShareDocument,
    "\n  query LimitsViewer { viewer { role } }\n": typeof types.LimitsViewerDocument,
    "\n  mutation IngestAuditEvents($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n": typeof types.IngestAuditEventsDocument,
    "\n  query SoA { statementOfApplicability { controlId title applicable justification implementation revision recordedBy history { revision implementation } } }\n": typeof types.SoADocument,
    "\n  mutation RecordSoA($statements: [ControlApplicabilityInput!]!) {\n    recordControlApplicability(statements: $statements) {\n      recorded { controlId applicable justification implementation revision recordedBy }\n      rejected { index field message }\n    }\n  }\n": typeof types.RecordSoADocument,
    "\n  mutation Reproduce($id: ID!) { reproduceReport(id: $id) { identical sha256 differences checkedAt } }\n": typeof types.ReproduceDocument,
    "\n  query Reproduction($id: ID!) { report(id: $id) { reproduction { identical sha256 } } }\n": typeof types.ReproductionDocument,
    "\n  mutation PackageRequest($input: RequestCompliancePackageInput!) {\n    requestCompliancePackage(input: $input) { id status title frameworks exportKinds exportFormat }\n  }\n": typeof types.PackageRequestDocument,
    "\n  query PackageGet($id: ID!) {\n    node(id: $id) {\n      ... on CompliancePackage {\n        id status error signature signatureKeyId expiresAt\n        progress { percent stage message }\n        period { start end }\n        reports { id type status title downloads { format url pageCount } }\n        dataExports { id kind status sha256 downloadUrl }\n        downloads { file url sizeBytes sha256 pageCount }\n      }\n    }\n  }\n": typeof types.PackageGetDocument,
    "\n  query PackageList { compliancePackages(first: 10) { totalCount edges { node { id status } } } }\n": typeof types.PackageListDocument,
    "\n  mutation PackageScheduleCreate($input: CreateScheduleInput!) {\n    createSchedule(input: $input) { id type titleTemplate package { frameworks exportKinds exportFormat } }\n  }\n": typeof types.PackageScheduleCreateDocument,
    "\n  mutation PackageScheduleRun($id: ID!) { runScheduleNow(id: $id) { id type } }\n": typeof types.PackageScheduleRunDocument,
    "\n  query PackageSchedulePackages { schedules { id packages { id status title frameworks period { start end } reports { type } dataExports { kind format } } } }\n": typeof types.PackageSchedulePackagesDocument,
    "\n  query ScheduleExportsList { schedules { id exports { kinds format } reports { id period { start end } } dataExports { kind format status period { start end } filters { environment } } } }\n": typeof types.ScheduleExportsListDocument,
    "\n  mutation PackageCancel($id: ID!) { cancelCompliancePackage(id: $id) { id status } }\n": typeof types.PackageCancelDocument,
    "\n  mutation PackagePartCancel($id: ID!) { cancelReport(id: $id) { id status } }\n": typeof types.PackagePartCancelDocument,
    "query ConsoleTestLatestExport { dataExports(first: 1) { edges { node { id sha256 rowCount } } } }": typeof types.ConsoleTestLatestExportDocument,
    "query ConsoleTestLatestPackage { compliancePackages(first: 1) { edges { node { id title } } } }": typeof types.ConsoleTestLatestPackageDocument,
    "query ConsoleTestPackageLinks($id: ID!) { shareLinks(compliancePackageId: $id) { passwordProtected packageFiles } }": typeof types.ConsoleTestPackageLinksDocument,
    "\n  query ConsoleTestReport($id: ID!) {\n    report(id: $id) {\n      type score versions { id version score } sections { tables { id columns rows } }\n      fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount } warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }\n      pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount } na: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }\n    }\n  }\n": typeof types.ConsoleTestReportDocument,
    "\n  query ConsoleTestEvidence($id: ID!, $first: Int) { node(id: $id) { ... on Finding { evidence(first: $first) { totalCount edges { node { clientId sequence occurredAt } } } } } }\n": typeof types.ConsoleTestEvidenceDocument,
    "\n  query ConsoleTestSoc2Reports { reports(filter: { type: \"soc2\", status: COMPLETED }, first: 12) { edges { node { id score createdAt period { end } } } } }\n": typeof types.ConsoleTestSoc2ReportsDocument,
    "\n  mutation ExportRequest($input: RequestDataExportInput!) {\n    requestDataExport(input: $input) { id status kind format filters { environment decisions sources } }\n  }\n": typeof types.ExportRequestDocument,
    "\n  query ExportGet($id: ID!) {\n    node(id: $id) {\n      ... on DataExport { id status rowCount sizeBytes sha256 signature signatureKeyId downloadUrl expiresAt error progress { percent stage message } }\n    }\n  }\n": typeof types.ExportGetDocument,
    "\n  query ExportList { dataExports(first: 50) { totalCount edges { node { id kind } } } }\n": typeof types.ExportListDocument,
    "\n  mutation ExportCancel($id: ID!) { cancelDataExport(id: $id) { id status } }\n": typeof types.ExportCancelDocument,
    "\n  query ExportSourceEvents { auditEvents(first: 10) { edges { node { clientId source } } } }\n": typeof types.ExportSourceEventsDocument,
    "\n  query ExportKeys { viewer { organization { signingKeys { id publicKeyPem } } } }\n": typeof types.ExportKeysDocument,
    "\n  query ReportDownloads($id: ID!) {\n    report(id: $id) { status downloads { format url sizeBytes sha256 pageCount } }\n  }\n": typeof types.ReportDownloadsDocument,
    "\n  query FindingsReportIds {\n    reports(first: 10) { edges { node { id type } } }\n  }\n": typeof types.FindingsReportIdsDocument,
    "\n  query Drilldown($id: ID!, $findings: Int!, $evidence: Int!) {\n    report(id: $id) {\n      id\n      score\n      grade\n      summary\n      stale\n      integrity { eventCount timeCoverage gapCount contentSha256 watermark sampleSeed frameworkVersion }\n      sections { id title metrics { id value unit } tables { id columns rows truncated { shown total } } }\n      findings(first: $findings) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            ordinal\n            control { id framework title }\n            status\n            severity\n            evidenceCount\n            evidence(first: $evidence) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              edges { node { id sequence action correlationId } }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DrilldownDocument,
    "\n  query FailingFindings($id: ID!) {\n    report(id: $id) {\n      findings(first: 50, filter: { statuses: [FAIL], severities: [HIGH, CRITICAL] }) {\n        totalCount\n        edges { node { id control { id } status severity } }\n      }\n    }\n  }\n": typeof types.FailingFindingsDocument,
    "\n  query EvidencePage($id: ID!, $after: String) {\n    node(id: $id) {\n      ... on Finding {\n        evidenceCount\n        evidence(first: 2, after: $after) {\n          pageInfo { hasNextPage endCursor }\n          edges { node { id sequence findings { id } } }\n        }\n        evidenceSample(size: 2) { sequence }\n      }\n    }\n  }\n": typeof types.EvidencePageDocument,
    "\n  query FrameworkList {\n    frameworks { type name version controls { id title } sections { id title controls { id title section } } }\n  }\n": typeof types.FrameworkListDocument,
    "\n  mutation IngestHostile($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n": typeof types.IngestHostileDocument,
    "\n  mutation GenerateHostile($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status title }\n  }\n": typeof types.GenerateHostileDocument,
    "\n  mutation CreateKeyForTrail($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } }\n  }\n": typeof types.CreateKeyForTrailDocument,
    "\n  mutation RevokeKeyForTrail($id: ID!) {\n    revokeApiKey(id: $id) { id }\n  }\n": typeof types.RevokeKeyForTrailDocument,
    "\n  mutation NotifySchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }\n": typeof types.NotifyScheduleDocument,
    "\n  mutation NotifyRunNow($id: ID!) { runScheduleNow(id: $id) { id } }\n": typeof types.NotifyRunNowDocument,
    "\n  query NotifyReport($id: ID!) { report(id: $id) { id status score grade } }\n": typeof types.NotifyReportDocument,
    "\n  query NotifySecret { viewer { organization { webhookSecret } } }\n": typeof types.NotifySecretDocument,
    "\n  mutation OrgNotify($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays notify { webhooks emails } } }\n": typeof types.OrgNotifyDocument,
    "\n  mutation NotifyGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n": typeof types.NotifyGenerateDocument,
    "\n  query NotifyOutbox($first: Int) {\n    notifications(first: $first) { totalCount edges { node { id channel target event status attempts responseStatus lastError body subject report { id } } } }\n  }\n": typeof types.NotifyOutboxDocument,
    "\n  query OcsfEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt agentId sessionId\n          actor { type id }\n          category action decision tool { name } resource severity outcome correlationId region attributes\n        }\n      }\n    }\n  }\n": typeof types.OcsfEventsDocument,
    "\n  mutation CreateOwnFramework($definition: JSON!) {\n    createFramework(definition: $definition) { type name version custom sections { id title controls { id title } } }\n  }\n": typeof types.CreateOwnFrameworkDocument,
    "\n  mutation UpdateOwnFramework($type: String!, $definition: JSON!) {\n    updateFramework(type: $type, definition: $definition) { type name version }\n  }\n": typeof types.UpdateOwnFrameworkDocument,
    "\n  mutation DeleteOwnFramework($type: String!) { deleteFramework(type: $type) { type } }\n": typeof types.DeleteOwnFrameworkDocument,
    "\n  query OwnFrameworks { frameworks { type custom version } }\n": typeof types.OwnFrameworksDocument,
    "\n  mutation GenerateOwnFramework($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n": typeof types.GenerateOwnFrameworkDocument,
    "\n  query OwnFrameworkReport($id: ID!) {\n    report(id: $id) { status integrity { frameworkVersion } findings(first: 20) { edges { node { status control { id framework } evidenceCount } } } }\n  }\n": typeof types.OwnFrameworkReportDocument,
    "\n  query OtlpEvents($filter: AuditEventFilter) {\n    auditEvents(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt environment agentId sessionId\n          actor { type id }\n          category action decision policyId policyVersion\n          tool { name tags }\n          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes\n        }\n      }\n    }\n  }\n": typeof types.OtlpEventsDocument,
    "\n  query RateLimitedRole {\n    viewer { role }\n  }\n": typeof types.RateLimitedRoleDocument,
    "\n  query DriftEvidence($id: ID!) {\n    report(id: $id) {\n      findings(filter: { controlIds: [\"CC3.2\"] }, first: 10) {\n        edges { node { title status value evidenceCount evidence(first: 10) { totalCount edges { node { clientId agentId } } } } }\n      }\n    }\n  }\n": typeof types.DriftEvidenceDocument,
    "\n  subscription GivenUpProgress($id: ID!) {\n    reportProgress(id: $id) { status stage message }\n  }\n": typeof types.GivenUpProgressDocument,
    "\n  mutation LifecycleGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status type title period { start end } environment agents version createdBy progress { percent stage } }\n  }\n": typeof types.LifecycleGenerateDocument,
    "\n  query LifecycleStatus($id: ID!) {\n    report(id: $id) {\n      id status score grade error version summary startedAt completedAt\n      progress { percent stage message }\n      previousVersion { id }\n      versions { id version }\n      integrity { contentSha256 signature signatureKeyId }\n    }\n  }\n": typeof types.LifecycleStatusDocument,
    "\n  mutation LifecycleRegenerate($id: ID!) { regenerateReport(id: $id) { id version status } }\n": typeof types.LifecycleRegenerateDocument,
    "\n  mutation LifecycleCancel($id: ID!) { cancelReport(id: $id) { id status } }\n": typeof types.LifecycleCancelDocument,
    "\n  mutation LifecycleDelete($id: ID!) { deleteReport(id: $id) { id } }\n": typeof types.LifecycleDeleteDocument,
    "\n  query LifecycleList($filter: ReportFilter, $first: Int, $after: String) {\n    reports(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type status } }\n    }\n  }\n": typeof types.LifecycleListDocument,
    "\n  subscription ProcessProgress($id: ID!) {\n    reportProgress(id: $id) { status percent stage }\n  }\n": typeof types.ProcessProgressDocument,
    "\n  mutation ProgressGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status }\n  }\n": typeof types.ProgressGenerateDocument,
    "\n  subscription ReportProgress($id: ID!) {\n    reportProgress(id: $id) { reportId status percent stage message at }\n  }\n": typeof types.ReportProgressDocument,
    "\n  mutation ProgressCancel($id: ID!) { cancelReport(id: $id) { id status } }\n": typeof types.ProgressCancelDocument,
    "\n  mutation ProgressDelete($id: ID!) { deleteReport(id: $id) { id } }\n": typeof types.ProgressDeleteDocument,
    "\n  subscription ReportUpdates {\n    reportUpdates { reportId status percent stage }\n  }\n": typeof types.ReportUpdatesDocument,
    "\n  subscription ReportUpdatesWithDeletion {\n    reportUpdates { reportId status deleted }\n  }\n": typeof types.ReportUpdatesWithDeletionDocument,
    "\n  mutation RetentionSettings($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays } }\n": typeof types.RetentionSettingsDocument,
    "\n  query RetentionOrg { viewer { organization { retentionDays } } }\n": typeof types.RetentionOrgDocument,
    "\n  query RetentionReport($id: ID!) { report(id: $id) { status expiresAt completedAt integrity { contentSha256 } } }\n": typeof types.RetentionReportDocument,
    "\n  mutation RevokeKeyCreate($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name } }\n  }\n": typeof types.RevokeKeyCreateDocument,
    "\n  mutation RevokeKeyRevoke($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": typeof types.RevokeKeyRevokeDocument,
    "\n  subscription RevokeKeyUpdates { reportUpdates { reportId status } }\n": typeof types.RevokeKeyUpdatesDocument,
    "\n  mutation ScaleGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status }\n  }\n": typeof types.ScaleGenerateDocument,
    "\n  subscription ScaleUpdates {\n    reportUpdates { reportId status percent stage }\n  }\n": typeof types.ScaleUpdatesDocument,
    "\n  mutation ScheduleCreate($input: CreateScheduleInput!) {\n    createSchedule(input: $input) { id type frequency dayOfWeek dayOfMonth periodDays timezone titleTemplate paused nextRunAt lastRunAt notify { webhooks emails } }\n  }\n": typeof types.ScheduleCreateDocument,
    "\n  mutation ScheduleUpdate($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused frequency dayOfMonth nextRunAt timezone } }\n": typeof types.ScheduleUpdateDocument,
    "\n  mutation ScheduleDelete($id: ID!) { deleteSchedule(id: $id) { id } }\n": typeof types.ScheduleDeleteDocument,
    "\n  mutation ScheduleRunNow($id: ID!) { runScheduleNow(id: $id) { id title status period { start end } createdBy } }\n": typeof types.ScheduleRunNowDocument,
    "\n  query ScheduleList { schedules { id nextRunAt lastRunAt paused reports { id title status } } }\n": typeof types.ScheduleListDocument,
    "\n  query ScheduleReportStatus($id: ID!) { report(id: $id) { id status } }\n": typeof types.ScheduleReportStatusDocument,
    "\n  mutation SetSlaTargets($input: SlaTargetsInput!) { updateSlaTargets(input: $input) { approvalMinutes holdMinutes } }\n": typeof types.SetSlaTargetsDocument,
    "query SlaTargetsOfOrg { viewer { organization { slaTargets { approvalMinutes holdMinutes } } } }": typeof types.SlaTargetsOfOrgDocument,
    "\n  query SlaTargetChanges { auditEvents(filter: { actions: [\"organization.sla_targets_changed\"] }, first: 5) { edges { node { actor { type id } attributes } } } }\n": typeof types.SlaTargetChangesDocument,
    "\n  query ScoreBreakdownOf($id: ID!) { report(id: $id) { score scoreBreakdown { id value weight effectiveWeight points detail } } }\n": typeof types.ScoreBreakdownOfDocument,
    "\n  mutation ShareForScore($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 24 }) { url } }\n": typeof types.ShareForScoreDocument,
    "\n  mutation ShareExportRequest($input: RequestDataExportInput!) { requestDataExport(input: $input) { id } }\n": typeof types.ShareExportRequestDocument,
    "\n  mutation SharePackageRequest($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id } }\n": typeof types.SharePackageRequestDocument,
    "\n  query ShareExportState($id: ID!) { node(id: $id) { ... on DataExport { id status sha256 sizeBytes signatureKeyId } } }\n": typeof types.ShareExportStateDocument,
    "\n  query SharePackageState($id: ID!) { node(id: $id) { ... on CompliancePackage { id status error downloads { file sha256 sizeBytes } } } }\n": typeof types.SharePackageStateDocument,
    "\n  mutation ShareExportLink($input: CreateDataExportShareLinkInput!) {\n    createDataExportShareLink(input: $input) { url password shareLink { id exportFiles packageFiles formats passwordProtected state report { id } dataExport { id } compliancePackage { id } } }\n  }\n": typeof types.ShareExportLinkDocument,
    "\n  mutation SharePackageLink($input: CreateCompliancePackageShareLinkInput!) {\n    createCompliancePackageShareLink(input: $input) { url password shareLink { id packageFiles state compliancePackage { id } } }\n  }\n": typeof types.SharePackageLinkDocument,
    "\n  query ShareLinksOfTarget($exportId: ID, $packageId: ID, $reportId: ID) {\n    shareLinks(dataExportId: $exportId, compliancePackageId: $packageId, reportId: $reportId) { id useCount exportFiles packageFiles }\n  }\n": typeof types.ShareLinksOfTargetDocument,
    "\n  mutation ShareExportRevoke($id: ID!) { revokeShareLink(id: $id) { id state } }\n": typeof types.ShareExportRevokeDocument,
    "\n  mutation ShareExportDelete($id: ID!) { deleteDataExport(id: $id) { id } }\n": typeof types.ShareExportDeleteDocument,
    "\n  mutation ShareCreate($input: CreateShareLinkInput!) {\n    createShareLink(input: $input) { url password shareLink { id formats redaction passwordProtected state expiresAt useCount revoked } }\n  }\n": typeof types.ShareCreateDocument,
    "\n  mutation ShareRevoke($id: ID!) { revokeShareLink(id: $id) { id revoked state } }\n": typeof types.ShareRevokeDocument,
    "\n  query ShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id useCount lastUsedAt revoked state formats lockedUntil report { id } } }\n": typeof types.ShareLinksDocument,
    "\n  mutation IngestFixture($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n": typeof types.IngestFixtureDocument,
    "\n  mutation GenerateFixture($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n": typeof types.GenerateFixtureDocument,
    "\n  query FixtureStatus($id: ID!) { report(id: $id) { status error downloads { format url } } }\n": typeof types.FixtureStatusDocument,
    "\n  query SigningKeys {\n    viewer { organization { signingKeys { id publicKeyPem createdAt retiredAt } } }\n  }\n": typeof types.SigningKeysDocument,
};
const documents: Documents = {
    "\n  query GrcCompletedReports($after: String) {\n    reports(filter: { status: COMPLETED }, first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type title score grade period { start end } completedAt integrity { contentSha256 signature signatureKeyId } } }\n    }\n  }\n": types.GrcCompletedReportsDocument,
    "\n  query GrcFailingFindings($id: ID!, $after: String, $evidence: Int!) {\n    report(id: $id) {\n      findings(filter: { statuses: [FAIL] }, first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id control { id framework title } title severity description recommendation evidenceCount\n            evidence(first: $evidence) { edges { node { id sequence occurredAt category action decision agentId actor { type id } correlationId } } }\n          }\n        }\n      }\n    }\n  }\n": types.GrcFailingFindingsDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      keyName\n      organization { id name }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name role prefix revokedAt } }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt lastUsedAt }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ListApiKeys {\n    viewer { organization { apiKeys { id name role lastUsedAt revokedAt } } }\n  }\n": types.ListApiKeysDocument,
    "\n  query AuditEventsPage($filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node {\n          id sequence clientId occurredAt receivedAt environment agentId sessionId\n          actor { type id email }\n          category action decision policyId tool { name tags } severity outcome\n          dataSubjects personalData costUsd ttlSeconds attributes\n        }\n      }\n    }\n  }\n": types.AuditEventsPageDocument,
    "\n  query AuditEventNode($id: ID!) {\n    node(id: $id) { id ... on AuditEvent { clientId action } }\n  }\n": types.AuditEventNodeDocument,
    "\n  query Registries {\n    agents { agentId firstSeenAt lastSeenAt }\n    environments { name firstSeenAt lastSeenAt }\n    tools { name tags firstSeenAt lastSeenAt }\n  }\n": types.RegistriesDocument,
    "\n  mutation LimitsShare($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password } }\n": types.LimitsShareDocument,
    "\n  query LimitsViewer { viewer { role } }\n": types.LimitsViewerDocument,
    "\n  mutation IngestAuditEvents($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n": types.IngestAuditEventsDocument,
    "\n  query SoA { statementOfApplicability { controlId title applicable justification implementation revision recordedBy history { revision implementation } } }\n": types.SoADocument,
    "\n  mutation RecordSoA($statements: [ControlApplicabilityInput!]!) {\n    recordControlApplicability(statements: $statements) {\n      recorded { controlId applicable justification implementation revision recordedBy }\n      rejected { index field message }\n    }\n  }\n": types.RecordSoADocument,
    "\n  mutation Reproduce($id: ID!) { reproduceReport(id: $id) { identical sha256 differences checkedAt } }\n": types.ReproduceDocument,
    "\n  query Reproduction($id: ID!) { report(id: $id) { reproduction { identical sha256 } } }\n": types.ReproductionDocument,
    "\n  mutation PackageRequest($input: RequestCompliancePackageInput!) {\n    requestCompliancePackage(input: $input) { id status title frameworks exportKinds exportFormat }\n  }\n": types.PackageRequestDocument,
    "\n  query PackageGet($id: ID!) {\n    node(id: $id) {\n      ... on CompliancePackage {\n        id status error signature signatureKeyId expiresAt\n        progress { percent stage message }\n        period { start end }\n        reports { id type status title downloads { format url pageCount } }\n        dataExports { id kind status sha256 downloadUrl }\n        downloads { file url sizeBytes sha256 pageCount }\n      }\n    }\n  }\n": types.PackageGetDocument,
    "\n  query PackageList { compliancePackages(first: 10) { totalCount edges { node { id status } } } }\n": types.PackageListDocument,
    "\n  mutation PackageScheduleCreate($input: CreateScheduleInput!) {\n    createSchedule(input: $input) { id type titleTemplate package { frameworks exportKinds exportFormat } }\n  }\n": types.PackageScheduleCreateDocument,
    "\n  mutation PackageScheduleRun($id: ID!) { runScheduleNow(id: $id) { id type } }\n": types.PackageScheduleRunDocument,
    "\n  query PackageSchedulePackages { schedules { id packages { id status title frameworks period { start end } reports { type } dataExports { kind format } } } }\n": types.PackageSchedulePackagesDocument,
    "\n  query ScheduleExportsList { schedules { id exports { kinds format } reports { id period { start end } } dataExports { kind format status period { start end } filters { environment } } } }\n": types.ScheduleExportsListDocument,
    "\n  mutation PackageCancel($id: ID!) { cancelCompliancePackage(id: $id) { id status } }\n": types.PackageCancelDocument,
    "\n  mutation PackagePartCancel($id: ID!) { cancelReport(id: $id) { id status } }\n": types.PackagePartCancelDocument,
    "query ConsoleTestLatestExport { dataExports(first: 1) { edges { node { id sha256 rowCount } } } }": types.ConsoleTestLatestExportDocument,
    "query ConsoleTestLatestPackage { compliancePackages(first: 1) { edges { node { id title } } } }": types.ConsoleTestLatestPackageDocument,
    "query ConsoleTestPackageLinks($id: ID!) { shareLinks(compliancePackageId: $id) { passwordProtected packageFiles } }": types.ConsoleTestPackageLinksDocument,
    "\n  query ConsoleTestReport($id: ID!) {\n    report(id: $id) {\n      type score versions { id version score } sections { tables { id columns rows } }\n      fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount } warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }\n      pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount } na: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }\n    }\n  }\n": types.ConsoleTestReportDocument,
    "\n  query ConsoleTestEvidence($id: ID!, $first: Int) { node(id: $id) { ... on Finding { evidence(first: $first) { totalCount edges { node { clientId sequence occurredAt } } } } } }\n": types.ConsoleTestEvidenceDocument,
    "\n  query ConsoleTestSoc2Reports { reports(filter: { type: \"soc2\", status: COMPLETED }, first: 12) { edges { node { id score createdAt period { end } } } } }\n": types.ConsoleTestSoc2ReportsDocument,
    "\n  mutation ExportRequest($input: RequestDataExportInput!) {\n    requestDataExport(input: $input) { id status kind format filters { environment decisions sources } }\n  }\n": types.ExportRequestDocument,
    "\n  query ExportGet($id: ID!) {\n    node(id: $id) {\n      ... on DataExport { id status rowCount sizeBytes sha256 signature signatureKeyId downloadUrl expiresAt error progress { percent stage message } }\n    }\n  }\n": types.ExportGetDocument,
    "\n  query ExportList { dataExports(first: 50) { totalCount edges { node { id kind } } } }\n": types.ExportListDocument,
    "\n  mutation ExportCancel($id: ID!) { cancelDataExport(id: $id) { id status } }\n": types.ExportCancelDocument,
    "\n  query ExportSourceEvents { auditEvents(first: 10) { edges { node { clientId source } } } }\n": types.ExportSourceEventsDocument,
    "\n  query ExportKeys { viewer { organization { signingKeys { id publicKeyPem } } } }\n": types.ExportKeysDocument,
    "\n  query ReportDownloads($id: ID!) {\n    report(id: $id) { status downloads { format url sizeBytes sha256 pageCount } }\n  }\n": types.ReportDownloadsDocument,
    "\n  query FindingsReportIds {\n    reports(first: 10) { edges { node { id type } } }\n  }\n": types.FindingsReportIdsDocument,
    "\n  query Drilldown($id: ID!, $findings: Int!, $evidence: Int!) {\n    report(id: $id) {\n      id\n      score\n      grade\n      summary\n      stale\n      integrity { eventCount timeCoverage gapCount contentSha256 watermark sampleSeed frameworkVersion }\n      sections { id title metrics { id value unit } tables { id columns rows truncated { shown total } } }\n      findings(first: $findings) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            ordinal\n            control { id framework title }\n            status\n            severity\n            evidenceCount\n            evidence(first: $evidence) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              edges { node { id sequence action correlationId } }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DrilldownDocument,
    "\n  query FailingFindings($id: ID!) {\n    report(id: $id) {\n      findings(first: 50, filter: { statuses: [FAIL], severities: [HIGH, CRITICAL] }) {\n        totalCount\n        edges { node { id control { id } status severity } }\n      }\n    }\n  }\n": types.FailingFindingsDocument,
    "\n  query EvidencePage($id: ID!, $after: String) {\n    node(id: $id) {\n      ... on Finding {\n        evidenceCount\n        evidence(first: 2, after: $after) {\n          pageInfo { hasNextPage endCursor }\n          edges { node { id sequence findings { id } } }\n        }\n        evidenceSample(size: 2) { sequence }\n      }\n    }\n  }\n": types.EvidencePageDocument,
    "\n  query FrameworkList {\n    frameworks { type name version controls { id title } sections { id title controls { id title section } } }\n  }\n": types.FrameworkListDocument,
    "\n  mutation IngestHostile($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n": types.IngestHostileDocument,
    "\n  mutation GenerateHostile($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status title }\n  }\n": types.GenerateHostileDocument,
    "\n  mutation CreateKeyForTrail($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id } }\n  }\n": types.CreateKeyForTrailDocument,
    "\n  mutation RevokeKeyForTrail($id: ID!) {\n    revokeApiKey(id: $id) { id }\n  }\n": types.RevokeKeyForTrailDocument,
    "\n  mutation NotifySchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }\n": types.NotifyScheduleDocument,
    "\n  mutation NotifyRunNow($id: ID!) { runScheduleNow(id: $id) { id } }\n": types.NotifyRunNowDocument,
    "\n  query NotifyReport($id: ID!) { report(id: $id) { id status score grade } }\n": types.NotifyReportDocument,
    "\n  query NotifySecret { viewer { organization { webhookSecret } } }\n": types.NotifySecretDocument,
    "\n  mutation OrgNotify($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays notify { webhooks emails } } }\n": types.OrgNotifyDocument,
    "\n  mutation NotifyGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n": types.NotifyGenerateDocument,
    "\n  query NotifyOutbox($first: Int) {\n    notifications(first: $first) { totalCount edges { node { id channel target event status attempts responseStatus lastError body subject report { id } } } }\n  }\n": types.NotifyOutboxDocument,
    "\n  query OcsfEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt agentId sessionId\n          actor { type id }\n          category action decision tool { name } resource severity outcome correlationId region attributes\n        }\n      }\n    }\n  }\n": types.OcsfEventsDocument,
    "\n  mutation CreateOwnFramework($definition: JSON!) {\n    createFramework(definition: $definition) { type name version custom sections { id title controls { id title } } }\n  }\n": types.CreateOwnFrameworkDocument,
    "\n  mutation UpdateOwnFramework($type: String!, $definition: JSON!) {\n    updateFramework(type: $type, definition: $definition) { type name version }\n  }\n": types.UpdateOwnFrameworkDocument,
    "\n  mutation DeleteOwnFramework($type: String!) { deleteFramework(type: $type) { type } }\n": types.DeleteOwnFrameworkDocument,
    "\n  query OwnFrameworks { frameworks { type custom version } }\n": types.OwnFrameworksDocument,
    "\n  mutation GenerateOwnFramework($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n": types.GenerateOwnFrameworkDocument,
    "\n  query OwnFrameworkReport($id: ID!) {\n    report(id: $id) { status integrity { frameworkVersion } findings(first: 20) { edges { node { status control { id framework } evidenceCount } } } }\n  }\n": types.OwnFrameworkReportDocument,
    "\n  query OtlpEvents($filter: AuditEventFilter) {\n    auditEvents(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt environment agentId sessionId\n          actor { type id }\n          category action decision policyId policyVersion\n          tool { name tags }\n          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes\n        }\n      }\n    }\n  }\n": types.OtlpEventsDocument,
    "\n  query RateLimitedRole {\n    viewer { role }\n  }\n": types.RateLimitedRoleDocument,
    "\n  query DriftEvidence($id: ID!) {\n    report(id: $id) {\n      findings(filter: { controlIds: [\"CC3.2\"] }, first: 10) {\n        edges { node { title status value evidenceCount evidence(first: 10) { totalCount edges { node { clientId agentId } } } } }\n      }\n    }\n  }\n": types.DriftEvidenceDocument,
    "\n  subscription GivenUpProgress($id: ID!) {\n    reportProgress(id: $id) { status stage message }\n  }\n": types.GivenUpProgressDocument,
    "\n  mutation LifecycleGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status type title period { start end } environment agents version createdBy progress { percent stage } }\n  }\n": types.LifecycleGenerateDocument,
    "\n  query LifecycleStatus($id: ID!) {\n    report(id: $id) {\n      id status score grade error version summary startedAt completedAt\n      progress { percent stage message }\n      previousVersion { id }\n      versions { id version }\n      integrity { contentSha256 signature signatureKeyId }\n    }\n  }\n": types.LifecycleStatusDocument,
    "\n  mutation LifecycleRegenerate($id: ID!) { regenerateReport(id: $id) { id version status } }\n": types.LifecycleRegenerateDocument,
    "\n  mutation LifecycleCancel($id: ID!) { cancelReport(id: $id) { id status } }\n": types.LifecycleCancelDocument,
    "\n  mutation LifecycleDelete($id: ID!) { deleteReport(id: $id) { id } }\n": types.LifecycleDeleteDocument,
    "\n  query LifecycleList($filter: ReportFilter, $first: Int, $after: String) {\n    reports(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type status } }\n    }\n  }\n": types.LifecycleListDocument,
    "\n  subscription ProcessProgress($id: ID!) {\n    reportProgress(id: $id) { status percent stage }\n  }\n": types.ProcessProgressDocument,
    "\n  mutation ProgressGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status }\n  }\n": types.ProgressGenerateDocument,
    "\n  subscription ReportProgress($id: ID!) {\n    reportProgress(id: $id) { reportId status percent stage message at }\n  }\n": types.ReportProgressDocument,
    "\n  mutation ProgressCancel($id: ID!) { cancelReport(id: $id) { id status } }\n": types.ProgressCancelDocument,
    "\n  mutation ProgressDelete($id: ID!) { deleteReport(id: $id) { id } }\n": types.ProgressDeleteDocument,
    "\n  subscription ReportUpdates {\n    reportUpdates { reportId status percent stage }\n  }\n": types.ReportUpdatesDocument,
    "\n  subscription ReportUpdatesWithDeletion {\n    reportUpdates { reportId status deleted }\n  }\n": types.ReportUpdatesWithDeletionDocument,
    "\n  mutation RetentionSettings($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays } }\n": types.RetentionSettingsDocument,
    "\n  query RetentionOrg { viewer { organization { retentionDays } } }\n": types.RetentionOrgDocument,
    "\n  query RetentionReport($id: ID!) { report(id: $id) { status expiresAt completedAt integrity { contentSha256 } } }\n": types.RetentionReportDocument,
    "\n  mutation RevokeKeyCreate($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name } }\n  }\n": types.RevokeKeyCreateDocument,
    "\n  mutation RevokeKeyRevoke($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n": types.RevokeKeyRevokeDocument,
    "\n  subscription RevokeKeyUpdates { reportUpdates { reportId status } }\n": types.RevokeKeyUpdatesDocument,
    "\n  mutation ScaleGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status }\n  }\n": types.ScaleGenerateDocument,
    "\n  subscription ScaleUpdates {\n    reportUpdates { reportId status percent stage }\n  }\n": types.ScaleUpdatesDocument,
    "\n  mutation ScheduleCreate($input: CreateScheduleInput!) {\n    createSchedule(input: $input) { id type frequency dayOfWeek dayOfMonth periodDays timezone titleTemplate paused nextRunAt lastRunAt notify { webhooks emails } }\n  }\n": types.ScheduleCreateDocument,
    "\n  mutation ScheduleUpdate($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused frequency dayOfMonth nextRunAt timezone } }\n": types.ScheduleUpdateDocument,
    "\n  mutation ScheduleDelete($id: ID!) { deleteSchedule(id: $id) { id } }\n": types.ScheduleDeleteDocument,
    "\n  mutation ScheduleRunNow($id: ID!) { runScheduleNow(id: $id) { id title status period { start end } createdBy } }\n": types.ScheduleRunNowDocument,
    "\n  query ScheduleList { schedules { id nextRunAt lastRunAt paused reports { id title status } } }\n": types.ScheduleListDocument,
    "\n  query ScheduleReportStatus($id: ID!) { report(id: $id) { id status } }\n": types.ScheduleReportStatusDocument,
    "\n  mutation SetSlaTargets($input: SlaTargetsInput!) { updateSlaTargets(input: $input) { approvalMinutes holdMinutes } }\n": types.SetSlaTargetsDocument,
    "query SlaTargetsOfOrg { viewer { organization { slaTargets { approvalMinutes holdMinutes } } } }": types.SlaTargetsOfOrgDocument,
    "\n  query SlaTargetChanges { auditEvents(filter: { actions: [\"organization.sla_targets_changed\"] }, first: 5) { edges { node { actor { type id } attributes } } } }\n": types.SlaTargetChangesDocument,
    "\n  query ScoreBreakdownOf($id: ID!) { report(id: $id) { score scoreBreakdown { id value weight effectiveWeight points detail } } }\n": types.ScoreBreakdownOfDocument,
    "\n  mutation ShareForScore($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 24 }) { url } }\n": types.ShareForScoreDocument,
    "\n  mutation ShareExportRequest($input: RequestDataExportInput!) { requestDataExport(input: $input) { id } }\n": types.ShareExportRequestDocument,
    "\n  mutation SharePackageRequest($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id } }\n": types.SharePackageRequestDocument,
    "\n  query ShareExportState($id: ID!) { node(id: $id) { ... on DataExport { id status sha256 sizeBytes signatureKeyId } } }\n": types.ShareExportStateDocument,
    "\n  query SharePackageState($id: ID!) { node(id: $id) { ... on CompliancePackage { id status error downloads { file sha256 sizeBytes } } } }\n": types.SharePackageStateDocument,
    "\n  mutation ShareExportLink($input: CreateDataExportShareLinkInput!) {\n    createDataExportShareLink(input: $input) { url password shareLink { id exportFiles packageFiles formats passwordProtected state report { id } dataExport { id } compliancePackage { id } } }\n  }\n": types.ShareExportLinkDocument,
    "\n  mutation SharePackageLink($input: CreateCompliancePackageShareLinkInput!) {\n    createCompliancePackageShareLink(input: $input) { url password shareLink { id packageFiles state compliancePackage { id } } }\n  }\n": types.SharePackageLinkDocument,
    "\n  query ShareLinksOfTarget($exportId: ID, $packageId: ID, $reportId: ID) {\n    shareLinks(dataExportId: $exportId, compliancePackageId: $packageId, reportId: $reportId) { id useCount exportFiles packageFiles }\n  }\n": types.ShareLinksOfTargetDocument,
    "\n  mutation ShareExportRevoke($id: ID!) { revokeShareLink(id: $id) { id state } }\n": types.ShareExportRevokeDocument,
    "\n  mutation ShareExportDelete($id: ID!) { deleteDataExport(id: $id) { id } }\n": types.ShareExportDeleteDocument,
    "\n  mutation ShareCreate($input: CreateShareLinkInput!) {\n    createShareLink(input: $input) { url password shareLink { id formats redaction passwordProtected state expiresAt useCount revoked } }\n  }\n": types.ShareCreateDocument,
    "\n  mutation ShareRevoke($id: ID!) { revokeShareLink(id: $id) { id revoked state } }\n": types.ShareRevokeDocument,
    "\n  query ShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id useCount lastUsedAt revoked state formats lockedUntil report { id } } }\n": types.ShareLinksDocument,
    "\n  mutation IngestFixture($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n": types.IngestFixtureDocument,
    "\n  mutation GenerateFixture($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n": types.GenerateFixtureDocument,
    "\n  query FixtureStatus($id: ID!) { report(id: $id) { status error downloads { format url } } }\n": types.FixtureStatusDocument,
    "\n  query SigningKeys {\n    viewer { organization { signingKeys { id publicKeyPem createdAt retiredAt } } }\n  }\n": types.SigningKeysDocument,
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
export function graphql(source: "\n  query GrcCompletedReports($after: String) {\n    reports(filter: { status: COMPLETED }, first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type title score grade period { start end } completedAt integrity { contentSha256 signature signatureKeyId } } }\n    }\n  }\n"): (typeof documents)["\n  query GrcCompletedReports($after: String) {\n    reports(filter: { status: COMPLETED }, first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type title score grade period { start end } completedAt integrity { contentSha256 signature signatureKeyId } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GrcFailingFindings($id: ID!, $after: String, $evidence: Int!) {\n    report(id: $id) {\n      findings(filter: { statuses: [FAIL] }, first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id control { id framework title } title severity description recommendation evidenceCount\n            evidence(first: $evidence) { edges { node { id sequence occurredAt category action decision agentId actor { type id } correlationId } } }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GrcFailingFindings($id: ID!, $after: String, $evidence: Int!) {\n    report(id: $id) {\n      findings(filter: { statuses: [FAIL] }, first: 50, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            id control { id framework title } title severity description recommendation evidenceCount\n            evidence(first: $evidence) { edges { node { id sequence occurredAt category action decision agentId actor { type id } correlationId } } }\n          }\n        }\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt lastUsedAt }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { id revokedAt lastUsedAt }\n  }\n"];
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
export function graphql(source: "\n  mutation LimitsShare($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password } }\n"): (typeof documents)["\n  mutation LimitsShare($input: CreateShareLinkInput!) { createShareLink(input: $input) { url password } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LimitsViewer { viewer { role } }\n"): (typeof documents)["\n  query LimitsViewer { viewer { role } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IngestAuditEvents($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n"): (typeof documents)["\n  mutation IngestAuditEvents($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SoA { statementOfApplicability { controlId title applicable justification implementation revision recordedBy history { revision implementation } } }\n"): (typeof documents)["\n  query SoA { statementOfApplicability { controlId title applicable justification implementation revision recordedBy history { revision implementation } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordSoA($statements: [ControlApplicabilityInput!]!) {\n    recordControlApplicability(statements: $statements) {\n      recorded { controlId applicable justification implementation revision recordedBy }\n      rejected { index field message }\n    }\n  }\n"): (typeof documents)["\n  mutation RecordSoA($statements: [ControlApplicabilityInput!]!) {\n    recordControlApplicability(statements: $statements) {\n      recorded { controlId applicable justification implementation revision recordedBy }\n      rejected { index field message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reproduce($id: ID!) { reproduceReport(id: $id) { identical sha256 differences checkedAt } }\n"): (typeof documents)["\n  mutation Reproduce($id: ID!) { reproduceReport(id: $id) { identical sha256 differences checkedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reproduction($id: ID!) { report(id: $id) { reproduction { identical sha256 } } }\n"): (typeof documents)["\n  query Reproduction($id: ID!) { report(id: $id) { reproduction { identical sha256 } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PackageRequest($input: RequestCompliancePackageInput!) {\n    requestCompliancePackage(input: $input) { id status title frameworks exportKinds exportFormat }\n  }\n"): (typeof documents)["\n  mutation PackageRequest($input: RequestCompliancePackageInput!) {\n    requestCompliancePackage(input: $input) { id status title frameworks exportKinds exportFormat }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackageGet($id: ID!) {\n    node(id: $id) {\n      ... on CompliancePackage {\n        id status error signature signatureKeyId expiresAt\n        progress { percent stage message }\n        period { start end }\n        reports { id type status title downloads { format url pageCount } }\n        dataExports { id kind status sha256 downloadUrl }\n        downloads { file url sizeBytes sha256 pageCount }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PackageGet($id: ID!) {\n    node(id: $id) {\n      ... on CompliancePackage {\n        id status error signature signatureKeyId expiresAt\n        progress { percent stage message }\n        period { start end }\n        reports { id type status title downloads { format url pageCount } }\n        dataExports { id kind status sha256 downloadUrl }\n        downloads { file url sizeBytes sha256 pageCount }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackageList { compliancePackages(first: 10) { totalCount edges { node { id status } } } }\n"): (typeof documents)["\n  query PackageList { compliancePackages(first: 10) { totalCount edges { node { id status } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PackageScheduleCreate($input: CreateScheduleInput!) {\n    createSchedule(input: $input) { id type titleTemplate package { frameworks exportKinds exportFormat } }\n  }\n"): (typeof documents)["\n  mutation PackageScheduleCreate($input: CreateScheduleInput!) {\n    createSchedule(input: $input) { id type titleTemplate package { frameworks exportKinds exportFormat } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PackageScheduleRun($id: ID!) { runScheduleNow(id: $id) { id type } }\n"): (typeof documents)["\n  mutation PackageScheduleRun($id: ID!) { runScheduleNow(id: $id) { id type } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackageSchedulePackages { schedules { id packages { id status title frameworks period { start end } reports { type } dataExports { kind format } } } }\n"): (typeof documents)["\n  query PackageSchedulePackages { schedules { id packages { id status title frameworks period { start end } reports { type } dataExports { kind format } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleExportsList { schedules { id exports { kinds format } reports { id period { start end } } dataExports { kind format status period { start end } filters { environment } } } }\n"): (typeof documents)["\n  query ScheduleExportsList { schedules { id exports { kinds format } reports { id period { start end } } dataExports { kind format status period { start end } filters { environment } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PackageCancel($id: ID!) { cancelCompliancePackage(id: $id) { id status } }\n"): (typeof documents)["\n  mutation PackageCancel($id: ID!) { cancelCompliancePackage(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PackagePartCancel($id: ID!) { cancelReport(id: $id) { id status } }\n"): (typeof documents)["\n  mutation PackagePartCancel($id: ID!) { cancelReport(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleTestLatestExport { dataExports(first: 1) { edges { node { id sha256 rowCount } } } }"): (typeof documents)["query ConsoleTestLatestExport { dataExports(first: 1) { edges { node { id sha256 rowCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleTestLatestPackage { compliancePackages(first: 1) { edges { node { id title } } } }"): (typeof documents)["query ConsoleTestLatestPackage { compliancePackages(first: 1) { edges { node { id title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleTestPackageLinks($id: ID!) { shareLinks(compliancePackageId: $id) { passwordProtected packageFiles } }"): (typeof documents)["query ConsoleTestPackageLinks($id: ID!) { shareLinks(compliancePackageId: $id) { passwordProtected packageFiles } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTestReport($id: ID!) {\n    report(id: $id) {\n      type score versions { id version score } sections { tables { id columns rows } }\n      fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount } warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }\n      pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount } na: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleTestReport($id: ID!) {\n    report(id: $id) {\n      type score versions { id version score } sections { tables { id columns rows } }\n      fail: findings(filter: { statuses: [FAIL] }, first: 0) { totalCount } warn: findings(filter: { statuses: [WARN] }, first: 0) { totalCount }\n      pass: findings(filter: { statuses: [PASS] }, first: 0) { totalCount } na: findings(filter: { statuses: [NOT_APPLICABLE] }, first: 0) { totalCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTestEvidence($id: ID!, $first: Int) { node(id: $id) { ... on Finding { evidence(first: $first) { totalCount edges { node { clientId sequence occurredAt } } } } } }\n"): (typeof documents)["\n  query ConsoleTestEvidence($id: ID!, $first: Int) { node(id: $id) { ... on Finding { evidence(first: $first) { totalCount edges { node { clientId sequence occurredAt } } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleTestSoc2Reports { reports(filter: { type: \"soc2\", status: COMPLETED }, first: 12) { edges { node { id score createdAt period { end } } } } }\n"): (typeof documents)["\n  query ConsoleTestSoc2Reports { reports(filter: { type: \"soc2\", status: COMPLETED }, first: 12) { edges { node { id score createdAt period { end } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportRequest($input: RequestDataExportInput!) {\n    requestDataExport(input: $input) { id status kind format filters { environment decisions sources } }\n  }\n"): (typeof documents)["\n  mutation ExportRequest($input: RequestDataExportInput!) {\n    requestDataExport(input: $input) { id status kind format filters { environment decisions sources } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportGet($id: ID!) {\n    node(id: $id) {\n      ... on DataExport { id status rowCount sizeBytes sha256 signature signatureKeyId downloadUrl expiresAt error progress { percent stage message } }\n    }\n  }\n"): (typeof documents)["\n  query ExportGet($id: ID!) {\n    node(id: $id) {\n      ... on DataExport { id status rowCount sizeBytes sha256 signature signatureKeyId downloadUrl expiresAt error progress { percent stage message } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportList { dataExports(first: 50) { totalCount edges { node { id kind } } } }\n"): (typeof documents)["\n  query ExportList { dataExports(first: 50) { totalCount edges { node { id kind } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportCancel($id: ID!) { cancelDataExport(id: $id) { id status } }\n"): (typeof documents)["\n  mutation ExportCancel($id: ID!) { cancelDataExport(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportSourceEvents { auditEvents(first: 10) { edges { node { clientId source } } } }\n"): (typeof documents)["\n  query ExportSourceEvents { auditEvents(first: 10) { edges { node { clientId source } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportKeys { viewer { organization { signingKeys { id publicKeyPem } } } }\n"): (typeof documents)["\n  query ExportKeys { viewer { organization { signingKeys { id publicKeyPem } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportDownloads($id: ID!) {\n    report(id: $id) { status downloads { format url sizeBytes sha256 pageCount } }\n  }\n"): (typeof documents)["\n  query ReportDownloads($id: ID!) {\n    report(id: $id) { status downloads { format url sizeBytes sha256 pageCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindingsReportIds {\n    reports(first: 10) { edges { node { id type } } }\n  }\n"): (typeof documents)["\n  query FindingsReportIds {\n    reports(first: 10) { edges { node { id type } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Drilldown($id: ID!, $findings: Int!, $evidence: Int!) {\n    report(id: $id) {\n      id\n      score\n      grade\n      summary\n      stale\n      integrity { eventCount timeCoverage gapCount contentSha256 watermark sampleSeed frameworkVersion }\n      sections { id title metrics { id value unit } tables { id columns rows truncated { shown total } } }\n      findings(first: $findings) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            ordinal\n            control { id framework title }\n            status\n            severity\n            evidenceCount\n            evidence(first: $evidence) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              edges { node { id sequence action correlationId } }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Drilldown($id: ID!, $findings: Int!, $evidence: Int!) {\n    report(id: $id) {\n      id\n      score\n      grade\n      summary\n      stale\n      integrity { eventCount timeCoverage gapCount contentSha256 watermark sampleSeed frameworkVersion }\n      sections { id title metrics { id value unit } tables { id columns rows truncated { shown total } } }\n      findings(first: $findings) {\n        totalCount\n        edges {\n          cursor\n          node {\n            id\n            ordinal\n            control { id framework title }\n            status\n            severity\n            evidenceCount\n            evidence(first: $evidence) {\n              totalCount\n              pageInfo { hasNextPage endCursor }\n              edges { node { id sequence action correlationId } }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FailingFindings($id: ID!) {\n    report(id: $id) {\n      findings(first: 50, filter: { statuses: [FAIL], severities: [HIGH, CRITICAL] }) {\n        totalCount\n        edges { node { id control { id } status severity } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FailingFindings($id: ID!) {\n    report(id: $id) {\n      findings(first: 50, filter: { statuses: [FAIL], severities: [HIGH, CRITICAL] }) {\n        totalCount\n        edges { node { id control { id } status severity } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EvidencePage($id: ID!, $after: String) {\n    node(id: $id) {\n      ... on Finding {\n        evidenceCount\n        evidence(first: 2, after: $after) {\n          pageInfo { hasNextPage endCursor }\n          edges { node { id sequence findings { id } } }\n        }\n        evidenceSample(size: 2) { sequence }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EvidencePage($id: ID!, $after: String) {\n    node(id: $id) {\n      ... on Finding {\n        evidenceCount\n        evidence(first: 2, after: $after) {\n          pageInfo { hasNextPage endCursor }\n          edges { node { id sequence findings { id } } }\n        }\n        evidenceSample(size: 2) { sequence }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FrameworkList {\n    frameworks { type name version controls { id title } sections { id title controls { id title section } } }\n  }\n"): (typeof documents)["\n  query FrameworkList {\n    frameworks { type name version controls { id title } sections { id title controls { id title section } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IngestHostile($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n"): (typeof documents)["\n  mutation IngestHostile($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateHostile($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status title }\n  }\n"): (typeof documents)["\n  mutation GenerateHostile($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status title }\n  }\n"];
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
export function graphql(source: "\n  mutation NotifySchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }\n"): (typeof documents)["\n  mutation NotifySchedule($input: CreateScheduleInput!) { createSchedule(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NotifyRunNow($id: ID!) { runScheduleNow(id: $id) { id } }\n"): (typeof documents)["\n  mutation NotifyRunNow($id: ID!) { runScheduleNow(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotifyReport($id: ID!) { report(id: $id) { id status score grade } }\n"): (typeof documents)["\n  query NotifyReport($id: ID!) { report(id: $id) { id status score grade } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotifySecret { viewer { organization { webhookSecret } } }\n"): (typeof documents)["\n  query NotifySecret { viewer { organization { webhookSecret } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgNotify($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays notify { webhooks emails } } }\n"): (typeof documents)["\n  mutation OrgNotify($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays notify { webhooks emails } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NotifyGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n"): (typeof documents)["\n  mutation NotifyGenerate($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotifyOutbox($first: Int) {\n    notifications(first: $first) { totalCount edges { node { id channel target event status attempts responseStatus lastError body subject report { id } } } }\n  }\n"): (typeof documents)["\n  query NotifyOutbox($first: Int) {\n    notifications(first: $first) { totalCount edges { node { id channel target event status attempts responseStatus lastError body subject report { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OcsfEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt agentId sessionId\n          actor { type id }\n          category action decision tool { name } resource severity outcome correlationId region attributes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OcsfEvents {\n    auditEvents(first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt agentId sessionId\n          actor { type id }\n          category action decision tool { name } resource severity outcome correlationId region attributes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOwnFramework($definition: JSON!) {\n    createFramework(definition: $definition) { type name version custom sections { id title controls { id title } } }\n  }\n"): (typeof documents)["\n  mutation CreateOwnFramework($definition: JSON!) {\n    createFramework(definition: $definition) { type name version custom sections { id title controls { id title } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOwnFramework($type: String!, $definition: JSON!) {\n    updateFramework(type: $type, definition: $definition) { type name version }\n  }\n"): (typeof documents)["\n  mutation UpdateOwnFramework($type: String!, $definition: JSON!) {\n    updateFramework(type: $type, definition: $definition) { type name version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOwnFramework($type: String!) { deleteFramework(type: $type) { type } }\n"): (typeof documents)["\n  mutation DeleteOwnFramework($type: String!) { deleteFramework(type: $type) { type } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnFrameworks { frameworks { type custom version } }\n"): (typeof documents)["\n  query OwnFrameworks { frameworks { type custom version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateOwnFramework($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n"): (typeof documents)["\n  mutation GenerateOwnFramework($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnFrameworkReport($id: ID!) {\n    report(id: $id) { status integrity { frameworkVersion } findings(first: 20) { edges { node { status control { id framework } evidenceCount } } } }\n  }\n"): (typeof documents)["\n  query OwnFrameworkReport($id: ID!) {\n    report(id: $id) { status integrity { frameworkVersion } findings(first: 20) { edges { node { status control { id framework } evidenceCount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OtlpEvents($filter: AuditEventFilter) {\n    auditEvents(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt environment agentId sessionId\n          actor { type id }\n          category action decision policyId policyVersion\n          tool { name tags }\n          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OtlpEvents($filter: AuditEventFilter) {\n    auditEvents(filter: $filter, first: 100) {\n      totalCount\n      edges {\n        node {\n          clientId occurredAt environment agentId sessionId\n          actor { type id }\n          category action decision policyId policyVersion\n          tool { name tags }\n          severity outcome correlationId dataSubjects personalData legalBasis region costUsd attributes\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateLimitedRole {\n    viewer { role }\n  }\n"): (typeof documents)["\n  query RateLimitedRole {\n    viewer { role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DriftEvidence($id: ID!) {\n    report(id: $id) {\n      findings(filter: { controlIds: [\"CC3.2\"] }, first: 10) {\n        edges { node { title status value evidenceCount evidence(first: 10) { totalCount edges { node { clientId agentId } } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DriftEvidence($id: ID!) {\n    report(id: $id) {\n      findings(filter: { controlIds: [\"CC3.2\"] }, first: 10) {\n        edges { node { title status value evidenceCount evidence(first: 10) { totalCount edges { node { clientId agentId } } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GivenUpProgress($id: ID!) {\n    reportProgress(id: $id) { status stage message }\n  }\n"): (typeof documents)["\n  subscription GivenUpProgress($id: ID!) {\n    reportProgress(id: $id) { status stage message }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LifecycleGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status type title period { start end } environment agents version createdBy progress { percent stage } }\n  }\n"): (typeof documents)["\n  mutation LifecycleGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status type title period { start end } environment agents version createdBy progress { percent stage } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LifecycleStatus($id: ID!) {\n    report(id: $id) {\n      id status score grade error version summary startedAt completedAt\n      progress { percent stage message }\n      previousVersion { id }\n      versions { id version }\n      integrity { contentSha256 signature signatureKeyId }\n    }\n  }\n"): (typeof documents)["\n  query LifecycleStatus($id: ID!) {\n    report(id: $id) {\n      id status score grade error version summary startedAt completedAt\n      progress { percent stage message }\n      previousVersion { id }\n      versions { id version }\n      integrity { contentSha256 signature signatureKeyId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LifecycleRegenerate($id: ID!) { regenerateReport(id: $id) { id version status } }\n"): (typeof documents)["\n  mutation LifecycleRegenerate($id: ID!) { regenerateReport(id: $id) { id version status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LifecycleCancel($id: ID!) { cancelReport(id: $id) { id status } }\n"): (typeof documents)["\n  mutation LifecycleCancel($id: ID!) { cancelReport(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LifecycleDelete($id: ID!) { deleteReport(id: $id) { id } }\n"): (typeof documents)["\n  mutation LifecycleDelete($id: ID!) { deleteReport(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LifecycleList($filter: ReportFilter, $first: Int, $after: String) {\n    reports(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type status } }\n    }\n  }\n"): (typeof documents)["\n  query LifecycleList($filter: ReportFilter, $first: Int, $after: String) {\n    reports(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id type status } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProcessProgress($id: ID!) {\n    reportProgress(id: $id) { status percent stage }\n  }\n"): (typeof documents)["\n  subscription ProcessProgress($id: ID!) {\n    reportProgress(id: $id) { status percent stage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProgressGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation ProgressGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReportProgress($id: ID!) {\n    reportProgress(id: $id) { reportId status percent stage message at }\n  }\n"): (typeof documents)["\n  subscription ReportProgress($id: ID!) {\n    reportProgress(id: $id) { reportId status percent stage message at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProgressCancel($id: ID!) { cancelReport(id: $id) { id status } }\n"): (typeof documents)["\n  mutation ProgressCancel($id: ID!) { cancelReport(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProgressDelete($id: ID!) { deleteReport(id: $id) { id } }\n"): (typeof documents)["\n  mutation ProgressDelete($id: ID!) { deleteReport(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReportUpdates {\n    reportUpdates { reportId status percent stage }\n  }\n"): (typeof documents)["\n  subscription ReportUpdates {\n    reportUpdates { reportId status percent stage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReportUpdatesWithDeletion {\n    reportUpdates { reportId status deleted }\n  }\n"): (typeof documents)["\n  subscription ReportUpdatesWithDeletion {\n    reportUpdates { reportId status deleted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetentionSettings($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays } }\n"): (typeof documents)["\n  mutation RetentionSettings($input: OrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { retentionDays } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionOrg { viewer { organization { retentionDays } } }\n"): (typeof documents)["\n  query RetentionOrg { viewer { organization { retentionDays } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionReport($id: ID!) { report(id: $id) { status expiresAt completedAt integrity { contentSha256 } } }\n"): (typeof documents)["\n  query RetentionReport($id: ID!) { report(id: $id) { status expiresAt completedAt integrity { contentSha256 } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeKeyCreate($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name } }\n  }\n"): (typeof documents)["\n  mutation RevokeKeyCreate($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { key apiKey { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeKeyRevoke($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n"): (typeof documents)["\n  mutation RevokeKeyRevoke($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RevokeKeyUpdates { reportUpdates { reportId status } }\n"): (typeof documents)["\n  subscription RevokeKeyUpdates { reportUpdates { reportId status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScaleGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation ScaleGenerate($input: GenerateReportInput!) {\n    generateReport(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ScaleUpdates {\n    reportUpdates { reportId status percent stage }\n  }\n"): (typeof documents)["\n  subscription ScaleUpdates {\n    reportUpdates { reportId status percent stage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleCreate($input: CreateScheduleInput!) {\n    createSchedule(input: $input) { id type frequency dayOfWeek dayOfMonth periodDays timezone titleTemplate paused nextRunAt lastRunAt notify { webhooks emails } }\n  }\n"): (typeof documents)["\n  mutation ScheduleCreate($input: CreateScheduleInput!) {\n    createSchedule(input: $input) { id type frequency dayOfWeek dayOfMonth periodDays timezone titleTemplate paused nextRunAt lastRunAt notify { webhooks emails } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleUpdate($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused frequency dayOfMonth nextRunAt timezone } }\n"): (typeof documents)["\n  mutation ScheduleUpdate($id: ID!, $input: UpdateScheduleInput!) { updateSchedule(id: $id, input: $input) { id paused frequency dayOfMonth nextRunAt timezone } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleDelete($id: ID!) { deleteSchedule(id: $id) { id } }\n"): (typeof documents)["\n  mutation ScheduleDelete($id: ID!) { deleteSchedule(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleRunNow($id: ID!) { runScheduleNow(id: $id) { id title status period { start end } createdBy } }\n"): (typeof documents)["\n  mutation ScheduleRunNow($id: ID!) { runScheduleNow(id: $id) { id title status period { start end } createdBy } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleList { schedules { id nextRunAt lastRunAt paused reports { id title status } } }\n"): (typeof documents)["\n  query ScheduleList { schedules { id nextRunAt lastRunAt paused reports { id title status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleReportStatus($id: ID!) { report(id: $id) { id status } }\n"): (typeof documents)["\n  query ScheduleReportStatus($id: ID!) { report(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSlaTargets($input: SlaTargetsInput!) { updateSlaTargets(input: $input) { approvalMinutes holdMinutes } }\n"): (typeof documents)["\n  mutation SetSlaTargets($input: SlaTargetsInput!) { updateSlaTargets(input: $input) { approvalMinutes holdMinutes } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SlaTargetsOfOrg { viewer { organization { slaTargets { approvalMinutes holdMinutes } } } }"): (typeof documents)["query SlaTargetsOfOrg { viewer { organization { slaTargets { approvalMinutes holdMinutes } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaTargetChanges { auditEvents(filter: { actions: [\"organization.sla_targets_changed\"] }, first: 5) { edges { node { actor { type id } attributes } } } }\n"): (typeof documents)["\n  query SlaTargetChanges { auditEvents(filter: { actions: [\"organization.sla_targets_changed\"] }, first: 5) { edges { node { actor { type id } attributes } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScoreBreakdownOf($id: ID!) { report(id: $id) { score scoreBreakdown { id value weight effectiveWeight points detail } } }\n"): (typeof documents)["\n  query ScoreBreakdownOf($id: ID!) { report(id: $id) { score scoreBreakdown { id value weight effectiveWeight points detail } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareForScore($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 24 }) { url } }\n"): (typeof documents)["\n  mutation ShareForScore($id: ID!) { createShareLink(input: { reportId: $id, expiresInHours: 24 }) { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareExportRequest($input: RequestDataExportInput!) { requestDataExport(input: $input) { id } }\n"): (typeof documents)["\n  mutation ShareExportRequest($input: RequestDataExportInput!) { requestDataExport(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SharePackageRequest($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id } }\n"): (typeof documents)["\n  mutation SharePackageRequest($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShareExportState($id: ID!) { node(id: $id) { ... on DataExport { id status sha256 sizeBytes signatureKeyId } } }\n"): (typeof documents)["\n  query ShareExportState($id: ID!) { node(id: $id) { ... on DataExport { id status sha256 sizeBytes signatureKeyId } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharePackageState($id: ID!) { node(id: $id) { ... on CompliancePackage { id status error downloads { file sha256 sizeBytes } } } }\n"): (typeof documents)["\n  query SharePackageState($id: ID!) { node(id: $id) { ... on CompliancePackage { id status error downloads { file sha256 sizeBytes } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareExportLink($input: CreateDataExportShareLinkInput!) {\n    createDataExportShareLink(input: $input) { url password shareLink { id exportFiles packageFiles formats passwordProtected state report { id } dataExport { id } compliancePackage { id } } }\n  }\n"): (typeof documents)["\n  mutation ShareExportLink($input: CreateDataExportShareLinkInput!) {\n    createDataExportShareLink(input: $input) { url password shareLink { id exportFiles packageFiles formats passwordProtected state report { id } dataExport { id } compliancePackage { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SharePackageLink($input: CreateCompliancePackageShareLinkInput!) {\n    createCompliancePackageShareLink(input: $input) { url password shareLink { id packageFiles state compliancePackage { id } } }\n  }\n"): (typeof documents)["\n  mutation SharePackageLink($input: CreateCompliancePackageShareLinkInput!) {\n    createCompliancePackageShareLink(input: $input) { url password shareLink { id packageFiles state compliancePackage { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShareLinksOfTarget($exportId: ID, $packageId: ID, $reportId: ID) {\n    shareLinks(dataExportId: $exportId, compliancePackageId: $packageId, reportId: $reportId) { id useCount exportFiles packageFiles }\n  }\n"): (typeof documents)["\n  query ShareLinksOfTarget($exportId: ID, $packageId: ID, $reportId: ID) {\n    shareLinks(dataExportId: $exportId, compliancePackageId: $packageId, reportId: $reportId) { id useCount exportFiles packageFiles }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareExportRevoke($id: ID!) { revokeShareLink(id: $id) { id state } }\n"): (typeof documents)["\n  mutation ShareExportRevoke($id: ID!) { revokeShareLink(id: $id) { id state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareExportDelete($id: ID!) { deleteDataExport(id: $id) { id } }\n"): (typeof documents)["\n  mutation ShareExportDelete($id: ID!) { deleteDataExport(id: $id) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareCreate($input: CreateShareLinkInput!) {\n    createShareLink(input: $input) { url password shareLink { id formats redaction passwordProtected state expiresAt useCount revoked } }\n  }\n"): (typeof documents)["\n  mutation ShareCreate($input: CreateShareLinkInput!) {\n    createShareLink(input: $input) { url password shareLink { id formats redaction passwordProtected state expiresAt useCount revoked } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareRevoke($id: ID!) { revokeShareLink(id: $id) { id revoked state } }\n"): (typeof documents)["\n  mutation ShareRevoke($id: ID!) { revokeShareLink(id: $id) { id revoked state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id useCount lastUsedAt revoked state formats lockedUntil report { id } } }\n"): (typeof documents)["\n  query ShareLinks($reportId: ID!) { shareLinks(reportId: $reportId) { id useCount lastUsedAt revoked state formats lockedUntil report { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IngestFixture($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n"): (typeof documents)["\n  mutation IngestFixture($events: [AuditEventInput!]!) {\n    ingestAuditEvents(events: $events) { accepted duplicates rejected { index field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateFixture($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n"): (typeof documents)["\n  mutation GenerateFixture($input: GenerateReportInput!) { generateReport(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FixtureStatus($id: ID!) { report(id: $id) { status error downloads { format url } } }\n"): (typeof documents)["\n  query FixtureStatus($id: ID!) { report(id: $id) { status error downloads { format url } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SigningKeys {\n    viewer { organization { signingKeys { id publicKeyPem createdAt retiredAt } } }\n  }\n"): (typeof documents)["\n  query SigningKeys {\n    viewer { organization { signingKeys { id publicKeyPem createdAt retiredAt } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;