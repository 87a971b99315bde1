import { Column, Entity, Index, PrimaryColumn, Relation } from 'typeorm';
import { ForeignKey, TimestampColumn } from './columns';
import { User } from './user.entity';

/**
 * One refresh token of a login "family". Only a hash of the secret is stored. A token is used once:
 * refreshing marks it used and issues the next; presenting a used or revoked one revokes the family.
 */
@Entity('refresh_tokens')
@Index('ix_refresh_tokens_family', ['familyId'])
export class RefreshToken {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('int')
  userId: number;

  @ForeignKey(() => User, 'user_id', { onDelete: 'CASCADE' })
  user?: Relation<User>;

  @Column('varchar', { length: 36 })
  familyId: string;

  @Column('varchar', { length: 64 })
  secretHash: string;

  @TimestampColumn()
  expiresAt: Date;

  @TimestampColumn({ nullable: true })
  usedAt: Date | null;

  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @TimestampColumn()
  createdAt: Date;
}
