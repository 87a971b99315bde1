import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/connection';

export interface CostLimits {
  /** Most nodes the query could return: the product of `first` down each path, summed. */
  maxNodes: number;
  /** Most nested connections (fields taking `first`) on one path. */
  maxConnectionDepth: number;
  /** Operations that could return more nodes than this are large: at most `largeConcurrency` of them execute at once. */
  largeNodes?: number;
  largeConcurrency?: number;
}

/**
 * A first-come queue of turns. Each large answer holds tens of MB of rows and result objects while it is
 * built; ten at once on two cores only take longer each and multiply the heap, so they wait for a turn.
 */
export class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async take(): Promise<() => void> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
  }
}

export interface Tally {
  nodes: number;
  depth: number;
}

function firstOf(field: FieldNode, variables: Record<string, unknown>): number | null {
  const arg = field.arguments?.find((a) => a.name.value === 'first');
  if (!arg) return null;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'number' ? given : MAX_PAGE_SIZE;
  }
  return DEFAULT_PAGE_SIZE;
}

/** Walks the selection: each connection multiplies what it contains by its `first`. */
function tally(
  selectionSet: SelectionSetNode | undefined,
  multiplier: number,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  seen: Set<string>,
): Tally {
  const total: Tally = { nodes: 0, depth: 0 };
  for (const selection of selectionSet?.selections ?? []) {
    let inner: Tally;
    if (selection.kind === Kind.FIELD) {
      const first = firstOf(selection, variables);
      inner =
        first === null
          ? tally(selection.selectionSet, multiplier, fragments, variables, seen)
          : tally(selection.selectionSet, multiplier * first, fragments, variables, seen);
      if (first !== null) inner = { nodes: inner.nodes + multiplier * first, depth: inner.depth + 1 };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = tally(selection.selectionSet, multiplier, fragments, variables, seen);
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue; // a fragment cycle is rejected by validation anyway
      inner = tally(fragments[name]?.selectionSet, multiplier, fragments, variables, new Set([...seen, name]));
    }
    total.nodes += inner.nodes;
    total.depth = Math.max(total.depth, inner.depth);
  }
  return total;
}

/** How many nodes an operation could return and how deep its connections nest, for the given variables. */
export function operationCost(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Tally {
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return tally(operation.selectionSet, 1, fragments, variables, new Set());
}

/**
 * Refuses an operation before any resolver runs when it could return more than `maxNodes` nodes or nests
 * connections deeper than `maxConnectionDepth`, using the real `first` values (variables included).
 */
export function queryCostLimit(limits: CostLimits): ApolloServerPlugin {
  const turns = new Turns(limits.largeConcurrency ?? 2);
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async willSendResponse() {
          release?.();
        },
        async didResolveOperation({ operation, document, request }) {
          const cost = operationCost(document, operation as OperationDefinitionNode, request.variables ?? {});
          if (cost.depth > limits.maxConnectionDepth) {
            throw new GraphQLError(
              `The query nests ${cost.depth} connections; at most ${limits.maxConnectionDepth} are allowed. Split it into several queries.`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
              },
            );
          }
          if (cost.nodes > limits.maxNodes) {
            throw new GraphQLError(
              `The query could return ${cost.nodes.toLocaleString('en')} nodes; at most ${limits.maxNodes.toLocaleString('en')} are allowed. Lower \`first\` or page with \`after\`.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } },
            );
          }
          if (cost.nodes > (limits.largeNodes ?? 10_000)) release = await turns.take();
        },
      };
    },
  };
}
