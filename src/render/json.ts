/**
 * The JSON download: `{"content": …, "integrity": …}`. `content` is the
 * canonical report, byte for byte the RFC 8785 text whose SHA-256 is the
 * report's content hash; `integrity` carries that hash and the Ed25519
 * signature of it, so the file verifies offline. The whole file is canonical
 * JSON too (`content` sorts first and its bytes appear unchanged), and holds
 * nothing else, so `verify` can account for every byte of it.
 */
import { canonicalJson } from '../reports/integrity.ts';
import type { RenderableReport } from './model.ts';

const SIGNED_MESSAGE = 'the UTF-8 bytes of integrity.contentSha256 (64 lowercase hex characters)';

/** The fixed members of `integrity`; `verify` checks a file against them. */
export function jsonIntegrityTemplate() {
  return {
    covers: 'content',
    canonicalization: 'RFC 8785 (JSON Canonicalization Scheme)',
    hashAlgorithm: 'SHA-256',
    contentSha256: '',
    signature: { algorithm: 'Ed25519', keyId: '', publicKeyPem: '', signedMessage: SIGNED_MESSAGE, value: '' },
  };
}

/** Exactly the bytes whose SHA-256 is reports.content_sha256. */
export function canonicalReportBytes(report: RenderableReport): Buffer {
  return Buffer.from(canonicalJson(report.content), 'utf8');
}

export function renderJson(report: RenderableReport): Buffer {
  const template = jsonIntegrityTemplate();
  const integrity = {
    ...template,
    contentSha256: report.contentSha256,
    signature: report.signature
      ? { ...template.signature, keyId: report.signature.keyId, publicKeyPem: report.signature.publicKeyPem, value: report.signature.value }
      : null,
  };
  return Buffer.from(canonicalJson({ content: report.content, integrity }), 'utf8');
}
