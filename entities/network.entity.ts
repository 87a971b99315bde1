import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { Site } from './site.entity';
import { Client } from './client.entity';
import { ForeignKey, TimestampColumn } from './columns';

@ObjectType({ description: 'An IP network of a client: a LAN, a VLAN, a VPN range.' })
@Audited()
@Entity('networks')
@Index('ix_networks_client', ['clientId'])
export class Network {
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

  @Field(() => String, { description: 'Name, for example "Office LAN" or "Guest Wi-Fi".' })
  @Column('varchar', { length: 100 })
  name: string;

  @Field(() => String, { description: 'Address range in CIDR notation, for example "192.168.10.0/24".' })
  @Column('varchar', { length: 50 })
  cidr: string;

  @Field(() => Int, { nullable: true, description: 'VLAN id (1 to 4094).' })
  @Column('int', { nullable: true })
  vlan: number | null;

  @Field(() => String, { nullable: true, description: 'Default gateway.' })
  @Column('varchar', { length: 50, nullable: true })
  gateway: string | null;

  @Field(() => [String], { description: 'DNS servers handed out on this network.' })
  @Column('simple-json')
  dnsServers: string[];

  @Field(() => String, { nullable: true, description: 'Notes: DHCP scope, reservations, quirks.' })
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
