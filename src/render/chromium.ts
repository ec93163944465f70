/**
 * What both sides of PDF rendering share: the Chromium to run and its flags,
 * the messages between a process and its renderer (pdf.ts, pdf-renderer.ts),
 * and counting pages. Kept free of the report model, so the renderer process
 * loads nothing but this and playwright-core.
 */
import { existsSync } from 'node:fs';
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
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return sparticuz.executablePath();
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
