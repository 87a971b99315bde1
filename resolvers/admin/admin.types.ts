import { Field, ObjectType } from 'type-graphql';
import { User } from '../../entities/user.entity';
import { INVITE_TTL_DAYS } from '../../src/security/invite.service';

@ObjectType({
  description: 'A one-time invite to set a password. Only a hash of the token is stored: this answer is the one time it is shown.',
})
export class Invite {
  @Field(() => String, {
    description: 'Give it to the user, who sets a password with acceptInvite. Works once; a newer invite replaces it.',
  })
  token: string;

  @Field(() => Date, { description: `When it stops working (${INVITE_TTL_DAYS} days after it was issued).` })
  expiresAt: Date;

  @Field(() => User, { description: 'Who it is for.' })
  user: User;
}

@ObjectType({ description: 'A new user and their invite.' })
export class CreateUserPayload {
  @Field(() => User, { description: 'The user, who has no password until they accept the invite.' })
  user: User;

  @Field(() => Invite, {
    nullable: true,
    description:
      'The invite; null when the call repeated an earlier one (same idempotencyKey), whose answer showed it: use createInvite for a new one.',
  })
  invite: Invite | null;
}
