import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Audited } from './audited';
import { TimestampColumn } from './columns';

@ObjectType({ description: 'Credentials for an external system (API token, OAuth client): metadata here, the secret only encrypted.' })
@Audited()
@Entity('integration_credentials')
@Unique('uq_integration_credentials', ['provider', 'name'])
export class IntegrationCredential {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Provider, for example "syncro".' })
  @Column('varchar', { length: 50 })
  provider: string;

  @Field(() => String, { description: 'Which account or tenant it is for.' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'API base URL.' })
  @Column('varchar', { length: 500, nullable: true })
  baseUrl: string | null;

  @Column('text', { nullable: true })
  ciphertext: string | null;

  @Column('varchar', { length: 32, nullable: true })
  iv: string | null;

  @Column('varchar', { length: 32, nullable: true })
  authTag: string | null;

  @Field(() => Int, { nullable: true, description: 'Vault key version of the stored secret; null while none is stored.' })
  @Column('int', { nullable: true })
  keyVersion: number | null;

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
