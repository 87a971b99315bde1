import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Context } from '../src/context';
import { analyzeFailures } from '../src/services/failure-analysis.service';
import { AnalyzeFailuresInput, FailureAnalysis } from './failure-analysis.types';
import { Access, writers } from '../src/auth/access';

@Resolver()
export class FailureAnalysisResolver {
  @Access(writers())
  @Mutation(() => FailureAnalysis, {
    description: 'Rebuilds failure patterns (occurrences, environments) and host insights from every recorded failure, and lists the most frequent patterns.',
  })
  analyzeFailures(@Ctx() ctx: Context, @Arg('input', () => AnalyzeFailuresInput, { description: 'Which failures; see the input type.' }) input: AnalyzeFailuresInput): Promise<FailureAnalysis> {
    return analyzeFailures(ctx, input.clientId, input.top);
  }
}
