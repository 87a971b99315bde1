import { ArrayMaxSize, ArrayMinSize, IsEmail, IsEnum, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../../entities/user.entity';
import { IsId } from '../kit/validators';
import { AccessScopeName } from '../../src/security/auth.commands';
import type { Login, RefreshAccess, Logout, IssueAgentToken, SetPassword, AcceptInvite } from '../../src/security/auth.commands';

registerEnumType(AccessScopeName, {
  name: 'AccessScope',
  description: 'What a token may do.',
  valuesConfig: {
    READ: { description: 'Read everything.' },
    WRITE: { description: 'Record work.' },
    ADMIN: { description: 'Users, billing unlocks, credential permissions, vault keys.' },
  },
});

@InputType({ description: 'E-mail and password.' })
export class LoginInput implements Login {
  @Field(() => String, { description: 'Sign-in e-mail (admin@localhost on a fresh install).' })
  @IsEmail({ require_tld: false }, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: 'Password (never logged).' })
  @MaxLength(200)
  password: string;
}

@InputType({ description: 'The refresh token from login or the last refresh.' })
export class RefreshTokenInput implements RefreshAccess {
  @Field(() => String, { description: 'Refresh token; each can be used once.' })
  @MaxLength(200)
  refreshToken: string;
}

@InputType({ description: 'Ends the current login.' })
export class LogoutInput implements Logout {
  @Field(() => String, { nullable: true, description: 'The refresh token too, so it stops working at once.' })
  @IsOptional()
  @MaxLength(200)
  refreshToken?: string;
}

@InputType({ description: 'A token for an agent working in one open session.' })
export class IssueAgentTokenInput implements IssueAgentToken {
  @Field(() => ID, { description: 'The session the agent works in; the token dies when it ends.' })
  @IsId()
  sessionId: string;

  @Field(() => [AccessScopeName], { description: 'msp:read and/or msp:write (of your own).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsEnum(AccessScopeName, { each: true })
  scopes: AccessScopeName[];
}

@InputType({ description: 'A new password for yourself, or (admins) for another user.' })
export class SetPasswordInput implements SetPassword {
  @Field(() => ID, { nullable: true, description: 'The user; yourself when omitted.' })
  @IsOptional()
  @IsId()
  userId?: string;

  @Field(() => String, { description: 'New password, 12 to 200 characters.' })
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

@InputType({ description: 'An invite from an admin and the password to set with it.' })
export class AcceptInviteInput implements AcceptInvite {
  @Field(() => String, { description: 'The invite token (createUser or createInvite gave it to an admin); works once.' })
  @MaxLength(200)
  token: string;

  @Field(() => String, { description: 'Your password, 12 to 200 characters.' })
  @MinLength(12)
  @MaxLength(200)
  password: string;
}

@ObjectType({ description: 'Tokens for a logged-in user. Send the access token as "Authorization: Bearer <token>".' })
export class AuthPayload {
  @Field(() => String, { description: 'Access token (JWT), valid for one hour.' })
  accessToken: string;

  @Field(() => Date, { description: 'When the access token expires.' })
  accessTokenExpiresAt: Date;

  @Field(() => String, { description: 'Refresh token, valid for 30 days and usable once; keep it secret.' })
  refreshToken: string;

  @Field(() => Date, { description: 'When the refresh token expires.' })
  refreshTokenExpiresAt: Date;

  @Field(() => User, { description: 'Who is logged in.' })
  user: User;
}

@ObjectType({ description: 'A token for an agent in one session.' })
export class AgentToken {
  @Field(() => String, { description: 'Access token for the agent; dies when the session ends.' })
  token: string;

  @Field(() => Date, { description: 'Latest expiry, if the session is still open then.' })
  expiresAt: Date;

  @Field(() => ID, { description: 'The session it is bound to.' })
  sessionId: number;

  @Field(() => [AccessScopeName], { description: 'What it may do.' })
  scopes: AccessScopeName[];
}
