/**
 * A small reader for the zips we write, for `verify` (yauzl is only a dev
 * dependency). Reads the central directory, then each entry's data, and
 * checks its CRC-32, so a changed byte is named by the file it is in.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipFileEntry {
  name: string;
  /** Null when the entry cannot be read at all. */
  data: Buffer | null;
  /** What is wrong with the entry (corrupt data, CRC mismatch), or null. */
  problem: string | null;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL;
}

export function readZip(buffer: Buffer): ZipFileEntry[] {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('not a readable zip: the end-of-central-directory record is missing (truncated or damaged file)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError('ZIP64 archives (over 4 GiB or 65,535 files) are not supported by verify');
  const entries: ZipFileEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL) throw new ZipError(`not a readable zip: central directory entry ${i + 1} is damaged`);
    const method = buffer.readUInt16LE(offset + 10);
    const crc = buffer.readUInt32LE(offset + 16);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipError(`${name}: ZIP64 entries are not supported by verify`);
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL) throw new ZipError(`${name}: the local header is damaged`);
    const start = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    const raw = buffer.subarray(start, start + compressedSize);
    if (raw.length !== compressedSize) throw new ZipError(`${name}: the data is truncated`);
    if (method !== 0 && method !== 8) {
      entries.push({ name, data: null, problem: `unsupported compression method ${method}` });
      continue;
    }
    let data: Buffer;
    try {
      data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw);
    } catch (error) {
      entries.push({ name, data: null, problem: `the compressed data is corrupt (${(error as Error).message})` });
      continue;
    }
    const problem =
      data.length !== size
        ? `decompressed to ${data.length} bytes, the zip says ${size}`
        : crc32(data) !== crc
          ? 'CRC-32 mismatch: the bytes were changed inside the zip'
          : null;
    entries.push({ name, data, problem });
  }
  return entries;
}
