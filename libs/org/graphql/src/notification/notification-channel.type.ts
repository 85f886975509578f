import { Field, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType('DepartmentWebhook', {
  description:
    'Where a department’s own system receives its notifications (signed; the secret is never shown).',
})
export class DepartmentWebhookType {
  @Field(() => ID)
  departmentId!: string;

  @Field(() => String)
  url!: string;

  @Field(() => Boolean)
  enabled!: boolean;

  @Field(() => Date)
  updatedAt!: Date;
}

@InputType()
export class DepartmentWebhookInput {
  @Field(() => ID)
  departmentId!: string;

  @Field(() => String, { description: 'http(s) URL that receives JSON POSTs.' })
  url!: string;

  @Field(() => String, {
    description: 'HMAC-SHA256 key for the x-gridgov-signature header, 16 to 200 characters.',
  })
  secret!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  enabled?: boolean;
}

@ObjectType('NotificationContact', { description: 'Your phone for SMS notifications.' })
export class NotificationContactType {
  @Field(() => String)
  phone!: string;

  @Field(() => Boolean)
  smsEnabled!: boolean;
}
