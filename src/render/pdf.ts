/**
 * PDF through Chromium (playwright-core), driven from one renderer process
 * per process that renders (pdf-renderer.ts), which keeps one browser and
 * reuses it: launching costs about a second, a page about 100 ms. A renderer
 * or browser that died is started again on the next render.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Config } from '../config.ts';
import { renderHtml } from './html.ts';
import type { PdfReply, PdfRequest, RenderedPdf } from './chromium.ts';
import type { RenderableReport } from './model.ts';

export { CHROMIUM_FLAGS, chromiumExecutable, countPages, type RenderedPdf } from './chromium.ts';

/*
 * Chromium is driven from a child process (pdf-renderer.ts), not from here: playwright-core is a
 * 7 MB bundle of client and server that costs ~50 MB of RSS once loaded (and @sparticuz/chromium
 * unpacking its browser another ~60 MB, once), which a report worker would otherwise carry for
 * good after its first PDF. The child is forked on first use, kept for the next render, and
 * forked again if it died.
 */
let renderer: ChildProcess | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (r: RenderedPdf) => void; reject: (e: Error) => void }>();

function rendererProcess(): ChildProcess {
  if (renderer && renderer.exitCode === null && renderer.signalCode === null && renderer.connected) return renderer;
  const child = fork(new URL('./pdf-renderer.ts', import.meta.url), [], {
    // Not the parent's flags (a test runner's, or the worker's heap limit): the renderer holds whole pages of HTML.
    execArgv: ['--max-semi-space-size=4'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (reply: PdfReply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if ('error' in reply) waiter.reject(new Error(reply.error));
    else waiter.resolve({ pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), pageCount: reply.pageCount });
    idle(child);
  });
  const gone = (why: string) => {
    if (renderer === child) renderer = null;
    for (const [id, waiter] of pending) {
      pending.delete(id);
      waiter.reject(new Error(`the PDF renderer ${why}`));
    }
  };
  child.once('exit', (code, signal) => gone(`exited (${signal ?? `code ${code}`})`));
  child.once('error', (error) => gone(`failed: ${error.message}`));
  renderer = child;
  return child;
}

/** An idle renderer must not keep its parent alive (a CLI run, a test file). */
function idle(child: ChildProcess) {
  if (pending.size) return;
  child.unref();
  child.channel?.unref();
}

export function htmlToPdf(config: Pick<Config, 'CHROMIUM_PATH'>, html: string, footerText: string): Promise<RenderedPdf> {
  const child = rendererProcess();
  const id = ++nextId;
  return new Promise<RenderedPdf>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    child.ref();
    child.channel?.ref();
    child.send({ id, chromiumPath: config.CHROMIUM_PATH, html, footerText } satisfies PdfRequest, (error) => {
      if (!error || !pending.delete(id)) return;
      reject(error);
      idle(child);
    });
  });
}

/** The renderer's process id while one runs, for tests. */
export function pdfRendererPid(): number | null {
  return renderer?.pid ?? null;
}

/** Stops the renderer and its browser (on shutdown; the next render would start new ones). */
export async function closePdfRenderer(): Promise<void> {
  const child = renderer;
  renderer = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Closing the channel tells it to close its browser and exit; a renderer stuck past that is killed.
  child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export function renderPdf(config: Pick<Config, 'CHROMIUM_PATH'>, report: RenderableReport): Promise<RenderedPdf> {
  const footer = `${report.content.title.slice(0, 80)} · SHA-256 ${report.contentSha256.slice(0, 16)}…`;
  return htmlToPdf(config, renderHtml(report), footer);
}
