import { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, DocumentNode, GraphQLError, Kind, OperationDefinitionNode, visit } from 'graphql';

/** Control characters other than tab, newline and carriage return; no record should hold them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why a string may not be stored, or null when it may. */
export function stringProblem(value: string): string | null {
  if (CONTROL.test(value)) return 'must not contain control characters (other than tab, newline and carriage return)';
  if (!value.isWellFormed()) return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

const refused = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });

const badString = (field: string, problem: string) => refused('BAD_USER_INPUT', `${field}: ${problem}.`, { field });

/** The first unusable string in the variables, named by its path (`input.name`, `ids.2`). */
function checkVariables(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem) throw badString(path, problem);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkVariables(item, `${path}.${i}`));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) checkVariables(item, path ? `${path}.${key}` : key);
  }
}

/** Documents whose literals passed: Apollo caches parsed documents, so a repeated query is walked once. */
const cleanDocuments = new WeakSet<DocumentNode>();

/** The first unusable string literal in the document, named by the argument and input fields around it. */
function checkLiterals(document: DocumentNode): void {
  if (cleanDocuments.has(document)) return;
  const names: string[] = [];
  const named = (node: ASTNode) => node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD;
  visit(document, {
    enter(node) {
      if (named(node)) names.push((node as { name: { value: string } }).name.value);
      if (node.kind === Kind.STRING) {
        const problem = stringProblem(node.value);
        if (problem) throw badString(names.join('.') || 'query', problem);
      }
    },
    leave(node) {
      if (named(node)) names.pop();
    },
  });
  cleanDocuments.add(document);
}

const operationNames = (document: DocumentNode) =>
  document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((d) => d.name?.value ?? '(anonymous)');

/** Says which operation the request could have meant, when operationName picks none. */
function unresolvedOperation(document: DocumentNode, operationName: string | undefined): GraphQLError {
  const names = operationNames(document);
  const message = operationName
    ? `The document has no operation named "${operationName.slice(0, 100)}"; it has ${names.join(', ')}.`
    : `The document has ${names.length} operations (${names.join(', ')}): name the one to run with operationName.`;
  return refused('OPERATION_RESOLUTION_FAILURE', message);
}

/**
 * Client mistakes Apollo would otherwise answer with a 500, refused with a 400 and a code before any
 * resolver runs: an operationName the document lacks, a subscription (this API serves none), and
 * strings no record should hold (control characters, lone surrogates) anywhere in the input.
 */
export const requestGuards: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request }) {
        if (!operation) throw unresolvedOperation(document, request.operationName);
        if (operation.operation === 'subscription') {
          throw refused('BAD_REQUEST', 'This API has no subscriptions: send a query or a mutation.');
        }
        checkLiterals(document);
        checkVariables(request.variables ?? {}, '');
      },
    };
  },
};
