import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SessionMode } from '../../entities/session.entity';
import { IdempotentInput } from '../kit/idempotent.input';
import { IsId, NotBlank } from '../kit/validators';
import { SessionOrder } from '../../src/tracking/session.commands';
import type { StartSession, EndSession, UpdateSession, TagSession, SessionFilter } from '../../src/tracking/session.commands';

registerEnumType(SessionOrder, {
  name: 'SessionOrder',
  description: 'Order of a sessions list; ties are broken by id.',
  valuesConfig: { STARTED_AT_DESC: { description: 'Most recent first.' }, STARTED_AT_ASC: { description: 'Oldest first.' } },
});

@InputType({ description: 'Starts a session. MSP needs clientId, DEV needs projectId, NORMAL takes neither.' })
export class StartSessionInput extends IdempotentInput implements StartSession {
  @Field(() => SessionMode, { description: 'Kind of session.' })
  @IsEnum(SessionMode)
  mode: SessionMode;

  @Field(() => ID, { nullable: true, description: 'Client worked for (MSP; optional for DEV, where it must match the project).' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Project worked on (DEV; optional for MSP, where it must belong to the client).' })
  @IsOptional()
  @IsId()
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'Machine the work is done from.' })
  @IsOptional()
  @IsId()
  machineId?: string;

  @Field(() => String, { nullable: true, description: 'Short title (up to 300 characters).' })
  @IsOptional()
  @MaxLength(300)
  title?: string;

  @Field(() => Boolean, { nullable: true, description: 'Override the default: billable for MSP, not billable otherwise.' })
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When the work started, for work logged after the fact; now when omitted; never in the future.',
  })
  @IsOptional()
  startedAt?: Date;
}

@InputType({ description: 'Ends an open session.' })
export class EndSessionInput extends IdempotentInput implements EndSession {
  @Field(() => ID, { description: 'The session to end.' })
  @IsId()
  sessionId: string;

  @Field(() => Date, { nullable: true, description: 'When the work ended; now when omitted; after startedAt and not in the future.' })
  @IsOptional()
  endedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'Your summary in markdown (up to 20000 characters; the one set before when omitted): it opens the summary the service writes.',
  })
  @IsOptional()
  @MaxLength(20000)
  summary?: string;
}

@InputType({ description: 'Changes to a session; omitted fields stay. Time and billable flag are locked while the session is billed.' })
export class UpdateSessionInput implements UpdateSession {
  @Field(() => ID, { description: 'The session to change.' })
  @IsId()
  id: string;

  @Field(() => String, { nullable: true, description: 'New title (up to 300 characters).' })
  @IsOptional()
  @MaxLength(300)
  title?: string;

  @Field(() => Boolean, { nullable: true, description: 'New billable flag.' })
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @Field(() => Date, { nullable: true, description: 'Corrected start; not in the future and not after the end.' })
  @IsOptional()
  startedAt?: Date;

  @Field(() => Date, { nullable: true, description: 'Corrected end of an ended session; after the start, not in the future.' })
  @IsOptional()
  endedAt?: Date;

  @Field(() => String, { nullable: true, description: 'New summary in markdown (up to 20000 characters).' })
  @IsOptional()
  @MaxLength(20000)
  summary?: string;
}

@InputType({ description: 'Adds tags to a session; tags it already has are kept once.' })
export class TagSessionInput implements TagSession {
  @Field(() => ID, { description: 'The session to tag.' })
  @IsId()
  sessionId: string;

  @Field(() => [String], { description: 'Tag names (1 to 20, each up to 50 characters); stored lower-case with dashes for spaces.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NotBlank({ each: true })
  @MaxLength(50, { each: true })
  tags: string[];
}

@InputType('SessionFilter', { description: 'Narrows a sessions list; all conditions must hold.' })
export class SessionFilterInput implements SessionFilter {
  @Field(() => ID, { nullable: true, description: 'Only sessions for this client.' })
  @IsOptional()
  @IsId()
  clientId?: string;

  @Field(() => ID, { nullable: true, description: 'Only sessions on this project.' })
  @IsOptional()
  @IsId()
  projectId?: string;

  @Field(() => ID, { nullable: true, description: 'Only sessions from this machine.' })
  @IsOptional()
  @IsId()
  machineId?: string;

  @Field(() => SessionMode, { nullable: true, description: 'Only sessions of this mode.' })
  @IsOptional()
  mode?: SessionMode;

  @Field(() => Boolean, { nullable: true, description: 'Only billable (true) or non-billable (false) sessions.' })
  @IsOptional()
  billable?: boolean;

  @Field(() => Date, { nullable: true, description: 'Only sessions started at or after this time.' })
  @IsOptional()
  startedFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Only sessions started before this time.' })
  @IsOptional()
  startedBefore?: Date;

  @Field(() => Boolean, { nullable: true, description: 'Only open (true) or ended (false) sessions.' })
  @IsOptional()
  open?: boolean;
}
