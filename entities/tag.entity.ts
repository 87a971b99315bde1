import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/** A tag name: lower case, starting with a letter or digit, up to 50 characters. */
export const TAG_NAME = /^[a-z0-9][a-z0-9._-]{0,49}$/;

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
