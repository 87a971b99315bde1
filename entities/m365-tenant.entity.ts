import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { Client } from './client.entity';
import { ForeignKey, TimestampColumn } from './columns';

@ObjectType({ description: 'A Microsoft 365 tenant of a client.' })
@Audited()
@Entity('m365_tenants')
@Index('ix_m365_tenants_client', ['clientId'])
export class M365Tenant {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  clientId: number;

  @ForeignKey(() => Client, 'client_id')
  client?: Relation<Client>;

  @Field(() => String, { description: 'Entra ID tenant id (a GUID), unique.' })
  @Column('varchar', { length: 36, unique: true })
  tenantId: string;

  @Field(() => String, { description: 'Primary domain, for example "dataforth.com".' })
  @Column('varchar', { length: 255 })
  primaryDomain: string;

  @Field(() => [String], { description: 'Every verified domain, including *.onmicrosoft.com.' })
  @Column('simple-json')
  domains: string[];

  @Field(() => String, { nullable: true, description: 'Notes: licences, admin accounts (names only), quirks.' })
  @Column('varchar', { length: 2000, nullable: true })
  notes: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was archived; its history stays.' })
  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
