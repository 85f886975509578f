import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { AuthContext, Permission, verifyAccessToken } from '@gridgov/platform-auth';
import type { DeadLetterQueue } from '@gridgov/platform-queue';

export const BULL_BOARD_PATH = '/admin/queues';
export const ADMIN_COOKIE = 'gridgov_admin';

const tokenOf = (req: Request): string | undefined => {
  const bearer = /^Bearer (.+)$/i.exec(req.header('authorization') ?? '')?.[1];
  if (bearer) return bearer;
  const cookie = (req.header('cookie') ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([name]) => name === ADMIN_COOKIE);
  return cookie ? decodeURIComponent(cookie.slice(1).join('=')) : undefined;
};

/**
 * Operators are platform-wide holders of `queues:operate` (PLATFORM_ADMIN): they see job data of every
 * queue and replay failed jobs. A login token goes in `Authorization: Bearer` or, for the browser,
 * the cookie `POST /admin/session` sets from that header.
 */
function requireOperator(secret: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = tokenOf(req);
    if (!token) return res.status(401).json({ error: 'Sign in: send a login token as Authorization: Bearer' });
    let auth: AuthContext;
    try {
      const claims = verifyAccessToken(token, secret);
      auth = new AuthContext({ accountId: claims.sub, grants: claims.grants });
    } catch {
      return res.status(401).json({ error: 'The token is invalid or expired: sign in again' });
    }
    if (!auth.scopePrefixes(Permission.QUEUES_OPERATE).includes(''))
      return res.status(403).json({ error: 'Operators only: this needs queues:operate platform-wide (PLATFORM_ADMIN)' });
    next();
  };
}

/** `/admin/queues` (Bull Board over every platform queue) and the dead-letter list and replay, all behind operator authentication. */
export function mountOperatorRoutes(app: Express, options: { secret: string; queues: Queue[]; deadLetters: DeadLetterQueue }): void {
  const operator = requireOperator(options.secret);
  app.post('/admin/session', operator, (req, res) => {
    res.setHeader(
      'Set-Cookie',
      `${ADMIN_COOKIE}=${encodeURIComponent(tokenOf(req) as string)}; Path=/admin; HttpOnly; SameSite=Strict`,
    );
    res.status(204).end();
  });
  app.get('/admin/dead-letters', operator, async (_req, res) => {
    res.json(await options.deadLetters.list());
  });
  app.post('/admin/dead-letters/:id/replay', operator, async (req, res) => {
    const replayed = await options.deadLetters.replay(String(req.params['id']));
    res.status(replayed ? 200 : 404).json({ replayed });
  });

  const board = new ExpressAdapter();
  board.setBasePath(BULL_BOARD_PATH);
  createBullBoard({ queues: options.queues.map((q) => new BullMQAdapter(q)), serverAdapter: board });
  app.use(BULL_BOARD_PATH, operator, board.getRouter() as express.Router);
}
