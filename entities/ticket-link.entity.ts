import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { Integration } from './integration.entity';
import { Session } from './session.entity';

@ObjectType({ description: 'A session linked to a ticket in an external PSA.' })
@Audited()
@Entity('ticket_links')
@Unique('uq_ticket_links', ['sessionId', 'provider', 'ticketId'])
export class TicketLink {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  sessionId: number;

  @ForeignKey(() => Session, 'session_id', { onDelete: 'CASCADE' })
  session?: Relation<Session>;

  @Field(() => String, { description: 'Provider, for example "syncro".' })
  @Column('varchar', { length: 50 })
  provider: string;

  @Field(() => String, { description: 'The provider\u2019s internal ticket id (not the number people see).' })
  @Column('varchar', { length: 100 })
  ticketId: string;

  @Field(() => String, { nullable: true, description: 'The ticket number people see, if known.' })
  @Column('varchar', { length: 100, nullable: true })
  ticketNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Link to the ticket.' })
  @Column('varchar', { length: 500, nullable: true })
  url: string | null;

  @Column('int', { nullable: true })
  integrationId: number | null;

  @ForeignKey(() => Integration, 'integration_id', { nullable: true, onDelete: 'SET NULL' })
  integration?: Relation<Integration> | null;

  @Field(() => Date, { nullable: true, description: 'When the session was posted to this ticket (UTC); null for a plain link.' })
  @TimestampColumn({ nullable: true })
  postedAt: Date | null;

  /** JSON: what postSessionToTicket posted (the PSA's ids), answered again to a repeated call. */
  @Column('text', { nullable: true })
  postedJson: string | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
