import { DataSource, In, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, InputProblems, invalidTransition, isUuid, notFound } from '@gridgov/platform-errors';
import { GridLevel } from '../grid/grid-code';
import { GridEntity } from '../grid/grid.entity';
import { groupBy } from '../household/scope';
import { GridTeamMemberEntity, HelperKind, TeamRole } from './grid-team-member.entity';

export interface AppointTeamMemberInput {
  gridCode: string;
  role: TeamRole;
  helperKind?: HelperKind | null;
  name: string;
  publicPhone?: string | null;
  photoUrl?: string | null;
  accountId?: string | null;
  startsOn: string;
  endsOn?: string | null;
}

/** Who serves a grid on one day: the "1+1+X" (responsible, messenger, helpers) or "1+X" model. */
export interface GridTeam {
  gridCode: string;
  on: string;
  responsible: GridTeamMemberEntity | null;
  messenger: GridTeamMemberEntity | null;
  helpers: GridTeamMemberEntity[];
  /** e.g. "1+1+3": responsible, messenger, helpers. */
  model: string;
  /** What the team lacks, in words. */
  gaps: string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (value: string): boolean => {
  const time = Date.parse(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};
/** Today in China (UTC+8), 'YYYY-MM-DD'. */
export const chinaToday = (now = new Date()): string =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function teamOn(gridCode: string, on: string, members: GridTeamMemberEntity[]): GridTeam {
  const serving = members.filter((m) => m.startsOn <= on && (m.endsOn === null || m.endsOn >= on));
  const responsible = serving.find((m) => m.role === TeamRole.RESPONSIBLE) ?? null;
  const messenger = serving.find((m) => m.role === TeamRole.MESSENGER) ?? null;
  const helpers = serving.filter((m) => m.role === TeamRole.HELPER);
  const gaps: string[] = [];
  if (!responsible) gaps.push('no responsible person (网格责任人)');
  if (!messenger && helpers.length < 3) gaps.push('neither a messenger (1+1+X) nor three helpers (1+3)');
  return {
    gridCode,
    on,
    responsible,
    messenger,
    helpers,
    model: [responsible ? 1 : 0, ...(messenger ? [1] : []), helpers.length].join('+'),
    gaps,
  };
}

/** Grid teams: appointments with periods; one responsible person and one messenger at a time. */
export class GridTeamService {
  private readonly members: Repository<GridTeamMemberEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.members = dataSource.getRepository(GridTeamMemberEntity);
  }

  async appoint(input: AppointTeamMemberInput): Promise<GridTeamMemberEntity> {
    const problems = new InputProblems();
    const name = input.name.trim();
    problems.check(name.length >= 1 && name.length <= 50, 'input.name', 'must be 1 to 50 characters');
    if (input.role === TeamRole.HELPER)
      problems.check(!!input.helperKind, 'input.helperKind', 'is required for a helper (协勤)');
    else problems.check(!input.helperKind, 'input.helperKind', 'is only for helpers');
    const phone = input.publicPhone?.replace(/[\s-]/g, '') || null;
    problems.check(!phone || /^\+?\d{5,15}$/.test(phone), 'input.publicPhone', 'must be 5 to 15 digits');
    problems.check(
      !input.photoUrl || /^https?:\/\/\S{1,490}$/.test(input.photoUrl),
      'input.photoUrl',
      'must be an http(s) URL',
    );
    problems.check(
      !input.accountId || isUuid(input.accountId),
      'input.accountId',
      'must be an account id (uuid)',
    );
    problems.check(isDate(input.startsOn), 'input.startsOn', 'must be a date YYYY-MM-DD');
    if (input.endsOn) {
      problems.check(isDate(input.endsOn), 'input.endsOn', 'must be a date YYYY-MM-DD');
      problems.check(input.endsOn >= input.startsOn, 'input.endsOn', 'must not be before startsOn');
    }
    problems.throwIfAny();
    const grid = await this.dataSource.getRepository(GridEntity).findOneBy({ code: input.gridCode });
    if (!grid) throw badInput('input.gridCode', `no grid has code ${input.gridCode}`);
    this.auth.assert(Permission.GRID_MANAGE, grid.code);
    if (grid.level !== GridLevel.UNIT) throw badInput('input.gridCode', 'teams serve unit grids (level 4)');

    return this.dataSource.transaction(async (manager) => {
      // Appointments to one grid take turns, so two overlapping posts cannot both pass the check.
      await manager.query('SELECT 1 FROM grid WHERE id = $1 FOR UPDATE', [grid.id]);
      if (input.role !== TeamRole.HELPER) {
        const [other] = await manager.query(
          `SELECT name, starts_on::text AS starts, ends_on::text AS ends FROM grid_team_member
           WHERE grid_id = $1 AND role = $2 AND starts_on <= coalesce($4::date, 'infinity') AND coalesce(ends_on, 'infinity') >= $3::date
           LIMIT 1`,
          [grid.id, input.role, input.startsOn, input.endsOn ?? null],
        );
        if (other)
          throw badInput(
            'input.startsOn',
            `${other.name} holds this post from ${other.starts} to ${other.ends ?? 'now'}; end that period first`,
          );
      }
      return manager.save(
        manager.create(GridTeamMemberEntity, {
          gridId: grid.id,
          gridCode: grid.code,
          role: input.role,
          helperKind: input.helperKind ?? null,
          name,
          publicPhone: phone,
          photoUrl: input.photoUrl ?? null,
          accountId: input.accountId ?? null,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
        }),
      );
    });
  }

  /** Ends an open period on `endsOn` (the last day served). */
  async end(id: string, endsOn: string): Promise<GridTeamMemberEntity> {
    if (!isDate(endsOn)) throw badInput('endsOn', 'must be a date YYYY-MM-DD');
    const member = isUuid(id) ? await this.members.findOneBy({ id }) : null;
    if (!member) throw notFound('GridTeamMember', id);
    this.auth.assert(Permission.GRID_MANAGE, member.gridCode);
    if (member.endsOn !== null)
      throw invalidTransition(`${member.name}'s period ended on ${member.endsOn} already`);
    if (endsOn < member.startsOn)
      throw badInput('endsOn', `must not be before ${member.startsOn}, when the period began`);
    member.endsOn = endsOn;
    return this.members.save(member);
  }

  /** Every period of the grids asked for (past, current, future), for loaders; the caller checked the grids. */
  async membersOfGrids(gridIds: readonly string[]): Promise<GridTeamMemberEntity[][]> {
    const rows = await this.members.find({
      where: { gridId: In([...gridIds]) },
      order: { role: 'ASC', startsOn: 'ASC', name: 'ASC' },
    });
    return groupBy(gridIds, rows, (m) => m.gridId);
  }
}
