import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('GridFact', {
  description: 'Visits and register completeness of one grid for a period (assessment input).',
})
export class GridFactType {
  @Field(() => String)
  gridCode!: string;

  @Field(() => Int)
  visitsDue!: number;

  @Field(() => Int, { description: 'Counted per resident up to what was due.' })
  visitsDone!: number;

  @Field(() => Float, { nullable: true, description: 'visitsDone / visitsDue; null when nothing was due.' })
  visitCompletionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share (0–1) of register items without a gap; null when empty.',
  })
  dataCompleteness!: number | null;
}

@ObjectType('GridFacts')
export class GridFactsType {
  @Field(() => [GridFactType])
  grids!: GridFactType[];
}
