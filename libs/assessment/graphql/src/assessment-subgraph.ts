import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import { assessmentDatabase, seedAssessmentDemo } from '@gridgov/assessment-data-access';
import { createAssessmentContext, type AssessmentContext } from './assessment-context';
import { AssessmentSchemeResolver } from './scheme/assessment-scheme.resolver';

/** The assessment subgraph: schemes and their indicators (runs, results and rankings follow). */
export function createAssessmentSubgraph(): SubgraphDefinition<AssessmentContext> {
  return {
    name: 'assessment',
    resolvers: [AssessmentSchemeResolver],
    database: assessmentDatabase,
    createContext: createAssessmentContext,
    seedDemo: seedAssessmentDemo,
  };
}
