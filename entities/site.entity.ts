import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { Client } from './client.entity';
import { ForeignKey, TimestampColumn } from './columns';

@ObjectType({ description: 'A location of a client: an office, a data centre, a branch.' })
@Audited()
@Entity('sites')
@Index('ix_sites_client', ['clientId', 'name'])
export class Site {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  clientId: number;

  @ForeignKey(() => Client, 'client_id')
  client?: Relation<Client>;

  @Field(() => String, { description: 'Name, for example "Head office".' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Postal address.' })
  @Column('varchar', { length: 500, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Access notes: opening hours, alarm, who holds the key.' })
  @Column('varchar', { length: 2000, nullable: true })
  notes: string | null;

  @Field(() => Date, { nullable: true, description: 'When the site was archived; archived sites keep their history.' })
  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { description: 'When the site was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When the site was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
