/**
 * Per-request DataLoaders: created with the request's principal so every
 * batch is scoped to its organisation. Each says why it exists.
 */
import type { Principal } from '../accounts/api-keys.ts';
import type { Services } from '../services.ts';

export type Loaders = Record<string, never>;

export function createLoaders(_services: Services, _principal: Principal): Loaders {
  return {};
}
