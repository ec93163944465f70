import type { Principal } from '../accounts/api-keys.ts';
import type { Services } from '../services.ts';
import type { Loaders } from './loaders.ts';

/** Built once per request (or per subscription). */
export interface Context {
  services: Services;
  /** The API key's organisation and role; null when no valid key was sent. */
  principal: Principal | null;
  loaders: Loaders;
}

export function orgOf(ctx: Context): string {
  if (!ctx.principal) throw new Error('unauthenticated context reached a resolver');
  return ctx.principal.orgId;
}
