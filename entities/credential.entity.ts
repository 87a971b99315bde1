import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Client } from './client.entity';
import { Infrastructure } from './infrastructure.entity';

export enum CredentialKind {
  PASSWORD = 'PASSWORD',
  API_KEY = 'API_KEY',
  SSH_KEY = 'SSH_KEY',
  CERTIFICATE = 'CERTIFICATE',
  TOKEN = 'TOKEN',
  OTHER = 'OTHER',
}
registerEnumType(CredentialKind, {
  name: 'CredentialKind',
  description: 'What sort of secret a credential holds.',
  valuesConfig: {
    PASSWORD: { description: 'A password.' },
    API_KEY: { description: 'An API key.' },
    SSH_KEY: { description: 'An SSH private key.' },
    CERTIFICATE: { description: 'A certificate with its private key.' },
    TOKEN: { description: 'A bearer or refresh token.' },
    OTHER: { description: 'Anything else.' },
  },
});

@ObjectType({ description: 'A secret a technician uses for a client: its metadata here; the value only ever as AES-256-GCM ciphertext.' })
@Audited()
@Entity('credentials')
@Index('ix_credentials_client', ['clientId', 'name'])
export class Credential {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int', { nullable: true })
  clientId: number | null;

  @ForeignKey(() => Client, 'client_id', { nullable: true })
  client?: Relation<Client> | null;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Field(() => String, { description: 'What it is for, for example "AD2 local administrator".' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => CredentialKind, { description: 'What sort of secret it is.' })
  @Column('varchar', { length: 20 })
  kind: CredentialKind;

  @Field(() => String, { nullable: true, description: 'User name or key id that goes with it, if any.' })
  @Column('varchar', { length: 200, nullable: true })
  username: string | null;

  @Field(() => String, { nullable: true, description: 'Where it is used (URL or host), if any.' })
  @Column('varchar', { length: 500, nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Notes (never the secret itself).' })
  @Column('varchar', { length: 2000, nullable: true })
  notes: string | null;

  @Column('text', { nullable: true })
  ciphertext: string | null;

  @Column('varchar', { length: 32, nullable: true })
  iv: string | null;

  @Column('varchar', { length: 32, nullable: true })
  authTag: string | null;

  @Field(() => Int, { nullable: true, description: 'Vault key version the value is encrypted with; null while no value is stored.' })
  @Column('int', { nullable: true })
  keyVersion: number | null;

  @Field(() => Date, { nullable: true, description: 'When the value was last revealed (UTC).' })
  @TimestampColumn({ nullable: true })
  lastRevealedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was archived; its history stays.' })
  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;

  @Field(() => Boolean, { description: 'Whether an encrypted value is stored (the value itself is never part of this type).' })
  hasValue(): boolean {
    return this.ciphertext != null;
  }
}
