import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { badInput } from '@gridgov/platform-errors';
import { ticketFacts, TicketFactGroup, type TicketFactRow } from '@gridgov/ticket-data-access';
import type { TicketContext } from '../ticket-context';
import { TicketFactType } from './ticket-facts.type';

const MAX_PERIOD_MS = 366 * 24 * 3600 * 1000;

/** Facts for assessment runs: read by assessment-service's service identity through the gateway. */
@Resolver()
export class TicketFactsResolver {
  @Authorized(Permission.FACTS_READ)
  @Query(() => [TicketFactType], {
    description:
      'Per-subject ticket counts for tickets reported in [from, to) under a code prefix (service accounts).',
  })
  ticketFacts(
    @Ctx() ctx: TicketContext,
    @Arg('group', () => TicketFactGroup) group: TicketFactGroup,
    @Arg('codePrefix', () => String) codePrefix: string,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<TicketFactRow[]> {
    if (!/^\d{2,15}$/.test(codePrefix)) throw badInput('codePrefix', 'must be 2 to 15 digits');
    if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_MS)
      throw badInput('to', 'must be after from, at most a year later');
    ctx.auth.assert(Permission.FACTS_READ, codePrefix);
    return ticketFacts(ctx.dataSource, { group, codePrefix, from, to });
  }
}
