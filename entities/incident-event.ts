import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One entry of an incident timeline.' })
export class IncidentEvent {
  @Field(() => Date, { description: 'When it happened (UTC).' })
  at: Date;

  @Field(() => String, { description: 'What happened.' })
  note: string;
}
