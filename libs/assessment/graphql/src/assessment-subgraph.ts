import type { BaseContext, SubgraphDefinition } from '@gridgov/platform-graphql';
import {
  assessmentDatabase,
  type FactSource,
  GatewayFactSource,
  type GatewayFactSourceOptions,
  seedAssessmentDemo,
  unconfiguredFactSource,
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
 * `Account.assessments`, `AdminUnit.colorCard`, `Department.assessment`. Without `facts` (no
 * ACCESS_TOKEN_SECRET; SDL printing) runs and surveys are refused with SERVICE_MISCONFIGURED, and
 * the first refusal is logged: once per process, as it is the same fault every time.
 */
export function createAssessmentSubgraph(
  options: { facts?: GatewayFactSourceOptions } = {},
): SubgraphDefinition<AssessmentContext> {
  const gateway = options.facts ? new GatewayFactSource(options.facts) : null;
  let refusalLogged = false;
  // Built per request so the one logged refusal carries its request id.
  const factsFor = (base: BaseContext): FactSource =>
    gateway ??
    unconfiguredFactSource((error) => {
      if (refusalLogged) return;
      refusalLogged = true;
      base.log.error(
        { err: error },
        'assessment runs and surveys are refused until ACCESS_TOKEN_SECRET is set',
      );
    });
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
    createContext: (base) => createAssessmentContext(base, factsFor(base)),
    seedDemo: seedAssessmentDemo,
  };
}
