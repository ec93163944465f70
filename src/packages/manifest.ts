/**
 * The compliance package's manifest: what `verify` reads offline, so it
 * imports nothing but types.
 */
export const PACKAGE_SCHEMA = 'https://agent-reports.dev/schema/compliance-package/1';
export const PACKAGE_PDF = 'package.pdf';

export interface PackageManifest {
  schema: typeof PACKAGE_SCHEMA;
  package: {
    id: string;
    organizationId: string;
    title: string;
    period: { start: string; end: string };
    scope: { environment: string | null; agentIds: string[] };
    frameworks: string[];
    exportKinds: string[];
    exportFormat: string;
    completedAt: string;
  };
  /** Each report's folder in the zip and the hash and signature of its content (also in its report.json). */
  reports: Array<{ id: string; type: string; title: string; folder: string; contentSha256: string; signature: string | null; signatureKeyId: string | null; score: number | null; grade: string | null }>;
  /** Each export's file and its own signed manifest (the export's manifest.json bytes and manifest.sig). */
  exports: Array<{ id: string; kind: string; format: string; path: string; manifestPath: string; signaturePath: string; sha256: string; rowCount: number; signatureKeyId: string }>;
  files: Array<{ path: string; sha256: string; sizeBytes: number; mediaType: string; description: string }>;
}
