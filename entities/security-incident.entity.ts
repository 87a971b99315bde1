import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Client } from './client.entity';
import { IncidentEvent } from './incident-event';
import { Infrastructure } from './infrastructure.entity';

export enum IncidentSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(IncidentSeverity, {
  name: 'IncidentSeverity',
  description: 'How bad an incident is.',
  valuesConfig: {
    LOW: { description: 'Minor, no data at risk.' },
    MEDIUM: { description: 'Limited impact.' },
    HIGH: { description: 'Data or service at risk.' },
    CRITICAL: { description: 'Active compromise or data loss.' },
  },
});

export enum IncidentStatus {
  OPEN = 'OPEN',
  INVESTIGATING = 'INVESTIGATING',
  CONTAINED = 'CONTAINED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(IncidentStatus, {
  name: 'IncidentStatus',
  description: 'Where handling of an incident stands.',
  valuesConfig: {
    OPEN: { description: 'Reported, not yet handled.' },
    INVESTIGATING: { description: 'Being analysed.' },
    CONTAINED: { description: 'Spread stopped.' },
    RESOLVED: { description: 'Fixed; follow-up may remain.' },
    CLOSED: { description: 'Done.' },
  },
});

@ObjectType({ description: 'A security incident at a client, from detection to closure.' })
@Audited()
@Entity('security_incidents')
@Index('ix_security_incidents_client', ['clientId', 'detectedAt'])
@Index('ix_security_incidents_status', ['status', 'severity'])
export class SecurityIncident {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  clientId: number;

  @ForeignKey(() => Client, 'client_id')
  client?: Relation<Client>;

  @Column('int', { nullable: true })
  infrastructureId: number | null;

  @ForeignKey(() => Infrastructure, 'infrastructure_id', { nullable: true, onDelete: 'SET NULL' })
  infrastructure?: Relation<Infrastructure> | null;

  @Field(() => String, { description: 'Short title.' })
  @Column('varchar', { length: 300 })
  title: string;

  @Field(() => IncidentSeverity, { description: 'How bad it is.' })
  @Column('varchar', { length: 10 })
  severity: IncidentSeverity;

  @Field(() => IncidentStatus, { description: 'Where handling stands.' })
  @Column('varchar', { length: 20 })
  status: IncidentStatus;

  @Field(() => Date, { description: 'When it was detected (UTC).' })
  @TimestampColumn()
  detectedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was resolved (UTC).' })
  @TimestampColumn({ nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'What happened, impact and response.' })
  @Column('varchar', { length: 4000, nullable: true })
  summary: string | null;

  @Field(() => [IncidentEvent], { description: 'What happened when, oldest first.' })
  @Column('simple-json')
  timeline: IncidentEvent[];

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
