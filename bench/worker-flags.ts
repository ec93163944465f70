import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The V8 flags of `npm run worker` (package.json), so the bench measures the worker as deployed. */
export function workerFlags(root: string): string[] {
  const script = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.worker!;
  return script.split(/\s+/).filter((token) => token.startsWith('--'));
}
