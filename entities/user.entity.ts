import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from './audited';
import { TimestampColumn } from './columns';

export enum UserRole {
  ADMIN = 'ADMIN',
  TECHNICIAN = 'TECHNICIAN',
  READONLY = 'READONLY',
}
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user may do.',
  valuesConfig: {
    ADMIN: { description: 'Everything, including unlocking billed time and managing users.' },
    TECHNICIAN: { description: 'Record and read work.' },
    READONLY: { description: 'Read only.' },
  },
});

@ObjectType({ description: 'A technician (or admin) who uses the service.' })
@Audited()
@Entity('users')
export class User {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Sign-in e-mail address, unique (lower case).' })
  @Column('varchar', { length: 254, unique: true })
  email: string;

  @Field(() => String, { description: 'Name shown in logs and reports.' })
  @Column('varchar', { length: 200 })
  displayName: string;

  @Field(() => UserRole, { description: 'What the user may do.' })
  @Column('varchar', { length: 20 })
  role: UserRole;

  @Field(() => Boolean, { description: 'False for users who may no longer sign in.' })
  @Column('boolean')
  active: boolean;

  @Column('varchar', { length: 255, nullable: true })
  passwordHash: string | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
