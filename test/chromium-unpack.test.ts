/**
 * The Chromium that PDFs and the browser tests run when the machine has none: unpacked from
 * @sparticuz/chromium into TMPDIR. Two processes that start together on a fresh machine (two test
 * files, two workers) must both get a whole binary; the second once ran the first's half-written
 * file (spawn ETXTBSY).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const SCRIPT = `
import { spawnSync } from 'node:child_process';
import { unpackedChromium } from ${JSON.stringify(pathToFileURL(path.resolve('src/render/chromium.ts')).href)};
const executable = await unpackedChromium();
const run = spawnSync(executable, ['--version'], { encoding: 'utf8' });
console.log(JSON.stringify({ executable, status: run.status, version: (run.stdout ?? '').trim(), error: run.error?.message ?? null }));
`;

function unpackIn(dir: string): Promise<{ executable: string; status: number | null; version: string; error: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], { env: { ...process.env, TMPDIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`unpacking exited ${code}: ${out}`))));
  });
}

it('gives two processes starting together on a fresh machine a whole, runnable Chromium', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chromium-unpack-'));
  try {
    const both = await Promise.all([unpackIn(dir), unpackIn(dir)]);
    for (const result of both) expect(result).toMatchObject({ executable: path.join(dir, 'chromium'), status: 0, version: expect.stringMatching(/^Chromium \d+/), error: null });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
