import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import {
  assessmentDatabase,
  GatewayFactSource,
  type GatewayFactSourceOptions,
  seedAssessmentDemo,
} from '@gridgov/assessment-data-access';
import { createAssessmentContext, type AssessmentContext } from './assessment-context';
import { assessmentReferences } from './assessment.reference';
import {
  AccountAssessmentsResolver,
  AdminUnitColorCardResolver,
  DepartmentAssessmentResolver,
} from './federation/assessment-federation.resolver';
import { AccountRef, AdminUnitRef, DepartmentRef } from './federation/assessment-federation.type';
import { AssessmentResultResolver } from './result/assessment-result.resolver';
import { AssessmentReviewResolver } from './review/assessment-review.resolver';
import { AssessmentSchemeResolver } from './scheme/assessment-scheme.resolver';

/**
 * The assessment subgraph: schemes, runs and immutable results, reviews and surveys, rankings,
 * `Account.assessments`, `AdminUnit.colorCard`, `Department.assessment`. Without `facts` (SDL
 * printing) runs and surveys are refused.
 */
export function createAssessmentSubgraph(
  options: { facts?: GatewayFactSourceOptions } = {},
): SubgraphDefinition<AssessmentContext> {
  const facts = options.facts ? new GatewayFactSource(options.facts) : null;
  return {
    name: 'assessment',
    resolvers: [
      AssessmentSchemeResolver,
      AssessmentResultResolver,
      AssessmentReviewResolver,
      AccountAssessmentsResolver,
      AdminUnitColorCardResolver,
      DepartmentAssessmentResolver,
    ],
    // Reached only through the gateway's entity references, not from a Query field.
    orphanedTypes: [AccountRef, AdminUnitRef, DepartmentRef],
    references: assessmentReferences,
    database: assessmentDatabase,
    createContext: (base) => createAssessmentContext(base, facts),
    seedDemo: seedAssessmentDemo,
  };
}
