import { writers } from '../../src/graphql/access';
import { analyzeFailures } from '../../src/failure-learning/failure-analysis.service';
import { AnalyzeFailuresInput, FailureAnalysis } from './failure-analysis.types';
import { inputMutation } from '../kit/record-resolvers';

export const failureAnalysisResolvers = [
  inputMutation({
    name: 'analyzeFailures',
    access: writers(),
    description:
      'Rebuilds failure patterns (occurrences, environments) and host insights from every recorded failure, and lists the most frequent patterns.',
    input: AnalyzeFailuresInput,
    inputDescription: 'Which failures; see the input type.',
    returns: FailureAnalysis,
    run: (ctx, input) => analyzeFailures(ctx, input.clientId, input.top),
  }),
];
