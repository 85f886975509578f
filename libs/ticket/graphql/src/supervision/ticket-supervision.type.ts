import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('TicketSupervision', {
  description: "督办: a leader's opinion on a ticket and the handler's reply.",
})
export class TicketSupervisionType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  leaderId!: string;

  @Field(() => String)
  opinion!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { nullable: true })
  reply!: string | null;

  @Field(() => ID, { nullable: true })
  repliedBy!: string | null;

  @Field(() => Date, { nullable: true })
  repliedAt!: Date | null;
}

@InputType('SuperviseTicketInput')
export class SuperviseTicketInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The leader’s opinion (1 to 2,000 characters).' })
  opinion!: string;
}

@InputType('ReplyToSupervisionInput')
export class ReplyToSupervisionInput {
  @Field(() => ID)
  supervisionId!: string;

  @Field(() => String, { description: '1 to 2,000 characters.' })
  reply!: string;
}
