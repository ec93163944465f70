/**
 * The pages a share-link holder sees: the report's downloads, the password
 * form, and a plain explanation when the link cannot be used. Small,
 * readable without scripts, and strict: the CSP allows only the page's own
 * inline style (by hash) and form posts to itself.
 */
import { createHash } from 'node:crypto';
import { esc } from '../render/escape.ts';
import type { Format } from '../render/model.ts';

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}
ul.downloads{padding:0;list-style:none}ul.downloads li{margin:.5rem 0}a{color:#0645ad}
.notice{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecea}.note{color:#555;font-size:.9rem}
label{display:block;font-weight:600;margin-bottom:.25rem}input{font-size:1rem;padding:.4rem}button{font-size:1rem;padding:.4rem 1rem;margin-left:.5rem}
*{box-sizing:border-box}dd{margin:0;overflow-wrap:anywhere}code,pre{font-family:ui-monospace,monospace;font-size:.88rem}pre{background:#f0f2f5;padding:.5rem;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.notice-info{border-left:4px solid #1f5fbf;padding:.5rem 1rem;background:#eef3fb}.toc{margin:1rem 0}.score{font-size:1.2rem}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,30rem),1fr));gap:1rem}figure{margin:0;min-width:0;overflow-x:auto}figcaption{font-weight:600}svg.chart{width:100%;min-width:30rem;height:auto;display:block}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}form.filters label{font-weight:600}select{font-size:1rem;padding:.3rem;display:block}
ul.findings{list-style:none;padding:0}li.finding{border-left:4px solid #999;padding:.5rem .75rem;margin:.6rem 0;background:#fafbfc}li.fail{border-color:#b3261e}li.warn{border-color:#8a5a00}li.pass{border-color:#1d7a3a}li.finding p{margin:.3rem 0}
.badge{font-weight:700;font-size:.8rem;padding:0 .4rem;border-radius:999px;border:1px solid currentColor}.badge.fail{color:#b3261e}.badge.warn{color:#8a5a00}.badge.pass{color:#1d7a3a}.sev{font-size:.85rem;color:#555}.rec{background:#fff8e1;padding:.25rem .5rem}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}.wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}caption{text-align:left;font-weight:600}th,td{border-bottom:1px solid #d8dce3;padding:.3rem .5rem;text-align:left;vertical-align:top}
th.num,td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}tr.rownote td{color:#555;font-size:.82rem;border-top:0}.fingerprint,.wrap-any{overflow-wrap:anywhere;word-break:break-all}
.pager{display:flex;gap:1rem;margin:1rem 0}.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
@media (max-width:40rem){dl{grid-template-columns:1fr}body{margin:1rem auto}}`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const SHARED_PAGE_HEADERS: Record<string, string> = {
  'content-security-policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export const FORMAT_LABELS: Record<Format, string> = {
  pdf: 'PDF (for reading and printing)',
  json: 'JSON (canonical report with hash and signature)',
  csv: 'CSV (findings, metrics and tables, zipped)',
  md: 'Markdown',
  oscal: 'OSCAL assessment results (JSON, for GRC tools)',
  bundle: 'Evidence bundle (every format, the evidence events, signed manifest)',
};

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function htmlResponse(status: number, html: string, headers: Record<string, string> = {}): Response {
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...SHARED_PAGE_HEADERS, ...headers } });
}

export function passwordPage(token: string, problem: string | null): string {
  return page(
    'Password required — shared report',
    `<h1>This shared report is protected by a password</h1>
${problem ? `<p class="notice" role="alert">${esc(problem)}</p>` : '<p>Enter the password you were given with the link.</p>'}
<form method="post" action="/shared/${esc(token)}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus><button type="submit">Open</button>
</form>`,
  );
}

export function messagePage(heading: string, message: string): string {
  return page(heading, `<h1>${esc(heading)}</h1>\n<p>${esc(message)}</p>`);
}
