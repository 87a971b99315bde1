import { type DocumentNode, Kind, type OperationDefinitionNode, OperationTypeNode, print, type TypeNode } from 'graphql';
import { IDEMPOTENT_INPUTS } from './generated/idempotent-inputs.ts';

/** What the client needs to know about one generated operation document. */
export interface OperationInfo {
  query: string;
  /** Queries, and mutations whose input carries an idempotency key: repeating them changes nothing. */
  safeToRetry: boolean;
  /** The variables whose input type has an `idempotencyKey` field. */
  keyedVariables: string[];
}

/** The input type a variable is declared with, when it is one object (not a list). */
function inputTypeName(type: TypeNode): string | undefined {
  if (type.kind === Kind.NON_NULL_TYPE) return inputTypeName(type.type);
  return type.kind === Kind.NAMED_TYPE ? type.name.value : undefined;
}

function describe(document: DocumentNode): OperationInfo {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('The document has no operation');
  const keyedVariables = (operation.variableDefinitions ?? [])
    .filter((v) => IDEMPOTENT_INPUTS.has(inputTypeName(v.type) ?? ''))
    .map((v) => v.variable.name.value);
  const safeToRetry =
    operation.operation === OperationTypeNode.QUERY || (operation.operation === OperationTypeNode.MUTATION && keyedVariables.length > 0);
  return { query: print(document), safeToRetry, keyedVariables };
}

const described = new WeakMap<DocumentNode, OperationInfo>();

export function operationInfo(document: DocumentNode): OperationInfo {
  let info = described.get(document);
  if (!info) described.set(document, (info = describe(document)));
  return info;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The variables with an idempotency key in every keyed input that has none, so a retry of this call is
 * the same write; the caller's object is left alone.
 */
export function withIdempotencyKeys<V>(info: OperationInfo, variables: V): V {
  if (!isObject(variables)) return variables;
  const keyed: Record<string, unknown> = { ...variables };
  for (const name of info.keyedVariables) {
    const input = keyed[name];
    if (isObject(input) && input['idempotencyKey'] == null) keyed[name] = { ...input, idempotencyKey: crypto.randomUUID() };
  }
  return keyed as V;
}
