import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { HelperKind, TeamRole } from '@gridgov/grid-data-access';

registerEnumType(TeamRole, {
  name: 'TeamRole',
  description: 'RESPONSIBLE 网格责任人, MESSENGER 民情传递员, HELPER 协勤.',
});
registerEnumType(HelperKind, {
  name: 'HelperKind',
  description: 'Kinds of helpers (协勤): 组长, 楼栋长, 门卫, 物业人员, 志愿者.',
});

@ObjectType('GridTeamMember', { description: 'One period of service in a grid team.' })
export class GridTeamMemberType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  gridCode!: string;

  @Field(() => TeamRole)
  role!: TeamRole;

  @Field(() => HelperKind, { nullable: true })
  helperKind!: HelperKind | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The public phone of the post, shown on the grid board.',
  })
  publicPhone!: string | null;

  @Field(() => String, { nullable: true })
  photoUrl!: string | null;

  @Field(() => ID, { nullable: true, description: 'org-service account, when the member has one.' })
  accountId!: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  startsOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, last day served; null while serving.' })
  endsOn!: string | null;
}

@ObjectType('GridTeam', { description: 'Who serves the grid on one day.' })
export class GridTeamType {
  @Field(() => String, { description: 'The day, YYYY-MM-DD.' })
  on!: string;

  @Field(() => GridTeamMemberType, { nullable: true })
  responsible!: GridTeamMemberType | null;

  @Field(() => GridTeamMemberType, { nullable: true })
  messenger!: GridTeamMemberType | null;

  @Field(() => [GridTeamMemberType])
  helpers!: GridTeamMemberType[];

  @Field(() => String, {
    description: 'Responsible + messenger + helpers, e.g. "1+1+3" (the 1+1+X model) or "1+3" (no messenger).',
  })
  model!: string;

  @Field(() => [String], {
    description: 'What the team lacks for the 1+1+X or 1+3 model; empty when complete.',
  })
  gaps!: string[];
}

@InputType('AppointGridTeamMemberInput')
export class AppointGridTeamMemberInput {
  @Field(() => String, { description: 'A unit grid (level 4).' })
  gridCode!: string;

  @Field(() => TeamRole)
  role!: TeamRole;

  @Field(() => HelperKind, { nullable: true, description: 'Required for HELPER, absent otherwise.' })
  helperKind?: HelperKind | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The post’s public phone (it is shown on the grid board).',
  })
  publicPhone?: string | null;

  @Field(() => String, { nullable: true })
  photoUrl?: string | null;

  @Field(() => ID, { nullable: true })
  accountId?: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  startsOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; open-ended when absent.' })
  endsOn?: string | null;
}
