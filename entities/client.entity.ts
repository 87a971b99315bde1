import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from './audited';
import { TimestampColumn } from './columns';

@ObjectType({ description: 'A customer of the MSP. Work is billed to a client at its hourly rate.' })
@Audited()
@Entity('clients')
export class Client {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Display name, unique across clients (for example "Dataforth").' })
  @Column('varchar', { length: 200, unique: true })
  name: string;

  @Field(() => String, { description: 'URL- and CLI-friendly unique key derived from the name (for example "dataforth").' })
  @Column('varchar', { length: 100, unique: true })
  slug: string;

  @Field(() => Int, { description: 'Hourly rate in integer cents (15000 = 150.00). Money is never a float.' })
  @Column('int', { default: 0 })
  hourlyRateCents: number;

  @Field(() => Boolean, { description: 'False once the client no longer receives service; inactive clients keep their history.' })
  @Column('boolean', { default: true })
  active: boolean;

  @Field(() => Date, { description: 'When the client was created (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When the client was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
