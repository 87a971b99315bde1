import { FieldNode, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, Kind, SelectionSetNode } from 'graphql';
import { IMiddleware } from 'graphql-middleware';
import { and, deny, IRules, rule, shield } from 'graphql-shield';
import type { Context } from './context';
import { ForbiddenError } from '../core/errors';
import { AccessArgs, accessOf, AccessRule, AgentCheck } from './access';
import { UnauthenticatedError } from '../core/errors';
import { AccessScope } from '../core/request-scope';

type ShieldRule = Parameters<typeof and>[number];

const LOG_IN = 'Log in first: send "Authorization: Bearer <accessToken>" (the login mutation gives one).';

/** Rule results are cached per request ("contextual"), so a field costs a map lookup, not a check. */
const hasScope = (scope: AccessScope) =>
  rule(`scope:${scope}`, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.viewer) return new UnauthenticatedError(LOG_IN);
    return ctx.viewer.scopes.includes(scope) ? true : new ForbiddenError(`This needs the ${scope} scope, which your token does not carry.`);
  });

const isLoggedIn = rule('loggedIn', { cache: 'contextual' })((_p, _a, ctx: Context) =>
  ctx.viewer ? true : new UnauthenticatedError(LOG_IN),
);
const open = rule('open', { cache: 'no_cache' })(() => true);
const canRead = hasScope('msp:read');
const canWrite = hasScope('msp:write');
const isAdmin = hasScope('msp:admin');

const notAgent = rule('notAgent', { cache: 'contextual' })((_p, _a, ctx: Context) =>
  ctx.viewer?.sessionId ? new ForbiddenError('Agent tokens may only record work in their own session.') : true,
);

/** Agent tokens may write only to their own session (input.sessionId); people may write anywhere. */
const ownSessionIfAgent = rule('ownSessionIfAgent', { cache: 'strict' })((_p, args: { input?: { sessionId?: string } }, ctx: Context) => {
  if (!ctx.viewer?.sessionId) return true;
  return String(args.input?.sessionId) === String(ctx.viewer.sessionId)
    ? true
    : new ForbiddenError(`This agent token may only write to session ${ctx.viewer.sessionId}.`);
});

/** The field selections of a selection set, fragments spread (introspection's __typename left out). */
function* fieldsOf(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo): Generator<FieldNode> {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) yield selection;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) yield* fieldsOf(selection.selectionSet, info);
    else yield* fieldsOf(info.fragments[selection.name.value]?.selectionSet, info);
  }
}

/**
 * A writer's own mutation result: the fields of the returned object and the scalar fields of the objects
 * directly inside it, nothing deeper (a selection of depth 3 at most, leaves only at the last level).
 */
function withinOwnResult(info: GraphQLResolveInfo): boolean {
  for (const node of info.fieldNodes) {
    for (const field of fieldsOf(node.selectionSet, info)) {
      for (const inner of fieldsOf(field.selectionSet, info)) if (inner.selectionSet) return false;
    }
  }
  return true;
}

const selectsNothingNested = (info: GraphQLResolveInfo) => info.fieldNodes.every((node) => fieldsOf(node.selectionSet, info).next().done);

/**
 * What a root field returns may be read with msp:read; a writer without it sees its own mutation's result
 * (withinOwnResult). Checked on the root field against the whole selection, before the resolver runs, so the
 * fields inside need no rule of their own, and a refused read never follows a write that landed.
 */
const canReadResult = rule('readResult', { cache: 'no_cache' })((_p, _a, ctx: Context, info: GraphQLResolveInfo) => {
  if (ctx.viewer?.scopes.includes('msp:read') || selectsNothingNested(info)) return true;
  if (info.operation.operation === 'mutation' && ctx.viewer?.scopes.includes('msp:write') && withinOwnResult(info)) return true;
  return ctx.viewer
    ? new ForbiddenError('This needs the msp:read scope, which your token does not carry.')
    : new UnauthenticatedError(LOG_IN);
});

/** People read anything msp:read allows; agent tokens only what the operation's own check lets through. */
const agentReads = (field: string, check: AgentCheck | undefined) =>
  rule(`agentRead:${field}`, { cache: 'strict' })((_p, args: AccessArgs, ctx: Context) => {
    if (!ctx.viewer?.sessionId) return true;
    return check?.(args, ctx.viewer)
      ? true
      : new ForbiddenError(
          `Agent tokens read only their own session and its client: ask for session(id: ${ctx.viewer.sessionId}) or filter by its clientId.`,
        );
  });

/** The shield rule for a root field, from the access it declared beside its definition. */
function rootRule(field: string, access: AccessRule): ShieldRule {
  switch (access.kind) {
    case 'anyone':
      // logging in: the answer is the caller's own new tokens
      return open;
    case 'signedIn':
      return and(isLoggedIn, canReadResult);
    case 'admins':
      return and(isAdmin, notAgent, canReadResult);
    case 'readers':
      return and(canRead, agentReads(field, access.agents));
    case 'writers':
      if (access.agents === 'ownSession') return and(canWrite, ownSessionIfAgent, canReadResult);
      // the service refuses agent tokens where it must, with a message that says why
      if (access.agents === 'checkedByService') return and(canWrite, canReadResult);
      return and(canWrite, notAgent, canReadResult);
  }
}

/** Every query and mutation declares its access (`@Access(…)`, or the `access` option of the building blocks). */
export function assertAccessDeclared(schema: GraphQLSchema): void {
  const undeclared = rootTypes(schema).flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => !accessOf(field.extensions))
      .map((field) => `${type.name}.${field.name}`),
  );
  if (undeclared.length) throw new Error(`These operations declare no access (add @Access(…) beside them): ${undeclared.join(', ')}`);
}

/** The root types: every way into the schema (there are no subscriptions). */
export const rootTypes = (schema: GraphQLSchema): GraphQLObjectType[] =>
  [schema.getQueryType(), schema.getMutationType()].filter((type) => type != null);

/** The shield rule of every root field, from the access it declared. */
export function rootRules(schema: GraphQLSchema): IRules {
  return Object.fromEntries(
    rootTypes(schema).map((type) => [
      type.name,
      Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, rootRule(field.name, accessOf(field.extensions)!)])),
    ]),
  );
}

/**
 * graphql-shield on the root fields, the only ways into the graph: each follows the access it declared (a
 * root field without a rule is denied with FORBIDDEN), and its rule also decides whether the caller may read
 * what it returns. Fields inside get no middleware: wrapping each of thousands of nested fields cost more
 * than the rest of a large query, and decided nothing the root had not.
 */
export function permissions(schema: GraphQLSchema): IMiddleware {
  const generator = shield(rootRules(schema), {
    fallbackRule: deny,
    fallbackError: new ForbiddenError('Not allowed.'),
    allowExternalErrors: true,
  });
  const roots = new Set(rootTypes(schema).map((type) => type.name));
  const all = generator.generate(schema) as Record<string, IMiddleware>;
  return Object.fromEntries(Object.entries(all).filter(([type]) => roots.has(type))) as IMiddleware;
}

/**
 * The same decision for a plain HTTP route (CSV export, charts) that a GraphQL root field with this
 * rule gets: null when allowed, else the error to answer with.
 */
export function refusal(access: AccessRule, viewer: Context['viewer'], args: AccessArgs): Error | null {
  if (access.kind === 'anyone') return null;
  if (!viewer) return new UnauthenticatedError(LOG_IN);
  if (access.kind === 'signedIn') return null;
  const needed: AccessScope = access.kind === 'admins' ? 'msp:admin' : access.kind === 'writers' ? 'msp:write' : 'msp:read';
  if (!viewer.scopes.includes(needed)) return new ForbiddenError(`This needs the ${needed} scope, which your token does not carry.`);
  if (!viewer.sessionId) return null;
  if (access.kind === 'readers' && access.agents?.(args, viewer)) return null;
  return new ForbiddenError('Agent tokens read only their own session and its client.');
}
