import { DataSource, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, forbidden, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { HouseEntity } from './house.entity';
import { HouseholdKind, RelationToHead } from './household-enums';
import { HouseholdEntity } from './household.entity';
import { ResidentEntity } from './resident.entity';
import { groupBy, visibleByIds, whereInScope } from './scope';

export interface CreateHouseholdInput {
  houseId: string;
  kind: HouseholdKind;
  headResidentId: string;
  members?: { residentId: string; relation: RelationToHead }[] | null;
}

/** Households: a house, a head, and members with their relation to the head. */
export class HouseholdService {
  private readonly households: Repository<HouseholdEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.households = dataSource.getRepository(HouseholdEntity);
  }

  async get(id: string): Promise<HouseholdEntity> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_READ);
    const household = isUuid(id) ? await this.households.findOneBy({ id }) : null;
    if (!household) throw notFound('Household', id);
    if (!this.auth.can(Permission.HOUSEHOLD_READ, household.gridCode))
      throw forbidden('This household is outside your scope');
    return household;
  }

  /** One transaction: the household row and every member's link to it, or nothing. */
  async create(input: CreateHouseholdInput): Promise<HouseholdEntity> {
    const members = input.members ?? [];
    const house = isUuid(input.houseId)
      ? await this.dataSource.getRepository(HouseEntity).findOneBy({ id: input.houseId })
      : null;
    if (!house) throw badInput('input.houseId', `no house has id ${input.houseId}`);
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, house.gridCode);
    const problems = new InputProblems();
    const ids = [input.headResidentId, ...members.map((m) => m.residentId)];
    problems.check(
      new Set(ids).size === ids.length,
      'input.members',
      'lists a resident twice (or the head again)',
    );
    members.forEach((m, i) =>
      problems.check(
        m.relation !== RelationToHead.HEAD,
        `input.members.${i}.relation`,
        'only the head has relation HEAD',
      ),
    );
    const found = new Map(
      (await this.dataSource.getRepository(ResidentEntity).findBy(ids.map((id) => ({ id })))).map((r) => [
        r.id,
        r,
      ]),
    );
    const fields = ['input.headResidentId', ...members.map((_, i) => `input.members.${i}.residentId`)];
    ids.forEach((id, i) => {
      const resident = found.get(id);
      if (!resident) problems.add(fields[i], `no resident has id ${id}`);
      else if (resident.gridCode !== house.gridCode)
        problems.add(fields[i], `${resident.name} lives in grid ${resident.gridCode}, not ${house.gridCode}`);
      else if (resident.householdId)
        problems.add(fields[i], `${resident.name} belongs to another household already`);
    });
    problems.throwIfAny();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const household = await manager.save(
          manager.create(HouseholdEntity, {
            houseId: house.id,
            gridCode: house.gridCode,
            kind: input.kind,
            headResidentId: input.headResidentId,
          }),
        );
        const links = [{ residentId: input.headResidentId, relation: RelationToHead.HEAD }, ...members];
        for (const link of links) {
          // The IS NULL guard makes a concurrent registration in another household fail instead of moving the person.
          const result = await manager
            .createQueryBuilder()
            .update(ResidentEntity)
            .set({ householdId: household.id, relationToHead: link.relation })
            .where('id = :id AND household_id IS NULL', { id: link.residentId })
            .execute();
          if (result.affected !== 1)
            throw badInput('input.members', 'a member joined another household meanwhile');
        }
        return household;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'household_head_resident_id_key'))
        throw badInput('input.headResidentId', 'this resident heads another household already');
      throw error;
    }
  }

  findVisibleByIds(ids: readonly string[]): Promise<(HouseholdEntity | null)[]> {
    return visibleByIds(this.households, ids, this.auth, Permission.HOUSEHOLD_READ);
  }

  async householdsOfHouses(houseIds: readonly string[]): Promise<HouseholdEntity[][]> {
    const query = this.households
      .createQueryBuilder('household')
      .where('household.houseId IN (:...houseIds)', { houseIds })
      .orderBy('household.createdAt');
    const rows = await whereInScope(
      query,
      'household.gridCode',
      this.auth,
      Permission.HOUSEHOLD_READ,
    ).getMany();
    return groupBy(houseIds, rows, (h) => h.houseId);
  }
}
