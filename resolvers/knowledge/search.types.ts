import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { SearchSource } from '../../entities/search-document.entity';

@ObjectType({ description: 'One record that matched a search.' })
export class SearchHit {
  @Field(() => SearchSource, { description: 'What kind of record it is.' })
  source: SearchSource;

  @Field(() => ID, { description: 'Id of the record (a session id for SESSION, a command id for COMMAND, …).' })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The session it belongs to, if any.' })
  sessionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The client it belongs to, if any.' })
  clientId: string | null;

  @Field(() => String, { description: 'A short label for the record: session title, symptom, command line, …' })
  title: string;

  @Field(() => String, { description: 'About 200 characters of the matching text, matching words wrapped in **…**.' })
  snippet: string;

  @Field(() => Float, { description: 'Relevance: higher is better; records holding every search word come first.' })
  score: number;

  @Field(() => [String], { description: 'The search words this record holds.' })
  matchedTerms: string[];

  @Field(() => Date, { description: 'When the record happened (UTC).' })
  occurredAt: Date;
}

@ObjectType({ description: 'Ranked full-text search hits, plus a short text rendering of them.' })
export class SearchResults {
  @Field(() => [SearchHit], { description: 'The best hits, best first.' })
  hits: SearchHit[];

  @Field(() => Int, { description: 'How many records matched (every one is ranked).' })
  matched: number;

  @Field(() => [String], { description: 'The words searched for, lowercased.' })
  terms: string[];

  @Field(() => [String], { description: 'Words left out: shorter than 3 letters or too common to search for.' })
  ignoredTerms: string[];

  @Field(() => String, { description: 'The hits as a few plain lines an agent can paste.' })
  text: string;
}
