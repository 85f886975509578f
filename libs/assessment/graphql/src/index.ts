export type { AssessmentContext } from './assessment-context';
export { createAssessmentSubgraph } from './assessment-subgraph';
