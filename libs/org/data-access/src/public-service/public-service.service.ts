import { DataSource, In, Repository } from 'typeorm';
import { AuthContext, Permission } from '@gridgov/platform-auth';
import { isUniqueViolation } from '@gridgov/platform-database';
import { badInput, conflict, InputProblems } from '@gridgov/platform-errors';
import { levelOfCode, significantPrefix } from '../admin-unit/admin-unit-code';
import { AdminUnitEntity } from '../admin-unit/admin-unit.entity';
import {
  ServiceCenterEntity,
  ServiceCenterKind,
  ServiceChannel,
  ServiceItemEntity,
} from './public-service.entity';

export type CreateServiceCenterInput = Pick<
  ServiceCenterEntity,
  'unitCode' | 'kind' | 'name' | 'address' | 'openingHours'
> &
  Partial<Pick<ServiceCenterEntity, 'lon' | 'lat' | 'extendedHours' | 'windows' | 'staffOnDuty'>>;

export type CreateServiceItemInput = Pick<
  ServiceItemEntity,
  'unitCode' | 'name' | 'categoryCode' | 'eligibility' | 'fee' | 'channel'
> &
  Partial<Pick<ServiceItemEntity, 'materials' | 'timeLimitDays' | 'proxyAllowed' | 'doorstep'>>;

export interface ServiceItemFilter {
  doorstepOnly?: boolean | null;
  categoryCode?: string | null;
}

/** Service centres and service items: public to read (residents look them up), unit:manage to write. */
export class PublicServiceService {
  private readonly centers: Repository<ServiceCenterEntity>;
  private readonly items: Repository<ServiceItemEntity>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthContext,
  ) {
    this.centers = dataSource.getRepository(ServiceCenterEntity);
    this.items = dataSource.getRepository(ServiceItemEntity);
  }

  async createCenter(input: CreateServiceCenterInput): Promise<ServiceCenterEntity> {
    const problems = new InputProblems()
      .check(Object.values(ServiceCenterKind).includes(input.kind), 'input.kind', 'unknown kind')
      .check(input.name.trim().length >= 2, 'input.name', 'must be at least 2 characters')
      .check(input.address.trim().length >= 2, 'input.address', 'must be at least 2 characters')
      .check(input.openingHours.trim().length >= 2, 'input.openingHours', 'e.g. 周一至周五 8:30-17:30')
      .check(
        input.windows == null || (Number.isInteger(input.windows) && input.windows >= 0),
        'input.windows',
        'must be ≥ 0',
      );
    if (input.lon != null || input.lat != null) {
      problems.check(
        input.lon != null && input.lat != null && Math.abs(input.lon) <= 180 && Math.abs(input.lat) <= 90,
        'input.lon',
        'give both lon and lat in WGS84 degrees',
      );
    }
    problems.throwIfAny();
    await this.assertManagedUnit(input.unitCode);
    return this.centers.save(
      this.centers.create({
        ...input,
        name: input.name.trim(),
        address: input.address.trim(),
        staffOnDuty: input.staffOnDuty ?? [],
      }),
    );
  }

  async createItem(input: CreateServiceItemInput): Promise<ServiceItemEntity> {
    new InputProblems()
      .check(
        input.name.trim().length >= 2 && input.name.length <= 100,
        'input.name',
        'must be 2 to 100 characters',
      )
      .check(
        /^[A-Z0-9.-]{1,16}$/.test(input.categoryCode),
        'input.categoryCode',
        'a category code such as SOC-01',
      )
      .check(Object.values(ServiceChannel).includes(input.channel), 'input.channel', 'unknown channel')
      .check(input.timeLimitDays == null || input.timeLimitDays >= 0, 'input.timeLimitDays', 'must be ≥ 0')
      .throwIfAny();
    await this.assertManagedUnit(input.unitCode);
    try {
      return await this.items.save(
        this.items.create({ ...input, name: input.name.trim(), materials: input.materials ?? [] }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'service_item_unit_name_key'))
        throw conflict(`Unit ${input.unitCode} has an item named ${input.name}`);
      throw error;
    }
  }

  /** Centres at the unit and below; public. */
  async centersUnder(unitCode: string): Promise<ServiceCenterEntity[]> {
    if (levelOfCode(unitCode) === undefined)
      throw badInput('unitCode', 'must be a 12-digit administrative unit code');
    return this.centers
      .createQueryBuilder('center')
      .where('center.unitCode LIKE :prefix', { prefix: `${significantPrefix(unitCode)}%` })
      .orderBy('center.unitCode')
      .addOrderBy('center.name')
      .getMany();
  }

  /** Items offered at a unit: its own and those defined by the units above it; public. */
  async itemsAt(unitCode: string, filter: ServiceItemFilter): Promise<ServiceItemEntity[]> {
    if (levelOfCode(unitCode) === undefined)
      throw badInput('unitCode', 'must be a 12-digit administrative unit code');
    const prefix = significantPrefix(unitCode);
    const ancestors = [2, 4, 6, 9, 12]
      .filter((n) => n <= prefix.length)
      .map((n) => prefix.slice(0, n).padEnd(12, '0'));
    return this.items.find({
      where: {
        unitCode: In(ancestors),
        ...(filter.doorstepOnly ? { doorstep: true } : {}),
        ...(filter.categoryCode ? { categoryCode: filter.categoryCode } : {}),
      },
      order: { categoryCode: 'ASC', name: 'ASC' },
    });
  }

  private async assertManagedUnit(unitCode: string): Promise<void> {
    if (levelOfCode(unitCode) === undefined)
      throw badInput('input.unitCode', 'must be a 12-digit administrative unit code');
    this.auth.assert(Permission.UNIT_MANAGE, significantPrefix(unitCode));
    if (!(await this.dataSource.getRepository(AdminUnitEntity).existsBy({ code: unitCode }))) {
      throw badInput('input.unitCode', `no administrative unit has code ${unitCode}`);
    }
  }
}
