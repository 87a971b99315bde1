import { GraphQLScalarType, Kind, print } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { AppError } from '../../src/core/errors';

const EXAMPLE = '2026-12-01T09:30:00Z';

/** What to write instead, with a fix when the value is a date without its time. */
function hint(shown: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(shown) ? ` For midnight UTC of that day, write "${shown}T00:00:00Z".` : '';
  return `Expected a date and time in ISO 8601 with a time zone, such as ${EXAMPLE} or 2026-12-01T09:30:00+02:00; got ${JSON.stringify(shown)}.${dateOnly}`;
}

function parsedOrRefused(parse: () => Date, shown: string): Date {
  try {
    return parse();
  } catch {
    throw new AppError('BAD_USER_INPUT', hint(shown));
  }
}

/**
 * type-graphql's Date scalar (graphql-scalars' DateTimeISO, same name and output) with a refusal that
 * says which format it expects, as a variable and as a literal in the query.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  parseValue: (value) =>
    parsedOrRefused(() => GraphQLDateTimeISO.parseValue(value), typeof value === 'string' ? value : JSON.stringify(value)),
  parseLiteral: (ast, variables) =>
    parsedOrRefused(() => GraphQLDateTimeISO.parseLiteral(ast, variables), ast.kind === Kind.STRING ? ast.value : print(ast)),
});
