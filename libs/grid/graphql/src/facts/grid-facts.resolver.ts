import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import type { GridContext } from '../grid-context';
import { gridVisitFacts, residentSample } from './grid-facts.query';
import { GridFactsType } from './grid-facts.type';

const MAX_SAMPLE = 200;

/** Facts for assessment runs: read by assessment-service's service identity through the gateway. */
@Resolver()
export class GridFactsResolver {
  @Authorized(Permission.FACTS_READ)
  @Query(() => GridFactsType, {
    description:
      'Visits done vs due and register completeness per grid in [from, to) (service accounts).',
  })
  async gridFacts(
    @Ctx() ctx: GridContext,
    @Arg('codePrefix', () => String) codePrefix: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<GridFactsType> {
    if (!/^\d{2,15}$/.test(codePrefix)) throw badInput('codePrefix', 'must be 2 to 15 digits');
    if (!(from < to)) throw badInput('to', 'must be after from');
    ctx.auth.assert(Permission.FACTS_READ, codePrefix);
    const filter = { codePrefix, from, to };
    const [visits, coverage] = await Promise.all([
      gridVisitFacts(ctx.dataSource, filter),
      ctx.coverage.of(codePrefix),
    ]);
    const byGrid = new Map(visits.map((v) => [v.gridCode, v]));
    const codes = new Set([...byGrid.keys(), ...coverage.grids.map((c) => c.codePrefix)]);
    const completeness = new Map(coverage.grids.map((c) => [c.codePrefix, c.completeness]));
    const grids = [...codes].sort().map((gridCode) => {
      const v = byGrid.get(gridCode) ?? { gridCode, visitsDue: 0, visitsDone: 0 };
      const percent = completeness.get(gridCode) ?? null;
      return {
        ...v,
        visitCompletionRate: v.visitsDue ? v.visitsDone / v.visitsDue : null,
        dataCompleteness: percent === null ? null : percent / 100,
      };
    });
    return { grids };
  }

  @Authorized(Permission.FACTS_READ)
  @Query(() => [ID], {
    description:
      'A random sample of resident ids of a grid, for a satisfaction survey (service accounts; ids only).',
  })
  surveyResidentSample(
    @Ctx() ctx: GridContext,
    @Arg('gridCode', () => String) gridCode: string,
    @Arg('size', () => Int) size: number,
  ): Promise<string[]> {
    if (!/^\d{15}$/.test(gridCode)) throw badInput('gridCode', 'must be a 15-digit grid code');
    if (!(size >= 1 && size <= MAX_SAMPLE)) throw badInput('size', `must be 1 to ${MAX_SAMPLE}`);
    ctx.auth.assert(Permission.FACTS_READ, gridCode);
    return residentSample(ctx.dataSource, gridCode, size);
  }
}
