import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JSONScalar } from '@gridgov/platform-graphql';
import { Gender, Population, RelationToHead } from '@gridgov/grid-data-access';

registerEnumType(Gender, { name: 'Gender' });
registerEnumType(Population, {
  name: 'Population',
  description: 'Registered (户籍) or floating (流动) population.',
});

@ObjectType('Tag', { description: 'A tag of the coded catalogue.' })
export class TagType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { description: 'Personal data: shown only with the personal-data permission.' })
  sensitive!: boolean;

  @Field(() => Int, { nullable: true, description: 'Days between required visits.' })
  visitIntervalDays!: number | null;

  @Field(() => Boolean, { description: 'Computed (e.g. ELDERLY from the birth date), never set by hand.' })
  derived!: boolean;
}

/** `idNumber`, `phone` and `tags` are field resolvers: masked or clear per caller, and audited. */
@ObjectType('Resident')
@Directive('@key(fields: "id")')
export class ResidentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  birthDate!: string;

  @Field(() => RelationToHead, { nullable: true })
  relationToHead!: RelationToHead | null;

  @Field(() => Population)
  population!: Population;

  @Field(() => String, { nullable: true })
  employment!: string | null;

  @Field(() => String, { nullable: true })
  education!: string | null;

  @Field(() => JSONScalar, {
    description:
      'Housing, family planning, special care, aid, medical, education, interests, as the community records them.',
  })
  details!: unknown;
}

@InputType('CreateResidentInput')
export class CreateResidentInput {
  @Field(() => String, { description: 'The unit grid the resident lives in.' })
  gridCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    description: '18-character resident ID number; its GB 11643 check digit is verified.',
  })
  idNumber!: string;

  @Field(() => Gender, { nullable: true, description: 'Taken from the ID number when absent.' })
  gender?: Gender | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; taken from the ID number when absent.' })
  birthDate?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => Population)
  population!: Population;

  @Field(() => String, { nullable: true })
  employment?: string | null;

  @Field(() => String, { nullable: true })
  education?: string | null;

  @Field(() => [String], { nullable: true, description: 'Codes from the tag catalogue (not derived ones).' })
  tagCodes?: string[] | null;

  @Field(() => JSONScalar, { nullable: true })
  details?: Record<string, unknown> | null;
}
