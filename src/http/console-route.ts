/**
 * Serves the web console at `/`: one HTML page, one script, one stylesheet,
 * built on first request (see web/build.ts). The page carries no data: it is a
 * client of the public GraphQL API like any other.
 */
import { addRoute } from './routes.ts';
import { buildConsole, type ConsoleAssets } from '../web/build.ts';

let assets: Promise<ConsoleAssets> | null = null;

/** Builds (or loads) the console now; the server calls it at start so the first visitor does not wait. */
function prepareConsole(): Promise<ConsoleAssets> {
  assets ??= buildConsole().catch((error) => {
    assets = null;
    throw error;
  });
  return assets;
}

/** Hosts are echoed into the CSP, so only host characters pass. */
const safeHost = (host: string | null) => (host && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? host : null);

function securityHeaders(request: Request): Record<string, string> {
  const host = safeHost(request.headers.get('host'));
  // 'self' covers same-origin ws: in current browsers; the explicit origin covers older ones.
  const sockets = host ? ` ws://${host} wss://${host}` : '';
  return {
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self'${sockets}`,
      "form-action 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  };
}

const TYPES = { 'index.html': 'text/html; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8', 'favicon.svg': 'image/svg+xml' } as const;

function serve(file: keyof typeof TYPES) {
  return async ({ request }: { request: Request }) => {
    const built = await prepareConsole();
    const etag = `"${built.hash}"`;
    const headers = { ...securityHeaders(request), 'content-type': TYPES[file], etag, 'cache-control': 'no-cache' };
    if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(built[file]), { headers });
  };
}

addRoute({ method: 'GET', path: '/', handler: serve('index.html') });
addRoute({ method: 'GET', path: '/index.html', handler: serve('index.html') });
addRoute({ method: 'GET', path: '/app.js', handler: serve('app.js') });
addRoute({ method: 'GET', path: '/app.css', handler: serve('app.css') });
// Browsers ask for /favicon.ico on any page (the shared page too): the same icon, not a 404.
addRoute({ method: 'GET', path: '/favicon.svg', handler: serve('favicon.svg') });
addRoute({ method: 'GET', path: '/favicon.ico', handler: serve('favicon.svg') });

// Build at server start (a no-op when the sources are unchanged); a failure is retried on the first request.
prepareConsole().catch(() => {});
