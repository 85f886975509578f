import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type Identity, signIdentityToken } from '@gridgov/platform-auth';
import {
  composeSupergraph,
  IDENTITY_HEADER,
  startSubgraph,
  type RunningSubgraph,
  type SubgraphDefinition,
} from '@gridgov/platform-graphql';
import { startGateway, type RunningGateway } from '@gridgov/platform-gateway';
import { dropSchemas, freshSchemaName, testDatabaseUrl } from './test-database';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestSecrets {
  accessTokenSecret: string;
  publicKey: string;
  privateKey: string;
}

export interface TestGraph {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  secrets: TestSecrets;
  /** POSTs a query to the gateway, with `token` as bearer when given. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  /** POSTs straight to a subgraph with the given identity header value (or none): for bypass tests. */
  querySubgraph(name: string, query: string, identityToken?: string): Promise<{ status: number; body: GraphQLResult }>;
  /** A valid identity token for a subgraph, as the gateway would sign it. */
  signIdentity(name: string, identity: Identity): string;
  stop(): Promise<void>;
}

/**
 * Starts the given subgraphs on free ports, each in a fresh PostgreSQL schema, composes their
 * supergraph, and starts the real gateway in front of them. `stop()` drops the schemas.
 */
export async function startTestGraph(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definitions: (secrets: TestSecrets) => SubgraphDefinition<any>[],
): Promise<TestGraph> {
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const secrets: TestSecrets = {
    accessTokenSecret: randomBytes(32).toString('base64url'),
    publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const schemas: string[] = [];
  const subgraphs: Record<string, RunningSubgraph> = {};
  const defs = definitions(secrets);
  try {
    for (const definition of defs) {
      const schema = freshSchemaName(definition.name);
      schemas.push(schema);
      subgraphs[definition.name] = await startSubgraph(definition, {
        port: 0,
        databaseUrl: testDatabaseUrl(),
        databaseSchema: schema,
        poolSize: 4,
        gatewayPublicKey: secrets.publicKey,
        nodeEnv: 'test',
      });
    }
    const supergraphSdl = await composeSupergraph(defs.map((d) => ({ definition: d, url: subgraphs[d.name].url })));
    const gateway = await startGateway({
      port: 0,
      nodeEnv: 'test',
      supergraphSdl,
      identityPrivateKey: secrets.privateKey,
      accessTokenSecret: secrets.accessTokenSecret,
      subgraphTimeoutMs: 5_000,
      limits: { maxDepth: 12, maxAliases: 30, maxCost: 20_000, maxTokens: 2_000 },
    });
    return {
      gateway,
      subgraphs,
      secrets,
      query: (query, variables, token) => postJson(gateway.url, { query, variables }, token ? { authorization: `Bearer ${token}` } : {}).then((r) => r.body as never),
      querySubgraph: (name, query, identityToken) =>
        postJson(subgraphs[name].url, { query }, identityToken ? { [IDENTITY_HEADER]: identityToken } : {}),
      signIdentity: (name, identity) => signIdentityToken(identity, { privateKey: secrets.privateKey, audience: name }),
      async stop() {
        await gateway.stop();
        await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
        await dropSchemas(schemas);
      },
    };
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop().catch(() => undefined)));
    await dropSchemas(schemas);
    throw error;
  }
}

async function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: GraphQLResult }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResult };
}
