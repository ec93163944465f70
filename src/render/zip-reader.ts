/**
 * Reads the zips we write (for `verify` and the tests) with yauzl, the reader
 * kept beside yazl, which writes them. yauzl checks the archive's structure
 * and each entry's sizes but leaves CRC-32 to its caller (its README says
 * why), so each entry's bytes are checked here: a changed byte is named by
 * the file it is in.
 */
import { crc32 } from 'node:zlib';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

export interface ZipFileEntry {
  name: string;
  /** Null when the entry cannot be read at all. */
  data: Buffer | null;
  /** What is wrong with the entry (corrupt data, CRC mismatch), or null. */
  problem: string | null;
}

export class ZipError extends Error {}

const LOCAL = 0x04034b50;

export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL;
}

/** Every entry in archive order, each with its bytes or what is wrong with it; a ZipError when the archive itself cannot be read. */
export async function readZip(buffer: Buffer): Promise<ZipFileEntry[]> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(buffer, { lazyEntries: true }, (error, opened) => (error ? reject(new ZipError(`not a readable zip: ${error.message}`)) : resolve(opened))),
  );
  const entries: ZipFileEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        readEntry(zip, entry).then((read) => {
          entries.push(read);
          zip.readEntry();
        }, reject);
      });
      zip.once('end', () => resolve());
      zip.once('error', (error: Error) => reject(new ZipError(`not a readable zip: ${error.message}`)));
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return entries;
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<ZipFileEntry> {
  const name = entry.fileName;
  let data: Buffer;
  try {
    data = await new Promise<Buffer>((resolve, reject) =>
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.once('error', reject);
        stream.once('end', () => resolve(Buffer.concat(chunks)));
      }),
    );
  } catch (error) {
    return { name, data: null, problem: `the data cannot be read (${(error as Error).message})` };
  }
  return { name, data, problem: crc32(data) !== entry.crc32 ? 'CRC-32 mismatch: the bytes were changed inside the zip' : null };
}
