import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BroadcastStatus } from '@gridgov/grid-data-access';

registerEnumType(BroadcastStatus, {
  name: 'BroadcastStatus',
  description:
    'PENDING: recorded; QUEUED: handed to the reminder worker; SENT: every resident with a phone texted.',
});

@ObjectType('Broadcast', {
  description: 'A notice (停水停电) texted to every resident with a phone in the chosen grids.',
})
export class BroadcastType {
  @Field(() => ID)
  id!: string;

  @Field(() => [String])
  gridCodes!: string[];

  @Field(() => String)
  title!: string;

  @Field(() => String)
  message!: string;

  @Field(() => BroadcastStatus)
  status!: BroadcastStatus;

  @Field(() => Int, { nullable: true, description: 'Residents texted, once SENT.' })
  recipients!: number | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;
}

@InputType()
export class BroadcastNoticeInput {
  @Field(() => [String], { description: 'Full grid codes; you need household:manage on each.' })
  gridCodes!: string[];

  @Field(() => String, { description: '2 to 50 characters, e.g. 停水通知.' })
  title!: string;

  @Field(() => String, { description: '2 to 300 characters; sent as is, so put no personal data in it.' })
  message!: string;
}
