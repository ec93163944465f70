/**
 * One execution per event for every subscriber of the same subscription.
 * graphql-js executes a subscription's selection set once per event per
 * subscriber: 500 clients following one report ran the same execution 500
 * times for each change, a third of the time it took to tell them all.
 * Every subscriber of a change receives the same object (src/realtime/pubsub.ts),
 * so the result of the same operation (document, variables) for the same
 * organisation and role on that object is computed once and shared. Events
 * that are not shared objects (each stream's first, current state) execute
 * as before.
 */
import { createSourceEventStream, execute, getOperationAST, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { createGraphQLError, isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Context } from '../schema/context.ts';

export function useSharedSubscriptionEvents(): Plugin<Context> {
  // Documents come from yoga's parse cache: one object per query text.
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  const results = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();

  const sharingKey = (args: ExecutionArgs): string | null => {
    const principal = (args.contextValue as Context | undefined)?.principal;
    if (!principal) return null;
    let documentId = documentIds.get(args.document);
    if (documentId === undefined) documentIds.set(args.document, (documentId = nextDocumentId++));
    return JSON.stringify([documentId, args.operationName ?? null, args.variableValues ?? {}, principal.orgId, principal.role]);
  };

  const subscribe = async (args: ExecutionArgs, original: (args: ExecutionArgs) => unknown) => {
    const source = await createSourceEventStream(args);
    // Refused (bad variables, not allowed…): the usual path words and codes the errors.
    if (!isAsyncIterable(source)) return original(args);
    const key = sharingKey(args);
    const operation = getOperationAST(args.document, args.operationName);
    const executeEvent = (payload: unknown) => execute({ ...args, rootValue: payload });
    // As graphql-js and graphql-tools do: an error of the source stream becomes the operation's error.
    const wrap = (error: unknown) => createGraphQLError(error instanceof Error ? error.message : String(error), { originalError: error as Error, nodes: operation ? [operation] : [] });
    return mapAsyncIterator(
      source,
      (payload) => {
        if (key === null || typeof payload !== 'object' || payload === null) return executeEvent(payload);
        let byKey = results.get(payload);
        if (!byKey) results.set(payload, (byKey = new Map()));
        let result = byKey.get(key);
        if (!result) byKey.set(key, (result = executeEvent(payload)));
        return result;
      },
      (error: unknown) => {
        throw error instanceof AggregateError ? new AggregateError(error.errors.map(wrap), error.message) : wrap(error);
      },
    );
  };

  return {
    onSubscribe({ subscribeFn, setSubscribeFn }) {
      setSubscribeFn(((args: ExecutionArgs) => subscribe(args, subscribeFn as never)) as never);
    },
  };
}
