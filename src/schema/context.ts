import type { Actor } from '../access.ts';
import type { Principal } from '../accounts/api-keys.ts';
import type { Services } from '../services.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** Built once per request (or per subscription). */
export interface Context {
  services: Services;
  /** The API key's organisation and role; null when no valid key was sent. */
  principal: Principal | null;
  /** Who acts, as every domain function that changes or discloses something records it; null with the principal. */
  actor: Actor | null;
  loaders: Loaders;
}

/** The context of an authenticated request (the server refuses the others before any resolver runs). */
export function createContext(services: Services, principal: Principal): Context {
  return { services, principal, actor: { orgId: principal.orgId, name: principal.keyName, actorId: principal.keyId }, loaders: createLoaders(services, principal) };
}

export function orgOf(ctx: Context): string {
  if (!ctx.principal) throw new Error('unauthenticated context reached a resolver');
  return ctx.principal.orgId;
}

export function actorOf(ctx: Context): Actor {
  if (!ctx.actor) throw new Error('unauthenticated context reached a resolver');
  return ctx.actor;
}
