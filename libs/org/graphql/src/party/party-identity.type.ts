import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '@gridgov/platform-graphql';
import { PartyPledgeType, PartyPostDutyType } from '../party-life/party-life.type';

@ObjectType('PartyIdentityCard', {
  description: '亮身份: a member’s public card — name, branch, posts and pledges, nothing else.',
})
export class PartyIdentityCardType {
  @Field(() => String, {
    description: 'Surname only (王**) when the member chose MASKED and you are not their party staff.',
  })
  name!: string;

  @Field(() => Boolean)
  masked!: boolean;

  @Field(() => String)
  branchName!: string;

  @Field(() => Boolean, { description: 'An in-service member registered at the community (双报到).' })
  inService!: boolean;

  @Field(() => [PartyPostDutyType])
  posts!: PartyPostDutyType[];

  @Field(() => [PartyPledgeType])
  pledges!: PartyPledgeType[];
}

@ObjectType('PartyIdentityCardConnection')
export class PartyIdentityCardConnection extends ConnectionType(PartyIdentityCardType, 'PartyIdentityCard') {}
