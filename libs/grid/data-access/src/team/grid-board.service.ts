import type { DataSource } from 'typeorm';
import { notFound } from '@gridgov/platform-errors';
import { GridEntity } from '../grid/grid.entity';
import { GridTeamMemberEntity } from './grid-team-member.entity';
import { chinaToday, type GridTeam, teamOn } from './grid-team.service';

/** What the public grid board (公示牌) shows: the grid and today's team, nothing about residents. */
export interface GridBoard {
  grid: GridEntity;
  team: GridTeam;
}

/** The public board: no sign-in, so it reads only grid and team data that is posted publicly anyway. */
export class GridBoardService {
  constructor(private readonly dataSource: DataSource) {}

  async board(code: string, today = chinaToday()): Promise<GridBoard> {
    const grid = await this.dataSource.getRepository(GridEntity).findOneBy({ code });
    if (!grid) throw notFound('Grid', code);
    const members = await this.dataSource.getRepository(GridTeamMemberEntity).findBy({ gridId: grid.id });
    return { grid, team: teamOn(grid.code, today, members) };
  }
}
