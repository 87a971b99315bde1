import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from './columns';

export enum ChangeAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  ARCHIVE = 'ARCHIVE',
  BILL = 'BILL',
  UNLOCK = 'UNLOCK',
}
registerEnumType(ChangeAction, {
  name: 'ChangeAction',
  description: 'What a change did.',
  valuesConfig: {
    CREATE: { description: 'The object was created.' },
    UPDATE: { description: 'Fields of the object changed.' },
    ARCHIVE: { description: 'The object was archived (kept for history, hidden from active lists).' },
    BILL: { description: 'The object was marked billed; its time and billable flag are locked.' },
    UNLOCK: { description: 'A billed object was unlocked for editing; the reason says why.' },
  },
});

type Snapshot = Record<string, unknown>;

@ObjectType('Change', { description: 'One recorded change to a business object: who, when, why, and the values before and after.' })
@Entity('change_log')
@Index('ix_change_log_object', ['objectType', 'objectId', 'id'])
export class ChangeLogEntry {
  @Field(() => ID, { description: 'Stable identifier; ids grow in the order changes happened.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => String, { description: 'GraphQL type of the object, for example "Session".' })
  @Column('varchar', { length: 50 })
  objectType: string;

  @Field(() => ID, { description: 'Id of the object.' })
  @Column('int')
  objectId: number;

  @Field(() => ChangeAction, { description: 'What the change did.' })
  @Column('varchar', { length: 20 })
  action: ChangeAction;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Stored values before the change (secrets redacted); null on CREATE.' })
  @Column('simple-json', { nullable: true })
  before: Snapshot | null;

  @Field(() => GraphQLJSONObject, { description: 'Stored values after the change (secrets redacted).' })
  @Column('simple-json')
  after: Snapshot;

  @Field(() => String, { nullable: true, description: 'Why, when the change required a reason (unlocking a billed session).' })
  @Column('varchar', { length: 500, nullable: true })
  reason: string | null;

  @Field(() => String, { description: 'Request that made the change (x-request-id), to match with server logs.' })
  @Column('varchar', { length: 100 })
  requestId: string;

  @Field(() => String, { description: 'Who made the change: "user:<id>", "anonymous" or "system:<task>".' })
  @Column('varchar', { length: 100 })
  actor: string;

  @Field(() => Date, { description: 'When the change was committed (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => [String], { description: 'Names of the fields whose value changed.' })
  changedFields(): string[] {
    return Object.keys(this.after).filter((k) => JSON.stringify(this.before?.[k] ?? null) !== JSON.stringify(this.after[k] ?? null));
  }
}
