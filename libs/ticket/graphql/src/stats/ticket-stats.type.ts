import { Field, Float, Int, ObjectType } from 'type-graphql';

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
