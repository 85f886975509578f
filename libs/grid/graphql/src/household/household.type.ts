import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { HouseholdKind, RelationToHead } from '@gridgov/grid-data-access';

registerEnumType(HouseholdKind, {
  name: 'HouseholdKind',
  description: 'Registered (户籍户) or tenant (租户) household.',
});
registerEnumType(RelationToHead, { name: 'RelationToHead' });

@ObjectType('Household')
@Directive('@key(fields: "id")')
export class HouseholdType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => HouseholdKind)
  kind!: HouseholdKind;
}

@InputType('HouseholdMemberInput')
export class HouseholdMemberInput {
  @Field(() => ID)
  residentId!: string;

  @Field(() => RelationToHead)
  relation!: RelationToHead;
}

@InputType('CreateHouseholdInput')
export class CreateHouseholdInput {
  @Field(() => ID)
  houseId!: string;

  @Field(() => HouseholdKind)
  kind!: HouseholdKind;

  @Field(() => ID, { description: 'A resident of the house’s grid who heads no other household.' })
  headResidentId!: string;

  @Field(() => [HouseholdMemberInput], { nullable: true })
  members?: HouseholdMemberInput[] | null;
}
