import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Context } from '../../src/graphql/context';
import { similarProblems } from '../../src/knowledge/similar-problems.service';
import { SimilarProblems, SimilarProblemsArgs } from './similar-problems.types';
import { idOrNull } from '../kit/validators';
import { Access, agentMay, readers } from '../../src/graphql/access';

@Resolver()
export class SimilarProblemsResolver {
  @Access(readers(agentMay.askAboutOwnClient))
  @Query(() => SimilarProblems, {
    description:
      'Past problem solutions and failure patterns most like a described problem: ranked by shared words, technologies, host and tags, each with a score and why it matched.',
  })
  async similarProblems(@Ctx() ctx: Context, @Args(() => SimilarProblemsArgs) args: SimilarProblemsArgs): Promise<SimilarProblems> {
    const answer = await similarProblems(ctx, args.description, args.top, args.clientId);
    return { ...answer, matches: answer.matches.map((m) => ({ ...m, id: String(m.id), sessionId: idOrNull(m.sessionId) })) };
  }
}
