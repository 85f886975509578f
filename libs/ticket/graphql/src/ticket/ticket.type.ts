import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';
import { TicketAttributeValueInput } from '../catalogue/ticket-category.type';
import {
  Satisfaction,
  SupervisionColor,
  TicketAction,
  TicketChannel,
  TicketMode,
  TicketStatus,
} from '@gridgov/ticket-data-access';

registerEnumType(TicketStatus, { name: 'TicketStatus', description: 'Where a ticket is in its life cycle.' });
registerEnumType(TicketMode, {
  name: 'TicketMode',
  description: 'Handling mode: on the spot, coordinated, emergency, or proxy (委托代办).',
});
registerEnumType(TicketAction, {
  name: 'TicketAction',
  description: 'A workflow step (REPORT: the entry that created the ticket).',
});
registerEnumType(Satisfaction, {
  name: 'Satisfaction',
  description: '满意 / 基本满意 / 不满意 (reopens the ticket).',
});
registerEnumType(TicketChannel, { name: 'TicketChannel', description: 'Where the report came in.' });
registerEnumType(SupervisionColor, {
  name: 'SupervisionColor',
  description: '四色督办: GREEN on time … RED under leader supervision.',
});

@ObjectType('TicketLocation', { description: 'WGS 84 point where the matter is.' })
export class TicketLocationType {
  @Field(() => Float)
  longitude!: number;

  @Field(() => Float)
  latitude!: number;
}

@ObjectType('Ticket', {
  description:
    'A matter reported in a grid (社情民意事项), owned by someone until the resident says it is done.',
})
@Directive('@key(fields: "id")')
export class TicketType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Human-readable number, e.g. T2026-000123.' })
  number!: string;

  @Field(() => String, { description: '15-digit code of the grid the matter is in.' })
  gridCode!: string;

  @Field(() => String, {
    description: '12-digit code of the community (the first 12 digits of the grid code).',
  })
  adminUnitCode!: string;

  @Field(() => String, { description: 'Dotted category code, e.g. CITY_MANAGEMENT.ROAD.' })
  categoryCode!: string;

  @Field(() => TicketMode)
  mode!: TicketMode;

  @Field(() => TicketStatus)
  status!: TicketStatus;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  description!: string;

  @Field(() => TicketChannel)
  channel!: TicketChannel;

  @Field(() => [String], { description: 'Photo URLs.' })
  photos!: string[];

  @Field(() => ID, { nullable: true })
  householdId!: string | null;

  @Field(() => ID, { nullable: true })
  residentId!: string | null;

  @Field(() => SupervisionColor, { description: 'Computed from the running SLA clock when read.' })
  supervisionColor!: SupervisionColor;

  @Field(() => String, {
    nullable: true,
    description: 'Stage of the running SLA clock: ACCEPT, RESOLVE or VERIFY.',
  })
  clockStage!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the running SLA clock runs out (ORANGE from then).',
  })
  deadlineAt!: Date | null;

  @Field(() => Int, {
    description: 'Increases with every new SLA clock; timers of older versions do nothing.',
  })
  slaVersion!: number;

  @Field(() => String, {
    description:
      'Code (prefix) of the unit handling it now: the community, or a parent unit after escalation.',
  })
  handlingUnitCode!: string;

  @Field(() => Satisfaction, { nullable: true, description: "The reporter's latest rating." })
  satisfaction!: Satisfaction | null;

  @Field(() => Int, { description: 'How often it was reopened for rework.' })
  reworkCount!: number;

  @Field(() => ID, { nullable: true, description: 'The ticket this duplicate was merged into.' })
  mergedIntoId!: string | null;

  @Field(() => Int, {
    description: 'Increases with every change; send it back with changes to detect concurrent edits.',
  })
  version!: number;

  @Field(() => Date)
  reportedAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('TicketEvent', {
  description: 'One timeline entry: who moved the ticket from which status to which, when and why.',
})
export class TicketEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => TicketAction)
  action!: TicketAction;

  @Field(() => TicketStatus, { nullable: true, description: 'Null for the entry that created the ticket.' })
  fromStatus!: TicketStatus | null;

  @Field(() => TicketStatus)
  toStatus!: TicketStatus;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [String])
  photos!: string[];
}

@ObjectType('TicketConnection')
export class TicketConnection extends ConnectionType(TicketType, 'Ticket') {}

@InputType('TicketLocationInput')
export class TicketLocationInput {
  @Field(() => Float, { description: '-180 to 180.' })
  longitude!: number;

  @Field(() => Float, { description: '-90 to 90.' })
  latitude!: number;
}

@InputType('ReportTicketInput')
export class ReportTicketInput {
  @Field(() => String, { description: '15-digit code of the grid the matter is in.' })
  gridCode!: string;

  @Field(() => String, { description: 'Dotted category code, e.g. CITY_MANAGEMENT.ROAD.' })
  categoryCode!: string;

  @Field(() => TicketMode, { nullable: true, description: "Defaults to the category's default mode." })
  mode?: TicketMode | null;

  @Field(() => TicketChannel)
  channel!: TicketChannel;

  @Field(() => [TicketAttributeValueInput], {
    nullable: true,
    description: "Answers to the category's extra fields (see TicketCategory.attributes).",
  })
  attributes?: TicketAttributeValueInput[] | null;

  @Field(() => String, { description: '2 to 100 characters.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'At most 2,000 characters.' })
  description?: string | null;

  @Field(() => TicketLocationInput, { nullable: true })
  location?: TicketLocationInput | null;

  @Field(() => [String], { nullable: true, description: 'Up to 9 http(s) photo URLs.' })
  photos?: string[] | null;

  @Field(() => ID, { nullable: true })
  householdId?: string | null;

  @Field(() => ID, { nullable: true })
  residentId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'ONSITE only: already handled on the spot, so the ticket starts RESOLVED (needs ticket:resolve).',
  })
  resolvedOnSite?: boolean | null;
}

@InputType('TicketFilter')
export class TicketFilterInput {
  @Field(() => [TicketStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: TicketStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'A category and its sub-categories, e.g. CITY_MANAGEMENT.',
  })
  categoryPrefix?: string | null;

  @Field(() => TicketMode, { nullable: true })
  mode?: TicketMode | null;
}
