import { Field, ObjectType } from 'type-graphql';

@ObjectType('PartyGridBinding', {
  description:
    'A grid a branch is built on (支部建在网格上), with the member serving as its party assistant.',
})
export class PartyGridBindingType {
  @Field(() => String, { description: '15-digit grid code.' })
  gridCode!: string;
}
