import { createOrgSubgraph } from '@gridgov/org-graphql';
import { startTestGraph, type TestGraph, type TestSecrets } from '@gridgov/platform-testing';
import { signInPeople, type TestPerson } from './sign-in-people';

type Subgraphs = ReturnType<Parameters<typeof startTestGraph>[0]>;

/**
 * Starts org-service (whose `login` signs people in) and the `others` subgraphs behind the gateway,
 * then signs `people` in (see signInPeople).
 */
export async function startSignedInGraph(
  others: (secrets: TestSecrets) => Subgraphs,
  people: readonly TestPerson[],
): Promise<{ graph: TestGraph; tokens: Record<string, string>; accountIds: Record<string, string> }> {
  const graph = await startTestGraph((s) => [
    createOrgSubgraph({ secret: s.accessTokenSecret, ttlSeconds: 3600 }),
    ...others(s),
  ]);
  try {
    return { graph, ...(await signInPeople(graph, people)) };
  } catch (error) {
    await graph.stop();
    throw error;
  }
}

/** The data of a request through the gateway that must succeed (no `errors`). */
export async function dataOf<T>(
  graph: TestGraph,
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
): Promise<T> {
  const result = await graph.query<T>(query, variables, token);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}
