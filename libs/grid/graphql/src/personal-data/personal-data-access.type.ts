import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('PersonalDataAccess', { description: 'One unmasked read of a resident’s personal data.' })
export class PersonalDataAccessType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The account that read.' })
  accountId!: string;

  @Field(() => ID)
  residentId!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => [String], { description: 'idNumber, phone, sensitiveTags.' })
  fields!: string[];

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date)
  accessedAt!: Date;
}
