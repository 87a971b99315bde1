import { IsBoolean, IsEmail, IsEnum, IsOptional, IsUrl, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IntegrationOutcome } from '../../entities/external-integration-call.entity';
import { UserRole } from '../../entities/user.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type {
  CreateUser,
  CreateInvite,
  UpdateUser,
  CreateIntegrationCredential,
  LinkTicket,
  IntegrationCallFilter,
  ApiAuditFilter,
} from '../../src/admin/admin.commands';

const PROVIDER = /^[a-z][a-z0-9_-]{1,49}$/;
const PROVIDER_MESSAGE = '$property must be a lower-case provider key such as "syncro"';

@InputType({ description: 'A new technician or admin; they set their password with the invite the answer carries.' })
export class CreateUserInput extends IdempotentInput implements CreateUser {
  @Field(() => String, { description: 'Sign-in e-mail, unique.' })
  @IsEmail({ require_tld: false }, { message: '$property must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field(() => String, { description: 'Name shown in logs (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  displayName: string;

  @Field(() => UserRole, { description: 'What the user may do.' })
  @IsEnum(UserRole)
  role: UserRole;
}

@InputType({ description: 'Whom to invite; their older unused invites stop working.' })
export class CreateInviteInput implements CreateInvite {
  @Field(() => ID, { description: 'The user, who sets a (new) password with the invite.' })
  @IsId()
  userId: string;
}

@InputType({ description: 'Changes to a user; omitted fields stay.' })
export class UpdateUserInput implements UpdateUser {
  @Field(() => ID, { description: 'The user.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New display name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  displayName?: string;

  @Field(() => UserRole, { nullable: true, description: 'New role.' })
  @IsOptional()
  @IsEnum(UserRole)
  role?: UserRole;

  @Field(() => Boolean, { nullable: true, description: 'False to stop the user signing in.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'Credentials for an external system: metadata now; the secret is stored encrypted by the vault.' })
export class CreateIntegrationCredentialInput extends IdempotentInput implements CreateIntegrationCredential {
  @Field(() => String, { description: 'Provider key, for example "syncro".' })
  @Matches(PROVIDER, { message: PROVIDER_MESSAGE })
  provider: string;

  @Field(() => String, { description: 'Which account or tenant (1 to 200 characters); unique per provider.' })
  @NotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'API base URL (https).' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: '$property must be an https:// URL' })
  @MaxLength(500)
  baseUrl?: string;
}

@InputType({ description: 'Links a session to a ticket in an external PSA; linking twice returns the same link.' })
export class LinkTicketInput implements LinkTicket {
  @Field(() => ID, { description: 'The session.' })
  @IsId()
  sessionId: string;

  @Field(() => String, { description: 'Provider key, for example "syncro".' })
  @Matches(PROVIDER, { message: PROVIDER_MESSAGE })
  provider: string;

  @Field(() => String, { description: 'The provider’s internal ticket id (1 to 100 characters).' })
  @NotBlank()
  @MaxLength(100)
  ticketId: string;

  @Field(() => String, { nullable: true, description: 'The ticket number people see (up to 100 characters).' })
  @IsOptional()
  @MaxLength(100)
  ticketNumber?: string;

  @Field(() => String, { nullable: true, description: 'Link to the ticket (https).' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: '$property must be an https:// URL' })
  @MaxLength(500)
  url?: string;
}

@InputType('IntegrationCallFilter', { description: 'Narrows the outbound-call log; all conditions must hold.' })
export class IntegrationCallFilterInput implements IntegrationCallFilter {
  @Field(() => String, { nullable: true, description: 'Only calls to this provider.' })
  @IsOptional()
  @MaxLength(50)
  provider?: string;

  @Field(() => ID, { nullable: true, description: 'Only calls made for this session.' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @Field(() => IntegrationOutcome, { nullable: true, description: 'Only calls with this outcome.' })
  @IsOptional()
  outcome?: IntegrationOutcome;
}

@InputType('ApiAuditFilter', { description: 'Narrows the API audit log; all conditions must hold.' })
export class ApiAuditFilterInput implements ApiAuditFilter {
  @Field(() => String, { nullable: true, description: 'Only requests by this actor ("user:<id>", "anonymous", …).' })
  @IsOptional()
  @MaxLength(100)
  actor?: string;

  @Field(() => String, { nullable: true, description: 'Only requests with this outcome (OK or an error code).' })
  @IsOptional()
  @MaxLength(40)
  outcome?: string;

  @Field(() => Date, { nullable: true, description: 'Only requests at or after this time.' })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Only requests before this time.' })
  @IsOptional()
  to?: Date;
}
