import {
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** A literal for a required input of this type: the smallest value that passes GraphQL's own validation. */
function sampleLiteral(type: GraphQLInputType): string {
  if (isNonNullType(type)) return sampleLiteral(type.ofType);
  if (isListType(type)) return `[${sampleLiteral(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${sampleLiteral(f.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    if (type.name === 'Int' || type.name === 'Float') return '1';
    if (type.name === 'Boolean') return 'true';
    if (type.name === 'DateTimeISO') return '"2026-01-01T00:00:00Z"';
    if (type.name === 'ID') return '"999999"'; // no such row: samples never touch the test's own data
    return '"1"';
  }
  throw new Error(`no sample for ${String(type)}`);
}

const requiredArgs = (args: readonly GraphQLArgument[]) => args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);

function document(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = requiredArgs(field.args);
  const argText = args.length ? `(${args.map((a) => `${a.name}: ${sampleLiteral(a.type)}`).join(', ')})` : '';
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${argText}${selection} }`;
}

/** One valid document per root field of the schema, read from the schema itself (not listed by hand). */
export function sampleOperations(schema: GraphQLSchema): { name: string; kind: 'query' | 'mutation'; query: string }[] {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({
      name: f.name,
      kind: 'query' as const,
      query: document('query', f),
    })),
    ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({
      name: f.name,
      kind: 'mutation' as const,
      query: document('mutation', f),
    })),
  ];
}
