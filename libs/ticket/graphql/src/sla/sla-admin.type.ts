import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SlaUnit, TicketMode } from '@gridgov/ticket-data-access';

/** The unit level a policy applies at (the handling unit's). */
export enum SlaUnitLevel {
  COMMUNITY = 'COMMUNITY',
  STREET = 'STREET',
  DISTRICT = 'DISTRICT',
  CITY = 'CITY',
}

registerEnumType(SlaUnit, {
  name: 'SlaUnit',
  description: 'Minutes and hours run around the clock; working days follow the calendar.',
});
registerEnumType(SlaUnitLevel, {
  name: 'SlaUnitLevel',
  description: 'Level of the unit handling the ticket.',
});

@ObjectType('SlaDuration')
export class SlaDurationType {
  @Field(() => Int)
  amount!: number;

  @Field(() => SlaUnit)
  unit!: SlaUnit;
}

@InputType('SlaDurationInput')
export class SlaDurationInput {
  @Field(() => Int, { description: 'At least 1; at most 43,200 minutes, 720 hours or 60 working days.' })
  amount!: number;

  @Field(() => SlaUnit)
  unit!: SlaUnit;
}

@ObjectType('SlaPolicy', {
  description:
    'Clocks of a category prefix × mode at a unit level; the longest matching category prefix wins.',
})
export class SlaPolicyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "'' for every category." })
  categoryPrefix!: string;

  @Field(() => TicketMode)
  mode!: TicketMode;

  @Field(() => SlaUnitLevel)
  unitLevel!: SlaUnitLevel;

  @Field(() => SlaDurationType)
  accept!: SlaDurationType;

  @Field(() => SlaDurationType)
  resolve!: SlaDurationType;

  @Field(() => SlaDurationType)
  verify!: SlaDurationType;

  @Field(() => Float, { description: 'Share of the time after which the clock turns YELLOW.' })
  warningRatio!: number;

  @Field(() => Int, { description: 'Minutes past the deadline after which it turns RED.' })
  redAfterMinutes!: number;

  @Field(() => Boolean, { description: 'The ticket worker escalates a RED ticket to the parent unit.' })
  escalateOnRed!: boolean;

  @Field(() => Int)
  ratingReminderDays!: number;

  @Field(() => Int)
  autoCloseDays!: number;
}

@InputType('SlaPolicyInput')
export class SlaPolicyInput {
  @Field(() => String, { nullable: true, description: 'A category code; empty or null for every category.' })
  categoryPrefix?: string | null;

  @Field(() => TicketMode)
  mode!: TicketMode;

  @Field(() => SlaUnitLevel)
  unitLevel!: SlaUnitLevel;

  @Field(() => SlaDurationInput)
  accept!: SlaDurationInput;

  @Field(() => SlaDurationInput)
  resolve!: SlaDurationInput;

  @Field(() => SlaDurationInput)
  verify!: SlaDurationInput;

  @Field(() => Float, { nullable: true, description: 'Between 0 and 1 exclusive; default 0.667.' })
  warningRatio?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 1,440 (a day).' })
  redAfterMinutes?: number | null;

  @Field(() => Boolean, { nullable: true })
  escalateOnRed?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Default 3.' })
  ratingReminderDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 7; after the rating reminder.' })
  autoCloseDays?: number | null;
}

@ObjectType('SlaPolicyChange')
export class SlaPolicyChangeType {
  @Field(() => SlaPolicyType)
  policy!: SlaPolicyType;

  @Field(() => Int, { description: 'Running clocks re-timed (new SLA version) because of the change.' })
  retimedTickets!: number;
}

@ObjectType('CalendarDay', { description: 'A day that differs from the Monday–Friday rule.' })
export class CalendarDayType {
  @Field(() => String, { description: 'YYYY-MM-DD (China time).' })
  day!: string;

  @Field(() => Boolean, { description: 'false: public holiday; true: make-up working day (调休).' })
  working!: boolean;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'On the result of setCalendarDay / clearCalendarDay: running or paused working-day clocks spanning the day that the edit re-timed (new SLA version). Null when read from workingCalendar.',
  })
  retimedTickets?: number | null;
}

@InputType('CalendarDayInput')
export class CalendarDayInput {
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  day!: string;

  @Field(() => Boolean, { description: 'false for a holiday on a weekday, true for a weekend day worked.' })
  working!: boolean;

  @Field(() => String, { nullable: true, description: 'e.g. 春节, 国庆节调休.' })
  name?: string | null;
}
