import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { Infrastructure } from './infrastructure.entity';
import { ForeignKey, TimestampColumn } from './columns';

@ObjectType('Service', { description: 'Software running on a piece of infrastructure: IIS, SQL Server, an SMB share, a VPN endpoint…' })
@Audited('Service')
@Entity('services')
@Index('ix_services_infrastructure', ['infrastructureId', 'name'])
export class InfrastructureService {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  infrastructureId: number;

  @ForeignKey(() => Infrastructure, 'infrastructure_id')
  infrastructure?: Relation<Infrastructure>;

  @Field(() => String, { description: 'Service name, for example "MSSQLSERVER".' })
  @Column('varchar', { length: 100 })
  name: string;

  @Field(() => Int, { nullable: true, description: 'Port it listens on (1 to 65535).' })
  @Column('int', { nullable: true })
  port: number | null;

  @Field(() => String, { nullable: true, description: 'Version, for example "2019 CU18".' })
  @Column('varchar', { length: 100, nullable: true })
  version: string | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  @Column('varchar', { length: 2000, nullable: true })
  notes: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was archived (removed); its history stays.' })
  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
