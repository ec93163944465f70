/**
 * The PDF renderer process: playwright-core and its one shared Chromium,
 * beside the process that asked (forked by `pdf.ts`). Launching costs about
 * a second, a page about 100 ms; a browser that died is relaunched on the
 * next render. It exits when its parent goes (the IPC channel closes).
 */
import type { Browser } from 'playwright-core';
import type { Config } from '../config.ts';
import { CHROMIUM_FLAGS, chromiumExecutable, countPages, TOC_PAGE_SLOTS, tocPageSlot, type PdfReply, type PdfRequest, type RenderedPdf } from './chromium.ts';
import { esc } from './escape.ts';

// Chromium renders pages in parallel well; more than this only queues inside it and costs memory.
const MAX_CONCURRENT_PAGES = 4;

let browser: Promise<Browser> | null = null;
let active = 0;
const waiting: Array<() => void> = [];

async function getBrowser(config: Pick<Config, 'CHROMIUM_PATH'>): Promise<Browser> {
  if (browser) {
    const current = await browser.catch(() => null);
    if (current?.isConnected()) return current;
    browser = null;
  }
  browser ??= (async () => {
    const executablePath = await chromiumExecutable(config);
    const { chromium } = await import('playwright-core');
    const launched = await chromium.launch({
      executablePath,
      args: CHROMIUM_FLAGS,
      headless: true,
      // The parent decides when to stop (closePdfRenderer, after its jobs drained): not a signal to this process.
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

/** Closes the shared browser. */
async function closeBrowser(): Promise<void> {
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

async function renderInBrowser(config: Pick<Config, 'CHROMIUM_PATH'>, html: string, footerText: string): Promise<RenderedPdf> {
  return withSlot(async () => {
    const context = await (await getBrowser(config)).newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      const print = async (content: string) => {
        await page.setContent(content, { waitUntil: 'load' });
        return page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: `<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;justify-content:space-between;color:#666;font-family:Arial,sans-serif"><span>${esc(footerText)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
          margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
          outline: true,
          tagged: true,
        });
      };
      let pdf = await print(html);
      // Chromium has no target-counter(): print once, read where each contents link lands, print again with the pages.
      if (html.search(TOC_PAGE_SLOTS) >= 0) {
        const pages = await linkTargetPages(pdf);
        pdf = await print(html.replace(TOC_PAGE_SLOTS, (_, anchor: string) => tocPageSlot(anchor, String(pages.get(anchor) ?? ''))));
      }
      return { pdf, pageCount: countPages(pdf) };
    } finally {
      await context.close().catch(() => {});
    }
  });
}

/**
 * Anchor → page (1-based) of every internal link on the contents pages, read with pdf.js: the first
 * pages that carry internal links, so the rest of the document is never parsed.
 */
async function linkTargetPages(pdf: Buffer): Promise<Map<string, number>> {
  const { getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  try {
    const pages = new Map<string, number>();
    for (let n = 1; n <= doc.numPages; n++) {
      const links = (await (await doc.getPage(n)).getAnnotations()).filter((a) => a.subtype === 'Link' && typeof a.dest === 'string');
      if (!links.length && pages.size) break;
      for (const link of links) {
        const dest = await doc.getDestination(link.dest as string);
        if (dest?.[0]) pages.set(link.dest as string, (await doc.getPageIndex(dest[0])) + 1);
      }
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const reply = (message: PdfReply) => {
  if (process.connected) process.send!(message);
};
process.on('message', (request: PdfRequest) => {
  renderInBrowser({ CHROMIUM_PATH: request.chromiumPath }, request.html, request.footerText).then(
    (rendered) => reply({ id: request.id, ...rendered }),
    (error: unknown) => reply({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
// A Ctrl-C or SIGTERM to the process group is the parent's to handle: it drains its renders, then
// closes the channel, which is when this process closes its browser and exits.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
process.once('disconnect', () => {
  void closeBrowser().finally(() => process.exit(0));
});
