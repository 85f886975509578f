import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TicketFactGroup } from '@gridgov/ticket-data-access';

registerEnumType(TicketFactGroup, {
  name: 'TicketFactGroup',
  description: 'The subject ticket facts are counted per.',
});

@ObjectType('TicketFact', {
  description:
    'Ticket counts of one subject for a period (assessment input); rates are null when nothing to divide by.',
})
export class TicketFactType {
  @Field(() => String, { description: 'Account id, grid code, unit code or department id, by group.' })
  key!: string;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  closed!: number;

  @Field(() => Float, { nullable: true })
  closureRate!: number | null;

  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;

  @Field(() => Float, { nullable: true })
  satisfactionRate!: number | null;

  @Field(() => Float, { nullable: true })
  reworkRate!: number | null;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int)
  red!: number;
}
