import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/** A retried write's key: the first call stores its result id here, in the same transaction as the write. */
@Entity('idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn('varchar', { length: 50 })
  operation: string;

  /** SHA-256 of the caller and the key they sent. */
  @PrimaryColumn('varchar', { length: 64 })
  key: string;

  /** SHA-256 of the input without the key: the same key with other input is a conflict. */
  @Column('varchar', { length: 64 })
  requestHash: string;

  @Column('int', { nullable: true })
  resultId: number | null;

  @TimestampColumn()
  createdAt: Date;
}
