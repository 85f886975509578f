import express from 'express';
import { ImportFormat } from '@gridgov/grid-data-access';
import { Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import type { SubgraphRoute } from '@gridgov/platform-graphql';
import type { GridContext } from '../grid-context';

export const RESIDENT_IMPORT_UPLOAD_PATH = '/uploads/resident-imports';

const queryFlag = (raw: unknown, name: string, fallback: boolean): boolean => {
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw badInput(name, 'must be true or false');
};

/**
 * `POST /uploads/resident-imports?format=CSV|XLSX&dryRun=true|false` with the raw file as body (the
 * gateway forwards it): stores the file with a new job and answers 202 `{ id, status }` to poll
 * with `residentImportJob(id)`. Like `startResidentImport`, `dryRun` defaults to true.
 */
export function residentImportUploadRoute(maxBytes: number): SubgraphRoute<GridContext> {
  return {
    path: RESIDENT_IMPORT_UPLOAD_PATH,
    check: (ctx) => ctx.auth.assertAnywhere(Permission.HOUSEHOLD_MANAGE),
    body: express.raw({ type: () => true, limit: maxBytes }),
    async post(req, ctx) {
      const format = String(req.query['format'] ?? '');
      if (format !== ImportFormat.CSV && format !== ImportFormat.XLSX)
        throw badInput('format', `must be ${ImportFormat.CSV} or ${ImportFormat.XLSX}`);
      const dryRun = queryFlag(req.query['dryRun'], 'dryRun', true);
      const job = await ctx.importJobs.upload(
        format,
        Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
        dryRun,
      );
      return { status: 202, body: { id: job.id, status: job.status } };
    },
  };
}
