import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ForeignKey, TimestampColumn } from './columns';
import { User } from './user.entity';

/**
 * A one-time invite to set a password. Only a hash of its token is stored: the token is shown once, to
 * the admin who issued it. It ends when used, when it expires, or when a newer invite for the user is issued.
 */
@Entity('user_invites')
@Index('ix_user_invites_user', ['userId'])
export class UserInvite {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  userId: number;

  @ForeignKey(() => User, 'user_id', { onDelete: 'CASCADE' })
  user?: Relation<User>;

  @Column('varchar', { length: 64, unique: true })
  tokenHash: string;

  @TimestampColumn()
  expiresAt: Date;

  @TimestampColumn({ nullable: true })
  usedAt: Date | null;

  /** Set when a newer invite replaced this one before it was used. */
  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @TimestampColumn()
  createdAt: Date;
}
