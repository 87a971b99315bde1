import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { LaborType } from './labor-type.entity';

export enum AfterHoursPolicy {
  NONE = 'NONE',
  AFTER_HOURS_LABOR_TYPE = 'AFTER_HOURS_LABOR_TYPE',
}
registerEnumType(AfterHoursPolicy, {
  name: 'AfterHoursPolicy',
  description: "What happens to work that starts outside the client's business hours.",
  valuesConfig: {
    NONE: { description: 'Nothing: all work bills by its own labor type, whenever it starts.' },
    AFTER_HOURS_LABOR_TYPE: {
      description:
        "Work that starts outside business hours bills with the client's after-hours labor type (unless it already has an after-hours type).",
    },
  },
});

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

  @Field(() => String, { description: 'IANA time zone business hours are read in (for example "America/Phoenix"); UTC by default.' })
  @Column('varchar', { length: 64, default: 'UTC' })
  timeZone: string;

  @Field(() => String, { description: 'Start of business hours, local "HH:MM" (default "09:00").' })
  @Column('varchar', { length: 5, default: '09:00' })
  businessHoursStart: string;

  @Field(() => String, { description: 'End of business hours, local "HH:MM", exclusive (default "17:00").' })
  @Column('varchar', { length: 5, default: '17:00' })
  businessHoursEnd: string;

  /** ISO weekdays, comma-separated: "1,2,3,4,5" is Monday to Friday. */
  @Column('varchar', { length: 20, default: '1,2,3,4,5' })
  businessDays: string;

  @Field(() => AfterHoursPolicy, { description: 'What happens to work that starts outside business hours (NONE by default).' })
  @Column('varchar', { length: 30, default: AfterHoursPolicy.NONE })
  afterHoursPolicy: AfterHoursPolicy;

  @Column('int', { nullable: true })
  defaultLaborTypeId: number | null;

  @ForeignKey(() => LaborType, 'default_labor_type_id', { nullable: true })
  defaultLaborType?: Relation<LaborType> | null;

  @Column('int', { nullable: true })
  afterHoursLaborTypeId: number | null;

  @ForeignKey(() => LaborType, 'after_hours_labor_type_id', { nullable: true })
  afterHoursLaborType?: Relation<LaborType> | null;

  @Field(() => Int, {
    description: 'Prepaid alert: a block that falls to this percentage of its hours or below is recorded once (0 to 100, default 20).',
  })
  @Column('int', { default: 20 })
  prepaidAlertPercent: number;

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
