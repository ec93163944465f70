import { listSigningKeys, type PublicSigningKey } from '../reports/signing.ts';
import { builder } from './builder.ts';
import { Organization } from './organization.ts';

const SigningKey = builder.objectRef<PublicSigningKey>('SigningKey').implement({
  description: 'A public Ed25519 key the organisation signs its reports and evidence bundles with. The private part never leaves the service.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Key id: the first 16 hex characters of the SHA-256 of the raw 32-byte public key, as named in signatures.' }),
    publicKeyPem: t.exposeString('publicKeyPem', { description: 'The public key, SPKI PEM; give it to `openssl pkeyutl -verify` or compare its id with a verified file.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the key was created (on the first report that needed it).' }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true, description: 'When the key stopped signing new reports, if it did; reports it signed still verify.' }),
  }),
});

builder.objectFields(Organization, (t) => ({
  signingKeys: t.field({
    type: [SigningKey],
    description: 'Public keys that sign this organisation\'s reports, oldest first. Empty until the first report is signed.',
    authScopes: { can: 'report:read' },
    resolve: (org, _args, ctx) => listSigningKeys(ctx.services, org.id),
  }),
}));
