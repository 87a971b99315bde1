import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { User, UserRole } from '../entities/user.entity';
import { Context } from '../src/context';
import { ForbiddenError } from '../src/core/errors';
import { issueAgentToken, login, logout, refresh, setPassword } from '../src/services/auth.service';
import { findOrFail } from '../src/services/find-or-fail';
import { acceptInvite } from '../src/services/invite.service';
import { AcceptInviteInput, AgentToken, AuthPayload, IssueAgentTokenInput, LoginInput, LogoutInput, RefreshTokenInput, SetPasswordInput } from './auth.inputs';
import { INPUT_DESCRIPTION } from './record-resolvers';
import { Access, agentMay, anyone, readers, signedIn, writers } from '../src/auth/access';
import { actorOf, AccessScope } from "../src/core/request-scope";

const INPUT = { description: INPUT_DESCRIPTION };

/** The rest of a login response (its `user`) is read as the user who just logged in, with read scope only. */
function actAs(ctx: Context, user: User): void {
  ctx.viewer = { userId: user.id, role: user.role, scopes: ['msp:read'], tokenId: '', tokenExpiresAt: new Date() };
  ctx.actor = actorOf(ctx.viewer);
}

@Resolver()
export class AuthResolver {
  @Access(readers(agentMay.always))
  @Query(() => User, { description: 'The user behind the token.' })
  me(@Ctx() ctx: Context): Promise<User> {
    return findOrFail(ctx.db.manager, User, ctx.viewer!.userId);
  }

  @Access(anyone)
  @Mutation(() => AuthPayload, { description: 'Logs in: an access token (1 h) and a refresh token (30 d). Open to anyone.' })
  async login(@Ctx() ctx: Context, @Arg('input', () => LoginInput, INPUT) input: LoginInput): Promise<AuthPayload> {
    const { tokens, user } = await login(ctx, ctx.auth, ctx.rateLimits, input);
    actAs(ctx, user);
    return { ...tokens, user };
  }

  @Access(anyone)
  @Mutation(() => AuthPayload, { description: 'Trades a refresh token for a new pair. Reusing one revokes its whole login. Open to anyone.' })
  async refreshToken(@Ctx() ctx: Context, @Arg('input', () => RefreshTokenInput, INPUT) input: RefreshTokenInput): Promise<AuthPayload> {
    const { tokens, user } = await refresh(ctx, ctx.auth, input.refreshToken);
    actAs(ctx, user);
    return { ...tokens, user };
  }

  @Access(anyone)
  @Mutation(() => AuthPayload, { description: 'Sets your password with an invite from an admin and logs you in, as login does. Each invite works once. Open to anyone.' })
  async acceptInvite(@Ctx() ctx: Context, @Arg('input', () => AcceptInviteInput, INPUT) input: AcceptInviteInput): Promise<AuthPayload> {
    const { tokens, user } = await acceptInvite(ctx, ctx.auth, input);
    actAs(ctx, user);
    return { ...tokens, user };
  }

  @Access(signedIn)
  @Mutation(() => Boolean, { description: 'Revokes the current access token (and the refresh token, if given).' })
  logout(@Ctx() ctx: Context, @Arg('input', () => LogoutInput, INPUT) input: LogoutInput): Promise<boolean> {
    return logout(ctx, ctx.auth, ctx.viewer!, input.refreshToken);
  }

  @Access(writers('checkedByService'))
  @Mutation(() => AgentToken, { description: 'Issues a token for an agent, bound to one open session.' })
  async issueAgentToken(@Ctx() ctx: Context, @Arg('input', () => IssueAgentTokenInput, INPUT) input: IssueAgentTokenInput): Promise<AgentToken> {
    const issued = await issueAgentToken(ctx, ctx.auth, ctx.viewer!, { sessionId: input.sessionId, scopes: input.scopes as unknown as AccessScope[] });
    return { ...issued, scopes: issued.scopes as unknown as AgentToken['scopes'] };
  }

  @Access(signedIn)
  @Mutation(() => User, { description: 'Sets a password: your own, or any user’s as an admin.' })
  setPassword(@Ctx() ctx: Context, @Arg('input', () => SetPasswordInput, INPUT) input: SetPasswordInput): Promise<User> {
    const userId = input.userId ? Number(input.userId) : ctx.viewer!.userId;
    if (userId !== ctx.viewer!.userId && ctx.viewer!.role !== UserRole.ADMIN) throw new ForbiddenError('Only an admin can set another user’s password.');
    return setPassword(ctx, userId, input.password);
  }
}
