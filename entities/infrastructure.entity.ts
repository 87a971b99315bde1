import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Audited } from './audited';
import { Site } from './site.entity';
import { Client } from './client.entity';
import { ForeignKey, TimestampColumn } from './columns';

export enum InfrastructureKind {
  SERVER = 'SERVER',
  WORKSTATION = 'WORKSTATION',
  NAS = 'NAS',
  FIREWALL = 'FIREWALL',
  SWITCH = 'SWITCH',
  ROUTER = 'ROUTER',
  ACCESS_POINT = 'ACCESS_POINT',
  VM = 'VM',
  CONTAINER = 'CONTAINER',
  CLOUD = 'CLOUD',
  PRINTER = 'PRINTER',
  OTHER = 'OTHER',
}
registerEnumType(InfrastructureKind, {
  name: 'InfrastructureKind',
  description: 'What a piece of infrastructure is.',
  valuesConfig: Object.fromEntries(
    Object.values(InfrastructureKind).map((k) => [k, { description: `A ${k.toLowerCase().replace('_', ' ')}.` }]),
  ) as Record<InfrastructureKind, { description: string }>,
});

@ObjectType({ description: 'A device or system of a client: server, NAS, firewall, VM, cloud resource…' })
@Audited()
@Entity('infrastructure')
@Unique('uq_infrastructure_client_hostname', ['clientId', 'hostname'])
@Index('ix_infrastructure_site', ['siteId'])
export class Infrastructure {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  clientId: number;

  @ForeignKey(() => Client, 'client_id')
  client?: Relation<Client>;

  @Column('int', { nullable: true })
  siteId: number | null;

  @ForeignKey(() => Site, 'site_id', { nullable: true })
  site?: Relation<Site> | null;

  @Field(() => String, { description: 'Host name, unique within the client.' })
  @Column('varchar', { length: 255 })
  hostname: string;

  @Field(() => InfrastructureKind, { description: 'What it is.' })
  @Column('varchar', { length: 20 })
  kind: InfrastructureKind;

  @Field(() => String, { nullable: true, description: 'Operating system, for example "Windows Server" or "ReadyNAS OS".' })
  @Column('varchar', { length: 100, nullable: true })
  os: string | null;

  @Field(() => String, { nullable: true, description: 'Operating-system version, for example "2008 R2" or "6.10".' })
  @Column('varchar', { length: 100, nullable: true })
  osVersion: string | null;

  @Field(() => [String], { description: 'IP addresses (v4 or v6).' })
  @Column('simple-json')
  ipAddresses: string[];

  @Field(() => String, {
    nullable: true,
    description: 'What an agent must know before touching it, for example "SMB1 only, manual WINS, PowerShell 2.0".',
  })
  @Column('varchar', { length: 4000, nullable: true })
  environmentalNotes: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was archived (decommissioned); its history stays.' })
  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
