import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLCompositeType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
} from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';

const operationsDir = join(__dirname, '../../sdk/operations');

/** Every definition of sdk/operations: operations and the fragments they share across files. */
function loadDefinitions() {
  const files = readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'));
  const definitions = files.flatMap((f) => parse(readFileSync(join(operationsDir, f), 'utf8')).definitions);
  const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { operations, fragments };
}

type Fragments = Map<string, FragmentDefinitionNode>;

/** The fields a selection set picks, fragments spread in, each with the type it is selected on. */
function fieldsOf(
  set: SelectionSetNode | undefined,
  type: GraphQLCompositeType,
  schema: GraphQLSchema,
  fragments: Fragments,
): { field: FieldNode; parent: GraphQLCompositeType }[] {
  return (set?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [{ field: selection, parent: type }];
    const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value)! : selection;
    const condition = fragment.typeCondition ? (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType) : type;
    return fieldsOf(fragment.selectionSet, condition, schema, fragments);
  });
}

/** Whether a connection's selection reads the cursor and the flag a script needs to fetch the next page. */
function selectsNextPage(connection: FieldNode, type: GraphQLCompositeType, schema: GraphQLSchema, fragments: Fragments) {
  const pageInfo = fieldsOf(connection.selectionSet, type, schema, fragments).filter(({ field }) => field.name.value === 'pageInfo');
  const names = new Set(
    pageInfo.flatMap(({ field }) =>
      fieldsOf(field.selectionSet, schema.getType('PageInfo') as GraphQLCompositeType, schema, fragments).map((f) => f.field.name.value),
    ),
  );
  return names.has('endCursor') && names.has('hasNextPage');
}

/** Paths (Operation.field.field) of the connections an operation pages with a variable `after` but cannot page past. */
function unpageable(operation: OperationDefinitionNode, schema: GraphQLSchema, fragments: Fragments): string[] {
  const root = schema.getRootType(operation.operation)!;
  const walk = (set: SelectionSetNode | undefined, type: GraphQLCompositeType, path: string): string[] =>
    fieldsOf(set, type, schema, fragments).flatMap(({ field, parent }) => {
      if (!isObjectType(parent) && !isInterfaceType(parent)) return [];
      const named = getNamedType(parent.getFields()[field.name.value].type);
      if (!isCompositeType(named)) return [];
      const here = `${path}.${field.name.value}`;
      const pagedByVariable = field.arguments?.some((a) => a.name.value === 'after' && a.value.kind === Kind.VARIABLE);
      const missing = named.name.endsWith('Connection') && pagedByVariable && !selectsNextPage(field, named, schema, fragments);
      return [...(missing ? [here] : []), ...walk(field.selectionSet, named, here)];
    });
  return walk(operation.selectionSet, root, operation.name!.value);
}

describe('SDK list operations', () => {
  it('select pageInfo { endCursor hasNextPage } on every connection they page with $after', () => {
    const schema = buildAppSchema();
    const { operations, fragments } = loadDefinitions();
    expect(operations.flatMap((operation) => unpageable(operation, schema, fragments))).toEqual([]);
  });
});
