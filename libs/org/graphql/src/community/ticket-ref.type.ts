import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** ticket-service's `Ticket`, referenced by id only; ticket-service resolves it under its own scope. */
@ObjectType('Ticket')
@Directive('@key(fields: "id", resolvable: false)')
export class TicketRef {
  @Field(() => ID)
  id!: string;
}
