import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('TrackPoint')
export class TrackPointType {
  @Field(() => Float)
  longitude!: number;

  @Field(() => Float)
  latitude!: number;

  @Field(() => String, { description: 'ISO 8601 time.' })
  at!: string;
}

@ObjectType('Visit', { description: 'A visit (走访) by a grid worker to a household or a resident.' })
export class VisitType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => ID, { description: 'The account that visited.' })
  visitorAccountId!: string;

  @Field(() => Date)
  visitedAt!: Date;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => String)
  notes!: string;

  @Field(() => String)
  findings!: string;

  @Field(() => [String])
  photoUrls!: string[];

  @Field(() => [TrackPointType], {
    nullable: true,
    description: 'The patrol track of the day, when recorded.',
  })
  track!: TrackPointType[] | null;
}

@InputType('TrackPointInput')
export class TrackPointInput {
  @Field(() => Float)
  longitude!: number;

  @Field(() => Float)
  latitude!: number;

  @Field(() => String, { description: 'ISO 8601 time; points in time order.' })
  at!: string;
}

@InputType('LogVisitInput')
export class LogVisitInput {
  @Field(() => ID, { nullable: true, description: 'The household visited (or give residentId).' })
  householdId?: string | null;

  @Field(() => ID, { nullable: true })
  residentId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; never in the future.' })
  visitedAt?: Date | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true })
  findings?: string | null;

  @Field(() => [String], { nullable: true, description: 'http(s) URLs of uploaded photos.' })
  photoUrls?: string[] | null;

  @Field(() => [TrackPointInput], { nullable: true })
  track?: TrackPointInput[] | null;
}

@ObjectType('DueVisit', { description: 'A resident whose tags ask for a visit that is due or overdue.' })
export class DueVisitType {
  @Field(() => Int, { description: 'The shortest visit interval among the resident’s tags.' })
  intervalDays!: number;

  @Field(() => Date, { nullable: true })
  lastVisitedAt!: Date | null;

  @Field(() => Date)
  dueAt!: Date;
}
