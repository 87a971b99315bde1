import { Max, Min } from 'class-validator';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { cursorFor, SortOrder } from './sort-order';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items to return (1 to ${MAX_PAGE_SIZE}).` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an edge cursor or pageInfo.endCursor).' })
  after?: string | null;
}

@ObjectType({ description: 'Where a page sits in its list (Relay).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow this page; fetch them with after: endCursor.' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'True when this page was requested with a cursor, so items precede it.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; pass it as `after` for the next page.' })
  endCursor: string | null;
}

/** One page of rows as fetched: up to `first` rows, and whether one more existed. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  order: SortOrder<T>;
}

/** Builds a page from rows fetched with LIMIT first + 1. */
export function toPage<T>(rows: T[], args: PageArgs, order: SortOrder<T>): Page<T> {
  return { rows: rows.slice(0, args.first), hasNextPage: rows.length > args.first, hasPreviousPage: Boolean(args.after), order };
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * A Relay connection type for `node`: edges, nodes, pageInfo and a totalCount that is only
 * counted (one grouped COUNT) when the query selects it.
 */
export function Connection<T extends object>(node: ClassType<T>, typeName: string = node.name) {
  @ObjectType(`${typeName}Edge`, { description: `A ${typeName} in a list, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Opaque position of this item; pass it as `after` to continue after it.' })
    cursor: string;

    @Field(() => node, { description: `The ${typeName}.` })
    node: T;
  }

  // Decorated so its fields are inherited; only the named subclasses (ClientConnection, …) are reachable, so only they are emitted.
  @ObjectType(`${typeName}ConnectionBase`)
  abstract class ConnectionBase implements ConnectionShape<T> {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges: Edge[];

    @Field(() => [node], { description: 'The items of this page, without cursors (shorter to select).' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether more items exist.' })
    pageInfo: PageInfo;

    countAll: () => Promise<number>;

    @Field(() => Int, { description: 'How many items match the filters in the whole list, across all pages.' })
    totalCount(): Promise<number> {
      return this.countAll();
    }
  }
  return ConnectionBase;
}

/**
 * Turns a fetched page into a connection object; `countAll` runs only if totalCount is selected. Edges and
 * cursors are made when the query reads them: most nested queries select `nodes` only.
 */
export function toConnection<T extends { id: number }, C extends object>(
  ConnectionType: ClassType<C>,
  page: Page<T>,
  countAll: () => Promise<number>,
): C {
  const { rows, order } = page;
  const connection = Object.assign(new ConnectionType(), {
    nodes: rows,
    countAll,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get startCursor() {
        return rows.length ? cursorFor(rows[0], order) : null;
      },
      get endCursor() {
        return rows.length ? cursorFor(rows[rows.length - 1], order) : null;
      },
    } satisfies PageInfo,
  });
  let edges: { cursor: string; node: T }[] | undefined;
  Object.defineProperty(connection, 'edges', {
    enumerable: true,
    get: () => (edges ??= rows.map((row) => ({ cursor: cursorFor(row, order), node: row }))),
  });
  return connection as C;
}
