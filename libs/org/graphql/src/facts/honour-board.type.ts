import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** assessment-service's honour board entry; org adds the public name of its subject. */
@ObjectType('HonourBoardEntry')
@Directive('@key(fields: "subjectId")')
export class HonourBoardEntryRef {
  /** Only the gateway sees it: a public caller gets no id to look people up with. */
  @Directive('@inaccessible')
  @Field(() => ID)
  subjectId!: string;
}
