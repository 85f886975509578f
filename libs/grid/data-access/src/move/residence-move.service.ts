import { DataSource, In, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { badInput, checkId, conflict, InputProblems } from '@gridgov/platform-errors';
import { GridLevel } from '../grid/grid-code';
import { GridEntity } from '../grid/grid.entity';
import { HouseEntity } from '../household/house.entity';
import { RelationToHead } from '../household/household-enums';
import { HouseholdEntity } from '../household/household.entity';
import { ResidentEntity } from '../household/resident.entity';
import { groupBy } from '../household/scope';
import { isDate } from '../team/grid-team.service';
import { ResidenceMoveEntity } from './residence-move.entity';

export interface MoveHouseholdInput {
  householdId: string;
  toHouseId: string;
  movedOn: string;
  reason?: string | null;
}

export interface MoveResidentInput {
  residentId: string;
  /** Joins this household … */
  toHouseholdId?: string | null;
  relation?: RelationToHead | null;
  /** … or only changes grid, in no household until one is registered. */
  toGridCode?: string | null;
  movedOn: string;
  reason?: string | null;
}

/**
 * Moves keep history: the household or resident row changes place (grid codes of members and
 * of open service needs follow), and a `residence_move` row records from where to where and when.
 */
export class ResidenceMoveService {
  private readonly moves: Repository<ResidenceMoveEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.moves = dataSource.getRepository(ResidenceMoveEntity);
  }

  async moveHousehold(input: MoveHouseholdInput): Promise<ResidenceMoveEntity> {
    this.checkCommon(input.movedOn, input.reason);
    const household = await this.dataSource
      .getRepository(HouseholdEntity)
      .findOneBy({ id: checkId(input.householdId, 'input.householdId') });
    if (!household) throw badInput('input.householdId', `no household has id ${input.householdId}`);
    const house = await this.dataSource
      .getRepository(HouseEntity)
      .findOneBy({ id: checkId(input.toHouseId, 'input.toHouseId') });
    if (!house) throw badInput('input.toHouseId', `no house has id ${input.toHouseId}`);
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, household.gridCode);
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, house.gridCode);
    if (house.id === household.houseId)
      throw badInput('input.toHouseId', 'the household lives there already');
    return this.dataSource.transaction(async (manager) => {
      const moved = await manager.update(
        HouseholdEntity,
        { id: household.id, houseId: household.houseId },
        { houseId: house.id, gridCode: house.gridCode },
      );
      if (moved.affected !== 1) throw conflict('The household moved meanwhile; reload it');
      await manager.query(`UPDATE resident SET grid_code = $2, updated_at = now() WHERE household_id = $1`, [
        household.id,
        house.gridCode,
      ]);
      await manager.query(
        `UPDATE service_need SET grid_code = $2, updated_at = now()
         WHERE household_id = $1 OR resident_id IN (SELECT id FROM resident WHERE household_id = $1)`,
        [household.id, house.gridCode],
      );
      return manager.save(
        manager.create(ResidenceMoveEntity, {
          householdId: household.id,
          residentId: null,
          fromGridCode: household.gridCode,
          toGridCode: house.gridCode,
          fromHouseId: household.houseId,
          toHouseId: house.id,
          fromHouseholdId: null,
          toHouseholdId: null,
          movedOn: input.movedOn,
          reason: input.reason?.trim() ?? '',
          recordedBy: this.auth.accountId,
        }),
      );
    });
  }

  async moveResident(input: MoveResidentInput): Promise<ResidenceMoveEntity> {
    this.checkCommon(input.movedOn, input.reason);
    const problems = new InputProblems();
    problems.check(
      !!input.toHouseholdId !== !!input.toGridCode,
      'input.toHouseholdId',
      'give either a household to join or a grid to move to',
    );
    if (input.toHouseholdId)
      problems.check(
        !!input.relation && input.relation !== RelationToHead.HEAD,
        'input.relation',
        'give the relation to the new head (not HEAD)',
      );
    problems.throwIfAny();
    const resident = await this.dataSource
      .getRepository(ResidentEntity)
      .findOneBy({ id: checkId(input.residentId, 'input.residentId') });
    if (!resident) throw badInput('input.residentId', `no resident has id ${input.residentId}`);
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, resident.gridCode);
    const households = this.dataSource.getRepository(HouseholdEntity);
    const headed = await households.findOneBy({ headResidentId: resident.id });
    if (headed)
      throw badInput(
        'input.residentId',
        `${resident.name} heads a household: move the whole household (moveHousehold) instead`,
      );
    let target: { gridCode: string; household: HouseholdEntity | null };
    if (input.toHouseholdId) {
      const household = await households.findOneBy({
        id: checkId(input.toHouseholdId, 'input.toHouseholdId'),
      });
      if (!household) throw badInput('input.toHouseholdId', `no household has id ${input.toHouseholdId}`);
      if (household.id === resident.householdId)
        throw badInput('input.toHouseholdId', `${resident.name} belongs to this household already`);
      target = { gridCode: household.gridCode, household };
    } else {
      const grid = await this.dataSource
        .getRepository(GridEntity)
        .findOneBy({ code: input.toGridCode as string });
      if (!grid || grid.level !== GridLevel.UNIT)
        throw badInput('input.toGridCode', `no unit grid has code ${input.toGridCode}`);
      target = { gridCode: grid.code, household: null };
    }
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, target.gridCode);
    return this.dataSource.transaction(async (manager) => {
      // Guarded by the old household, so a concurrent move fails instead of being overwritten.
      const [, affected] = await manager.query(
        `UPDATE resident SET household_id = $2, relation_to_head = $3, grid_code = $4, updated_at = now()
         WHERE id = $1 AND household_id IS NOT DISTINCT FROM $5`,
        [
          resident.id,
          target.household?.id ?? null,
          target.household ? input.relation : null,
          target.gridCode,
          resident.householdId,
        ],
      );
      if (affected !== 1) throw conflict(`${resident.name} moved meanwhile; reload`);
      await manager.query(
        `UPDATE service_need SET grid_code = $2, updated_at = now() WHERE resident_id = $1`,
        [resident.id, target.gridCode],
      );
      const fromHousehold = resident.householdId
        ? await households.findOneBy({ id: resident.householdId })
        : null;
      return manager.save(
        manager.create(ResidenceMoveEntity, {
          residentId: resident.id,
          householdId: null,
          fromGridCode: resident.gridCode,
          toGridCode: target.gridCode,
          fromHouseId: fromHousehold?.houseId ?? null,
          toHouseId: target.household?.houseId ?? null,
          fromHouseholdId: resident.householdId,
          toHouseholdId: target.household?.id ?? null,
          movedOn: input.movedOn,
          reason: input.reason?.trim() ?? '',
          recordedBy: this.auth.accountId,
        }),
      );
    });
  }

  /** Move history of households or residents, newest first; only moves the caller may see. */
  async ofSubjects(
    column: 'householdId' | 'residentId',
    ids: readonly string[],
  ): Promise<ResidenceMoveEntity[][]> {
    const rows = await this.moves.find({
      where: { [column]: In([...ids]) },
      order: { movedOn: 'DESC', createdAt: 'DESC' },
    });
    return groupBy(
      ids,
      rows.filter((m) => this.visible(m)),
      (m) => m[column] as string,
    );
  }

  /** Moves into or out of a scope (a grid or unit prefix), newest first. */
  async list(gridCodePrefix: string, first: number): Promise<ResidenceMoveEntity[]> {
    if (!/^\d{2,15}$/.test(gridCodePrefix)) throw badInput('gridCodePrefix', 'must be 2 to 15 digits');
    if (first < 1 || first > 200) throw badInput('first', 'must be 1 to 200');
    this.auth.assert(Permission.HOUSEHOLD_READ, gridCodePrefix);
    const query = this.moves
      .createQueryBuilder('move')
      .where('(move.fromGridCode LIKE :prefix OR move.toGridCode LIKE :prefix)', {
        prefix: `${gridCodePrefix}%`,
      })
      .orderBy('move.movedOn', 'DESC')
      .addOrderBy('move.createdAt', 'DESC')
      .take(first);
    return (await query.getMany()).filter((m) => this.visible(m));
  }

  private visible(move: ResidenceMoveEntity): boolean {
    return (
      this.auth.can(Permission.HOUSEHOLD_READ, move.fromGridCode) ||
      this.auth.can(Permission.HOUSEHOLD_READ, move.toGridCode)
    );
  }

  private checkCommon(movedOn: string, reason?: string | null): void {
    const problems = new InputProblems();
    problems.check(isDate(movedOn), 'input.movedOn', 'must be a date YYYY-MM-DD');
    problems.check((reason ?? '').trim().length <= 200, 'input.reason', 'must be at most 200 characters');
    problems.throwIfAny();
  }
}
