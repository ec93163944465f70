/**
 * Checks every string a GraphQL operation carries, in one place, before
 * anything runs: PostgreSQL text cannot hold NUL (U+0000), so a NUL in any
 * argument (inline or in variables) is BAD_USER_INPUT naming where it is,
 * never a failed query answered INTERNAL_SERVER_ERROR.
 */
import { visit, type ExecutionArgs, type GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const NUL = '\u0000';

const nulError = (field: string) =>
  createGraphQLError(`${field} contains a NUL character (\\u0000), which cannot be stored; remove it`, {
    extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
  });

/** Arguments whose items the domain validates one by one: a NUL there rejects only its item, by index. */
const PER_ITEM = ['ingestAuditEvents.events'];
const perItem = (path: string) => PER_ITEM.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));

/** The paths of the strings under `value` that hold a NUL, e.g. `[2].name`. */
function* nulPaths(value: unknown, path = ''): Generator<string> {
  if (typeof value === 'string') {
    if (value.includes(NUL)) yield path;
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* nulPaths(value[i], `${path}[${i}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) yield* nulPaths(inner, `${path}.${key}`);
  }
}

/**
 * Where the first NUL is, named by the argument that carries it (e.g.
 * `createApiKey.input.name`), whether written inline or sent in a variable.
 */
function firstNul(args: Pick<ExecutionArgs, 'document' | 'variableValues'>): GraphQLError | null {
  const path: string[] = [];
  let inline: string | null = null;
  // Each variable's first use: its argument path.
  const uses = new Map<string, string>();
  visit(args.document, {
    Field: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    StringValue(node) {
      const at = path.join('.');
      if (!inline && node.value.includes(NUL) && !perItem(at)) inline = at;
    },
    Variable(node) {
      if (path.length && !uses.has(node.name.value)) uses.set(node.name.value, path.join('.'));
    },
  });
  if (inline) return nulError(inline);
  for (const [name, value] of Object.entries(args.variableValues ?? {})) {
    const use = uses.get(name);
    for (const inner of nulPaths(value)) {
      const at = use ? `${use}${inner}` : `$${name}${inner}`;
      if (!perItem(at)) return nulError(at);
    }
  }
  return null;
}
export function useRejectNul(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = firstNul(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = firstNul(args);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
