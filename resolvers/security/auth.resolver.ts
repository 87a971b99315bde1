import { Ctx, Query, Resolver } from 'type-graphql';
import { User, UserRole } from '../../entities/user.entity';
import { Context } from '../../src/graphql/context';
import { ForbiddenError } from '../../src/core/errors';
import { issueAgentToken, login, logout, refresh, setPassword } from '../../src/security/auth.service';
import { findOrFail } from '../../src/kit/find-or-fail';
import { acceptInvite } from '../../src/security/invite.service';
import {
  AcceptInviteInput,
  AgentToken,
  AuthPayload,
  IssueAgentTokenInput,
  LoginInput,
  LogoutInput,
  RefreshTokenInput,
  SetPasswordInput,
} from './auth.inputs';
import { inputMutation } from '../kit/record-resolvers';
import { Access, agentMay, anyone, readers, signedIn, writers } from '../../src/graphql/access';
import { actorOf, AccessScope } from '../../src/core/request-scope';

/** The rest of a login response (its `user`) is read as the user who just logged in, with read scope only. */
function signedInAs(ctx: Context, { tokens, user }: { tokens: Omit<AuthPayload, 'user'>; user: User }): AuthPayload {
  ctx.viewer = { userId: user.id, role: user.role, scopes: ['msp:read'], tokenId: '', tokenExpiresAt: new Date() };
  ctx.actor = actorOf(ctx.viewer);
  return { ...tokens, user };
}

@Resolver()
class AuthResolver {
  @Access(readers(agentMay.always))
  @Query(() => User, { description: 'The user behind the token.' })
  me(@Ctx() ctx: Context): Promise<User> {
    return findOrFail(ctx.db.manager, User, ctx.viewer!.userId);
  }
}

/** Logs in and out, agent tokens, passwords; who may call each is declared with it. */
export const authResolvers = [
  AuthResolver,
  inputMutation({
    name: 'login',
    access: anyone,
    description: 'Logs in: an access token (1 h) and a refresh token (30 d). Open to anyone.',
    input: LoginInput,
    returns: AuthPayload,
    run: async (ctx, input) => signedInAs(ctx, await login(ctx, ctx.auth, ctx.rateLimits, input)),
  }),
  inputMutation({
    name: 'refreshToken',
    access: anyone,
    description: 'Trades a refresh token for a new pair. Reusing one revokes its whole login. Open to anyone.',
    input: RefreshTokenInput,
    returns: AuthPayload,
    run: async (ctx, input) => signedInAs(ctx, await refresh(ctx, ctx.auth, input.refreshToken)),
  }),
  inputMutation({
    name: 'acceptInvite',
    access: anyone,
    description: 'Sets your password with an invite from an admin and logs you in, as login does. Each invite works once. Open to anyone.',
    input: AcceptInviteInput,
    returns: AuthPayload,
    run: async (ctx, input) => signedInAs(ctx, await acceptInvite(ctx, ctx.auth, input)),
  }),
  inputMutation({
    name: 'logout',
    access: signedIn,
    description: 'Revokes the current access token (and the refresh token, if given).',
    input: LogoutInput,
    returns: Boolean,
    run: (ctx, input) => logout(ctx, ctx.auth, ctx.viewer!, input.refreshToken),
  }),
  inputMutation({
    name: 'issueAgentToken',
    access: writers('checkedByService'),
    description: 'Issues a token for an agent, bound to one open session.',
    input: IssueAgentTokenInput,
    returns: AgentToken,
    run: async (ctx, input) => {
      const issued = await issueAgentToken(ctx, ctx.auth, ctx.viewer!, {
        sessionId: input.sessionId,
        scopes: input.scopes as unknown as AccessScope[],
      });
      return { ...issued, scopes: issued.scopes as unknown as AgentToken['scopes'] };
    },
  }),
  inputMutation({
    name: 'setPassword',
    access: signedIn,
    description: 'Sets a password: your own, or any user’s as an admin.',
    input: SetPasswordInput,
    returns: User,
    run: (ctx, input) => {
      const userId = input.userId ? Number(input.userId) : ctx.viewer!.userId;
      if (userId !== ctx.viewer!.userId && ctx.viewer!.role !== UserRole.ADMIN)
        throw new ForbiddenError('Only an admin can set another user’s password.');
      return setPassword(ctx, userId, input.password);
    },
  }),
] as const;
