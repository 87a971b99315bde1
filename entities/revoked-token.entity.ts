import { Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from './columns';

/** Access tokens (by jti) or whole logins (by refresh-token family id) revoked before they expire; shared by every replica. Rows can go once expired. */
@Entity('revoked_tokens')
@Index('ix_revoked_tokens_expires', ['expiresAt'])
export class RevokedToken {
  @PrimaryColumn('varchar', { length: 36 })
  jti: string;

  @TimestampColumn()
  expiresAt: Date;

  @TimestampColumn()
  createdAt: Date;
}
