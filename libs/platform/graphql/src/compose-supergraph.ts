import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { buildFederatedSchema } from './build-subgraph-schema';
import type { SubgraphDefinition } from './subgraph-definition';

/** Builds each subgraph schema in-process and composes the supergraph; throws listing every composition error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function composeSupergraph(subgraphs: { definition: SubgraphDefinition<any>; url: string }[]): Promise<string> {
  const services = await Promise.all(
    subgraphs.map(async ({ definition, url }) => ({
      name: definition.name,
      url,
      typeDefs: parse(printSubgraphSchema(await buildFederatedSchema(definition))),
    })),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
