import { Role } from '@gridgov/platform-auth';
import { callerWith, openTestDatabase, type TestDatabase } from '@gridgov/platform-testing';
import { seedUnitGrid } from '../grid/unit-grid-spec.fixture';
import { gridDatabase } from '../index';
import { GridBoardService } from './grid-board.service';
import { HelperKind, TeamRole } from './grid-team-member.entity';
import { GridTeamService, teamOn } from './grid-team.service';

const GRID = '520303001001001';

// Grid teams: periods of service, one responsible person and messenger at a time, the 1+1+X / 1+3 models, the board.
describe('GridTeamService', () => {
  let db: TestDatabase;
  const admin = callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520303001' });
  const teams = (caller = admin) => new GridTeamService(db.dataSource, caller);
  const appoint = (role: TeamRole, name: string, startsOn: string, extra: object = {}) =>
    teams().appoint({ gridCode: GRID, role, name, startsOn, ...extra });

  beforeAll(async () => {
    db = await openTestDatabase(gridDatabase);
    await seedUnitGrid(db.dataSource);
  });
  afterAll(() => db?.close());

  it('keeps periods apart, tells the model of each day and posts the current responsible person on the board', async () => {
    const first = await appoint(TeamRole.RESPONSIBLE, '张敏', '2025-01-01', {
      publicPhone: '0851-2880 1001',
      photoUrl: 'https://x.example/zm.jpg',
    });
    expect(first.publicPhone).toBe('085128801001');
    await expect(appoint(TeamRole.RESPONSIBLE, '李强', '2025-06-01')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.startsOn' },
    });
    await teams().end(first.id, '2025-05-31');
    await expect(teams().end(first.id, '2025-06-30')).rejects.toMatchObject({
      extensions: { code: 'INVALID_TRANSITION' },
    });
    await appoint(TeamRole.RESPONSIBLE, '李强', '2025-06-01', { publicPhone: '085128801009' });
    for (const [name, kind] of [
      ['甲', HelperKind.BUILDING_HEAD],
      ['乙', HelperKind.GUARD],
      ['丙', HelperKind.VOLUNTEER],
    ] as const)
      await appoint(TeamRole.HELPER, name, '2025-03-01', { helperKind: kind });

    const [members] = await teams().membersOfGrids([first.gridId]);
    expect(teamOn(GRID, '2025-02-01', members)).toMatchObject({
      model: '1+0',
      responsible: { name: '张敏' },
    });
    expect(teamOn(GRID, '2025-07-01', members)).toMatchObject({
      model: '1+3',
      gaps: [],
      responsible: { name: '李强' },
    });
    await appoint(TeamRole.MESSENGER, '周红', '2025-07-01');
    const [withMessenger] = await teams().membersOfGrids([first.gridId]);
    expect(teamOn(GRID, '2025-07-02', withMessenger).model).toBe('1+1+3');
    expect(teamOn(GRID, '2024-12-31', withMessenger).gaps).toHaveLength(2);

    const board = await new GridBoardService(db.dataSource).board(GRID, '2025-08-01');
    expect(board.team.responsible).toMatchObject({ name: '李强', publicPhone: '085128801009' });
  });

  it('rejects bad appointments with the fields named and checks the scope', async () => {
    await expect(
      appoint(TeamRole.HELPER, '', '2025-13-01', { photoUrl: 'ftp://x', endsOn: '2024-01-01' }),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        problems: expect.arrayContaining([
          expect.objectContaining({ field: 'input.name' }),
          expect.objectContaining({ field: 'input.helperKind' }),
          expect.objectContaining({ field: 'input.photoUrl' }),
          expect.objectContaining({ field: 'input.startsOn' }),
        ]),
      },
    });
    const elsewhere = callerWith({ role: Role.UNIT_ADMIN, scopeCode: '520303002' });
    await expect(
      teams(elsewhere).appoint({
        gridCode: GRID,
        role: TeamRole.MESSENGER,
        name: '越权',
        startsOn: '2026-01-01',
      }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});
