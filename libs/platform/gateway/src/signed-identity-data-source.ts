import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, type Identity, signIdentityToken } from '@gridgov/platform-auth';
import { ErrorCode } from '@gridgov/platform-errors';

export const IDENTITY_HEADER = 'x-gridgov-identity';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/**
 * Each fetch carries the caller's identity as a token signed for that subgraph alone, the request
 * id, and a timeout; a subgraph that fails costs only its own fields (an error names it).
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly privateKey: string,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: ((input: string, init: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = (context as Partial<GatewayContext>).identity ?? ANONYMOUS;
    request.http?.headers.set(IDENTITY_HEADER, signIdentityToken(identity, { privateKey: this.privateKey, audience: this.subgraph }));
    const requestId = (context as Partial<GatewayContext>).requestId;
    if (requestId) request.http?.headers.set('x-request-id', requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      // A subgraph that refused the request (e.g. 400 for a malformed variable) answered with its own
      // typed errors: pass them on instead of calling the subgraph unavailable.
      const body = error instanceof GraphQLError ? (error.extensions['response'] as { body?: { errors?: unknown } } | undefined)?.body : undefined;
      if (body && Array.isArray(body.errors)) return { errors: body.errors };
      if (error instanceof GraphQLError && error.extensions['code']) throw error;
      throw new GraphQLError(`The ${this.subgraph} service is unavailable; its fields are missing from this answer.`, {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: this.subgraph },
      });
    }
  }
}
