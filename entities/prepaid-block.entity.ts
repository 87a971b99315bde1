import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Audited } from './audited';
import { Client } from './client.entity';
import { ForeignKey, TimestampColumn } from './columns';

/**
 * Hours a client paid for in advance. Quantities are integer hundredths of a minute (6000 = one hour),
 * so a 1.5x after-hours debit of 1 h 45 min (157.5 minutes) is exact.
 */
@ObjectType({ description: 'A block of prepaid hours a client bought; billable work draws from the oldest open block first.' })
@Audited()
@Entity('prepaid_blocks')
@Index('ix_prepaid_blocks_client_purchased', ['clientId', 'purchasedAt'])
export class PrepaidBlock {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  clientId: number;

  @ForeignKey(() => Client, 'client_id')
  client?: Relation<Client>;

  /** Hours bought × 6000. */
  @Column('int')
  capacityCentiminutes: number;

  /** Drawn so far × 100 minutes. */
  @Column('int', { default: 0 })
  usedCentiminutes: number;

  @Field(() => Date, { description: 'When the block was bought (UTC); it covers work that started from then on.' })
  @TimestampColumn()
  purchasedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the block expires (UTC); it covers no work that starts later. Null: never.' })
  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  @Field(() => String, { description: 'What the purchase was (invoice number, agreement).' })
  @Column('varchar', { length: 500 })
  note: string;

  @Field(() => Date, {
    nullable: true,
    description: "When the block's balance first fell to the client's alert threshold or below (recorded once).",
  })
  @TimestampColumn({ nullable: true })
  lowBalanceAt: Date | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;

  @Field(() => Float, { description: 'Hours bought.' })
  hours(): number {
    return this.capacityCentiminutes / 6000;
  }

  @Field(() => Float, { description: 'Hours drawn so far (after-hours work counts hours x multiplier), to the hundredth of a minute.' })
  usedHours(): number {
    return this.usedCentiminutes / 6000;
  }

  @Field(() => Float, { description: 'Hours left.' })
  balanceHours(): number {
    return (this.capacityCentiminutes - this.usedCentiminutes) / 6000;
  }
}
