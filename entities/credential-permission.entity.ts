import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Credential } from './credential.entity';

@ObjectType({ description: 'Who may reveal a credential.' })
@Audited()
@Entity('credential_permissions')
@Unique('uq_credential_permissions', ['credentialId', 'principal'])
export class CredentialPermission {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  credentialId: number;

  @ForeignKey(() => Credential, 'credential_id', { onDelete: 'CASCADE' })
  credential?: Relation<Credential>;

  @Field(() => String, { description: 'Who: "user:<id>" or "role:<ROLE>".' })
  @Column('varchar', { length: 100 })
  principal: string;

  @Field(() => Boolean, { description: 'Whether the principal may reveal the value.' })
  @Column('boolean')
  canReveal: boolean;

  @Field(() => String, { description: 'Who granted it.' })
  @Column('varchar', { length: 100 })
  grantedBy: string;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
