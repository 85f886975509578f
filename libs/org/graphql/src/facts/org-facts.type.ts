import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { FactSubjectKind } from './org-facts.query';

registerEnumType(FactSubjectKind, { name: 'FactSubjectKind', description: 'A kind of assessment subject.' });

@ObjectType('SubjectFact', { description: 'One assessment subject (ids and codes only).' })
export class SubjectFactType {
  @Field(() => String)
  id!: string;

  @Field(() => String, { description: "A grid worker's grid code, otherwise a 12-digit unit code." })
  unitCode!: string;
}

@ObjectType('VolunteerHoursFact')
export class VolunteerHoursFactType {
  @Field(() => String, { nullable: true })
  partyMemberId!: string | null;

  @Field(() => String, { nullable: true })
  residentId!: string | null;

  @Field(() => String)
  unitCode!: string;

  @Field(() => Float)
  hours!: number;
}

@ObjectType('MeetingComplianceFact', { description: '三会一课 of one branch: meetings required vs held.' })
export class MeetingComplianceFactType {
  @Field(() => String)
  branchId!: string;

  @Field(() => String)
  unitCode!: string;

  @Field(() => Float)
  required!: number;

  @Field(() => Float)
  held!: number;
}
