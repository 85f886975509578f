export type { OrgContext } from './org-context';
export { createOrgSubgraph } from './org-subgraph';
