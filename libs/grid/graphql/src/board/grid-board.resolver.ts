import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { GridTeamMemberEntity } from '@gridgov/grid-data-access';
import type { GridContext } from '../grid-context';
import { GridBoardType } from './grid-board.type';

const contact = (member: GridTeamMemberEntity | null) =>
  member && { name: member.name, photoUrl: member.photoUrl, phone: member.publicPhone };

/** Posted publicly at the grid, so no @Authorized: the board carries no resident data. */
@Resolver(() => GridBoardType)
export class GridBoardResolver {
  @Query(() => GridBoardType, { description: 'The public grid board (公示牌) of a grid; no sign-in needed.' })
  async gridBoard(@Ctx() ctx: GridContext, @Arg('code', () => String) code: string) {
    const { grid, team } = await ctx.gridBoards.board(code);
    return {
      code: grid.code,
      name: grid.name,
      level: grid.level,
      kind: grid.kind,
      boundary: grid.boundary,
      responsible: contact(team.responsible),
      messenger: contact(team.messenger),
      grid,
    };
  }
}
