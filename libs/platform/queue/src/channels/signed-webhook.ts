import { createHmac, timingSafeEqual } from 'node:crypto';

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

/** POSTs a JSON body with signature and timestamp headers; a non-2xx answer or a timeout throws (the job retries). */
export async function postSignedWebhook(url: string, secret: string, payload: unknown, timeoutMs = 5_000): Promise<void> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
      [TIMESTAMP_HEADER]: timestamp,
    },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`webhook ${new URL(url).host} answered ${response.status}`);
}
