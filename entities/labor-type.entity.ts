import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from './audited';
import { TimestampColumn } from './columns';

/**
 * How a kind of work is billed: a minimum per work item, a rounding increment (rounded up) and a
 * quantity multiplier for after-hours or emergency work. Its version goes up with every rule change;
 * each work item records the version it was computed with.
 */
@ObjectType({ description: 'How a kind of work is billed: minimum, rounding increment, multiplier and PSA product.' })
@Audited()
@Entity('labor_types')
export class LaborType {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'Name, unique (for example "Remote" or "After-hours").' })
  @Column('varchar', { length: 100, unique: true })
  name: string;

  @Field(() => Int, { description: 'Each work item bills at least this many minutes (0 to 480) before the multiplier.' })
  @Column('int', { default: 0 })
  minimumMinutes: number;

  @Field(() => Int, { description: 'Billable minutes are rounded up to a multiple of this (1 to 240; 1 = whole minutes).' })
  @Column('int', { default: 1 })
  roundingIncrementMinutes: number;

  @Field(() => Int, {
    description: 'Quantity multiplier in percent (100 to 500): 150 bills 60 minutes as 90 minutes at the normal rate. Applied once.',
  })
  @Column('int', { default: 100 })
  multiplierPercent: number;

  @Field(() => Boolean, {
    description: 'Whether this is after-hours or emergency work (a client policy may switch work outside business hours to such a type).',
  })
  @Column('boolean', { default: false })
  afterHours: boolean;

  @Field(() => String, { nullable: true, description: 'The product (or labor item) this maps to in the PSA, for the PSA integration.' })
  @Column('varchar', { length: 100, nullable: true })
  psaProductId: string | null;

  @Field(() => Boolean, { description: 'Inactive labor types cannot be given to new work; their history stays.' })
  @Column('boolean', { default: true })
  active: boolean;

  @Field(() => Boolean, {
    description: "The install's default labor type (exactly one), used when neither the work item nor its client names one.",
  })
  @Column('boolean', { default: false })
  isDefault: boolean;

  @Field(() => Int, { description: 'Rule version: 1 when created, one more with each change of minimum, increment or multiplier.' })
  @Column('int', { default: 1 })
  version: number;

  @Field(() => Date, { description: 'When it was created (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
