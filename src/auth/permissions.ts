import { getNamedType, GraphQLResolveInfo, GraphQLSchema, isLeafType, isObjectType, ResponsePath } from 'graphql';
import { and, deny, IRules, rule, shield } from 'graphql-shield';
import type { Context } from '../context';
import { ForbiddenError } from '../core/errors';
import { AccessArgs, accessOf, AccessRule, AgentCheck } from './access';
import { UnauthenticatedError } from '../core/errors';
import { AccessScope } from "../core/request-scope";

type ShieldRule = Parameters<typeof and>[number];

const LOG_IN = 'Log in first: send "Authorization: Bearer <accessToken>" (the login mutation gives one).';

/** Rule results are cached per request ("contextual"), so a field costs a map lookup, not a check. */
const hasScope = (scope: AccessScope) =>
  rule(`scope:${scope}`, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.viewer) return new UnauthenticatedError(LOG_IN);
    return ctx.viewer.scopes.includes(scope) ? true : new ForbiddenError(`This needs the ${scope} scope, which your token does not carry.`);
  });

const isLoggedIn = rule('loggedIn', { cache: 'contextual' })((_p, _a, ctx: Context) => (ctx.viewer ? true : new UnauthenticatedError(LOG_IN)));
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
  return String(args.input?.sessionId) === String(ctx.viewer.sessionId) ? true : new ForbiddenError(`This agent token may only write to session ${ctx.viewer.sessionId}.`);
});

/** Fields above this one in the answer, list positions not counted (the root field is 1). */
function depthOf(path: ResponsePath | undefined): number {
  let depth = 0;
  for (let at = path; at; at = at.prev) if (typeof at.key === 'string') depth += 1;
  return depth;
}

/**
 * A caller that may write sees what its own mutation returned, even without msp:read: the fields of the
 * returned object, and the scalar fields of the objects directly inside it; nothing deeper.
 */
function isOwnMutationResult(ctx: Context, info: GraphQLResolveInfo): boolean {
  if (info.operation.operation !== 'mutation' || !ctx.viewer?.scopes.includes('msp:write')) return false;
  const depth = depthOf(info.path);
  return depth === 2 || (depth === 3 && isLeafType(getNamedType(info.returnType)));
}

/** Fields of the objects root fields return: msp:read, or the writer's own mutation result. */
const canReadField = rule('readField', { cache: 'no_cache' })((_p, _a, ctx: Context, info: GraphQLResolveInfo) => {
  if (ctx.viewer?.scopes.includes('msp:read') || isOwnMutationResult(ctx, info)) return true;
  return ctx.viewer ? new ForbiddenError('This needs the msp:read scope, which your token does not carry.') : new UnauthenticatedError(LOG_IN);
});

/** People read anything msp:read allows; agent tokens only what the operation's own check lets through. */
const agentReads = (field: string, check: AgentCheck | undefined) =>
  rule(`agentRead:${field}`, { cache: 'strict' })((_p, args: AccessArgs, ctx: Context) => {
    if (!ctx.viewer?.sessionId) return true;
    return check?.(args, ctx.viewer)
      ? true
      : new ForbiddenError(`Agent tokens read only their own session and its client: ask for session(id: ${ctx.viewer.sessionId}) or filter by its clientId.`);
  });

/** The shield rule for a root field, from the access it declared beside its definition. */
function rootRule(field: string, access: AccessRule): ShieldRule {
  switch (access.kind) {
    case 'anyone':
      return open;
    case 'signedIn':
      return isLoggedIn;
    case 'admins':
      return and(isAdmin, notAgent);
    case 'readers':
      return and(canRead, agentReads(field, access.agents));
    case 'writers':
      if (access.agents === 'ownSession') return and(canWrite, ownSessionIfAgent);
      // the service refuses agent tokens where it must, with a message that says why
      if (access.agents === 'checkedByService') return canWrite;
      return and(canWrite, notAgent);
  }
}

/** Every query and mutation declares its access (`@Access(…)`, or the `access` option of the building blocks). */
export function assertAccessDeclared(schema: GraphQLSchema): void {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((type) => type != null);
  const undeclared = roots.flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => !accessOf(field.extensions))
      .map((field) => `${type.name}.${field.name}`),
  );
  if (undeclared.length) throw new Error(`These operations declare no access (add @Access(…) beside them): ${undeclared.join(', ')}`);
}

/**
 * graphql-shield over the whole schema: every field of every type has a rule, and anything the map
 * misses is denied with FORBIDDEN. Root fields follow the access they declare; the fields of the
 * objects they return need msp:read (or are the writer's own mutation result).
 */
export function permissions(schema: GraphQLSchema) {
  const roots = new Set([schema.getQueryType()!.name, schema.getMutationType()!.name]);
  const map: IRules = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    map[type.name] = Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, roots.has(type.name) ? rootRule(field.name, accessOf(field.extensions)!) : canReadField]),
    );
  }
  return shield(map, {
    fallbackRule: deny,
    fallbackError: new ForbiddenError('Not allowed.'),
    allowExternalErrors: true,
  });
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
