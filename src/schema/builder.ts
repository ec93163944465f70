/**
 * The Pothos builder: plugins, context type, scalars and auth scopes. It
 * defines no types; each domain file in this folder registers its own.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin, { resolveNodes } from '@pothos/plugin-relay';
import ScopeAuthPlugin, { type AuthFailure } from '@pothos/plugin-scope-auth';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { can, rolesFor, type Action } from '../access.ts';
import { DomainError, forbidden, unauthenticated } from '../errors.ts';
import { globalId, parseGlobalId } from '../ids.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from './context.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { can: Action };
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Subscriptions are authorised when they are created, not at their first event: a stream with
    // nothing to say yet would otherwise stay open for a role that may not read it.
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({ can: (action: Action) => ctx.principal !== null && can(ctx.principal.role, action) }),
    unauthorizedError: (_parent, ctx, info, result) => {
      if (!ctx.principal) return unauthenticated();
      const action = findAction(result.failure);
      const needed = action ? ` (needs role ${rolesFor(action).join(' or ')})` : '';
      return forbidden(`Your API key's role "${ctx.principal.role}" may not use ${info.parentType.name}.${info.fieldName}${needed}`);
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: globalId,
    // Ids of another organisation (or malformed ones) answer NOT_FOUND, never a parse error.
    decodeGlobalID: (globalID) => {
      const parsed = parseGlobalId(globalID);
      if (!parsed) throw new DomainError('NOT_FOUND', `No object has the id "${globalID}"`);
      return parsed;
    },
    // A type that is not a node, or not loadable by id (Schedule, ShareLink…), is an unknown id like any other.
    nodeQueryOptions: {
      resolve: (_root, { id }, _ctx, _info, resolveNode) => {
        if (!loadableById(id.typename)) throw unknownId(id);
        return resolveNode(id);
      },
    },
    nodesQueryOptions: {
      // Each id on its own: the loadable ones are loaded together, the others answer NOT_FOUND.
      resolve: (_root, { ids }, ctx, info) => resolveEachNode(ids, ctx, info),
    },
  },
});

builder.addScalarType('DateTime', DateTimeResolver, { description: 'An instant as an ISO 8601 string with offset.' });
builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' });

builder.queryType({ description: 'Everything a key may read, scoped to its organisation.' });
builder.mutationType({ description: 'Changes, each authorised by the key\'s role.' });

/** Whether node(id:) can load objects of `typename` (an object type with a loader). */
function loadableById(typename: string): boolean {
  let options: Record<string, unknown>;
  try {
    options = (builder as unknown as { configStore: { getTypeConfig(name: string, kind: 'Object'): { pothosOptions: unknown } } }).configStore.getTypeConfig(typename, 'Object').pothosOptions as Record<string, unknown>;
  } catch {
    return false; // no such object type
  }
  return ['loadOne', 'loadMany', 'loadWithoutCache', 'loadManyWithoutCache'].some((name) => typeof options[name] === 'function');
}

async function resolveEachNode(ids: GlobalId[], ctx: Context, info: GraphQLResolveInfo): Promise<unknown[]> {
  const loadable = ids.filter((id) => loadableById(id.typename));
  const loaded: unknown[] = await resolveNodes(builder as never, ctx, info, loadable);
  return ids.map((id) => (loadableById(id.typename) ? loaded[loadable.indexOf(id)] : Promise.reject(unknownId(id))));
}

type GlobalId = { typename: string; id: string };

const unknownId = (id: { typename: string; id: string }) => new DomainError('NOT_FOUND', `No object has the id "${globalId(id.typename, id.id)}"`);

/** The action a failed scope check asked for, to name the roles that have it. */
function findAction(failure: AuthFailure): Action | undefined {
  if ('parameter' in failure && failure.scope === 'can') return failure.parameter as Action;
  if ('failures' in failure) return failure.failures.map(findAction).find(Boolean);
  return undefined;
}
