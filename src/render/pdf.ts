/**
 * PDF through Chromium (playwright-core). One browser per process, launched
 * on first use and reused: launching costs about a second, a page about
 * 100 ms. A browser that died is relaunched on the next render.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { Config } from '../config.ts';
import { esc } from './escape.ts';
import { renderHtml } from './html.ts';
import type { RenderableReport } from './model.ts';

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
// Chromium renders pages in parallel well; more than this only queues inside it and costs memory.
const MAX_CONCURRENT_PAGES = 4;

let browser: Promise<Browser> | null = null;
let active = 0;
const waiting: Array<() => void> = [];

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

async function getBrowser(config: Pick<Config, 'CHROMIUM_PATH'>): Promise<Browser> {
  if (browser) {
    const current = await browser.catch(() => null);
    if (current?.isConnected()) return current;
    browser = null;
  }
  browser ??= (async () => {
    const launched = await chromium.launch({
      executablePath: await chromiumExecutable(config),
      args: CHROMIUM_FLAGS,
      headless: true,
      // Playwright would close the browser on the process's own SIGTERM, under a render still
      // in flight; the job runtime closes it after draining (closePdfRenderer).
      handleSIGTERM: false,
      handleSIGINT: false,
      handleSIGHUP: false,
    });
    launched.on('disconnected', () => {
      browser = null;
    });
    return launched;
  })();
  browser.catch(() => {
    browser = null;
  });
  return browser;
}

/** Closes the shared browser (on shutdown; the next render would launch a new one). */
export async function closePdfRenderer(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.close().catch(() => {});
}

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= MAX_CONCURRENT_PAGES) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await fn();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

export interface RenderedPdf {
  pdf: Buffer;
  pageCount: number;
}

export async function htmlToPdf(config: Pick<Config, 'CHROMIUM_PATH'>, html: string, footerText: string): Promise<RenderedPdf> {
  return withSlot(async () => {
    const context = await (await getBrowser(config)).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;color:#666;font-family:Arial,sans-serif"><span>${esc(footerText)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
        outline: true,
        tagged: true,
      });
      return { pdf, pageCount: countPages(pdf) };
    } finally {
      await context.close().catch(() => {});
    }
  });
}

export function renderPdf(config: Pick<Config, 'CHROMIUM_PATH'>, report: RenderableReport): Promise<RenderedPdf> {
  const footer = `${report.content.title.slice(0, 80)} · SHA-256 ${report.contentSha256.slice(0, 16)}…`;
  return htmlToPdf(config, renderHtml(report), footer);
}

/** Page objects in the PDF (`/Type /Page`, not `/Pages`); Chromium writes them uncompressed. */
export function countPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
