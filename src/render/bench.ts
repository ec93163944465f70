/**
 * PDF render time for `npm run bench`: one cold render (launches Chromium
 * when none runs yet), then warm renders on the shared browser.
 */
import type { Services } from '../services.ts';
import { findReport, loadRenderable } from './model.ts';
import { renderPdf } from './pdf.ts';

interface PdfTiming {
  coldMs: number;
  warmMs: number[];
  medianWarmMs: number;
  pageCount: number;
  sizeBytes: number;
}

export async function measurePdfRender(services: Services, orgId: string, reportId: string, warmRuns = 5): Promise<PdfTiming> {
  const row = await findReport(services, orgId, reportId);
  if (!row) throw new Error(`report ${reportId} not found in organisation ${orgId}`);
  const report = await loadRenderable(services, row);
  let started = performance.now();
  const first = await renderPdf(services.config, report);
  const coldMs = performance.now() - started;
  const warmMs: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    started = performance.now();
    await renderPdf(services.config, report);
    warmMs.push(performance.now() - started);
  }
  const sorted = [...warmMs].sort((a, b) => a - b);
  return { coldMs, warmMs, medianWarmMs: sorted[Math.floor(sorted.length / 2)] ?? coldMs, pageCount: first.pageCount, sizeBytes: first.pdf.length };
}
