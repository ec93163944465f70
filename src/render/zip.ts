/**
 * Zips in memory for small files (CSV tables, the formats of a report).
 * A fixed mtime (the report's completion) makes the same report zip to the
 * same bytes, so its hash is stable.
 */
import yazl from 'yazl';

export interface ZipEntry {
  path: string;
  data: Buffer;
}

export function zipBuffers(entries: ZipEntry[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.path, { mtime, mode: 0o100644 });
  zip.end();
  return collect(zip.outputStream);
}

export async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
