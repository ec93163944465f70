import { orgOf } from './context.ts';
import { listDownloadsMany, type Download as DownloadRow } from '../render/artifacts.ts';
import { FORMATS } from '../render/model.ts';
import { builder } from './builder.ts';
import { Report } from './reports.ts';

const DownloadFormat = builder.enumType('DownloadFormat', {
  description: 'A file a completed report can be downloaded as.',
  values: {
    JSON: { value: 'json', description: 'The canonical report with its content hash and Ed25519 signature; `agent-reports verify` checks it offline.' },
    CSV: { value: 'csv', description: 'A zip of CSV files, one per table (findings, metrics, each report table, integrity), escaped against formula injection.' },
    MD: { value: 'md', description: 'Markdown.' },
    PDF: { value: 'pdf', description: 'PDF with cover, contents, charts, control → evidence table and the integrity section.' },
    OSCAL: { value: 'oscal', description: 'OSCAL 1.2.1 assessment results (JSON) for GRC tools.' },
    BUNDLE: { value: 'bundle', description: 'Evidence bundle: every format, the evidence events as NDJSON, and a signed manifest of SHA-256 hashes.' },
  } satisfies Record<Uppercase<(typeof FORMATS)[number]>, { value: (typeof FORMATS)[number]; description: string }>,
});

const Download = builder.objectRef<DownloadRow>('Download').implement({
  description: 'One downloadable file of a report. GET the url with an auditor or admin API key.',
  fields: (t) => ({
    format: t.field({ type: DownloadFormat, description: 'The file format.', resolve: (d) => d.format }),
    url: t.exposeString('url', { description: 'Where to GET the file (absolute when PUBLIC_URL is configured).' }),
    sizeBytes: t.int({ nullable: true, description: 'Size in bytes; null until the file is first rendered, and always for the bundle (assembled on request).', resolve: (d) => d.sizeBytes }),
    sha256: t.string({ nullable: true, description: 'SHA-256 of the file (also its ETag); null until rendered, and for the bundle.', resolve: (d) => d.sha256 }),
    pageCount: t.int({ nullable: true, description: 'Pages of the PDF, once rendered; null for other formats.', resolve: (d) => d.pageCount }),
  }),
});

builder.objectFields(Report, (t) => ({
  downloads: t.loadableList({
    type: Download,
    description: 'Files of the report, empty until it is completed (and after deletion). Listing is open to every reader; downloading needs an auditor or admin key.',
    authScopes: { can: 'report:read' },
    // One statement for all reports of a page, not one per report.
    load: (ids: string[], ctx) => listDownloadsMany(ctx.services, orgOf(ctx), ids),
    resolve: (report) => report.id,
  }),
}));
