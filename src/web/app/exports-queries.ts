/**
 * The operations of the console's exports and packages screen (views/exports.ts): exactly the
 * fields it shows. Typed by `npm run codegen` like queries.ts.
 */
import { graphql } from './gql/index.ts';

export const DataExports = graphql(`query ConsoleDataExports {
  dataExports(first: 50) { totalCount edges { node { id kind format status period { start end } rowCount sizeBytes sha256 error createdAt progress { percent stage message } } } }
}`);

export const CompliancePackages = graphql(`query ConsoleCompliancePackages {
  compliancePackages(first: 50) { totalCount edges { node { id title frameworks status period { start end } error createdAt progress { percent stage message } downloads { file sizeBytes sha256 pageCount } } } }
}`);

export const RequestExport = graphql(`mutation ConsoleRequestExport($input: RequestDataExportInput!) { requestDataExport(input: $input) { id status } }`);

export const RequestPackage = graphql(`mutation ConsoleRequestPackage($input: RequestCompliancePackageInput!) { requestCompliancePackage(input: $input) { id status } }`);

export const CancelExport = graphql(`mutation ConsoleCancelExport($id: ID!) { cancelDataExport(id: $id) { id status } }`);

export const CancelPackage = graphql(`mutation ConsoleCancelPackage($id: ID!) { cancelCompliancePackage(id: $id) { id status } }`);

export const ExportProgress = graphql(`subscription ConsoleExportProgress($id: ID!) { dataExportProgress(id: $id) { status percent stage message } }`);

export const PackageProgress = graphql(`subscription ConsolePackageProgress($id: ID!) { compliancePackageProgress(id: $id) { status percent stage message } }`);

export const ShareExport = graphql(`mutation ConsoleShareExport($input: CreateDataExportShareLinkInput!) { createDataExportShareLink(input: $input) { url password } }`);

export const SharePackage = graphql(`mutation ConsoleSharePackage($input: CreateCompliancePackageShareLinkInput!) { createCompliancePackageShareLink(input: $input) { url password } }`);
