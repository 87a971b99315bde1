import { GraphQLSchema, isObjectType } from 'graphql';
import { and, deny, IRules, rule, shield } from 'graphql-shield';
import type { Context } from '../context';
import { ForbiddenError } from '../errors';
import { AccessScope, UnauthenticatedError } from './access-tokens';

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

type Args = { id?: string; clientId?: string; filter?: { clientId?: string; sessionId?: string; mode?: string } };
const same = (a: unknown, b: unknown) => b != null && String(a) === String(b);

/** A list narrowed to the agent's client or session. */
const ownListFilter = (a: Args, v: NonNullable<Context['viewer']>) => same(a.filter?.clientId, v.clientId) || same(a.filter?.sessionId, v.sessionId);

/** What an agent may read at the root: its session, its client, and lists narrowed to either. */
const AGENT_READS: Record<string, (args: Args, viewer: NonNullable<Context['viewer']>) => boolean> = {
  me: () => true,
  categorizeWork: () => true, // pure text analysis, no data
  commandFor: () => true, // a machine's shell, no client data
  failurePatterns: () => true, // knowledge, no client data
  session: (a, v) => same(a.id, v.sessionId),
  client: (a, v) => same(a.id, v.clientId),
  environmentContext: (a, v) => same(a.clientId, v.clientId),
  contextRecovery: (a, v) => same(a.clientId, v.clientId),
  similarProblems: (a, v) => same(a.clientId, v.clientId),
  // the NORMAL-mode knowledge base belongs to no client
  search: (a, v) => ownListFilter(a, v) || (a.filter?.mode === 'NORMAL' && !a.filter.clientId && !a.filter.sessionId),
  ...Object.fromEntries(
    ['report', 'sessions', 'commands', 'infrastructures', 'credentials', 'environmentalInsights', 'problemSolutions', 'pendingTasks', 'securityIncidents', 'operationFailures'].map(
      (list) => [list, ownListFilter],
    ),
  ),
};

/** People read anything msp:read allows; agent tokens only what their session's work needs. */
const agentReadScope = (field: string) =>
  rule(`agentRead:${field}`, { cache: 'strict' })((_p, args: Args, ctx: Context) => {
    if (!ctx.viewer?.sessionId) return true;
    return AGENT_READS[field]?.(args, ctx.viewer)
      ? true
      : new ForbiddenError(`Agent tokens read only their own session and its client: ask for session(id: ${ctx.viewer.sessionId}) or filter by its clientId.`);
  });

const AGENT_WRITES = ['note', 'logWorkItem', 'logCommand', 'logFileChange', 'logProblemSolution', 'logOperationFailure', 'tagSession', 'endSession', 'linkTicket'];
const ADMIN_WRITES = ['unlockBilled', 'createUser', 'createInvite', 'updateUser', 'grantCredentialAccess', 'rotateVaultKey'];
/** Agents may store and reveal credentials (their permission is checked by the vault). */
const VAULT_WRITES = ['storeCredential', 'revealCredential'];
const ADMIN_READS = ['users', 'apiAuditLog'];
const OPEN_WRITES = ['login', 'refreshToken', 'acceptInvite'];

/**
 * graphql-shield over the whole schema: every field of every type has a rule, and anything the map
 * misses is denied with FORBIDDEN. Reads need msp:read, writes msp:write (and, for agent tokens, their
 * own session), administration msp:admin.
 */
export function permissions(schema: GraphQLSchema) {
  const ruleFor = (type: string, field: string): ShieldRule => {
    if (type === 'Mutation') {
      if (OPEN_WRITES.includes(field)) return open;
      if (field === 'logout' || field === 'setPassword') return isLoggedIn;
      if (ADMIN_WRITES.includes(field)) return and(isAdmin, notAgent);
      if (AGENT_WRITES.includes(field)) return and(canWrite, ownSessionIfAgent);
      if (VAULT_WRITES.includes(field)) return field === 'revealCredential' ? canRead : canWrite;
      // the service refuses agent tokens with a message that says why
      if (field === 'issueAgentToken') return canWrite;
      return and(canWrite, notAgent);
    }
    if (type === 'Query' && ADMIN_READS.includes(field)) return isAdmin;
    if (type === 'Query') return and(canRead, agentReadScope(field));
    return canRead;
  };
  const map: IRules = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    map[type.name] = Object.fromEntries(Object.keys(type.getFields()).map((field) => [field, ruleFor(type.name, field)]));
  }
  return shield(map, {
    fallbackRule: deny,
    fallbackError: new ForbiddenError('Not allowed.'),
    allowExternalErrors: true,
  });
}
