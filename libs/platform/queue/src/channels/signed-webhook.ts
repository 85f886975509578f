import { createHmac, timingSafeEqual } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { UnrecoverableError } from 'bullmq';
import { checkedWebhookTarget, type WebhookTargetPolicy } from './webhook-target';

export const SIGNATURE_HEADER = 'x-gridgov-signature';
export const TIMESTAMP_HEADER = 'x-gridgov-timestamp';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp is signed so a captured call cannot be replayed later. */
export const webhookSignature = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** For receivers (and tests): the signature matches and the timestamp is within `toleranceSeconds` of now. */
export function verifyWebhookSignature(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * POSTs a JSON body with signature and timestamp headers to a target the policy allows (checked again
 * here, DNS included: see checkedWebhookTarget). A refused target or a redirect (never followed) throws
 * UnrecoverableError, so the job fails at once; a non-2xx answer, a network error or a timeout throws
 * a plain Error (the job retries).
 */
export async function postSignedWebhook(
  rawUrl: string,
  secret: string,
  payload: unknown,
  options: { targets: WebhookTargetPolicy; timeoutMs?: number },
): Promise<void> {
  const { url, lookup } = checkedWebhookTarget(rawUrl, options.targets);
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const status = await new Promise<number>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
          [TIMESTAMP_HEADER]: timestamp,
        },
        lookup,
        // No pooled sockets: each call connects through the checked lookup.
        agent: false,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
  if (status >= 300 && status < 400)
    throw new UnrecoverableError(`webhook ${url.host} answered ${status}: redirects are not followed, register the final URL`);
  if (status < 200 || status >= 300) throw new Error(`webhook ${url.host} answered ${status}`);
}
