import { DataSource, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, conflict, forbidden, InputProblems, isUuid, notFound } from '@gridgov/platform-errors';
import { GridLevel } from '../grid/grid-code';
import { GridEntity } from '../grid/grid.entity';
import { BuildingEntity } from './building.entity';
import { HouseEntity } from './house.entity';
import { BuildingKind, HouseUse } from './household-enums';
import { groupBy, visibleByIds, whereInScope } from './scope';

export interface CreateBuildingInput {
  gridCode: string;
  code: string;
  name: string;
  address: string;
  kind: BuildingKind;
  longitude?: number | null;
  latitude?: number | null;
  floors: number;
  units: number;
}

export interface CreateHouseInput {
  buildingId: string;
  /** The grid the house is registered in: must be its building's. */
  gridCode: string;
  unit: number;
  floor: number;
  number: string;
  use: HouseUse;
}

/** Buildings and their houses, in unit grids. */
export class BuildingService {
  private readonly buildings: Repository<BuildingEntity>;
  private readonly houses: Repository<HouseEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.buildings = dataSource.getRepository(BuildingEntity);
    this.houses = dataSource.getRepository(HouseEntity);
  }

  async get(id: string): Promise<BuildingEntity> {
    this.auth.assertAnywhere(Permission.HOUSEHOLD_READ);
    const building = isUuid(id) ? await this.buildings.findOneBy({ id }) : null;
    if (!building) throw notFound('Building', id);
    if (!this.auth.can(Permission.HOUSEHOLD_READ, building.gridCode))
      throw forbidden(`Building ${building.code} is outside your scope`);
    return building;
  }

  async create(input: CreateBuildingInput): Promise<BuildingEntity> {
    const code = input.code.trim();
    const problems = new InputProblems()
      .check(/^[0-9A-Za-z-]{1,40}$/.test(code), 'input.code', 'must be 1 to 40 letters, digits or dashes')
      .check(input.name.trim().length > 0, 'input.name', 'must not be empty')
      .check(input.address.trim().length > 0, 'input.address', 'must not be empty')
      .check(
        Number.isInteger(input.floors) && input.floors >= 1 && input.floors <= 200,
        'input.floors',
        'must be 1 to 200',
      )
      .check(
        Number.isInteger(input.units) && input.units >= 1 && input.units <= 50,
        'input.units',
        'must be 1 to 50',
      )
      .check(
        (input.longitude == null) === (input.latitude == null),
        'input.latitude',
        'give both longitude and latitude or neither',
      );
    if (input.longitude != null)
      problems.check(Math.abs(input.longitude) <= 180, 'input.longitude', 'must be within ±180');
    if (input.latitude != null)
      problems.check(Math.abs(input.latitude) <= 90, 'input.latitude', 'must be within ±90');
    problems.throwIfAny();
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, input.gridCode);
    const grid = await this.dataSource.getRepository(GridEntity).findOneBy({ code: input.gridCode });
    if (!grid) throw badInput('input.gridCode', `no grid has code ${input.gridCode}`);
    if (grid.level !== GridLevel.UNIT)
      throw badInput('input.gridCode', 'buildings belong to unit grids (level 4)');
    try {
      return await this.buildings.save(
        this.buildings.create({
          code,
          gridId: grid.id,
          gridCode: grid.code,
          name: input.name.trim(),
          address: input.address.trim(),
          kind: input.kind,
          longitude: input.longitude ?? null,
          latitude: input.latitude ?? null,
          floors: input.floors,
          units: input.units,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'building_code_key'))
        throw conflict(`A building with code ${code} exists already`);
      throw error;
    }
  }

  async createHouse(input: CreateHouseInput): Promise<HouseEntity> {
    const number = input.number.trim();
    const problems = new InputProblems().check(
      /^[0-9A-Za-z-]{1,20}$/.test(number),
      'input.number',
      'must be 1 to 20 letters, digits or dashes',
    );
    this.auth.assert(Permission.HOUSEHOLD_MANAGE, input.gridCode);
    const building = isUuid(input.buildingId)
      ? await this.buildings.findOneBy({ id: input.buildingId })
      : null;
    if (!building) throw badInput('input.buildingId', `no building has id ${input.buildingId}`);
    problems
      .check(
        building.gridCode === input.gridCode,
        'input.buildingId',
        `building ${building.code} is in grid ${building.gridCode}, not ${input.gridCode}`,
      )
      .check(
        Number.isInteger(input.unit) && input.unit >= 1 && input.unit <= building.units,
        'input.unit',
        `must be 1 to ${building.units}`,
      )
      .check(
        Number.isInteger(input.floor) &&
          input.floor >= -5 &&
          input.floor <= building.floors &&
          input.floor !== 0,
        'input.floor',
        `must be -5 to ${building.floors}, not 0`,
      );
    problems.throwIfAny();
    try {
      return await this.houses.save(
        this.houses.create({
          buildingId: building.id,
          gridCode: building.gridCode,
          unit: input.unit,
          floor: input.floor,
          number,
          use: input.use,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'house_building_unit_number_key'))
        throw conflict(`Unit ${input.unit} of building ${building.code} has a house ${number} already`);
      throw error;
    }
  }

  /** The buildings of a unit grid, in code order. */
  async listByGrid(gridCode: string): Promise<BuildingEntity[]> {
    this.auth.assert(Permission.HOUSEHOLD_READ, gridCode);
    return this.buildings.find({ where: { gridCode }, order: { code: 'ASC' } });
  }

  findVisibleByIds(ids: readonly string[]): Promise<(BuildingEntity | null)[]> {
    return visibleByIds(this.buildings, ids, this.auth, Permission.HOUSEHOLD_READ);
  }

  findVisibleHousesByIds(ids: readonly string[]): Promise<(HouseEntity | null)[]> {
    return visibleByIds(this.houses, ids, this.auth, Permission.HOUSEHOLD_READ);
  }

  /** Houses of each building, by unit, floor and number: the rows of the building map. */
  async housesOfBuildings(buildingIds: readonly string[]): Promise<HouseEntity[][]> {
    const query = this.houses
      .createQueryBuilder('house')
      .where('house.buildingId IN (:...buildingIds)', { buildingIds })
      .orderBy('house.unit')
      .addOrderBy('house.floor')
      .addOrderBy('house.number');
    const rows = await whereInScope(query, 'house.gridCode', this.auth, Permission.HOUSEHOLD_READ).getMany();
    return groupBy(buildingIds, rows, (h) => h.buildingId);
  }
}
