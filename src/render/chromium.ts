/**
 * What both sides of PDF rendering share: the Chromium to run and its flags,
 * the messages between a process and its renderer (pdf.ts, pdf-renderer.ts),
 * and counting pages. Kept free of the report model, so the renderer process
 * loads nothing but this and playwright-core.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.ts';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** CHROMIUM_PATH, else the system's, else the one @sparticuz/chromium unpacks (works after `npm install`). */
export async function chromiumExecutable(config: Pick<Config, 'CHROMIUM_PATH'>): Promise<string> {
  if (config.CHROMIUM_PATH) {
    if (!existsSync(config.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH ${config.CHROMIUM_PATH} does not exist`);
    return config.CHROMIUM_PATH;
  }
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return system;
  return unpackedChromium();
}

/** A lock older than this was left by a process that died while unpacking (unpacking takes seconds). */
const STALE_UNPACK_MS = 5 * 60_000;

/**
 * @sparticuz/chromium unpacks its browser to TMPDIR/chromium and answers that path as soon as the
 * file exists, so a process starting while another is still writing it runs a half-written binary
 * (spawn ETXTBSY: two test files, or two workers, on a fresh machine). One process unpacks at a
 * time, holding a lock directory beside it; the others wait until the lock is gone.
 */
export async function unpackedChromium(): Promise<string> {
  const target = path.join(tmpdir(), 'chromium');
  const lock = `${target}.unpacking`;
  for (;;) {
    // In this order: a binary that exists while no lock is held was written whole.
    if (existsSync(target) && !existsSync(lock)) return target;
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_UNPACK_MS) rmSync(lock, { recursive: true, force: true });
      else await sleep(100);
      continue;
    }
    try {
      const { default: sparticuz } = await import('@sparticuz/chromium');
      return await sparticuz.executablePath();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/**
 * Where the contents page prints the page of the entry that links to `#anchor`: empty in a first
 * render, filled in by the renderer's second. It is a fixed-width box, so filling it moves nothing.
 */
export const tocPageSlot = (anchor: string, page = '') => `<span class="toc-page" data-anchor="${anchor}">${page}</span>`;
export const TOC_PAGE_SLOTS = /<span class="toc-page" data-anchor="([^"]*)"><\/span>/g;

export interface RenderedPdf {
  pdf: Buffer;
  pageCount: number;
}

export interface PdfRequest {
  id: number;
  chromiumPath: string | undefined;
  html: string;
  footerText: string;
}

export type PdfReply = { id: number; pdf: Buffer; pageCount: number } | { id: number; error: string };

/** Page objects in the PDF (`/Type /Page`, not `/Pages`); Chromium writes them uncompressed. */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
