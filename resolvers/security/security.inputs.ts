import { IsBoolean, IsEnum, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CredentialKind } from '../../entities/credential.entity';
import { IncidentSeverity, IncidentStatus } from '../../entities/security-incident.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type {
  CreateCredential,
  UpdateCredential,
  GrantCredentialAccess,
  CredentialFilter,
  RecordSecurityIncident,
  UpdateSecurityIncident,
  SecurityIncidentFilter,
} from '../../src/security/security.commands';

@InputType({ description: 'A credential’s metadata. The secret value is stored separately, encrypted by the vault.' })
export class CreateCredentialInput extends IdempotentInput implements CreateCredential {
  @Field(() => ID, { nullable: true, description: 'The client it belongs to; taken from the infrastructure when omitted.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'The infrastructure it opens, if any (of the same client).' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => String, { description: 'What it is for (1 to 200 characters).' })
  @NotBlank()
  @MaxLength(200)
  name: string;

  @Field(() => CredentialKind, { description: 'What sort of secret it is.' })
  @IsEnum(CredentialKind)
  kind: CredentialKind;

  @Field(() => String, { nullable: true, description: 'User name or key id (up to 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  username?: string;

  @Field(() => String, { nullable: true, description: 'Where it is used (up to 500 characters).' })
  @IsOptional()
  @MaxLength(500)
  url?: string;

  @Field(() => String, { nullable: true, description: 'Notes, never the secret (up to 2000 characters).' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'Changes to a credential’s metadata; omitted fields stay.' })
export class UpdateCredentialInput implements UpdateCredential {
  @Field(() => ID, { description: 'The credential.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'New user name.' })
  @IsOptional()
  @MaxLength(200)
  username?: string;

  @Field(() => String, { nullable: true, description: 'New URL or host.' })
  @IsOptional()
  @MaxLength(500)
  url?: string;

  @Field(() => String, { nullable: true, description: 'New notes.' })
  @IsOptional()
  @MaxLength(2000)
  notes?: string;
}

@InputType({ description: 'Sets whether a principal may reveal a credential.' })
export class GrantCredentialAccessInput implements GrantCredentialAccess {
  @Field(() => ID, { description: 'The credential.' })
  @IsId()
  credentialId: string;

  @Field(() => String, { description: 'Who: "user:<id>" or "role:ADMIN|TECHNICIAN|READONLY".' })
  @Matches(/^(user:[1-9]\d{0,9}|role:(ADMIN|TECHNICIAN|READONLY))$/, {
    message: '$property must be "user:<id>" or "role:ADMIN", "role:TECHNICIAN" or "role:READONLY"',
  })
  principal: string;

  @Field(() => Boolean, { description: 'True to allow revealing the value, false to withdraw it.' })
  @IsBoolean()
  canReveal: boolean;
}

@InputType('CredentialFilter', { description: 'Narrows the credentials list; all conditions must hold.' })
export class CredentialFilterInput implements CredentialFilter {
  @Field(() => ID, { nullable: true, description: 'Only this client’s.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only for this infrastructure.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => CredentialKind, { nullable: true, description: 'Only of this kind.' })
  @IsOptional()
  kind?: CredentialKind;

  @Field(() => String, { nullable: true, description: 'Only names containing this text (case-insensitive).' })
  @IsOptional()
  @MaxLength(200)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include archived credentials; false by default.' })
  @IsOptional()
  includeArchived?: boolean;
}

@InputType({ description: 'A security incident at a client.' })
export class RecordSecurityIncidentInput extends IdempotentInput implements RecordSecurityIncident {
  @Field(() => ID, { description: 'The client.' })
  @IsId()
  clientId: string;

  @Field(() => ID, { nullable: true, description: 'The infrastructure affected, if one (of the same client).' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => String, { description: 'Short title (1 to 300 characters).' })
  @NotBlank()
  @MaxLength(300)
  title: string;

  @Field(() => IncidentSeverity, { description: 'How bad it is.' })
  @IsEnum(IncidentSeverity)
  severity: IncidentSeverity;

  @Field(() => IncidentStatus, { nullable: true, description: 'Where handling stands; OPEN when omitted.' })
  @IsOptional()
  @IsEnum(IncidentStatus)
  status?: IncidentStatus;

  @Field(() => Date, { nullable: true, description: 'When it was detected; now when omitted; not in the future.' })
  @IsOptional()
  detectedAt?: Date;

  @Field(() => String, { nullable: true, description: 'What happened (up to 4000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  summary?: string;
}

@InputType({ description: 'Moves an incident on: new status or severity, a timeline note, a summary.' })
export class UpdateSecurityIncidentInput implements UpdateSecurityIncident {
  @Field(() => ID, { description: 'The incident.' })
  @IsId()
  id: string;

  @Field(() => IncidentSeverity, { nullable: true, description: 'New severity.' })
  @IsOptional()
  @IsEnum(IncidentSeverity)
  severity?: IncidentSeverity;

  @Field(() => IncidentStatus, { nullable: true, description: 'New status; RESOLVED and CLOSED set resolvedAt.' })
  @IsOptional()
  @IsEnum(IncidentStatus)
  status?: IncidentStatus;

  @Field(() => String, { nullable: true, description: 'A note for the timeline (up to 1000 characters).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(1000)
  note?: string;

  @Field(() => String, { nullable: true, description: 'New summary (up to 4000 characters).' })
  @IsOptional()
  @MaxLength(4000)
  summary?: string;
}

@InputType('SecurityIncidentFilter', { description: 'Narrows the incidents list; all conditions must hold.' })
export class SecurityIncidentFilterInput implements SecurityIncidentFilter {
  @Field(() => ID, { nullable: true, description: 'Only this client’s.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => IncidentSeverity, { nullable: true, description: 'Only of this severity.' })
  @IsOptional()
  severity?: IncidentSeverity;

  @Field(() => IncidentStatus, { nullable: true, description: 'Only in this status.' })
  @IsOptional()
  status?: IncidentStatus;

  @Field(() => Date, { nullable: true, description: 'Only detected at or after this time.' })
  @IsOptional()
  detectedFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Only detected before this time.' })
  @IsOptional()
  detectedBefore?: Date;
}
