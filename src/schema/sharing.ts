/** Share links: time-limited, optionally password-protected and pseudonymised links to a report's files. */
import { actorOf, orgOf, type Context } from './context.ts';
import { FORMATS } from '../render/model.ts';
import { badInput } from '../errors.ts';
import { createShareLink, EXPORT_SHARE_FILES, listShareLinks, PACKAGE_SHARE_FILES, revokeShareLink, stateOf, type ShareLinkRow, type ShareTarget } from '../sharing/share-links.ts';
import { parseGlobalId } from '../ids.ts';
import { builder } from './builder.ts';
import { DataExport } from './exports.ts';
import { CompliancePackage, PackageFileKind } from './packages.ts';
import { Report } from './reports.ts';

const ShareLinkFormat = builder.enumType('ShareLinkFormat', {
  description: 'A file a share link serves: json, csv (zip of tables), md, pdf, oscal, bundle (evidence bundle; not with pseudonymisation).',
  values: Object.fromEntries(FORMATS.map((f) => [f.toUpperCase(), { value: f }])) as Record<Uppercase<(typeof FORMATS)[number]>, { value: (typeof FORMATS)[number] }>,
});

const ShareRedaction = builder.enumType('ShareRedaction', {
  description: 'What a share link hides: NONE, or PSEUDONYMISE (people\'s e-mails and ids replaced by stable pseudonyms in every file).',
  values: { NONE: { value: 'none' as const }, PSEUDONYMISE: { value: 'pseudonymise' as const } },
});

const ExportShareFile = builder.enumType('ExportShareFile', {
  description: 'A file a share link to a data export serves.',
  values: {
    FILE: { value: 'file' as const, description: 'The data file itself (CSV, JSON, NDJSON or Parquet).' },
    BUNDLE: { value: 'bundle' as const, description: 'A zip of the file, its signed manifest, the public key and a README.' },
  },
});

const ShareLinkState = builder.enumType('ShareLinkState', {
  description: 'Whether the link can be used now.',
  values: { ACTIVE: { value: 'active' as const }, EXPIRED: { value: 'expired' as const }, REVOKED: { value: 'revoked' as const }, LOCKED: { value: 'locked' as const } },
});

const ShareLink = builder.objectRef<ShareLinkRow>('ShareLink').implement({
  description: 'A link to a report\'s files for someone without an API key. The token and password are never shown again after creation.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id of the link (not its token).' }),
    report: t.field({ type: Report, nullable: true, description: 'The shared report; null when the link shares a data export or a compliance package.', resolve: (l) => l.reportId }),
    dataExport: t.field({ type: DataExport, nullable: true, description: 'The shared data export; null when the link shares something else.', resolve: (l) => l.exportId }),
    compliancePackage: t.field({ type: CompliancePackage, nullable: true, description: 'The shared compliance package; null when the link shares something else.', resolve: (l) => l.packageId }),
    formats: t.field({ type: [ShareLinkFormat], description: 'Report files the link serves; empty for a link to an export or a package.', resolve: (l) => (l.reportId ? (l.formats as (typeof FORMATS)[number][]) : []) }),
    exportFiles: t.field({ type: [ExportShareFile], description: 'Files of the data export the link serves; empty for other links.', resolve: (l) => (l.exportId ? (l.formats as Array<(typeof EXPORT_SHARE_FILES)[number]>) : []) }),
    packageFiles: t.field({ type: [PackageFileKind], description: 'Files of the compliance package the link serves; empty for other links.', resolve: (l) => (l.packageId ? (l.formats as Array<(typeof PACKAGE_SHARE_FILES)[number]>) : []) }),
    redaction: t.field({ type: ShareRedaction, description: 'Redaction applied to every file served.', resolve: (l) => l.redaction }),
    passwordProtected: t.boolean({ description: 'Whether a password is asked before anything is shown.', resolve: (l) => l.passwordHash !== null }),
    state: t.field({ type: ShareLinkState, description: 'Whether the link works now.', resolve: (l) => stateOf(l, new Date()) }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the link stops working.' }),
    revoked: t.boolean({ description: 'Whether the link was revoked.', resolve: (l) => l.revokedAt !== null }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When the link was revoked.' }),
    lockedUntil: t.expose('lockedUntil', { type: 'DateTime', nullable: true, description: 'Locked after too many wrong passwords until then.' }),
    useCount: t.exposeInt('useCount', { description: 'Page views and downloads through the link.' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last page view or download.' }),
    createdBy: t.exposeString('createdBy', { description: 'Name of the API key that created the link.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the link was created.' }),
  }),
});

const CreateShareLinkInput = builder.inputType('CreateShareLinkInput', {
  description: 'A share link to a completed report.',
  fields: (t) => ({
    reportId: t.id({ required: true, description: 'The report (Report.id).' }),
    expiresInHours: t.int({ required: true, description: 'Hours the link works, 1–720.' }),
    passwordProtected: t.boolean({ defaultValue: false, description: 'Generate a password (shown once) that the holder must enter.' }),
    formats: t.field({ type: [ShareLinkFormat], defaultValue: ['pdf', 'json', 'csv', 'md', 'oscal'], description: 'Files to share; defaults to every format but the evidence bundle.' }),
    redaction: t.field({ type: ShareRedaction, defaultValue: 'none', description: 'NONE, or PSEUDONYMISE people in every file.' }),
  }),
});

const CreateShareLinkPayload = builder.objectRef<{ link: ShareLinkRow; url: string; password: string | null }>('CreateShareLinkPayload').implement({
  description: 'The new link. url and password are shown this once: hand them over now.',
  fields: (t) => ({
    url: t.exposeString('url', { description: 'The link to give the recipient; it carries the secret token.' }),
    password: t.string({ nullable: true, description: 'The generated password, when asked for; send it through another channel than the link.', resolve: (p) => p.password }),
    shareLink: t.field({ type: ShareLink, description: 'The link\'s record.', resolve: (p) => p.link }),
  }),
});


/** The UUID inside a global id of `typename`, or '' (which every lookup answers NOT_FOUND). */
const uuidOf = (id: string, typename: string) => {
  const parsed = parseGlobalId(id);
  return parsed?.typename === typename ? parsed.id : '';
};
const reportIdOf = (globalId: string) => uuidOf(globalId, 'Report');

const CreateExportShareLinkInput = builder.inputType('CreateDataExportShareLinkInput', {
  description: 'A share link to a completed data export: its file and, if asked, its signed bundle. Export files are shared as signed (no redaction).',
  fields: (t) => ({
    dataExportId: t.id({ required: true, description: 'The export (DataExport.id).' }),
    expiresInHours: t.int({ required: true, description: 'Hours the link works, 1–720.' }),
    passwordProtected: t.boolean({ defaultValue: false, description: 'Generate a password (shown once) that the holder must enter.' }),
    files: t.field({ type: [ExportShareFile], defaultValue: ['file', 'bundle'], description: 'Files to share; defaults to the file and its bundle.' }),
    redaction: t.field({ type: ShareRedaction, defaultValue: 'none', description: 'NONE only: an export is shared as it was signed.' }),
  }),
});

const CreatePackageShareLinkInput = builder.inputType('CreateCompliancePackageShareLinkInput', {
  description: 'A share link to a completed compliance package: its PDF and zip. Package files are shared as signed (no redaction).',
  fields: (t) => ({
    compliancePackageId: t.id({ required: true, description: 'The package (CompliancePackage.id).' }),
    expiresInHours: t.int({ required: true, description: 'Hours the link works, 1–720.' }),
    passwordProtected: t.boolean({ defaultValue: false, description: 'Generate a password (shown once) that the holder must enter.' }),
    files: t.field({ type: [PackageFileKind], defaultValue: ['pdf', 'zip'], description: 'Files to share; defaults to both.' }),
    redaction: t.field({ type: ShareRedaction, defaultValue: 'none', description: 'NONE only: a package is shared as it was signed.' }),
  }),
});

/** Exactly one of the three ids names what the links are listed for. */
function listTarget(args: { reportId?: string | number | null; dataExportId?: string | number | null; compliancePackageId?: string | number | null }): ShareTarget {
  const given = [args.reportId, args.dataExportId, args.compliancePackageId].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) throw badInput('reportId', 'Give exactly one of reportId, dataExportId or compliancePackageId.');
  if (args.reportId) return { kind: 'report', id: reportIdOf(String(args.reportId)) };
  if (args.dataExportId) return { kind: 'export', id: uuidOf(String(args.dataExportId), 'DataExport') };
  return { kind: 'package', id: uuidOf(String(args.compliancePackageId), 'CompliancePackage') };
}

/** PUBLIC_URL, else the origin the request came to. */
function baseUrl(ctx: Context): string {
  const request = (ctx as Context & { request?: Request }).request;
  const config = ctx.services.config;
  return config.PUBLIC_URL ?? (request ? new URL(request.url).origin : `http://${config.HOST}:${config.PORT}`);
}

builder.queryField('shareLinks', (t) =>
  t.field({
    type: [ShareLink],
    description: 'Share links of a report, a data export or a compliance package (exactly one of the three ids), newest first, with their use counts.',
    authScopes: { can: 'share:manage' },
    args: {
      reportId: t.arg.id({ description: 'The report (Report.id).' }),
      dataExportId: t.arg.id({ description: 'The data export (DataExport.id).' }),
      compliancePackageId: t.arg.id({ description: 'The compliance package (CompliancePackage.id).' }),
    },
    resolve: (_root, args, ctx) => listShareLinks(ctx.services.database.db, orgOf(ctx), listTarget(args)),
  }),
);

builder.mutationFields((t) => ({
  createShareLink: t.field({
    type: CreateShareLinkPayload,
    description: 'Creates a share link to a completed report; returns its URL (and password) this once.',
    authScopes: { can: 'share:manage' },
    args: { input: t.arg({ type: CreateShareLinkInput, required: true, description: 'Report, lifetime, password, formats and redaction.' }) },
    resolve: (_root, { input }, ctx) =>
      createShareLink(
        ctx.services,
        actorOf(ctx),
        {
          target: { kind: 'report', id: reportIdOf(String(input.reportId)) },
          expiresInHours: input.expiresInHours,
          passwordProtected: input.passwordProtected ?? false,
          formats: input.formats ?? ['pdf', 'json', 'csv', 'md', 'oscal'],
          redaction: input.redaction ?? 'none',
        },
        baseUrl(ctx),
      ),
  }),
  createDataExportShareLink: t.field({
    type: CreateShareLinkPayload,
    description: 'Creates a share link to a completed data export (its file and signed bundle); returns its URL (and password) this once.',
    authScopes: { can: 'share:manage' },
    args: { input: t.arg({ type: CreateExportShareLinkInput, required: true, description: 'Export, lifetime, password and files.' }) },
    resolve: (_root, { input }, ctx) =>
      createShareLink(
        ctx.services,
        actorOf(ctx),
        {
          target: { kind: 'export', id: uuidOf(String(input.dataExportId), 'DataExport') },
          expiresInHours: input.expiresInHours,
          passwordProtected: input.passwordProtected ?? false,
          formats: input.files ?? ['file', 'bundle'],
          redaction: input.redaction ?? 'none',
        },
        baseUrl(ctx),
      ),
  }),
  createCompliancePackageShareLink: t.field({
    type: CreateShareLinkPayload,
    description: 'Creates a share link to a completed compliance package (its PDF and zip); returns its URL (and password) this once.',
    authScopes: { can: 'share:manage' },
    args: { input: t.arg({ type: CreatePackageShareLinkInput, required: true, description: 'Package, lifetime, password and files.' }) },
    resolve: (_root, { input }, ctx) =>
      createShareLink(
        ctx.services,
        actorOf(ctx),
        {
          target: { kind: 'package', id: uuidOf(String(input.compliancePackageId), 'CompliancePackage') },
          expiresInHours: input.expiresInHours,
          passwordProtected: input.passwordProtected ?? false,
          formats: input.files ?? ['pdf', 'zip'],
          redaction: input.redaction ?? 'none',
        },
        baseUrl(ctx),
      ),
  }),
  revokeShareLink: t.field({
    type: ShareLink,
    description: 'Revokes a share link at once; it answers 410 from then on.',
    authScopes: { can: 'share:manage' },
    args: { id: t.arg.id({ required: true, description: 'The link (ShareLink.id).' }) },
    resolve: (_root, { id }, ctx) => revokeShareLink(ctx.services, actorOf(ctx), String(id)),
  }),
}));
