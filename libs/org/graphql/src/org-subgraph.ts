import type { SubgraphDefinition } from '@gridgov/platform-graphql';
import { orgDatabase, seedOrgDemo, type TokenSettings } from '@gridgov/org-data-access';
import { AccountResolver } from './account/account.resolver';
import { AdminUnitResolver } from './admin-unit/admin-unit.resolver';
import { createOrgContext, type OrgContext } from './org-context';
import { orgReferences } from './org.reference';

/** The org subgraph: administrative units, accounts and sign-in. */
export function createOrgSubgraph(tokens: TokenSettings): SubgraphDefinition<OrgContext> {
  return {
    name: 'org',
    resolvers: [AdminUnitResolver, AccountResolver],
    references: orgReferences,
    database: orgDatabase,
    createContext: (base) => createOrgContext(base, tokens),
    seedDemo: seedOrgDemo,
  };
}
