import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, JSONScalar } from '@gridgov/platform-graphql';
import { TicketConfigChangeKind } from '@gridgov/ticket-data-access';

registerEnumType(TicketConfigChangeKind, {
  name: 'TicketConfigChangeKind',
  description:
    'What an admin changed: an SLA policy, a calendar day, a category or a responsibility-list line.',
});

@ObjectType('TicketConfigurationChange', {
  description: 'One change to how tickets are handled, recorded in the same transaction as the change.',
})
export class TicketConfigurationChangeType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The account that made the change.' })
  actorId!: string;

  @Field(() => TicketConfigChangeKind)
  kind!: TicketConfigChangeKind;

  @Field(() => String, {
    description:
      'What was changed: the SLA policy id, the day (YYYY-MM-DD), the category code, or unitCode/categoryPrefix.',
  })
  key!: string;

  @Field(() => String, {
    description: "Where the change applies: '' platform-wide, else a unit code prefix.",
  })
  scopeCode!: string;

  @Field(() => JSONScalar, { nullable: true, description: 'The values before; null for an addition.' })
  before?: Record<string, unknown> | null;

  @Field(() => JSONScalar, { nullable: true, description: 'The values after; null for a removal.' })
  after?: Record<string, unknown> | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description: 'What it did beyond itself, e.g. { retimedTickets }.',
  })
  effects?: Record<string, unknown> | null;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('TicketConfigurationChangeConnection')
export class TicketConfigurationChangeConnection extends ConnectionType(
  TicketConfigurationChangeType,
  'TicketConfigurationChange',
) {}

@InputType('TicketConfigurationChangeFilter')
export class TicketConfigurationChangeFilterInput {
  @Field(() => TicketConfigChangeKind, { nullable: true })
  kind?: TicketConfigChangeKind | null;

  @Field(() => Date, { nullable: true, description: 'Changes at or after this instant.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Changes before this instant.' })
  until?: Date | null;
}
