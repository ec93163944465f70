/** The data export's manifest schema: what `verify` reads offline, so this file imports nothing. */
export const EXPORT_MANIFEST_SCHEMA = 'https://agent-reports.dev/schema/data-export/1';
/** Files in an export bundle (`?as=bundle`) beside the data file and the signed manifest; not covered by it. */
export const EXPORT_BUNDLE_UNSIGNED = ['README.txt'];
