import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';

@ObjectType('Notification', { description: 'An item in the signed-in account’s inbox.' })
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: 'App path of what it is about (a ticket, a meeting …).',
  })
  link?: string | null;

  @Field(() => Boolean)
  read!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('NotificationConnection')
export class NotificationConnection extends ConnectionType(NotificationType, 'Notification') {}
