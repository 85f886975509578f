import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DispatchRole, DispatchStatus, Satisfaction } from '@gridgov/ticket-data-access';

registerEnumType(DispatchRole, {
  name: 'DispatchRole',
  description: '主体责任 (LEAD) or 配合责任 (COOPERATING).',
});
registerEnumType(DispatchStatus, { name: 'DispatchStatus' });

@ObjectType('TicketDispatch', { description: 'A dispatch of a ticket to a department or to a grid worker.' })
export class TicketDispatchType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: "org-service's department id." })
  departmentId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The grid worker account, when dispatched to a person.' })
  accountId!: string | null;

  @Field(() => DispatchRole)
  role!: DispatchRole;

  @Field(() => DispatchStatus)
  status!: DispatchStatus;

  @Field(() => String, { nullable: true })
  returnedReason!: string | null;

  @Field(() => Date)
  dispatchedAt!: Date;
}

/** Fields every step takes; subclasses add what their action needs. */
@InputType('TicketStepInput')
export class TicketStepInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version you saw; the step fails with CONFLICT if the ticket changed since.',
  })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Note for the timeline (at most 2,000 characters).' })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Up to 9 http(s) photo URLs.' })
  photos?: string[] | null;
}

@InputType('TicketReasonInput', { description: 'A step that needs a reason: return, escalate, reject.' })
export class TicketReasonInput extends TicketStepInput {
  @Field(() => String)
  reason!: string;
}

@InputType('DispatchTicketInput', {
  description: 'To a lead department (with cooperating ones) or to a grid worker.',
})
export class DispatchTicketInput extends TicketStepInput {
  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => [ID], { nullable: true })
  cooperatingDepartmentIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  assigneeAccountId?: string | null;
}

@InputType('SuspendTicketInput')
export class SuspendTicketInput extends TicketReasonInput {
  @Field(() => ID, { description: 'The account that approved the suspension.' })
  approverAccountId!: string;
}

@InputType('ResolveTicketInput')
export class ResolveTicketInput extends TicketStepInput {
  @Field(() => String, { description: 'What was done (the result the reporter sees).' })
  declare note: string;
}

@InputType('VerifyTicketInput')
export class VerifyTicketInput extends TicketStepInput {
  @Field(() => Boolean, { description: 'false sends it back for rework (REOPENED).' })
  passed!: boolean;
}

@InputType('RateTicketInput')
export class RateTicketInput extends TicketStepInput {
  @Field(() => Satisfaction)
  satisfaction!: Satisfaction;
}

@InputType('MergeTicketInput')
export class MergeTicketInput extends TicketStepInput {
  @Field(() => ID, { description: 'The open ticket of the same category this one duplicates.' })
  mergeIntoId!: string;
}
