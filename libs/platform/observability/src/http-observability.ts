import { randomUUID } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

export const REQUEST_ID_HEADER = 'x-request-id';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
    log: Logger;
  }
}

/**
 * Adds request ids (taken from `x-request-id` when the gateway sent one), a per-request child
 * logger, HTTP metrics, and the operator endpoints `/healthz` (process up), `/readyz` (can serve:
 * `ready()` true) and `/metrics` (Prometheus).
 */
export function createObservedApp(options: { logger: Logger; metrics: Metrics; ready: () => Promise<boolean> }): Express {
  const { logger, metrics } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header(REQUEST_ID_HEADER);
    req.requestId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ requestId: req.requestId });
    res.setHeader(REQUEST_ID_HEADER, req.requestId);
    const stop = metrics.httpDuration.startTimer({ route: req.path });
    res.on('finish', () => {
      stop();
      metrics.httpRequests.inc({ route: req.path, status: String(res.statusCode) });
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await options.ready().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return app;
}
