/**
 * Builds the console (src/web/app) with esbuild into .data/web, once per
 * source change: a hash of the sources names the build, so a fresh checkout or
 * an edited file rebuilds at the first request and an unchanged tree does not.
 * Nothing built is committed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CONSOLE_SOURCE = path.join(here, 'app');
const CONSOLE_OUT = path.resolve(here, '../../.data/web');
/** Modules outside app/ the console bundles (shared with the PDF and the shared page), and the client packages. */
const SHARED_SOURCES = ['../render/charts.ts', '../render/labels.ts', '../render/escape.ts'].map((f) => path.join(here, f));
const PACKAGES = ['graphql-ws', 'graphql-sse'].map((p) => path.resolve(here, `../../node_modules/${p}/package.json`));
const FILES = ['index.html', 'app.js', 'app.css', 'favicon.svg'] as const;

export interface ConsoleAssets {
  'index.html': Buffer;
  'app.js': Buffer;
  'app.css': Buffer;
  'favicon.svg': Buffer;
  /** Hash of the sources the assets were built from; serves as the ETag. */
  hash: string;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])));
  return nested.flat().sort();
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  // The bundled client packages and shared modules are part of the output too.
  for (const file of PACKAGES) hash.update(await readFile(file).catch(() => Buffer.from('')));
  for (const file of [...SHARED_SOURCES, ...(await sourceFiles(CONSOLE_SOURCE))]) {
    hash.update(path.relative(CONSOLE_SOURCE, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function readBuilt(dir: string, hash: string): Promise<ConsoleAssets | null> {
  try {
    if ((await readFile(path.join(dir, 'source-hash'), 'utf8')) !== hash) return null;
    const [html, js, css, icon] = await Promise.all(FILES.map((f) => readFile(path.join(dir, f))));
    return { 'index.html': html!, 'app.js': js!, 'app.css': css!, 'favicon.svg': icon!, hash };
  } catch {
    return null;
  }
}

/** Returns the built console, building it first when missing or stale. */
export async function buildConsole(outDir = CONSOLE_OUT): Promise<ConsoleAssets> {
  const hash = await sourceHash();
  const existing = await readBuilt(outDir, hash);
  if (existing) return existing;

  // Loaded only when a build is needed: serving a fresh build costs no esbuild start.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { app: path.join(CONSOLE_SOURCE, 'main.ts'), 'app-style': path.join(CONSOLE_SOURCE, 'app.css') },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    outdir: 'out',
    logLevel: 'silent',
  });
  const output = (suffix: string) => {
    const file = result.outputFiles.find((f) => f.path.endsWith(suffix));
    if (!file) throw new Error(`esbuild produced no ${suffix}`);
    return Buffer.from(file.contents);
  };
  const assets: ConsoleAssets = {
    'index.html': await readFile(path.join(CONSOLE_SOURCE, 'index.html')),
    'app.js': output('app.js'),
    'app.css': output('app-style.css'),
    'favicon.svg': await readFile(path.join(CONSOLE_SOURCE, 'favicon.svg')),
    hash,
  };

  // Written aside then renamed, so concurrent processes never serve a half-written build.
  await mkdir(path.dirname(outDir), { recursive: true });
  const temporary = `${outDir}.${process.pid}.${Date.now()}`;
  await mkdir(temporary, { recursive: true });
  for (const name of FILES) await writeFile(path.join(temporary, name), assets[name]);
  await writeFile(path.join(temporary, 'source-hash'), hash);
  await rm(outDir, { recursive: true, force: true });
  await rename(temporary, outDir).catch(async () => {
    // Another process renamed its identical build first.
    await rm(temporary, { recursive: true, force: true });
  });
  return assets;
}
