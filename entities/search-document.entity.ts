import { registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Client } from './client.entity';
import { ForeignKey, TimestampColumn } from './columns';
import { Session } from './session.entity';

export enum SearchSource {
  SESSION = 'SESSION',
  WORK_ITEM = 'WORK_ITEM',
  PROBLEM_SOLUTION = 'PROBLEM_SOLUTION',
  COMMAND = 'COMMAND',
  NOTE = 'NOTE',
  FAILURE_PATTERN = 'FAILURE_PATTERN',
}
registerEnumType(SearchSource, {
  name: 'SearchSource',
  description: 'The kind of record a search hit comes from.',
  valuesConfig: {
    SESSION: { description: 'A session: its title and summary.' },
    WORK_ITEM: { description: 'A work item: its description.' },
    PROBLEM_SOLUTION: { description: 'A problem solution: symptom, root cause and fix.' },
    COMMAND: { description: 'A command that ran: the command line and its error.' },
    NOTE: { description: 'A decision, finding or learning.' },
    FAILURE_PATTERN: { description: 'A learned failure pattern: what fails and what to do instead.' },
  },
});

/**
 * The text of every searchable record, copied here in the transaction that writes the record, so one
 * full-text index (MariaDB FULLTEXT, SQLite FTS5: see migrations) serves every kind. Derived data:
 * copied from the records (by the SearchFullText migration for older ones), never edited by hand.
 */
@Entity('search_documents')
@Unique('uq_search_documents_source', ['source', 'sourceId'])
@Index('ix_search_documents_client', ['clientId', 'occurredAt'])
// Created by the SearchFullText migration for each dialect (FULLTEXT on MariaDB, an FTS5 table on SQLite).
@Index('ft_search_documents', { synchronize: false })
export class SearchDocument {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('varchar', { length: 20 })
  source: SearchSource;

  @Column('int')
  sourceId: number;

  @Column('int', { nullable: true })
  clientId: number | null;

  @ForeignKey(() => Client, 'client_id', { nullable: true })
  client?: Relation<Client> | null;

  @Column('int', { nullable: true })
  sessionId: number | null;

  @ForeignKey(() => Session, 'session_id', { nullable: true, onDelete: 'CASCADE' })
  session?: Relation<Session> | null;

  @Column('varchar', { length: 10, nullable: true })
  mode: string | null;

  @TimestampColumn()
  occurredAt: Date;

  @Column('varchar', { length: 300 })
  title: string;

  @Column('text')
  body: string;
}
