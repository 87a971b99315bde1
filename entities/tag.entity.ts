import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

@ObjectType({ description: 'A label on sessions and work items, for example "vpn" or "m365".' })
@Entity('tags')
export class Tag {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Lower-case name, unique (letters, digits, "-", "_", ".").' })
  @Column('varchar', { length: 50, unique: true })
  name: string;

  @Field(() => Date, { description: 'When the tag was first used (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
