import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; `service` names the process so `npm start`'s merged output stays readable. */
export function createLogger(service: string, level: string = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: ['req.headers.authorization', '*.password', '*.idNumber', '*.phone'], censor: '[redacted]' },
  });
}
