import { composeSupergraph } from '@gridgov/platform-graphql';
import { createOrgSubgraph } from '@gridgov/org-graphql';

/** Every subgraph of the platform with the URL it listens on by default (the gateway can override them). */
export function composeSubgraphs(): Promise<string> {
  return composeSupergraph([{ definition: createOrgSubgraph({ secret: 'unused', ttlSeconds: 1 }), url: 'http://127.0.0.1:4001/graphql' }]);
}
