import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { ForeignKey, TimestampColumn } from './columns';
import { Credential } from './credential.entity';
import { Session } from './session.entity';

export enum CredentialAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  STORE = 'STORE',
  REVEAL = 'REVEAL',
  DENIED = 'DENIED',
  TAMPERED = 'TAMPERED',
  ROTATE = 'ROTATE',
}
registerEnumType(CredentialAction, {
  name: 'CredentialAction',
  description: 'What happened to a credential.',
  valuesConfig: {
    CREATE: { description: 'Metadata recorded.' },
    UPDATE: { description: 'Metadata changed.' },
    STORE: { description: 'A value was encrypted and stored.' },
    REVEAL: { description: 'The value was decrypted for the caller.' },
    DENIED: { description: 'A reveal was refused.' },
    TAMPERED: { description: 'Decryption failed its integrity check.' },
    ROTATE: { description: 'Re-encrypted with a new key version.' },
  },
});

@ObjectType({ description: 'One access to a credential: who, when, why and what happened. Written before any value is revealed.' })
@Entity('credential_audit_log')
@Index('ix_credential_audit_log_credential', ['credentialId', 'id'])
export class CredentialAuditEntry {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  credentialId: number;

  @ForeignKey(() => Credential, 'credential_id', { onDelete: 'CASCADE' })
  credential?: Relation<Credential>;

  @Field(() => CredentialAction, { description: 'What was done.' })
  @Column('varchar', { length: 20 })
  action: CredentialAction;

  @Field(() => String, { description: 'Who: "user:<id>", "agent:<session>" or "system:<task>".' })
  @Column('varchar', { length: 100 })
  actor: string;

  @Column('int', { nullable: true })
  sessionId: number | null;

  @ForeignKey(() => Session, 'session_id', { nullable: true, onDelete: 'SET NULL' })
  session?: Relation<Session> | null;

  @Field(() => String, { nullable: true, description: 'Why, as given by the caller.' })
  @Column('varchar', { length: 500, nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'Client IP address.' })
  @Column('varchar', { length: 64, nullable: true })
  ip: string | null;

  @Field(() => String, { description: 'Request id, to match with server logs.' })
  @Column('varchar', { length: 100 })
  requestId: string;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;
}
