import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../src/graphql/context';
import { search } from '../../src/knowledge/search.service';
import { SearchArgs } from './search.inputs';
import { SearchResults } from './search.types';
import { idOrNull } from '../kit/validators';
import { Access, agentMay, readers } from '../../src/graphql/access';

@Resolver()
export class SearchResolver {
  @Access(readers(agentMay.searchOwnOrKnowledgeBase))
  @Query(() => SearchResults, {
    description:
      'Full-text search over sessions, work items, problem solutions, commands, notes and failure patterns: ranked the same on every database, with highlighted snippets.',
  })
  async search(@Ctx() ctx: Context, @Args(() => SearchArgs) args: SearchArgs): Promise<SearchResults> {
    const answer = await search(ctx, args.text, args.filter, args.first);
    return {
      ...answer,
      hits: answer.hits.map((hit) => ({
        source: hit.document.source,
        id: String(hit.document.sourceId),
        sessionId: idOrNull(hit.document.sessionId),
        clientId: idOrNull(hit.document.clientId),
        title: hit.label,
        snippet: hit.snippet,
        score: hit.score,
        matchedTerms: hit.matched,
        occurredAt: hit.document.occurredAt,
      })),
    };
  }
}
