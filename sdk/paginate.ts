import type { MspCallOptions } from './client.ts';

interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

interface Connection {
  pageInfo: PageInfo;
  nodes?: unknown[];
  edges?: { node: unknown }[];
}

type Depth = [never, 0, 1, 2, 3];

/** The node type of a connection: `nodes: N[]` or `edges: { node: N }[]`. */
type ConnectionNode<C> = C extends { nodes: ReadonlyArray<infer N> }
  ? N
  : C extends { edges: ReadonlyArray<{ node: infer N }> }
    ? N
    : never;

/** The nodes of the connection in an answer, looked for a few levels deep and never inside lists. */
export type PageNode<R, D extends number = 4> = [D] extends [never]
  ? never
  : R extends { pageInfo: PageInfo }
    ? ConnectionNode<R>
    : R extends ReadonlyArray<unknown>
      ? never
      : R extends object
        ? { [K in keyof R]-?: PageNode<NonNullable<R[K]>, Depth[D]> }[keyof R]
        : never;

/** An SDK method whose variables take `after`. */
type PagedOperation = (variables: never, options?: MspCallOptions) => Promise<unknown>;

/** The variables of a method; never for one without `after`, so paginate refuses it. */
export type PageVariables<F> = F extends (variables: infer V, options?: MspCallOptions) => Promise<unknown>
  ? 'after' extends keyof NonNullable<V>
    ? Omit<NonNullable<V>, 'after'>
    : never
  : never;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one connection in an answer (an object with pageInfo, not inside a list); undefined when its parent is null. */
function connectionIn(answer: unknown): Connection | undefined {
  const found: Connection[] = [];
  const walk = (value: unknown) => {
    if (!isObject(value)) return;
    if (isObject(value['pageInfo'])) found.push(value as unknown as Connection);
    else Object.values(value).forEach(walk);
  };
  walk(answer);
  if (found.length > 1) throw new Error(`paginate follows one connection, and this answer has ${found.length}`);
  return found[0];
}

/**
 * Every node of the connection an operation answers with, page after page: the next page is asked for
 * with `after: pageInfo.endCursor` while `hasNextPage`. `for await (const s of paginate(client.Sessions, { first: 50 }))`.
 */
export async function* paginate<F extends PagedOperation>(
  operation: F,
  variables: PageVariables<F>,
  options?: MspCallOptions,
): AsyncGenerator<PageNode<Awaited<ReturnType<F>>>, void, undefined> {
  const call = operation as unknown as (variables: object, options?: MspCallOptions) => Promise<unknown>;
  let after: string | null = null;
  do {
    const connection = connectionIn(await call({ ...variables, after }, options));
    if (!connection) return;
    const nodes = connection.nodes ?? connection.edges?.map((edge) => edge.node) ?? [];
    yield* nodes as PageNode<Awaited<ReturnType<F>>>[];
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after !== null);
}
