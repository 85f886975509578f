import { composeSupergraph } from '@gridgov/platform-graphql';
import { createAssessmentSubgraph } from '@gridgov/assessment-graphql';
import { createGridSubgraph } from '@gridgov/grid-graphql';
import { createOrgSubgraph } from '@gridgov/org-graphql';
import { createTicketSubgraph } from '@gridgov/ticket-graphql';

/** Every subgraph of the platform with the URL it listens on by default (the gateway can override them). */
export function composeSubgraphs(): Promise<string> {
  return composeSupergraph([
    { definition: createOrgSubgraph({ secret: 'unused', ttlSeconds: 1 }), url: 'http://127.0.0.1:4001/graphql' },
    { definition: createGridSubgraph(), url: 'http://127.0.0.1:4002/graphql' },
    { definition: createTicketSubgraph(), url: 'http://127.0.0.1:4003/graphql' },
    { definition: createAssessmentSubgraph(), url: 'http://127.0.0.1:4004/graphql' },
  ]);
}
