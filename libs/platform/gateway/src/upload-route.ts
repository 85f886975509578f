import express, { type Express, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { signIdentityToken, type Identity } from '@gridgov/platform-auth';
import { ErrorCode } from '@gridgov/platform-errors';
import type { Logger } from '@gridgov/platform-observability';
import { IDENTITY_HEADER } from './signed-identity-data-source';

/** Upload kinds and the subgraph that takes each (`POST /uploads/<kind>` → `<subgraph>/uploads/<kind>`). */
export const UPLOAD_SUBGRAPHS: Readonly<Record<string, string>> = { 'resident-imports': 'grid' };

export const DEFAULT_UPLOAD_MAX_BYTES = 64 * 1024 * 1024;

/** Storing a large file takes longer than a GraphQL fetch. */
const FORWARD_TIMEOUT_MS = 120_000;

// Bodies a browser may send cross-site without a preflight; like Apollo's CSRF guard, they need a header.
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

export interface UploadRouteOptions {
  maxBytes: number;
  resolveIdentity(authorization: string | undefined): Promise<Identity>;
  /** The subgraph's GraphQL URL (uploads go to a path beside it), once the gateway knows it. */
  subgraphUrl(name: string): string | undefined;
  identityPrivateKey: string;
  log: Logger;
}

const answer = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ error: { code, message } });

/**
 * `POST /uploads/:kind`: files above the GraphQL body limit, as the raw body. Authenticated like
 * GraphQL (bearer token → identity, signed for the one subgraph that takes the kind) and checked
 * for size before the body is read; the subgraph checks permissions and answers.
 */
export function mountUploadRoute(app: Express, options: UploadRouteOptions): void {
  const readBody = express.raw({ type: () => true, limit: options.maxBytes });
  const tooLarge = `the file is larger than the upload limit of ${options.maxBytes} bytes; split it`;

  app.post('/uploads/:kind', async (req: Request, res: Response) => {
    const subgraph = UPLOAD_SUBGRAPHS[String(req.params['kind'])];
    if (!subgraph) return answer(res, 404, ErrorCode.NOT_FOUND, `no upload of kind ${req.params['kind']}`);
    const type = (req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if ((!type || SIMPLE_TYPES.has(type)) && !PREFLIGHT_HEADERS.some((h) => req.header(h)))
      return answer(
        res,
        400,
        'BAD_REQUEST',
        `send the file with a content type such as text/csv or application/octet-stream, or with an ${PREFLIGHT_HEADERS[1]} header (CSRF protection)`,
      );
    let identity: Identity;
    try {
      identity = await options.resolveIdentity(req.header('authorization'));
    } catch (error) {
      return answer(res, 401, ErrorCode.UNAUTHENTICATED, (error as GraphQLError).message);
    }
    if (identity.accountId === null)
      return answer(res, 401, ErrorCode.UNAUTHENTICATED, 'sign in first: send Authorization: Bearer <token>');
    if (Number(req.header('content-length') ?? 0) > options.maxBytes)
      return answer(res, 413, 'PAYLOAD_TOO_LARGE', tooLarge);

    const graphqlUrl = options.subgraphUrl(subgraph);
    if (!graphqlUrl)
      return answer(res, 503, ErrorCode.SUBGRAPH_UNAVAILABLE, `the ${subgraph} service is not known yet`);
    try {
      await new Promise<void>((resolve, reject) =>
        readBody(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      const parser = error as { type?: string };
      if (parser.type === 'entity.too.large') return answer(res, 413, 'PAYLOAD_TOO_LARGE', tooLarge);
      return answer(res, 400, 'BAD_REQUEST', 'the request body could not be read');
    }

    const target = new URL(req.path, graphqlUrl);
    target.search = new URL(req.originalUrl, 'http://gateway').search;
    let forwarded: globalThis.Response;
    try {
      forwarded = await fetch(target, {
        method: 'POST',
        headers: {
          'content-type': type || 'application/octet-stream',
          [IDENTITY_HEADER]: signIdentityToken(identity, {
            privateKey: options.identityPrivateKey,
            audience: subgraph,
          }),
          'x-request-id': req.requestId,
        },
        body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
      });
    } catch (error) {
      options.log.warn({ err: error, subgraph }, 'upload could not be forwarded');
      return answer(
        res,
        502,
        ErrorCode.SUBGRAPH_UNAVAILABLE,
        `the ${subgraph} service is unavailable; try again`,
      );
    }
    // The subgraph answers JSON in the same error shape; pass it on as it is.
    if (!forwarded.headers.get('content-type')?.startsWith('application/json')) {
      options.log.warn({ subgraph, status: forwarded.status }, 'upload answered without JSON');
      return answer(
        res,
        502,
        ErrorCode.SUBGRAPH_UNAVAILABLE,
        `the ${subgraph} service did not take the upload; try again`,
      );
    }
    res
      .status(forwarded.status)
      .type('application/json')
      .send(Buffer.from(await forwarded.arrayBuffer()));
  });
}
