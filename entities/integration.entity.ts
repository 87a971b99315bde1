import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Relation, Unique } from 'typeorm';
import { Audited } from './audited';
import { ForeignKey, TimestampColumn } from './columns';
import { IntegrationCredential } from './integration-credential.entity';

export enum PsaProviderKind {
  SYNCRO = 'syncro',
  HALO = 'halo',
}
registerEnumType(PsaProviderKind, {
  name: 'PsaProviderKind',
  description: 'Which PSA an integration talks to.',
  valuesConfig: {
    SYNCRO: { description: 'SyncroMSP REST v1 (API token).' },
    HALO: { description: 'HaloPSA (OAuth2 client credentials).' },
  },
});

export enum PostingMode {
  TIMER_THEN_CHARGE = 'TIMER_THEN_CHARGE',
  LINE_ITEM = 'LINE_ITEM',
}
registerEnumType(PostingMode, {
  name: 'PostingMode',
  description: 'How billable time reaches the PSA.',
  valuesConfig: {
    TIMER_THEN_CHARGE: { description: 'A timer entry, then charged (Syncro bills in two steps; one-step PSAs bill on the entry).' },
    LINE_ITEM: { description: 'A billed line item on the ticket (hours at the client’s rate).' },
  },
});

export enum LaborProductSource {
  LABOR_TYPE = 'LABOR_TYPE',
  WORK_CATEGORY = 'WORK_CATEGORY',
}
registerEnumType(LaborProductSource, {
  name: 'LaborProductSource',
  description: 'Where the PSA labor product of a piece of work comes from.',
  valuesConfig: {
    LABOR_TYPE: { description: 'The work item’s labor type (its psaProductId).' },
    WORK_CATEGORY: { description: 'The integration’s product per work category.' },
  },
});

@ObjectType({
  description: 'A connection to a PSA account and how sessions are posted to it; its API key is kept by the vault and never returned.',
})
@Audited()
@Entity('integrations')
@Unique('uq_integrations_name', ['name'])
export class Integration {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => PsaProviderKind, { description: 'Which PSA.' })
  @Column('varchar', { length: 20 })
  provider: PsaProviderKind;

  @Field(() => String, { description: 'Name of the account, unique.' })
  @Column('varchar', { length: 200 })
  name: string;

  @Field(() => String, { description: 'API base URL, for example https://acme.syncromsp.com/api/v1.' })
  @Column('varchar', { length: 500 })
  baseUrl: string;

  @Column('int')
  credentialId: number;

  @ForeignKey(() => IntegrationCredential, 'credential_id')
  credential?: Relation<IntegrationCredential>;

  @Field(() => String, { nullable: true, description: 'OAuth client id (HaloPSA); the secret is the API key.' })
  @Column('varchar', { length: 200, nullable: true })
  oauthClientId: string | null;

  @Field(() => PostingMode, { description: 'How billable time is posted.' })
  @Column('varchar', { length: 20 })
  postingMode: PostingMode;

  @Field(() => LaborProductSource, { description: 'Where the labor product comes from.' })
  @Column('varchar', { length: 20 })
  productSource: LaborProductSource;

  /** JSON object: work category → PSA product id. */
  @Column('varchar', { length: 2000, default: '{}' })
  categoryProductsJson: string;

  @Field(() => String, { nullable: true, description: 'Product for work that maps to none (else the PSA’s default labor product).' })
  @Column('varchar', { length: 100, nullable: true })
  defaultProductId: string | null;

  @Field(() => Boolean, { description: 'Comments are private notes (the default).' })
  @Column('boolean', { default: true })
  hiddenComments: boolean;

  @Field(() => Boolean, { description: 'Public comments do not e-mail the customer (the default).' })
  @Column('boolean', { default: true })
  doNotEmail: boolean;

  @Field(() => Int, { description: 'Requests allowed per window by the PSA, shared by every replica.' })
  @Column('int')
  rateLimitRequests: number;

  @Field(() => Int, { description: 'The rate-limit window in seconds.' })
  @Column('int')
  rateLimitWindowSeconds: number;

  @Field(() => Int, { description: 'How long one call may take before it counts as failed, in seconds.' })
  @Column('int', { default: 15 })
  timeoutSeconds: number;

  @Field(() => Date, { nullable: true, description: 'When it was archived.' })
  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { description: 'When it was recorded (UTC).' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => Date, { description: 'When it was last changed (UTC).' })
  @TimestampColumn()
  updatedAt: Date;
}
