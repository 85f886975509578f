import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Permission } from '@gridgov/platform-auth';
import {
  type CalendarDay,
  type CalendarDayChange,
  type SlaPolicyChange,
  type SlaPolicyEntity,
  TicketMode,
} from '@gridgov/ticket-data-access';
import type { TicketContext } from '../ticket-context';
import {
  CalendarDayInput,
  CalendarDayType,
  SlaDurationType,
  SlaPolicyChangeType,
  SlaPolicyInput,
  SlaPolicyType,
} from './sla-admin.type';

/** SLA policies and the working calendar: readable with ticket:read, edited with platform-wide ticket:configure. */
@Resolver(() => SlaPolicyType)
export class SlaAdminResolver {
  @Authorized(Permission.TICKET_READ)
  @Query(() => [SlaPolicyType])
  slaPolicies(
    @Ctx() ctx: TicketContext,
    @Arg('mode', () => TicketMode, { nullable: true }) mode?: TicketMode,
  ): Promise<SlaPolicyEntity[]> {
    return ctx.slaPolicies.list(mode);
  }

  @Authorized(Permission.TICKET_CONFIGURE)
  @Mutation(() => SlaPolicyChangeType, {
    description: 'Adds a policy; running clocks it now governs are re-timed (new SLA version).',
  })
  createSlaPolicy(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => SlaPolicyInput) input: SlaPolicyInput,
  ): Promise<SlaPolicyChange> {
    return ctx.slaPolicies.create(input);
  }

  @Authorized(Permission.TICKET_CONFIGURE)
  @Mutation(() => SlaPolicyChangeType, {
    description: 'Replaces a policy; running clocks it governs are re-timed.',
  })
  updateSlaPolicy(
    @Ctx() ctx: TicketContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SlaPolicyInput) input: SlaPolicyInput,
  ): Promise<SlaPolicyChange> {
    return ctx.slaPolicies.update(id, input);
  }

  @Authorized(Permission.TICKET_READ)
  @Query(() => [CalendarDayType], {
    description:
      'The exceptions of a year: public holidays and make-up working days. Bundled: 2026; later years are entered by admins.',
  })
  workingCalendar(@Ctx() ctx: TicketContext, @Arg('year', () => Int) year: number): Promise<CalendarDay[]> {
    return ctx.calendar.year(year);
  }

  @Authorized(Permission.TICKET_CONFIGURE)
  @Mutation(() => CalendarDayType, {
    description:
      'Sets a holiday or make-up working day; running and paused working-day clocks spanning the day are re-timed (new SLA version).',
  })
  setCalendarDay(
    @Ctx() ctx: TicketContext,
    @Arg('input', () => CalendarDayInput) input: CalendarDayInput,
  ): Promise<CalendarDayChange> {
    return ctx.calendar.setDay(input);
  }

  @Authorized(Permission.TICKET_CONFIGURE)
  @Mutation(() => CalendarDayType, {
    description:
      'Removes an exception; the day follows the Monday–Friday rule again, and working-day clocks spanning it are re-timed.',
  })
  clearCalendarDay(
    @Ctx() ctx: TicketContext,
    @Arg('day', () => String) day: string,
  ): Promise<CalendarDayChange> {
    return ctx.calendar.clearDay(day);
  }

  @FieldResolver(() => SlaDurationType)
  accept(@Root() p: SlaPolicyEntity): SlaDurationType {
    return { amount: p.acceptAmount, unit: p.acceptUnit };
  }

  @FieldResolver(() => SlaDurationType)
  resolve(@Root() p: SlaPolicyEntity): SlaDurationType {
    return { amount: p.resolveAmount, unit: p.resolveUnit };
  }

  @FieldResolver(() => SlaDurationType)
  verify(@Root() p: SlaPolicyEntity): SlaDurationType {
    return { amount: p.verifyAmount, unit: p.verifyUnit };
  }

  @FieldResolver(() => Float)
  warningRatio(@Root() p: SlaPolicyEntity): number {
    return Number(p.warningRatio);
  }
}
