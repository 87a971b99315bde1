import { IsEnum, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CredentialKind } from '../../entities/credential.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import type { StoreCredential, RevealCredential, RotateVaultKey } from '../../src/security/vault.commands';

@InputType({ description: 'A secret to store, encrypted: on an existing credential (credentialId) or a new one (name and kind).' })
export class StoreCredentialInput extends IdempotentInput implements StoreCredential {
  @Field(() => ID, { nullable: true, description: 'Store the value on this credential (replacing any earlier value).' })
  @IsOptional()
  @IsId()
  credentialId?: string;

  @Field(() => ID, { nullable: true, description: 'New credential: its client.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'New credential: the infrastructure it opens.' })
  @IsOptional()
  @IsId()
  infrastructureId?: string;

  @Field(() => String, { nullable: true, description: 'New credential: what it is for (1 to 200 characters).' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  name?: string;

  @Field(() => CredentialKind, { nullable: true, description: 'New credential: what sort of secret.' })
  @IsOptional()
  @IsEnum(CredentialKind)
  kind?: CredentialKind;

  @Field(() => String, { nullable: true, description: 'New credential: user name or key id.' })
  @IsOptional()
  @MaxLength(200)
  username?: string;

  @Field(() => String, { description: 'The secret (1 to 10000 characters). Never returned by metadata queries, never logged.' })
  @NotBlank()
  @MaxLength(10_000)
  value: string;
}

@InputType({ description: 'Reveals a secret; the reason goes to the audit log first.' })
export class RevealCredentialInput implements RevealCredential {
  @Field(() => ID, { description: 'The credential.' })
  @IsId()
  credentialId: string;

  @Field(() => String, { description: 'Why you need it (1 to 500 characters), for the audit log.' })
  @NotBlank()
  @MaxLength(500)
  reason: string;
}

@InputType({ description: 'Re-encrypts stored secrets with the current vault key, a batch at a time.' })
export class RotateVaultKeyInput implements RotateVaultKey {
  @Field(() => Int, { defaultValue: 100, description: 'Secrets per transaction (1 to 1000).' })
  @Min(1)
  @Max(1000)
  batchSize: number = 100;
}

@ObjectType({ description: 'A revealed secret.' })
export class CredentialSecret {
  @Field(() => ID, { description: 'The credential.' })
  credentialId: number;

  @Field(() => String, { description: 'The secret value.' })
  value: string;

  @Field(() => Date, { description: 'When it was revealed (and audited).' })
  revealedAt: Date;
}

@ObjectType({ description: 'Progress of a vault key rotation; run again until remaining is 0.' })
export class VaultRotation {
  @Field(() => Int, { description: 'Secrets re-encrypted by this call.' })
  reencrypted: number;

  @Field(() => Int, { description: 'Secrets still on older key versions.' })
  remaining: number;

  @Field(() => Int, { description: 'The key version now used for new secrets.' })
  keyVersion: number;
}
