import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StatsBucket } from '@gridgov/ticket-data-access';

@ObjectType('TicketStats', {
  description: 'Tickets reported in a period under a unit or grid; rates are null when nothing to divide by.',
})
export class TicketStatsType {
  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  closed!: number;

  @Field(() => Float, { nullable: true })
  closureRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Closed tickets none of whose clocks ran out.' })
  onTimeRate!: number | null;

  @Field(() => Float, { nullable: true, description: '满意 + 基本满意 among rated tickets.' })
  satisfactionRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Tickets reopened at least once.' })
  reworkRate!: number | null;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int)
  red!: number;

  @Field(() => Float, { nullable: true, description: 'From report to close.' })
  averageHandlingHours!: number | null;
}

registerEnumType(StatsBucket, {
  name: 'StatsBucket',
  description: 'Periods by China time: days, weeks from Monday, months.',
});

@ObjectType('TicketStatsPeriod')
export class TicketStatsPeriodType {
  @Field(() => Date, { description: 'Start of the period (00:00 China time).' })
  periodStart!: Date;

  @Field(() => TicketStatsType)
  stats!: TicketStatsType;
}

@ObjectType('CategoryCount')
export class CategoryCountType {
  @Field(() => String)
  categoryCode!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('GridCount')
export class GridCountType {
  @Field(() => String)
  gridCode!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('TicketHotSpots', {
  description: 'Where most tickets come from: top categories and grids, most first.',
})
export class TicketHotSpotsType {
  @Field(() => [CategoryCountType])
  categories!: CategoryCountType[];

  @Field(() => [GridCountType])
  grids!: GridCountType[];
}

@ObjectType('TicketSpike', {
  description:
    'A spike alert: at least the threshold of tickets of one category in one grid within the window.',
})
export class TicketSpikeType {
  @Field(() => String)
  gridCode!: string;

  @Field(() => String)
  categoryCode!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Date)
  firstReportedAt!: Date;

  @Field(() => Date)
  lastReportedAt!: Date;
}
