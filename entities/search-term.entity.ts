import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ForeignKey, TimestampColumn } from './columns';
import { SearchDocument, SearchSource } from './search-document.entity';

/**
 * The terms of each search document (stems, vocabulary concepts, error codes; see src/knowledge/), one row
 * per document and term, so that search reads the same rows on every database and finds two-letter
 * terms and dotted codes whatever the engine's own full-text settings. Derived data: written with the
 * document, rebuilt from it (the SearchTerms migration did so for older ones), never edited by hand.
 */
@Entity('search_terms')
// covers the search's read: postings come from the index alone, without touching the documents
@Index('ix_search_terms_term', ['term', 'source', 'documentId', 'titleCount', 'bodyCount', 'termCount', 'occurredAt'])
@Index('ix_search_terms_document', ['documentId'])
export class SearchTerm {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  documentId: number;

  @ForeignKey(() => SearchDocument, 'document_id', { onDelete: 'CASCADE' })
  document?: Relation<SearchDocument>;

  /** The document's source, copied so that similar problems read their kinds from the index alone. */
  @Column('varchar', { length: 20 })
  source: SearchSource;

  @Column('varchar', { length: 64 })
  term: string;

  /** How often it occurs in the document's headline. */
  @Column('int')
  titleCount: number;

  /** How often it occurs in the rest of the document. */
  @Column('int')
  bodyCount: number;

  /** How many terms the whole document holds (the same on each of its rows): for length-normalised ranking. */
  @Column('int')
  termCount: number;

  /** When the document happened (copied too): equal scores rank the newer first, decided in the index alone. */
  @TimestampColumn()
  occurredAt: Date;
}
