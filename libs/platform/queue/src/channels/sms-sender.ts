import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One text message to one phone number. */
export interface SmsMessage {
  phone: string;
  text: string;
  /** Idempotency key for the provider (notification or broadcast id plus recipient). */
  reference: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/**
 * The SMS provider adapter: one JSON POST per message; any non-2xx answer is a failure the job retries.
 * Providers differ in field names; a gateway in front of the real provider maps this shape.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 5_000,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
  }
}

/** Development sink: one tab-separated line per message (time, reference, phone, text) appended to a file. */
export class FileSmsSink implements SmsSender {
  constructor(readonly path: string) {}

  async send(message: SmsMessage): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const text = message.text.replace(/\s+/g, ' ');
    await appendFile(this.path, `${new Date().toISOString()}\t${message.reference}\t${message.phone}\t${text}\n`);
  }
}

/** The provider when a URL is configured, otherwise the file sink. */
export const createSmsSender = (config: { url?: string; token?: string; sinkFile: string }): SmsSender =>
  config.url ? new HttpSmsSender(config.url, config.token) : new FileSmsSink(config.sinkFile);
