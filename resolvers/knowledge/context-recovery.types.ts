import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Client } from '../../entities/client.entity';
import { Credential } from '../../entities/credential.entity';
import { EnvironmentalInsight } from '../../entities/environmental-insight.entity';
import { PendingTask } from '../../entities/pending-task.entity';
import { Session } from '../../entities/session.entity';
import { Topology } from '../infrastructure/topology.types';
import { IsId } from '../kit/validators';

@ArgsType()
export class ContextRecoveryArgs {
  @Field(() => ID, { description: 'The client whose work to pick up.' })
  @IsId()
  clientId: string;

  @Field(() => Int, { defaultValue: 5, description: 'How many recent sessions to return (1 to 20).' })
  @Min(1)
  @Max(20)
  limit: number = 5;
}

@ObjectType({ description: 'A credential of the client and when it was last revealed (metadata only, never the value).' })
export class UsedCredential {
  @Field(() => Credential, { description: 'The credential.' })
  credential: Credential;

  @Field(() => Date, { description: 'When it was last revealed (UTC).' })
  lastUsedAt: Date;
}

@ObjectType({ description: "What an agent needs to pick up a client's work, plus a text under 300 words." })
export class ContextRecovery {
  @Field(() => Client, { description: 'The client.' })
  client: Client;

  @Field(() => Int, { description: 'How many sessions the client has in all.' })
  sessionCount: number;

  @Field(() => [Session], { description: 'The most recent sessions with their summaries, newest first.' })
  sessions: Session[];

  @Field(() => [PendingTask], { description: 'Open pending tasks, soonest due first (at most 10).' })
  openTasks: PendingTask[];

  @Field(() => [UsedCredential], { description: 'Credentials revealed most recently (at most 10).' })
  recentCredentials: UsedCredential[];

  @Field(() => Topology, { description: "The client's active infrastructure and its relationships." })
  topology: Topology;

  @Field(() => [EnvironmentalInsight], {
    description:
      'Active insights about the client and its hosts (at most 10): those sharing words with the open tasks and recent session titles first, then the most confident.',
  })
  insights: EnvironmentalInsight[];

  @Field(() => String, { description: 'All of it in under 300 words, for an agent to paste.' })
  text: string;
}
