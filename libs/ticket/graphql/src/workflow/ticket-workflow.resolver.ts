import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import { TicketAction, type TicketEntity, type WorkflowAction } from '@gridgov/ticket-data-access';
import type { TicketContext } from '../ticket-context';
import { TicketType } from '../ticket/ticket.type';
import {
  DispatchTicketInput,
  MergeTicketInput,
  RateTicketInput,
  ResolveTicketInput,
  SuspendTicketInput,
  TicketReasonInput,
  TicketStepInput,
  VerifyTicketInput,
} from './ticket-workflow.type';

const step = (ctx: TicketContext, action: WorkflowAction, { id, ...input }: TicketStepInput) =>
  ctx.workflow.apply(id, action, input);

/**
 * One mutation per workflow step, all thin: `TicketWorkflowService` checks each against the
 * transition table and the actor (permissions there depend on the ticket, e.g. its departments).
 */
@Resolver(() => TicketType)
export class TicketWorkflowResolver {
  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType, {
    description: 'Accepts a reported or escalated ticket; the first acceptor owns it (首问负责).',
  })
  acceptTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketStepInput) input: TicketStepInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.ACCEPT, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType, {
    description: 'Dispatches to a lead department (and cooperating ones) or to a grid worker.',
  })
  dispatchTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => DispatchTicketInput) input: DispatchTicketInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.DISPATCH, input);
  }

  @Authorized(Permission.TICKET_RESOLVE)
  @Mutation(() => TicketType, {
    description: 'The lead department returns a dispatch as not its responsibility.',
  })
  returnTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketReasonInput) input: TicketReasonInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.RETURN, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType, { description: 'Passes the ticket to the parent unit.' })
  escalateTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketReasonInput) input: TicketReasonInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.ESCALATE, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType, { description: 'Pauses handling (and its clock), with reason and approver.' })
  suspendTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => SuspendTicketInput) input: SuspendTicketInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.SUSPEND, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType, { description: 'Resumes a suspended ticket where it was.' })
  resumeTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketStepInput) input: TicketStepInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.RESUME, input);
  }

  @Authorized(Permission.TICKET_RESOLVE)
  @Mutation(() => TicketType, { description: 'A handler starts work (also on rework).' })
  startTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketStepInput) input: TicketStepInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.START, input);
  }

  @Authorized(Permission.TICKET_RESOLVE)
  @Mutation(() => TicketType, { description: 'A handler reports the result, with photos.' })
  resolveTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => ResolveTicketInput) input: ResolveTicketInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.RESOLVE, input);
  }

  @Authorized(Permission.TICKET_VERIFY)
  @Mutation(() => TicketType, {
    description: "On-site check by the grid's worker: passed → VERIFIED, failed → REOPENED.",
  })
  verifyTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => VerifyTicketInput) input: VerifyTicketInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.VERIFY, input);
  }

  // The reporter rates: no permission beyond being the reporter, which the service checks.
  @Authorized()
  @Mutation(() => TicketType, { description: 'The reporter rates the result; UNSATISFIED reopens it.' })
  rateTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => RateTicketInput) input: RateTicketInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.RATE, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType)
  closeTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketStepInput) input: TicketStepInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.CLOSE, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType)
  rejectTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketReasonInput) input: TicketReasonInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.REJECT, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType, { description: 'Merges a duplicate into an open ticket of the same category.' })
  mergeTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => MergeTicketInput) input: MergeTicketInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.MERGE, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType, {
    description:
      'PROXY (代办): the handling unit approves; the ticket goes up to the parent unit, or is ACCEPTED at the district.',
  })
  approveTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketStepInput) input: TicketStepInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.APPROVE, input);
  }

  @Authorized(Permission.TICKET_HANDLE)
  @Mutation(() => TicketType, {
    description:
      'PROXY (代办): the handling unit sends it back one level down (the community: to the applicant).',
  })
  sendBackTicket(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => TicketReasonInput) input: TicketReasonInput,
  ): Promise<TicketEntity> {
    return step(ctx, TicketAction.SEND_BACK, input);
  }
}
