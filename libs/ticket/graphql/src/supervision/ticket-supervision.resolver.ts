import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import type { TicketEntity, TicketSupervisionEntity } from '@gridgov/ticket-data-access';
import type { TicketContext } from '../ticket-context';
import { TicketType } from '../ticket/ticket.type';
import {
  ReplyToSupervisionInput,
  SuperviseTicketInput,
  TicketSupervisionType,
} from './ticket-supervision.type';

@Resolver(() => TicketType)
export class TicketSupervisionResolver {
  @Authorized(Permission.TICKET_SUPERVISE)
  @Mutation(() => TicketType, {
    description: 'Puts an open ticket under leader supervision (督办); it turns RED.',
  })
  superviseTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => SuperviseTicketInput) input: SuperviseTicketInput,
  ): Promise<TicketEntity> {
    return ctx.supervision.supervise(input.id, input.opinion);
  }

  @Authorized(Permission.TICKET_HANDLE, Permission.TICKET_RESOLVE)
  @Mutation(() => TicketSupervisionType, {
    description: 'The unit or department handling the ticket replies.',
  })
  replyToSupervision(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => ReplyToSupervisionInput) input: ReplyToSupervisionInput,
  ): Promise<TicketSupervisionEntity> {
    return ctx.supervision.reply(input.supervisionId, input.reply);
  }

  @FieldResolver(() => [TicketSupervisionType], { description: 'Leader supervisions, oldest first.' })
  supervisions(@Root() ticket: TicketEntity, @Ctx() ctx: TicketContext): Promise<TicketSupervisionEntity[]> {
    return ctx.loaders.supervisionsByTicketId.load(ticket.id);
  }
}
