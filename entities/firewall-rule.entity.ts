import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { Infrastructure } from './infrastructure.entity';
import { ForeignKey, TimestampColumn } from './columns';

export enum FirewallAction {
  ALLOW = 'ALLOW',
  DENY = 'DENY',
}
registerEnumType(FirewallAction, {
  name: 'FirewallAction',
  description: 'What a rule does with matching traffic.',
  valuesConfig: { ALLOW: { description: 'Let it through.' }, DENY: { description: 'Drop or reject it.' } },
});

export enum TrafficDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(TrafficDirection, {
  name: 'TrafficDirection',
  description: 'Which way traffic flows through the firewall.',
  valuesConfig: { INBOUND: { description: 'From outside in.' }, OUTBOUND: { description: 'From inside out.' } },
});

@ObjectType({ description: 'A rule on a firewall, as configured.' })
@Audited()
@Entity('firewall_rules')
@Index('ix_firewall_rules_firewall', ['infrastructureId'])
export class FirewallRule {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  infrastructureId: number;

  @ForeignKey(() => Infrastructure, 'infrastructure_id')
  infrastructure?: Relation<Infrastructure>;

  @Field(() => String, { description: 'Rule name as shown on the firewall.' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => FirewallAction, { description: 'Allow or deny.' })
  @Column('varchar', { length: 10 })
  action: FirewallAction;

  @Field(() => TrafficDirection, { description: 'Inbound or outbound.' })
  @Column('varchar', { length: 10 })
  direction: TrafficDirection;

  @Field(() => String, { description: 'Source: address, range, zone or "any".' })
  @Column('varchar', { length: 200 })
  source: string;

  @Field(() => String, { description: 'Destination: address, range, zone or "any".' })
  @Column('varchar', { length: 200 })
  destination: string;

  @Field(() => String, { description: 'Ports: "443", "1000-2000", "80,443" or "any".' })
  @Column('varchar', { length: 100 })
  ports: string;

  @Field(() => String, { description: 'Protocol: "tcp", "udp", "icmp" or "any".' })
  @Column('varchar', { length: 20 })
  protocol: string;

  @Field(() => Boolean, { description: 'Whether the rule is active.' })
  @Column('boolean')
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'Why the rule exists.' })
  @Column('varchar', { length: 2000, nullable: true })
  notes: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was archived (removed from the firewall); its history stays.' })
  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
